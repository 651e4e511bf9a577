package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRC-05: on a cluster the first start after a restore goes through the service controller (net start), not
 * Cluster Administrator, whose online replays the registry checkpoints first: it removes a Restore in Progress
 * key inside a checkpointed subtree (KB Q188674) and rolls back what isinteg -patch wrote after an offline
 * restore (KB Q185942, Q288562; procedure KB Q238063). The evidence is written once per kind; each case is
 * another start path.
 */
class Prc05StartPathTest {
    @TempDir
    static Path dir;
    private static StoreEvidence.Written offline;
    private static StoreEvidence.Written online;

    @BeforeAll
    static void writeEvidence() throws Exception {
        offline = new StoreEvidence.Written(RestoreScenario.offlineBase(), dir.resolve("offline"));
        online = new StoreEvidence.Written(RestoreScenario.onlineBase(), dir.resolve("online"));
    }

    private static Finding prc05(StoreEvidence.Written evidence, RestoreScenario facts) {
        List<Finding> f = evidence.run(facts).of(Rule.PRC_05);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    private static void assertFails(Finding f) {
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("first start", f.object());
        assertEquals("net start from the service controller", f.expected());
        assertEquals("Cluster Administrator", f.actual());
        assertEquals("(command line) : --start-via", f.actualSource().toString());
        assertEquals(Rule.PRC_05.remedy(), f.remedy());
    }

    @Test
    void failsAStartFromClusterAdministratorAfterAnOfflineRestore() {
        // the base hives show no drift (CLU-08 passes), yet isinteg -patch writes into the checkpointed IS keys
        // that an online from Cluster Administrator replays over (KB Q185942), and hives copied before it ran
        // cannot show that: the rule asks for net start after every offline restore on a cluster
        assertFails(prc05(offline, RestoreScenario.offlineBase().set("--start-via", "cluster-admin")));
    }

    @Test
    void passesAStartFromServicesAfterAnOfflineRestore() {
        Finding f = prc05(offline, RestoreScenario.offlineBase().set("--start-via", "services"));
        assertEquals(Status.PASS, f.status());
        assertEquals("the service controller", f.expected());
        assertEquals("services", f.actual());
        assertEquals("(command line) : --start-via", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAStartFromClusterAdministratorWithARestoreInProgressKeyQ188674() {
        assertFails(prc05(online, RestoreScenario.onlineBase().set("--start-via", "cluster-admin")));
    }

    @Test
    void passesAStartFromServicesWithARestoreInProgressKey() {
        Finding f = prc05(online, RestoreScenario.onlineBase().set("--start-via", "services"));
        assertEquals(Status.PASS, f.status());
        assertEquals("the service controller", f.expected());
    }

    @Test
    void passesEitherPathWhenNothingIsLeftToRollBack() {
        // told online, but no Restore in Progress key is there to lose (RIP-01 reports its absence)
        Finding f = prc05(offline, RestoreScenario.offlineBase().set("--restore-type", "online")
                .set("--start-via", "cluster-admin"));
        assertEquals(Status.PASS, f.status());
        assertEquals("either", f.expected());
        assertEquals("cluster-admin", f.actual());
    }

    @Test
    void isSkippedWithoutTheStartPath() {
        Finding f = prc05(offline, RestoreScenario.offlineBase());
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--start-via not given (the remedy is printed by CLU-08/CLU-09)", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        StoreEvidence.Written standalone = new StoreEvidence.Written(RestoreScenario.standaloneOffline(),
                dir.resolve("standalone"));
        Finding f = prc05(standalone, RestoreScenario.standaloneOffline().set("--start-via", "cluster-admin"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: stand-alone server", f.detail());
    }
}
