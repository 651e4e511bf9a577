package org.patchlens.model;

/**
 * Text from the evidence (file names, key paths, value names, strings) made fit for one line of a text
 * output or a stderr message. The one implementation: the models use it ({@link RegValue#shown}), and
 * {@code org.patchlens.report.Printable}, which every text output calls, hands over to it.
 */
public final class PrintableText {
    private PrintableText() {
    }

    /**
     * The text with every character that could act on a terminal, break a line or reorder what is shown
     * written as an escape: {@code \n}, {@code \r}, {@code \t}, otherwise {@code \}{@code uXXXX} (four
     * lower-case hex digits, as {@code \}{@code u001b}). Escaped are
     * <ul>
     * <li>the C0 controls U+0000..U+001F and DEL U+007F (ESC starts every escape sequence, BEL ends an OSC);</li>
     * <li>the C1 controls U+0080..U+009F (U+009B is a one-character CSI, U+009D an OSC, U+0085 a line end);</li>
     * <li>the bidirectional controls U+061C, U+200E, U+200F, U+202A..U+202E and U+2066..U+2069, which
     * reorder the rest of the line ("Trojan Source");</li>
     * <li>the line and paragraph separators U+2028 and U+2029;</li>
     * <li>a lone surrogate (U+D800..U+DFFF not part of a pair): it cannot be written as UTF-8, where it
     * would turn into a {@code ?} and lose the code unit; a valid pair (an emoji, say) stays as it is.</li>
     * </ul>
     * Everything else is kept, so a name is shown exactly and stays one line. A backslash is not escaped
     * (key paths are made of them), so a name holding a backslash, a {@code u} and four hex digits reads like
     * one holding the escaped character; the machine formats (JSONL, CSV, listing) tell them apart.
     */
    public static String of(String s) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean escape;
            int len = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                escape = false;
                len = 2;
            } else {
                escape = escaped(c);
            }
            if (escape) {
                if (sb == null) {
                    sb = new StringBuilder(n + 16).append(s, 0, i);
                }
                switch (c) {
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int k = hex.length(); k < 4; k++) {
                            sb.append('0');
                        }
                        sb.append(hex);
                    }
                }
            } else if (sb != null) {
                sb.append(s, i, i + len);
            }
            i += len - 1;
        }
        return sb == null ? s : sb.toString();
    }

    /** Whether {@link #of} escapes this character when it stands alone (a surrogate that is not paired). */
    public static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || Character.isSurrogate(c);
    }
}
