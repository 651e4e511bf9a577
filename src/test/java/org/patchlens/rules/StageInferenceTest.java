package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;

/** --stage auto: the stage decided from the evidence, with the reason, in the order StageInference states. */
class StageInferenceTest {
    @TempDir
    Path dir;

    private CheckContext context(RestoreScenario s) throws Exception {
        s.write(dir);
        return new CheckContext(EvidenceScanner.scan(dir), s.checkOptions());
    }

    @Test
    void isintegRunsMeanAfterThePatch() throws Exception {
        CheckContext c = context(RestoreScenario.offlineBase());
        assertEquals(Stage.AFTER_PATCH, c.stage());
        assertEquals("auto: --isinteg-runs 1 says isinteg -patch has run", c.stageReason());
    }

    @Test
    void identityValuesNewerThanTheirCheckpointMeanAfterThePatch() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        String priv = "Services\\MSExchangeIS\\ParametersPrivate";
        s.live().binary(priv, "Store GUID", RestoreScenario.guid(0x33))
                .time(priv, RestoreScenario.BASE_TIME.plus(Duration.ofHours(3)));
        CheckContext c = context(s);
        assertEquals(Stage.AFTER_PATCH, c.stage());
        assertEquals("auto: ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate is newer than its checkpoint "
                + "copy and differs from it (isinteg -patch wrote it)", c.stageReason());
    }

    @Test
    void aDifferenceWithAnOlderLiveKeyIsNotAPatch() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        s.checkpoint(RestoreScenario.IS, "00000002").binary("", "Store GUID", RestoreScenario.guid(0x55));
        CheckContext c = context(s);
        assertEquals(Stage.AFTER_RESTORE, c.stage(), c.stageReason());
        assertTrue(RuleEngine.run(c).findings().stream().anyMatch(f -> f.rule() == Rule.CLU_08
                && f.status() == Status.WARN), "the checkpoint differs, newer than the live key");
    }

    @Test
    void aRestoreInProgressKeyMeansAfterTheRestore() throws Exception {
        CheckContext c = context(RestoreScenario.onlineBase());
        assertEquals(Stage.AFTER_RESTORE, c.stage());
        assertEquals("auto: a Restore in Progress key is present (the online restore ran)", c.stageReason());
    }

    @Test
    void theRegisteredDatabasesAmongTheTargetsFilesMeanAfterTheRestore() throws Exception {
        CheckContext c = context(RestoreScenario.offlineBase().unset("--isinteg-runs"));
        assertEquals(Stage.AFTER_RESTORE, c.stage());
        assertEquals("auto: D/exchsrvr/MDBDATA/PRIV.EDB, E/exchsrvr/MDBDATA/PUB.EDB named by DB Path among the "
                + "target's files", c.stageReason());
    }

    @Test
    void theDatabasesAbsentOrOnlyInTheBackupMeanBeforeTheRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        s.writeBeforeRestore(dir.resolve("t"), dir.resolve("b"));
        CheckContext absent = new CheckContext(EvidenceScanner.scan(dir.resolve("t")), s.checkOptions());
        assertEquals(Stage.BEFORE_RESTORE, absent.stage());
        assertEquals("auto: the databases DB Path names (PRIV.EDB, PUB.EDB, DIR.EDB) are absent from the target's "
                + "files", absent.stageReason());
        List<Evidence> all = new ArrayList<>(EvidenceScanner.scan(dir.resolve("t")));
        List<Evidence> backup = EvidenceScanner.scanBackup(dir.resolve("b"));
        assertTrue(backup.stream().allMatch(e -> e.fromBackup() && e.name().startsWith("(backup) ")), "" + backup);
        all.addAll(backup);
        CheckContext fromBackup = new CheckContext(all, s.checkOptions());
        assertEquals(Stage.BEFORE_RESTORE, fromBackup.stage());
        assertEquals("auto: the databases DB Path names (PRIV.EDB, PUB.EDB, DIR.EDB) are absent from the target's "
                + "files; the backup set (--backup) holds PRIV.EDB, PUB.EDB", fromBackup.stageReason());
    }

    @Test
    void theOperatorsStageWins() throws Exception {
        CheckContext c = context(RestoreScenario.offlineBase().option("--stage", "before-restore"));
        assertEquals(Stage.BEFORE_RESTORE, c.stage());
        assertEquals("--stage before-restore", c.stageReason());
        // a rule not applicable before the restore says so, with its reason
        Finding rip = RuleEngine.run(c).findings().stream().filter(f -> f.rule() == Rule.RIP_01).findFirst()
                .orElseThrow();
        assertEquals(Status.SKIPPED, rip.status());
        assertEquals("not applicable: before-restore: the backup program writes the Restore in Progress key during "
                + "the online restore: there is none to read yet", rip.detail());
    }

    @Test
    void withoutASystemHiveTheCheckIsAfterTheRestore() throws Exception {
        CheckContext c = new CheckContext(List.of(), CheckOptions.NONE);
        assertEquals(Stage.AFTER_RESTORE, c.stage());
        assertEquals("auto: no SYSTEM hive to decide from", c.stageReason());
    }

    @Test
    void aSystemHiveThatNamesNoDatabaseIsAfterTheRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        s.live().removeValue("Services\\MSExchangeIS\\ParametersPrivate", "DB Path")
                .removeValue("Services\\MSExchangeIS\\ParametersPublic", "DB Path")
                .removeValue("Services\\MSExchangeDS\\Parameters", "DSA Database file");
        s.takeCheckpoints();
        s.writeBeforeRestore(dir.resolve("t"), dir.resolve("b"));
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir.resolve("t")), s.checkOptions());
        assertEquals(Stage.AFTER_RESTORE, c.stage(), c.stageReason());
        assertEquals("auto: the SYSTEM hive names no database (no DB Path)", c.stageReason());
    }

    @Test
    void aDatabaseFileNameRegisteredTwiceIsNamedOnceAndAnEmptyPathNotAtAll() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        s.live().sz("Services\\MSExchangeIS\\ParametersPublic", "DB Path", "E:\\other\\PRIV.EDB")
                .sz("Services\\MSExchangeDS\\Parameters", "DSA Database file", "");
        s.takeCheckpoints();
        s.writeBeforeRestore(dir.resolve("t"), dir.resolve("b"));
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir.resolve("t")), s.checkOptions());
        assertEquals(Stage.BEFORE_RESTORE, c.stage(), c.stageReason());
        assertEquals("auto: the databases DB Path names (PRIV.EDB) are absent from the target's files",
                c.stageReason());
    }

    @Test
    void aNewerDifferingCheckpointedKeyThatIsinteg_patchDoesNotWriteIsNotAPatch() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        String system = "Services\\MSExchangeIS\\ParametersSystem"; // checkpointed, but no store identity
        s.live().sz(system, "Working Directory", "G:\\elsewhere")
                .time(system, RestoreScenario.BASE_TIME.plus(Duration.ofHours(3)));
        CheckContext c = context(s);
        assertEquals(Stage.AFTER_RESTORE, c.stage(), c.stageReason());
    }

    @Test
    void anIdentityKeyWhoseCheckpointFileIsMissingDecidesNothing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        String priv = "Services\\MSExchangeIS\\ParametersPrivate";
        s.live().binary(priv, "Store GUID", RestoreScenario.guid(0x33))
                .time(priv, RestoreScenario.BASE_TIME.plus(Duration.ofHours(3)));
        s.write(dir);
        try (var w = java.nio.file.Files.walk(dir)) {
            for (Path p : w.filter(p -> p.getFileName().toString().equals("00000002.CPT")).toList()) {
                java.nio.file.Files.delete(p); // the copy of ParametersPrivate the cluster keeps
            }
        }
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir), s.checkOptions());
        assertEquals(Stage.AFTER_RESTORE, c.stage(), c.stageReason());
    }
}
