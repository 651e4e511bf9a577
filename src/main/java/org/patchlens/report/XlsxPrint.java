package org.patchlens.report;

import java.time.Instant;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * How every sheet of an {@link XlsxBook} prints (and exports to PDF): the one print set-up that tables
 * ({@link XlsxTable}) and pages ({@link XlsxPage}) both use.
 * <ul>
 * <li>A4, narrow margins (0.25 in left and right, Excel's "Narrow"; 0.6 in top and bottom, the header and
 * footer 0.3 in from the edge);</li>
 * <li>fitted to the page <em>width</em> only (one page wide, as many pages tall as it takes), so a table that is
 * not too wide prints at its own size and grows down; a row never splits across pages;</li>
 * <li>tables landscape, with the header row repeated on every page, the cell grid printed (a wrapped row is
 * easy to tell from the next), and a print area that ends before the columns marked
 * {@link XlsxBook.Column#screenOnly() screen-only} (a spreadsheet cannot hide a column on paper only, so those
 * columns are the last ones of the table);</li>
 * <li>a table too wide for one page (the Store sheet of many files) is printed several pages across with its page
 * breaks between columns chosen by its writer, its first column repeated on every page, at the one scale that
 * fits its widest page ({@link #scaleFor}): spreadsheet programs ignore manual breaks on a sheet fitted to pages;</li>
 * <li>pages (the Summary) portrait, the title row repeated, no grid;</li>
 * <li>on every page the sheet name, the workbook's title and case, and the file name at the top; the tool,
 * the run time and "Page n of m" at the bottom ({@link #headerFooter}).</li>
 * </ul>
 * A landscape table is laid out to be at most {@link #LANDSCAPE_CHARS} characters wide on paper (its printed
 * columns' widths added up, {@link #printedChars}), which prints at 90 % on A4 and 85 % on US Letter: the tables
 * of every workbook (the restore check, the hive dump, recovered records, diff and batch) keep to it, the columns a
 * reader of the printout can do without being screen-only.
 */
final class XlsxPrint {
    /**
     * Points a character of column width takes on paper at 100 %: LibreOffice lays a column {@code w} wide out as
     * {@code 5.55 w} pt (measured on its PDF of the demo workbook; Excel as about {@code 5.25 w}).
     */
    static final double POINTS_PER_CHAR = 5.55;
    static final double SIDE_MARGIN = 0.25;
    static final double TOP_MARGIN = 0.6;
    static final double HEADER_MARGIN = 0.3;
    /** The printable width of a landscape page, in points: US Letter's (11 in), the narrower of Letter and A4. */
    static final double LANDSCAPE_POINTS = (11 - 2 * SIDE_MARGIN) * 72;
    /**
     * The widest a landscape table's printed columns should be, in characters: 160 prints at 90 % on A4 and 85 %
     * on US Letter with these margins. Every workbook's tables keep to it ({@code PrintChecks}).
     */
    static final int LANDSCAPE_CHARS = 160;
    /**
     * How wide a table's printed columns are on paper, in characters (before a number or date too wide for its
     * column widens it): every table of every workbook keeps to {@link #LANDSCAPE_CHARS} (the restore check's,
     * the hive dump's, recovered records', the diff's and the batch's; {@code PrintChecks}).
     */
    static int printedChars(java.util.List<XlsxBook.Column> columns) {
        int chars = 0;
        for (int i = 0; i < XlsxTable.printedColumns(columns); i++) {
            chars += XlsxTable.width(columns.get(i));
        }
        return chars;
    }

    /** The longest title or case name shown in a page header, in characters (longer ones end with "…"). */
    static final int HEADER_TEXT = 80;

    /**
     * How one sheet prints.
     *
     * @param landscape      landscape (tables) or portrait (pages)
     * @param printedColumns the columns that print, from column A ({@code columns} or fewer), 0 for all
     * @param columns        the sheet's columns
     * @param grid           print the cell grid
     * @param breaks         the last column (0-based) of each page across but the last, none for one page wide
     * @param scale          the scale in percent when printed several pages across
     */
    record Layout(boolean landscape, int printedColumns, int columns, boolean grid, int[] breaks, int scale) {
        /** A table: landscape, its header row on every page, the grid printed, the printed columns only. */
        static Layout table(int columns, int printedColumns) {
            return new Layout(true, printedColumns, columns, true, new int[0], 100);
        }

        /** A free-form page (the Summary): portrait, one page wide, its title row on every page. */
        static Layout page() {
            return new Layout(false, 0, 0, false, new int[0], 100);
        }

        /** This layout several pages across, a page ending after each of {@code breaks}, at {@code scale} %. */
        Layout across(int[] breaks, int scale) {
            return new Layout(landscape, printedColumns, columns, grid, breaks.clone(), scale);
        }
    }

    private XlsxPrint() {
    }

    /**
     * The scale (percent, at most 100) at which {@code chars} characters of columns fit the width of a landscape
     * page, on A4 and on US Letter.
     */
    static int scaleFor(double chars) {
        return (int) Math.min(100, Math.floor(100 * LANDSCAPE_POINTS / (chars * POINTS_PER_CHAR)));
    }

    /** Sets up {@code s} to print as {@code layout} says; called again when the layout changes (pages across). */
    static void setUp(SXSSFSheet s, Layout layout) {
        PrintSetup ps = s.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(layout.landscape());
        if (layout.breaks().length == 0) {
            s.setFitToPage(true);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0); // as many pages tall as it takes: only the width is fitted
        } else {
            s.setFitToPage(false);
            ps.setScale((short) layout.scale());
            for (int b : layout.breaks()) {
                s.setColumnBreak(b);
            }
            s.setRepeatingColumns(CellRangeAddress.valueOf("A:A")); // what each row is, on every page across
        }
        s.setMargin(PageMargin.LEFT, SIDE_MARGIN);
        s.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
        s.setMargin(PageMargin.TOP, TOP_MARGIN);
        s.setMargin(PageMargin.BOTTOM, TOP_MARGIN);
        s.setMargin(PageMargin.HEADER, HEADER_MARGIN);
        s.setMargin(PageMargin.FOOTER, HEADER_MARGIN);
        s.setPrintGridlines(layout.grid());
        s.setRepeatingRows(CellRangeAddress.valueOf("1:1")); // a table's header row, a page's title
        if (layout.printedColumns() > 0 && layout.printedColumns() < layout.columns()) {
            int index = s.getWorkbook().getSheetIndex(s);
            s.getWorkbook().setPrintArea(index, "$A:$" + CellReference.convertNumToColString(
                    layout.printedColumns() - 1));
        }
    }

    /**
     * The page header and footer of {@code s}: at the top the sheet's name, the title and case (as given, made
     * one safe line: it can name evidence) and the file's name; at the bottom the tool and run time, and the
     * page number of the page count.
     */
    static void headerFooter(Sheet s, String title, String subject, String creator, Instant runTime) {
        String middle = text(title) + (subject == null || subject.isBlank() ? "" : ": " + text(subject));
        s.getHeader().setLeft("&A");
        s.getHeader().setCenter(middle);
        s.getHeader().setRight("&F");
        s.getFooter().setLeft(text(creator) + ", run " + runTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        s.getFooter().setRight("Page &P of &N");
    }

    /**
     * Text for a header or footer: one line with every control character escaped ({@link Printable}), and no
     * character XML cannot carry; '&' doubled, so that evidence text never reads as a header code (&P, &F, a
     * font); at most {@link #HEADER_TEXT} characters.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String p = Printable.of(s).replace("\uFFFE", "\\ufffe").replace("\uFFFF", "\\uffff");
        if (p.length() > HEADER_TEXT) {
            int cut = HEADER_TEXT - 1;
            if (Character.isLowSurrogate(p.charAt(cut))) {
                cut--;
            }
            p = p.substring(0, cut) + "…";
        }
        return p.replace("&", "&&");
    }
}
