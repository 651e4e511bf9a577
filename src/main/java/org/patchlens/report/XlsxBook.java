package org.patchlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.patchlens.report.XlsxStyles.Style;

/**
 * The one place that knows how a patchlens sheet looks. A streaming workbook (SXSSF: a small
 * window of rows in memory, the rest in temporary files that {@link #close()} always deletes)
 * with the house styles ({@link XlsxStyles}), typed tables that continue on "Name (2)" past Excel's
 * row limit ({@link XlsxTable}), free-form pages such as the Summary ({@link XlsxPage}), and the
 * safety rules for evidence text, which every cell of either goes through ({@link #put}):
 * <ul>
 * <li>text is always a string cell, never a formula (a value starting with {@code = + - @} stays text);</li>
 * <li>characters XML cannot carry (control characters, U+FFFE/U+FFFF, lone surrogates) are written with
 * the OOXML {@code _xHHHH_} escape and a literal {@code _xHHHH_} in the text is protected as
 * {@code _x005F_xHHHH_}, so a spreadsheet program shows exactly the evidence text;</li>
 * <li>text longer than 32,767 characters is cut visibly, with a note saying where the full value is;</li>
 * <li>every cell goes through this (table headers and Summary labels too: the Store sheet's headers name
 * evidence files), and so do the document title and custom properties ("sha256 NAME"), which are XML as well.</li>
 * </ul>
 * And the rules for a page a person reads or prints:
 * <ul>
 * <li>every text cell wraps, and every row's height is set to what its tallest cell needs ({@link TextFit}),
 * at most {@link #MAX_LINES} lines: a longer cell shows its first lines, clipped at the bottom of its row, and
 * never prints over the rows below; the full text stays in the cell (but a value's bytes that a screen-only
 * column holds in full print as many words as fit, then a note saying so: {@link HexExcerpt});</li>
 * <li>hex ({@link Kind#HEX}, {@link Mono}) is in a fixed-width font in words of 8 bytes, and columns are
 * at least one word wide, so a value never breaks inside a byte;</li>
 * <li>a number or date column is widened to its widest value, so no cell shows {@code ###};</li>
 * <li>tables print landscape, one page wide, the header row on every page, without their screen-only columns;
 * pages (the Summary) portrait; every page with the sheet, the title and case, the page number ({@link XlsxPrint}).</li>
 * </ul>
 * Typical use: {@code try (XlsxBook b = new XlsxBook(opts)) { ...tables...; b.save(path); }}.
 */
public final class XlsxBook implements AutoCloseable {
    /** Rows in an Excel sheet, header included (1,048,576). */
    public static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    /** Characters in an Excel cell (32,767). */
    public static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** The run time and document dates written by {@code --deterministic}: 2000-01-01T00:00:00Z. */
    public static final Instant FIXED_TIME = Instant.parse("2000-01-01T00:00:00Z");
    /** The most lines a row is made tall for (34 lines of 10 pt, within Excel's 409 pt row limit). */
    public static final int MAX_LINES = 34;
    /** Characters in a hex word: 8 bytes. */
    public static final int HEX_WORD = 16;

    /**
     * How a workbook is written.
     *
     * @param version       the tool version, for the creator ("patchlens " + version)
     * @param title         the document title (core property)
     * @param deterministic fixed document dates (the zip entries always carry time 0), so the same input gives
     *                      the same bytes
     * @param fullValueHint where a truncated cell's full value can be found, e.g. "report.jsonl"
     * @param subject       what the workbook is about, printed after the title in the page header ("" for none)
     */
    public record Options(String version, String title, boolean deterministic, String fullValueHint, String subject) {
        public Options {
            fullValueHint = fullValueHint == null || fullValueHint.isBlank()
                    ? "the JSONL output of the same command" : fullValueHint;
            subject = subject == null ? "" : subject;
        }

        /** Options without a subject. */
        public Options(String version, String title, boolean deterministic, String fullValueHint) {
            this(version, title, deterministic, fullValueHint, "");
        }

        /**
         * The same options with what the workbook is about (the case: for a restore check the Exchange virtual
         * server), printed after the title at the top of every page.
         */
        public Options withSubject(String what) {
            return new Options(version, title, deterministic, fullValueHint, what);
        }

