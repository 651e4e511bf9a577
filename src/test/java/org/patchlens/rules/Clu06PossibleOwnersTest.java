package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.rules.RestoreScenario.DISK;
import static org.patchlens.rules.RestoreScenario.IP;
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
 * CLU-06: every node of the cluster ({@code Nodes}, the evidence node among them) is a possible owner of each
 * Exchange Generic Service resource, the Network Name and the IP Address (inferred: a resource cannot come online
 * on a node missing from PossibleOwners). The base: nodes 1 and 2, owners "1", "2" everywhere.
 */
class Clu06PossibleOwnersTest {
    private static final String SA_NAME = "Microsoft Exchange System Attendant";

    @TempDir
    Path dir;

    private List<Finding> clu06(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_06);
    }

    private static RestoreScenario owners(String guid, String... ids) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Resources\\" + guid, "PossibleOwners", ids);
        return s;
    }

    @Test
    void passesEveryNodeOnEveryExchangeResource() throws Exception {
        Finding f = only(clu06(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("possible owners", f.object());
        assertEquals("every node on every Exchange resource", f.expected());
        assertEquals(CLUSDB + " : Nodes", f.expectedSource().toString());
        assertEquals("nodes [1, 2]", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAServiceResourceThatANodeCannotOwn() throws Exception {
        Finding f = only(clu06(owners(SA, "1")));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(SA_NAME + " : PossibleOwners", f.object());
        assertEquals("nodes [1, 2]", f.expected());
        assertEquals(CLUSDB + " : Nodes", f.expectedSource().toString());
        assertEquals("[1]", f.actual());
        assertEquals(CLUSDB + " : Resources\\" + SA + " : PossibleOwners @0x"
                + hex(keyOffset(dir, CLUSDB, "Resources\\" + SA)), f.actualSource().toString());
        assertEquals("cluster res \"" + SA_NAME + "\" /addowner:2 (or Cluster Administrator > resource > General > "
                + "Possible owners).", f.remedy());
    }

    @Test
    void namesEveryMissingNodeInTheRemedy() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + SA, "PossibleOwners");
        Finding f = only(clu06(s));
        assertEquals("[]", f.actual());
        assertEquals("cluster res \"" + SA_NAME + "\" /addowner:1,2 (or Cluster Administrator > resource > General > "
                + "Possible owners).", f.remedy());
    }

    @Test
    void failsTheNetworkNameThatANodeCannotOwn() throws Exception {
        assertEquals("EXVS01 Network Name : PossibleOwners", only(clu06(owners(NETNAME, "2"))).object());
    }

    @Test
    void failsTheIpAddressThatANodeCannotOwn() throws Exception {
        assertEquals("EXVS01 IP Address : PossibleOwners", only(clu06(owners(IP, "2"))).object());
    }

    @Test
    void leavesTheDiskOut() throws Exception {
        assertEquals(Status.PASS, only(clu06(owners(DISK, "1"))).status());
    }

    @Test
    void readsOwnerIdsWithSurroundingSpaces() throws Exception {
        assertEquals(Status.PASS, only(clu06(owners(SA, " 1 ", "2 "))).status());
    }

    @Test
    void asksForEveryListedNode() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Nodes\\3", "NodeName", "NODE3");
        List<Finding> f = clu06(s);
        assertEquals(List.of(SA_NAME + " : PossibleOwners", "Microsoft Exchange Directory : PossibleOwners",
                "Microsoft Exchange Information Store : PossibleOwners",
                "Microsoft Exchange Message Transfer Agent : PossibleOwners", "EXVS01 Network Name : PossibleOwners",
                "EXVS01 IP Address : PossibleOwners"), f.stream().map(Finding::object).toList());
        assertEquals("nodes [1, 2, 3]", f.get(0).expected());
    }

    @Test
    void isSkippedWhenTheClusterHiveListsNoNodes() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeKey("Nodes");
        Finding f = only(clu06(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the cluster hive lists no nodes", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu06(RestoreScenario.standaloneOffline()));
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }

    /** A crafted resource name (CLUSDB) never reaches {@code cluster res}: the remedy says why next to it. */
    @Test
    void aResourceNameACommandPromptWouldActOnIsLeftOutOfTheCommand() throws Exception {
        RestoreScenario s = owners(SA, "1");
        s.cluster.sz("Resources\\" + SA, "Name", "SA\" & calc & \"");
        Finding f = only(clu06(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("SA\" & calc & \" : PossibleOwners", f.object(), "the finding still names it, as data");
        assertTrue(f.remedy().startsWith("cluster res \"<the resource's name>\" /addowner:2 (or Cluster "
                + "Administrator"), f.remedy());
        assertTrue(f.remedy().endsWith(" The resource's name in the cluster hive, \"SA\\u0022 & calc & "
                + "\\u0022\", is left out of the command: it holds a character a command prompt would act on "
                + "(U+0022)."), f.remedy());
    }
}
