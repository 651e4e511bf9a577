package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

/** The parts of {@link CheckReport} the demo does not reach: commands, order, LOGTIMEs, log-chain gaps. */
class CheckReportTest {
    @Test
    void commandsAreTheBackQuotedCommandLinesInOrder() {
        assertEquals(List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "isinteg -patch"), CheckReport.commands(
                "`SET _CLUSTER_NETWORK_NAME_=EXVS01` - the Name of the Network Name resource - then `isinteg -patch`."));
        assertEquals(List.of("ren Edb00012.log edb.log"),
                CheckReport.commands("`ren Edb00012.log edb.log` and move away every log above `Edb00012.log`."));
        assertEquals(List.of(), CheckReport.commands("`Start`=4 is replayed from `DB Path` values"), "not commands");
        assertEquals(List.of(), CheckReport.commands("(1) apply the fix; or (2) start with `net start MSExchangeIS`"),
                "alternatives are not a sequence");
    }

    @Test
    void failuresFirstMostSevereFirstThenPassesThenSkipped() {
        Finding pass = Finding.pass(Rule.REG_08, "o", "e", Source.NONE, "a", Source.NONE);
        Finding skip = Finding.skipped(Rule.ESE_05, "no logs");
        Finding warn = Finding.warn(Rule.IN_06, Severity.WARN, "o", "e", Source.NONE, "a", Source.NONE, "r");
        Finding crit = Finding.fail(Rule.CLU_08, "o", "e", Source.NONE, "a", Source.NONE, "fix `isinteg -patch`");
        Finding high = Finding.fail(Rule.REG_05, "o", "e", Source.NONE, "a", Source.NONE, "r");
        List<Finding> ordered = CheckReport.ordered(List.of(skip, pass, warn, high, crit));
        assertEquals(List.of(crit, high, warn, pass, skip), ordered);
        var rem = CheckReport.remedies(ordered);
        assertEquals(2, rem.size(), "one step per distinct remedy text (HIGH and WARN share \"r\")");
        assertEquals(List.of("CLU-08"), rem.get(0).rules());
        assertEquals(List.of("isinteg -patch"), rem.get(0).commands());
        assertEquals(List.of("REG-05", "IN-06"), rem.get(1).rules());
    }

    @Test
    void aUtcLogtimeIsADateAndALocalOneStaysText() {
        Datum utc = CheckReport.time(LogTime.of(2001, 6, 14, 8, 59, 58, 123, true));
        assertEquals(Instant.parse("2001-06-14T08:59:58.123Z"), utc.value());
        assertEquals(LogTime.of(2001, 6, 14, 8, 59, 58, 123, true).rawHex(), utc.raw());
        Datum local = CheckReport.time(LogTime.of(2001, 6, 14, 8, 59, 58, 0, false));
        assertEquals("2001-06-14 08:59:58.000 (server local time)", local.value());
        assertEquals("0 (not set)", CheckReport.time(LogTime.UNSET).value());
    }

    @Test
    void gapsAreRowsOfTheirOwnInGenerationOrder() {
        List<LogChain.Entry> logs = List.of(
                new LogChain.Entry("edb00010.log", LogChain.Role.ARCHIVED, "edb", 0x10, 5, null),
                new LogChain.Entry("edb00011.log", LogChain.Role.ARCHIVED, "edb", 0x11, 5, null),
                new LogChain.Entry("edb00014.log", LogChain.Role.ARCHIVED, "edb", 0x14, 5, null));
        LogChain.Report r = new LogChain.Report("edb", logs, List.of(), List.of(), -1, -1, 0x10, 0x14,
                List.of(0x12L, 0x13L, 0x16L), List.of(), List.of(), false, List.of(), "gaps");
        List<LogEntry> chain = CheckReport.logChain(r);
        assertEquals(List.of("10 UNREADABLE", "11 UNREADABLE", "12 GAP", "14 UNREADABLE", "16 GAP"), chain.stream()
                .map(e -> Long.toHexString(e.generation()) + " " + e.state()).toList());
        assertEquals("generations 0x12-0x13 missing", chain.get(2).note());
        assertEquals("generation 0x16 missing", chain.get(4).note());
        assertNull(chain.get(0).created());
    }
}