        public String creator() {
            return "patchlens " + version;
        }
    }

    /** How a column's cells are written and styled. */
    public enum Kind {
        /** Short text (wrapped when it does not fit). */
        TEXT,
        /** Long text, wrapped. */
        WRAP,
        /** GUIDs, raw FILETIME/LOGTIME, offsets, commands: text in a fixed-width font, wrapped. */
        MONO,
        /** Raw data as hex: fixed-width, in words of 8 bytes ({@link #hexWords}), wrapped between words. */
        HEX,
        /** A number our own code computed (sizes, counts, generations). */
        NUMBER,
        /** A UTC timestamp as an Excel date cell (value: an {@link Instant}). */
        DATE,
        /** CRIT/HIGH/WARN/INFO: coloured on the rows whose status is FAIL or WARN. */
        SEVERITY,
        /** FAIL/WARN/PASS/SKIPPED (and log-chain states): FAIL, WARN and the log chain's faults coloured. */
        STATUS,
        /** added/removed/changed, coloured by conditional formatting. */
        CHANGE,
        /** The reviewer's sign-off: empty, with a drop-down of {@link #REVIEW_CHOICES}. */
        REVIEW,
        /** The runbook's Done column: empty, with a drop-down of {@link #DONE_CHOICES}. */
        DONE,
        /** A hyperlink ({@link Link} value). */
        LINK
    }

    /** The drop-down of a {@link Kind#REVIEW} column. */
    public static final List<String> REVIEW_CHOICES = List.of("Open", "Accepted", "Fixed", "Not applicable");

    /**
     * The drop-down of a {@link Kind#DONE} column: Done, Skipped; and empty (not yet), which is the blank cell the
     * validation allows (a list item cannot be empty: POI drops it, and Excel would ignore it).
     */
    public static final List<String> DONE_CHOICES = List.of("Done", "Skipped");

    /**
     * A table column: header text, width in characters, kind, and whether it is printed. A spreadsheet cannot
     * hide a column on paper only, so a table's screen-only columns are its last ones: its print area ends
     * before them ({@link XlsxPrint}).
     */
    public record Column(String header, int width, Kind kind, boolean printed) {
        /** A column that is shown and printed. */
        public Column(String header, int width, Kind kind) {
            this(header, width, kind, true);
        }

        /** This column on screen only: left out of the printed pages (a table's last columns). */
        public Column screenOnly() {
            return new Column(header, width, kind, false);
        }
    }

    /** A hyperlink cell: text and either a URL or a place in this workbook ("'Findings'!A7"). */
    public record Link(String text, String target, boolean internal, Long number) {
        public static Link url(String text, String url) {
            return new Link(text, url, false, null);
        }

        /** A link to a cell of this workbook (row and column 0-based). */
        public static Link to(String text, String sheet, int row, int column) {
            return new Link(text, ref(sheet, row, column), true, null);
        }

        /** A number cell that links to a cell of this workbook. */
        public static Link count(long n, String sheet, int row, int column) {
            return new Link(Long.toString(n), ref(sheet, row, column), true, n);
        }

        private static String ref(String sheet, int row, int column) {
            return "'" + sheet.replace("'", "''") + "'!" + new CellReference(row, column).formatAsString();
        }
    }

    /** Text written in the fixed-width font whatever its column (a finding's value that holds hex). */
    public record Mono(String text) {
    }

    /**
     * A value's bytes as hex ({@code hex}: two digits a byte) in a printed column, while the screen-only column
     * {@code hexColumn} holds all of them: written in words of 8 bytes, in the fixed-width font, whole when they fit
     * {@link #MAX_LINES} lines, else as many first words as fit, then a note saying how many bytes there are and
     * where every one is ({@link #excerpt}), so that a printed row never just stops. {@code elsewhere} is where they
     * are when even {@code hexColumn} cannot hold them all ({@link #MAX_TEXT}); null for the workbook's
     * {@link Options#fullValueHint}.
     */
    public record HexExcerpt(String hex, String hexColumn, String elsewhere) {
        public HexExcerpt(String hex, String hexColumn) {
            this(hex, hexColumn, null);
        }
    }

