package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.DISK;
import static org.patchlens.rules.RestoreScenario.DS;
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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-07: the Exchange resources depend on each other in the documented order: IS directly on SA (KB Q278464
 * step 10), DS and MTA on SA and SA on the Network Name, directly or through other resources (inferred, 4.1); no
 * dependency leaves the group and none forms a cycle. The base: IS, DS, MTA -> SA -> Network Name, disk.
 */
class Clu07DependenciesTest {
    private static final String OTHER_GROUP = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0002";
    private static final String OTHER_DISK = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0032";
    private static final String SA_NAME = "Microsoft Exchange System Attendant";
    private static final String IS_NAME = "Microsoft Exchange Information Store";

    @TempDir
    Path dir;

    private List<Finding> clu07(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_07);
    }

    private static RestoreScenario dependsOn(String guid, String... on) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Resources\\" + guid, "DependsOn", on);
        return s;
    }

    private String dependsOnSource(String guid) {
        return CLUSDB + " : Resources\\" + guid + " : DependsOn @0x"
                + hex(keyOffset(dir, CLUSDB, "Resources\\" + guid));
    }

    private static String remedy(String resource, String missing) {
        return "Cluster Administrator > " + resource + " > Dependencies: add " + missing + " (KB Q278464 step 10).";
    }

    @Test
    void passesTheDocumentedOrder() throws Exception {
        Finding f = only(clu07(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("dependencies", f.object());
        assertEquals("IS->SA, DS/MTA->SA, SA->Network Name", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("as documented", f.actual());
        assertEquals(CLUSDB + " : Resources", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAnInformationStoreOnTheSystemAttendantOnlyThroughTheDirectory() throws Exception {
        Finding f = only(clu07(dependsOn(IS, DS)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(IS_NAME + " : DependsOn", f.object());
        assertEquals(SA_NAME, f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("[Microsoft Exchange Directory]", f.actual());
        assertEquals(dependsOnSource(IS), f.actualSource().toString());
        assertEquals(remedy(IS_NAME, SA_NAME), f.remedy());
    }

    @Test
    void readsDependencyGuidsIgnoringCaseAndSpaces() throws Exception {
        assertEquals(Status.PASS, only(clu07(dependsOn(IS, " " + SA.toLowerCase(Locale.ROOT) + " "))).status());
    }

    @Test
    void passesTheDirectoryOnTheSystemAttendantThroughTheInformationStore() throws Exception {
        assertEquals(Status.PASS, only(clu07(dependsOn(DS, IS))).status());
    }

    @Test
    void failsADirectoryWithoutDependencies() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + DS, "DependsOn");
        Finding f = only(clu07(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("Microsoft Exchange Directory : DependsOn", f.object());
        assertEquals("(transitively) " + SA_NAME, f.expected());
        assertEquals("[]", f.actual());
        assertEquals(dependsOnSource(DS), f.actualSource().toString());
        assertEquals(remedy("Microsoft Exchange Directory", SA_NAME), f.remedy());
    }

    @Test
    void failsAnMtaOnTheDiskOnly() throws Exception {
        Finding f = only(clu07(dependsOn(MTA, DISK)));
        assertEquals("Microsoft Exchange Message Transfer Agent : DependsOn", f.object());
        assertEquals("(transitively) " + SA_NAME, f.expected());
        assertEquals("[Disk D: E: F:]", f.actual());
    }

    @Test
    void showsADependencyOnAnUnknownResourceByItsGuid() throws Exception {
        Finding f = only(clu07(dependsOn(MTA, OTHER_DISK)));
        assertEquals("[" + OTHER_DISK + "]", f.actual());
    }

    @Test
    void failsASystemAttendantNotOnTheNetworkName() throws Exception {
        Finding f = only(clu07(dependsOn(SA, DISK, IP)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(SA_NAME + " : DependsOn", f.object());
        assertEquals("(transitively) EXVS01 Network Name", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("[Disk D: E: F:, EXVS01 IP Address]", f.actual());
        assertEquals(dependsOnSource(SA), f.actualSource().toString());
        assertEquals(remedy(SA_NAME, "EXVS01 Network Name"), f.remedy());
    }

    @Test
    void passesASystemAttendantOnTheNetworkNameThroughTheDisk() throws Exception {
        RestoreScenario s = dependsOn(SA, DISK);
        s.cluster.multiSz("Resources\\" + DISK, "DependsOn", NETNAME);
        assertEquals(Status.PASS, only(clu07(s)).status());
    }

    @Test
    void doesNotAskForANetworkNameWithoutAName() throws Exception {
        RestoreScenario s = dependsOn(SA, DISK);
        s.cluster.removeValue("Resources\\" + NETNAME + "\\Parameters", "Name");
        assertEquals(Status.PASS, only(clu07(s)).status(), "CLU-05 reports the Network Name without a Name");
    }

    @Test
    void failsADependencyOnAResourceOfAnotherGroup() throws Exception {
        RestoreScenario s = dependsOn(MTA, SA, OTHER_DISK);
        s.cluster.sz("Resources\\" + OTHER_DISK, "Name", "Disk Q:").sz("Resources\\" + OTHER_DISK, "Type",
                "Physical Disk");
        s.cluster.sz("Groups\\" + OTHER_GROUP, "Name", "Cluster Group").multiSz("Groups\\" + OTHER_GROUP, "Contains",
                OTHER_DISK);
        Finding f = only(clu07(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("Microsoft Exchange Message Transfer Agent : DependsOn", f.object());
        assertEquals("resources of EXVS01 Group", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("Disk Q: (another group)", f.actual());
        assertEquals(dependsOnSource(MTA), f.actualSource().toString());
        assertEquals("Remove the dependency on Disk Q: or move it into the Exchange group.", f.remedy());
    }

    @Test
    void failsACycleThroughEachResourceOnIt() throws Exception {
        List<Finding> f = clu07(dependsOn(SA, NETNAME, DISK, IS));
        assertEquals(List.of(SA_NAME + " : DependsOn", IS_NAME + " : DependsOn"),
                f.stream().map(Finding::object).toList());
        Finding sa = f.get(0);
        assertEquals(Status.FAIL, sa.status());
        assertEquals("no cycle", sa.expected());
        assertEquals("a dependency cycle through " + SA_NAME, sa.actual());
        assertEquals(dependsOnSource(SA), sa.actualSource().toString());
        assertEquals("Break the dependency cycle in Cluster Administrator.", sa.remedy());
        assertEquals("a dependency cycle through " + IS_NAME, f.get(1).actual());
    }

    @Test
    void isSkippedWithoutTheExchangeGroupOfClu01() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeKey("Resources\\" + SA);
        Finding f = only(clu07(s.takeCheckpoints()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("CLU-01 found no Exchange group", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu07(RestoreScenario.standaloneOffline()));
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
