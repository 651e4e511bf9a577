package org.patchlens.hive;

/** The REG_* value types. Codes outside this list are legal and kept as numbers ({@link #UNKNOWN}). */
public enum ValueType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_LINK(6),
    REG_MULTI_SZ(7),
    REG_RESOURCE_LIST(8),
    REG_FULL_RESOURCE_DESCRIPTOR(9),
    REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11),
    /** Any other 32-bit code; the code itself is in {@link Value#typeCode()}. */
    UNKNOWN(-1);

    private final int code;
    /** values() clones its array on every call; of() runs once per value of a dump. */
    private static final ValueType[] BY_CODE = values();

    ValueType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ValueType of(long code) {
        return code >= 0 && code <= 11 ? BY_CODE[(int) code] : UNKNOWN;
    }

    /** The name for a raw code: REG_SZ, ..., or the decimal code for unknown types. */
    public static String name(long code) {
        ValueType t = of(code);
        return t == UNKNOWN ? Long.toString(code) : t.name();
    }

    /** The code for a type name ("REG_SZ", "sz", or a number). */
    public static long parse(String text) {
        String s = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (!s.startsWith("REG_")) {
            s = "REG_" + s;
        }
        for (ValueType t : values()) {
            if (t != UNKNOWN && t.name().equals(s)) {
                return t.code;
            }
        }
        return Long.decode(text.trim());
    }
}
