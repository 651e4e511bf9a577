package org.patchlens.artifacts;

import java.util.HexFormat;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/**
 * Reading registry values the way the plugins need them, from any bytes: the value's text or number with a
 * note when its type is not the one the artifact uses, the file offset of its data, and the words that name a
 * value or key with its offset in a note. Never throws.
 */
public final class Values {
    private Values() {
    }

    /** The file offset of the cell holding {@code v}'s data; the {@code vk} cell's when the data is kept in it. */
    public static long dataOffset(Value v) {
        long cell = v.dataCellOffset();
        return cell >= 0 ? Hive.BASE_BLOCK_SIZE + cell : v.fileOffset();
    }

    /** {@code "ShutdownTime" at file offset 0x2A0C8}: a value and its data's offset, for a note. */
    public static String at(Value v) {
        return at(v, dataOffset(v));
    }

    /** A value and a given file offset, for a note. */
    public static String at(Value v, long offset) {
        return "\"" + (v.name().isEmpty() ? "(default)" : v.name()) + "\" at file offset " + hex(offset);
    }

    /** {@code key \Path (file offset 0x1020)}, for a note about a key. */
    public static String at(Key k) {
        return "key " + k.path() + " at file offset " + hex(k.fileOffset());
    }

    public static String hex(long offset) {
        return String.format("0x%X", offset);
    }

    /** A value read as text, and the note to add (null when none). */
    public record Text(String text, String note) {
    }

    /**
     * The value as text: a string (REG_SZ, REG_EXPAND_SZ, REG_LINK) up to its terminating NUL; REG_MULTI_SZ
     * entries joined by line breaks; a number in decimal; anything else as lower-case hex, with a note saying
     * the type is not a string's (empty data gives "" without one).
     */
    public static Text text(Value v) {
        byte[] data = v.data();
        DecodedValue d = v.decoded(data);
        return switch (d.kind()) {
            case STRING -> new Text(d.text(), null);
            case MULTI_STRING -> new Text(String.join("\n", d.strings()), null);
            case NUMBER -> new Text(Long.toUnsignedString(d.number()), null);
            case BINARY -> new Text(HexFormat.of().formatHex(data), data.length == 0 ? null
                    : at(v) + ": " + ValueType.name(v.typeCode()) + " of " + data.length
                            + " bytes where a string was expected; shown as hex");
        };
    }

    /** The value as text whatever its type, without a note: {@link #text}'s reading, bytes as hex. */
    public static String shown(Value v) {
        return text(v).text();
    }

    /** A value read as a number: {@code ok} false when it has none; the note to add (null when none). */
    public record Number(boolean ok, long value, String note) {
    }

    /**
     * The value as a number: REG_DWORD, REG_DWORD_BIG_ENDIAN and REG_QWORD as Windows reads them (unsigned);
     * a string holding a decimal or 0x-hex integer, or REG_BINARY of exactly 4 or 8 bytes (little-endian), is
     * read too, with a note; anything else is no number, with a note.
     */
    public static Number number(Value v) {
        byte[] data = v.data();
        DecodedValue d = v.decoded(data);
        String type = ValueType.name(v.typeCode());
        if (d.kind() == DecodedValue.Kind.NUMBER) {
            return new Number(true, d.number(), null);
        }
        if (d.kind() == DecodedValue.Kind.STRING) {
            Long n = parse(d.text());
            return n != null
                    ? new Number(true, n, at(v) + ": " + type + " " + quote(d.text()) + " where a number was expected; read as " + n)
                    : new Number(false, 0, at(v) + ": " + type + " " + quote(d.text()) + " where a number was expected");
        }
        if (v.typeCode() == ValueType.REG_BINARY.code() && (data.length == 4 || data.length == 8)) {
            long n = 0;
            for (int i = data.length - 1; i >= 0; i--) {
                n = n << 8 | (data[i] & 0xFFL);
            }
            return new Number(true, n, at(v) + ": REG_BINARY of " + data.length + " bytes where a number was "
                    + "expected; read as little-endian " + Long.toUnsignedString(n));
        }
        return new Number(false, 0, at(v) + ": " + type + " of " + data.length + " bytes where a number was expected"
                + (d.anomalies().isEmpty() ? "" : " (" + String.join("; ", d.anomalies()) + ")"));
    }

    /** Evidence text quoted in a note, cut after 80 characters. */
    public static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }

    private static Long parse(String s) {
        String t = s.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return t.matches("-?\\d{1,19}") ? Long.parseLong(t) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
