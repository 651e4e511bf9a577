package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.rules.RestoreScenario.DS;
import static org.patchlens.rules.RestoreScenario.IS;
import static org.patchlens.rules.RestoreScenario.MTA;
import static org.patchlens.rules.RestoreScenario.SA;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.cptFile;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-10: each RegSync entry NNNNNNNN of an Exchange resource has its checkpoint file
 * {@code <quorum>:\MSCS\<resource GUID>\NNNNNNNN.CPT}, and it is a readable registry hive (inferred from the
 * quorum layout, exchange-restore.md 4.2); a checkpoint file no entry lists is reported as INFO. The base writes
 * one file per entry: 2 for SA, DS and MTA, 4 for IS.
 */
class Clu10CheckpointFilesTest {
    private static final String UNKNOWN = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B00FF";

    @TempDir
    Path dir;

    private EngineRun run(RipCluEvidence.FileEdit edit) throws Exception {
        return RipCluEvidence.run(RestoreScenario.offlineBase(), dir, edit);
    }

    private String regSyncSource(String resource, String entry) {
        return valueSource(dir, CLUSDB, "Resources\\" + resource + "\\RegSync", entry);
    }

    @Test
    void passesEveryListedCheckpointFile() throws Exception {
        List<Finding> f = RipCluEvidence.findings(RestoreScenario.offlineBase(), dir, Rule.CLU_10);
        assertEquals(List.of(SA + "\\00000001.CPT", SA + "\\00000002.CPT", DS + "\\00000001.CPT",
                DS + "\\00000002.CPT", IS + "\\00000001.CPT", IS + "\\00000002.CPT", IS + "\\00000003.CPT",
                IS + "\\00000004.CPT", MTA + "\\00000001.CPT", MTA + "\\00000002.CPT"),
                f.stream().map(Finding::object).toList());
        Finding sa = f.get(0);
        assertEquals(Status.PASS, sa.status());
        assertEquals(Severity.HIGH, sa.severity());
        assertEquals("a readable hive", sa.expected());
        assertEquals(regSyncSource(SA, "00000001"), sa.expectedSource().toString());
        assertEquals("readable", sa.actual());
        assertEquals(cptFile(SA, "00000001") + " : root key", sa.actualSource().toString());
        assertEquals("", sa.remedy());
    }

    @Test
    void failsAMissingCheckpointFile() throws Exception {
        List<Finding> f = run(d -> Files.delete(d.resolve(cptFile(IS, "00000002")))).of(Rule.CLU_10);
        Finding missing = RipCluEvidence.withObject(f, IS + "\\00000002.CPT");
        assertEquals(Status.FAIL, missing.status());
        assertEquals(Severity.HIGH, missing.severity());
        assertEquals("present", missing.expected());
        assertEquals(regSyncSource(IS, "00000002"), missing.expectedSource().toString());
        assertEquals("missing", missing.actual());
        assertEquals("", missing.actualSource().toString());
        assertEquals("Copy `<quorum>:\\MSCS\\" + IS + "\\` completely. If the file is really gone, the cluster has "
                + "nothing to replay; re-add the checkpoint while the resource is online (KB Q174070).",
                missing.remedy());
        assertEquals(9, f.stream().filter(x -> x.status() == Status.PASS).count());
    }

    @Test
    void failsACheckpointFileThatIsNoHive() throws Exception {
        List<Finding> f = run(d -> Files.write(d.resolve(cptFile(IS, "00000002")), new byte[0])).of(Rule.CLU_10);
        Finding empty = RipCluEvidence.withObject(f, IS + "\\00000002.CPT");
        assertEquals(Status.FAIL, empty.status());
        assertEquals("a registry hive", empty.expected());
        assertEquals(regSyncSource(IS, "00000002"), empty.expectedSource().toString());
        assertEquals("present but unusable: unreadable (empty file)", empty.actual());
        assertEquals(cptFile(IS, "00000002") + " : file", empty.actualSource().toString());
        assertEquals("Copy `<quorum>:\\MSCS\\" + IS + "\\` again with a byte-exact copy; if the file is damaged there "
                + "too, re-add the checkpoint while the resource is online (KB Q174070).", empty.remedy());
    }

