package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.model.Source;
import org.patchlens.report.FindingsWriter;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.RuleEngine;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Status;

/**
 * {@code check}'s count line counts each rule once, by its worst result (FAIL, then WARN, PASS, SKIPPED), so
 * the four numbers add up to the rules; the findings per status follow. It once counted findings under
 * "49 rules" (4 + 0 + 49 + 16 = 69). The workbook's Summary gives the same numbers. The expected numbers are
 * computed here from the JSONL findings of the same run.
 */
class CheckCountsTest {
    private static final List<String> ORDER = List.of("FAIL", "WARN", "PASS", "SKIPPED");

    @TempDir
    Path dir;

    /** {rules per status, findings per status}, in ORDER, from the JSONL findings. */
    private static long[][] counts(String jsonl) throws Exception {
        ObjectMapper m = new ObjectMapper();
        Map<String, Integer> worst = new HashMap<>();
        long[] findings = new long[4];
        for (String line : jsonl.split("\n")) {
            if (!line.startsWith("{")) {
                continue; // --demo says what it runs first
            }
            JsonNode f = m.readTree(line);
            int status = ORDER.indexOf(f.get("status").asText());
            findings[status]++;
            worst.merge(f.get("rule").asText(), status, Math::min);
        }
        long[] rules = new long[4];
        worst.values().forEach(s -> rules[s]++);
        return new long[][] {rules, findings};
    }

    private static String countLine(long[][] c) {
        long rules = c[0][0] + c[0][1] + c[0][2] + c[0][3];
        long findings = c[1][0] + c[1][1] + c[1][2] + c[1][3];
        return String.format("Results (%d rules): %d FAIL, %d WARN, %d PASS, %d SKIPPED (%d findings: %d FAIL, "
                + "%d WARN, %d PASS, %d SKIPPED)", rules, c[0][0], c[0][1], c[0][2], c[0][3], findings, c[1][0],
                c[1][1], c[1][2], c[1][3]);
    }

    private static String resultsLine(CliRun r) {
        return r.out().lines().filter(l -> l.startsWith("Results (")).findFirst().orElseThrow(() ->
                new AssertionError(r.out()));
    }

    @Test
    void aRuleCountsOnceByItsWorstResult() {
        Source none = Source.NONE;
        List<Finding> f = List.of(
                Finding.pass(Rule.CLU_08, "a", "x", none, "x", none),
                Finding.fail(Rule.CLU_08, "b", "x", none, "y", none, "fix"),
                Finding.pass(Rule.CLU_08, "c", "x", none, "x", none),
                Finding.skipped(Rule.REG_05, "no SYSTEM hive"),
                Finding.pass(Rule.REG_05, "d", "x", none, "x", none),
                Finding.warn(Rule.IN_06, Severity.WARN, "e", "x", none, "y", none, "fix"),
                Finding.pass(Rule.IN_06, "f", "x", none, "x", none),
                Finding.skipped(Rule.ESE_05, "no logs"),
                Finding.skipped(Rule.ESE_05, "no logs again"));
        Map<Status, Integer> rules = RuleEngine.ruleStatusCounts(f);
        assertEquals(Map.of(Status.FAIL, 1, Status.WARN, 1, Status.PASS, 1, Status.SKIPPED, 1), rules);
        assertEquals("Results (4 rules): 1 FAIL, 1 WARN, 1 PASS, 1 SKIPPED (9 findings: 1 FAIL, 1 WARN, 4 PASS, "
                + "3 SKIPPED)", FindingsWriter.countLine(rules, new RuleEngine.CheckResult(f, null, "").statusCounts()));
    }

    @Test
    void demoCountsEachRuleOnceByItsWorstResult() throws Exception {
        CliRun jsonl = CliRun.of("check", "--demo", "--format", "jsonl");
        long[][] c = counts(jsonl.out());
        assertEquals(Rule.values().length, c[0][0] + c[0][1] + c[0][2] + c[0][3], "every rule reports");
        CliRun text = CliRun.of("check", "--demo");
        assertEquals(1, text.exit(), text.err());
        assertEquals(countLine(c), resultsLine(text));
        // the demo: CLU-08 fails twice (both store GUIDs), PRC-02 and PRC-04 once
        assertEquals("Results (49 rules): 3 FAIL, 0 WARN, 30 PASS, 16 SKIPPED (69 findings: 4 FAIL, 0 WARN, 49 PASS,"
                + " 16 SKIPPED)", resultsLine(text));
    }

    @Test
    void rulesWithSeveralFailuresCountOnce() throws Exception {
        // the demo with a virtual server name that no SYSTEM value has, and a value the patch added: several
        // rules fail more than once (REG-08 for each server-name value, CLU-08 for each changed value)
        List<String> args = new ArrayList<>(List.of("check", dir.toString()));
        args.addAll(org.patchlens.rules.HostileEvidence.write(dir, "2", "NODE1"));
        CliRun text = CliRun.of(args.toArray(String[]::new));
        args.addAll(List.of("--format", "jsonl"));
        long[][] c = counts(CliRun.of(args.toArray(String[]::new)).out());
        assertEquals(countLine(c), resultsLine(text));
        assertEquals(Rule.values().length, c[0][0] + c[0][1] + c[0][2] + c[0][3]);
        assertEquals("Results (49 rules): 6 FAIL, 0 WARN, 27 PASS, 16 SKIPPED (71 findings: 10 FAIL, 0 WARN, 45 PASS,"
                + " 16 SKIPPED)", resultsLine(text));
    }

    @Test
    void workbookSummaryHasTheSameRuleCounts() throws Exception {
        CliRun jsonl = CliRun.of("check", "--demo", "--format", "jsonl");
        long[][] c = counts(jsonl.out());
        Path out = dir.resolve("report.xlsx");
        CliRun r = CliRun.of("check", "--demo", "-o", out.toString(), "--deterministic");
        assertEquals(1, r.exit(), r.err());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet s = wb.getSheet("Summary");
            Row rules = null;
            Row all = null;
            for (Row row : s) {
                var first = row.getCell(0);
                if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    rules = first.getStringCellValue().equals("Rules") ? row : rules;
                    all = first.getStringCellValue().equals("All") && all == null ? row : all;
                }
            }
            List<Long> got = new ArrayList<>();
            List<Long> findings = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                got.add((long) rules.getCell(i).getNumericCellValue());
                findings.add((long) all.getCell(i).getNumericCellValue());
            }
            assertEquals(List.of(c[0][0], c[0][1], c[0][2], c[0][3], (long) Rule.values().length), got,
                    "Rules: FAIL, WARN, PASS, SKIPPED, All");
            assertEquals(List.of(c[1][0], c[1][1], c[1][2], c[1][3], c[1][0] + c[1][1] + c[1][2] + c[1][3]), findings,
                    "the findings matrix's All row");
        }
    }
}
