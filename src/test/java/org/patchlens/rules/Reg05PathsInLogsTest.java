package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.AttachedDatabase;
import org.patchlens.ese.EseFile;

/**
 * REG-05 (exchange-restore.md 10.2, KB Q296787, Q190440): on an offline roll-forward, each database attached in the
 * replay-set logs (from the anchor, the databases' lowest Last Consistent generation, to edb.log) was recorded at
 * the path the registry now gives it ({@code DB Path}, or {@code DSA Database file} for dir.edb); otherwise replay
 * stops at the path change. FAIL per database and path; not applicable unless offline-rollforward; SKIPPED without
 * attach lists.
 */
class Reg05PathsInLogsTest {
    private static final String PRIV_PATH = "D:\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String PUB_PATH = "E:\\exchsrvr\\MDBDATA\\PUB.EDB";
    private static final String MOVED = "G:\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String LOGS = "F/exchsrvr/MDBDATA/";
    private static final String PRIV_OBJECT = "ControlSet001\\" + RegEvidence.IS_PRIVATE + " : DB Path";
    private static final String PUB_OBJECT = "ControlSet001\\" + RegEvidence.IS_PUBLIC + " : DB Path";

    @TempDir
    Path dir;

    /** The offline base (databases consistent at generation 0x10, the anchor) rolled forward. */
    private static RestoreScenario rollForward() {
        return RestoreScenario.offlineBase().option("--roll-forward");
    }

    /** A log attaching databases at these paths (with the base's database signatures, which REG-05 does not read). */
    private static RestoreScenario.Log log(String name, int gen, String... paths) {
        List<String[]> attached = new java.util.ArrayList<>();
        for (String p : paths) {
            long sig = p.toUpperCase().endsWith("PUB.EDB") ? RestoreScenario.PUB_SIGNATURE
                    : RestoreScenario.PRIV_SIGNATURE;
            attached.add(new String[] {p, Long.toString(sig)});
        }
        return new RestoreScenario.Log(name, gen, RestoreScenario.LOG_SIGNATURE, attached);
    }

    private static RestoreScenario.Log log(int gen, String... paths) {
        return log(String.format("Edb%05x.log", gen), gen, paths);
    }

    /** "FILE : attached database path @0xOFFSET" of the n-th attachment, read back from the log header. */
    private String attachSource(String logName, int n) {
        AttachedDatabase a = EseFile.log(dir.resolve(LOGS + logName)).attachments().get(n);
        return LOGS + logName + " : attached database path @0x" + Long.toHexString(a.fileOffset()).toUpperCase();
    }

