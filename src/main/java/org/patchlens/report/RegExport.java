package org.patchlens.report;

import java.io.IOException;
import java.io.Writer;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Writes a subtree as a regedit 5.00 file (the caller encodes it as UTF-16LE with a BOM;
 * lines end in CRLF). A value is written as a quoted string only when that round-trips
 * exactly (REG_SZ ending in one NUL, no other NUL, no line breaks), as dword: only for
 * 4-byte REG_DWORD, and otherwise as hex(type): bytes, so no byte is lost.
 */
public final class RegExport {
    private static final String CRLF = "\r\n";

    private RegExport() {
    }

    /** {@code prefix} is the root the hive is shown under, e.g. {@code HKEY_LOCAL_MACHINE\SYSTEM}. */
    public static long[] write(Hive hive, Key start, String prefix, Writer out) throws IOException {
        long keys = 0;
        long values = 0;
        out.write("Windows Registry Editor Version 5.00" + CRLF);
        StringBuilder sb = new StringBuilder(256);
        for (Key k : hive.walk(start)) {
            keys++;
            sb.setLength(0);
            sb.append(CRLF).append('[').append(prefix);
            if (!k.isRoot()) {
                sb.append(k.path());
            }
            sb.append(']').append(CRLF);
            for (Value v : k.values()) {
                values++;
                appendValue(v, sb);
            }
            out.append(sb);
        }
        out.write(CRLF);
        out.flush();
        return new long[] {keys, values};
    }

    static void appendValue(Value v, StringBuilder sb) {
        if (v.name().isEmpty()) {
            sb.append('@');
        } else {
            quote(v.name(), sb);
        }
        sb.append('=');
        byte[] d = v.data();
        long type = v.typeCode();
        String plain = type == 1 ? plainString(d) : null;
        if (plain != null) {
            quote(plain, sb);
        } else if (type == 4 && d.length == 4) {
            sb.append(String.format("dword:%08x", (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16
                    | (d[3] & 0xFFL) << 24));
        } else {
            sb.append(type == 3 ? "hex:" : "hex(" + Long.toHexString(type) + "):");
            int lineStart = sb.length();
            for (int i = 0; i < d.length; i++) {
                if (i > 0) {
                    sb.append(',');
                    if (sb.length() - lineStart > 74) {
                        sb.append('\\').append(CRLF).append("  ");
                        lineStart = sb.length();
                    }
                }
                sb.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
            }
        }
        sb.append(CRLF);
    }

    /** The string if the data is exactly UTF-16LE text plus one terminating NUL, else null. */
    private static String plainString(byte[] d) {
        if (d.length < 2 || (d.length & 1) != 0 || d[d.length - 1] != 0 || d[d.length - 2] != 0) {
            return null;
        }
        StringBuilder s = new StringBuilder(d.length / 2);
        for (int i = 0; i < d.length - 2; i += 2) {
            char c = (char) ((d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8);
            if (c == 0 || c == '\r' || c == '\n' || Character.isSurrogate(c)) {
                return null;
            }
            s.append(c);
        }
        return s.toString();
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
