package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

/**
 * The hive workbooks on paper, as the commands write them: {@code hive dump} (its Dump sheet, and with
 * {@code --deleted} the Recovered sheet), {@code hive diff} and {@code hive batch} print every sheet legibly through
 * the one print set-up of the restore-check workbook ({@link PrintChecks}): their tables' printed columns at most
 * {@link XlsxPrint#LANDSCAPE_CHARS} characters (before: the Dump at 58 % on A4, the Recovered at 60 %, the Diff at
 * 52 %, the Batch at 41 %), the raw forms (hex, type codes, offsets, FILETIMEs) on screen only.
 */
class HiveWorkbookPrintTest {
    static final Instant T1 = Instant.parse("2001-06-15T12:34:56.1234567Z");
    static final Instant T2 = Instant.parse("2001-06-16T08:00:00.0000001Z");
    static final String BLOB = "0f161d242b323940474e555c636a7178525960676e757c838a91989fa6adb4bb";
    private static final String REB = "Description: t\nAuthor: a\nVersion: 1\nId: 1\nKeys:\n"
            + "    -\n        Description: Exchange store\n        HiveType: SYSTEM\n        Category: Services\n"
            + "        KeyPath: ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate\n        Recursive: false\n"
            + "        Comment: \"the private store's parameters\"\n";

    @TempDir
    static Path dir;
    static Path a;
    static Path b;
    /** Values as long as a printed row, or a byte longer; the second a diff of them. */
    static Path longA;
    static Path longB;