    private List<Finding> reg05(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_05);
    }

    private static String remedy(String logPath, String dbPath) {
        return "Logs expect " + logPath + "; registry has " + dbPath + ". Put the database back at " + logPath
                + " (set the path back with Performance Optimizer on a cluster, KB Q222912/Q278464) before starting, "
                + "or replay stops at the path change (KB Q296787).";
    }

    @Test
    void passesEachDatabaseOnceWhenTheLogsRecordTheRegisteredPaths() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, PRIV_PATH, PUB_PATH));
        s.logs.add(log(0x11, PRIV_PATH, PUB_PATH));
        s.logs.add(log("edb.log", 0x12, PRIV_PATH, PUB_PATH));
        List<Finding> f = reg05(s);
        assertEquals(2, f.size(), "one per database, not per log: " + f);
        assertEquals(Status.PASS, f.get(0).status());
        assertEquals(Severity.HIGH, f.get(0).severity());
        assertEquals(PRIV_OBJECT, f.get(0).object());
        assertEquals(PRIV_PATH, f.get(0).expected());
        assertEquals(attachSource("Edb00010.log", 0), f.get(0).expectedSource().toString());
        assertEquals(PRIV_PATH, f.get(0).actual());
        assertEquals(RegEvidence.systemValue(dir, 1, RegEvidence.IS_PRIVATE, "DB Path"),
                f.get(0).actualSource().toString());
        assertEquals("", f.get(0).remedy());
        assertEquals(PUB_OBJECT, f.get(1).object());
        assertEquals(Status.PASS, f.get(1).status());
    }

    @Test
    void passesALogPathThatDiffersOnlyInCase() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, "d:\\EXCHSRVR\\mdbdata\\priv.edb"));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("d:\\EXCHSRVR\\mdbdata\\priv.edb", f.expected());
    }

    @Test
    void failsADatabaseTheLogsRecordAtAnotherPath() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, MOVED));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(PRIV_OBJECT, f.object());
        assertEquals(MOVED, f.expected(), "the path the logs recorded");
        assertEquals(attachSource("Edb00010.log", 0), f.expectedSource().toString());
        assertEquals(PRIV_PATH, f.actual(), "the registered DB Path");
        assertEquals(RegEvidence.systemValue(dir, 1, RegEvidence.IS_PRIVATE, "DB Path"), f.actualSource().toString());
        assertEquals(remedy(MOVED, PRIV_PATH), f.remedy());
    }

    @Test
    void failsAPathChangeWithinTheReplaySet() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, PRIV_PATH));
        s.logs.add(log(0x11, MOVED));
        List<Finding> f = reg05(s);
        assertEquals(List.of(Status.PASS, Status.FAIL), f.stream().map(Finding::status).toList());
        assertEquals(attachSource("Edb00011.log", 0), f.get(1).expectedSource().toString());
    }

    @Test
    void ignoresLogsOlderThanTheAnchor() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x0F, MOVED)); // written before the databases' Last Consistent point: not replayed
        s.logs.add(log(0x10, PRIV_PATH));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.PASS, f.status());
        assertEquals(attachSource("Edb00010.log", 0), f.expectedSource().toString());
    }

    @Test
    void readsTheLogAtTheAnchorGeneration() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, MOVED));
        s.logs.add(log(0x11, PRIV_PATH));
        List<Finding> f = reg05(s);
        assertEquals(List.of(Status.FAIL, Status.PASS), f.stream().map(Finding::status).toList());
    }

    @Test
    void takesTheLowestLastConsistentGenerationAsTheAnchor() throws Exception {
        RestoreScenario s = rollForward();
        s.databases.get(1).consistentGen = 0x0E; // PUB.EDB is older: replay starts at 0x0E
        s.logs.add(log(0x0E, MOVED));
        s.logs.add(log(0x10, PRIV_PATH));
        List<Finding> f = reg05(s);
        assertEquals(List.of(Status.FAIL, Status.PASS), f.stream().map(Finding::status).toList());
    }

    @Test
    void readsEveryLogWhenNoDatabaseGivesAnAnchor() throws Exception {
        RestoreScenario s = rollForward();
        s.databases.clear();
        s.logs.add(log(0x02, MOVED));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.FAIL, f.status());
    }

    @Test
    void comparesDirEdbWithTheDirectoryDatabasePath() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, "D:\\exchsrvr\\DSADATA\\DIR.EDB"));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("ControlSet001\\" + RegEvidence.DS + " : DSA Database file", f.object());
        assertEquals("D:\\exchsrvr\\DSADATA\\DIR.EDB", f.actual());
    }

    @Test
    void ignoresDatabasesTheRegistryDoesNotName() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log(0x10, "D:\\exchsrvr\\MDBDATA\\TEST.EDB", PUB_PATH));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(PUB_OBJECT, f.object());
    }

    @Test
    void ignoresTheReserveLogs() throws Exception {
        RestoreScenario s = rollForward();
        s.logs.add(log("res1.log", 0x11, MOVED)); // not part of replay
        s.logs.add(log(0x10, PRIV_PATH));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.PASS, f.status());
    }

    @Test
    void isSkippedWithoutAttachLists() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(rollForward(), dir), Rule.REG_05);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no log header attach lists among the evidence (Edb00001.log and ESE97 binary logs have none; "
                + "eseutil /ml output does)", f.detail());
    }

    @Test
    void doesNotApplyToAPointInTimeRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.logs.add(log(0x10, MOVED));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_05);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: offline-pit restore (online restores remap through EDB_RstMap: RIP-04)",
                f.detail());
    }

    @Test
    void doesNotApplyToAnOnlineRestore() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.onlineBase(), dir), Rule.REG_05);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: online restore (online restores remap through EDB_RstMap: RIP-04)", f.detail());
    }
}
