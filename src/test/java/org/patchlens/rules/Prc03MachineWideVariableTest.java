package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.StoreEvidence.SYSTEM;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.hive.Hive;

/**
 * PRC-03: {@code _CLUSTER_NETWORK_NAME_} belongs in the prompt that runs isinteg only; set for the whole machine
 * (a value of {@code Control\Session Manager\Environment} in the current control set) every process on the node
 * inherits it, after failover too (exchange-restore.md 4.4, inferred from KB Q178311). Misspellings of the name
 * count as well. The base SYSTEM hive's Environment holds Path and TEMP only.
 */
class Prc03MachineWideVariableTest {
    private static final String ENV = "Control\\Session Manager\\Environment";
    private static final String ENV_KEY = "ControlSet001\\" + ENV;

    @TempDir
    Path dir;

    private Finding prc03(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        List<Finding> f = StoreEvidence.run(s, dir, edits).of(Rule.PRC_03);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    /** The offset of the Environment key, or of one of its values, in the written SYSTEM hive. */
    private long offset(String valueName) {
        try (Hive h = Hive.open(dir.resolve(SYSTEM))) {
            var k = h.key(ENV_KEY);
            return valueName == null ? k.fileOffset() : k.value(valueName).fileOffset();
        }
    }

    @Test
    void passesAnEnvironmentWithoutTheVariable() throws Exception {
        Finding f = prc03(RestoreScenario.offlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals(ENV_KEY, f.object());
        assertEquals("no _CLUSTER_NETWORK_NAME_", f.expected());
        assertEquals("absent", f.actual());
        assertEquals(StoreEvidence.source(SYSTEM, ENV_KEY, offset(null)), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsTheVariableSetForTheWholeMachine() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(ENV, "_CLUSTER_NETWORK_NAME_", "EXVS01");
        Finding f = prc03(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(ENV_KEY + " : _CLUSTER_NETWORK_NAME_", f.object());
        assertEquals("absent (set only in the prompt)", f.expected());
        assertEquals("REG_SZ \"EXVS01\"", f.actual());
        assertEquals(StoreEvidence.source(SYSTEM, ENV_KEY + " : _CLUSTER_NETWORK_NAME_",
                offset("_CLUSTER_NETWORK_NAME_")), f.actualSource().toString());
        assertEquals(Rule.PRC_03.remedy(), f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"_cluster_network_name", "CLUSTER NETWORK NAME", "ClusterNetworkName"})
    void failsAMisspeltVariableSetForTheWholeMachine(String name) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(ENV, name, "EXVS01");
        Finding f = prc03(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals(ENV_KEY + " : " + name, f.object());
    }

    @Test
    void passesAControlSetWithoutAnEnvironmentKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(ENV);
        Finding f = prc03(s);
        assertEquals(Status.PASS, f.status());
        assertEquals("Session Manager\\Environment", f.object());
        assertEquals("no Environment key", f.actual());
        assertEquals("", f.actualSource().toString());
    }

    @Test
    void isSkippedWithoutASystemHive() throws Exception {
        Finding f = prc03(RestoreScenario.offlineBase(), StoreEvidence.delete(SYSTEM));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no SYSTEM hive", f.detail());
    }

    @Test
    void isSkippedWhenSelectCurrentNamesNoControlSet() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.current = 5;
        Finding f = prc03(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the SYSTEM hive has no control set that Select\\Current names (IN-04)", f.detail());
    }
}
