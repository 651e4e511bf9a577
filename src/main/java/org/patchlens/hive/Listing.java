package org.patchlens.hive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;

/**
 * The plain key/value listing shared with hivex- and yarp-based tools (the corpus oracle
 * format): one {@code K} line per key in pre-order, its {@code V} lines after it, names
 * percent-escaped, times as raw FILETIMEs, data as lower-case hex.
 */
public final class Listing {
    private static final HexFormat HEX = HexFormat.of();

    private Listing() {
    }

    /** Writes the listing of the subtree at {@code start}; returns {keys, values}. */
    public static long[] write(Hive hive, Key start, Writer out) {
        return write(hive.walk(start), out);
    }

    /** Writes the listing of the keys {@code walk} gives (a walk, possibly observed for progress). */
    public static long[] write(Iterable<Key> walk, Writer out) {
        long keys = 0;
        long values = 0;
        try {
            StringBuilder line = new StringBuilder(256);
            for (Key k : walk) {
                keys++;
                line.setLength(0);
                line.append("K\t");
                int pathStart = line.length();
                escapedPath(k, line);
                String escPath = line.substring(pathStart);
                line.append('\t').append(Long.toUnsignedString(k.lastWrittenRaw())).append('\t');
                String cls = k.className();
                if (cls != null) {
                    escape(cls, line);
                }
                line.append('\n');
                out.append(line);
                for (Value v : k.values()) {
                    values++;
                    byte[] data = v.data();
                    line.setLength(0);
                    line.append("V\t").append(escPath);
                    line.append('\t');
                    escape(v.name(), line);
                    line.append('\t').append(v.typeCode()).append('\t').append(data.length).append('\t');
                    HEX.formatHex(line, data);
                    line.append('\n');
                    out.append(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {keys, values};
    }

    /** The key's path with each name escaped (a name holding '\\' stays one name). */
    static void escapedPath(Key k, StringBuilder sb) {
        if (k.isRoot()) {
            sb.append('\\');
            return;
        }
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (Key a = k; a != null && !a.isRoot(); a = a.parent()) {
            names.push(a.name());
        }
        for (String n : names) {
            sb.append('\\');
            escape(n, sb);
        }
    }

    /** %25 for %, %5C for \, %XX for characters below U+0020 and U+007F; the rest as is. */
    public static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '\\' || c < 0x20 || c == 0x7F) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                sb.append(c);
            }
        }
    }
}
