package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.DS;
import static org.patchlens.rules.RestoreScenario.IS;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-09: no RegSync entry of an Exchange resource checkpoints a service root key (a documented mistake: the root
 * replays Start and every subkey at each online, KB Q290651; HIGH), and none covers a live Restore in Progress
 * key, which the replay removes before the store reads it (KB Q188674; CRIT). The base checkpoints the default
 * Parameters/Diagnostics subkeys only.
 */
class Clu09CheckpointCoverageTest {
    private static final String DS_ROOT = "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS";
    private static final String IS_ROOT = "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS";

    @TempDir
    Path dir;

    private List<Finding> clu09(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_09);
    }

    /** One resource's RegSync list replaced by the one entry 00000001 = {@code path}, the checkpoints retaken. */
    private static RestoreScenario checkpointing(RestoreScenario s, String resource, String path) {
        s.cluster.removeKey("Resources\\" + resource + "\\RegSync");
        s.cluster.sz("Resources\\" + resource + "\\RegSync", "00000001", path);
        return s.takeCheckpoints();
    }

    private String regSyncSource(String resource) {
        return valueSource(dir, CLUSDB, "Resources\\" + resource + "\\RegSync", "00000001");
    }

    private static String rootRemedy(String path) {
        return "Replace the root checkpoint " + path + " by the default `...\\Parameters` and `...\\Diagnostics` "
                + "entries (KB Q290651): a replicated root replays Start and every subkey at each online.";
    }

    @Test
    void passesTheDefaultParametersAndDiagnosticsEntries() throws Exception {
        Finding f = only(clu09(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("registry checkpoint lists", f.object());
        assertEquals("no service root key, no Restore in Progress key inside", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("none", f.actual());
        assertEquals(CLUSDB + " : Resources\\*\\RegSync", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void passesARestoreInProgressKeyBesideTheCheckpointedSubkeys() throws Exception {
        assertEquals(Status.PASS, only(clu09(RestoreScenario.onlineBase())).status());
    }

    @Test
    void failsAServiceRootCheckpointQ290651() throws Exception {
        Finding f = only(clu09(checkpointing(RestoreScenario.offlineBase(), DS, DS_ROOT)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(DS_ROOT, f.object());
        assertEquals("Parameters and Diagnostics subkeys only", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("a service root key", f.actual());
        assertEquals(regSyncSource(DS), f.actualSource().toString());
        assertEquals(rootRemedy(DS_ROOT), f.remedy());
    }

    @Test
    void recognisesARootWrittenInLowerCaseWithSlashesOrATrailingBackslash() throws Exception {
        for (String root : List.of(DS_ROOT.toLowerCase(java.util.Locale.ROOT), DS_ROOT.replace('\\', '/'),
                DS_ROOT + "\\")) {
            Path d = Files.createTempDirectory(dir, "case");
            Finding f = only(RipCluEvidence.findings(checkpointing(RestoreScenario.offlineBase(), DS, root), d,
                    Rule.CLU_09));
            assertEquals(Severity.HIGH, f.severity(), root);
            assertEquals("a service root key", f.actual(), root);
        }
    }

    @Test
    void leavesTheRootOfAServiceOtherThanExchangeAlone() throws Exception {
        RestoreScenario s = checkpointing(RestoreScenario.offlineBase(), DS,
                "SYSTEM\\CurrentControlSet\\Services\\W3SVC");
        assertEquals(Status.PASS, only(clu09(s)).status());
    }

    @Test
    void failsARestoreInProgressKeyInsideACheckpointedRootQ188674() throws Exception {
        List<Finding> f = clu09(checkpointing(RestoreScenario.onlineBase(), IS, IS_ROOT));
        assertEquals(2, f.size(), f.toString());
        Finding rip = f.get(0);
        assertEquals(Status.FAIL, rip.status());
        assertEquals(Severity.CRIT, rip.severity());
        assertEquals(IS_ROOT, rip.object());
        assertEquals("no checkpoint covering " + IS_RIP_PATH, rip.expected());
        assertEquals("", rip.expectedSource().toString());
        assertEquals("RegSync 00000001 of Microsoft Exchange Information Store covers it: the key vanishes when the "
                + "resource comes online", rip.actual());
        assertEquals(regSyncSource(IS), rip.actualSource().toString());
        assertEquals("Start IS from Services (`net start MSExchangeIS`), let hard recovery finish, then bring the "
                + "resource online in Cluster Administrator (ignore ClusSvc 1024) (KB Q188674). Afterwards replace the "
                + "root checkpoint by the default `...\\Parameters` and `...\\Diagnostics` entries (KB Q290651).",
                rip.remedy());
        assertEquals(Severity.HIGH, f.get(1).severity());
        assertEquals("a service root key", f.get(1).actual());
    }

    @Test
    void failsACheckpointOfTheRestoreInProgressKeyItself() throws Exception {
        Finding f = only(clu09(checkpointing(RestoreScenario.onlineBase(), IS,
                "SYSTEM\\CurrentControlSet\\" + IS_RIP)));
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("no checkpoint covering " + IS_RIP_PATH, f.expected());
    }

    @Test
    void doesNotTakeAKeyWhoseNameStartsTheSameForAParent() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword("Services\\MSExchangeIS\\Restore", "Marker", 1);
        assertEquals(Status.PASS, only(clu09(checkpointing(s, IS, "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS"
                + "\\Restore"))).status());
    }

    @Test
    void failsTheDirectoryKeyInsideTheDirectoryRootOnly() throws Exception {
        RestoreScenario s = checkpointing(RipCluEvidence.onlineWithDirectory(), DS, DS_ROOT);
        List<Finding> f = clu09(s);
        assertEquals(2, f.size(), f.toString());
        assertEquals("no checkpoint covering " + RipCluEvidence.DS_RIP_PATH, f.get(0).expected());
        assertEquals("Start DS from Services (`net start MSExchangeDS`), let hard recovery finish, then bring the "
                + "resource online in Cluster Administrator (ignore ClusSvc 1024) (KB Q188674). Afterwards replace the "
                + "root checkpoint by the default `...\\Parameters` and `...\\Diagnostics` entries (KB Q290651).",
                f.get(0).remedy());
        assertEquals(rootRemedy(DS_ROOT), f.get(1).remedy());
    }

    @Test
    void findsTheKeyWithoutSpacesInItsName() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        RegTree.Node old = s.live().key(IS_RIP);
        old.values.values().forEach(v -> s.live().put("Services\\MSExchangeIS\\RestoreInProgress", v.name(), v.type(),
                v.data()));
        s.live().removeKey(IS_RIP);
        Finding f = clu09(checkpointing(s, IS, IS_ROOT)).get(0);
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("no checkpoint covering ControlSet001\\Services\\MSExchangeIS\\RestoreInProgress", f.expected());
    }

    @Test
    void findsARootCheckpointWithoutTheSystemHive() throws Exception {
        Finding f = only(RipCluEvidence.run(checkpointing(RestoreScenario.offlineBase(), DS, DS_ROOT), dir,
                d -> Files.delete(d.resolve(SYSTEM))).of(Rule.CLU_09));
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("a service root key", f.actual());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu09(RestoreScenario.standaloneOffline()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