    @Test
    void findsTheFilesInAGuidFolderWithBracesInLowerCase() throws Exception {
        List<Finding> f = run(d -> Files.move(d.resolve("Q/MSCS/" + SA),
                d.resolve("Q/MSCS/{" + SA.toLowerCase(Locale.ROOT) + "}"))).of(Rule.CLU_10);
        assertEquals(10, f.size(), f.toString());
        f.forEach(x -> assertEquals(Status.PASS, x.status(), x.toString()));
    }

    @Test
    void aCraftedResourceKeyNameNeverReachesThePathToType() throws Exception {
        // an Exchange resource whose key (its GUID) was named to break out of the back-quoted path of the remedy
        String crafted = "x`del x`&calc";
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + crafted, "Name", "Second Information Store").sz("Resources\\" + crafted, "Type",
                "Generic Service").sz("Resources\\" + crafted + "\\Parameters", "ServiceName", "MSExchangeIS")
                .sz("Resources\\" + crafted + "\\RegSync", "00000001",
                        "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\Parameters");
        List<Finding> f = RipCluEvidence.findings(s, dir, Rule.CLU_10);
        assertTrue(f.stream().anyMatch(x -> x.object().startsWith(crafted)), f.stream().map(Finding::object).toList().toString());
        Finding missing = RipCluEvidence.withObject(f, crafted + "\\00000001.CPT");
        assertEquals(Status.FAIL, missing.status());
        assertEquals("Copy `<quorum>:\\MSCS\\<the resource's GUID>\\` completely. If the file is really gone, the "
                + "cluster has nothing to replay; re-add the checkpoint while the resource is online (KB Q174070). "
                + org.patchlens.model.CommandText.leftOut("The resource's key name in the cluster hive", crafted),
                missing.remedy());
        assertFalse(missing.remedy().contains("`del"), missing.remedy());
    }

    @Test
    void listsACheckpointFileOfAnUnknownResourceAsInfo() throws Exception {
        String extra = "Q/MSCS/" + UNKNOWN + "/00000001.CPT";
        List<Finding> f = run(d -> {
            Files.createDirectories(d.resolve(extra).getParent());
            Files.copy(d.resolve(cptFile(SA, "00000001")), d.resolve(extra));
        }).of(Rule.CLU_10);
        assertEquals(11, f.size(), f.toString());
        Finding info = f.get(10);
        assertEquals(Status.PASS, info.status());
        assertEquals(Severity.INFO, info.severity());
        assertEquals(extra, info.object());
        assertEquals("listed in a RegSync of an Exchange resource", info.expected());
        assertEquals("", info.expectedSource().toString());
        assertEquals("not listed", info.actual());
        assertEquals(extra, info.actualSource().toString());
        assertEquals("", info.remedy());
        assertEquals("a checkpoint file for a resource or entry the cluster hive does not list (INFO)", info.detail());
    }

    @Test
    void listsACheckpointFileOfAnEntryNotInTheListAsInfo() throws Exception {
        String extra = "Q/MSCS/" + SA + "/00000009.CPT";
        List<Finding> f = run(d -> Files.copy(d.resolve(cptFile(SA, "00000001")), d.resolve(extra))).of(Rule.CLU_10);
        assertEquals(Severity.INFO, RipCluEvidence.withObject(f, extra).severity());
    }

    @Test
    void isSkippedWithoutRegSyncEntries() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        for (String r : List.of(SA, DS, IS, MTA)) {
            s.cluster.removeKey("Resources\\" + r + "\\RegSync");
        }
        s.takeCheckpoints();
        Finding f = only(s, dir, Rule.CLU_10);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no RegSync entries on the Exchange resources", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(RestoreScenario.standaloneOffline(), dir, Rule.CLU_10);
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
