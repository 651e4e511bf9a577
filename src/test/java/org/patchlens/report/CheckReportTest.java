package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.ese.LogChain;
import org.patchlens.ese.LogTime;
import org.patchlens.model.Source;
import org.patchlens.report.Report.Datum;
import org.patchlens.report.Report.LogEntry;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;

/**
 * The parts of {@link CheckReport} the demo does not reach: commands, order, merged steps, LOGTIMEs, the
 * empty log chain, the verdict's colour, log-chain gaps.
 */
class CheckReportTest {
    private static List<String> lines(List<Report.Command> cs) {
        return cs.stream().map(c -> (c.alternative().isEmpty() ? "" : c.alternative() + " ") + c.line()).toList();
    }

    @Test
    void commandsAreTheBackQuotedCommandLinesInOrder() {
        assertEquals(List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "isinteg -patch"), lines(CheckReport.commands(
                "`SET _CLUSTER_NETWORK_NAME_=EXVS01` - the Name of the Network Name resource - then `isinteg -patch`.")));
        assertEquals(List.of("ren Edb00012.log edb.log"),
                lines(CheckReport.commands("`ren Edb00012.log edb.log` and move away every log above `Edb00012.log`.")));
        assertEquals(List.of(), CheckReport.commands("`Start`=4 is replayed from `DB Path` values"), "not commands");
        assertEquals(List.of("(2) net start MSExchangeIS"), lines(CheckReport.commands(
                "(1) apply the fix; or (2) start with `net start MSExchangeIS`")),
                "a command of one of several alternatives says which, so the lines are not read as a sequence");
        assertEquals(List.of("(1) isinteg -patch", "(3) net start MSExchangeDS"), lines(CheckReport.commands(
                "(1) run `isinteg -patch` again; or (2) wait; or (3) `net start MSExchangeDS` first")));
    }

    @Test
    void failuresFirstBySeverityThenRuleThenPassesThenSkipped() {
        Finding pass = Finding.pass(Rule.REG_08, "o", "e", Source.NONE, "a", Source.NONE);
        Finding pass2 = Finding.pass(Rule.IN_01, "o", "e", Source.NONE, "a", Source.NONE);
        Finding skip = Finding.skipped(Rule.ESE_05, "no logs");
        Finding warn = Finding.warn(Rule.IN_06, Severity.WARN, "o", "e", Source.NONE, "a", Source.NONE, "r");
        Finding crit = Finding.fail(Rule.PRC_02, "o", "e", Source.NONE, "a", Source.NONE, "fix `isinteg -patch`");
        Finding crit2 = Finding.fail(Rule.CLU_08, "o", "e", Source.NONE, "a", Source.NONE, "other");
        Finding high = Finding.fail(Rule.REG_05, "o", "e", Source.NONE, "a", Source.NONE, "r");
        List<Finding> ordered = CheckReport.ordered(List.of(skip, pass, warn, high, crit, pass2, crit2));
        assertEquals(List.of(crit2, crit, high, warn, pass2, pass, skip), ordered,
                "CRIT before HIGH before WARN; CLU-08 before PRC-02 (catalog order); passes in catalog order");
        var rem = CheckReport.remedies(ordered);
        assertEquals(3, rem.size(), "one step per distinct remedy text (HIGH and WARN share \"r\")");
        assertEquals(List.of("CLU-08"), rem.get(0).rules());
        assertEquals(List.of("PRC-02"), rem.get(1).rules());
        assertEquals(List.of("isinteg -patch"), lines(rem.get(1).commands()));
        assertEquals(List.of("REG-05", "IN-06"), rem.get(2).rules());
        assertEquals(2, rem.get(2).findings());
    }

    /** CLU-08's remedies for the private and the public store, as the demo gives them (shortened). */
    static final String PRIVATE = "Bringing Microsoft Exchange Information Store online will replace these live values "
            + "with the checkpoint 00000002.CPT: value-changed ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate : "
            + "Store GUID. To keep them: (1) apply the fix (KB Q288562); or (2) start the service first with "
            + "`net start MSExchangeIS`; or (3) remove and re-add the registry checkpoint "
            + "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate (KB Q174070).";
    static final String PUBLIC = PRIVATE.replace("00000002.CPT", "00000003.CPT").replace("ParametersPrivate",
            "ParametersPublic");

    @Test
    void oneStepNamesEveryObjectOfTheSameRemedy() {
        assertEquals("Bringing Microsoft Exchange Information Store online will replace these live values with the "
                + "checkpoint 00000002.CPT and 00000003.CPT: value-changed ControlSet001\\Services\\MSExchangeIS\\"
                + "ParametersPrivate and ControlSet001\\Services\\MSExchangeIS\\ParametersPublic : Store GUID. To keep "
                + "them: (1) apply the fix (KB Q288562); or (2) start the service first with `net start MSExchangeIS`; "
                + "or (3) remove and re-add the registry checkpoint SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\"
                + "ParametersPrivate and SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPublic (KB Q174070).",
                RemedyMerge.merge(List.of(PRIVATE, PUBLIC)));
        Finding a = Finding.fail(Rule.CLU_08, "private", "e", Source.NONE, "a", Source.NONE, PRIVATE);
        Finding b = Finding.fail(Rule.CLU_08, "public", "e", Source.NONE, "a", Source.NONE, PUBLIC);
        var rem = CheckReport.remedies(List.of(a, b));
        assertEquals(1, rem.size(), "each action once");
        assertEquals(2, rem.get(0).findings());
        assertEquals(List.of("(2) net start MSExchangeIS"), lines(rem.get(0).commands()));
        assertEquals("Step 1 (CLU-08, 2 findings)", ReportWorkbook.stepLabel(1, rem.get(0)));
        assertEquals(PRIVATE, RemedyMerge.merge(List.of(PRIVATE, PRIVATE)), "the same text: itself");
    }

    @Test
    void remediesThatAreNotTheSameSentenceStaySeparate() {
        assertNull(RemedyMerge.merge(List.of("Copy priv.edb to D:\\exchsrvr.", "Reinstall Exchange with the "
                + "original org and site names before restoring anything.")), "different sentences");
        assertNull(RemedyMerge.merge(List.of("Start it with `net start MSExchangeIS` first, then bring it online.",
                "Start it with `net start MSExchangeDS` first, then bring it online.")),
                "a difference inside a command would make up a command");
        assertNull(RemedyMerge.merge(List.of("Remove the value Foo from the key now, then restart.",
                "Remove the value from the key now, then restart.")), "one text has words where the other has none");
        Finding a = Finding.fail(Rule.CLU_09, "o", "e", Source.NONE, "a", Source.NONE,
                "Start it with `net start MSExchangeIS` first, then bring it online.");
        Finding b = Finding.fail(Rule.CLU_09, "o", "e", Source.NONE, "a", Source.NONE,
                "Start it with `net start MSExchangeDS` first, then bring it online.");
        var rem = CheckReport.remedies(List.of(a, b));
        assertEquals(2, rem.size());
        assertEquals(List.of("net start MSExchangeIS"), lines(rem.get(0).commands()));
        assertEquals(List.of("net start MSExchangeDS"), lines(rem.get(1).commands()));
    }

    @Test
    void aUtcLogtimeIsADateAndALocalOneIsNot() {
        assertEquals(Instant.parse("2001-06-14T08:59:58.123Z"),
                StoreRows.utc(LogTime.of(2001, 6, 14, 8, 59, 58, 123, true)));
        assertNull(StoreRows.utc(LogTime.of(2001, 6, 14, 8, 59, 58, 0, false)), "server local time: zone unknown");
        assertNull(StoreRows.utc(LogTime.UNSET));
    }

    @Test
    void noLogsSaysWhatItMeansForTheRestoreType() {
        assertTrue(CheckReport.noLogs("offline-pit").startsWith("No log files among the evidence. For an offline "
                + "point-in-time restore that is as it should be"));
        assertTrue(CheckReport.noLogs("offline-rollforward").contains("anchor log"));
        assertTrue(CheckReport.noLogs("online").contains("LowLog..HighLog"));
        assertTrue(CheckReport.noLogs("unknown").contains("give --restore-type"));
    }

    @Test
    void toneIsRedForACritFailureAmberForOtherFailuresAndWarningsGreenElse() {
        Finding pass = Finding.pass(Rule.CLU_08, "o", "e", Source.NONE, "a", Source.NONE);
        assertEquals(XlsxBook.Tone.GREEN, CheckReport.tone(List.of(pass)), "a passed CRIT rule is no alarm");
        assertEquals(XlsxBook.Tone.AMBER, CheckReport.tone(List.of(pass, Finding.warn(Rule.IN_06, Severity.WARN, "o",
                "e", Source.NONE, "a", Source.NONE, "r"))));
        assertEquals(XlsxBook.Tone.AMBER, CheckReport.tone(List.of(Finding.fail(Rule.REG_05, "o", "e", Source.NONE,
                "a", Source.NONE, "r"))));
        assertEquals(XlsxBook.Tone.RED, CheckReport.tone(List.of(Finding.fail(Rule.CLU_08, "o", "e", Source.NONE,
                "a", Source.NONE, "r"))));
    }

    @Test
    void gapsAreRowsOfTheirOwnInGenerationOrder() {
        List<LogChain.Entry> logs = List.of(
                new LogChain.Entry("edb00010.log", LogChain.Role.ARCHIVED, "edb", 0x10, 5, null),
                new LogChain.Entry("edb00011.log", LogChain.Role.ARCHIVED, "edb", 0x11, 5, null),
                new LogChain.Entry("edb00014.log", LogChain.Role.ARCHIVED, "edb", 0x14, 5, null));
        LogChain.Report r = new LogChain.Report("edb", logs, List.of(), List.of(), -1, -1, 0x10, 0x14,
                List.of(0x12L, 0x13L, 0x16L), List.of(), List.of(), false, List.of(), "gaps");
        List<LogEntry> chain = StoreRows.logChain(r);
        assertEquals(List.of("10 UNREADABLE", "11 UNREADABLE", "12 GAP", "14 UNREADABLE", "16 GAP"), chain.stream()
                .map(e -> Long.toHexString(e.generation()) + " " + e.state()).toList());
        assertEquals("generations 0x12-0x13 missing", chain.get(2).note());
        assertEquals("generation 0x16 missing", chain.get(4).note());
        assertNull(chain.get(0).created());
    }
}
