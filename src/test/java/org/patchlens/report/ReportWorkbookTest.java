package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.model.Source;
import org.patchlens.report.Report.RegistryRow;
import org.patchlens.rules.Rule;

class ReportWorkbookTest {
    @TempDir
    Path dir;

    static XSSFWorkbook open(Path p) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(p));
    }

    static List<String> row(Sheet s, int r) {
        List<String> out = new ArrayList<>();
        Row row = s.getRow(r);
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            out.add(c == null ? "" : c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue())
                    : c.getStringCellValue());
        }
        return out;
    }

    static List<String> headers(List<XlsxBook.Column> cols) {
        return cols.stream().map(XlsxBook.Column::header).toList();
    }

    private Path sample(boolean deterministic) throws IOException {
        Path out = dir.resolve("report.xlsx");
        ReportWorkbook.write(SampleReport.build(), out, SampleReport.options(deterministic));
        return out;
    }

    @Test
    void sheetsHeadersRowsAndLayout() throws IOException {
        Report r = SampleReport.build();
        try (XSSFWorkbook wb = open(sample(false))) {
            List<String> names = new ArrayList<>();
            wb.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Runbook", "Findings", "Registry", "Cluster", "Store", "Log chain",
                    "Evidence", "References"), names);
            assertEquals(ReportWorkbook.SHEETS, names);

            Sheet f = wb.getSheet("Findings");
            assertEquals(headers(ReportWorkbook.FINDING_COLUMNS), row(f, 0));
            assertEquals(r.findings().size(), f.getLastRowNum());
            assertEquals(headers(ReportWorkbook.REGISTRY_COLUMNS), row(wb.getSheet("Registry"), 0));
            assertEquals(3, wb.getSheet("Registry").getLastRowNum());
            assertEquals(headers(ReportWorkbook.CLUSTER_COLUMNS), row(wb.getSheet("Cluster"), 0));
            assertEquals(5, wb.getSheet("Cluster").getLastRowNum());
            assertEquals(List.of("Field (eseutil's label)", "priv.edb (database)", "offset in priv.edb",
                    "priv.pat (patch)", "offset in priv.pat"), row(wb.getSheet("Store"), 0));
            assertEquals(6, wb.getSheet("Store").getLastRowNum());
            assertEquals(headers(ReportWorkbook.LOG_COLUMNS), row(wb.getSheet("Log chain"), 0));
            assertEquals(3, wb.getSheet("Log chain").getLastRowNum());
            assertEquals(headers(ReportWorkbook.EVIDENCE_COLUMNS), row(wb.getSheet("Evidence"), 0));
            assertEquals(4, wb.getSheet("Evidence").getLastRowNum());
            assertEquals(headers(ReportWorkbook.REFERENCE_COLUMNS), row(wb.getSheet("References"), 0));

            for (String name : names.subList(1, names.size())) {
                XSSFSheet s = wb.getSheet(name);
                var pane = s.getPaneInformation();
                assertNotNull(pane, name + " has a frozen pane");
                assertTrue(pane.isFreezePane(), name);
                assertEquals(1, pane.getHorizontalSplitPosition(), name + ": header row frozen");
                String last = new org.apache.poi.ss.util.CellReference(s.getLastRowNum(),
                        s.getRow(0).getLastCellNum() - 1).formatAsString(false);
                assertEquals("A1:" + last, s.getCTWorksheet().getAutoFilter().getRef(), name + " auto-filter");
            }
            // Wrapped long text, fixed widths from the column definitions.
            Sheet fs = wb.getSheet("Findings");
            int remedy = headers(ReportWorkbook.FINDING_COLUMNS).indexOf("Remedy");
            for (int i = 0; i < ReportWorkbook.FINDING_COLUMNS.size(); i++) {
                assertEquals(ReportWorkbook.FINDING_COLUMNS.get(i).width() * 256, fs.getColumnWidth(i));
            }
            assertEquals(31 * 256, fs.getColumnWidth(remedy));
            assertTrue(fs.getRow(1).getCell(remedy).getCellStyle().getWrapText());

            assertEquals("patchlens restore check", wb.getProperties().getCoreProperties().getTitle());
            assertEquals("patchlens 0.1.0-test", wb.getProperties().getCoreProperties().getCreator());
            assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    wb.getProperties().getCustomProperties().getProperty("sha256 node1/config/SYSTEM").getLpwstr());
            assertEquals(SampleReport.RUN.toEpochMilli() / 1000,
                    wb.getProperties().getCoreProperties().getCreated().getTime() / 1000);
        }
    }

    /**
     * Every column of check's CSV and JSONL is on the Findings sheet, in the same order: its own column, or, for
     * the two sources, under the value they belong to ("Expected" holds the expected value, then "from" its
     * source), so that a printed row reads value and source together.
     */
    @Test
    void findingsColumnsFollowTheCsvAndJsonlColumns() throws IOException {
        List<String> sheet = new ArrayList<>();
        for (String h : headers(ReportWorkbook.FINDING_COLUMNS)) {
            if (h.equals("#") || h.equals("Title") || h.startsWith("Reviewer")) {
                continue;
            }
            sheet.add(h.toLowerCase(java.util.Locale.ROOT));
            if (h.equals("Expected") || h.equals("Actual")) {
                sheet.add(h.toLowerCase(java.util.Locale.ROOT) + "source");
            }
        }
        List<String> csv = FindingsWriter.COLUMNS.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(new java.util.TreeSet<>(csv), new java.util.TreeSet<>(sheet), "every CSV column, no other");
        // the order of the CSV, except the long Detail at the right end of the page
        List<String> ordered = new ArrayList<>(csv);
        ordered.remove("confidence");
        ordered.remove("detail");
        List<String> onSheet = new ArrayList<>(sheet);
        onSheet.remove("confidence");
        onSheet.remove("detail");
        assertEquals(List.of("rule", "severity", "status", "object", "expected", "expectedsource", "actual",
                "actualsource", "remedy", "kb"), ordered);
        assertEquals(ordered, onSheet);
        assertEquals(List.of("Detail", "Confidence", "Reviewer status", "Reviewer comment"),
                headers(ReportWorkbook.FINDING_COLUMNS).subList(ReportWorkbook.FINDING_COLUMNS.size() - 4,
                        ReportWorkbook.FINDING_COLUMNS.size()),
                "Detail last on the printed page; Confidence and the reviewer's columns on screen only, after it");

        Report r = SampleReport.build();
        try (XSSFWorkbook wb = open(sample(false))) {
            Sheet f = wb.getSheet("Findings");
            List<String> h = headers(ReportWorkbook.FINDING_COLUMNS);
            Row prc02 = f.getRow(2);
            assertEquals("PRC-02", prc02.getCell(h.indexOf("Rule")).getStringCellValue());
            assertEquals("EXVS01\nfrom " + r.findings().get(1).expectedSource(),
                    prc02.getCell(h.indexOf("Expected")).getStringCellValue());
            assertEquals("NODE1\nfrom (command line) : --env-line", prc02.getCell(h.indexOf("Actual")).getStringCellValue());
            assertEquals("Q178311, Q280770", prc02.getCell(h.indexOf("KB")).getStringCellValue(),
                    "every KB reference in one cell");
            assertEquals(CellType.STRING, prc02.getCell(h.indexOf("KB")).getCellType());
        }
    }

    @Test
    void summaryVerdictCountsLinkToFirstRowsAndRemedies() throws IOException {
        try (XSSFWorkbook wb = open(sample(false))) {
            Sheet s = wb.getSheet("Summary");
            assertEquals(SampleReport.VERDICT, s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), "verdict row stays in view");
            Row crit = find(s, "CRIT");
            // FAIL column: 2 CRIT failures, the link goes to the first (row 2: CLU-08).
            assertEquals(2.0, crit.getCell(1).getNumericCellValue());
            assertEquals("'Findings'!A2", crit.getCell(1).getHyperlink().getAddress());
            assertEquals("CLU-08", wb.getSheet("Findings").getRow(1).getCell(1).getStringCellValue());
            Row high = find(s, "HIGH");
            assertEquals(1.0, high.getCell(1).getNumericCellValue());
            assertEquals("'Findings'!A4", high.getCell(1).getHyperlink().getAddress());
            assertEquals("REG-05", wb.getSheet("Findings").getRow(3).getCell(1).getStringCellValue());
            Row all = find(s, "All");
            assertEquals("'Findings'!A6", all.getCell(3).getHyperlink().getAddress(), "first PASS row");
            assertEquals(1.0, all.getCell(4).getNumericCellValue(), "one SKIPPED");
            assertEquals(CellType.NUMERIC, crit.getCell(3).getCellType(), "0 CRIT PASS without a link");
            assertEquals(1.0, crit.getCell(3).getNumericCellValue());

            List<String> text = new ArrayList<>();
            s.forEach(r -> r.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    text.add(c.getStringCellValue());
                }
            }));
            int set = text.indexOf("SET _CLUSTER_NETWORK_NAME_=EXVS01");
            assertTrue(set > 0, text.toString());
            assertEquals("isinteg -patch", text.get(set + 1), "commands in order");
            assertTrue(text.indexOf("Step 1 (CLU-08)") < text.indexOf("Step 2 (PRC-02)"));
            assertTrue(text.contains("online"));
            assertTrue(text.contains("Restore in Progress under MSExchangeIS; priv.pat present"));
            assertTrue(text.contains("EXVS01"));
            assertTrue(text.contains("NODE1, NODE2"));
            assertTrue(text.contains("patchlens 0.1.0-test"));
            assertTrue(text.contains("patchlens check /evidence -o report.xlsx --env-line "
                    + "\"SET _CLUSTER_NETWORK_NAME_=NODE1\""), text.toString());
            assertTrue(text.stream().anyMatch(t -> t.startsWith("2026-12-01T08:30:15.123456789Z")));
            assertTrue(text.stream().anyMatch(t -> t.contains("1 cells were longer than 32,767")
                    && t.contains("report.jsonl")), "the Summary says a cell was cut and where the full value is");
        }
    }

    static Row find(Sheet s, String label) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void referencesReviewerDropDownAndConditionalFormatting() throws IOException {
        try (XSSFWorkbook wb = open(sample(false))) {
            XSSFSheet f = wb.getSheet("Findings");
            List<String> h = headers(ReportWorkbook.FINDING_COLUMNS);
            int kb = h.indexOf("KB");
            assertEquals(String.join(", ", Rule.CLU_08.kb()), f.getRow(1).getCell(kb).getStringCellValue());
            assertEquals(null, f.getRow(1).getCell(kb).getHyperlink(), "plain text: a link cell does not wrap");

            // References: every KB the report cites, once, by number, with its title and a link
            XSSFSheet refs = wb.getSheet("References");
            List<String> cited = new ArrayList<>();
            for (Row row : refs) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String q = row.getCell(0).getStringCellValue();
                cited.add(q);
                assertEquals(KbArticles.title(q), row.getCell(1).getStringCellValue());
                Hyperlink link = row.getCell(3).getHyperlink();
                assertEquals(ReportWorkbook.KB_MIRROR + q.substring(1), link.getAddress());
                assertEquals(link.getAddress(), row.getCell(3).getStringCellValue());
            }
            java.util.Set<String> expected = new java.util.TreeSet<>();
            SampleReport.build().findings().forEach(x -> {
                expected.addAll(x.kb());
                expected.addAll(KbArticles.in(x.remedy()));
            });
            assertEquals(new ArrayList<>(expected), cited, "each cited KB once, in number order");
            assertTrue(cited.contains("Q288562") && cited.contains("Q178311"));
            Row q288562 = find(refs, "Q288562");
            assertEquals("XADM: Isinteg Won't Patch Information Store Running on Cluster",
                    q288562.getCell(1).getStringCellValue());
            assertTrue(q288562.getCell(2).getStringCellValue().contains("CLU-08"), "cited by CLU-08");

            int review = h.indexOf("Reviewer status");
            List<? extends DataValidation> dvs = f.getDataValidations();
            assertEquals(1, dvs.size());
            DataValidation dv = dvs.get(0);
            assertArrayEquals(XlsxBook.REVIEW_CHOICES.toArray(), dv.getValidationConstraint().getExplicitListValues());
            CellRangeAddress range = dv.getRegions().getCellRangeAddress(0);
            assertEquals(new CellRangeAddress(1, f.getLastRowNum(), review, review), range);
            assertEquals(CellType.BLANK, f.getRow(1).getCell(review).getCellType(), "left empty for the reviewer");

            var cf = f.getSheetConditionalFormatting();
            assertEquals(3, cf.getNumConditionalFormattings(), "severity, status, reviewer status");
            int sevCol = h.indexOf("Severity");
            ConditionalFormatting sev = cfOn(cf, sevCol);
            assertEquals(4, sev.getNumberOfRules());
            // a severity is filled only on a FAIL or WARN row: a passed or skipped CRIT rule is no alarm
            assertEquals("AND(OR($D2=\"FAIL\",$D2=\"WARN\"),C2=\"CRIT\")", sev.getRule(0).getFormula1());
            assertEquals(org.apache.poi.ss.usermodel.ConditionType.FORMULA, sev.getRule(0).getConditionType());
            assertEquals(h.indexOf("Status"), 3);
            assertEquals(new CellRangeAddress(1, f.getLastRowNum(), sevCol, sevCol), sev.getFormattingRanges()[0]);
            ConditionalFormatting st = cfOn(cf, h.indexOf("Status"));
            List<String> statusRules = new ArrayList<>();
            for (int i = 0; i < st.getNumberOfRules(); i++) {
                statusRules.add(st.getRule(i).getFormula1());
            }
            assertEquals("\"FAIL\"", statusRules.get(0));
            assertTrue(statusRules.contains("\"WARN\""));
            assertFalse(statusRules.contains("\"PASS\"") || statusRules.contains("\"SKIPPED\""),
                    "PASS and SKIPPED rows plain: " + statusRules);
            assertNotNull(st.getRule(0).getPatternFormatting());
            assertNotNull(cfOn(cf, review));

            var logCf = wb.getSheet("Log chain").getSheetConditionalFormatting();
            ConditionalFormatting state = cfOn(logCf, headers(ReportWorkbook.LOG_COLUMNS).indexOf("State"));
            List<String> formulas = new ArrayList<>();
            for (int i = 0; i < state.getNumberOfRules(); i++) {
                formulas.add(state.getRule(i).getFormula1());
            }
            assertTrue(formulas.contains("\"GAP\"") && formulas.contains("\"FOREIGN\""), formulas.toString());
        }
    }

    private static ConditionalFormatting cfOn(org.apache.poi.ss.usermodel.SheetConditionalFormatting cf, int col) {
        for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
            ConditionalFormatting c = cf.getConditionalFormattingAt(i);
            if (c.getFormattingRanges()[0].getFirstColumn() == col) {
                return c;
            }
        }
        throw new AssertionError("no conditional formatting on column " + col);
    }

    @Test
    void cellTypesDatesRawTimesHexAndHostileText() throws IOException {
        Path out = sample(false);
        try (XSSFWorkbook wb = open(out)) {
            Sheet reg = wb.getSheet("Registry");
            List<String> h = headers(ReportWorkbook.REGISTRY_COLUMNS);
            Cell date = reg.getRow(1).getCell(h.indexOf("Key last written (UTC)"));
            assertEquals(CellType.NUMERIC, date.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(date));
            LocalDateTime expected = LocalDateTime.ofInstant(
                    org.patchlens.hive.FileTime.toInstant(SampleReport.DRIFT_TIME), ZoneOffset.UTC);
            assertEquals(expected.withNano(expected.getNano() / 1_000_000 * 1_000_000), date.getLocalDateTimeCellValue());
            assertEquals("yyyy-mm-dd hh:mm:ss.000", date.getCellStyle().getDataFormatString());
            Cell raw = reg.getRow(1).getCell(h.indexOf("Key last written FILETIME"));
            assertEquals(CellType.STRING, raw.getCellType(), "a FILETIME does not fit a double: text");
            assertEquals(Long.toString(SampleReport.DRIFT_TIME), raw.getStringCellValue());
            assertEquals(Instant.parse("2001-06-15T12:34:56.1234567Z"),
                    org.patchlens.hive.FileTime.toInstant(Long.parseLong(raw.getStringCellValue())), "exact to 100 ns");
            Cell hex = reg.getRow(1).getCell(h.indexOf("Hex"));
            assertEquals(CellType.STRING, hex.getCellType());
            assertEquals("44003a005c00", hex.getStringCellValue());
            assertEquals("0x3A2F8", reg.getRow(1).getCell(h.indexOf("Value offset")).getStringCellValue());
            assertEquals("no", reg.getRow(3).getCell(h.indexOf("Present")).getStringCellValue());
            assertEquals("(default)", reg.getRow(3).getCell(h.indexOf("Value name")).getStringCellValue());

            Sheet cl = wb.getSheet("Cluster");
            assertEquals("(not in the evidence)", cl.getRow(5).getCell(9).getStringCellValue());
            assertEquals(CellType.STRING, cl.getRow(2).getCell(4).getCellType(), "GUID as text");

            // Store: eseutil's labels and formats as text, the offsets beside them in the fixed-width font
            Sheet store = wb.getSheet("Store");
            assertEquals(List.of("Checksum", "0x1c25084f", "0x0", "0x5e2a0c11", "0x0"), row(store, 1));
            assertEquals(List.of("Last Consistent", "(0x12,8,3A)  06/14/2001 08:59:58.000 UTC", "0x38, 0x40"),
                    row(store, 4).subList(0, 3));
            assertEquals("9007199254740993 (0x20000000000001)", store.getRow(5).getCell(1).getStringCellValue());
            assertEquals("Previous Full Backup: Log Gen", store.getRow(6).getCell(0).getStringCellValue());
            assertEquals("0x98, 0x9C", store.getRow(6).getCell(2).getStringCellValue());
            assertEquals("Courier New", wb.getFontAt(store.getRow(1).getCell(2).getCellStyle().getFontIndex())
                    .getFontName());
            for (Row row : store) {
                for (Cell c : row) {
                    assertEquals(CellType.STRING, c.getCellType(), "Store cells are text as eseutil prints them");
                }
            }

            Sheet logs = wb.getSheet("Log chain");
            assertEquals(18.0, logs.getRow(1).getCell(0).getNumericCellValue());
            assertEquals("0x12", logs.getRow(1).getCell(1).getStringCellValue());
            assertEquals("GAP", logs.getRow(2).getCell(3).getStringCellValue());

            Sheet ev = wb.getSheet("Evidence");
            assertEquals("=cmd|' /C calc'!A0", ev.getRow(4).getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, ev.getRow(4).getCell(1).getCellType());
            assertEquals(3_407_872.0, ev.getRow(1).getCell(4).getNumericCellValue());
            assertEquals("truncated header at offset 0x0 (17 bytes)", ev.getRow(4).getCell(7).getStringCellValue());

            // Evidence text that looks like a formula or an OOXML escape is shown exactly, as a string.
            Sheet f = wb.getSheet("Findings");
            int obj = headers(ReportWorkbook.FINDING_COLUMNS).indexOf("Object");
            for (int i = 0; i < SampleReport.HOSTILE.size(); i++) {
                Cell c = f.getRow(8 + i).getCell(obj);
                assertEquals(CellType.STRING, c.getCellType(), SampleReport.HOSTILE.get(i));
                assertEquals(SampleReport.HOSTILE.get(i), c.getStringCellValue());
            }
            // The huge value is cut visibly, with the note saying where the full value is (the cell holds the
            // value, then its source: 40,000 + "\nfrom " + the source characters in all).
            int exp = headers(ReportWorkbook.FINDING_COLUMNS).indexOf("Expected");
            String cut = f.getRow(f.getLastRowNum()).getCell(exp).getStringCellValue();
            assertTrue(cut.length() <= XlsxBook.MAX_TEXT, "length " + cut.length());
            assertTrue(cut.startsWith("xxxxxxxx"));
            List<org.patchlens.rules.Finding> all = SampleReport.build().findings();
            String source = all.get(all.size() - 1).expectedSource().toString();
            assertTrue(cut.endsWith(String.format("[truncated by patchlens: %,d characters in all; the full value is in "
                    + "report.jsonl]", 40_000 + "\nfrom ".length() + source.length())), cut.substring(cut.length() - 120));

            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertFalse(c.getCellType() == CellType.FORMULA, s.getSheetName() + "!" + c.getAddress());
                    }
                }
            }
        }
        // The same at the XML level: no formula element anywhere, the escapes as OOXML defines them.
        try (ZipFile z = new ZipFile(out.toFile())) {
            StringBuilder all = new StringBuilder();
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    try (InputStream in = z.getInputStream(e)) {
                        all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            assertFalse(all.toString().contains("<f>") || all.toString().contains("<f "), "no formula element");
            assertTrue(all.toString().contains("_x005F_x0041_ literal"));
            assertTrue(all.toString().contains("bell_x0007_here"));
            assertTrue(all.toString().contains("lone _xD800_ surrogate"));
            assertTrue(all.toString().contains("t=\"inlineStr\""));
        }
    }

    /**
     * Printing: every table landscape A4, one page wide (as many tall as it takes), its header row repeated on
     * every page and frozen on screen; the Summary portrait, one page wide, its verdict frozen and repeated.
     */
    @Test
    void printSetUpLandscapeOnePageWideHeaderRepeatedAndFrozen() throws IOException {
        try (XSSFWorkbook wb = open(sample(false))) {
            for (String name : ReportWorkbook.SHEETS) {
                XSSFSheet s = wb.getSheet(name);
                var ps = s.getPrintSetup();
                assertTrue(s.getFitToPage(), name + ": fit to page");
                assertEquals(1, ps.getFitWidth(), name + ": one page wide");
                assertEquals(0, ps.getFitHeight(), name + ": as many pages tall as it takes");
                assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name);
                var pane = s.getPaneInformation();
                assertTrue(pane != null && pane.isFreezePane() && pane.getHorizontalSplitPosition() == 1,
                        name + ": its first row frozen");
                assertEquals(CellRangeAddress.valueOf("1:1"), s.getRepeatingRows(), name + ": first row on every page");
                assertEquals(!name.equals("Summary"), ps.getLandscape(), name + ": tables landscape, the Summary portrait");
            }
        }
    }

    /** The restore-check workbook as it prints ({@link PrintChecks#assertPrintsLegibly}), its Store sheet too. */
    static void assertPrintsLegibly(XSSFWorkbook wb, String subject) {
        PrintChecks.assertPrintsLegibly(wb, "patchlens restore check" + (subject.isEmpty() ? "" : ": " + subject),
                CHECK_TABLES);
        XSSFSheet s = wb.getSheet("Store");
        if (s != null) {
            int files = (s.getRow(0).getLastCellNum() - 1) / 2;
            assertEquals(files > 3, !s.getFitToPage(), "Store: more than three files, several pages across");
            assertArrayEquals(ReportWorkbook.storePageBreaks(files), s.getColumnBreaks(), "Store");
            assertEquals(files > 3 ? CellRangeAddress.valueOf("A:A") : null, s.getRepeatingColumns(),
                    "Store: the field names on every page across");
        }
    }

    /** The restore-check tables by sheet; the Store sheet has a column per file. */
    static final java.util.Map<String, List<XlsxBook.Column>> CHECK_TABLES = java.util.Map.of(
            "Runbook", ReportWorkbook.RUNBOOK_COLUMNS,
            "Findings", ReportWorkbook.FINDING_COLUMNS,
            "Registry", ReportWorkbook.REGISTRY_COLUMNS,
            "Cluster", ReportWorkbook.CLUSTER_COLUMNS,
            "Log chain", ReportWorkbook.LOG_COLUMNS,
            "Evidence", ReportWorkbook.EVIDENCE_COLUMNS,
            "References", ReportWorkbook.REFERENCE_COLUMNS);

    @Test
    void everySheetPrintsLegibly() throws IOException {
        try (XSSFWorkbook wb = open(sample(false))) {
            assertPrintsLegibly(wb, "Exchange virtual server EXVS01");
            // what a print leaves out is still on screen, at its width
            XSSFSheet f = wb.getSheet("Findings");
            List<String> h = headers(ReportWorkbook.FINDING_COLUMNS);
            assertEquals("Findings!$A:$" + org.apache.poi.ss.util.CellReference.convertNumToColString(h.indexOf("Detail")),
                    wb.getPrintArea(wb.getSheetIndex(f)), "the finding, what was compared, what to do and why");
            for (String screen : List.of("Confidence", "Reviewer status", "Reviewer comment")) {
                assertTrue(h.indexOf(screen) > h.indexOf("Detail"), screen + " after the printed columns");
                assertEquals(ReportWorkbook.FINDING_COLUMNS.get(h.indexOf(screen)).width() * 256,
                        f.getColumnWidth(h.indexOf(screen)), screen);
            }
            assertEquals("confirmed", f.getRow(1).getCell(h.indexOf("Confidence")).getStringCellValue());
            assertEquals(1, f.getDataValidations().size(), "the reviewer's drop-down");
            List<String> rh = headers(ReportWorkbook.REGISTRY_COLUMNS);
            assertEquals(List.of("Hex", "Value offset", "Key last written (UTC)", "Key last written FILETIME"),
                    rh.subList(rh.indexOf("Note") + 1, rh.size()), "the raw forms on screen only, each beside the other");
            assertEquals("Registry!$A:$" + org.apache.poi.ss.util.CellReference.convertNumToColString(rh.indexOf("Note")),
                    wb.getPrintArea(wb.getSheetIndex(wb.getSheet("Registry"))));
        }
    }

    /**
     * A Store sheet of many files (every database, patch file, checkpoint and up to 50 logs) prints three files a
     * page across, each file's value beside its offsets, the fields on every page, at one scale that fits A4 and
     * Letter; a spreadsheet program fitting it to pages would ignore the breaks and split a file from its offsets.
     */
    @Test
    void aStoreOfManyFilesPrintsThreeFilesAPageAcross() throws IOException {
        Report base = SampleReport.build();
        List<Report.StoreFile> files = new ArrayList<>();
        List<Report.Datum> values = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            files.add(new Report.StoreFile("E0000" + i + ".log", "log"));
            values.add(Report.Datum.at("0x" + i, 0x10));
        }
        Report r = new Report(base.verdict(), base.findings(), base.remedies(), base.restore(), base.cluster(),
                base.evidence(), base.registry(), base.clusterRows(), new Report.StoreHeaders(files,
                List.of(new Report.StoreField("Generation", values))), base.logChain(), base.run());
        Path out = dir.resolve("stores.xlsx");
        ReportWorkbook.write(r, out, SampleReport.options(true));
        try (XSSFWorkbook wb = open(out)) {
            assertPrintsLegibly(wb, "Exchange virtual server EXVS01");
            XSSFSheet store = wb.getSheet("Store");
            assertFalse(store.getFitToPage(), "a set scale: fitted to pages, the breaks would be ignored");
            assertArrayEquals(new int[] {6, 12}, store.getColumnBreaks(), "after the 3rd and 6th file's offsets");
            assertEquals(86, store.getPrintSetup().getScale(), "the field and three files: 158 characters");
            assertEquals("offset in E00002.log", store.getRow(0).getCell(6).getStringCellValue());
        }
    }

    /** The demo as check writes it: every sheet legible on paper, and no printed cell clipped at its row's height. */
    @Test
    void theDemoWorkbookPrintsLegibly() throws IOException {
        Path out = dir.resolve("demo.xlsx");
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(1, org.patchlens.cli.Main.run(new String[] {"check", "--demo", "-o", out.toString(),
                "--deterministic"}, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err)),
                err.toString());
        try (XSSFWorkbook wb = open(out)) {
            assertPrintsLegibly(wb, "Exchange virtual server EXVS01");
            for (Sheet s : wb) {
                int printed = PrintChecks.printedColumns(wb, (XSSFSheet) s);
                for (Row r : s) {
                    for (Cell c : r) {
                        if (c.getColumnIndex() < printed && c.getCellType() == CellType.STRING
                                && s.getColumnWidth(c.getColumnIndex()) > 0 && !isMerged(s, c)) {
                            boolean mono = wb.getFontAt(c.getCellStyle().getFontIndex()).getFontName().equals("Courier New");
                            int lines = TextFit.lines(c.getStringCellValue(), s.getColumnWidth(c.getColumnIndex()) / 256.0,
                                    mono, wb.getFontAt(c.getCellStyle().getFontIndex()).getBold(), XlsxBook.MAX_LINES);
                            assertTrue(lines <= XlsxBook.MAX_LINES, s.getSheetName() + " " + c.getAddress() + " needs "
                                    + lines + " lines: clipped");
                        }
                    }
                }
            }
        }
    }

    private static boolean isMerged(Sheet s, Cell c) {
        for (CellRangeAddress m : s.getMergedRegions()) {
            if (m.isInRange(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page header names the case from the evidence: made one line (control characters escaped), '&' doubled so
     * that a name never reads as a header code (&P, &F, a font), cut at 80 characters.
     */
    @Test
    void thePageHeaderShowsTheCaseAsText() throws IOException {
        Report base = SampleReport.build();
        String name = "EX&P\u0007VS" + "x".repeat(100);
        Report.ClusterFacts c = base.cluster();
        Report r = new Report(base.verdict(), base.findings(), base.remedies(), base.restore(),
                new Report.ClusterFacts(name, c.exchangeGroup(), c.nodes(), c.nodeName(), c.source()), base.evidence(),
                base.registry(), base.clusterRows(), base.store(), base.logChain(), base.run());
        Path out = dir.resolve("case.xlsx");
        ReportWorkbook.write(r, out, SampleReport.options(true));
        try (XSSFWorkbook wb = open(out)) {
            String center = wb.getSheet("Findings").getHeader().getCenter();
            String shown = ("Exchange virtual server EX&P\\u0007VS" + "x".repeat(100)).substring(0, 79) + "…";
            assertEquals("patchlens restore check: " + shown.replace("&", "&&"), center);
            assertEquals("patchlens 0.1.0-test, run 2000-01-01T00:00:00Z", wb.getSheet("Summary").getFooter().getLeft(),
                    "--deterministic: the fixed run time");
        }
        // standalone: the SYSTEM hive's computer name; neither: the title alone
        Report standalone = new Report(base.verdict(), base.findings(), base.remedies(), base.restore(),
                new Report.ClusterFacts("", "", List.of(), "EXCH01", Source.NONE), base.evidence(), base.registry(),
                base.clusterRows(), base.store(), base.logChain(), base.run());
        assertEquals("server EXCH01", ReportWorkbook.subject(standalone));
        Report none = new Report(base.verdict(), base.findings(), base.remedies(), base.restore(), null,
                base.evidence(), base.registry(), base.clusterRows(), base.store(), base.logChain(), base.run());
        assertEquals("", ReportWorkbook.subject(none));
    }

    /** A print area is one block of columns from A: a printed column after a screen-only one is refused. */
    @Test
    void screenOnlyColumnsAreATablesLastColumns() throws IOException {
        try (XlsxBook book = new XlsxBook(SampleReport.options(true))) {
            List<XlsxBook.Column> cols = List.of(new XlsxBook.Column("a", 10, XlsxBook.Kind.TEXT).screenOnly(),
                    new XlsxBook.Column("b", 10, XlsxBook.Kind.TEXT));
            assertThrows(IllegalArgumentException.class, () -> book.table("T", cols));
        }
    }

    /** Every row is as tall as its tallest cell needs, so nothing is printed over the next row. */
    @Test
    void rowsGrowToTheirText() throws IOException {
        try (XSSFWorkbook wb = open(sample(false))) {
            Sheet f = wb.getSheet("Findings");
            List<String> h = headers(ReportWorkbook.FINDING_COLUMNS);
            Row clu08 = f.getRow(1);
            String remedy = clu08.getCell(h.indexOf("Remedy")).getStringCellValue();
            int lines = TextFit.lines(remedy, f.getColumnWidth(h.indexOf("Remedy")) / 256.0, false, false,
                    XlsxBook.MAX_LINES);
            assertTrue(lines >= 4, lines + " lines");
            assertTrue(clu08.getHeightInPoints() >= XlsxBook.rowPoints(lines) - 0.01, "as tall as its remedy");
            assertEquals(XlsxBook.rowPoints(XlsxBook.MAX_LINES), f.getRow(f.getLastRowNum()).getHeightInPoints(), 0.01,
                    "the 40,000-character value: as many lines as a row prints");
            assertTrue(f.getRow(0).getHeightInPoints() >= XlsxBook.rowPoints(2) - 0.01,
                    "the header grows too (\"Reviewer comment\" is two lines)");
            for (Row r : f) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isEmpty()) {
                        String text = c.getStringCellValue();
                        boolean mono = wb.getFontAt(c.getCellStyle().getFontIndex()).getFontName().equals("Courier New");
                        int need = TextFit.lines(text, f.getColumnWidth(c.getColumnIndex()) / 256.0, mono,
                                r.getRowNum() == 0, XlsxBook.MAX_LINES);
                        assertTrue(c.getCellStyle().getWrapText(), "a text cell wraps: " + c.getAddress());
                        // a longer cell shows its first MAX_LINES lines, clipped at the bottom of its row
                        int shown = Math.min(need, XlsxBook.MAX_LINES);
                        assertTrue(r.getHeightInPoints() >= XlsxBook.rowPoints(shown) - 0.01, c.getAddress()
                                + " needs " + need + " lines, its row is " + r.getHeightInPoints() + " pt");
                    }
                }
            }
        }
    }

    /** A hex value in a finding: fixed-width, in words of 8 bytes, every digit kept. */
    @Test
    void hexValuesAreMonospaceIn8ByteWords() throws IOException {
        assertEquals("REG_BINARY 0f161d242b323940 474e555c636a7178",
                ReportWorkbook.hexValue("REG_BINARY 0f161d242b323940474e555c636a7178"));
        assertEquals("REG_BINARY 0000000000000000 0000", ReportWorkbook.hexValue("REG_BINARY 00000000000000000000"),
                "digits only: grouped too");
        assertEquals("was REG_NONE 0102030405060708 0910, now none", ReportWorkbook.hexValue(
                "was REG_NONE 01020304050607080910, now none"));
        assertEquals("FILETIME 126370908000000000", ReportWorkbook.hexValue("FILETIME 126370908000000000"),
                "a decimal number is not hex");
        assertEquals("REG_SZ deadbeefdeadbeefdeadbeef", ReportWorkbook.hexValue("REG_SZ deadbeefdeadbeefdeadbeef"),
                "a string is never changed");
        assertEquals("deadbeefdeadbeefdeadbeef", ReportWorkbook.hexValue("deadbeefdeadbeefdeadbeef"),
                "nor text that only looks like hex");
        assertEquals("0123456789abcdef 0123", XlsxBook.hexWords("0123456789abcdef0123"));
        assertEquals("0123456789abcdef", XlsxBook.hexWords("0123456789abcdef"));

        List<RegistryRow> rows = List.of(new RegistryRow("live SYSTEM", "K", "Store GUID", true, "REG_BINARY",
                "525960676e757c838a91989fa6adb4bb", "525960676e757c838a91989fa6adb4bb", SampleReport.DRIFT_TIME,
                Source.NONE, "CLU-08", ""));
        Report base = SampleReport.build(rows);
        List<org.patchlens.rules.Finding> fs = new ArrayList<>(base.findings());
        fs.add(0, org.patchlens.rules.Finding.fail(Rule.CLU_08, "ParametersPrivate : Store GUID",
                "REG_BINARY 0f161d242b323940474e555c636a7178", new Source("a.CPT", "K : Store GUID", 0x11A0),
                "REG_BINARY 525960676e757c838a91989fa6adb4bb", Source.NONE, "r"));
        Report r = new Report(base.verdict(), fs, base.remedies(), base.restore(), base.cluster(), base.evidence(),
                rows, base.clusterRows(), base.store(), base.logChain(), base.run());
        Path out = dir.resolve("hex.xlsx");
        ReportWorkbook.write(r, out, SampleReport.options(true));
        try (XSSFWorkbook wb = open(out)) {
            Sheet f = wb.getSheet("Findings");
            List<String> h = headers(ReportWorkbook.FINDING_COLUMNS);
            Cell exp = f.getRow(1).getCell(h.indexOf("Expected"));
            assertEquals("REG_BINARY 0f161d242b323940 474e555c636a7178\nfrom a.CPT : K : Store GUID @0x11A0",
                    exp.getStringCellValue());
            assertEquals("Courier New", wb.getFontAt(exp.getCellStyle().getFontIndex()).getFontName());
            Cell act = f.getRow(1).getCell(h.indexOf("Actual"));
            assertEquals("REG_BINARY 525960676e757c83 8a91989fa6adb4bb", act.getStringCellValue());
            assertEquals("Arial", wb.getFontAt(f.getRow(2).getCell(h.indexOf("Expected")).getCellStyle().getFontIndex())
                    .getFontName(), "text without hex stays in the sans font");
            Sheet reg = wb.getSheet("Registry");
            List<String> rh = headers(ReportWorkbook.REGISTRY_COLUMNS);
            assertEquals("525960676e757c83 8a91989fa6adb4bb", reg.getRow(1).getCell(rh.indexOf("Hex")).getStringCellValue());
            assertEquals("525960676e757c83 8a91989fa6adb4bb", reg.getRow(1).getCell(rh.indexOf("Value"))
                    .getStringCellValue(), "a REG_BINARY shown as its bytes, like the Hex column");
            assertTrue(reg.getColumnWidth(rh.indexOf("Hex")) >= 38 * 256, "two words of 8 bytes on a line");
        }
    }

    /**
     * A registry value's bytes longer than a printed row of the Registry sheet show their first words, as many as
     * fit with a note of how many bytes there are and where every one is (before: 34 lines that simply stopped);
     * the Hex column holds every byte; bytes that fit exactly print whole (the Value column prints one word a line,
     * and the 34th line has room for two more bytes after its word: 274 bytes); a value too long for the Hex column
     * too points at its hive's JSONL dump (check's JSONL has no Registry rows).
     */
    @Test
    void registryBytesLongerThanARowPrintTheirFirstWordsAndSayWhereTheRestIs() throws IOException {
        List<RegistryRow> rows = new ArrayList<>();
        for (int n : new int[] {274, 275, 20_000}) {
            String h = HiveWorkbookPrintTest.hex(n, n);
            rows.add(new RegistryRow("live SYSTEM", "K", "Bytes" + n, true, "REG_BINARY", h, h, SampleReport.DRIFT_TIME,
                    Source.NONE, "CLU-08", ""));
        }
        Path out = dir.resolve("long.xlsx");
        ReportWorkbook.write(SampleReport.build(rows), out, SampleReport.options(true));
        try (XSSFWorkbook wb = open(out)) {
            XSSFSheet reg = wb.getSheet("Registry");
            List<String> rh = headers(ReportWorkbook.REGISTRY_COLUMNS);
            int value = rh.indexOf("Value");
            assertEquals(XlsxBook.MAX_LINES, PrintChecks.assertBytesPrinted(reg, reg.getRow(1), value,
                    rows.get(0).hex(), null), "exactly a row's lines, printed whole");
            PrintChecks.assertBytesPrinted(reg, reg.getRow(2), value, rows.get(1).hex(),
                    "… 275 bytes in all; every byte is in the Hex column");
            assertEquals(XlsxBook.hexWords(rows.get(1).hex()), reg.getRow(2).getCell(rh.indexOf("Hex"))
                    .getStringCellValue(), "every byte on screen");
            PrintChecks.assertBytesPrinted(reg, reg.getRow(3), value, rows.get(2).hex(), "… 20,000 bytes in all; "
                    + "too many for the Hex column: every byte is in its hive's JSONL dump (patchlens hive dump FILE "
                    + "--format jsonl)");
        }
    }

    @Test
    void anEmptyLogChainSaysWhatThatMeansForTheRestoreType() throws IOException {
        Report base = SampleReport.build();
        Report r = new Report(base.verdict(), base.findings(), base.remedies(), new Report.Restore("offline-pit",
                "--restore-type offline"), base.cluster(), base.evidence(), base.registry(), base.clusterRows(),
                base.store(), List.of(), base.run());
        Path out = dir.resolve("nologs.xlsx");
        ReportWorkbook.write(r, out, SampleReport.options(true));
        try (XSSFWorkbook wb = open(out)) {
            Sheet logs = wb.getSheet("Log chain");
            assertEquals(1, logs.getLastRowNum(), "one row");
            List<String> h = headers(ReportWorkbook.LOG_COLUMNS);
            assertEquals("NO LOGS", logs.getRow(1).getCell(h.indexOf("State")).getStringCellValue());
            assertEquals(CheckReport.noLogs("offline-pit"), logs.getRow(1).getCell(h.indexOf("Note")).getStringCellValue());
        }
    }

    /** The verdict is a banner across the Summary, filled by how bad it is. */
    @Test
    void theVerdictIsABannerFilledRedAmberOrGreen() throws IOException {
        try (XSSFWorkbook wb = open(sample(false))) {
            Sheet s = wb.getSheet("Summary");
            Cell v = s.getRow(0).getCell(0);
            assertEquals(SampleReport.VERDICT, v.getStringCellValue());
            var style = (org.apache.poi.xssf.usermodel.XSSFCellStyle) v.getCellStyle();
            assertEquals("FFC00000", style.getFillForegroundColorColor().getARGBHex(), "red: the store will not start");
            assertTrue(style.getFont().getBold());
            assertEquals(14, style.getFont().getFontHeightInPoints());
            assertEquals(new CellRangeAddress(0, 0, 0, 6), ((XSSFSheet) s).getMergedRegion(0), "across the page");
            // the severity labels of the matrix are filled only on a row that counts a failure or warning
            var cf = s.getSheetConditionalFormatting();
            assertEquals(1, cf.getNumConditionalFormattings());
            ConditionalFormatting labels = cf.getConditionalFormattingAt(0);
            Row crit = find(s, "CRIT");
            int r = crit.getRowNum() + 1;
            assertEquals("AND($A" + r + "=\"CRIT\",OR($B" + r + ">0,$C" + r + ">0))", labels.getRule(0).getFormula1());
            assertEquals(new CellRangeAddress(crit.getRowNum(), crit.getRowNum() + 3, 0, 0),
                    labels.getFormattingRanges()[0], "CRIT, HIGH, WARN, INFO; not All");
        }
        Report base = SampleReport.build();
        List<org.patchlens.rules.Finding> passes = base.findings().stream()
                .filter(f -> f.status() == org.patchlens.rules.Status.PASS).toList();
        Report green = new Report("No findings", passes, List.of(), base.restore(), base.cluster(), base.evidence(),
                base.registry(), base.clusterRows(), base.store(), base.logChain(), base.run());
        Path out = dir.resolve("green.xlsx");
        ReportWorkbook.write(green, out, SampleReport.options(true));
        try (XSSFWorkbook wb = open(out)) {
            var style = (org.apache.poi.xssf.usermodel.XSSFCellStyle) wb.getSheet("Summary").getRow(0).getCell(0)
                    .getCellStyle();
            assertEquals("FF2E7D32", style.getFillForegroundColorColor().getARGBHex());
        }
    }

    @Test
    void escapeIsExactAndBudgeted() {
        assertEquals("plain", XlsxBook.escape("plain", Integer.MAX_VALUE));
        assertEquals("a_x0001_b", XlsxBook.escape("a\u0001b", Integer.MAX_VALUE));
        assertEquals("_x005F_x00Ff_", XlsxBook.escape("_x00Ff_", Integer.MAX_VALUE));
        assertEquals("_x0041", XlsxBook.escape("_x0041", Integer.MAX_VALUE), "not a complete escape");
        assertEquals("tab\tnl\ncr\r", XlsxBook.escape("tab\tnl\ncr\r", Integer.MAX_VALUE));
        assertEquals("_xFFFE_", XlsxBook.escape("\uFFFE", Integer.MAX_VALUE));
        assertEquals("ab", XlsxBook.escape("abc", 2));
        assertEquals("a", XlsxBook.escape("a\uD83D\uDE00", 2), "a surrogate pair is never split");
        assertEquals("a\uD83D\uDE00", XlsxBook.escape("a\uD83D\uDE00", 3));
        assertEquals("a", XlsxBook.escape("a\u0001", 5), "an escape is never split");
    }

    /**
     * Evidence names reach the workbook outside cells too: Store column headers, the document title and the
     * "sha256 NAME" custom properties. A control character there made docProps/custom.xml invalid XML (the
     * workbook did not open) and came out of a header as '?' (found by CheckFuzzTest#checkWorkbook).
     */
    @Test
    void namesInHeadersTitleAndPropertiesAreEscapedToo() throws IOException {
        Path out = dir.resolve("names.xlsx");
        String odd = "a\u0001b_x0041_\uFFFE.edb";
        try (XlsxBook book = new XlsxBook(new XlsxBook.Options("test", "patchlens hive dump " + odd, true, null))) {
            book.table("Store", List.of(new XlsxBook.Column("Header field", 10, XlsxBook.Kind.TEXT),
                    new XlsxBook.Column(odd + " (database)", 10, XlsxBook.Kind.TEXT))).add("f", "v");
            XlsxPage p = book.page("Summary", 10, 10);
            p.heading("Heading " + odd, 2);
            p.labels("Label " + odd);
            p.line("Line " + odd, "x");
            p.text("Text " + odd, "y");
            book.property("sha256 " + odd, "00");
            book.property("sha256 a\u0002b", "01");
            book.save(out, SampleReport.RUN);
        }
        try (XSSFWorkbook wb = open(out)) {
            assertEquals(odd + " (database)", wb.getSheet("Store").getRow(0).getCell(1).getStringCellValue());
            Sheet sum = wb.getSheet("Summary");
            assertEquals("Heading " + odd, sum.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Label " + odd, sum.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Line " + odd, sum.getRow(2).getCell(0).getStringCellValue());
            assertEquals("Text " + odd, sum.getRow(3).getCell(0).getStringCellValue());
            // and in every page header, as one line of text
            for (Sheet sh : wb) {
                assertEquals("patchlens hive dump a\\u0001b_x0041_\\ufffe.edb", sh.getHeader().getCenter(),
                        sh.getSheetName());
            }
            var props = wb.getProperties(); // parses docProps/core.xml and custom.xml
            assertEquals("patchlens hive dump a_x0001_b_x005F_x0041__xFFFE_.edb", props.getCoreProperties().getTitle());
            var custom = props.getCustomProperties();
            assertTrue(custom.contains("sha256 a_x0001_b_x005F_x0041__xFFFE_.edb"), "the name in the cells' escape");
            assertTrue(custom.contains("sha256 a_x0002_b"));
        }
    }

    @Test
    void deterministicWorkbooksAreByteIdentical() throws IOException {
        Report one = SampleReport.build();
        Report two = new Report(one.verdict(), one.findings(), one.remedies(), one.restore(), one.cluster(),
                one.evidence(), one.registry(), one.clusterRows(), one.store(), one.logChain(),
                new Report.Run("0.1.0-test", one.run().commandLine(), Instant.parse("2027-01-02T03:04:05Z")));
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        ReportWorkbook.write(one, a, SampleReport.options(true));
        ReportWorkbook.write(two, b, SampleReport.options(true));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (ZipFile z = new ZipFile(a.toFile())) {
            long times = java.util.Collections.list(z.entries()).stream().mapToLong(ZipEntry::getTime).distinct().count();
            assertEquals(1, times, "every zip entry has the same time");
        }
        try (XSSFWorkbook wb = open(a)) {
            assertEquals(XlsxBook.FIXED_TIME.toEpochMilli(), wb.getProperties().getCoreProperties().getCreated().getTime());
        }
        // Without --deterministic the run time shows, so the bytes differ (the test above can fail).
        ReportWorkbook.write(one, a, SampleReport.options(false));
        ReportWorkbook.write(two, b, SampleReport.options(false));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }

    @Test
    void rolloverRepeatsTheHeaderAndTheSummarySaysSo() throws IOException {
        List<RegistryRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new RegistryRow("live SYSTEM", "K" + i, "v", true, "REG_DWORD", Integer.toString(i), "00",
                    SampleReport.DRIFT_TIME, Source.NONE, "CLU-08", ""));
        }
        Path out = dir.resolve("roll.xlsx");
        ReportWorkbook.Written w;
        try (XlsxBook book = new XlsxBook(SampleReport.options(false))) {
            book.maxRows = 5;
            w = ReportWorkbook.fill(book, SampleReport.build(rows));
            book.save(out, SampleReport.RUN);
        }
        assertEquals(List.of("Registry", "Registry (2)", "Registry (3)"), w.sheets().get("Registry"));
        assertEquals(10L, w.rows().get("Registry"));
        try (XSSFWorkbook wb = open(out)) {
            assertEquals(4, wb.getSheet("Registry").getLastRowNum());
            assertEquals(4, wb.getSheet("Registry (2)").getLastRowNum());
            assertEquals(2, wb.getSheet("Registry (3)").getLastRowNum());
            for (String n : w.sheets().get("Registry")) {
                assertEquals(headers(ReportWorkbook.REGISTRY_COLUMNS), row(wb.getSheet(n), 0), n);
                assertEquals(1, wb.getSheet(n).getPaneInformation().getHorizontalSplitPosition());
            }
            int key = headers(ReportWorkbook.REGISTRY_COLUMNS).indexOf("Key");
            assertEquals("K4", wb.getSheet("Registry (2)").getRow(1).getCell(key).getStringCellValue());
            for (String n : w.sheets().get("Registry")) {
                String last = org.apache.poi.ss.util.CellReference.convertNumToColString(
                        headers(ReportWorkbook.REGISTRY_COLUMNS).indexOf("Note"));
                assertEquals("'" + n + "'!$A:$" + last, wb.getPrintArea(wb.getSheetIndex(n)).replace("Registry!",
                        "'Registry'!"), n + ": the same print area on every sheet of the table, its name quoted");
                assertEquals(CellRangeAddress.valueOf("1:1"), wb.getSheet(n).getRepeatingRows(), n);
            }
            assertEquals("K9", wb.getSheet("Registry (3)").getRow(2).getCell(key).getStringCellValue());
            assertEquals("A1:M3", wb.getSheet("Registry (3)").getCTWorksheet().getAutoFilter().getRef());
            List<String> text = new ArrayList<>();
            wb.getSheet("Summary").forEach(r -> r.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    text.add(c.getStringCellValue());
                }
            }));
            assertTrue(text.stream().anyMatch(t -> t.startsWith("continues on Registry (2), Registry (3)")), text.toString());
        }
    }

    @Test
    void temporaryFilesAreRemovedAlsoOnFailure() throws IOException {
        Path poiTmp = Files.createDirectories(dir.resolve("poi-tmp"));
        Path outDir = Files.createDirectories(dir.resolve("out"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTmp.toFile()));
        try {
            Iterable<RegistryRow> failing = () -> new Iterator<>() {
                int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public RegistryRow next() {
                    if (++n > 500) {
                        throw new IllegalStateException("evidence read failed at row 500");
                    }
                    return new RegistryRow("live SYSTEM", "K" + n, "v", true, "REG_SZ", "x", "", 0, Source.NONE, "",
                            "");
                }
            };
            Report r = SampleReport.build(List.of());
            Report bad = new Report(r.verdict(), r.findings(), r.remedies(), r.restore(), r.cluster(), r.evidence(),
                    failing, r.clusterRows(), r.store(), r.logChain(), r.run());
            Path target = outDir.resolve("bad.xlsx");
            assertThrows(IllegalStateException.class,
                    () -> ReportWorkbook.write(bad, target, SampleReport.options(false)));
            assertFalse(Files.exists(target));
            assertEquals(List.of(), list(outDir), "no partial output");
            assertEquals(List.of(), listFiles(poiTmp), "no temporary sheet files");

            ReportWorkbook.write(SampleReport.build(), outDir.resolve("good.xlsx"), SampleReport.options(false));
            assertEquals(List.of("good.xlsx"), list(outDir));
            assertEquals(List.of(), listFiles(poiTmp), "no temporary sheet files after success");
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> listFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }
}
