package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.report.FindingsWriter;
import org.patchlens.report.Printable;
import org.patchlens.rules.Effective;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.RuleEngine;
import org.patchlens.rules.Severity;
import org.patchlens.model.Source;

/**
 * The text summary of {@code check} follows the workbook's Summary sheet: the verdict first (coloured only on a
 * terminal), then what to do in order with each command on its own line, then the failing findings.
 */
class CheckSummaryTest {
    private static final String ESC = "\u001b";

    @Test
    void theDemoSummaryReadsLikeTheSummarySheet() {
        CliRun r = CliRun.of("check", "--demo");
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Store will not start: 3 CRIT, 1 HIGH", lines.get(0), "the verdict first");
        assertFalse(r.out().contains(ESC), "no colour: the tests have no terminal");
        int steps = lines.indexOf("What to do, in order:");
        assertTrue(steps > 0 && steps < lines.indexOf("CRIT CLU-08 FAIL  Live registry equals the checkpoint the "
                + "cluster will replay"), "the steps before the findings:\n" + r.out());
        assertTrue(lines.get(steps + 1).startsWith("  Step 1 (CLU-08, 2 findings): Bringing Microsoft Exchange "
                + "Information Store online"), lines.get(steps + 1));
        assertTrue(lines.get(steps + 1).contains("00000002.CPT and 00000003.CPT"), "one step names both stores");
        assertEquals("      for (2): net start MSExchangeIS", lines.get(steps + 2));
        assertTrue(lines.get(steps + 3).startsWith("  Step 2 (PRC-02): `SET _CLUSTER_NETWORK_NAME_=EXVS01`"));
        assertEquals("      SET _CLUSTER_NETWORK_NAME_=EXVS01", lines.get(steps + 4), "each command on its own line");
        assertEquals("      isinteg -patch", lines.get(steps + 5));
        assertTrue(lines.get(steps + 6).startsWith("  Step 3 (PRC-04): Install Exchange 5.5 SP4"));
        assertEquals("", lines.get(steps + 7), "three steps, each action once");
    }

    static RuleEngine.CheckResult result(List<Finding> findings) {
        return new RuleEngine.CheckResult(findings, Effective.OFFLINE_PIT, "--restore-type offline");
    }

    static String summary(RuleEngine.CheckResult r, boolean colour) throws Exception {
        StringWriter w = new StringWriter();
        FindingsWriter.summary(r, Severity.HIGH, 10, colour, w);
        return w.toString();
    }

    @Test
    void theVerdictIsRedAmberOrGreenOnATerminal() throws Exception {
        Finding crit = Finding.fail(Rule.CLU_08, "o", "e", Source.NONE, "a", Source.NONE, "r");
        Finding high = Finding.fail(Rule.REG_05, "o", "e", Source.NONE, "a", Source.NONE, "r");
        Finding pass = Finding.pass(Rule.IN_01, "o", "e", Source.NONE, "a", Source.NONE);
        assertTrue(summary(result(List.of(crit, pass)), true).startsWith(ESC + "[1;31mStore will not start: 1 CRIT"
                + ESC + "[0m\n"), "red");
        assertTrue(summary(result(List.of(high, pass)), true).startsWith(ESC + "[1;33mStore is unlikely to start: "
                + "1 HIGH" + ESC + "[0m\n"), "amber");
        assertTrue(summary(result(List.of(pass)), true).startsWith(ESC + "[1;32mNo findings"), "green");
        String plain = summary(result(List.of(crit, pass)), false);
        assertTrue(plain.startsWith("Store will not start: 1 CRIT\n"));
        assertFalse(plain.contains(ESC), "no colour unless asked");
        assertEquals(2, summary(result(List.of(crit, pass)), true).split(ESC, -1).length - 1,
                "the colour codes around the verdict and nothing else");
    }

    /** Evidence text in the summary stays escaped, coloured or not: a crafted value never drives the terminal. */
    @Test
    void evidenceTextStaysEscapedWithColour() throws Exception {
        String hostile = "NODE1" + ESC + "[2J\u202e\r\nCRIT FAKE-01 PASS";
        Finding f = Finding.fail(Rule.PRC_02, hostile, "EXVS01", Source.NONE, hostile,
                new Source("S" + ESC + "]0;x\u0007", "k : v", 1), "Type `SET _CLUSTER_NETWORK_NAME_=" + hostile + "`.");
        String out = summary(result(List.of(f)), true);
        List<Character> raw = new ArrayList<>();
        String body = out.substring(out.indexOf('\n') + 1);
        for (char c : body.toCharArray()) {
            if (c != '\n' && Printable.escaped(c)) {
                raw.add(c);
            }
        }
        assertEquals(List.of(), raw, "nothing raw after the coloured verdict:\n" + Printable.of(out));
        assertTrue(body.contains("\\u001b[2J"), Printable.of(body));
        assertFalse(body.contains("\nCRIT FAKE-01"), "no forged line");
    }

    @Test
    void colourOnlyOnATerminalAndWithoutNoColor() {
        assertTrue(CheckCommand.colour(null, true));
        assertTrue(CheckCommand.colour("", true), "an empty NO_COLOR does not count (no-color.org)");
        assertFalse(CheckCommand.colour("1", true));
        assertFalse(CheckCommand.colour(null, false), "not a terminal: a file or a pipe");
        assertFalse(CheckCommand.colour(), "the tests' stdout is not a terminal");
    }
}
