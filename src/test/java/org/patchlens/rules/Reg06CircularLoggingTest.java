package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.model.Source;

/**
 * REG-06 (exchange-restore.md 10.2, KB Q296787): when later logs are to be replayed - an offline roll-forward, or an
 * online restore with logs beyond HighLog (no-loss, section 2.6) - {@code ParametersSystem\Circular Logging}, and
 * {@code MSExchangeDS\Parameters\Circular Logging} when the DS is restored, must be 0: with circular logging on, the
 * logs after the backup no longer exist. FAIL with the value; not applicable to a point-in-time restore.
 */
class Reg06CircularLoggingTest {
    private static final String IS_SYSTEM = RegEvidence.IS_SYSTEM;
    private static final String DS = RegEvidence.DS;

    @TempDir
    Path dir;

    private static RestoreScenario rollForward() {
        return RestoreScenario.offlineBase().option("--roll-forward");
    }

    /** The online base (tape logs 0x10-0x12, HighLog 0x12) with edb.log of this generation in the log folder. */
    private static RestoreScenario onlineWithEdbLog(int gen) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.add(new RestoreScenario.Log("edb.log", gen, RestoreScenario.LOG_SIGNATURE, s.logs.get(0).attached()));
        return s;
    }

    private List<Finding> reg06(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_06);
    }

    @Test
    void passesCircularLoggingOffOnARollForward() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(rollForward(), dir), Rule.REG_06);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(IS_SYSTEM + " : Circular Logging", f.object());
        assertEquals("0", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("0", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, IS_SYSTEM, "Circular Logging"), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsCircularLoggingOnARollForward() throws Exception {
        RestoreScenario s = rollForward();
        s.live().dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(IS_SYSTEM + " : Circular Logging", f.object());
        assertEquals("0 (logs kept)", f.expected());
        assertEquals("REG_DWORD 1", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, IS_SYSTEM, "Circular Logging"), f.actualSource().toString());
        assertEquals(Rule.REG_06.remedy(), f.remedy());
    }

    @Test
    void failsACircularLoggingValueThatIsNotADword() throws Exception {
        RestoreScenario s = rollForward();
        s.live().sz(IS_SYSTEM, "Circular Logging", "0");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.FAIL, f.status());
        assertEquals("REG_SZ \"0\"", f.actual());
    }

    @Test
    void checksTheDirectoryTooWhenDirEdbIsRestored() throws Exception {
        RestoreScenario s = rollForward();
        s.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 3, 0x10, 0x10, 0x44495221L));
        s.live().dword(DS, "Circular Logging", 1);
        List<Finding> f = reg06(s);
        assertEquals(List.of(IS_SYSTEM + " : Circular Logging", DS + " : Circular Logging"),
                f.stream().map(Finding::object).toList());
        assertEquals(Status.PASS, f.get(0).status());
        assertEquals(Status.FAIL, f.get(1).status());
        assertEquals("REG_DWORD 1", f.get(1).actual());
        assertEquals(RegEvidence.systemValue(dir, 1, DS, "Circular Logging"), f.get(1).actualSource().toString());
    }

    @Test
    void leavesTheDirectoryAloneWhenOnlyTheStoreIsRestored() throws Exception {
        RestoreScenario s = rollForward();
        s.live().dword(DS, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(IS_SYSTEM + " : Circular Logging", f.object());
        assertEquals(Status.PASS, f.status());
    }

    @Test
    void failsCircularLoggingOnAnOnlineRestoreWithLogsBeyondHighLog() throws Exception {
        RestoreScenario s = onlineWithEdbLog(0x13);
        s.live().dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.FAIL, f.status());
        assertEquals(IS_SYSTEM + " : Circular Logging", f.object());
    }

    @Test
    void passesCircularLoggingOffOnAnOnlineRestoreWithLogsBeyondHighLog() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(onlineWithEdbLog(0x13), dir), Rule.REG_06);
        assertEquals(Status.PASS, f.status());
    }

    @Test
    void doesNotApplyToAnOnlineRestoreOfTheTapeLogsOnly() throws Exception {
        RestoreScenario s = onlineWithEdbLog(0x12); // edb.log at HighLog: nothing beyond the tape range
        s.live().dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: online restore replays no later logs", f.detail());
    }

    @Test
    void checksTheDirectoryOfAnOnlineDirectoryRestoreWithLogsBeyondHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        String rip = "Services\\MSExchangeDS\\Restore in Progress";
        s.live().dword(rip, "LowLog Number", 0x20).dword(rip, "HighLog Number", 0x21)
                .dword(DS, "Circular Logging", 1);
        RestoreScenario.Db dirEdb = new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20,
                0x44495221L);
        s.databases.add(dirEdb);
        List<String[]> attach = List.<String[]>of(new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB",
            Long.toString(0x44495221L)});
        for (int g = 0x20; g <= 0x22; g++) {
            s.logs.add(new RestoreScenario.Log("DS/" + String.format("Edb%05x.log", g), g, 0x44534C47L, attach));
        }
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(DS + " : Circular Logging", f.object(), "the IS logs end at its HighLog");
        assertEquals(Status.FAIL, f.status());
    }

    @Test
    void readsEveryLogAsBeyondAHighLogOfZero() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(RegEvidence.IS_RIP, "HighLog Number", 0);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.PASS, f.status());
        assertEquals(IS_SYSTEM + " : Circular Logging", f.object());
    }

    @Test
    void doesNotApplyWithoutAHighLogNumber() throws Exception {
        RestoreScenario s = onlineWithEdbLog(0x13);
        s.live().removeValue(RegEvidence.IS_RIP, "HighLog Number"); // RIP-02 reports the key as malformed
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: online restore replays no later logs", f.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "online"})
    void doesNotApplyWithoutLaterLogs(String restoreType) throws Exception {
        RestoreScenario s = restoreType.equals("online") ? RestoreScenario.onlineBase() : RestoreScenario.offlineBase();
        s.live().dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: " + (restoreType.equals("online") ? "online" : "offline-pit")
                + " restore replays no later logs", f.detail());
    }

    @Test
    void isSkippedWithoutTheValue() throws Exception {
        RestoreScenario s = rollForward();
        s.live().removeValue(IS_SYSTEM, "Circular Logging");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_06);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no Circular Logging value under " + IS_SYSTEM, f.detail());
    }
}
