package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How a written workbook prints, read back from the .xlsx: the print set-up every patchlens workbook shares
 * ({@link XlsxPrint}) and the scale a spreadsheet program prints each sheet at, estimated from its printed columns'
 * widths (which reproduces LibreOffice's scales). For the restore-check workbook ({@code ReportWorkbookTest}) and
 * the hive workbooks ({@code HiveWorkbookPrintTest}, {@code cli/HiveWorkbooksCliTest}).
 */
public final class PrintChecks {
    private PrintChecks() {
    }

    /** A4 and US Letter, in points (long side, short side). */
    public enum Paper {
        A4(841.89, 595.28), LETTER(792, 612);

        final double longSide;
        final double shortSide;

        Paper(double longSide, double shortSide) {
            this.longSide = longSide;
            this.shortSide = shortSide;
        }
    }

    /**
     * Points one character of column width takes on paper at 100 %: LibreOffice lays a column {@code w} wide out as
     * {@code 5.55 w} pt (measured on its PDF of the demo workbook, whose Findings it printed at the 58 % this gives
     * for the old 14 columns); Excel as about {@code 5.25 w}, so this is the smaller scale of the two.
     */
    static final double POINTS_PER_CHAR = 5.55;

    /**
     * A value's bytes ({@code hex}) as the printed cell {@code col} of row {@code r} shows them, a screen-only column
     * holding all of them: with {@code note} null, every byte in words of 8 bytes; else the first words, cut
     * between words to exactly what fits {@link XlsxBook#MAX_LINES} lines at the column's width with {@code note} on
     * the lines after them (not one word fewer, as {@link TextFit} counts); the row as tall as that needs and
     * within Excel's limit. Returns the lines the cell takes.
     */
    public static int assertBytesPrinted(XSSFSheet s, Row r, int col, String hex, String note) {
        Cell c = r.getCell(col);
        String where = s.getSheetName() + " " + c.getAddress();
        double width = s.getColumnWidth(col) / 256.0;
        String words = XlsxBook.hexWords(hex);
        String shown = c.getStringCellValue();
        if (note == null) {
            assertEquals(words, shown, where + ": every byte printed");
        } else {
            String tail = "\n" + note;
            assertTrue(shown.endsWith(tail), where + ": ends with \"" + note + "\": …"
                    + shown.substring(Math.max(0, shown.length() - 120)));
            String first = shown.substring(0, shown.length() - tail.length());
            assertTrue(first.length() % (XlsxBook.HEX_WORD + 1) == XlsxBook.HEX_WORD && words.startsWith(first + " "),
                    where + ": the first whole words");
            String oneMore = words.substring(0, first.length() + 1 + XlsxBook.HEX_WORD) + tail;
            assertTrue(TextFit.lines(oneMore, width, true, false, XlsxBook.MAX_LINES) > XlsxBook.MAX_LINES,
                    where + ": as many words as fit");
        }
        int lines = TextFit.lines(shown, width, true, false, XlsxBook.MAX_LINES);
        assertTrue(lines <= XlsxBook.MAX_LINES, where + " needs " + lines + " lines: clipped");
        assertTrue(r.getHeightInPoints() >= XlsxBook.rowPoints(lines) - 0.01
                && r.getHeightInPoints() <= XlsxBook.rowPoints(XlsxBook.MAX_LINES) + 0.01, where + ": its row is "
                + r.getHeightInPoints() + " pt for " + lines + " lines");
        return lines;
    }

    /** The columns of {@code s} that print: up to its print area's last column, or every column. */
    public static int printedColumns(XSSFWorkbook wb, XSSFSheet s) {
        String area = wb.getPrintArea(wb.getSheetIndex(s));
        if (area == null) {
            return s.getSheetName().equals("Summary") ? s.getMergedRegion(0).getLastColumn() + 1
                    : s.getRow(0).getLastCellNum();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("!\\$A:\\$([A-Z]+)$").matcher(area);
        assertTrue(m.find(), "a print area of whole columns from A: " + area);
        return org.apache.poi.ss.util.CellReference.convertColStringToIndex(m.group(1)) + 1;
    }

    /**
     * The scale a spreadsheet program prints {@code s} at on {@code paper}: its printed columns fitted to the page
     * width, never enlarged; or, printed several pages across at a set scale, that scale when the widest page (its
     * repeated first column included) fits the paper at it, else 0.
     */
    public static double printScale(XSSFWorkbook wb, XSSFSheet s, Paper paper) {
        var ps = s.getPrintSetup();
        double room = (ps.getLandscape() ? paper.longSide : paper.shortSide)
                - 72 * (s.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT)
                + s.getMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT));
        int printed = printedColumns(wb, s);
        if (s.getFitToPage()) {
            assertEquals(1, ps.getFitWidth(), s.getSheetName() + ": fitted to one page wide");
            double chars = 0;
            for (int i = 0; i < printed; i++) {
                chars += s.getColumnWidth(i) / 256.0;
            }
            return Math.min(1, room / (chars * POINTS_PER_CHAR));
        }
        assertEquals(CellRangeAddress.valueOf("A:A"), s.getRepeatingColumns(), s.getSheetName()
                + ": several pages across, its first column on each");
        double widest = 0;
        int from = 0;
        int[] breaks = s.getColumnBreaks();
        for (int p = 0; p <= breaks.length; p++) {
            int to = p < breaks.length ? breaks[p] : printed - 1;
            double chars = from == 0 ? 0 : s.getColumnWidth(0) / 256.0;
            for (int c = from; c <= to; c++) {
                chars += s.getColumnWidth(c) / 256.0;
            }
            widest = Math.max(widest, chars);
            from = to + 1;
        }
        double scale = ps.getScale() / 100.0;
        return widest * POINTS_PER_CHAR * scale <= room ? scale : 0;
    }

    /**
     * Every sheet as it prints: A4 with narrow margins, fitted to the page width only, the first row on every
     * page, at 85 % or more on A4 and on US Letter (one page of 14 Findings columns printed at 59 % before, a hive
     * dump's 12 columns at 58 %); tables landscape with the cell grid, the screen-only columns left out by a print
     * area and still on screen at their widths, under the filter; every printed text cell of a table wraps; the
     * sheet, {@code title} (and case), file and page in the page header and footer. {@code tables} gives the
     * columns of each table by sheet name ("Dump" for "Dump (2)" too); a sheet not in it other than the Summary
     * (the Store) is checked for its scale only.
     */
    public static void assertPrintsLegibly(XSSFWorkbook wb, String title, Map<String, List<XlsxBook.Column>> tables) {
        for (Sheet sheet : wb) {
            XSSFSheet s = (XSSFSheet) sheet;
            String name = s.getSheetName();
            var ps = s.getPrintSetup();
            boolean table = !name.equals("Summary");
            assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name);
            assertTrue(!s.getFitToPage() || ps.getFitHeight() == 0, name + ": fitted to the page width only, pages grow down");
            assertEquals(table, ps.getLandscape(), name);
            assertEquals(table, s.isPrintGridlines(), name + ": the grid printed on tables only");
            assertEquals(0.25, s.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT), 1e-9, name);
            assertEquals(0.25, s.getMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT), 1e-9, name);
            assertEquals(0.6, s.getMargin(org.apache.poi.ss.usermodel.PageMargin.TOP), 1e-9, name);
            assertEquals(0.6, s.getMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM), 1e-9, name);
            assertEquals(0.3, s.getMargin(org.apache.poi.ss.usermodel.PageMargin.HEADER), 1e-9, name);
            assertEquals(0.3, s.getMargin(org.apache.poi.ss.usermodel.PageMargin.FOOTER), 1e-9, name);
            assertEquals(CellRangeAddress.valueOf("1:1"), s.getRepeatingRows(), name + ": first row on every page");
            for (Paper paper : Paper.values()) {
                double scale = printScale(wb, s, paper);
                assertTrue(scale >= 0.85, name + " prints at " + Math.round(100 * scale) + " % on " + paper);
            }
            assertEquals("&A", s.getHeader().getLeft(), name + ": the sheet's name at the top");
            assertEquals(title.replace("&", "&&"), s.getHeader().getCenter(), name + ": the title and case at the top");
            assertEquals("&F", s.getHeader().getRight(), name + ": the file's name at the top");
            assertTrue(s.getFooter().getLeft().matches("patchlens \\S+, run \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                    name + ": " + s.getFooter().getLeft());
            assertEquals("Page &P of &N", s.getFooter().getRight(), name);
            if (!table) {
                continue;
            }
            List<XlsxBook.Column> cols = tables.get(name.replaceFirst(" \\(\\d+\\)$", ""));
            int printed = printedColumns(wb, s);
            if (cols != null) {
                assertEquals(cols.stream().filter(XlsxBook.Column::printed).count(), printed, name + ": printed columns");
                assertEquals(printed < cols.size(), wb.getPrintArea(wb.getSheetIndex(s)) != null, name);
                assertTrue(XlsxPrint.printedChars(cols) <= XlsxPrint.LANDSCAPE_CHARS, name + ": "
                        + XlsxPrint.printedChars(cols) + " characters of printed columns");
                assertTrue(s.getFitToPage() && ps.getFitWidth() == 1, name + ": one page wide");
                for (int i = printed; i < cols.size(); i++) {
                    assertTrue(s.getColumnWidth(i) >= cols.get(i).width() * 256, name + ": " + cols.get(i).header()
                            + " on screen at its width");
                }
                assertEquals("A1:" + CellReference.convertNumToColString(cols.size() - 1),
                        s.getCTWorksheet().getAutoFilter().getRef().replaceFirst("\\d+$", ""),
                        name + ": the filter over every column, the screen-only ones too");
            }
            assertTrue(s.getCTWorksheet().getAutoFilter().getRef().startsWith("A1:"), name + ": the filter on screen");
            for (Row r : s) {
                for (Cell c : r) {
                    if (c.getColumnIndex() < printed && c.getCellType() == CellType.STRING
                            && !c.getStringCellValue().isEmpty()) {
                        assertTrue(c.getCellStyle().getWrapText(), name + " " + c.getAddress() + " wraps");
                    }
                }
            }
        }
    }
}
