package org.patchlens.hive;

/**
 * The per-code-unit uppercase Windows uses to compare and hash key and value names
 * (RtlUpcaseUnicodeChar). Exact for Latin-1, and therefore for every compressed name:
 * a-z and U+00E0-U+00FE (except U+00F7) shift by 0x20, U+00FF maps to U+0178, all
 * else is unchanged (U+00B5 and U+00DF stay). Above Latin-1 it uses Java's simple
 * 1:1 mapping, minus the code points Windows is known to leave alone; see
 * docs/hive-library.md for the remaining approximation.
 */
public final class WindowsUpcase {
    /** Latin-1 (every compressed name, most names) directly; the rest from a table built on first need. */
    private static final char[] LATIN1 = new char[256];

    static {
        for (int c = 0; c < 256; c++) {
            LATIN1[c] = (char) compute((char) c);
        }
    }

    /** The whole table: about 5 ms of start-up to build, so only when a name above Latin-1 is compared. */
    private static final class Wide {
        static final char[] TABLE = new char[65536];

        static {
            for (int c = 0; c < 65536; c++) {
                TABLE[c] = (char) compute((char) c);
            }
        }
    }

    private WindowsUpcase() {
    }

    private static int compute(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') ? c - 0x20 : c;
        }
        if (c <= 0xFF) {
            if (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
                return c - 0x20;
            }
            return c == 0xFF ? 0x178 : c;
        }
        if (Character.isSurrogate(c) || leftAloneByWindows(c)) {
            return c;
        }
        char up = Character.toUpperCase(c);
        return up;
    }

    private static boolean leftAloneByWindows(char c) {
        switch (c) {
            case 0x0131: case 0x017F: case 0x01C5: case 0x01C8: case 0x01CB: case 0x01F2: case 0x0345:
            case 0x03C2: case 0x03D0: case 0x03D1: case 0x03D5: case 0x03D6: case 0x03F0: case 0x03F1:
            case 0x03F5:
                return true;
            default:
                return (c >= 0x10D0 && c <= 0x10FA) || (c >= 0x0525 && c <= 0x052F) || (c >= 0xA780 && c <= 0xA7FF);
        }
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
