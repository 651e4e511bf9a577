package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.report.ReportWorkbook;
import org.patchlens.report.RunbookWriter;
import org.patchlens.report.XlsxBook;

/**
 * The runbook in every output of {@code check}, on the before-restore demo (scenario P1): the text section, the
 * Runbook sheet (columns, fixed-width commands, the Done drop-down, print set-up), JSONL's {@code step} and
 * {@code --runbook FILE.csv}, validated like -o.
 */
class RunbookOutputTest {
    @TempDir
    Path dir;

    /** The commands of the P1 plan, step by step (step 1 is the PRC-04 blocker: nothing to type). */
    static final List<String> P1_COMMANDS = List.of("",
            "cluster res \"Microsoft Exchange Information Store\" /offline",
            "copy PRIV.EDB D:\\exchsrvr\\MDBDATA\\PRIV.EDB\ncopy PUB.EDB E:\\exchsrvr\\MDBDATA\\PUB.EDB",
            "net start MSExchangeIS",
            "SET _CLUSTER_NETWORK_NAME_=EXVS01\ncd /d D:\\exchsrvr\\bin\nisinteg -patch",
            "net start MSExchangeIS",
            "cluster res \"Microsoft Exchange Information Store\" /online",
            "");

    @Test
    void theTextShowsTheRunbookAfterTheVerdictWithEachCommandOnALineOfItsOwn() {
        CliRun r = CliRun.of("check", "--demo", "before-restore");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("before the restore"), r.err());
        assertTrue(r.err().strip().endsWith(" --backup <demo>/backup"), "the banner names the demo's backup set, not "
                + "the temporary folder it was copied to: " + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Not ready to restore: PRC-04 isinteg version", lines.get(0));
        assertTrue(lines.get(2).startsWith("Stage: before-restore (auto: "), lines.get(2));
        assertEquals("", lines.get(4));
        assertEquals("Runbook (offline-pit): 1 blocker first, then 7 steps:", lines.get(5));
        assertEquals("  1. [blocker] Do not restore yet: isinteg version: found 5.5.2650.21 on build 2653 (SP4), "
                + "expected >= 5.5.2654.62 (KB Q288562).", lines.get(6));
        assertFalse(lines.contains("What to do, in order:"), "before the restore the runbook is what to do");
        int patch = lines.indexOf("      SET _CLUSTER_NETWORK_NAME_=EXVS01");
        assertTrue(lines.get(patch - 1).startsWith("  5. [patch] In one command prompt on the node that owns EXVS01 "
                + "Group"), lines.get(patch - 1));
        assertEquals("      cd /d D:\\exchsrvr\\bin", lines.get(patch + 1));
        assertEquals("      isinteg -patch", lines.get(patch + 2));
        assertTrue(lines.get(patch + 3).startsWith("     why: isinteg reads the computer name"), lines.get(patch + 3));
        assertTrue(lines.indexOf("  8. [verify] Check the application log: the Information Store started and stays "
                + "running, with no new 1087, 2048, 7202 or 1005 / 1012 (the patch request back means the checkpoint "
                + "rolled the patch back). Then test Move Group in Cluster Administrator.") > patch);
        assertTrue(lines.indexOf("HIGH PRC-04 FAIL  isinteg version and service pack adequate") > patch,
                "the failing findings after the runbook");
    }

