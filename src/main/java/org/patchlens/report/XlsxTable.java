package org.patchlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.patchlens.report.XlsxBook.Column;
import org.patchlens.report.XlsxBook.Kind;
import org.patchlens.report.XlsxBook.Link;
import org.patchlens.report.XlsxBook.Place;
import org.patchlens.report.XlsxStyles.Style;

/**
 * A typed table of an {@link XlsxBook} (Findings, Registry, a dump): a header row and data rows, spread over as many
 * sheets as it needs; printed landscape, the header row on every page, its screen-only columns (the last ones)
 * left out ({@link XlsxPrint}).
 */
public final class XlsxTable {
    private final XlsxBook book;
    private final String name;
    private final List<Column> columns;
    private final List<SXSSFSheet> sheets = new ArrayList<>();
    private final double[] widths;
    private SXSSFSheet sheet;
    private int next;
    private long rows;
    private boolean finished;
    private final int printed;
    private XlsxPrint.Layout layout;

    XlsxTable(XlsxBook book, String name, List<Column> columns) {
        this.book = book;
        this.name = name;
        this.columns = columns;
        this.printed = printedColumns(columns);
        this.layout = XlsxPrint.Layout.table(columns.size(), printed);
        this.widths = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = width(columns.get(i));
        }
        newSheet();
    }

    /** The width a column starts at: as given, a date at least {@link XlsxStyles#DATE_WIDTH}, hex one word. */
    static int width(Column col) {
        int w = col.width();
        if (col.kind() == Kind.DATE) {
            w = Math.max(w, XlsxStyles.DATE_WIDTH);
        } else if (col.kind() == Kind.HEX) {
            w = Math.max(w, XlsxBook.HEX_WORD + 3); // one word of 8 bytes on a line
        }
        return Math.min(255, w);
    }

    /**
     * The columns that print: those before the first screen-only one. A print area is one block of columns, so
     * a printed column after a screen-only one is refused.
     */
    static int printedColumns(List<Column> columns) {
        int n = 0;
        while (n < columns.size() && columns.get(n).printed()) {
            n++;
        }
        for (int i = n; i < columns.size(); i++) {
            if (columns.get(i).printed()) {
                throw new IllegalArgumentException("column " + columns.get(i).header() + " prints but comes after the "
                        + "screen-only column " + columns.get(n).header() + ": screen-only columns are the last ones");
            }
        }
        return n;
    }

    /**
     * Print this table several pages across (default: one page wide), a page ending after each of the columns
     * {@code lastColumns} (0-based, ascending), its first column repeated on every page, at the scale that fits its
     * widest page ({@link XlsxPrint#scaleFor}).
     */
    public XlsxTable pageBreaksAfter(int... lastColumns) {
        double widest = 0;
        int from = 0;
        for (int p = 0; p <= lastColumns.length; p++) {
            int to = p < lastColumns.length ? lastColumns[p] : printed - 1;
            double chars = from == 0 ? 0 : widths[0];
            for (int c = from; c <= to; c++) {
                chars += widths[c];
            }
            widest = Math.max(widest, chars);
            from = to + 1;
        }
        layout = lastColumns.length == 0 ? XlsxPrint.Layout.table(columns.size(), printed)
                : XlsxPrint.Layout.table(columns.size(), printed).across(lastColumns, XlsxPrint.scaleFor(widest));
        for (SXSSFSheet s : sheets) {
            XlsxPrint.setUp(s, layout);
        }
        return this;
    }

    private void newSheet() {
        String sheetName = sheets.isEmpty() ? name : name + " (" + (sheets.size() + 1) + ")";
        sheet = book.workbook().createSheet(sheetName);
        sheets.add(sheet);
        Row h = sheet.createRow(0);
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            sheet.setColumnWidth(i, (int) Math.round(widths[i] * 256));
            Cell c = h.createCell(i);
            c.setCellValue(book.cellText(col.header())); // headers can name evidence files (the Store sheet)
            c.setCellStyle(book.styles().get(Style.HEADER));
            lines = Math.max(lines, Math.min(XlsxBook.MAX_LINES, TextFit.lines(col.header(), widths[i], false, true,
                    XlsxBook.MAX_LINES)));
        }
        h.setHeightInPoints(XlsxBook.rowPoints(lines));
        sheet.createFreezePane(0, 1);
        XlsxPrint.setUp(sheet, layout);
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
        if (next >= book.maxRows) {
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
            lines = Math.max(lines, book.put(r, i, v, k, widths[i]));
        }
        // Spreadsheet programs do not grow a row to fit wrapped text when they open a file: set every row's
        // height (a row whose height is set clips its text; one whose height is not prints it over the next).
        r.setHeightInPoints(XlsxBook.rowPoints(lines));
        rows++;
        return new Place(sheet.getSheetName(), next++);
    }

    /** A number or date wider than its column widens the column (a spreadsheet program would show ###). */
    private void widen(int col, Object v) {
        if (v instanceof Long l && Math.abs(l) > XlsxBook.MAX_EXACT) {
            return; // written as text
        }
        double need = (XlsxBook.numberPoints(v) + 2 + 3) / 5.5; // as TextFit.usable, with 3 points to spare
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
            int last = s == sheet ? next - 1 : book.maxRows - 1;
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
                            XlsxStyles.colourWhenFailing(s, range, statusCol, XlsxStyles.SEVERITY_COLOURS);
                        } else {
                            XlsxStyles.colour(s, range, XlsxStyles.SEVERITY_COLOURS);
                        }
                    }
                    case STATUS -> XlsxStyles.colour(s, range, XlsxStyles.STATUS_COLOURS);
                    case CHANGE -> XlsxStyles.colour(s, range, XlsxStyles.CHANGE_COLOURS);
                    case REVIEW -> {
                        XlsxStyles.colour(s, range, XlsxStyles.REVIEW_COLOURS);
                        dropDown(s, last, i, XlsxBook.REVIEW_CHOICES, "Reviewer status", "Your sign-off for this finding");
                    }
                    case DONE -> {
                        XlsxStyles.colour(s, range, XlsxStyles.DONE_COLOURS);
                        dropDown(s, last, i, XlsxBook.DONE_CHOICES, "Done", "Done or Skipped, for the person "
                                + "running the step");
                    }
                    default -> {
                    }
                }
            }
        }
    }

    /** A drop-down list over rows 1..last of column {@code col}; any other entry is refused with a message. */
    private static void dropDown(SXSSFSheet s, int last, int col, List<String> choices, String title, String prompt) {
        DataValidationHelper dvh = s.getDataValidationHelper();
        DataValidationConstraint list = dvh.createExplicitListConstraint(choices.toArray(String[]::new));
        DataValidation dv = dvh.createValidation(list, new org.apache.poi.ss.util.CellRangeAddressList(1, last, col,
                col));
        dv.setSuppressDropDownArrow(true);
        dv.setEmptyCellAllowed(true);
        dv.setShowErrorBox(true);
        dv.createErrorBox(title, "Choose one of: " + String.join(", ", choices) + ", or leave it empty");
        dv.setShowPromptBox(true);
        dv.createPromptBox(title, prompt);
        s.addValidationData(dv);
    }
}
