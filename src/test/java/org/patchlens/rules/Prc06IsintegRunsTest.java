package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRC-06: after an offline restore isinteg -patch runs once, when the store asks for it (events 1087/1011/7202,
 * KB Q149238, Q296787); a store that asks again after the patch is the checkpoint rollback of KB Q185942/Q288562,
 * not a reason to re-run it. After an online restore it must not run at all before the first start (-552,
 * KB Q231299). The evidence is written once per kind; each case is another run count.
 */
class Prc06IsintegRunsTest {
    private static final String REMEDY = "With SA and DS online and the IS stopped: `SET _CLUSTER_NETWORK_NAME_=EXVS01`, "
            + "`cd /d <exchsrvr>\\bin`, `isinteg -patch`, then start the IS as in PRC-05. Run it once; if the store "
            + "asks again, fix the checkpoint drift (CLU-08) instead of re-running (KB Q149238, Q288562).";

    @TempDir
    static Path dir;
    private static StoreEvidence.Written offline;
    private static StoreEvidence.Written online;

    @BeforeAll
    static void writeEvidence() throws Exception {
        offline = new StoreEvidence.Written(RestoreScenario.offlineBase(), dir.resolve("offline"));
        online = new StoreEvidence.Written(RestoreScenario.onlineBase(), dir.resolve("online"));
    }

    private static Finding prc06(StoreEvidence.Written evidence, RestoreScenario facts) {
        List<Finding> f = evidence.run(facts).of(Rule.PRC_06);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    private static Finding offlineRuns(int runs) {
        return prc06(offline, RestoreScenario.offlineBase().set("--isinteg-runs", Integer.toString(runs)));
    }

    @Test
    void passesOneRunAfterAnOfflineRestore() {
        Finding f = offlineRuns(1);
        assertEquals(Status.PASS, f.status());
        assertEquals("isinteg -patch runs", f.object());
        assertEquals("1 (0 until the store asks with 1087/1011/7202)", f.expected());
        assertEquals("1", f.actual());
        assertEquals("(command line) : --isinteg-runs", f.actualSource().toString());
        assertEquals("", f.remedy());
        assertEquals("", f.detail());
    }

    @Test
    void passesNoRunYetAndSaysWhenToRunIt() {
        Finding f = offlineRuns(0);
        assertEquals(Status.PASS, f.status());
        assertEquals("0", f.actual());
        assertEquals("run it only after event 1087/1011/7202 appears", f.detail());
    }

    @Test
    void failsARepeatedRunQ185942() {
        Finding f = offlineRuns(2);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("1", f.expected());
        assertEquals("2 (repeated patch requests are a symptom of checkpoint rollback, see CLU-08, KB "
                + "Q185942/Q288562)", f.actual());
        assertEquals("(command line) : --isinteg-runs", f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void passesNoRunAfterAnOnlineRestore() {
        Finding f = prc06(online, RestoreScenario.onlineBase().set("--isinteg-runs", "0"));
        assertEquals(Status.PASS, f.status());
        assertEquals("0 (online restore)", f.expected());
        assertEquals("0", f.actual());
    }

    @Test
    void failsARunAfterAnOnlineRestoreQ231299() {
        Finding f = prc06(online, RestoreScenario.onlineBase().set("--isinteg-runs", "1"));
        assertEquals(Status.FAIL, f.status());
        assertEquals("0 (online restore)", f.expected());
        assertEquals("1", f.actual());
        assertEquals("(command line) : --isinteg-runs", f.actualSource().toString());
        assertEquals(Rule.RIP_07.remedy(), f.remedy(), "RIP-07 says what to do when it already ran");
    }

    @Test
    void isSkippedWithoutTheRunCount() {
        Finding f = prc06(offline, RestoreScenario.offlineBase().unset("--isinteg-runs"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--isinteg-runs not given", f.detail());
    }

    @Test
    void isSkippedWhenTheRestoreTypeIsUnknown() throws Exception {
        StoreEvidence.Written noSystem = new StoreEvidence.Written(RestoreScenario.offlineBase(),
                dir.resolve("no-system"), StoreEvidence.delete(StoreEvidence.SYSTEM));
        Finding f = prc06(noSystem, RestoreScenario.offlineBase().unset("--restore-type"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("restore type unknown", f.detail());
    }

    /** A crafted Network Name (CLUSDB) never reaches the SET line of the remedy. */
    @Test
    void aNameACommandPromptWouldActOnIsLeftOutOfTheSetLine() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "E&calc");
        Finding f = prc06(new StoreEvidence.Written(s, dir.resolve("crafted")),
                RestoreScenario.offlineBase().set("--isinteg-runs", "2"));
        assertEquals(Status.FAIL, f.status());
        assertTrue(f.remedy().startsWith("With SA and DS online and the IS stopped: `SET _CLUSTER_NETWORK_NAME_=<the "
                + "Name of the Exchange group's Network Name resource>`, `cd /d <exchsrvr>\\bin`"), f.remedy());
        assertTrue(f.remedy().endsWith(" The Exchange virtual server's name in the cluster hive, \"E&calc\", is left "
                + "out of the command: it holds a character a command prompt would act on (U+0026)."), f.remedy());
    }
}
