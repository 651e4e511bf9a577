package org.patchlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The one place that knows how a patchlens sheet looks. A streaming workbook (SXSSF: a small
 * window of rows in memory, the rest in temporary files that {@link #close()} always deletes)
 * with the house styles, typed tables that continue on "Name (2)" past Excel's row limit, and
 * the safety rules for evidence text:
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
 * never prints over the rows below; the full text stays in the cell;</li>
 * <li>hex ({@link Kind#HEX}, {@link Mono}) is in a fixed-width font in words of 8 bytes, and columns are
 * at least one word wide, so a value never breaks inside a byte;</li>
 * <li>a number or date column is widened to its widest value, so no cell shows {@code ###};</li>
 * <li>tables print landscape, one page wide, the header row on every page; pages (the Summary) portrait.</li>
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
     */
    public record Options(String version, String title, boolean deterministic, String fullValueHint) {
        public Options {
            fullValueHint = fullValueHint == null || fullValueHint.isBlank()
                    ? "the JSONL output of the same command" : fullValueHint;
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
        /** A hyperlink ({@link Link} value). */
        LINK
    }

    /** The drop-down of a {@link Kind#REVIEW} column. */
    public static final List<String> REVIEW_CHOICES = List.of("Open", "Accepted", "Fixed", "Not applicable");

    /** A table column: header text, width in characters, kind. */
    public record Column(String header, int width, Kind kind) {
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

        private final byte[] rgb;
        private final boolean whiteText;

        Tone(byte[] rgb, boolean whiteText) {
            this.rgb = rgb;
            this.whiteText = whiteText;
        }
    }

    private enum Style {
        HEADER, TEXT, MONO, NUMBER, DATE, LINK, TITLE, HEADING, LABEL, CENTER,
        CENTER_LABEL, CENTER_LINK, BANNER_RED, BANNER_AMBER, BANNER_GREEN
    }

    private final Options options;
    private final SXSSFWorkbook wb;
    private final Map<Style, CellStyle> styles = new EnumMap<>(Style.class);
    private final List<Table> tables = new ArrayList<>();
    private final Map<String, String> customProperties = new LinkedHashMap<>();
    int maxRows = MAX_ROWS;
    private long truncated;

    public XlsxBook(Options options) {
        this.options = options;
        RunTemp.install(); // POI's sheet files in this run's private folder, not a shared one
        this.wb = new SXSSFWorkbook(null, 100, false, false);
        // One font family everywhere (Arial: in every Excel, metric-compatible Liberation Sans in LibreOffice).
        Font normal = wb.getFontAt(0);
        normal.setFontName(SANS);
        normal.setFontHeightInPoints((short) 10);
        Font bold = font(SANS, 10, true);
        Font mono = font(MONO_FONT, 10, false);
        Font title = font(SANS, 14, true);
        Font bannerWhite = font(SANS, 14, true);
        ((XSSFFont) bannerWhite).setColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, null));
        Font link = font(SANS, 10, false);
        link.setUnderline(Font.U_SINGLE);
        link.setColor(IndexedColors.BLUE.getIndex());
        short dateFormat = wb.createDataFormat().getFormat(DATE_FORMAT);
        short textFormat = wb.createDataFormat().getFormat("@");
        for (Style s : Style.values()) {
            CellStyle cs = wb.createCellStyle();
            cs.setVerticalAlignment(VerticalAlignment.TOP);
            switch (s) {
                case HEADER -> {
                    cs.setFont(bold);
                    cs.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    cs.setBorderBottom(BorderStyle.THIN);
                    cs.setWrapText(true);
                }
                case TEXT -> {
                    cs.setDataFormat(textFormat);
                    cs.setWrapText(true);
                }
                case MONO -> {
                    cs.setFont(mono);
                    cs.setDataFormat(textFormat);
                    cs.setWrapText(true);
                }
                case DATE -> cs.setDataFormat(dateFormat);
                case LINK -> {
                    cs.setFont(link);
                    cs.setWrapText(true);
                }
                case TITLE -> cs.setFont(title);
                case HEADING -> {
                    cs.setFont(bold);
                    cs.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                case LABEL -> {
                    cs.setFont(bold);
                    cs.setWrapText(true);
                }
                case CENTER -> cs.setAlignment(HorizontalAlignment.CENTER);
                case CENTER_LABEL -> {
                    cs.setFont(bold);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case CENTER_LINK -> {
                    cs.setFont(link);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case BANNER_RED, BANNER_AMBER, BANNER_GREEN -> {
                    Tone t = Tone.valueOf(s.name().substring("BANNER_".length()));
                    cs.setFont(t.whiteText ? bannerWhite : title);
                    ((XSSFCellStyle) cs).setFillForegroundColor(new XSSFColor(t.rgb, null));
                    cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    cs.setVerticalAlignment(VerticalAlignment.CENTER);
                    cs.setWrapText(true);
                }
                default -> {
                }
            }
            styles.put(s, cs);
        }
    }

    private static final String SANS = "Arial";
    private static final String MONO_FONT = "Courier New";
    private static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss.000";
    /** Columns a date cell needs ("2001-06-15 12:00:00.000" at 10 pt, with {@link TextFit}'s margin). */
    static final int DATE_WIDTH = 22;

    private Font font(String name, int points, boolean isBold) {
        Font f = wb.createFont();
        f.setFontName(name);
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        return f;
    }

    /**
     * Printing (and PDF export): A4, {@code pagesWide} pages wide (as many tall as it takes), narrow margins,
     * the header row on every page when given.
     */
    private static void printSetup(Sheet s, boolean landscape, boolean repeatHeader, int pagesWide) {
        s.setFitToPage(true);
        var ps = s.getPrintSetup();
        ps.setLandscape(landscape);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) pagesWide);
        ps.setFitHeight((short) 0);
        s.setMargin(PageMargin.LEFT, 0.4);
        s.setMargin(PageMargin.RIGHT, 0.4);
        s.setMargin(PageMargin.TOP, 0.5);
        s.setMargin(PageMargin.BOTTOM, 0.5);
        s.setMargin(PageMargin.HEADER, 0.2);
        s.setMargin(PageMargin.FOOTER, 0.2);
        if (repeatHeader) {
            s.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        }
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
    public Table table(String name, List<Column> columns) {
        Table t = new Table(name, List.copyOf(columns));
        tables.add(t);
        return t;
    }

    /** A free-form sheet (the Summary): labelled lines, headings, links; printed portrait, one page wide. */
    public Page page(String name, int... widths) {
        return new Page(name, widths);
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
    private static double numberPoints(Object v) {
        if (v instanceof Instant) {
            return TextFit.width("2001-06-15 12:00:00.000", false, false);
        }
        return TextFit.width(String.valueOf(v), false, false);
    }

    /**
     * Writes one cell; returns the lines it needs in a column {@code chars} wide (its text wrapped, at most
     * {@link #MAX_LINES}), or 1 for a number, a date or an empty cell.
     */
    private int put(Row row, int col, Object value, Kind kind, double chars) {
        if (value == null) {
            if (kind == Kind.REVIEW) {
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

    /** The height of a row of {@code lines} lines of 10 pt text. */
    static float rowPoints(int lines) {
        return Math.min(409f, lines * TextFit.LINE_POINTS + TextFit.ROW_PADDING);
    }

    // ---------------------------------------------------------------- tables

    /** A typed table: a header row and data rows, spread over as many sheets as it needs. */
    public final class Table {
        private final String name;
        private final List<Column> columns;
        private final List<SXSSFSheet> sheets = new ArrayList<>();
        private final double[] widths;
        private SXSSFSheet sheet;
        private int next;
        private long rows;
        private boolean finished;
        private int pagesWide = 1;

        private Table(String name, List<Column> columns) {
            this.name = name;
            this.columns = columns;
            this.widths = new double[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                int w = col.width();
                if (col.kind() == Kind.DATE) {
                    w = Math.max(w, DATE_WIDTH);
                } else if (col.kind() == Kind.HEX) {
                    w = Math.max(w, HEX_WORD + 3); // one word of 8 bytes on a line
                }
                widths[i] = Math.min(255, w);
            }
            newSheet();
        }

        /** Print this table {@code n} pages wide (default 1). */
        public Table pagesWide(int n) {
            pagesWide = Math.max(1, n);
            for (SXSSFSheet s : sheets) {
                s.getPrintSetup().setFitWidth((short) pagesWide);
            }
            return this;
        }

        private void newSheet() {
            String sheetName = sheets.isEmpty() ? name : name + " (" + (sheets.size() + 1) + ")";
            sheet = wb.createSheet(sheetName);
            sheets.add(sheet);
            Row h = sheet.createRow(0);
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                sheet.setColumnWidth(i, (int) Math.round(widths[i] * 256));
                Cell c = h.createCell(i);
                c.setCellValue(cellText(col.header())); // headers can name evidence files (the Store sheet)
                c.setCellStyle(styles.get(Style.HEADER));
                lines = Math.max(lines, Math.min(MAX_LINES, TextFit.lines(col.header(), widths[i], false, true,
                        MAX_LINES)));
            }
            h.setHeightInPoints(rowPoints(lines));
            sheet.createFreezePane(0, 1);
            printSetup(sheet, true, true, pagesWide);
            next = 1;
        }

        public String name() {
            return name;
        }

        public List<Column> columns() {
            return columns;
        }

        /** Data rows written so far, over all sheets. */
        public long rows() {
            return rows;
        }

        /** The sheet names, first "Name", then "Name (2)", ... */
        public List<String> sheetNames() {
            return sheets.stream().map(Sheet::getSheetName).toList();
        }

        /**
         * Adds one row. Values by column: String (text, never a formula), {@link Mono} (text in the fixed-width
         * font), Long/Integer (numbers our own code computed), Instant (DATE columns), {@link Link}, or null (empty).
         */
        public Place add(Object... values) {
            if (finished) {
                throw new IllegalStateException("table " + name + " is finished");
            }
            if (values.length > columns.size()) {
                throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
            }
            if (next >= maxRows) {
                newSheet();
            }
            Row r = sheet.createRow(next);
            int lines = 1;
            for (int i = 0; i < columns.size(); i++) {
                Object v = i < values.length ? values[i] : null;
                Kind k = columns.get(i).kind();
                if (v instanceof Long || v instanceof Integer || v instanceof Instant
                        || v instanceof Link l && l.number() != null) {
                    widen(i, v instanceof Link l ? l.number() : v);
                }
                lines = Math.max(lines, put(r, i, v, k, widths[i]));
            }
            // Spreadsheet programs do not grow a row to fit wrapped text when they open a file: set every row's
            // height (a row whose height is set clips its text; one whose height is not prints it over the next).
            r.setHeightInPoints(rowPoints(lines));
            rows++;
            return new Place(sheet.getSheetName(), next++);
        }

        /** A number or date wider than its column widens the column (a spreadsheet program would show ###). */
        private void widen(int col, Object v) {
            if (v instanceof Long l && Math.abs(l) > MAX_EXACT) {
                return; // written as text
            }
            double need = (numberPoints(v) + 2 + 3) / 5.5; // as TextFit.usable, with 3 points to spare
            if (need > widths[col]) {
                widths[col] = Math.min(255, Math.ceil(need));
                for (SXSSFSheet s : sheets) {
                    s.setColumnWidth(col, (int) Math.round(widths[col] * 256));
                }
            }
        }

        /** Auto-filter, conditional formatting and drop-downs over the rows written; called by save. */
        void finish() {
            if (finished) {
                return;
            }
            finished = true;
            int statusCol = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).kind() == Kind.STATUS) {
                    statusCol = i;
                    break;
                }
            }
            for (SXSSFSheet s : sheets) {
                int last = s == sheet ? next - 1 : maxRows - 1;
                s.setAutoFilter(new CellRangeAddress(0, Math.max(0, last), 0, columns.size() - 1));
                if (last < 1) {
                    continue;
                }
                for (int i = 0; i < columns.size(); i++) {
                    Kind k = columns.get(i).kind();
                    CellRangeAddress range = new CellRangeAddress(1, last, i, i);
                    switch (k) {
                        case SEVERITY -> {
                            if (statusCol >= 0) {
                                colourWhenFailing(s, range, statusCol, SEVERITY_COLOURS);
                            } else {
                                colour(s, range, SEVERITY_COLOURS);
                            }
                        }
                        case STATUS -> colour(s, range, STATUS_COLOURS);
                        case CHANGE -> colour(s, range, CHANGE_COLOURS);
                        case REVIEW -> {
                            colour(s, range, REVIEW_COLOURS);
                            DataValidationHelper dvh = s.getDataValidationHelper();
                            DataValidationConstraint list = dvh.createExplicitListConstraint(
                                    REVIEW_CHOICES.toArray(String[]::new));
                            DataValidation dv = dvh.createValidation(list,
                                    new org.apache.poi.ss.util.CellRangeAddressList(1, last, i, i));
                            dv.setSuppressDropDownArrow(true);
                            dv.setShowErrorBox(true);
                            dv.createErrorBox("Reviewer status", "Choose one of: " + String.join(", ", REVIEW_CHOICES));
                            dv.setShowPromptBox(true);
                            dv.createPromptBox("Reviewer status", "Your sign-off for this finding");
                            s.addValidationData(dv);
                        }
                        default -> {
                        }
                    }
                }
            }
        }
    }

    /** Fill (foreground) and font colours per value, for conditional formatting. */
    record Colour(String value, IndexedColors fill, IndexedColors font, boolean bold) {
    }

    static final List<Colour> SEVERITY_COLOURS = List.of(
            new Colour("CRIT", IndexedColors.DARK_RED, IndexedColors.WHITE, true),
            new Colour("HIGH", IndexedColors.RED, IndexedColors.WHITE, true),
            new Colour("WARN", IndexedColors.LIGHT_ORANGE, IndexedColors.BLACK, false),
            new Colour("INFO", IndexedColors.PALE_BLUE, IndexedColors.BLACK, false));
    /** Only what needs attention is coloured: a PASS, SKIPPED or OK row stays plain. */
    static final List<Colour> STATUS_COLOURS = List.of(
            new Colour("FAIL", IndexedColors.ROSE, IndexedColors.DARK_RED, true),
            new Colour("WARN", IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK, false),
            new Colour("GAP", IndexedColors.ROSE, IndexedColors.DARK_RED, true),
            new Colour("FOREIGN", IndexedColors.ROSE, IndexedColors.DARK_RED, true),
            new Colour("UNREADABLE", IndexedColors.ROSE, IndexedColors.DARK_RED, true));
    static final List<Colour> CHANGE_COLOURS = List.of(
            new Colour("added", IndexedColors.LIGHT_GREEN, IndexedColors.BLACK, false),
            new Colour("removed", IndexedColors.ROSE, IndexedColors.BLACK, false),
            new Colour("changed", IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK, false));
    static final List<Colour> REVIEW_COLOURS = List.of(
            new Colour("Open", IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK, false),
            new Colour("Accepted", IndexedColors.LIGHT_TURQUOISE, IndexedColors.BLACK, false),
            new Colour("Fixed", IndexedColors.LIGHT_GREEN, IndexedColors.BLACK, false),
            new Colour("Not applicable", IndexedColors.GREY_25_PERCENT, IndexedColors.BLACK, false));

    private static void colour(Sheet s, CellRangeAddress range, List<Colour> colours) {
        SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
        List<ConditionalFormattingRule> rules = new ArrayList<>();
        for (Colour c : colours) {
            rules.add(style(cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"" + c.value() + "\""), c));
        }
        // Excel allows at most 3 rules per call in the HSSF API; XSSF takes an array of any size.
        cf.addConditionalFormatting(new CellRangeAddress[] {range}, rules.toArray(ConditionalFormattingRule[]::new));
    }

    /**
     * Colours by value only on the rows whose status (column {@code statusCol}) is FAIL or WARN: a passed
     * or skipped CRIT rule is not an alarm. The formula is relative to the range's first cell.
     */
    private static void colourWhenFailing(Sheet s, CellRangeAddress range, int statusCol, List<Colour> colours) {
        SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
        int row = range.getFirstRow() + 1;
        String status = "$" + CellReference.convertNumToColString(statusCol) + row;
        String cell = CellReference.convertNumToColString(range.getFirstColumn()) + row;
        List<ConditionalFormattingRule> rules = new ArrayList<>();
        for (Colour c : colours) {
            rules.add(style(cf.createConditionalFormattingRule("AND(OR(" + status + "=\"FAIL\"," + status
                    + "=\"WARN\")," + cell + "=\"" + c.value() + "\")"), c));
        }
        cf.addConditionalFormatting(new CellRangeAddress[] {range}, rules.toArray(ConditionalFormattingRule[]::new));
    }

    private static ConditionalFormattingRule style(ConditionalFormattingRule r, Colour c) {
        PatternFormatting p = r.createPatternFormatting();
        p.setFillBackgroundColor(c.fill().getIndex());
        p.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        var f = r.createFontFormatting();
        f.setFontColorIndex(c.font().getIndex());
        if (c.bold()) {
            f.setFontStyle(false, true);
        }
        return r;
    }

    // ---------------------------------------------------------------- free-form page

    /**
     * A free-form sheet: rows of labelled values, written top to bottom. Column A holds labels; text
     * that is not in a count grid spans columns B to the last, merged.
     */
    public final class Page {
        private final SXSSFSheet sheet;
        private final int[] widths;
        private int next;

        private Page(String name, int... widths) {
            sheet = wb.createSheet(name);
            this.widths = widths.clone();
            printSetup(sheet, false, false, 1);
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
        }

        public String name() {
            return sheet.getSheetName();
        }

        /** The next row index (0-based). */
        public int nextRow() {
            return next;
        }

        private int last() {
            return Math.max(1, widths.length - 1);
        }

        /** Characters of columns {@code from}..{@code to} merged. */
        private double span(int from, int to) {
            double chars = 0;
            for (int i = from; i <= to; i++) {
                chars += i < widths.length ? widths[i] : 10;
            }
            return chars;
        }

        /** The title line (row 1, frozen so it stays in view). */
        public void title(String text) {
            banner(text, Tone.NONE);
        }

        /**
         * The verdict as a banner across every column (row 1, frozen so it stays in view): filled red, amber
         * or green, large bold text; {@link Tone#NONE} for a plain title.
         */
        public void banner(String text, Tone tone) {
            int row = next++;
            Row r = sheet.createRow(row);
            int last = widths.length - 1;
            Style st = switch (tone) {
                case RED -> Style.BANNER_RED;
                case AMBER -> Style.BANNER_AMBER;
                case GREEN -> Style.BANNER_GREEN;
                case NONE -> Style.TITLE;
            };
            for (int i = 0; i <= Math.max(0, last); i++) {
                Cell c = r.createCell(i);
                c.setCellStyle(styles.get(st));
                if (i == 0) {
                    c.setCellValue(cellText(text));
                }
            }
            if (last > 0) {
                sheet.addMergedRegion(new CellRangeAddress(row, row, 0, last));
            }
            // 14 pt: 1.4 times the width of 10 pt text per character, lines of 16.5 pt
            int lines = Math.min(4, TextFit.lines(text, span(0, Math.max(0, last)) / 1.4, false, true, 4));
            r.setHeightInPoints(tone == Tone.NONE ? Math.max(22, lines * 17f + 4) : lines * 17f + 12);
            sheet.createFreezePane(0, next);
        }

        /** A section heading across the first {@code span} columns. */
        public void heading(String text, int span) {
            if (next > 0) {
                sheet.createRow(next++).setHeightInPoints(6); // a thin gap before each section
            }
            Row r = sheet.createRow(next++);
            for (int i = 0; i < Math.max(1, span); i++) {
                Cell c = r.createCell(i);
                c.setCellStyle(styles.get(Style.HEADING));
                if (i == 0) {
                    c.setCellValue(cellText(text));
                }
            }
        }

        /** A row of column labels (bold; centred from column B on). */
        public void labels(String... labels) {
            Row r = sheet.createRow(next++);
            for (int i = 0; i < labels.length; i++) {
                Cell c = r.createCell(i);
                c.setCellValue(cellText(labels[i]));
                c.setCellStyle(styles.get(i == 0 ? Style.LABEL : Style.CENTER_LABEL));
            }
        }

        /** A label, then centred counts (Long, or {@link Link#count} links). */
        public void counts(String label, Object... values) {
            Row r = sheet.createRow(next++);
            label(r, label);
            for (int i = 0; i < values.length; i++) {
                put(r, i + 1, values[i], Kind.TEXT, i + 1 < widths.length ? widths[i + 1] : 10);
                Cell c = r.getCell(i + 1);
                if (c != null) {
                    c.setCellStyle(styles.get(values[i] instanceof Link ? Style.CENTER_LINK : Style.CENTER));
                }
            }
        }

        private int label(Row r, String label) {
            if (label == null || label.isEmpty()) {
                return 1;
            }
            Cell c = r.createCell(0);
            c.setCellValue(cellText(label));
            c.setCellStyle(styles.get(Style.LABEL));
            return Math.min(MAX_LINES, TextFit.lines(label, widths.length > 0 ? widths[0] : 10, false, true,
                    MAX_LINES));
        }

        /**
         * A label, a date cell over columns B-C (wide enough for the date), and the raw form over D to the
         * last column (in the fixed-width font).
         */
        public void time(String label, Instant when, String raw) {
            int row = next++;
            Row r = sheet.createRow(row);
            label(r, label);
            put(r, 1, when, Kind.DATE, span(1, 2));
            r.createCell(2).setCellStyle(styles.get(Style.DATE));
            sheet.addMergedRegion(new CellRangeAddress(row, row, 1, 2));
            int last = Math.max(3, widths.length - 1);
            put(r, 3, raw == null || raw.isEmpty() ? null : new Mono(raw), Kind.MONO, span(3, last));
            for (int i = 4; i <= last; i++) {
                r.createCell(i).setCellStyle(styles.get(Style.MONO));
            }
            if (last > 3) {
                sheet.addMergedRegion(new CellRangeAddress(row, row, 3, last));
            }
        }

        /** A label in column A, then short values in B, C, ... (String, Long, Link, null). */
        public void line(String label, Object... values) {
            Row r = sheet.createRow(next++);
            int lines = label(r, label);
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Instant) {
                    throw new IllegalArgumentException("a date on a page goes through time(): a column is too narrow");
                }
                lines = Math.max(lines, put(r, i + 1, values[i], Kind.TEXT, i + 1 < widths.length ? widths[i + 1] : 10));
            }
            r.setHeightInPoints(rowPoints(lines));
        }

        /** A command line to type, in the fixed-width font across columns B to the last; a label in A. */
        public void command(String label, String command) {
            wide(label, command, true);
        }

        /** A command line to type, in the fixed-width font across columns B to the last. */
        public void command(String command) {
            wide(null, command, true);
        }

        /** A label in column A and long text across columns B to the last, wrapped. */
        public void text(String label, String text) {
            wide(label, text, false);
        }

        private void wide(String label, String text, boolean mono) {
            int row = next++;
            Row r = sheet.createRow(row);
            int lines = label(r, label);
            int last = last();
            lines = Math.max(lines, put(r, 1, mono ? new Mono(text) : text, Kind.WRAP, span(1, last)));
            CellStyle st = r.getCell(1).getCellStyle();
            if (last > 1) {
                for (int i = 2; i <= last; i++) {
                    r.createCell(i).setCellStyle(st);
                }
                sheet.addMergedRegion(new CellRangeAddress(row, row, 1, last));
            }
            // Spreadsheet programs do not grow a merged row to fit its text: set it.
            r.setHeightInPoints(rowPoints(lines));
        }

        /**
         * Conditional colours for the severity labels of column {@code col}, rows from..to: a label is filled
         * only when its row counts a failure or warning (a number above 0 in column {@code failCol} or
         * {@code warnCol}), so a report where nothing failed shows no alarm colour.
         */
        public void colourLabels(int col, int from, int to, int failCol, int warnCol) {
            if (to < from) {
                return;
            }
            SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
            int row = from + 1;
            String label = "$" + CellReference.convertNumToColString(col) + row;
            String fail = "$" + CellReference.convertNumToColString(failCol) + row;
            String warn = "$" + CellReference.convertNumToColString(warnCol) + row;
            List<ConditionalFormattingRule> rules = new ArrayList<>();
            for (Colour c : SEVERITY_COLOURS) {
                rules.add(style(cf.createConditionalFormattingRule("AND(" + label + "=\"" + c.value() + "\",OR(" + fail
                        + ">0," + warn + ">0))"), c));
            }
            cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(from, to, col, col)},
                    rules.toArray(ConditionalFormattingRule[]::new));
        }
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
        for (Table t : tables) {
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
        wb.write(os);
    }

    /** Deletes the temporary sheet files (always: call it, or use try-with-resources, also on failure). */
    @Override
    public void close() throws IOException {
        wb.close();
    }
}
