package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KB scenarios of exchange-restore.md 10.7 through the whole check pipeline: each asserts
 * the exact set of failing rules (no false alarms), the objects and the remedy lines.
 */
class ScenarioTest {
    private static final String PRIV = "Services\\MSExchangeIS\\ParametersPrivate";
    private static final String PUB = "Services\\MSExchangeIS\\ParametersPublic";

    @TempDir
    Path dir;

    private static TreeSet<String> set(String... ids) {
        return new TreeSet<>(List.of(ids));
    }

    private static String text(JsonNode f, String field) {
        return f.get(field).asText();
    }

    @Test
    void offlineBaseFixtureIsClean() throws Exception {
        ScenarioRun r = ScenarioRun.of(RestoreScenario.offlineBase(), dir);
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(set(), r.blocking(), r.dump());
        assertEquals(0, r.exit(), r.dump() + r.err());
    }

    @Test
    void onlineBaseFixtureIsClean() throws Exception {
        ScenarioRun r = ScenarioRun.of(RestoreScenario.onlineBase(), dir);
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(set(), r.blocking(), r.dump());
        assertEquals(0, r.exit(), r.dump() + r.err());
    }

    @Test
    void standaloneCleanRestoreHasNoBlockingFinding() throws Exception {
        ScenarioRun r = ScenarioRun.of(RestoreScenario.standaloneOffline(), dir);
        assertEquals(set(), r.blocking(), r.dump());
        assertEquals(set(), r.failing(), r.dump());
        assertTrue(text(r.of("CLU-08").get(0), "detail").startsWith("not applicable"), r.dump());
        assertEquals("PASS", text(r.of("REG-08").get(0), "status"), r.dump());
        assertEquals(0, r.exit());
    }

