package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.NETNAME;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-04: on a cluster the node's own name (ComputerName of the SYSTEM hive) is never the Exchange name: not the
 * virtual server name, not SA {@code Server}, IS {@code This Server} or the MTA's cn=; and the node is one of the
 * cluster's {@code Nodes} (KB Q178311, Q238063). The base: node NODE1 (listed with NODE2), virtual server EXVS01.
 */
class Clu04NodeNameTest {
    private static final String SA = "Services\\MSExchangeSA\\Parameters";
    private static final String IS = "Services\\MSExchangeIS\\ParametersSystem";
    private static final String MTA = "Services\\MSExchangeMTA\\Parameters";
    private static final String COMPUTER_NAME = "Control\\ComputerName\\ComputerName";
    private static final String REMEDY = "Exchange values name the node NODE1; on a cluster they must name EXVS01. "
            + "This usually means Exchange was installed or restored against the node; restore to EXVS01.";

    @TempDir
    Path dir;

    private List<Finding> clu04(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_04);
    }

    private String vnameSource() {
        return valueSource(dir, CLUSDB, "Resources\\" + NETNAME + "\\Parameters", "Name");
    }

    private String nodeSource() {
        return valueSource(dir, SYSTEM, "ControlSet001\\" + COMPUTER_NAME, "ComputerName");
    }

    @Test
    void passesANodeThatNamesNothingOfExchange() throws Exception {
        Finding f = only(clu04(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("node name", f.object());
        assertEquals("not used as the Exchange name", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("node NODE1, virtual server EXVS01", f.actual());
        assertEquals(nodeSource(), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsANetworkNameThatIsTheNodeName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + NETNAME + "\\Parameters", "Name", "node1");
        Finding f = only(clu04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("virtual server name", f.object());
        assertEquals("a name other than the node NODE1", f.expected());
        assertEquals(nodeSource(), f.expectedSource().toString());
        assertEquals("node1", f.actual());
        assertEquals(vnameSource(), f.actualSource().toString());
        assertEquals("The Exchange group's Network Name is the node name NODE1: in Cluster Administrator > Exchange "
                + "group > Network Name > Parameters the Name must be the Exchange virtual server name, not a node's.",
                f.remedy());
    }

    @Test
    void failsANodeThatTheClusterDoesNotList() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(COMPUTER_NAME, "ComputerName", "NODE3");
        Finding f = only(clu04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("cluster nodes", f.object());
        assertEquals("NODE3 listed under Nodes", f.expected());
        assertEquals(nodeSource(), f.expectedSource().toString());
        assertEquals("[NODE1, NODE2]", f.actual());
        assertEquals(CLUSDB + " : Nodes", f.actualSource().toString());
        assertEquals("The SYSTEM hive is from NODE3, which this cluster hive does not list: copy the SYSTEM hive of a "
                + "node of this cluster.", f.remedy());
    }

    @Test
    void findsTheNodeAmongTheNodesIgnoringCase() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(COMPUTER_NAME, "ComputerName", "node1");
        Finding f = only(clu04(s));
        assertEquals(Status.PASS, f.status());
        assertEquals("node node1, virtual server EXVS01", f.actual());
    }

    @Test
    void doesNotAskForTheNodeInAClusterHiveWithoutNodes() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(COMPUTER_NAME, "ComputerName", "NODE3");
        s.cluster.removeKey("Nodes");
        assertEquals(Status.PASS, only(clu04(s)).status());
    }

    @Test
    void failsTheSystemAttendantInstalledAsTheNode() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(SA, "Server", "NODE1");
        Finding f = only(clu04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("ControlSet001\\" + SA + " : Server", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("NODE1 (the node)", f.actual());
        assertEquals(valueSource(dir, SYSTEM, "ControlSet001\\" + SA, "Server"), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void failsTheInformationStoreInstalledAsTheNodeIgnoringCase() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(IS, "This Server", "node1");
        Finding f = only(clu04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("ControlSet001\\" + IS + " : This Server", f.object());
        assertEquals("NODE1 (the node)", f.actual());
        assertEquals(valueSource(dir, SYSTEM, "ControlSet001\\" + IS, "This Server"), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void failsAnMtaDnNamingTheNode() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(MTA, "X500 DN", "/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=Node1/cn=Microsoft MTA");
        Finding f = only(clu04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("X500 DN cn=", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("NODE1 (the node)", f.actual());
        assertEquals(valueSource(dir, SYSTEM, "ControlSet001\\" + MTA, "X500 DN"), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void ignoresAnMtaDnWithoutAServer() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(MTA, "X500 DN", "/o=Contoso/ou=HQ/cn=NODE1");
        assertEquals(Status.PASS, only(clu04(s)).status());
    }

    @Test
    void reportsEveryValueThatNamesTheNode() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(SA, "Server", "NODE1").sz(IS, "This Server", "NODE1")
                .sz(MTA, "X500 DN", "/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=NODE1/cn=Microsoft MTA");
        assertEquals(List.of("ControlSet001\\" + SA + " : Server", "ControlSet001\\" + IS + " : This Server",
                "X500 DN cn="), clu04(s).stream().map(Finding::object).toList());
    }

    @Test
    void isSkippedWithoutTheVirtualServerName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + NETNAME + "\\Parameters", "Name");
        Finding f = only(clu04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("virtual server name unknown", f.detail());
    }

    @Test
    void isSkippedWithoutTheComputerName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(COMPUTER_NAME, "ComputerName");
        Finding f = only(clu04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("node name unknown (no ComputerName in the SYSTEM hive)", f.detail());
    }

    @Test
    void isSkippedWithoutTheSystemHive() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(SYSTEM))).of(Rule.CLU_04));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("node name unknown (no SYSTEM hive)", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu04(RestoreScenario.standaloneOffline()));
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
