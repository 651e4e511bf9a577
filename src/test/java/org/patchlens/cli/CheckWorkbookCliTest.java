package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.report.ReportWorkbook;
import org.patchlens.report.XlsxBook;

/** {@code check --demo -o report.xlsx}: the demo's findings in the workbook, read back with POI. */
class CheckWorkbookCliTest {
    @TempDir
    Path dir;

    static int col(List<XlsxBook.Column> cols, String header) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new AssertionError(header);
    }

    static String s(Row r, int c) {
        Cell cell = r.getCell(c);
        return cell == null ? "" : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString();
    }

    @Test
    void demoWorkbook() throws Exception {
        Path out = dir.resolve("report.xlsx");
        CliRun r = CliRun.of("check", "--demo", "-o", out.toString(), "--deterministic");
        assertEquals(1, r.exit(), r.err());
        String verdict = r.out().lines().filter(l -> l.startsWith("Store will not start")).findFirst().orElseThrow();
        byte[] first = Files.readAllBytes(out);
        assertEquals(1, CliRun.of("check", "--demo", "-o", out.toString(), "--deterministic").exit());
        assertArrayEquals(first, Files.readAllBytes(out), "--deterministic: the same bytes (the demo folder is "
                + "temporary and random, the report shows the arguments as typed)");

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet sum = wb.getSheet("Summary");
            assertEquals(verdict, sum.getRow(0).getCell(0).getStringCellValue());
            List<String> text = new ArrayList<>();
            sum.forEach(row -> row.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    text.add(c.getStringCellValue());
                }
            }));
            int set = text.indexOf("SET _CLUSTER_NETWORK_NAME_=EXVS01");
            assertTrue(set > 0, text.toString());
            assertEquals("isinteg -patch", text.get(set + 1));
            // both CLU-08 stores in one step, each named; the command of its alternative (2) on its own line
            int step1 = text.indexOf("Step 1 (CLU-08, 2 findings)");
            assertTrue(step1 > 0, text.toString());
            String action = text.get(step1 + 1);
            assertTrue(action.contains("checkpoint 00000002.CPT and 00000003.CPT")
                    && action.contains("ParametersPrivate and ControlSet001\\Services\\MSExchangeIS\\ParametersPublic"),
                    action);
            assertEquals(List.of("for (2)", "net start MSExchangeIS"), text.subList(step1 + 2, step1 + 4));
            assertEquals("Step 2 (PRC-02)", text.get(set - 2));
            assertEquals(1, text.stream().filter(t -> t.startsWith("Step 3")).count());
            assertEquals(0, text.stream().filter(t -> t.startsWith("Step 4")).count(), "each action once");
            assertTrue(text.contains("patchlens check --demo -o " + out + " --deterministic"), text.toString());
            assertTrue(text.contains("EXVS01") && text.contains("EXVS01 Group") && text.contains("NODE1, NODE2"));
            assertTrue(text.contains("offline-pit"));

            Sheet f = wb.getSheet("Findings");
            var fc = ReportWorkbook.FINDING_COLUMNS;
            assertEquals("CLU-08", s(f.getRow(1), col(fc, "Rule")), "failures first, most severe first");
            assertEquals("FAIL", s(f.getRow(1), col(fc, "Status")));
            long fails = 0;
            for (Row row : f) {
                if (row.getRowNum() > 0 && s(row, col(fc, "Status")).equals("FAIL")) {
                    fails++;
                }
            }
            assertEquals(4, fails);
            assertEquals("Q288562, Q185942, Q174070, Q199756, Q278464, Q188674", s(f.getRow(1), col(fc, "KB")));
            assertEquals("REG_BINARY 0f161d242b323940 474e555c636a7178\nfrom Q/MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022/"
                    + "00000002.CPT : SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate : Store GUID "
                    + "@0x11A0", s(f.getRow(1), col(fc, "Expected")), "the value in 8-byte words, then its source");
            List<String> order = new ArrayList<>();
            for (Row row : f) {
                if (row.getRowNum() > 0 && row.getRowNum() <= 4) {
                    order.add(s(row, col(fc, "Severity")) + " " + s(row, col(fc, "Rule")));
                }
            }
            assertEquals(List.of("CRIT CLU-08", "CRIT CLU-08", "CRIT PRC-02", "HIGH PRC-04"), order,
                    "failures first, by severity, then rule");

            // The CLU-08 values, looked up in both sources: the live SYSTEM hive and the checkpoint.
            Sheet reg = wb.getSheet("Registry");
            var rc = ReportWorkbook.REGISTRY_COLUMNS;
            Row live = null;
            Row cpt = null;
            for (Row row : reg) {
                if (row.getRowNum() > 0) {
                    assertEquals("yes", s(row, col(rc, "Present")), "every source of the demo has its values: "
                            + s(row, col(rc, "Key")));
                }
                if (s(row, col(rc, "Value name")).equals("Store GUID") && s(row, col(rc, "Key")).endsWith(
                        "ParametersPrivate")) {
                    live = s(row, col(rc, "Source")).equals("live SYSTEM") ? row : live;
                }
                if (s(row, col(rc, "Value name")).equals("Store GUID") && s(row, col(rc, "File")).endsWith(
                        "00000002.CPT")) {
                    cpt = row;
                }
            }
            assertTrue(live != null && cpt != null, "both sources of the drifted value");
            assertEquals("525960676e757c83 8a91989fa6adb4bb", s(live, col(rc, "Hex")));
            assertEquals("0f161d242b323940 474e555c636a7178", s(cpt, col(rc, "Hex")));
            assertEquals("checkpoint 00000002", s(cpt, col(rc, "Source")));
            assertEquals("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate", s(cpt, col(rc, "Key")),
                    "a checkpoint's keys are named by the HKLM path they restore, as in the findings");
            assertEquals("yes", s(cpt, col(rc, "Present")), "found in the checkpoint file");
            assertEquals("REG_BINARY", s(live, col(rc, "Type")));
            assertTrue(s(live, col(rc, "Rules")).contains("CLU-08"));
            assertEquals("126370908000000000", s(live, col(rc, "Key last written FILETIME")));
            assertEquals("126370800000000000", s(cpt, col(rc, "Key last written FILETIME")));
            assertTrue(DateUtil.isCellDateFormatted(live.getCell(col(rc, "Key last written (UTC)"))));
            // Every value CLU-08 compared, not only the drifted ones: both copies of Working Directory.
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<String> wd = new ArrayList<>();
            for (Row row : reg) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String id = s(row, col(rc, "File")) + "|" + s(row, col(rc, "Key")) + "|" + s(row, col(rc, "Value name"));
                assertTrue(seen.add(id), "one row per value per source: " + id);
                if (s(row, col(rc, "Value name")).equals("Working Directory")) {
                    wd.add(s(row, col(rc, "Source")) + "|" + s(row, col(rc, "Value")) + "|"
                            + s(row, col(rc, "Rules")));
                }
            }
            assertTrue(wd.contains("live SYSTEM|D:\\exchsrvr\\MDBDATA|CLU-08"), wd.toString());
            assertTrue(wd.contains("checkpoint 00000001|D:\\exchsrvr\\MDBDATA|CLU-08"), wd.toString());
            // Every value a rule read, so a PASS can be verified too: REG-09 passed on the four services' Start
            // values; the one it names is a row with REG-09, the others are rows read by a rule
            List<String> starts = new ArrayList<>();
            for (Row row : reg) {
                if (s(row, col(rc, "Value name")).equals("Start") && s(row, col(rc, "Source")).equals("live SYSTEM")) {
                    starts.add(s(row, col(rc, "Key")).replaceAll(".*\\\\", "") + "=" + s(row, col(rc, "Value")));
                }
            }
            assertEquals(List.of("MSExchangeSA=3 (0x3)", "MSExchangeDS=3 (0x3)", "MSExchangeIS=3 (0x3)",
                    "MSExchangeMTA=3 (0x3)"), starts);
            Row computer = null;
            for (Row row : reg) {
                if (s(row, col(rc, "Value name")).equals("ComputerName")) {
                    computer = row;
                }
            }
            assertEquals("NODE1", s(computer, col(rc, "Value")), "the node name the rules read");
            assertEquals("ControlSet001\\Control\\ComputerName\\ComputerName", s(computer, col(rc, "Key")));

            Sheet cl = wb.getSheet("Cluster");
            List<String> records = new ArrayList<>();
            cl.forEach(row -> records.add(s(row, 0) + "|" + s(row, 3) + "|" + s(row, 9)));
            assertTrue(records.contains("group|EXVS01 Group|"), records.toString());
            assertTrue(records.stream().anyMatch(x -> x.startsWith("checkpoint|Microsoft Exchange Information Store|")
                    && x.endsWith("00000002.CPT")), records.toString());

            Sheet store = wb.getSheet("Store");
            assertEquals(List.of("Field (eseutil's label)", "D/exchsrvr/MDBDATA/PRIV.EDB (database)",
                    "offset in PRIV.EDB", "E/exchsrvr/MDBDATA/PUB.EDB (database)", "offset in PUB.EDB"),
                    HiveWorkbooksCliTest.row(store, 0));
            Row state = HiveWorkbooksCliTest.find(store, "State");
            assertEquals(List.of("State", "Clean Shutdown (3)", "0x34", "Clean Shutdown (3)", "0x34"),
                    HiveWorkbooksCliTest.row(store, state.getRowNum()), "eseutil's label and format, the offset beside");
            assertEquals("0x89abcdef", s(HiveWorkbooksCliTest.find(store, "Format ulMagic"), 1));

            Sheet logs = wb.getSheet("Log chain");
            assertEquals(1, logs.getLastRowNum());
            assertTrue(s(logs.getRow(1), 7).startsWith("No log files among the evidence. For an offline point-in-time"),
                    s(logs.getRow(1), 7));

            Sheet refs = wb.getSheet("References");
            List<String> kbs = new ArrayList<>();
            refs.forEach(row -> kbs.add(s(row, 0)));
            assertTrue(kbs.containsAll(List.of("Q288562", "Q178311", "Q238063", "Q271634")), kbs.toString());
            assertEquals(kbs.size(), new java.util.HashSet<>(kbs).size(), "one row each");
            Sheet ev = wb.getSheet("Evidence");
            assertTrue(ev.getLastRowNum() >= 10);
            String sysSha = null;
            for (Row row : ev) {
                if (s(row, 1).endsWith("config/SYSTEM")) {
                    sysSha = s(row, 5);
                }
            }
            assertEquals(64, sysSha.length());
            assertEquals(sysSha, wb.getProperties().getCustomProperties()
                    .getProperty("sha256 NODE1/system32/config/SYSTEM").getLpwstr());
        }
    }

    /**
     * The demo evidence with a copy of its SYSTEM hive 33 levels down (the evidence folder is level 0; a folder at
     * level 32 is not opened): the cut is one note on stderr, an IN-02 WARN naming the folder and the limit in the
     * findings, and a row of the workbook's Evidence sheet; the hive below it is read nowhere.
     */
    @Test
    void aFolderPastTheDepthLimitIsSaidInTheFindingsTheNotesAndTheEvidenceSheet() throws Exception {
        Path demo = Path.of("testdata/demo");
        Path ev = dir.resolve("evidence");
        try (var walk = Files.walk(demo)) {
            for (Path p : walk.toList()) {
                Path to = ev.resolve(demo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        String rel = String.join("/", java.util.stream.IntStream.rangeClosed(1, 32).mapToObj(i -> "d" + i).toList());
        Path deep = Files.createDirectories(ev.resolve(rel));
        Files.copy(demo.resolve("NODE1/system32/config/SYSTEM"), deep.resolve("SYSTEM"));
        String line = deep + ": folder not opened: it is 32 levels below " + ev + " (level 0), and the walk opens "
                + "folders down to level 31; the files in it were not looked at: give it as a folder of its own";

        CliRun r = CliRun.of("check", ev.toString(), "@testdata/demo/check.args", "--format", "jsonl");
        assertEquals(1, r.exit(), r.err());
        assertEquals("patchlens: note: " + line + "\n", r.err());
        List<com.fasterxml.jackson.databind.JsonNode> cut = MachineOutputTest.jsonl(r.out(), "check").stream()
                .filter(f -> f.path("rule").asText().equals("IN-02") && f.path("object").asText().equals(rel)).toList();
        assertEquals(1, cut.size(), r.out());
        assertEquals("WARN", cut.get(0).path("status").asText());
        assertEquals("WARN", cut.get(0).path("severity").asText());
        assertEquals(line, cut.get(0).path("actual").asText());
        assertTrue(r.out().lines().noneMatch(l -> l.contains(rel + "/SYSTEM")), "the hive below is not read");

        Path out = dir.resolve("report.xlsx");
        assertEquals(1, CliRun.of("check", ev.toString(), "@testdata/demo/check.args", "-o", out.toString()).exit());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            List<String> rows = new ArrayList<>();
            for (Row row : wb.getSheet("Evidence")) {
                if (s(row, 1).equals(rel)) {
                    rows.add(s(row, 2) + " | " + s(row, 3));
                }
            }
            assertEquals(List.of("not looked at (a limit of the folder walk) | " + line), rows);
        }
    }
}
