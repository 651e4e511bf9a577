package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.NETNAME;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.DS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;
import static org.patchlens.rules.RipCluEvidence.withObject;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-03: the server of every UNC path the online restore wrote (LogPath, BackupLogPath, CheckpointFilePath and
 * the even, "after", EDB_RstMap lines) is the virtual server chosen as destination (KB Q238063; that a node name
 * there means the restore targeted the node is inferred, exchange-restore.md 2.6). The online base writes
 * \\EXVS01\... everywhere.
 */
class Clu03RestoreTargetTest {
    private static final String PRIV_AT_D = "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String PUB_AT_E = "\\\\EXVS01\\E$\\exchsrvr\\MDBDATA\\PUB.EDB";

    @TempDir
    Path dir;

    private List<Finding> clu03(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_03);
    }

    private String vnameSource() {
        return valueSource(dir, CLUSDB, "Resources\\" + NETNAME + "\\Parameters", "Name");
    }

    private static String remedy(String server) {
        return "The restore was directed at " + server + ", not the Exchange virtual server EXVS01. Run the online "
                + "restore again choosing EXVS01 as destination (KB Q238063).";
    }

    @Test
    void passesEveryUncPathNamingTheVirtualServer() throws Exception {
        List<Finding> f = clu03(RestoreScenario.onlineBase());
        assertEquals(List.of(IS_RIP_PATH + " : LogPath", IS_RIP_PATH + " : BackupLogPath",
                IS_RIP_PATH + " : CheckpointFilePath", IS_RIP_PATH + " : EDB_RstMap line 2",
                IS_RIP_PATH + " : EDB_RstMap line 4"), f.stream().map(Finding::object).toList());
        Finding log = f.get(0);
        assertEquals(Status.PASS, log.status());
        assertEquals(Severity.HIGH, log.severity());
        assertEquals("EXVS01", log.expected());
        assertEquals(vnameSource(), log.expectedSource().toString());
        assertEquals("EXVS01", log.actual());
        assertEquals(SYSTEM + " : " + IS_RIP_PATH + " : LogPath", log.actualSource().toString());
        assertEquals("", log.remedy());
        Finding line = f.get(4);
        assertEquals(Status.PASS, line.status());
        assertEquals(SYSTEM + " : " + IS_RIP_PATH + " : EDB_RstMap", line.actualSource().toString());
    }

    @Test
    void failsALogPathOnTheNode() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "LogPath", "\\\\NODE1\\F$\\exchsrvr\\MDBDATA");
        Finding f = withObject(clu03(s), IS_RIP_PATH + " : LogPath");
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("NODE1 (the node name) in \\\\NODE1\\F$\\exchsrvr\\MDBDATA", f.actual());
        assertEquals(SYSTEM + " : " + IS_RIP_PATH + " : LogPath", f.actualSource().toString());
        assertEquals(remedy("NODE1"), f.remedy());
    }

    @Test
    void recognisesTheNodeIgnoringCase() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "CheckpointFilePath", "\\\\node1\\D$\\exchsrvr\\MDBDATA");
        Finding f = withObject(clu03(s), IS_RIP_PATH + " : CheckpointFilePath");
        assertEquals("node1 (the node name) in \\\\node1\\D$\\exchsrvr\\MDBDATA", f.actual());
        assertEquals(remedy("node1"), f.remedy());
    }

    @Test
    void failsAnAfterLineOnAnotherServer() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        String other = "\\\\OLDSRV\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB";
        s.live().multiSz(IS_RIP, "EDB_RstMap", PRIV_AT_D, other, PUB_AT_E, PUB_AT_E);
        Finding f = withObject(clu03(s), IS_RIP_PATH + " : EDB_RstMap line 2");
        assertEquals(Status.FAIL, f.status());
        assertEquals("OLDSRV in " + other, f.actual());
        assertEquals(SYSTEM + " : " + IS_RIP_PATH + " : EDB_RstMap", f.actualSource().toString());
        assertEquals(remedy("OLDSRV"), f.remedy());
    }

    @Test
    void failsABackupLogPathOnAnotherServer() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "BackupLogPath", "\\\\OLDSRV\\F$\\exchsrvr\\MDBDATA");
        assertEquals(Status.FAIL, withObject(clu03(s), IS_RIP_PATH + " : BackupLogPath").status());
    }

    @Test
    void leavesTheBeforeLinesNamingTheOriginalServer() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().multiSz(IS_RIP, "EDB_RstMap", "\\\\OLDSRV\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB", PRIV_AT_D,
                "\\\\OLDSRV\\E$\\exchsrvr\\MDBDATA\\PUB.EDB", PUB_AT_E);
        List<Finding> f = clu03(s);
        assertEquals(5, f.size(), f.toString());
        f.forEach(x -> assertEquals(Status.PASS, x.status(), x.toString()));
    }

    @Test
    void comparesTheServerIgnoringCase() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "LogPath", "\\\\exvs01\\F$\\exchsrvr\\MDBDATA");
        Finding f = withObject(clu03(s), IS_RIP_PATH + " : LogPath");
        assertEquals(Status.PASS, f.status());
        assertEquals("exvs01", f.actual());
    }

    @Test
    void leavesLocalPathsOut() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "LogPath", "F:\\exchsrvr\\MDBDATA");
        assertEquals(List.of(IS_RIP_PATH + " : BackupLogPath", IS_RIP_PATH + " : CheckpointFilePath",
                IS_RIP_PATH + " : EDB_RstMap line 2", IS_RIP_PATH + " : EDB_RstMap line 4"),
                clu03(s).stream().map(Finding::object).toList());
    }

    @Test
    void checksTheDsKeyToo() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.live().sz(RipCluEvidence.DS_RIP, "LogPath", "\\\\NODE2\\D$\\exchsrvr\\DSADATA");
        List<Finding> f = clu03(s);
        assertEquals(9, f.size(), f.toString());
        Finding ds = withObject(f, DS_RIP_PATH + " : LogPath");
        assertEquals(Status.FAIL, ds.status());
        assertEquals("NODE2 in \\\\NODE2\\D$\\exchsrvr\\DSADATA", ds.actual(), "NODE2 is not this SYSTEM hive's node");
        assertEquals(SYSTEM + " : " + DS_RIP_PATH + " : LogPath", ds.actualSource().toString());
    }

    @Test
    void isSkippedWithoutUncPaths() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "LogPath", "F:\\exchsrvr\\MDBDATA").sz(IS_RIP, "BackupLogPath", "F:\\exchsrvr\\MDBDATA")
                .removeValue(IS_RIP, "CheckpointFilePath").removeValue(IS_RIP, "EDB_RstMap");
        Finding f = only(clu03(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no UNC paths in the Restore in Progress key", f.detail());
    }

    @Test
    void isSkippedWithoutTheVirtualServerName() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.cluster.removeValue("Resources\\" + NETNAME + "\\Parameters", "Name");
        Finding f = only(clu03(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("virtual server name unknown", f.detail());
    }

    @Test
    void doesNotApplyWithoutARestoreInProgressKey() throws Exception {
        Finding f = only(clu03(RestoreScenario.offlineBase()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: no Restore in Progress key", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu03(RestoreScenario.standaloneOffline()));
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
