package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PRC-02: the value typed for {@code _CLUSTER_NETWORK_NAME_} must be the Exchange virtual server, the Name of the
 * Exchange group's Network Name resource (EXVS01 in the scenarios; Windows compares names case-insensitively).
 * The node's own name, an IP address, another name or no line at all make isinteg -patch fail with
 * JET_errKeyDuplicate (KB Q178311). When the command or the variable name is wrong the value never reaches
 * isinteg (PRC-01 reports it); a quoted or spaced value does, with its quotes or spaces. The evidence is
 * written once per kind; each case is another typed line.
 */
class Prc02SetLineValueTest {
    private static final String REMEDY = "`SET _CLUSTER_NETWORK_NAME_=EXVS01` - the Name on the Parameters tab of the "
            + "Exchange group's Network Name resource - then `isinteg -patch` (KB Q178311).";

    @TempDir
    static Path dir;
    private static StoreEvidence.Written cluster;

    @BeforeAll
    static void writeEvidence() throws Exception {
        cluster = new StoreEvidence.Written(RestoreScenario.offlineBase(), dir.resolve("cluster"));
    }

    private static Finding prc02(StoreEvidence.Written evidence, RestoreScenario facts) {
        List<Finding> f = evidence.run(facts).of(Rule.PRC_02);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    private static Finding typed(String value) {
        return prc02(cluster, RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME_=" + value));
    }

    private static void assertFails(Finding f, String actual) {
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("_CLUSTER_NETWORK_NAME_", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(StoreEvidence.virtualServerSource(dir.resolve("cluster")), f.expectedSource().toString());
        assertEquals(actual, f.actual());
        assertEquals("(command line) : --env-line", f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void passesTheVirtualServerName() {
        Finding f = typed("EXVS01");
        assertEquals(Status.PASS, f.status());
        assertEquals("_CLUSTER_NETWORK_NAME_", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(StoreEvidence.virtualServerSource(dir.resolve("cluster")), f.expectedSource().toString());
        assertEquals("EXVS01", f.actual());
        assertEquals("(command line) : --env-line", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void passesTheVirtualServerNameInAnotherCase() {
        Finding f = typed("exvs01");
        assertEquals(Status.PASS, f.status());
        assertEquals("exvs01", f.actual());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NODE1", "node1"})
    void failsTheNodeNameQ178311(String node) {
        assertFails(typed(node), node + " (the node name: isinteg fails with JET_errKeyDuplicate, KB Q178311)");
    }

    @Test
    void failsAnIpAddress() {
        assertFails(typed("10.0.0.50"), "10.0.0.50 (an IP address)");
    }

    @Test
    void failsAnotherName() {
        // e.g. the cluster's own administrative name, not the Exchange group's network name
        assertFails(typed("CLUSTER1"), "CLUSTER1");
    }

    @Test
    void failsAQuotedValueThatReachesIsintegWithItsQuotes() {
        assertFails(typed("\"EXVS01\""), "\"EXVS01\" (quotes around the value (they become part of it))");
    }

    @Test
    void failsAValueWithTrailingSpacesThatReachIsinteg() {
        // cmd's SET keeps them: isinteg sees "EXVS01 ", not the virtual server
        assertFails(typed("EXVS01 "), "EXVS01  (spaces around the value (they become part of it))");
    }

    @Test
    void failsNoLineTyped() {
        assertFails(prc02(cluster, RestoreScenario.offlineBase().set("--env-line", "none")),
                "not set: isinteg will see NODE1 (JET_errKeyDuplicate)");
    }

    @Test
    void failsNoLineTypedWithoutKnowingTheNodeName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey("Control\\ComputerName");
        StoreEvidence.Written noNode = new StoreEvidence.Written(s, dir.resolve("no-node"));
        Finding f = prc02(noNode, RestoreScenario.offlineBase().set("--env-line", "none"));
        assertEquals(Status.FAIL, f.status());
        assertEquals("not set: isinteg will see the node name (JET_errKeyDuplicate)", f.actual());
        Finding node = prc02(noNode, RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1"));
        assertEquals("NODE1", node.actual(), "not known to be the node's name");
    }

    @Test
    void isSkippedWhenTheVariableNameIsMisspeltQ280770() {
        Finding f = prc02(cluster, RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME=NODE1"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("PRC-01 failed on the command or the variable name: the value never reaches isinteg", f.detail());
    }

    @Test
    void isSkippedWithoutTheVirtualServerName() throws Exception {
        StoreEvidence.Written noClusdb = new StoreEvidence.Written(RestoreScenario.offlineBase(),
                dir.resolve("no-clusdb"), StoreEvidence.delete(StoreEvidence.CLUSDB));
        Finding f = prc02(noClusdb, RestoreScenario.offlineBase());
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("virtual server name unknown (no usable cluster hive)", f.detail());
    }

    @Test
    void isSkippedWithoutAnEnvLine() {
        Finding f = prc02(cluster, RestoreScenario.offlineBase().unset("--env-line"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--env-line not given (IN-06)", f.detail());
    }

    /** The evidence of {@code dir} with the Network Name's Name (CLUSDB) set to {@code name}. */
    private static StoreEvidence.Written named(String name, String dir) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", name);
        return new StoreEvidence.Written(s, Prc02SetLineValueTest.dir.resolve(dir));
    }

    /** The back-quoted segments of a remedy: what the report shows as lines to type. */
    private static java.util.List<String> commands(String remedy) {
        return java.util.regex.Pattern.compile("`([^`]*)`").matcher(remedy).results().map(m -> m.group(1)).toList();
    }

    /**
     * A crafted Network Name never reaches the SET line: typed in cmd.exe, {@code SET _CLUSTER_NETWORK_NAME_=E&calc}
     * would also run calc, and an ESC would drive the terminal. The line holds the runbook's placeholder; the
     * remedy names the value as data, escaped and in quotes, and says why.
     */
    @ParameterizedTest
    @ValueSource(strings = {"E&calc", "EXVS01\u001b[31m\u0007", "EX`net start x`VS", "EX\"VS"})
    void aNameACommandPromptWouldActOnIsLeftOutOfTheSetLine(String name) throws Exception {
        Finding f = prc02(named(name, "named-" + Integer.toHexString(name.hashCode())),
                RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1"));
        assertEquals(Status.FAIL, f.status());
        assertEquals(name, f.expected(), "the finding still says what the cluster hive holds");
        assertEquals(java.util.List.of("SET _CLUSTER_NETWORK_NAME_=<the Name of the Exchange group's Network Name "
                + "resource>", "isinteg -patch"), commands(f.remedy()), f.remedy());
        assertTrue(f.remedy().contains("is left out of the command"), f.remedy());
        assertFalse(f.remedy().contains("\u001b"), "the value is escaped where the remedy names it: " + f.remedy());
    }

    @Test
    void theRemedyNamesTheLeftOutValueInQuotesAndSaysWhy() throws Exception {
        Finding f = prc02(named("E&calc", "named-amp"),
                RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1"));
        assertEquals("`SET _CLUSTER_NETWORK_NAME_=<the Name of the Exchange group's Network Name resource>` - the "
                + "Name on the Parameters tab of the Exchange group's Network Name resource - then `isinteg -patch` "
                + "(KB Q178311). The Exchange virtual server's name in the cluster hive, \"E&calc\", is left out of "
                + "the command: it holds a character a command prompt would act on (U+0026).", f.remedy());
    }

    @Test
    void beforeTheRestoreTheLineToTypeHoldsNoCraftedName() throws Exception {
        RestoreScenario s = BeforeRestoreDemo.scenario().unset("--env-line"); // not typed yet: a step of the plan
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "E&calc");
        java.util.List<Finding> fs = EngineRun.before(s, dir.resolve("before-amp")).of(Rule.PRC_02);
        assertEquals(1, fs.size(), fs.toString());
        assertEquals(Status.WARN, fs.get(0).status());
        assertEquals(java.util.List.of("SET _CLUSTER_NETWORK_NAME_=<the Name of the Exchange group's Network Name "
                + "resource>", "isinteg -patch"), commands(fs.get(0).remedy()), fs.get(0).remedy());
    }

    @Test
    void doesNotApplyAfterAnOnlineRestore() {
        Finding f = prc02(cluster, RestoreScenario.offlineBase().set("--restore-type", "online"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: online restore: isinteg -patch is not run (RIP-07)", f.detail());
    }
}
