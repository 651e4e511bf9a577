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
            assertEquals("Q288562", s(f.getRow(1), col(fc, "KB")));

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
            assertEquals("525960676e757c838a91989fa6adb4bb", s(live, col(rc, "Hex")));
            assertEquals("0f161d242b323940474e555c636a7178", s(cpt, col(rc, "Hex")));
            assertEquals("checkpoint 00000002", s(cpt, col(rc, "Source")));
            assertEquals("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate", s(cpt, col(rc, "Key")),
                    "a checkpoint's keys are named by the HKLM path they restore, as in the findings");
            assertEquals("yes", s(cpt, col(rc, "Present")), "found in the checkpoint file");
            assertEquals("REG_BINARY", s(live, col(rc, "Type")));
            assertTrue(s(live, col(rc, "Compared by")).contains("CLU-08"));
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
                            + s(row, col(rc, "Compared by")));
                }
            }
            assertTrue(wd.contains("live SYSTEM|D:\\exchsrvr\\MDBDATA|CLU-08"), wd.toString());
            assertTrue(wd.contains("checkpoint 00000001|D:\\exchsrvr\\MDBDATA|CLU-08"), wd.toString());

            Sheet cl = wb.getSheet("Cluster");
            List<String> records = new ArrayList<>();
            cl.forEach(row -> records.add(s(row, 0) + "|" + s(row, 3) + "|" + s(row, 9)));
            assertTrue(records.contains("group|EXVS01 Group|"), records.toString());
            assertTrue(records.stream().anyMatch(x -> x.startsWith("checkpoint|Microsoft Exchange Information Store|")
                    && x.endsWith("00000002.CPT")), records.toString());

            Sheet store = wb.getSheet("Store");
            assertTrue(store.getRow(0).getLastCellNum() >= 3, "at least one store file side by side");
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
}