    @Test
    void aDirtySystemHiveWithoutItsLogIsReported() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.systemSequence = new long[] {7, 6};
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("IN-03"), r.failing(), r.dump());
        JsonNode f = r.failures("IN-03").get(0);
        assertEquals("WARN", text(f, "severity"));
        assertEquals("primary 7, secondary 6", text(f, "actual"));
        assertTrue(text(f, "detail").startsWith("no transaction log beside it"), text(f, "detail"));
        assertEquals(0, r.exit(), "a WARN is below the default --fail-on high");
    }

    @Test
    void s1CheckpointDriftAfterIsintegPatchQ288562() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        java.time.Instant later = RestoreScenario.BASE_TIME.plus(Duration.ofHours(3));
        s.live().binary(PRIV, "Store GUID", RestoreScenario.guid(0x33)).binary(PRIV, "Patch Marker", (byte) 1)
                .time(PRIV, later);
        s.live().binary(PUB, "Store GUID", RestoreScenario.guid(0x44)).binary(PUB, "Patch Marker", (byte) 1)
                .time(PUB, later);
        s.set("--isinteg-version", "5.5.2650.21");
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("CLU-08", "PRC-04"), r.failing(), r.dump());
        List<JsonNode> drift = r.failures("CLU-08");
        assertEquals(4, drift.size(), r.dump());
        List<String> objects = drift.stream().map(f -> text(f, "object")).sorted().toList();
        assertEquals(List.of("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate : Patch Marker",
                "ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate : Store GUID",
                "ControlSet001\\Services\\MSExchangeIS\\ParametersPublic : Patch Marker",
                "ControlSet001\\Services\\MSExchangeIS\\ParametersPublic : Store GUID"), objects);
        JsonNode changed = drift.stream().filter(f -> text(f, "object").endsWith("ParametersPrivate : Store GUID"))
                .findFirst().orElseThrow();
        assertEquals("CRIT", text(changed, "severity"));
        assertTrue(text(changed, "detail").startsWith("value-changed; live key written 2001-06-15T15:00:00.0000000Z"),
                text(changed, "detail"));
        assertTrue(text(changed, "detail").contains("newer: live"), text(changed, "detail"));
        assertTrue(text(changed, "expectedSource").contains("00000002.CPT : SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate : Store GUID @0x"), text(changed, "expectedSource"));
        assertTrue(text(changed, "actualSource").contains("SYSTEM : ControlSet001\\Services\\MSExchangeIS"
                + "\\ParametersPrivate : Store GUID @0x"), text(changed, "actualSource"));
        assertTrue(text(changed, "remedy").contains("Isinteg.exe 5.5.2654.62"), text(changed, "remedy"));
        assertTrue(text(changed, "remedy").contains("net start MSExchangeIS"), text(changed, "remedy"));
        JsonNode added = drift.stream().filter(f -> text(f, "object").endsWith("ParametersPublic : Patch Marker"))
                .findFirst().orElseThrow();
        assertTrue(text(added, "detail").startsWith("value-only-live"), text(added, "detail"));
        assertEquals("absent", text(added, "expected"));
        JsonNode prc = r.failures("PRC-04").get(0);
        assertTrue(text(prc, "actual").startsWith("5.5.2650.21"), text(prc, "actual"));
        assertEquals(1, r.exit());
    }

    @Test
    void s2IsintegSeesTheNodeQ178311() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1");
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("PRC-02"), r.failing(), r.dump());
        JsonNode f = r.failures("PRC-02").get(0);
        assertEquals("EXVS01", text(f, "expected"));
        assertTrue(text(f, "actual").startsWith("NODE1 (the node name"), text(f, "actual"));
        assertTrue(text(f, "remedy").startsWith("`SET _CLUSTER_NETWORK_NAME_=EXVS01`"), text(f, "remedy"));
        assertTrue(text(f, "expectedSource").contains("CLUSDB : Resources\\" + RestoreScenario.NETNAME
                + "\\Parameters : Name"), text(f, "expectedSource"));
    }

    @Test
    void s3MisspeltVariableQ280770() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME=EXVS01");
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("PRC-01"), r.failing(), r.dump());
        JsonNode f = r.failures("PRC-01").get(0);
        assertTrue(text(f, "actual").contains("missing trailing underscore"), text(f, "actual"));
        assertEquals("In the same command prompt type exactly `SET _CLUSTER_NETWORK_NAME_=EXVS01` and then "
                + "`isinteg -patch` (KB Q280770).", text(f, "remedy"));
        assertEquals("SKIPPED", text(r.of("PRC-02").get(0), "status"));
    }

    @Test
    void theVariableSetMachineWideIsReported() throws Exception {
        RestoreScenario typed = RestoreScenario.offlineBase().set("--env-line", "SETX _CLUSTER_NETWORK_NAME_ EXVS01 /M");
        ScenarioRun r = ScenarioRun.of(typed, dir);
        assertEquals(set("PRC-01"), r.failing(), r.dump());
        assertTrue(text(r.failures("PRC-01").get(0), "actual").contains("/M makes it a system variable"), r.dump());
    }

    @Test
    void theVariableLeftInTheSystemEnvironmentIsReported(@TempDir Path other) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz("Control\\Session Manager\\Environment", "_CLUSTER_NETWORK_NAME_", "EXVS01");
        ScenarioRun r = ScenarioRun.of(s, other);
        assertEquals(set("PRC-03"), r.failing(), r.dump());
        JsonNode f = r.failures("PRC-03").get(0);
        assertEquals("WARN", text(f, "severity"));
        assertTrue(text(f, "actualSource").contains("Session Manager\\Environment : _CLUSTER_NETWORK_NAME_ @0x"),
                text(f, "actualSource"));
    }

    @Test
    void s4RestoreInProgressInsideACheckpointedRootQ188674() throws Exception {
        RestoreScenario s = RestoreScenario.s4();
        ScenarioRun r = ScenarioRun.of(s, this.dir);
        assertEquals(set("CLU-08", "CLU-09"), r.failing(), r.dump());
        JsonNode vanish = r.failures("CLU-09").stream().filter(f -> text(f, "severity").equals("CRIT")).findFirst()
                .orElseThrow();
        assertEquals("SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS", text(vanish, "object"));
        assertTrue(text(vanish, "remedy").startsWith("Start DS from Services (`net start MSExchangeDS`)"),
                text(vanish, "remedy"));
        assertTrue(r.failures("CLU-08").stream().anyMatch(f -> text(f, "object").equals(
                "ControlSet001\\Services\\MSExchangeDS\\Restore in Progress") && text(f, "detail")
                .startsWith("key-only-live")), r.dump());
    }

    @Test
    void s5OnlineRestoreWithAWrongRestoreMapQ262041() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(), List.of(
                new String[] {"G:\\exchsrvr\\MDBDATA\\PRIV.EDB", Long.toString(RestoreScenario.PRIV_SIGNATURE)},
                new String[] {"G:\\exchsrvr\\MDBDATA\\PUB.EDB", Long.toString(RestoreScenario.PUB_SIGNATURE)})));
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("RIP-04"), r.failing(), r.dump());
        List<JsonNode> f = r.failures("RIP-04");
        assertEquals(2, f.size());
        assertEquals("G:\\exchsrvr\\MDBDATA\\PRIV.EDB", text(f.get(0), "expected"));
        assertEquals("D:\\exchsrvr\\MDBDATA\\PRIV.EDB", text(f.get(0), "actual"));
        assertTrue(text(f.get(0), "remedy").startsWith("Logs Edb00010.log, Edb00011.log, Edb00012.log refer to "
                + "G:\\exchsrvr\\MDBDATA\\PRIV.EDB"), text(f.get(0), "remedy"));
    }

    @Test
    void s6RollForwardWithAGapAndAForeignLogQ296787() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        List<String[]> attach = List.of(new String[] {"D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
            Long.toString(RestoreScenario.PRIV_SIGNATURE)}, new String[] {"E:\\exchsrvr\\MDBDATA\\PUB.EDB",
            Long.toString(RestoreScenario.PUB_SIGNATURE)});
        for (int g : new int[] {0x10, 0x11, 0x12, 0x14, 0x15}) {
            s.logs.add(new RestoreScenario.Log(String.format("Edb%05x.log", g), g, RestoreScenario.LOG_SIGNATURE,
                    attach));
        }
        s.logs.add(new RestoreScenario.Log("edb.log", 0x16, RestoreScenario.LOG_SIGNATURE, attach));
        s.logs.add(new RestoreScenario.Log("edb00009.log", 9, 0x0BADL, attach));
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("ESE-03", "ESE-05"), r.failing(), r.dump());
        assertTrue(text(r.failures("ESE-03").get(0), "object").endsWith("edb00009.log"), r.dump());
        JsonNode gap = r.failures("ESE-05").get(0);
        assertTrue(text(gap, "actual").startsWith("missing Edb00013.log; replay stops after generation 18"),
                text(gap, "actual"));
    }

    @Test
    void s7DirtyDatabaseInAnOfflineRestoreQ185577() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.get(0).state = 2;
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("ESE-01"), r.failing(), r.dump());
        JsonNode f = r.failures("ESE-01").get(0);
        assertTrue(text(f, "object").endsWith("PRIV.EDB"), text(f, "object"));
        assertTrue(text(f, "actual").startsWith("Dirty Shutdown (2)"), text(f, "actual"));
        assertTrue(text(f, "remedy").startsWith("PRIV.EDB was copied while dirty"), text(f, "remedy"));
    }

    @Test
    void s8SelectCurrentPointsAtControlSet002() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        RegTree old = RestoreScenario.exchangeSet("NODE1");
        old.sz(PRIV, "DB Path", "C:\\exchsrvr\\MDBDATA\\PRIV.EDB").binary(PRIV, "Store GUID",
                RestoreScenario.guid(0x11));
        old.dword("Services\\MSExchangeIS", "Start", 4);
        s.controlSets.put(2, s.controlSets.get(1));
        s.controlSets.put(1, old);
        s.current = 2;
        s.defaultSet = 2;
        s.lastKnownGood = 1;
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals(set("IN-05"), r.failing(), r.dump());
        assertTrue(r.failures("IN-05").stream().anyMatch(f -> text(f, "object").equals(
                "ParametersPrivate : DB Path") || text(f, "object").endsWith("ParametersPrivate : DB Path")), r.dump());
        // REG and CLU-08 read ControlSet002 and pass
        assertEquals("PASS", text(r.of("CLU-08").get(0), "status"));
        assertTrue(r.of("REG-02").stream().allMatch(f -> text(f, "actualSource").contains("ControlSet002")), r.dump());
    }
}