    @BeforeAll
    static void hives() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("evidence"));
        HiveBuilder ha = HiveBuilder.v15();
        ha.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").lastWritten(T1)
                .sz("Working Directory", "D:\\exchsrvr\\mdbdata").dword("Start", 2)
                .binary("Store GUID", java.util.HexFormat.of().parseHex(BLOB));
        ha.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").sz("Gone", "a deleted value");
        ha.key("ControlSet001\\Services\\Empty").lastWritten(T1);
        ha.key("Select").dword("Current", 1);
        HiveBuilder.Image img = ha.build();
        HiveBuilder.V gone = ha.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").val("Gone");
        img.free(gone.vkOffset()).free(gone.dataOffset()).putU4(ha.key(
                "ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").nkOffset(), 36, 3);
        a = img.write(ev.resolve("SYSTEM.A"));
        HiveBuilder hb = HiveBuilder.v15();
        hb.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").lastWritten(T2)
                .sz("Working Directory", "C:\\exchsrvr\\mdbdata").dword("Start", 3)
                .binary("Store GUID", java.util.HexFormat.of().parseHex(BLOB.substring(32) + BLOB.substring(0, 32)));
        hb.key("ControlSet001\\Services\\New").lastWritten(T2).sz("", "added");
        b = hb.write(ev.resolve("SYSTEM.B"));
    }

    @BeforeAll
    static void longValues() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("long"));
        HiveBuilder la = HiveBuilder.v15();
        HiveBuilder.K k = la.key("ControlSet001\\Control\\Session Manager\\AppCompatCache")
                .binary("Fits", bytes(544, 1)).binary("OneMore", bytes(545, 2)).binary("Huge", bytes(20_000, 3))
                .binary("Changed", bytes(273, 4)).binary("Grown", bytes(272, 7)).binary("Gone", bytes(273, 5));
        HiveBuilder.Image limg = la.build();
        HiveBuilder.V gone = k.val("Gone");
        limg.free(gone.vkOffset()).free(gone.dataOffset()).putU4(k.nkOffset(), 36, 5);
        longA = limg.write(ev.resolve("SYSTEM.LA"));
        HiveBuilder lb = HiveBuilder.v15();
        lb.key("ControlSet001\\Control\\Session Manager\\AppCompatCache").binary("Fits", bytes(544, 1))
                .binary("OneMore", bytes(545, 2)).binary("Huge", bytes(20_000, 3)).binary("Changed", bytes(272, 6))
                .binary("Grown", bytes(273, 7));
        longB = lb.write(ev.resolve("SYSTEM.LB"));
    }

    static Path cli(String name, String... args) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out")).resolve(name);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("-o", out.toString(), "--deterministic")).toArray(String[]::new);
        StringWriter err = new StringWriter();
        int code = org.patchlens.cli.Main.run(all, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertTrue(code == 0 || code == 1, String.join(" ", all) + ": " + err);
        return out;
    }

    static int col(List<XlsxBook.Column> cols, String header) {
        return ReportWorkbookTest.headers(cols).indexOf(header);
    }

    /** The print area ends after {@code last}; every column after it is on screen only and still holds its data. */
    static void printsUpTo(XSSFWorkbook wb, String sheet, List<XlsxBook.Column> cols, String last) {
        XSSFSheet s = wb.getSheet(sheet);
        assertEquals(sheet + "!$A:$" + CellReference.convertNumToColString(col(cols, last)),
                wb.getPrintArea(wb.getSheetIndex(s)).replace("'", ""), sheet);
    }

    /** The first row whose column {@code keyHeader} is {@code key}. */
    static Row row(XSSFSheet s, List<XlsxBook.Column> cols, String keyHeader, String key) {
        for (Row r : s) {
            Cell k = r.getCell(col(cols, keyHeader));
            if (r.getRowNum() > 0 && k != null && k.getCellType() == CellType.STRING && k.getStringCellValue().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + keyHeader + " " + key + " on " + s.getSheetName());
    }

    /** The text of column {@code header} in the first row whose column {@code keyHeader} is {@code key}. */
    static String cell(XSSFSheet s, List<XlsxBook.Column> cols, String keyHeader, String key, String header) {
        Cell c = row(s, cols, keyHeader, key).getCell(col(cols, header));
        return c == null ? "" : c.getStringCellValue();
    }

    /** {@code n} bytes of data, none like its neighbour. */
    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37 + seed);
        }
        return b;
    }

    /** Those bytes in hex. */
    static String hex(int n, int seed) {
        return java.util.HexFormat.of().formatHex(bytes(n, seed));
    }

    @Test
    void aDumpPrintsLegiblyItsRawFormsOnScreenOnly() throws Exception {
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("dump.xlsx", "hive", "dump", a.toString()))) {
            PrintChecks.assertPrintsLegibly(wb, "patchlens hive dump SYSTEM.A",
                    Map.of("Dump", HiveWorkbooks.DUMP_COLUMNS));
            List<XlsxBook.Column> cols = HiveWorkbooks.DUMP_COLUMNS;
            printsUpTo(wb, "Dump", cols, "Anomalies");
            assertEquals(List.of("Path", "Key last written (UTC)", "Class name", "Value name", "Type", "Size", "Value",
                    "Anomalies"), ReportWorkbookTest.headers(cols).subList(0, col(cols, "Hex")),
                    "on paper: the key, its time and class, the value's name, type, size, data and anomalies");
            XSSFSheet d = wb.getSheet("Dump");
            assertEquals(XlsxBook.hexWords(BLOB), cell(d, cols, "Value name", "Store GUID", "Hex"), "hex on screen");
            assertEquals(XlsxBook.hexWords(BLOB), cell(d, cols, "Value name", "Store GUID", "Value"),
                    "and printed as the value of a REG_BINARY");
            assertEquals("0x3", cell(d, cols, "Value name", "Store GUID", "Type code"));
            assertEquals(Long.toString(FileTime.fromInstant(T1)), cell(d, cols, "Value name", "Store GUID",
                    "Key last written FILETIME"));
            assertTrue(cell(d, cols, "Value name", "Store GUID", "Key offset").matches("0x[0-9A-F]+"));
        }
    }

    @Test
    void recoveredRecordsPrintLegiblyWithTheirOffsets() throws Exception {
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("deleted.xlsx", "hive", "dump", a.toString(), "--deleted"))) {
            PrintChecks.assertPrintsLegibly(wb, "patchlens hive dump SYSTEM.A",
                    Map.of("Dump", HiveWorkbooks.DUMP_COLUMNS, "Recovered", HiveWorkbooks.RECOVERED_COLUMNS));
            List<XlsxBook.Column> cols = HiveWorkbooks.RECOVERED_COLUMNS;
            printsUpTo(wb, "Recovered", cols, "Record offset");
            XSSFSheet r = wb.getSheet("Recovered");
            assertEquals("a deleted value", cell(r, cols, "Value name", "Gone", "Value"));
            assertTrue(cell(r, cols, "Value name", "Gone", "Record offset").matches("0x[0-9A-F]+"),
                    "where in the file the record is: printed");
            assertTrue(cell(r, cols, "Value name", "Gone", "Hex").startsWith("6100200064006500"), "hex on screen");
        }
    }

    @Test
    void aDiffPrintsBothSidesValuesAndTimes() throws Exception {
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("diff.xlsx", "hive", "diff", a.toString(), b.toString()))) {
            PrintChecks.assertPrintsLegibly(wb, "patchlens hive diff SYSTEM.A SYSTEM.B",
                    Map.of("Diff", HiveWorkbooks.DIFF_COLUMNS));
            List<XlsxBook.Column> cols = HiveWorkbooks.DIFF_COLUMNS;
            printsUpTo(wb, "Diff", cols, "After key last written (UTC)");
            XSSFSheet d = wb.getSheet("Diff");
            assertEquals("D:\\exchsrvr\\mdbdata", cell(d, cols, "Value name", "Working Directory", "Before value"));
            assertEquals("C:\\exchsrvr\\mdbdata", cell(d, cols, "Value name", "Working Directory", "After value"));
            assertEquals("REG_SZ", cell(d, cols, "Value name", "Working Directory", "After type"));
            assertEquals(Long.toString(FileTime.fromInstant(T2)), cell(d, cols, "Value name", "Working Directory",
                    "After FILETIME"));
        }
    }

    /**
     * A value's bytes longer than a printed row show their first words, as many as fit {@link XlsxBook#MAX_LINES}
     * lines with a note of how many bytes there are and where every one is (before: 34 lines of hex that simply
     * stopped, nothing on paper saying there was more); the screen-only hex column holds every byte; bytes that fit
     * exactly print whole. The Dump's Value prints two words a line (34 lines: 544 bytes).
     */
    @Test
    void dumpBytesLongerThanARowPrintTheirFirstWordsAndSayWhereTheRestIs() throws Exception {
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("long.xlsx", "hive", "dump", longA.toString()))) {
            List<XlsxBook.Column> cols = HiveWorkbooks.DUMP_COLUMNS;
            XSSFSheet d = wb.getSheet("Dump");
            int value = col(cols, "Value");
            assertEquals(XlsxBook.MAX_LINES, PrintChecks.assertBytesPrinted(d, row(d, cols, "Value name", "Fits"), value,
                    hex(544, 1), null), "exactly a row's lines, printed whole");
            PrintChecks.assertBytesPrinted(d, row(d, cols, "Value name", "OneMore"), value, hex(545, 2),
                    "… 545 bytes in all; every byte is in the Hex column");
            assertEquals(XlsxBook.hexWords(hex(545, 2)), cell(d, cols, "Value name", "OneMore", "Hex"),
                    "every byte on screen");
            PrintChecks.assertBytesPrinted(d, row(d, cols, "Value name", "Huge"), value, hex(20_000, 3),
                    "… 20,000 bytes in all; too many for the Hex column: every byte is in the JSONL dump "
                    + "(patchlens hive dump FILE --format jsonl)");
            String huge = cell(d, cols, "Value name", "Huge", "Hex");
            assertTrue(huge.length() <= XlsxBook.MAX_TEXT && XlsxBook.hexWords(hex(20_000, 3))
                    .startsWith(huge.substring(0, huge.indexOf(" … [truncated by patchlens: "))),
                    "the Hex column as before: the first bytes, cut with its note");
        }
    }

    /** The same on the Recovered sheet, one word a line (34 lines: 272 bytes). */
    @Test
    void recoveredBytesLongerThanARowPrintTheirFirstWordsAndSayWhereTheRestIs() throws Exception {
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("longdeleted.xlsx", "hive", "dump", longA.toString(),
                "--deleted"))) {
            List<XlsxBook.Column> cols = HiveWorkbooks.RECOVERED_COLUMNS;
            XSSFSheet r = wb.getSheet("Recovered");
            PrintChecks.assertBytesPrinted(r, row(r, cols, "Value name", "Gone"), col(cols, "Value"), hex(273, 5),
                    "… 273 bytes in all; every byte is in the Hex column");
            assertEquals(XlsxBook.hexWords(hex(273, 5)), cell(r, cols, "Value name", "Gone", "Hex"));
        }
    }

    /** The same on the Diff sheet, each side naming its own hex column; one word a line (34 lines: 272 bytes). */
    @Test
    void diffBytesLongerThanARowPrintTheirFirstWordsAndSayWhereTheRestIs() throws Exception {
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("longdiff.xlsx", "hive", "diff", longA.toString(),
                longB.toString()))) {
            List<XlsxBook.Column> cols = HiveWorkbooks.DIFF_COLUMNS;
            XSSFSheet d = wb.getSheet("Diff");
            Row changed = row(d, cols, "Value name", "Changed");
            PrintChecks.assertBytesPrinted(d, changed, col(cols, "Before value"), hex(273, 4),
                    "… 273 bytes in all; every byte is in the Before hex column");
            assertEquals(XlsxBook.MAX_LINES, PrintChecks.assertBytesPrinted(d, changed, col(cols, "After value"),
                    hex(272, 6), null), "exactly a row's lines, printed whole");
            assertEquals(XlsxBook.hexWords(hex(273, 4)), cell(d, cols, "Value name", "Changed", "Before hex"));
            assertEquals(XlsxBook.hexWords(hex(272, 6)), cell(d, cols, "Value name", "Changed", "After hex"));
            Row grown = row(d, cols, "Value name", "Grown");
            PrintChecks.assertBytesPrinted(d, grown, col(cols, "Before value"), hex(272, 7), null);
            PrintChecks.assertBytesPrinted(d, grown, col(cols, "After value"), hex(273, 7),
                    "… 273 bytes in all; every byte is in the After hex column");
        }
    }

    @Test
    void aBatchPrintsLegiblyInRecmdsOrder() throws Exception {
        Path reb = Files.writeString(Files.createDirectories(dir.resolve("batch")).resolve("t.reb"), REB);
        try (XSSFWorkbook wb = ReportWorkbookTest.open(cli("batch.xlsx", "hive", "batch", reb.toString(),
                a.toString()))) {
            PrintChecks.assertPrintsLegibly(wb, "patchlens hive batch t.reb", Map.of("Batch", BatchWriter.COLUMNS));
            List<XlsxBook.Column> cols = BatchWriter.COLUMNS;
            printsUpTo(wb, "Batch", cols, "LastWriteTimestamp");
            assertEquals(BatchWriter.CSV_HEADER, BatchWriter.CSV_HEADER.stream()
                    .filter(h -> col(cols, h) >= 0).toList(), "every column of RECmd's CSV");
            List<String> printed = ReportWorkbookTest.headers(cols).subList(0, col(cols, "LastWriteTimestamp") + 1);
            assertEquals(printed, BatchWriter.CSV_HEADER.stream().filter(printed::contains).toList(),
                    "the printed columns in RECmd's order");
            XSSFSheet s = wb.getSheet("Batch");
            assertEquals(3, s.getLastRowNum(), "a row per value of the key");
            assertEquals("D:\\exchsrvr\\mdbdata", cell(s, cols, "ValueName", "Working Directory", "ValueData"));
            assertEquals("the private store's parameters", cell(s, cols, "ValueName", "Working Directory", "Comment"));
        }
    }
}