    /** Where one table row landed: sheet name and 0-based row index. */
    public record Place(String sheet, int row) {
    }

    /** The fill of the Summary's verdict banner. */
    public enum Tone {
        /** The store will not start. */
        RED(new byte[] {(byte) 0xC0, 0x00, 0x00}, true),
        /** Unlikely to start, or warnings only. */
        AMBER(new byte[] {(byte) 0xFF, (byte) 0xC0, 0x00}, false),
        /** Every check passed or was skipped. */
        GREEN(new byte[] {0x2E, 0x7D, 0x32}, true),
        /** A title without a verdict (the hive workbooks). */
        NONE(null, false);

        final byte[] rgb;
        final boolean whiteText;

        Tone(byte[] rgb, boolean whiteText) {
            this.rgb = rgb;
            this.whiteText = whiteText;
        }
    }

    private final Options options;
    private final SXSSFWorkbook wb;
    private final XlsxStyles styles;
    private final List<XlsxTable> tables = new ArrayList<>();
    private final Map<String, String> customProperties = new LinkedHashMap<>();
    int maxRows = MAX_ROWS;
    private long truncated;

    public XlsxBook(Options options) {
        this.options = options;
        RunTemp.install(); // POI's sheet files in this run's private folder, not a shared one
        this.wb = new SXSSFWorkbook(null, 100, false, false);
        this.styles = new XlsxStyles(wb);
    }

    public Options options() {
        return options;
    }

    /** Cells cut at {@link #MAX_TEXT} so far. */
    public long truncatedCells() {
        return truncated;
    }

    /** A custom document property (e.g. "sha256 SYSTEM" = digest), in insertion order. */
    public void property(String name, String value) {
        customProperties.put(name, value);
    }

    /** A new table on a new sheet named {@code name} (continued on "name (2)", ... when full). */
    public XlsxTable table(String name, List<Column> columns) {
        XlsxTable t = new XlsxTable(this, name, List.copyOf(columns));
        tables.add(t);
        return t;
    }

    /** A free-form sheet (the Summary): labelled lines, headings, links; printed portrait, one page wide. */
    public XlsxPage page(String name, int... widths) {
        return new XlsxPage(this, name, widths);
    }

    /** The POI workbook the tables and pages add their sheets to. */
    SXSSFWorkbook workbook() {
        return wb;
    }

    XlsxStyles styles() {
        return styles;
    }

    // ---------------------------------------------------------------- text safety

    /** The text as written to a cell: escaped for XML and cut at {@link #MAX_TEXT} with a visible note. */
    String cellText(String s) {
        if (s == null) {
            return "";
        }
        String e = escape(s, Integer.MAX_VALUE);
        if (e.length() <= MAX_TEXT) {
            return e;
        }
        truncated++;
        String note = String.format(" … [truncated by patchlens: %,d characters in all; the full value is in %s]",
                s.length(), options.fullValueHint());
        return escape(s, MAX_TEXT - note.length()) + note;
    }

