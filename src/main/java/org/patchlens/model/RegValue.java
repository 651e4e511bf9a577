package org.patchlens.model;

import java.util.Arrays;
import java.util.List;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/** A registry value as the rules and reports see it: decoded, with its raw bytes, its key's time and where it came from. */
public record RegValue(String name, long typeCode, byte[] data, String text, long keyLastWritten, Source source) {

    /** The value {@code v} of {@code key}, whose path in {@code file} is {@code keyPath}. */
    public static RegValue of(String file, String keyPath, Key key, Value v) {
        ValueReads.record(key, v); // for the workbook's Registry sheet: every value a rule read
        DecodedValue d = v.decoded();
        String text = switch (d.kind()) {
            case STRING -> d.text();
            case MULTI_STRING -> String.join("\n", d.strings());
            case NUMBER -> Long.toUnsignedString(d.number());
            case BINARY -> java.util.HexFormat.of().formatHex(v.data());
        };
        return new RegValue(v.name(), v.typeCode(), v.data(), text, key.lastWrittenRaw(),
                new Source(file, keyPath + " : " + (v.name().isEmpty() ? "(default)" : v.name()), v.fileOffset()));
    }

    public boolean isString() {
        return typeCode == ValueType.REG_SZ.code() || typeCode == ValueType.REG_EXPAND_SZ.code();
    }

    public boolean isDword() {
        return typeCode == ValueType.REG_DWORD.code() && data.length == 4;
    }

    /** The DWORD as an unsigned number, or -1 if this is not a 4-byte REG_DWORD. */
    public long dword() {
        return isDword() ? Long.parseLong(text) : -1;
    }

    /** REG_MULTI_SZ entries (every segment, empty ones kept), or the single string. */
    public List<String> lines() {
        DecodedValue d = DecodedValue.decode(typeCode, data);
        return d.kind() == DecodedValue.Kind.MULTI_STRING ? d.strings() : List.of(text);
    }

    /** Type name plus the data as a person reads it. */
    public String shown() {
        return ValueType.name(typeCode) + " " + (isString() ? "\"" + PrintableText.of(text) + "\"" : text);
    }

    public boolean sameData(RegValue o) {
        return typeCode == o.typeCode && Arrays.equals(data, o.data);
    }
}