    @Test
    void afterThePatchTheTextKeepsWhatToDoAndLeavesTheRunbookToTheWorkbookAndCsv() {
        CliRun r = CliRun.of("check", "--demo");
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("What to do, in order:"), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("Runbook (")), r.out());
    }

    @Test
    void jsonlGivesEachFindingItsStep() {
        CliRun r = CliRun.of("check", "--demo", "before-restore", "--format", "jsonl");
        assertEquals(1, r.exit(), r.err());
        List<JsonNode> rows = MachineOutputTest.jsonl(r.out(), "check --demo before-restore --format jsonl");
        assertEquals(68, rows.size());
        for (JsonNode f : rows) {
            assertTrue(f.has("step"), f.toString());
            if (f.get("status").asText().equals("SKIPPED") || f.get("rule").asText().startsWith("IN-")) {
                assertTrue(f.get("step").isNull(), f.toString());
            }
        }
        assertEquals(1, step(rows, "PRC-04"), "the blocker");
        assertEquals(3, step(rows, "REG-02"), "DB Path: the restore");
        assertEquals(5, step(rows, "PRC-02"), "the SET line: the patch");
        assertEquals(6, step(rows, "CLU-08"), "the checkpoints: the start from the service controller");
        assertEquals("step", rows.get(0).fieldNames().next().equals("rule") ? lastField(rows.get(0)) : "", "last field");
    }

    private static int step(List<JsonNode> rows, String rule) {
        return rows.stream().filter(f -> f.get("rule").asText().equals(rule)).findFirst().orElseThrow().get("step")
                .asInt();
    }

    private static String lastField(JsonNode n) {
        String last = null;
        for (var it = n.fieldNames(); it.hasNext();) {
            last = it.next();
        }
        return last;
    }

    @Test
    void theWorkbookHasARunbookSheetAndTheCsvTheSameSteps() throws Exception {
        Path xlsx = dir.resolve("report.xlsx");
        Path csv = dir.resolve("runbook.csv");
        CliRun r = CliRun.of("check", "--demo", "before-restore", "-o", xlsx.toString(), "--runbook", csv.toString(),
                "--deterministic");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().strip().endsWith("Runbook: " + csv + " (csv)"), r.out());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals("Runbook", wb.getSheetName(1), "second, after the Summary");
            // the Summary's "What to do" before the restore: the blocker, then a pointer to the plan
            XSSFSheet sum = wb.getSheet("Summary");
            assertEquals("Not ready to restore: PRC-04 isinteg version", sum.getRow(0).getCell(0).getStringCellValue());
            List<String> labels = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            sum.forEach(row -> {
                labels.add(row.getCell(0) == null ? "" : row.getCell(0).toString());
                texts.add(row.getCell(1) == null ? "" : row.getCell(1).toString());
            });
            int todo = labels.indexOf("What to do, in order");
            assertEquals("Step 1 (PRC-04)", labels.get(todo + 1));
            assertTrue(texts.get(todo + 1).startsWith("Do not restore yet: isinteg version"), texts.get(todo + 1));
            assertEquals("Then", labels.get(todo + 2));
            assertEquals("The restore, in 7 steps, each with the lines to type: the Runbook sheet.", texts.get(todo + 2));
            assertEquals("Restore", labels.subList(todo + 3, labels.size()).stream().filter(l -> !l.isEmpty())
                    .findFirst().orElse(""), "no after-the-fact remedies before the restore");
            XSSFSheet s = wb.getSheet("Runbook");
            List<String> headers = new ArrayList<>();
            s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertEquals(List.of("Step", "Phase", "Action", "Command", "Why", "Rule", "KB", "Done"), headers);
            assertEquals(8, s.getLastRowNum());
            int cmd = headers.indexOf("Command");
            for (int i = 1; i <= 8; i++) {
                Row row = s.getRow(i);
                assertEquals(i, (int) row.getCell(0).getNumericCellValue());
                String c = row.getCell(cmd) == null ? "" : row.getCell(cmd).getStringCellValue();
                assertEquals(P1_COMMANDS.get(i - 1), c, "step " + i);
                if (!c.isEmpty()) {
                    assertEquals("Courier New", wb.getFontAt(row.getCell(cmd).getCellStyle().getFontIndex())
                            .getFontName(), "commands in the fixed-width font");
                }
                assertEquals(CellType.BLANK, row.getCell(headers.indexOf("Done")).getCellType(), "left for the person");
            }
            assertEquals("blocker", s.getRow(1).getCell(1).getStringCellValue());
            assertEquals("PRC-04", s.getRow(1).getCell(headers.indexOf("Rule")).getStringCellValue());
            assertEquals("Q288562, Q185942, Q271634", s.getRow(1).getCell(headers.indexOf("KB")).getStringCellValue());
            List<? extends DataValidation> dvs = s.getDataValidations();
            assertEquals(1, dvs.size());
            assertArrayEquals(new String[] {"Done", "Skipped"},
                    dvs.get(0).getValidationConstraint().getExplicitListValues());
            assertTrue(dvs.get(0).getEmptyCellAllowed(), "empty (not yet done) is allowed: the third choice");
            int done = headers.indexOf("Done");
            assertEquals(new CellRangeAddress(1, 8, done, done), dvs.get(0).getRegions().getCellRangeAddress(0));
            var ps = s.getPrintSetup();
            assertTrue(ps.getLandscape(), "landscape");
            assertTrue(s.getFitToPage());
            assertEquals(1, ps.getFitWidth(), "one page wide");
            assertEquals(0, ps.getFitHeight());
            assertEquals(CellRangeAddress.valueOf("1:1"), s.getRepeatingRows(), "header row on every page");
            for (int i = 0; i < ReportWorkbook.RUNBOOK_COLUMNS.size(); i++) {
                assertEquals(ReportWorkbook.RUNBOOK_COLUMNS.get(i).width() * 256, s.getColumnWidth(i));
            }
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertEquals(RunbookWriter.COLUMNS, rows.get(0).getParser().getHeaderNames());
        assertEquals(8, rows.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(Integer.toString(i + 1), rows.get(i).get("step"));
            assertEquals(P1_COMMANDS.get(i), rows.get(i).get("command"), "step " + (i + 1));
        }
        assertEquals("patch", rows.get(4).get("phase"));
        assertEquals("PRC-01 PRC-02 PRC-03 PRC-04 PRC-06", rows.get(4).get("rule"));
    }

    @Test
    void theRunbookFileIsValidatedLikeTheReportBeforeAnythingIsWritten() throws Exception {
        Path txt = dir.resolve("plan.txt");
        CliRun bad = CliRun.of("check", "--demo", "before-restore", "--runbook", txt.toString());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("does not write .txt files"), bad.err());
        Path same = dir.resolve("x.csv");
        CliRun twice = CliRun.of("check", "--demo", "-o", same.toString(), "--runbook", same.toString());
        assertEquals(2, twice.exit());
        assertEquals("patchlens: " + same + ": given as both -o and --runbook; name two files", twice.err().strip());
        CliRun stdout = CliRun.of("check", "--demo", "--runbook", "-");
        assertEquals(2, stdout.exit());
        assertEquals("patchlens: --runbook writes a file: give --runbook NAME.csv", stdout.err().strip());
        // the messages name --runbook, and offer no stdout (which holds the report)
        CliRun empty = CliRun.of("check", "--demo", "--runbook", "");
        assertEquals("patchlens: --runbook names no file (the name is empty)", empty.err().strip());
        Path fifo = InputKindsTest.fifo(dir.resolve("plan.csv"));
        CliRun toFifo = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> CliRun.of("check", "--demo", "before-restore", "--runbook", fifo.toString()));
        assertEquals(2, toFifo.exit(), toFifo.err());
        assertEquals("patchlens: " + fifo + ": not a regular file (outputs are written to new regular files)",
                toFifo.err().strip());
        // never over evidence: a hive given as input
        Path ev = dir.resolve("ev");
        List<String> opts = org.patchlens.rules.Scenarios.offlineBase(ev);
        Path system = ev.resolve("NODE1/system32/config/SYSTEM");
        byte[] before = Files.readAllBytes(system);
        List<String> args = new ArrayList<>(List.of("check", ev.toString(), "--runbook", system.toString()));
        args.addAll(opts);
        CliRun over = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, over.exit(), over.err());
        assertArrayEquals(before, Files.readAllBytes(system), "evidence never replaced");
        assertFalse(Files.exists(txt));
        assertFalse(Files.exists(same));
        assertEquals(2, CliRun.of("check", "--demo", "nonsense").exit());
    }
}
