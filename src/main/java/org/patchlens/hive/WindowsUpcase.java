package org.patchlens.hive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The per-code-unit uppercase Windows uses to compare and hash key and value names
 * (RtlUpcaseUnicodeChar), for every UTF-16 code unit: Microsoft's published table
 * ({@code windows-upcase.txt} beside this class, [MS-UCODEREF] 3.1.5.3; its header gives the
 * source, the licence and how it was checked). Code units, not code points: a surrogate maps
 * to itself, as in Windows.
 */
public final class WindowsUpcase {
    /**
     * Latin-1 (every compressed name, most names) by rule, so that reading a hive whose names are all
     * Latin-1 never loads the table: a-z and U+00E0-U+00FE (except U+00F7) shift by 0x20, U+00FF maps
     * to U+0178, all else is unchanged (U+00B5 and U+00DF stay). Checked against the table by
     * WindowsUpcaseTest.
     */
    private static final char[] LATIN1 = new char[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean lower = (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7);
            LATIN1[c] = (char) (lower ? c - 0x20 : c == 0xFF ? 0x178 : c);
        }
    }

    /** The whole table, read on first need (a name above Latin-1 compared or hashed). */
    private static final class Wide {
        static final char[] TABLE = load();
    }

    private WindowsUpcase() {
    }

    /** Every code unit to itself, then the resource's "unit upper" lines (hex) over it. */
    private static char[] load() {
        char[] t = new char[65536];
        for (int c = 0; c < t.length; c++) {
            t[c] = (char) c;
        }
        try (InputStream in = WindowsUpcase.class.getResourceAsStream("windows-upcase.txt")) {
            if (in == null) {
                throw new IllegalStateException("windows-upcase.txt is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : text.split("\n")) {
                if (line.length() == 9 && line.charAt(4) == ' ') {
                    t[Integer.parseInt(line, 0, 4, 16)] = (char) Integer.parseInt(line, 5, 9, 16);
                } else if (!line.isEmpty() && line.charAt(0) != '#') {
                    throw new IllegalStateException("windows-upcase.txt: bad line \"" + line + "\"");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    public static char upcase(char c) {
        return c < 256 ? LATIN1[c] : Wide.TABLE[c];
    }

    /** Case-insensitive equality the way Windows compares names. */
    public static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && upcase(x) != upcase(y)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code lh} name hash: h = h * 37 + upcase(c) over the UTF-16 code units, mod 2^32. */
    public static int nameHash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = h * 37 + upcase(name.charAt(i));
        }
        return h;
    }
}
