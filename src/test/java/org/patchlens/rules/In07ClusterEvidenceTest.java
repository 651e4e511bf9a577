package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.model.Source;

/**
 * IN-07 (exchange-restore.md 10.1): {@code Services\ClusSvc} marks a cluster node; then at least one cluster hive is
 * expected, and for every {@code RegSync} value of every Exchange resource a checkpoint file
 * {@code <resource GUID>\<value name>.CPT}. FAIL (severity WARN) listing what is missing; NOT-APPLICABLE without
 * ClusSvc and without a cluster hive; SKIPPED without a SYSTEM hive.
 */
class In07ClusterEvidenceTest {
    private static final String RESOURCES_REGSYNC = RegEvidence.CLUSDB + " : Resources\\*\\RegSync";

    @TempDir
    Path dir;

    private static String cpt(String guid, String n) {
        return "Q/MSCS/" + guid + "/" + n + ".CPT";
    }

    @Test
    void passesWithTheClusterHiveAndEveryCheckpointFile() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_07);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("cluster evidence", f.object());
        assertEquals("cluster hive and every checkpoint file", f.expected());
        assertEquals(RESOURCES_REGSYNC, f.expectedSource().toString());
        assertEquals(10, s.regSync().size(), "SA, DS, MTA two entries each, IS four");
        assertEquals("1 cluster hive(s), 10 checkpoint file(s)", f.actual());
        assertEquals("", f.remedy());
    }

    @Test
    void failsACheckpointFileMissingFromTheQuorumFolder() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(cpt(RestoreScenario.IS, "00000002")))), Rule.IN_07);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("registry checkpoint files", f.object());
        assertEquals("one .CPT per RegSync entry", f.expected());
        assertEquals(RESOURCES_REGSYNC, f.expectedSource().toString());
        assertEquals("missing: " + RestoreScenario.IS + "\\00000002.CPT", f.actual());
        assertEquals(Source.NONE, f.actualSource());
        assertEquals(Rule.IN_07.remedy(), f.remedy());
    }

    @Test
    void listsEveryMissingCheckpointFile() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            Files.delete(d.resolve(cpt(RestoreScenario.SA, "00000001")));
            Files.delete(d.resolve(cpt(RestoreScenario.MTA, "00000002")));
        }), Rule.IN_07);
        assertEquals("missing: " + RestoreScenario.SA + "\\00000001.CPT, " + RestoreScenario.MTA + "\\00000002.CPT",
                f.actual());
    }

    @Test
    void failsAClusterNodeWithoutAnyClusterHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.CLUSDB))), Rule.IN_07);
        assertEquals(Status.FAIL, f.status());
        assertEquals("cluster hive", f.object());
        assertEquals(">= 1 CLUSDB or chk*.tmp", f.expected());
        assertEquals("none", f.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet001\\Services\\ClusSvc", f.actualSource().toString());
        assertEquals(Rule.IN_07.remedy(), f.remedy());
    }

    @Test
    void checksTheCheckpointFilesOfAClusterHiveEvenWithoutClusSvc() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey("Services\\ClusSvc");
        Finding f = RegEvidence.only(RegEvidence.run(s, dir,
                d -> Files.delete(d.resolve(cpt(RestoreScenario.DS, "00000001")))), Rule.IN_07);
        assertEquals(Status.FAIL, f.status());
        assertEquals("missing: " + RestoreScenario.DS + "\\00000001.CPT", f.actual());
    }

    /**
     * The catalog says SKIPPED without a SYSTEM hive; with a cluster hive given, the RegSync lists alone say which
     * checkpoint files are expected, and the rule still checks them (a refinement the catalog does not record).
     */
    @Test
    void checksTheCheckpointFilesOfAClusterHiveWithoutASystemHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            Files.delete(d.resolve(RegEvidence.SYSTEM));
            Files.delete(d.resolve(cpt(RestoreScenario.MTA, "00000001")));
        }), Rule.IN_07);
        assertEquals(Status.FAIL, f.status());
        assertEquals("missing: " + RestoreScenario.MTA + "\\00000001.CPT", f.actual());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.standaloneOffline(), dir), Rule.IN_07);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: no Services\\ClusSvc and no cluster hive: a stand-alone server", f.detail());
    }

    @Test
    void isSkippedWithoutASystemHiveOrAClusterHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            Files.delete(d.resolve(RegEvidence.SYSTEM));
            Files.delete(d.resolve(RegEvidence.CLUSDB));
        }), Rule.IN_07);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no SYSTEM hive", f.detail());
    }
}
