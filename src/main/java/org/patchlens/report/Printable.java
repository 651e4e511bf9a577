package org.patchlens.report;

/**
 * Text from the evidence (file names, key paths, value names, strings) made fit for one line of a text
 * output or a stderr message: shared by the text formats, the other text commands and the error lines.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * Control characters as {@code \\n}, {@code \\r}, {@code \\t} or {@code \\uXXXX}: a name or string never
     * breaks a line, and no escape sequence from the evidence reaches the terminal.
     */
    public static String of(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
