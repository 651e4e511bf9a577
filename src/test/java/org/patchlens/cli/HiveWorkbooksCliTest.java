package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.HiveWorkbooks;
import org.patchlens.report.XlsxBook;

/** {@code hive dump -o *.xlsx} and {@code hive diff -o *.xlsx}, read back with POI. */
class HiveWorkbooksCliTest {
    static final Instant T1 = Instant.parse("2001-06-15T12:34:56.1234567Z");
    static final Instant T2 = Instant.parse("2001-06-16T08:00:00.0000001Z");

    @TempDir
    Path dir;
    Path a;
    Path b;
    Path out;

    @BeforeEach
    void hives() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("evidence"));
        out = Files.createDirectories(dir.resolve("out"));
        HiveBuilder hb = HiveBuilder.v13();
        hb.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem").lastWritten(T1)
                .sz("Working Directory", "D:\\exchsrvr\\mdbdata").dword("Start", 2).sz("Formula", "=1+2")
                .binary("Blob", 0xde, 0xad, 0xbe, 0xef);
        hb.key("ControlSet001\\Services\\Empty").lastWritten(T1);
        a = hb.write(ev.resolve("SYSTEM.A"));
        HiveBuilder hb2 = HiveBuilder.v13();
        hb2.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem").lastWritten(T2)
                .sz("Working Directory", "C:\\exchsrvr\\mdbdata").dword("Start", 2).sz("Formula", "=1+2");
        hb2.key("ControlSet001\\Services\\Empty").lastWritten(T1);
        hb2.key("ControlSet001\\Services\\New").lastWritten(T2).sz("", "@added");
        b = hb2.write(ev.resolve("SYSTEM.B"));
    }

    static List<String> row(Sheet s, int r) {
        List<String> v = new ArrayList<>();
        for (Cell c : s.getRow(r)) {
            v.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString());
        }
        return v;
    }

    /** Every column of row r by position, "" for an empty cell. */
    static List<String> cells(Sheet s, int r, int columns) {
        List<String> v = new ArrayList<>();
        Row row = s.getRow(r);
        for (int i = 0; i < columns; i++) {
            Cell c = row.getCell(i);
            v.add(c == null ? "" : c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString());
        }
        return v;
    }

    static List<String> headers(List<XlsxBook.Column> cols) {
        return cols.stream().map(XlsxBook.Column::header).toList();
    }

    /** The index of the column named {@code header}. */
    static int col(List<XlsxBook.Column> cols, String header) {
        int i = headers(cols).indexOf(header);
        assertTrue(i >= 0, header);
        return i;
    }

    @Test
    void dumpWorkbook() throws Exception {
        Path x = out.resolve("dump.xlsx");
        CliRun r = CliRun.of("hive", "dump", a.toString(), "-o", x.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(a + ": 6 keys, 4 values written to " + x + " (xlsx)\n", r.out(), "stdout: one short summary");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(x))) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals("Summary", wb.getSheetName(0));
            XSSFSheet d = wb.getSheet("Dump");
            assertEquals(headers(HiveWorkbooks.DUMP_COLUMNS), row(d, 0));
            // root, ControlSet001, Services, Empty (no values: one row each) + 4 values of ParametersSystem
            // + MSExchangeIS (no values).
            assertEquals(5 + 4, d.getLastRowNum());
            assertEquals(1, d.getPaneInformation().getHorizontalSplitPosition());
            assertNotNull(d.getCTWorksheet().getAutoFilter());
            printsLikeTheCheckWorkbook(wb);
            Row ws = find(d, "Working Directory");
            Cell when = ws.getCell(1);
            assertTrue(DateUtil.isCellDateFormatted(when));
            assertEquals(Long.toString(FileTime.fromInstant(T1)), ws.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Key last written FILETIME")).getStringCellValue());
            assertEquals("REG_SZ", ws.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Type")).getStringCellValue());
            assertEquals("D:\\exchsrvr\\mdbdata", ws.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Value")).getStringCellValue());
            Row f = find(d, "Formula");
            assertEquals(CellType.STRING, f.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Value")).getCellType());
            assertEquals("=1+2", f.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Value")).getStringCellValue());
            Row blob = find(d, "Blob");
            assertEquals("deadbeef", blob.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Hex")).getStringCellValue());
            assertEquals(4.0, blob.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Size")).getNumericCellValue());
            assertEquals("0x3", blob.getCell(col(HiveWorkbooks.DUMP_COLUMNS, "Type code")).getStringCellValue());

            Sheet s = wb.getSheet("Summary");
            assertEquals("Hive dump of " + a + ": 6 keys, 4 values", s.getRow(0).getCell(0).getStringCellValue());
            List<String> text = text(s);
            assertTrue(text.contains(Hashing.sha256(a)), text.toString());
            assertTrue(text.stream().anyMatch(t -> t.startsWith("patchlens hive dump ")), text.toString());
            assertEquals(Hashing.sha256(a), wb.getProperties().getCustomProperties()
                    .getProperty("sha256 " + a).getLpwstr());
            assertTrue(wb.getProperties().getCoreProperties().getCreator().startsWith("patchlens "));
        }
    }

    @Test
    void diffWorkbook() throws Exception {
        Path x = out.resolve("diff.xlsx");
        CliRun r = CliRun.of("hive", "diff", a.toString(), b.toString(), "-o", x.toString());
        assertEquals(1, r.exit(), "differences: exit 1 as with text output; " + r.err());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(x))) {
            XSSFSheet d = wb.getSheet("Diff");
            assertEquals(headers(HiveWorkbooks.DIFF_COLUMNS), row(d, 0));
            List<String> changes = new ArrayList<>();
            for (Row row : d) {
                if (row.getRowNum() > 0) {
                    changes.add(row.getCell(0).getStringCellValue() + " " + row.getCell(1).getStringCellValue() + " "
                            + row.getCell(2).getStringCellValue() + " " + row.getCell(3).getStringCellValue());
                }
            }
            assertTrue(changes.stream().anyMatch(
                    c -> c.startsWith("changed value") && c.endsWith("ParametersSystem Working Directory")),
                    changes.toString());
            assertTrue(changes.stream().anyMatch(c -> c.startsWith("removed value") && c.endsWith("Blob")), changes.toString());
            assertTrue(changes.stream().anyMatch(c -> c.startsWith("added key") && c.contains("New")), changes.toString());
            Row wd = find(d, "Working Directory");
            assertEquals("D:\\exchsrvr\\mdbdata", wd.getCell(col(HiveWorkbooks.DIFF_COLUMNS, "Before value")).getStringCellValue());
            assertEquals("C:\\exchsrvr\\mdbdata", wd.getCell(col(HiveWorkbooks.DIFF_COLUMNS, "After value")).getStringCellValue());
            assertEquals(Long.toString(FileTime.fromInstant(T1)), wd.getCell(col(HiveWorkbooks.DIFF_COLUMNS, "Before FILETIME")).getStringCellValue());
            assertEquals(Long.toString(FileTime.fromInstant(T2)), wd.getCell(col(HiveWorkbooks.DIFF_COLUMNS, "After FILETIME")).getStringCellValue(), "exact to 100 ns");
            assertTrue(DateUtil.isCellDateFormatted(wd.getCell(col(HiveWorkbooks.DIFF_COLUMNS, "After key last written (UTC)"))));
            printsLikeTheCheckWorkbook(wb);
            var cf = d.getSheetConditionalFormatting();
            assertEquals(1, cf.getNumConditionalFormattings());
            assertEquals(0, cf.getConditionalFormattingAt(0).getFormattingRanges()[0].getFirstColumn());
            assertEquals("\"added\"", cf.getConditionalFormattingAt(0).getRule(0).getFormula1());
            String title = wb.getSheet("Summary").getRow(0).getCell(0).getStringCellValue();
            assertTrue(title.matches("\\d+ differences from .*SYSTEM.A to .*SYSTEM.B"), title);
            assertEquals(changes.size(), Integer.parseInt(title.split(" ")[0]));
        }
    }

    @Test
    void deterministicOutputIsByteIdentical() throws Exception {
        Path x = out.resolve("x.xlsx");
        assertEquals(1, CliRun.of("hive", "diff", a.toString(), b.toString(), "--deterministic", "-o", x.toString())
                .exit());
        byte[] diff = Files.readAllBytes(x);
        Thread.sleep(1100);
        assertEquals(1, CliRun.of("hive", "diff", a.toString(), b.toString(), "--deterministic", "-o", x.toString())
                .exit());
        assertArrayEquals(diff, Files.readAllBytes(x));
        // The command line is in the workbook: the same arguments, the same bytes.
        Path y1 = out.resolve("y.xlsx");
        assertEquals(0, CliRun.of("hive", "dump", a.toString(), "--deterministic", "-o", y1.toString()).exit());
        byte[] first = Files.readAllBytes(y1);
        Thread.sleep(1100);
        assertEquals(0, CliRun.of("hive", "dump", a.toString(), "--deterministic", "-o", y1.toString()).exit());
        assertArrayEquals(first, Files.readAllBytes(y1));
        assertEquals(0, CliRun.of("hive", "dump", a.toString(), "-o", y1.toString()).exit());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(y1)), "without --deterministic the time shows");
    }

    @Test
    void formatWithXlsxAndEvidenceFolderAreRefused() {
        CliRun r = CliRun.of("hive", "dump", a.toString(), "--format", "csv", "-o", out.resolve("d.xlsx").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("drop --format"), r.err());
        CliRun r2 = CliRun.of("hive", "dump", a.toString(), "-o", a.resolveSibling("d.xlsx").toString());
        assertEquals(2, r2.exit());
        assertTrue(r2.err().contains("refusing to write into the evidence folder"), r2.err());
        assertFalse(Files.exists(a.resolveSibling("d.xlsx")));
    }

    @Test
    void deletedRecordsGoToARecoveredSheetWithTheColumnsOfHiveDeleted() throws Exception {
        HiveBuilder hb = HiveBuilder.v15();
        HiveBuilder.K vendor = hb.key("Software\\Vendor").sz("Keep", "kept").dword("Also", 1);
        vendor.sz("Gone", "deleted value");
        HiveBuilder.Image img = hb.build();
        HiveBuilder.V gone = vendor.val("Gone");
        img.free(gone.vkOffset()).free(gone.dataOffset()).putU4(vendor.nkOffset(), 36, 2); // the list keeps 2 values
        Path h = img.write(dir.resolve("evidence").resolve("NTUSER.DAT"));
        Path x = out.resolve("deleted.xlsx");
        CliRun r = CliRun.of("hive", "dump", h.toString(), "--deleted", "-o", x.toString());
        assertEquals(1, r.exit(), "a record was recovered, as hive deleted says with exit code 1: " + r.err());
        CliRun csv = CliRun.of("hive", "deleted", h.toString(), "--format", "csv");
        List<String> expected = csv.out().lines().skip(1).toList();
        assertEquals(1, expected.size(), csv.out());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(x))) {
            XSSFSheet rec = wb.getSheet("Recovered");
            assertNotNull(rec, "a Recovered sheet");
            assertEquals(headers(HiveWorkbooks.RECOVERED_COLUMNS), row(rec, 0));
            assertEquals(1, rec.getLastRowNum());
            List<String> got = cells(rec, 1, HiveWorkbooks.RECOVERED_COLUMNS.size());
            assertEquals("deleted", got.get(0));
            assertEquals("value", got.get(1));
            assertEquals("\\Software\\Vendor", got.get(2));
            assertEquals("Gone", got.get(4));
            assertEquals("REG_SZ", got.get(col(HiveWorkbooks.RECOVERED_COLUMNS, "Type")));
            assertEquals("deleted value", got.get(col(HiveWorkbooks.RECOVERED_COLUMNS, "Value")));
            // the same record as hive deleted --format csv gives: hex, data status and offset agree
            String[] c = expected.get(0).split(",");
            assertEquals(XlsxBook.hexWords(c[9]), got.get(col(HiveWorkbooks.RECOVERED_COLUMNS, "Hex")), "the CSV's hex, in words of 8 bytes");
            assertEquals(c[11], got.get(col(HiveWorkbooks.RECOVERED_COLUMNS, "Data status")));
            assertEquals(String.format("0x%X", Long.parseLong(c[12])), got.get(col(HiveWorkbooks.RECOVERED_COLUMNS, "Record offset")));
            assertEquals(4, wb.getSheet("Dump").getLastRowNum(),
                    "the live tree: a row each for the root and Software, one per value of Vendor (2)");
        }
    }

    @Test
    void replayedDiffWorkbook() throws Exception {
        Path x = out.resolve("replayed.xlsx");
        CliRun r = CliRun.of("hive", "diff", a.toString(), "--replayed", "-o", x.toString());
        assertEquals(0, r.exit(), "a clean hive without logs: its replayed view has no differences; " + r.err());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(x))) {
            assertEquals(0, wb.getSheet("Diff").getLastRowNum());
            assertTrue(wb.getSheet("Summary").getRow(0).getCell(0).getStringCellValue().startsWith("No differences"));
        }
    }

    /** The print set-up of the check workbook: tables landscape, one page wide, header repeated; Summary portrait. */
    static void printsLikeTheCheckWorkbook(XSSFWorkbook wb) {
        for (Sheet s : wb) {
            var ps = s.getPrintSetup();
            assertTrue(s.getFitToPage() && ps.getFitWidth() == 1 && ps.getFitHeight() == 0, s.getSheetName());
            assertEquals(!s.getSheetName().equals("Summary"), ps.getLandscape(), s.getSheetName());
            if (!s.getSheetName().equals("Summary")) {
                assertEquals(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"), s.getRepeatingRows(),
                        s.getSheetName());
            }
        }
        // the header's last-written time: a date cell wide enough for it (never ###), its FILETIME beside it
        Sheet sum = wb.getSheet("Summary");
        Row t = find(sum, "Header last written (UTC)");
        assertTrue(DateUtil.isCellDateFormatted(t.getCell(1)));
        assertTrue(sum.getColumnWidth(1) + sum.getColumnWidth(2) >= 22 * 256, "merged B:C holds the date");
        assertTrue(text(sum).stream().anyMatch(x -> x.matches("FILETIME \\d+")), text(sum).toString());
    }

    static Row find(Sheet s, String valueName) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(valueName)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row with " + valueName);
    }

    static List<String> text(Sheet s) {
        List<String> t = new ArrayList<>();
        s.forEach(r -> r.forEach(c -> {
            if (c.getCellType() == CellType.STRING) {
                t.add(c.getStringCellValue());
            }
        }));
        return t;
    }
}
