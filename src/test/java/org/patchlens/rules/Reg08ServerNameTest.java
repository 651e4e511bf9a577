package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REG-08 (exchange-restore.md 10.2, 2.4 and 2.8, KB Q238063, Q299676): SA {@code Server} and IS {@code This Server}
 * equal the virtual server name VNAME (the Exchange group's Network Name {@code Parameters\Name}) on a cluster, the
 * node name on a stand-alone server; {@code --expect-server}, if given, must equal it too. A case-only difference is
 * a WARN, any other a CRIT FAIL. SKIPPED when neither VNAME nor NODE is known.
 */
class Reg08ServerNameTest {
    private static final String SA_SERVER = "ControlSet001\\" + RegEvidence.SA + " : Server";
    private static final String THIS_SERVER = "ControlSet001\\" + RegEvidence.IS_SYSTEM + " : This Server";
    private static final String NETNAME_PARAMETERS = "Resources\\" + RestoreScenario.NETNAME + "\\Parameters";

    @TempDir
    Path dir;

    private List<Finding> reg08(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_08);
    }

    private String vnameSource() {
        return RegEvidence.valueSource(dir, RegEvidence.CLUSDB, NETNAME_PARAMETERS, "Name");
    }

    @Test
    void passesBothNamesEqualToTheVirtualServer() throws Exception {
        List<Finding> f = reg08(RestoreScenario.offlineBase());
        assertEquals(List.of(SA_SERVER, THIS_SERVER), f.stream().map(Finding::object).toList());
        for (Finding x : f) {
            assertEquals(Status.PASS, x.status());
            assertEquals(Severity.CRIT, x.severity());
            assertEquals("EXVS01", x.expected());
            assertEquals(vnameSource(), x.expectedSource().toString());
            assertEquals("EXVS01", x.actual());
            assertEquals("", x.remedy());
        }
        assertEquals(RegEvidence.systemValue(dir, 1, RegEvidence.SA, "Server"), f.get(0).actualSource().toString());
        assertEquals(RegEvidence.systemValue(dir, 1, RegEvidence.IS_SYSTEM, "This Server"),
                f.get(1).actualSource().toString());
    }

    @Test
    void failsANameThatIsTheNodeNotTheVirtualServer() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(RegEvidence.SA, "Server", "NODE1");
        List<Finding> f = reg08(s);
        assertEquals(Status.FAIL, f.get(0).status());
        assertEquals(Severity.CRIT, f.get(0).severity());
        assertEquals(SA_SERVER, f.get(0).object());
        assertEquals("EXVS01", f.get(0).expected());
        assertEquals(vnameSource(), f.get(0).expectedSource().toString());
        assertEquals("NODE1", f.get(0).actual());
        assertEquals("Exchange here is installed as NODE1; the cluster's Exchange virtual server is EXVS01. Restore "
                + "only to a server installed with the same name (KB Q238063); do not edit these values to rename a "
                + "server.", f.get(0).remedy());
        assertEquals(Status.PASS, f.get(1).status());
    }

    @Test
    void warnsANameThatDiffersInCaseOnly() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(RegEvidence.IS_SYSTEM, "This Server", "exvs01");
        Finding f = reg08(s).get(1);
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(THIS_SERVER, f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals("exvs01", f.actual());
        assertEquals("Names differ in case only; Exchange directory names are case-sensitive (KB Q299676).",
                f.remedy());
    }

    @Test
    void comparesWithTheNodeNameOnAStandAloneServer() throws Exception {
        RestoreScenario s = RestoreScenario.standaloneOffline();
        s.live().sz(RegEvidence.SA, "Server", "EXVS01");
        List<Finding> f = reg08(s);
        assertEquals(Status.FAIL, f.get(0).status());
        assertEquals("SRV01", f.get(0).expected());
        assertEquals(RegEvidence.systemValue(dir, 1, "Control\\ComputerName\\ComputerName", "ComputerName"),
                f.get(0).expectedSource().toString());
        assertEquals("Exchange here is installed as EXVS01; the server is SRV01. Restore only to a server installed "
                + "with the same name (KB Q238063); do not edit these values to rename a server.", f.get(0).remedy());
        assertEquals(Status.PASS, f.get(1).status());
    }

    @Test
    void failsAnExpectedServerThatIsNotThisClustersVirtualServer() throws Exception {
        List<Finding> f = reg08(RestoreScenario.offlineBase().set("--expect-server", "EXVS02"));
        assertEquals(3, f.size(), f.toString());
        Finding x = f.get(0);
        assertEquals(Status.FAIL, x.status());
        assertEquals(Severity.CRIT, x.severity());
        assertEquals("--expect-server", x.object());
        assertEquals("EXVS01", x.expected());
        assertEquals(vnameSource(), x.expectedSource().toString());
        assertEquals("EXVS02", x.actual());
        assertEquals("(command line) : --expect-server", x.actualSource().toString());
        assertEquals("The backup is from EXVS02; this cluster's Exchange virtual server is EXVS01. Restore only to a "
                + "server installed with the same name (KB Q238063).", x.remedy());
    }

    @Test
    void failsAnExpectedServerThatIsNotThisStandAloneServer() throws Exception {
        Finding x = reg08(RestoreScenario.standaloneOffline().set("--expect-server", "SRV02")).get(0);
        assertEquals(Status.FAIL, x.status());
        assertEquals("The backup is from SRV02; this server is SRV01. Restore only to a server installed with the "
                + "same name (KB Q238063).", x.remedy());
    }

    /** A blank --expect-server names nothing (IN-06 fails it); it was a CRIT FAIL "The backup is from ;". */
    @Test
    void takesABlankExpectedServerAsNotGiven() throws Exception {
        for (String blank : List.of("", " ")) {
            List<Finding> f = reg08(RestoreScenario.offlineBase().set("--expect-server", blank));
            assertEquals(List.of(SA_SERVER, THIS_SERVER), f.stream().map(Finding::object).toList());
            f.forEach(x -> assertEquals(Status.PASS, x.status(), x.object()));
        }
    }

    @Test
    void warnsAnExpectedServerThatDiffersInCaseOnly() throws Exception {
        List<Finding> f = reg08(RestoreScenario.offlineBase().set("--expect-server", "Exvs01"));
        assertEquals(3, f.size(), f.toString());
        Finding x = f.get(0);
        assertEquals(Status.WARN, x.status());
        assertEquals(Severity.WARN, x.severity());
        assertEquals("--expect-server", x.object());
        assertEquals("Exvs01", x.actual());
        assertEquals("Names differ in case only; Exchange directory names are case-sensitive (KB Q299676).",
                x.remedy());
    }

    @Test
    void usesTheVirtualServerOfAClusterHiveEvenWithoutClusSvc() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey("Services\\ClusSvc");
        Finding f = reg08(s).get(0);
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
    }

    @Test
    void isSkippedOnAClusterNodeWithoutItsClusterHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.CLUSDB))), Rule.REG_08);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the virtual server name is unknown (no usable cluster hive)", f.detail());
    }

    @Test
    void isSkippedOnAClusterWhoseExchangeGroupHasNoNetworkName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_08);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the virtual server name is unknown (no usable cluster hive)", f.detail());
    }

    @Test
    void isSkippedOnAStandAloneServerWithoutItsComputerName() throws Exception {
        RestoreScenario s = RestoreScenario.standaloneOffline();
        s.live().removeKey("Control\\ComputerName");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_08);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the node name is unknown", f.detail());
    }

    @Test
    void isSkippedWithoutEitherServerNameValue() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(RegEvidence.SA, "Server").removeValue(RegEvidence.IS_SYSTEM, "This Server");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_08);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no SA Server or IS This Server value", f.detail());
    }

    @Test
    void checksTheOneNameLeft() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(RegEvidence.SA, "Server");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_08);
        assertEquals(THIS_SERVER, f.object());
    }
}
