package org.patchlens.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.patchlens.report.XlsxBook.Kind;
import org.patchlens.report.XlsxBook.Link;
import org.patchlens.report.XlsxBook.Mono;
import org.patchlens.report.XlsxBook.Tone;
import org.patchlens.report.XlsxStyles.Style;

/**
 * A free-form sheet of an {@link XlsxBook} (the Summary): rows of labelled values, written top to bottom,
 * printed portrait ({@link XlsxPrint}), the first row on every page. Column A holds labels; text that is not in a
 * count grid spans columns B to the last, merged.
 */
public final class XlsxPage {
    private final XlsxBook book;
    private final SXSSFSheet sheet;
    private final int[] widths;
    private int next;

    XlsxPage(XlsxBook book, String name, int... widths) {
        this.book = book;
        sheet = book.workbook().createSheet(name);
        this.widths = widths.clone();
        XlsxPrint.setUp(sheet, XlsxPrint.Layout.page());
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
        CellStyle st = book.styles().banner(tone);
        for (int i = 0; i <= Math.max(0, last); i++) {
            Cell c = r.createCell(i);
            c.setCellStyle(st);
            if (i == 0) {
                c.setCellValue(book.cellText(text));
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
            c.setCellStyle(book.styles().get(Style.HEADING));
            if (i == 0) {
                c.setCellValue(book.cellText(text));
            }
        }
    }

    /** A row of column labels (bold; centred from column B on). */
    public void labels(String... labels) {
        Row r = sheet.createRow(next++);
        for (int i = 0; i < labels.length; i++) {
            Cell c = r.createCell(i);
            c.setCellValue(book.cellText(labels[i]));
            c.setCellStyle(book.styles().get(i == 0 ? Style.LABEL : Style.CENTER_LABEL));
        }
    }

    /** A label, then centred counts (Long, or {@link Link#count} links). */
    public void counts(String label, Object... values) {
        Row r = sheet.createRow(next++);
        label(r, label);
        for (int i = 0; i < values.length; i++) {
            book.put(r, i + 1, values[i], Kind.TEXT, i + 1 < widths.length ? widths[i + 1] : 10);
            Cell c = r.getCell(i + 1);
            if (c != null) {
                c.setCellStyle(book.styles().get(values[i] instanceof Link ? Style.CENTER_LINK : Style.CENTER));
            }
        }
    }

    private int label(Row r, String label) {
        if (label == null || label.isEmpty()) {
            return 1;
        }
        Cell c = r.createCell(0);
        c.setCellValue(book.cellText(label));
        c.setCellStyle(book.styles().get(Style.LABEL));
        return Math.min(XlsxBook.MAX_LINES, TextFit.lines(label, widths.length > 0 ? widths[0] : 10, false, true,
                XlsxBook.MAX_LINES));
    }

    /**
     * A label, a date cell over columns B-C (wide enough for the date), and the raw form over D to the
     * last column (in the fixed-width font).
     */
    public void time(String label, Instant when, String raw) {
        int row = next++;
        Row r = sheet.createRow(row);
        label(r, label);
        book.put(r, 1, when, Kind.DATE, span(1, 2));
        r.createCell(2).setCellStyle(book.styles().get(Style.DATE));
        sheet.addMergedRegion(new CellRangeAddress(row, row, 1, 2));
        int last = Math.max(3, widths.length - 1);
        book.put(r, 3, raw == null || raw.isEmpty() ? null : new Mono(raw), Kind.MONO, span(3, last));
        for (int i = 4; i <= last; i++) {
            r.createCell(i).setCellStyle(book.styles().get(Style.MONO));
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
            lines = Math.max(lines, book.put(r, i + 1, values[i], Kind.TEXT, i + 1 < widths.length ? widths[i + 1] : 10));
        }
        r.setHeightInPoints(XlsxBook.rowPoints(lines));
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
        lines = Math.max(lines, book.put(r, 1, mono ? new Mono(text) : text, Kind.WRAP, span(1, last)));
        CellStyle st = r.getCell(1).getCellStyle();
        if (last > 1) {
            for (int i = 2; i <= last; i++) {
                r.createCell(i).setCellStyle(st);
            }
            sheet.addMergedRegion(new CellRangeAddress(row, row, 1, last));
        }
        // Spreadsheet programs do not grow a merged row to fit its text: set it.
        r.setHeightInPoints(XlsxBook.rowPoints(lines));
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
        for (XlsxStyles.Colour c : XlsxStyles.SEVERITY_COLOURS) {
            rules.add(XlsxStyles.style(cf.createConditionalFormattingRule("AND(" + label + "=\"" + c.value() + "\",OR(" + fail
                    + ">0," + warn + ">0))"), c));
        }
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(from, to, col, col)},
                rules.toArray(ConditionalFormattingRule[]::new));
    }
}
