package org.patchlens.report;

/**
 * How many lines a text takes in a wrapped cell, estimated the way a spreadsheet program lays it out, so
 * that {@link XlsxBook} can set each row's height (spreadsheet programs do not grow a row to fit wrapped
 * text when they open a file; a row too short prints its text over the next row).
 *
 * <p>Widths are the advance widths of Arial (Liberation Sans, its metric-compatible twin in LibreOffice) and
 * of Courier New (every character 600/1000 em), at 10 pt. A column {@code w} characters wide holds
 * {@code 5.5 w - 2} points of text: measured with LibreOffice 7 on columns 5 to 100 wide (a line of
 * '0's broke after 4, 9, 19, 29, 39, 59 and 98 of them at widths 5, 10, 20, 30, 40, 60 and 100, of
 * Courier '0's after 4, 8, 18, 27, 36, 55 and 91), never more than any of those measurements allow.
 * A spreadsheet program breaks a line after a space, '-', '/' or '\' where it can (but never before a ':' or
 * another character no line starts with, even after a space) and cuts a word that is longer than a line where the
 * line is full; breaking at spaces only packs some texts tighter and the
 * break characters others, so the estimate is the larger of the two.
 */
final class TextFit {
    /** Advance widths of Arial / Liberation Sans, U+0020..U+00FF, in 1/1000 em (0 for the C1 controls). */
    private static final short[] SANS = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 552,
        400, 549, 333, 333, 333, 576, 537, 333, 333, 333, 365, 556, 834, 834, 834, 611,
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500};
    /** Advance widths of Arial Bold / Liberation Sans Bold, U+0020..U+00FF, in 1/1000 em. */
    private static final short[] SANS_BOLD = {
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 552,
        400, 549, 333, 333, 333, 576, 556, 333, 333, 333, 365, 556, 834, 834, 834, 611,
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
        611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556};
    /** Points per line of 10 pt text in a wrapped cell (Liberation Sans 1.149 em with its line gap, plus rounding). */
    static final float LINE_POINTS = 11.6f;
    /** Points above and below the text of a row. */
    static final float ROW_PADDING = 2.4f;

    private TextFit() {
    }

    /** Points of text a column {@code chars} wide holds on one line (10 pt). */
    static double usable(double chars) {
        return Math.max(8, 5.5 * chars - 2);
    }

    /** The advance of one character at 10 pt, in points. */
    static double advance(int c, boolean mono) {
        return advance(c, mono, false);
    }

    static double advance(int c, boolean mono, boolean bold) {
        if (mono) {
            return 6.0;
        }
        if (c >= 0x20 && c <= 0xFF) {
            int w = (bold ? SANS_BOLD : SANS)[c - 0x20];
            return (w == 0 ? 600 : w) / 100.0;
        }
        // Outside Latin-1: as wide as an ideograph, so an estimate is never short.
        return 10.0;
    }

    /** The width of a text on one line, in points at 10 pt. */
    static double width(String s, boolean mono, boolean bold) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            w += advance(c, mono, bold);
            i += Character.charCount(c);
        }
        return w;
    }

    /**
     * The lines {@code text} needs in a wrapped cell {@code chars} wide (10 pt), counting at most
     * {@code cap + 1} (a caller that shows at most {@code cap} lines needs no exact count beyond).
     */
    static int lines(String text, double chars, boolean mono, boolean bold, int cap) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        if (text.indexOf('\n') < 0 && width(text, mono, bold) <= usable(chars)) {
            return 1; // most cells: one line, whatever the breaks
        }
        int lines = count(text, chars, mono, bold, cap, 0);
        for (int marks = 1; marks <= 2 && lines <= cap; marks++) {
            lines = Math.max(lines, count(text, chars, mono, bold, cap, marks));
        }
        return lines;
    }

    /** Lines with breaks at spaces only ({@code marks} 0), also after '-', '\' and '/' (1), or '-' and '\' (2). */
    private static int count(String text, double chars, boolean mono, boolean bold, int cap, int marks) {
        double room = usable(chars);
        int lines = 0;
        int start = 0;
        int n = text.length();
        while (start <= n && lines <= cap) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lines += paragraph(text, start, end, room, mono, bold, marks, cap + 1 - lines);
            start = end + 1;
        }
        return Math.max(1, lines);
    }

    /**
     * Whether a line may break after {@code c} (besides a space), followed by {@code next}: after '-' and
     * '\'; after '/' too in model 1, but not before a digit (LibreOffice keeps "0022/00000001" together).
     */
    private static boolean breaksAfter(char c, int next, int marks) {
        return c == '-' || c == '\\' || marks == 1 && c == '/' && !(next >= '0' && next <= '9');
    }

    /**
     * Whether a line may not start with {@code c}, even after spaces (Unicode line breaking, UAX #14 rule 13: a
     * closing bracket, '!', '?', or a separator such as ':', ';', ',', '.', '/'): LibreOffice keeps
     * "RegSync : 00000002" together up to the space after the ':', and moves "RegSync" to the next line with it.
     */
    private static boolean startsNoLine(char c) {
        return c == ':' || c == ';' || c == ',' || c == '.' || c == '!' || c == '?' || c == ')' || c == ']'
                || c == '}' || c == '/';
    }

    /**
     * Lines of one paragraph (no line breaks in it), greedy: at spaces, and after the characters of
     * {@link #breaksAfter} in models 1 and 2; a piece longer than a line is cut where the line is full.
     */
    private static int paragraph(String s, int from, int to, double room, boolean mono, boolean bold, int marks,
                                 int cap) {
        int lines = 1;
        double used = 0;
        int i = from;
        while (i < to && lines <= cap) {
            // the next piece and the spaces before it
            double spaces = 0;
            while (i < to && s.charAt(i) == ' ') {
                spaces += advance(' ', mono, bold);
                i++;
            }
            int w0 = i;
            double word = 0;
            while (i < to) {
                if (s.charAt(i) == ' ') {
                    // "key : value": no line starts with ':' (or ',', ')', ...), even after spaces, so the spaces
                    // and what follows them stay with this piece
                    int j = i;
                    while (j < to && s.charAt(j) == ' ') {
                        j++;
                    }
                    if (j == to || !startsNoLine(s.charAt(j))) {
                        break;
                    }
                    word += (j - i) * advance(' ', mono, bold);
                    i = j;
                }
                int c = s.codePointAt(i);
                word += advance(c, mono, bold);
                i += Character.charCount(c);
                if (marks > 0 && c < 0x10000 && breaksAfter((char) c, i < to ? s.charAt(i) : ' ', marks)) {
                    break;
                }
            }
            if (i == w0) {
                break; // trailing spaces take no room at the end of a line
            }
            if (used > 0 && used + spaces + word > room) {
                lines++;
                used = 0;
            } else if (used > 0) {
                used += spaces;
            }
            if (word <= room - used) {
                used += word;
                continue;
            }
            // a piece longer than a line: cut where each line is full
            for (int k = w0; k < i; ) {
                int c = s.codePointAt(k);
                double a = advance(c, mono, bold);
                if (used > 0 && used + a > room) {
                    lines++;
                    used = 0;
                    if (lines > cap) {
                        break;
                    }
                }
                used += a;
                k += Character.charCount(c);
            }
        }
        return lines;
    }
}
