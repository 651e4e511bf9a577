package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;

/**
 * The demo evidence with a crafted Network Name in CLUSDB ({@code E&calc}): no output of {@code check} puts it in
 * a line to type. Typed in cmd.exe, {@code SET _CLUSTER_NETWORK_NAME_=E&calc} would also run calc. The text's
 * "What to do", JSONL, CSV and the workbook's Summary and Findings show the runbook's placeholder instead, and
 * name the value as data next to it.
 */
class CraftedNameCommandsTest {
    private static final String CRAFTED = "SET _CLUSTER_NETWORK_NAME_=E&calc";
    private static final String PLACEHOLDER = "SET _CLUSTER_NETWORK_NAME_=<the Name of the Exchange group's Network "
            + "Name resource>";

    @TempDir
    static Path dir;
    private static Path evidence;
    private static List<String> args;

    @BeforeAll
    static void writeEvidence() throws Exception {
        RestoreScenario s = DemoEvidence.scenario();
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "E&calc");
        evidence = dir.resolve("evidence");
        s.write(evidence);
        args = new ArrayList<>(List.of("check", evidence.toString()));
        args.addAll(s.options);
    }

    private static String run(String... extra) {
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code, err.toString());
        return out.toString();
    }

    @Test
    void theTextsWhatToDoTypesThePlaceholder() {
        String out = run();
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("      " + PLACEHOLDER), out);
        assertFalse(out.contains(CRAFTED), out);
        assertTrue(out.contains("\"E&calc\", is left out of the command"), "and says why next to it:\n" + out);
    }

    @Test
    void jsonlAndCsvHoldNoCraftedLine() throws Exception {
        String jsonl = run("--format", "jsonl");
        assertTrue(jsonl.contains(PLACEHOLDER), jsonl);
        assertFalse(jsonl.contains(CRAFTED), jsonl);
        Path csv = dir.resolve("report.csv");
        run("-o", csv.toString());
        String c = Files.readString(csv);
        assertTrue(c.contains(PLACEHOLDER), c);
        assertFalse(c.contains(CRAFTED), c);
    }

    @Test
    void theWorkbooksSummaryAndFindingsHoldNoCraftedLine() throws Exception {
        Path xlsx = dir.resolve("report.xlsx");
        run("-o", xlsx.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (String sheet : List.of("Summary", "Findings")) {
                List<String> cells = new ArrayList<>();
                for (Row r : wb.getSheet(sheet)) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.STRING) {
                            cells.add(c.getStringCellValue());
                        }
                    }
                }
                assertTrue(cells.stream().anyMatch(c -> c.contains(PLACEHOLDER)), sheet + ": " + cells);
                assertTrue(cells.stream().noneMatch(c -> c.contains(CRAFTED)), sheet + ": " + cells);
            }
        }
    }

    /**
     * A name in back-quotes in the prose of a remedy (REG-08, CLU-02 name the virtual server) is data, not a
     * command the report lists under "What to do".
     */
    @Test
    void aBackQuotedNameInTheProseIsNoCommandToType() throws Exception {
        RestoreScenario s = DemoEvidence.scenario();
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "`del x`");
        Path e = dir.resolve("backquote");
        s.write(e);
        List<String> a = new ArrayList<>(List.of("check", e.toString()));
        a.addAll(s.options);
        StringWriter out = new StringWriter();
        Main.run(a.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertTrue(out.toString().contains("virtual server is \\u0060del x\\u0060"), out.toString());
        assertFalse(out.toString().lines().anyMatch(l -> l.strip().equals("del x")), out.toString());
    }
}
