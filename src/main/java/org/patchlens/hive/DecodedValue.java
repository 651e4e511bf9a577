package org.patchlens.hive;

import java.util.HexFormat;
import java.util.List;

/**
 * The decoded form of a value's data, kept apart from the raw bytes.
 *
 * @param kind      how the data was read: STRING, MULTI_STRING, NUMBER or BINARY
 * @param text      the string (STRING), null otherwise
 * @param strings   the entries (MULTI_STRING): every segment up to the data's end, empty entries kept
 * @param number    the integer (NUMBER), unsigned for QWORD values as a two's-complement long
 * @param anomalies what was odd about the data (odd length, no terminator, size mismatch, tail after NUL ...)
 */
public record DecodedValue(Kind kind, String text, List<String> strings, long number, List<String> anomalies) {
    public enum Kind { STRING, MULTI_STRING, NUMBER, BINARY }

    /** Decode {@code data} the way its type says, permissively; never throws. */
    public static DecodedValue decode(long typeCode, byte[] data) {
        ValueType type = ValueType.of(typeCode);
        java.util.ArrayList<String> anomalies = new java.util.ArrayList<>(0);
        switch (type) {
            case REG_SZ, REG_EXPAND_SZ, REG_LINK -> {
                if ((data.length & 1) != 0) {
                    anomalies.add("odd data length " + data.length);
                }
                int units = data.length / 2;
                int end = units;
                for (int i = 0; i < units; i++) {
                    if (data[2 * i] == 0 && data[2 * i + 1] == 0) {
                        end = i;
                        break;
                    }
                }
                if (end == units && units > 0 && type != ValueType.REG_LINK) {
                    anomalies.add("no terminating NUL");
                } else if (end < units - 1) {
                    anomalies.add("data after the terminating NUL (" + (data.length - 2 * (end + 1)) + " bytes)");
                }
                return new DecodedValue(Kind.STRING, Text.utf16le(data, 0, end * 2), null, 0, List.copyOf(anomalies));
            }
            case REG_MULTI_SZ -> {
                if ((data.length & 1) != 0) {
                    anomalies.add("odd data length " + data.length);
                }
                java.util.ArrayList<String> parts = new java.util.ArrayList<>();
                int units = data.length / 2;
                int start = 0;
                boolean terminated = false;
                for (int i = 0; i < units; i++) {
                    if (data[2 * i] == 0 && data[2 * i + 1] == 0) {
                        if (i == start) {
                            // an empty string: the end of the list for Windows readers
                            if (i + 1 < units) {
                                anomalies.add("empty entry inside the list");
                                parts.add("");
                                start = i + 1;
                                continue;
                            }
                            terminated = true;
                            start = i + 1;
                            break;
                        }
                        parts.add(Text.utf16le(data, 2 * start, 2 * (i - start)));
                        start = i + 1;
                    }
                }
                if (start < units) {
                    parts.add(Text.utf16le(data, 2 * start, 2 * (units - start)));
                    anomalies.add("no terminating NUL");
                } else if (!terminated && units > 0) {
                    anomalies.add("list not ended by an empty string");
                }
                return new DecodedValue(Kind.MULTI_STRING, null, List.copyOf(parts), 0, List.copyOf(anomalies));
            }
            case REG_DWORD, REG_DWORD_BIG_ENDIAN -> {
                if (data.length == 4) {
                    long v = type == ValueType.REG_DWORD
                            ? (data[0] & 0xFFL) | (data[1] & 0xFFL) << 8 | (data[2] & 0xFFL) << 16 | (data[3] & 0xFFL) << 24
                            : (data[3] & 0xFFL) | (data[2] & 0xFFL) << 8 | (data[1] & 0xFFL) << 16 | (data[0] & 0xFFL) << 24;
                    return new DecodedValue(Kind.NUMBER, null, null, v, List.of());
                }
                return binary("size mismatch: " + data.length + " bytes for a 4-byte type");
            }
            case REG_QWORD -> {
                if (data.length == 8) {
                    long v = 0;
                    for (int i = 7; i >= 0; i--) {
                        v = v << 8 | (data[i] & 0xFFL);
                    }
                    return new DecodedValue(Kind.NUMBER, null, null, v, List.of());
                }
                return binary("size mismatch: " + data.length + " bytes for an 8-byte type");
            }
            default -> {
                return new DecodedValue(Kind.BINARY, null, null, 0, List.of());
            }
        }
    }

    /** This decoded form with {@code note} (about where the bytes come from) first among its anomalies; itself when null. */
    public DecodedValue withNote(String note) {
        if (note == null) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(anomalies.size() + 1);
        all.add(note);
        all.addAll(anomalies);
        return new DecodedValue(kind, text, strings, number, List.copyOf(all));
    }

    private static DecodedValue binary(String anomaly) {
        return new DecodedValue(Kind.BINARY, null, null, 0, List.of(anomaly));
    }

    /** A one-line rendering: the string, entries joined by " | "... numbers in decimal and hex, bytes as hex. */
    public String render(byte[] data) {
        return switch (kind) {
            case STRING -> text;
            case MULTI_STRING -> String.join("\n", strings);
            case NUMBER -> Long.toUnsignedString(number) + " (0x" + Long.toHexString(number) + ")";
            case BINARY -> HexFormat.of().formatHex(data);
        };
    }
}