    /**
     * OOXML escaping of one string, stopping before {@code budget} characters. Characters XML 1.0
     * cannot carry become {@code _xHHHH_} (which Excel and LibreOffice decode back), and an
     * underscore that would start such a sequence becomes {@code _x005F_}.
     */
    static String escape(String s, int budget) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String piece = null;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                width = 2;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
                    || Character.isSurrogate(c)) {
                piece = String.format("_x%04X_", (int) c);
            } else if (c == '_' && isEscapeAt(s, i)) {
                piece = "_x005F_";
            }
            if (sb == null && (piece != null || i + width > budget)) {
                sb = new StringBuilder(Math.min(n + 16, MAX_TEXT + 16)).append(s, 0, i);
            }
            if (sb != null) {
                int add = piece != null ? piece.length() : width;
                if (sb.length() + add > budget) {
                    return sb.toString();
                }
                if (piece != null) {
                    sb.append(piece);
                } else {
                    sb.append(s, i, i + width);
                }
            }
            i += width - 1;
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isEscapeAt(String s, int i) {
        if (i + 7 > s.length() || s.charAt(i + 1) != 'x' && s.charAt(i + 1) != 'X' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The largest integer a double (an Excel number) holds exactly: 2^53. */
    static final long MAX_EXACT = 1L << 53;

    /** The Excel date of an instant, or null when Excel cannot show it (before 1900-03-01 or after 9999). */
    static LocalDateTime excelDate(Instant t) {
        if (t == null) {
            return null;
        }
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (d.getYear() > 9999 || d.isBefore(LocalDateTime.of(1900, 3, 1, 0, 0))) {
            return null;
        }
        return d;
    }

    /**
     * Hex digits in words of 8 bytes ({@value #HEX_WORD} digits) separated by spaces, so a wrapped cell
     * breaks between words and never inside a byte: {@code 0f161d242b323940 474e555c636a7178}. Text that
     * is not a run of hex digits (already spaced, or empty) is returned as it is.
     */
    public static String hexWords(String hex) {
        if (hex == null || hex.length() <= HEX_WORD) {
            return hex;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return hex;
            }
        }
        StringBuilder sb = new StringBuilder(hex.length() + hex.length() / HEX_WORD);
        for (int i = 0; i < hex.length(); i += HEX_WORD) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex, i, Math.min(hex.length(), i + HEX_WORD));
        }
        return sb.toString();
    }

    /** Points a 10 pt number or date needs, as a spreadsheet program shows it (General format, or the date format). */
    static double numberPoints(Object v) {
        if (v instanceof Instant) {
            return TextFit.width("2001-06-15 12:00:00.000", false, false);
        }
        return TextFit.width(String.valueOf(v), false, false);
    }

    /**
     * Writes one cell; returns the lines it needs in a column {@code chars} wide (its text wrapped, at most
     * {@link #MAX_LINES}), or 1 for a number, a date or an empty cell.
     */
    int put(Row row, int col, Object value, Kind kind, double chars) {
        if (value == null) {
            if (kind == Kind.REVIEW || kind == Kind.DONE) {
                row.createCell(col).setCellStyle(styles.get(Style.TEXT));
            }
            return 1;
        }
        Cell c = row.createCell(col);
        if (value instanceof Instant t) {
            LocalDateTime d = excelDate(t);
            if (d != null) {
                c.setCellValue(d);
                c.setCellStyle(styles.get(Style.DATE));
            } else {
                c.setCellValue("");
            }
            return 1;
        }
        if (value instanceof Long l) {
            if (Math.abs(l) > MAX_EXACT) {
                // An Excel number is a double: beyond 2^53 it would not be this number any more.
                return text(c, Long.toString(l), true, chars);
            }
            c.setCellValue((double) l);
            c.setCellStyle(styles.get(Style.NUMBER));
            return 1;
        }
        if (value instanceof Integer i) {
            c.setCellValue(i);
            c.setCellStyle(styles.get(Style.NUMBER));
            return 1;
        }
        if (value instanceof Link l) {
            int lines = 1;
            if (l.number() != null) {
                c.setCellValue((double) l.number());
            } else {
                c.setCellValue(cellText(l.text()));
                lines = TextFit.lines(l.text(), chars, false, false, MAX_LINES);
            }
            Hyperlink h = wb.getCreationHelper().createHyperlink(l.internal() ? HyperlinkType.DOCUMENT
                    : HyperlinkType.URL);
            h.setAddress(l.target());
            c.setHyperlink(h);
            c.setCellStyle(styles.get(Style.LINK));
            return Math.min(lines, MAX_LINES);
        }
        if (value instanceof Mono m) {
            return text(c, m.text(), true, chars);
        }
        if (value instanceof HexExcerpt h) {
            return text(c, excerpt(h, chars), true, chars);
        }
        String s = value.toString();
        return switch (kind) {
            case HEX -> text(c, hexWords(s), true, chars);
            case MONO -> text(c, s, true, chars);
            default -> text(c, s, false, chars);
        };
    }

    /**
     * A wrapped text cell; returns the lines it needs, at most {@link #MAX_LINES}. A spreadsheet program clips
     * a wrapped cell at the bottom of a row whose height is set, so a text longer than that shows its first
     * lines and never prints over the next row; the cell still holds all of it.
     */
    private int text(Cell c, String s, boolean mono, double chars) {
        c.setCellValue(cellText(s));
        c.setCellStyle(styles.get(mono ? Style.MONO : Style.TEXT));
        return Math.min(MAX_LINES, TextFit.lines(s, chars, mono, false, MAX_LINES));
    }

    /**
     * The hex of {@code h} in words of 8 bytes as a column {@code chars} wide prints it: whole when it fits
     * {@link #MAX_LINES} lines; else its first words, as many as fit with the note on the lines after them
     * ("… 56,256 bytes in all; every byte is in the Hex column"), counted as {@link #put} counts the row's lines.
     */
    String excerpt(HexExcerpt h, double chars) {
        String words = hexWords(h.hex());
        if (TextFit.lines(words, chars, true, false, MAX_LINES) <= MAX_LINES) {
            return words;
        }
        String note = String.format("… %,d bytes in all; ", h.hex().length() / 2) + (words.length() <= MAX_TEXT
                ? "every byte is in the " + h.hexColumn() + " column"
                : "too many for the " + h.hexColumn() + " column: every byte is in "
                        + (h.elsewhere() != null ? h.elsewhere() : options.fullValueHint()));
        // the most words that fit with the note: more words never take fewer lines
        int lo = 0;
        int hi = Math.min((words.length() + 1) / (HEX_WORD + 1),
                MAX_LINES * (int) (TextFit.usable(chars) / TextFit.advance('0', true) + 1));
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (TextFit.lines(firstWords(words, mid, note), chars, true, false, MAX_LINES) <= MAX_LINES) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return firstWords(words, lo, note);
    }

    /** The first {@code n} words of {@code words} ({@link #hexWords}), then {@code note} on a line of its own. */
    private static String firstWords(String words, int n, String note) {
        return n == 0 ? note : words.substring(0, n * (HEX_WORD + 1) - 1) + "\n" + note;
    }

    /** The height of a row of {@code lines} lines of 10 pt text. */
    static float rowPoints(int lines) {
        return Math.min(409f, lines * TextFit.LINE_POINTS + TextFit.ROW_PADDING);
    }

    // ---------------------------------------------------------------- saving

    /**
     * Finishes every table, sets the document properties and writes the workbook to {@code out}
     * through a temporary file beside it, moved into place only when complete (a failed write
     * leaves no partial file). Temporary sheet files are deleted by {@link #close()}.
     */
    public void save(Path out, Instant runTime) throws IOException {
        try (AtomicFile f = AtomicFile.create(out, AtomicFile.Guard.NONE)) {
            save(f, runTime);
        }
    }

    /** As {@link #save(Path, Instant)}, into a file the caller opened (and validated): written, then committed. */
    public void save(AtomicFile out, Instant runTime) throws IOException {
        write(out.stream(), runTime);
        out.commit();
    }

    /** As {@link #save}, to a stream (not closed). */
    public void write(OutputStream os, Instant runTime) throws IOException {
        for (XlsxTable t : tables) {
            t.finish();
        }
        Date when = Date.from(options.deterministic() ? FIXED_TIME : runTime);
        POIXMLProperties props = wb.getXSSFWorkbook().getProperties();
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        // The document properties are XML too, written as given: a title or property naming an evidence file
        // with a control character in its name would make the whole workbook unreadable. Same escape as cells.
        core.setTitle(escape(options.title(), Integer.MAX_VALUE));
        core.setCreator(options.creator());
        core.setLastModifiedByUser(options.creator());
        core.setCreated(Optional.of(when));
        core.setModified(Optional.of(when));
        POIXMLProperties.CustomProperties custom = props.getCustomProperties();
        for (Map.Entry<String, String> e : customProperties.entrySet()) {
            String name = escape(e.getKey(), Integer.MAX_VALUE);
            if (!custom.contains(name)) {
                custom.addProperty(name, escape(e.getValue(), Integer.MAX_VALUE));
            }
        }
        props.getExtendedProperties().setApplication(options.creator());
        for (org.apache.poi.ss.usermodel.Sheet s : wb) {
            XlsxPrint.headerFooter(s, options.title(), options.subject(), options.creator(),
                    options.deterministic() ? FIXED_TIME : runTime);
        }
        wb.write(os);
    }

    /** Deletes the temporary sheet files (always: call it, or use try-with-resources, also on failure). */
    @Override
    public void close() throws IOException {
        wb.close();
    }
}
