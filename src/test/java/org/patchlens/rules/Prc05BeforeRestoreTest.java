package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRC-05 before the restore: a start from the service controller first is needed when a registry checkpoint
 * covers what the restore (online: the Restore in Progress key) or isinteg -patch (offline: the store identity
 * keys) will write. Planned from Cluster Administrator it will fail; not said, it is a step of the plan (WARN);
 * planned from the service controller, or not needed, it passes. And {@link PlannedRestore}, which says what is
 * covered.
 */
class Prc05BeforeRestoreTest {
    private static final String PRIV = "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate";

    @TempDir
    Path dir;

    private static RestoreScenario offline() {
        return RestoreScenario.offlineBase().unset("--isinteg-runs");
    }

    private Finding prc05(RestoreScenario s) throws Exception {
        EngineRun r = EngineRun.before(s, dir);
        assertTrue(r.context().beforeRestore(), r.context().stageReason());
        List<Finding> f = r.of(Rule.PRC_05);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    @Test
    void notSaidWithACoveringCheckpointIsAStepOfThePlan() throws Exception {
        Finding f = prc05(offline());
        assertEquals(Status.WARN, f.status());
        assertEquals("not given: to be made from the service controller", f.actual());
        assertTrue(f.actualSource().isNone(), f.actualSource().toString());
        assertTrue(f.detail().contains("checkpoints covering what isinteg -patch writes: " + PRIV
                + " (RegSync 00000002 of Microsoft Exchange Information Store)"), f.detail());
    }

    @Test
    void plannedFromTheServiceControllerPasses() throws Exception {
        Finding f = prc05(offline().option("--start-via", "services"));
        assertEquals(Status.PASS, f.status());
        assertEquals("the service controller", f.expected());
        assertEquals("services", f.actual());
        assertEquals("(command line) : --start-via", f.actualSource().toString());
        assertTrue(f.detail().startsWith("checkpoints covering what isinteg -patch writes: "), f.detail());
    }

    @Test
    void plannedFromClusterAdministratorWillFail() throws Exception {
        Finding f = prc05(offline().option("--start-via", "cluster-admin"));
        assertEquals(Status.FAIL, f.status());
        assertEquals("Cluster Administrator", f.actual());
        assertEquals("net start from the service controller", f.expected());
        assertTrue(f.detail().startsWith("prediction: will fail at the [online] step"), f.detail());
    }

    @Test
    void withoutACoveringCheckpointEitherPathPasses() throws Exception {
        RestoreScenario s = offline().option("--start-via", "cluster-admin");
        s.cluster.removeKey("Resources\\" + RestoreScenario.IS + "\\RegSync");
        s.takeCheckpoints();
        Finding f = prc05(s);
        assertEquals(Status.PASS, f.status(), f.toString());
        assertEquals("either (no checkpoint covers what the restore or isinteg -patch writes)", f.expected());
        assertEquals("cluster-admin", f.actual());
    }

    @Test
    void onlineTheRestoreInProgressKeyOfEachRestoredServiceIsWhatIsWritten() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--isinteg-runs");
        s.live().removeKey("Services\\MSExchangeIS\\Restore in Progress");
        s.cluster.removeKey("Resources\\" + RestoreScenario.DS + "\\RegSync");
        s.cluster.sz("Resources\\" + RestoreScenario.DS + "\\RegSync", "00000001",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\");
        s.takeCheckpoints();
        s.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "dir.edb", 2, 0x1F, 0x20, 0x44495221L));
        EngineRun r = EngineRun.before(s, dir);
        assertEquals(java.util.Set.of("MSExchangeIS", "MSExchangeDS"),
                java.util.Set.copyOf(PlannedRestore.restoredServices(r.context())));
        Finding f = r.of(Rule.PRC_05).get(0);
        assertEquals(Status.WARN, f.status(), f.toString());
        assertTrue(f.detail().contains("checkpoints covering what the online restore writes: SYSTEM\\"
                + "CurrentControlSet\\Services\\MSExchangeDS\\ (RegSync 00000001 of Microsoft Exchange Directory)"),
                f.detail());
    }

    @Test
    void withoutADatabaseHeaderBothServicesCountAsRestored() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        EngineRun with = EngineRun.of(s, dir);
        assertEquals(List.of("MSExchangeIS"), PlannedRestore.restoredServices(with.context()), "priv and pub only");
        try (var w = java.nio.file.Files.walk(dir)) {
            for (Path p : w.filter(p -> p.toString().toUpperCase().endsWith(".EDB")).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
        CheckContext c = new CheckContext(org.patchlens.evidence.EvidenceScanner.scan(dir), s.checkOptions());
        assertEquals(List.of("MSExchangeDS", "MSExchangeIS"), PlannedRestore.restoredServices(c));
    }

    @Test
    void aStandaloneServerHasNoCheckpointToCover() throws Exception {
        EngineRun r = EngineRun.before(RestoreScenario.standaloneOffline().unset("--isinteg-runs"), dir);
        assertEquals(List.of(), PlannedRestore.covered(r.context()));
    }

    @Test
    void aCheckpointCoversItsOwnRootAndWhatLiesBelowItOnly() {
        String ds = "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS";
        assertTrue(PlannedRestore.covers(ds, ds));
        assertTrue(PlannedRestore.covers(ds + "\\\\", ds), "trailing backslashes");
        assertTrue(PlannedRestore.covers(ds.replace('\\', '/'), ds + "\\Restore in Progress"), "either separator");
        assertTrue(PlannedRestore.covers(ds.toUpperCase(), ds + "\\restore in progress"), "names ignore case");
        assertFalse(PlannedRestore.covers(ds, ds + "X\\Restore in Progress"), "a sibling with a longer name");
        assertFalse(PlannedRestore.covers(ds + "\\Parameters", ds + "\\Restore in Progress"));
    }
}
