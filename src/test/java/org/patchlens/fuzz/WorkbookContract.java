package org.patchlens.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.patchlens.report.XlsxBook;

/**
 * What a written workbook must be: a file POI opens (every sheet's XML parsed), with exactly the
 * expected sheets in order, a header row per table, and cells that read back as the text that was
 * written (POI undoes the {@code _xHHHH_} escapes of {@link XlsxBook} as a spreadsheet program does).
 */
final class WorkbookContract {
    static final String TRUNCATED = " … [truncated by patchlens: ";

    private WorkbookContract() {
    }

    /**
     * Opens the workbook read-only, with its document properties (core, extended, custom: each part's XML
     * parsed, as a spreadsheet program does); any failure is an AssertionError naming the command.
     */
    static XSSFWorkbook open(Path file, String cmd) {
        XSSFWorkbook wb = null;
        try {
            wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
            var props = wb.getProperties();
            props.getCoreProperties().getTitle();
            props.getExtendedProperties().getApplication();
            props.getCustomProperties().getUnderlyingProperties().getPropertyList();
            return wb;
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            if (wb != null) {
                try {
                    wb.close();
                } catch (IOException ignored) {
                    // read-only: nothing to lose
                }
            }
            throw new AssertionError(cmd + ": the workbook does not open: " + e, e);
        }
    }

    /** The sheet names must be exactly these, in this order. */
    static void sheets(XSSFWorkbook wb, List<String> expected, String cmd) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        if (!names.equals(expected)) {
            throw new AssertionError(cmd + ": sheets " + names + ", expected " + expected);
        }
    }

    /** A table sheet's header row must be its columns' headers. */
    static void header(Sheet s, List<XlsxBook.Column> columns, String cmd) {
        Row h = s.getRow(0);
        for (int i = 0; i < columns.size(); i++) {
            String got = h == null ? null : text(h.getCell(i));
            if (!columns.get(i).header().equals(got)) {
                throw new AssertionError(cmd + ": sheet " + s.getSheetName() + " column " + i + " header " + got
                        + ", expected " + columns.get(i).header());
            }
        }
    }

    static int column(List<XlsxBook.Column> columns, String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(header);
    }

    /** A cell as a spreadsheet program shows it ("" for none). */
    static String text(Cell c) {
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.STRING) {
            return c.getStringCellValue(); // POI undoes the _xHHHH_ escapes
        }
        if (c.getCellType() == CellType.NUMERIC) {
            double d = c.getNumericCellValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return c.toString();
    }

    static String text(Row r, int col) {
        return r == null ? "" : text(r.getCell(col));
    }

    /**
     * A cell must show {@code expected}: exactly, or, when the escaped text is over Excel's limit, a prefix
     * of it followed by the truncation note.
     */
    static void same(String expected, String cellText, String what, String cmd) {
        if (expected.equals(cellText)) {
            return;
        }
        int cut = cellText.indexOf(TRUNCATED);
        if (cut >= 0 && expected.startsWith(cellText.substring(0, cut)) && expected.length() > cut) {
            return;
        }
        throw new AssertionError(cmd + ": " + what + " reads back as " + quote(cellText) + ", written "
                + quote(expected));
    }

    /**
     * A printed cell of a value's bytes must show {@code words} ({@link XlsxBook#hexWords} of {@code bytes} bytes):
     * all of them, or, when a row cannot print them all ({@link XlsxBook.HexExcerpt}), its first whole words, then
     * on a line of its own the note of how many bytes there are.
     */
    static void sameBytes(String words, int bytes, String cellText, String what, String cmd) {
        int cut = cellText.indexOf("\n… ");
        if (words.equals(cellText) || cut > 0 && words.startsWith(cellText.substring(0, cut) + " ")
                && cellText.startsWith(String.format("\n… %,d bytes in all; ", bytes), cut)) {
            return;
        }
        throw new AssertionError(cmd + ": " + what + " reads back as " + quote(cellText) + ", written "
                + quote(words));
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        for (char c : t.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }
}
