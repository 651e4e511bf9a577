package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;

/**
 * What the rules read from {@link CheckContext}, on written evidence: the restore type (docs/rules-notes.md,
 * "Restore type auto": a Restore in Progress key under MSExchangeIS or MSExchangeDS, either spelling, means online;
 * patch files mean online; logs plus --roll-forward mean offline roll-forward; otherwise offline point-in-time), the
 * cluster hive in use (the one whose root key was written last), the first SYSTEM and SOFTWARE hives, checkpoint
 * files by their place, the node, and whether this is a cluster.
 */
class CheckContextTest {
    private static final String IS_RIP = RegEvidence.IS_RIP;

    @TempDir
    Path dir;

    private int runs;

    /** The context of {@code s} written into a folder of its own (several per test). */
    private CheckContext context(RestoreScenario s) throws Exception {
        return EngineRun.of(s, Files.createDirectories(dir.resolve("run" + runs++))).context();
    }

    private void assertRestore(Effective expected, String reason, CheckContext c) {
        assertEquals(expected, c.restore());
        assertEquals(reason, c.restoreReason());
    }

    /** The online base's RIP key moved to another service or spelling. */
    private static RestoreScenario onlineWithRipAt(String key) {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--restore-type");
        s.live().key(key).values.putAll(s.live().key(IS_RIP).values);
        s.live().removeKey(IS_RIP);
        s.patches.clear();
        return s;
    }

    @Test
    void takesTheRestoreTypeTheOperatorGives() throws Exception {
        assertRestore(Effective.ONLINE, "--restore-type online", context(RestoreScenario.onlineBase()));
        assertRestore(Effective.OFFLINE_PIT, "--restore-type offline", context(RestoreScenario.offlineBase()));
        assertRestore(Effective.OFFLINE_ROLLFORWARD, "--restore-type offline --roll-forward",
                context(RestoreScenario.offlineBase().option("--roll-forward")));
        assertRestore(Effective.ONLINE, "--restore-type online",
                context(RestoreScenario.onlineBase().option("--roll-forward")));
    }

    @Test
    void theTwoOfflineKindsAreOffline() {
        assertTrue(Effective.OFFLINE_PIT.offline());
        assertTrue(Effective.OFFLINE_ROLLFORWARD.offline());
        assertFalse(Effective.ONLINE.offline());
        assertFalse(Effective.UNKNOWN.offline());
        assertEquals("offline-rollforward", Effective.OFFLINE_ROLLFORWARD.label());
    }

