package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PRC-01: before isinteg -patch on a cluster after an offline restore, the operator types
 * {@code SET _CLUSTER_NETWORK_NAME_=<VNAME>} in the same prompt. The line, after any spaces before it, must be SET (any case), the
 * exact variable name with both underscores (KB Q280770: without the trailing one isinteg "succeeds" and the
 * store still asks for the patch), no space before '=', a value without quotes or surrounding spaces; a
 * lower- or mixed-case name works (Windows ignores the case) but is not what KB Q178311 says to type (WARN).
 * The evidence (the offline base of a two-node cluster, virtual server EXVS01) is written once; each case is
 * another typed line.
 */
class Prc01SetLineSpellingTest {
    private static final String EXACT = "SET _CLUSTER_NETWORK_NAME_=EXVS01";
    private static final String REMEDY = "In the same command prompt type exactly `SET _CLUSTER_NETWORK_NAME_=EXVS01` "
            + "and then `isinteg -patch` (KB Q280770).";

    @TempDir
    static Path dir;
    private static StoreEvidence.Written cluster;

    @BeforeAll
    static void writeEvidence() throws Exception {
        cluster = new StoreEvidence.Written(RestoreScenario.offlineBase(), dir.resolve("cluster"));
    }

    private static Finding prc01(StoreEvidence.Written evidence, RestoreScenario facts) {
        List<Finding> f = evidence.run(facts).of(Rule.PRC_01);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    private static Finding typed(String line) {
        return prc01(cluster, RestoreScenario.offlineBase().set("--env-line", line));
    }

    @Test
    void passesTheExactLine() {
        Finding f = typed(EXACT);
        assertEquals(Status.PASS, f.status());
        assertEquals("--env-line", f.object());
        assertEquals("SET _CLUSTER_NETWORK_NAME_=<value>", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals(EXACT, f.actual());
        assertEquals("(command line) : --env-line", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"set _CLUSTER_NETWORK_NAME_=EXVS01", "  SET   _CLUSTER_NETWORK_NAME_=EXVS01"})
    void passesSetInAnyCaseAndSpacesBeforeIt(String line) {
        assertEquals(Status.PASS, typed(line).status());
    }

    static Stream<Arguments> misspelt() {
        return Stream.of(
                Arguments.of("SET _CLUSTER_NETWORK_NAME=EXVS01", "missing trailing underscore (_CLUSTER_NETWORK_NAME)"),
                Arguments.of("SET CLUSTER_NETWORK_NAME_=EXVS01", "missing leading underscore (CLUSTER_NETWORK_NAME_)"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_ =EXVS01",
                        "space before '=' (it becomes part of the variable name)"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_\t=EXVS01",
                        "space before '=' (it becomes part of the variable name)"),
                Arguments.of("SET CLUSTERNAME=EXVS01", "the variable is CLUSTERNAME, not _CLUSTER_NETWORK_NAME_"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_", "no '=' in the line"),
                Arguments.of("SET =EXVS01", "no variable name before '='"),
                Arguments.of("_CLUSTER_NETWORK_NAME_=EXVS01", "the line does not start with SET"),
                Arguments.of("SETX _CLUSTER_NETWORK_NAME_ EXVS01",
                        "SETX stores the variable permanently; type SET in the prompt that runs isinteg"),
                Arguments.of("setx _CLUSTER_NETWORK_NAME_ EXVS01 /m", "SETX stores the variable permanently and /M "
                        + "makes it a system variable for every process on the node; type SET in the prompt that runs "
                        + "isinteg"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_=", "empty value"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_=\"EXVS01\"", "quotes around the value (they become part of it)"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_=\"EXVS01", "quotes around the value (they become part of it)"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_=EXVS01\"", "quotes around the value (they become part of it)"),
                Arguments.of("SET _CLUSTER_NETWORK_NAME_= EXVS01", "spaces around the value (they become part of it)"),
                // cmd keeps the spaces after the value: isinteg would see "EXVS01 "
                Arguments.of("SET _CLUSTER_NETWORK_NAME_=EXVS01 ", "spaces around the value (they become part of it)"),
                Arguments.of("  SET _CLUSTER_NETWORK_NAME_=EXVS01\t", "spaces around the value (they become part of it)"));
    }

    @ParameterizedTest
    @MethodSource("misspelt")
    void failsAMisspeltLineNamingTheDefectQ280770(String line, String defect) {
        Finding f = typed(line);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("--env-line", f.object());
        assertEquals(EXACT, f.expected());
        assertEquals(StoreEvidence.virtualServerSource(dir.resolve("cluster")), f.expectedSource().toString());
        assertEquals(line + "  (" + defect + ")", f.actual());
        assertEquals("(command line) : --env-line", f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET _cluster_network_name_=EXVS01", "SET _Cluster_Network_Name_=EXVS01"})
    void warnsOfAVariableNameNotInUpperCase(String line) {
        Finding f = typed(line);
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(EXACT, f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals(line, f.actual());
        assertEquals("(command line) : --env-line", f.actualSource().toString());
        assertEquals("Type the variable name in upper case as KB Q178311 instructs (Windows ignores the case).",
                f.remedy());
    }

    @Test
    void fillsNoVirtualServerNameThatTheEvidenceDoesNotGive() throws Exception {
        // a cluster node (ClusSvc installed) whose cluster hive was not copied
        StoreEvidence.Written noClusdb = new StoreEvidence.Written(RestoreScenario.offlineBase(),
                dir.resolve("no-clusdb"), StoreEvidence.delete(StoreEvidence.CLUSDB));
        Finding f = prc01(noClusdb, RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME=X"));
        assertEquals(Status.FAIL, f.status());
        assertEquals("SET _CLUSTER_NETWORK_NAME_=<VNAME>", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals(Rule.PRC_01.remedy(), f.remedy());
    }

    @Test
    void isSkippedWithoutAnEnvLine() {
        Finding f = prc01(cluster, RestoreScenario.offlineBase().unset("--env-line"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--env-line not given (IN-06)", f.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", " NONE "})
    void isSkippedForNoLineTyped(String none) {
        Finding f = typed(none);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--env-line none: no line to check (PRC-02 reports it)", f.detail());
    }

    @Test
    void doesNotApplyAfterAnOnlineRestore() {
        Finding f = prc01(cluster, RestoreScenario.offlineBase().set("--restore-type", "online")
                .set("--env-line", "SET _CLUSTER_NETWORK_NAME=EXVS01"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: online restore: isinteg -patch is not run (RIP-07)", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        StoreEvidence.Written standalone = new StoreEvidence.Written(RestoreScenario.standaloneOffline(),
                dir.resolve("standalone"));
        Finding f = prc01(standalone, RestoreScenario.standaloneOffline().set("--env-line", "SET X=SRV01"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: stand-alone server: isinteg sees the right name without the variable",
                f.detail());
    }

    /**
     * A crafted Network Name (CLUSDB) never reaches the line to type, neither the expected line nor the remedy's:
     * the placeholder, and the remedy says why.
     */
    @Test
    void aNameACommandPromptWouldActOnIsLeftOutOfTheLineToType() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "E&calc");
        Finding f = prc01(new StoreEvidence.Written(s, dir.resolve("crafted")),
                RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME =E&calc"));
        assertEquals(Status.FAIL, f.status());
        String line = "SET _CLUSTER_NETWORK_NAME_=<the Name of the Exchange group's Network Name resource>";
        assertEquals(line, f.expected());
        assertEquals("In the same command prompt type exactly `" + line + "` and then `isinteg -patch` (KB Q280770). "
                + "The Exchange virtual server's name in the cluster hive, \"E&calc\", is left out of the command: it "
                + "holds a character a command prompt would act on (U+0026).", f.remedy());
    }
}
