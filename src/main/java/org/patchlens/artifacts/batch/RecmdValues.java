package org.patchlens.artifacts.batch;

import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.ValueType;

/**
 * Value types and data as RECmd's batch CSV writes them (its Registry library's {@code KeyValue}): type names
 * {@code RegSz}, {@code RegDword} ...; numbers in decimal; bytes as upper-case hex pairs joined by {@code -};
 * strings as read. Unknown type codes keep their number. The reading itself is {@code hive dump}'s
 * ({@link DecodedValue}), so every row agrees with the dump of the same hive.
 */
final class RecmdValues {
    private static final String[] NAMES = {"RegNone", "RegSz", "RegExpandSz", "RegBinary", "RegDword",
        "RegDwordBigEndian", "RegLink", "RegMultiSz", "RegResourceList", "RegFullResourceDescription",
        "RegResourceRequirementsList", "RegQword"};

    private RecmdValues() {
    }

    /** RECmd's type name, or the decimal code of a type neither knows (FILETIME's 16 is RegFileTime). */
    static String typeName(long code) {
        if (code >= 0 && code < NAMES.length) {
            return NAMES[(int) code];
        }
        return code == 16 ? "RegFileTime" : Long.toString(code);
    }

    /** The data as text: the string, the strings one per line, the decimal number, or the bytes in hex. */
    static String data(DecodedValue d, byte[] raw) {
        return switch (d.kind()) {
            case STRING -> d.text();
            case MULTI_STRING -> String.join("\n", d.strings());
            case NUMBER -> Long.toUnsignedString(d.number());
            case BINARY -> hex(raw);
        };
    }

    /** {@code 0A-FF-00}, as .NET's BitConverter writes bytes; "" for none. */
    static String hex(byte[] data) {
        char[] c = new char[Math.max(0, data.length * 3 - 1)];
        final String digits = "0123456789ABCDEF";
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                c[3 * i - 1] = '-';
            }
            c[3 * i] = digits.charAt((data[i] >> 4) & 0xF);
            c[3 * i + 1] = digits.charAt(data[i] & 0xF);
        }
        return new String(c);
    }

    static boolean isBinaryType(long code) {
        return ValueType.of(code) == ValueType.REG_BINARY;
    }
}
