package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.DISK;
import static org.patchlens.rules.RestoreScenario.DS;
import static org.patchlens.rules.RestoreScenario.GROUP;
import static org.patchlens.rules.RestoreScenario.IP;
import static org.patchlens.rules.RestoreScenario.IS;
import static org.patchlens.rules.RestoreScenario.MTA;
import static org.patchlens.rules.RestoreScenario.NETNAME;
import static org.patchlens.rules.RestoreScenario.SA;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.hex;
import static org.patchlens.rules.RipCluEvidence.keyOffset;
import static org.patchlens.rules.RipCluEvidence.only;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-05: the Exchange group has exactly one Network Name resource whose {@code Parameters\Name} has 1 to 15
 * characters (a NetBIOS name) and which depends on an IP Address resource of the same group with Address and
 * SubnetMask (exchange-restore.md 4.1, 10.4; KB Q178311). The base: "EXVS01 Network Name" = EXVS01 on
 * "EXVS01 IP Address" 10.0.0.50/255.255.255.0.
 */
class Clu05NetworkNameTest {
    private static final String OTHER_GROUP = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0002";
    private static final String OTHER_IP = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0030";
    private static final String SECOND_NAME = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0031";
    private static final String NN = "EXVS01 Network Name";
    private static final String REMEDY = "Exchange group lacks a usable network name; Cluster Administrator > "
            + "Exchange group > Network Name > Parameters must show the Exchange server name.";

    @TempDir
    Path dir;