    @Test
    void decidesOnlineFromARestoreInProgressKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--restore-type");
        s.patches.clear();
        assertRestore(Effective.ONLINE, "auto: a Restore in Progress key is present", context(s));
    }

    @Test
    void decidesOnlineFromARestoreInProgressKeyOfTheDirectory() throws Exception {
        assertRestore(Effective.ONLINE, "auto: a Restore in Progress key is present",
                context(onlineWithRipAt("Services\\MSExchangeDS\\Restore in Progress")));
    }

    @Test
    void decidesOnlineFromTheOtherSpellingOfTheKey() throws Exception {
        CheckContext c = context(onlineWithRipAt("Services\\MSExchangeIS\\RestoreInProgress"));
        assertRestore(Effective.ONLINE, "auto: a Restore in Progress key is present", c);
        assertEquals("\\ControlSet001\\Services\\MSExchangeIS\\RestoreInProgress",
                c.restoreInProgress("MSExchangeIS").path());
        assertNull(c.restoreInProgress("MSExchangeDS"));
        assertNull(c.restoreInProgress("NoSuchService"));
    }

    @Test
    void decidesOnlineFromPatchFilesWithoutTheKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--restore-type");
        s.live().removeKey(IS_RIP);
        assertRestore(Effective.ONLINE, "auto: patch files are present", context(s));
    }

    @Test
    void decidesRollForwardFromLogsAndTheRollForwardOption() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--restore-type").option("--roll-forward");
        s.live().removeKey(IS_RIP);
        s.patches.clear();
        assertRestore(Effective.OFFLINE_ROLLFORWARD, "auto: no Restore in Progress key, logs to roll forward",
                context(s));
    }

    @Test
    void decidesPointInTimeFromLogsWithoutTheRollForwardOption() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--restore-type");
        s.live().removeKey(IS_RIP);
        s.patches.clear();
        assertRestore(Effective.OFFLINE_PIT, "auto: no Restore in Progress key and no patch files", context(s));
    }

    @Test
    void decidesPointInTimeFromTheRollForwardOptionWithoutLogs() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--restore-type").option("--roll-forward");
        assertRestore(Effective.OFFLINE_PIT, "auto: no Restore in Progress key and no patch files", context(s));
    }

    @Test
    void cannotDecideWithoutASystemHive() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--restore-type");
        CheckContext c = RegEvidence.run(s, dir, d -> Files.delete(d.resolve(RegEvidence.SYSTEM))).context();
        assertRestore(Effective.UNKNOWN, "auto: no SYSTEM hive to decide from", c);
        assertTrue(c.system().isEmpty());
        assertTrue(c.systemEvidence().isEmpty());
        assertTrue(c.node().isEmpty());
        assertNull(c.restoreInProgress("MSExchangeIS"));
    }

    @Test
    void readsTheFirstSystemHiveFound() throws Exception {
        RestoreScenario node2 = RestoreScenario.offlineBase();
        node2.controlSets.put(1, RestoreScenario.exchangeSet("NODE2"));
        Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-node2"));
        node2.write(other);
        CheckContext c = RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "NODE2/system32/config/SYSTEM", Files.readAllBytes(other.resolve(RegEvidence.SYSTEM)))).context();
        assertEquals(2, c.evidence(EvidenceKind.SYSTEM_HIVE).size());
        assertEquals("NODE1", c.node().orElseThrow().text(), "NODE1/... is found before NODE2/...");
        assertEquals(RegEvidence.SYSTEM, c.systemEvidence().orElseThrow().name());
    }

    @Test
    void readsTheFirstSoftwareHiveFound() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.software.dword("Microsoft\\Exchange\\Setup", "NewestBuild", 2650);
        Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-sp3"));
        s.write(other);
        CheckContext c = RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "OLD/SOFTWARE", Files.readAllBytes(other.resolve(RegEvidence.SOFTWARE)))).context();
        Hive sw = c.software().orElseThrow();
        assertEquals(2653, sw.key("Microsoft\\Exchange\\Setup").value("NewestBuild").decoded().number(),
                "NODE1/... is found before OLD/...");
    }

    @Test
    void hasNoSoftwareHiveWhenNoneIsGiven() throws Exception {
        CheckContext c = RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.SOFTWARE))).context();
        assertTrue(c.software().isEmpty());
    }

    @Test
    void usesTheClusterHiveWrittenLast() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        // a quorum snapshot taken after the Network Name was changed to EXVS09 (root key written later)
        RegTree later = s.cluster.copy();
        later.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "EXVS09");
        later.time("", RestoreScenario.BASE_TIME.plus(Duration.ofDays(1)));
        for (String name : new String[] {"A/chk0001.tmp", "Z/chk0002.tmp"}) {
            Path folder = Files.createDirectories(dir.resolve(name).getParent());
            HiveBuilder b = HiveBuilder.v13().rootName("Cluster");
            later.writeTo(b, "");
            b.write(folder.resolve(name.substring(2)));
            CheckContext c = RegEvidence.scan(dir, s.checkOptions()).context();
            assertEquals(2, c.clusters().size());
            assertEquals("EXVS09", c.virtualServer().orElseThrow(), "newest of CLUSDB and " + name);
            assertEquals(name + " : Resources\\" + RestoreScenario.NETNAME + "\\Parameters : Name @0x"
                    + Long.toHexString(offsetOfName(folder.resolve(name.substring(2)))).toUpperCase(),
                    c.virtualServerSource().orElseThrow().toString());
            Files.delete(folder.resolve(name.substring(2)));
        }
    }

    private static long offsetOfName(Path clusterHive) {
        try (Hive h = Hive.open(clusterHive)) {
            return h.key("Resources\\" + RestoreScenario.NETNAME + "\\Parameters").value("Name").fileOffset();
        }
    }

    @Test
    void findsCheckpointFilesByTheirPlaceWhateverTheGuidsCaseAndBraces() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        String guid = RestoreScenario.SA;
        CheckContext c = RegEvidence.run(s, dir, d -> RegEvidence.put(d, "Q/MSCS/" + guid + "/00000003.CPT",
                new byte[5000])).context();
        for (String g : new String[] {guid, guid.toLowerCase(), "{" + guid.toLowerCase() + "}"}) {
            assertTrue(c.checkpoint(g, "00000001").isPresent(), g);
            assertEquals("Q/MSCS/" + guid + "/00000001.CPT", c.checkpointEvidence(g, "00000001").orElseThrow().name());
            assertEquals("Q/MSCS/" + guid + "/00000001.CPT", c.checkpointPlace(g, "00000001").orElseThrow().name());
        }
        assertEquals(s.regSync().size(), c.checkpointFiles().size());
        // a file at a checkpoint's place that is no hive: there, but not a checkpoint
        assertTrue(c.checkpointPlace(guid, "00000003").isPresent());
        assertTrue(c.checkpoint(guid, "00000003").isEmpty());
        assertTrue(c.checkpointEvidence(guid, "00000003").isEmpty());
        assertTrue(c.checkpoint(guid, "00000009").isEmpty());
    }

    @Test
    void tellsAClusterNodeByClusSvcOrByAClusterHive() throws Exception {
        assertTrue(context(RestoreScenario.offlineBase()).isCluster());
        RestoreScenario hiveOnly = RestoreScenario.offlineBase();
        hiveOnly.live().removeKey("Services\\ClusSvc");
        assertTrue(context(hiveOnly).isCluster(), "a cluster hive alone");
        CheckContext clusSvcOnly = RegEvidence.run(RestoreScenario.offlineBase(),
                Files.createDirectories(dir.resolve("clussvc-only")), d -> Files.delete(d.resolve(RegEvidence.CLUSDB)))
                .context();
        assertTrue(clusSvcOnly.isCluster(), "Services\\ClusSvc alone");
        assertTrue(clusSvcOnly.virtualServer().isEmpty());
        assertTrue(clusSvcOnly.virtualServerSource().isEmpty());
    }

    @Test
    void tellsAStandAloneServer() throws Exception {
        CheckContext c = context(RestoreScenario.standaloneOffline());
        assertFalse(c.isCluster());
        assertEquals("SRV01", c.node().orElseThrow().text());
    }

    @Test
    void keepsTheOptionsAndTheEvidence() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        CheckContext c = context(s);
        assertEquals(s.checkOptions(), c.options());
        assertEquals(2, c.evidence(EvidenceKind.ESE_DATABASE).size());
        assertEquals(c.evidence().size(), 3 + s.regSync().size() + 2);
        assertEquals(2, c.store().databases().size());
        for (var e : c.evidence()) {
            assertTrue(c.readError(e.name()).isEmpty(), e.name());
        }
    }
}