    private List<Finding> clu05(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_05);
    }

    /** {@code CLUSDB : Resources\GUID : what @0x<the resource key>}, as the rule names a resource's parts. */
    private String resourceSource(String guid, String what) {
        return CLUSDB + " : Resources\\" + guid + " : " + what + " @0x"
                + hex(keyOffset(dir, CLUSDB, "Resources\\" + guid));
    }

    private String groupSource() {
        return CLUSDB + " : Groups\\" + GROUP + " : Contains @0x" + hex(keyOffset(dir, CLUSDB, "Groups\\" + GROUP));
    }

    private static RestoreScenario named(String name) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + NETNAME + "\\Parameters", "Name", name);
        return s;
    }

    @Test
    void passesOneNetworkNameOnAnIpAddress() throws Exception {
        Finding f = only(clu05(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(NN, f.object());
        assertEquals("Network Name with Name, on an IP Address", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("EXVS01 on 10.0.0.50/255.255.255.0", f.actual());
        assertEquals(resourceSource(NETNAME, "Parameters\\Name"), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAGroupWithoutANetworkName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Groups\\" + GROUP, "Contains", IP, DISK, SA, DS, IS, MTA);
        Finding f = only(clu05(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("Network Name resources of EXVS01 Group", f.object());
        assertEquals("exactly 1", f.expected());
        assertEquals(groupSource(), f.expectedSource().toString());
        assertEquals("0", f.actual());
        assertEquals(groupSource(), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void failsAGroupWithTwoNetworkNames() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + SECOND_NAME, "Name", "Second Name").sz("Resources\\" + SECOND_NAME, "Type",
                "Network Name").multiSz("Resources\\" + SECOND_NAME, "DependsOn", IP);
        s.cluster.multiSz("Groups\\" + GROUP, "Contains", IP, NETNAME, SECOND_NAME, DISK, SA, DS, IS, MTA);
        Finding f = only(clu05(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("exactly 1", f.expected());
        assertEquals("2", f.actual());
    }

    @Test
    void passesANameOfFifteenCharacters() throws Exception {
        Finding f = only(clu05(named("EXCHANGEVS00015")));
        assertEquals(Status.PASS, f.status());
        assertEquals("EXCHANGEVS00015 on 10.0.0.50/255.255.255.0", f.actual());
    }

    @Test
    void failsANameOfSixteenCharactersAboveTheNetbiosLimit() throws Exception {
        Finding f = only(clu05(named("EXCHANGEVS000016")));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(NN + " : Parameters\\Name", f.object());
        assertEquals("1 to 15 characters", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("\"EXCHANGEVS000016\"", f.actual());
        assertEquals(resourceSource(NETNAME, "Parameters\\Name"), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void passesANameOfOneCharacter() throws Exception {
        assertEquals(Status.PASS, only(clu05(named("X"))).status());
    }

    @Test
    void failsAnEmptyName() throws Exception {
        Finding f = only(clu05(named("")));
        assertEquals(Status.FAIL, f.status());
        assertEquals("\"\"", f.actual());
    }

    @Test
    void failsABlankName() throws Exception {
        assertEquals("\"  \"", only(clu05(named("  "))).actual());
    }

    @Test
    void failsAMissingName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + NETNAME + "\\Parameters", "Name");
        Finding f = only(clu05(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(NN + " : Parameters\\Name", f.object());
        assertEquals("missing", f.actual());
    }

    @Test
    void failsANetworkNameWithoutDependencies() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + NETNAME, "DependsOn");
        Finding f = only(clu05(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(NN + " : DependsOn", f.object());
        assertEquals("an IP Address resource of the group", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("[]", f.actual());
        assertEquals(resourceSource(NETNAME, "DependsOn"), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void failsANetworkNameOnADiskOnly() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Resources\\" + NETNAME, "DependsOn", DISK);
        Finding f = only(clu05(s));
        assertEquals(NN + " : DependsOn", f.object());
        assertEquals("[" + DISK + "]", f.actual());
    }

    @Test
    void failsANetworkNameOnAnIpAddressOfAnotherGroup() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + OTHER_IP, "Name", "Cluster IP Address").sz("Resources\\" + OTHER_IP, "Type",
                "IP Address").sz("Resources\\" + OTHER_IP + "\\Parameters", "Address", "10.0.0.10")
                .sz("Resources\\" + OTHER_IP + "\\Parameters", "SubnetMask", "255.255.255.0");
        s.cluster.sz("Groups\\" + OTHER_GROUP, "Name", "Cluster Group").multiSz("Groups\\" + OTHER_GROUP, "Contains",
                OTHER_IP);
        s.cluster.multiSz("Resources\\" + NETNAME, "DependsOn", OTHER_IP);
        Finding f = only(clu05(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(NN + " : DependsOn", f.object());
        assertEquals("[" + OTHER_IP + "]", f.actual());
    }

    @Test
    void failsANetworkNameOnAResourceTheClusterDoesNotHold() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Resources\\" + NETNAME, "DependsOn", OTHER_IP);
        assertEquals(NN + " : DependsOn", only(clu05(s)).object());
    }

    @Test
    void failsAnIpAddressWithoutItsAddress() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + IP + "\\Parameters", "Address");
        Finding f = only(clu05(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("EXVS01 IP Address : Parameters", f.object());
        assertEquals("Address and SubnetMask", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("[SubnetMask, Network]", f.actual());
        assertEquals(resourceSource(IP, "Parameters"), f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void failsAnIpAddressWithoutItsSubnetMask() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + IP + "\\Parameters", "SubnetMask");
        assertEquals("[Address, Network]", only(clu05(s)).actual());
    }

    @Test
    void reportsEachDefectOfTheNetworkName() throws Exception {
        RestoreScenario s = named("EXCHANGEVS000016");
        s.cluster.removeValue("Resources\\" + NETNAME, "DependsOn");
        assertEquals(List.of(NN + " : Parameters\\Name", NN + " : DependsOn"),
                clu05(s).stream().map(Finding::object).toList());
    }

    @Test
    void isSkippedWithoutTheExchangeGroupOfClu01() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeKey("Resources\\" + MTA);
        Finding f = only(clu05(s.takeCheckpoints()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("CLU-01 found no Exchange group", f.detail());
    }

    @Test
    void isSkippedWhenClu01FindsTheServicesSpreadOverGroups() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Groups\\" + GROUP, "Contains", IP, NETNAME, DISK, SA, DS, IS);
        s.cluster.sz("Groups\\" + OTHER_GROUP, "Name", "MTA Group").multiSz("Groups\\" + OTHER_GROUP, "Contains", MTA);
        assertEquals("CLU-01 found no Exchange group", only(clu05(s)).detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu05(RestoreScenario.standaloneOffline()));
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
