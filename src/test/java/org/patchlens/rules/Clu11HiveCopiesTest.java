package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.IP;
import static org.patchlens.rules.RestoreScenario.IS;
import static org.patchlens.rules.RestoreScenario.MTA;
import static org.patchlens.rules.RestoreScenario.NETNAME;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.only;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-11: the cluster hive copies (the node's CLUSDB, quorum chk*.tmp snapshots) agree on the Exchange facts: group
 * members, virtual server name, IP address and each Exchange resource's GUID, type, dependencies, possible owners
 * and RegSync list (KB Q217147: the copies can disagree, the cluster forms from the newest). Expected is the newest
 * copy (root key written last), the one the other rules read. The base CLUSDB's root is written 2001-06-15 12:00.
 */
class Clu11HiveCopiesTest {
    private static final Instant OLDER = Instant.parse("2001-06-14T00:00:00Z");
    private static final Instant NEWER = Instant.parse("2001-06-16T00:00:00Z");
    private static final String SNAPSHOT = "Q/MSCS/chk0000A.tmp";

    @TempDir
    Path dir;

    /** The findings of CLU-11 with the base CLUSDB and a snapshot: the base cluster changed by {@code edit}. */
    private List<Finding> withSnapshot(Instant written, Consumer<RegTree> edit) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        RegTree snapshot = s.cluster.copy();
        edit.accept(snapshot);
        return RipCluEvidence.run(s, dir, d -> RipCluEvidence.writeClusterCopy(d, snapshot, written, SNAPSHOT))
                .of(Rule.CLU_11);
    }

    private static String remedy(String items, String file) {
        return "The node CLUSDB and the quorum snapshot differ on " + items + "; the cluster forms from the newest "
                + "chk*.tmp plus quolog.log (KB Q217147). Analyse with the copy the cluster will use: " + file + ".";
    }

    @Test
    void passesTwoCopiesThatAgree() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> { }));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("cluster hive copies", f.object());
        assertEquals("the same Exchange facts", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("2 copies agree", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAnOlderSnapshotWithAnotherVirtualServerName() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> t.sz("Resources\\" + NETNAME + "\\Parameters", "Name", "EXVS00")));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("virtual server name", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(CLUSDB + " : virtual server name", f.expectedSource().toString());
        assertEquals("EXVS00", f.actual());
        assertEquals(SNAPSHOT + " : virtual server name", f.actualSource().toString());
        assertEquals(remedy("virtual server name", CLUSDB), f.remedy());
    }

    @Test
    void takesTheNewestCopyAsTheOneTheClusterUses() throws Exception {
        Finding f = only(withSnapshot(NEWER, t -> t.sz("Resources\\" + NETNAME + "\\Parameters", "Name", "EXVS02")));
        assertEquals("EXVS02", f.expected());
        assertEquals(SNAPSHOT + " : virtual server name", f.expectedSource().toString());
        assertEquals("EXVS01", f.actual());
        assertEquals(CLUSDB + " : virtual server name", f.actualSource().toString());
        assertEquals(remedy("virtual server name", SNAPSHOT), f.remedy());
    }

    @Test
    void failsAnotherIpAddress() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> t.sz("Resources\\" + IP + "\\Parameters", "Address", "10.0.0.51")));
        assertEquals("IP Address", f.object());
        assertEquals("10.0.0.50/255.255.255.0", f.expected());
        assertEquals("10.0.0.51/255.255.255.0", f.actual());
    }

    @Test
    void findsTheIpAddressAfterOtherMembersOfTheGroup() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Groups\\" + RestoreScenario.GROUP, "Contains", NETNAME, RestoreScenario.DISK, IP,
                RestoreScenario.SA, RestoreScenario.DS, IS, MTA);
        RegTree snapshot = s.cluster.copy();
        snapshot.sz("Resources\\" + IP + "\\Parameters", "Address", "10.0.0.51");
        Finding f = only(RipCluEvidence.run(s, dir, d -> RipCluEvidence.writeClusterCopy(d, snapshot, OLDER,
                SNAPSHOT)).of(Rule.CLU_11));
        assertEquals("IP Address", f.object());
        assertEquals("10.0.0.50/255.255.255.0", f.expected());
        assertEquals("10.0.0.51/255.255.255.0", f.actual());
    }

    @Test
    void failsOtherPossibleOwnersOfAService() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> t.multiSz("Resources\\" + IS, "PossibleOwners", "1")));
        assertEquals("resource MSExchangeIS PossibleOwners", f.object());
        assertEquals("[1, 2]", f.expected());
        assertEquals("[1]", f.actual());
    }

    @Test
    void failsOtherDependenciesOfAService() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> t.multiSz("Resources\\" + MTA, "DependsOn", IS)));
        assertEquals("resource MSExchangeMTA DependsOn", f.object());
        assertEquals("[" + RestoreScenario.SA + "]", f.expected());
        assertEquals("[" + IS + "]", f.actual());
    }

    @Test
    void failsAnotherRegSyncListOfAService() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> t.removeValue("Resources\\" + MTA + "\\RegSync", "00000002")));
        assertEquals("resource MSExchangeMTA RegSync", f.object());
        assertEquals("[00000001=SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters, "
                + "00000002=SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Diagnostics]", f.expected());
        assertEquals("[00000001=SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters]", f.actual());
    }

    @Test
    void failsATypeWrittenInAnotherCase() throws Exception {
        Finding f = only(withSnapshot(OLDER, t -> t.sz("Resources\\" + IS, "Type", "generic service")));
        assertEquals("resource MSExchangeIS Type", f.object());
        assertEquals("Generic Service", f.expected());
        assertEquals("generic service", f.actual());
    }

    @Test
    void failsEachFactOfAServiceWithoutItsResourceInTheSnapshot() throws Exception {
        List<Finding> f = withSnapshot(OLDER, t -> t.sz("Resources\\" + IS, "Type", "Generic Application"));
        assertEquals(List.of("resource MSExchangeIS GUID", "resource MSExchangeIS Type",
                "resource MSExchangeIS DependsOn", "resource MSExchangeIS PossibleOwners",
                "resource MSExchangeIS RegSync"), f.stream().map(Finding::object).toList());
        f.forEach(x -> assertEquals("(absent)", x.actual(), x.toString()));
        assertEquals(IS, f.get(0).expected());
    }

    @Test
    void failsAServiceResourceUnderAnotherGuid() throws Exception {
        String other = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0099";
        List<Finding> f = withSnapshot(OLDER, t -> {
            RegTree.Node mta = t.key("Resources\\" + MTA);
            mta.values.values().forEach(v -> t.put("Resources\\" + other, v.name(), v.type(), v.data()));
            t.sz("Resources\\" + other + "\\Parameters", "ServiceName", "MSExchangeMTA");
            t.removeKey("Resources\\" + MTA);
            t.multiSz("Groups\\" + RestoreScenario.GROUP, "Contains", IP, NETNAME, RestoreScenario.DISK,
                    RestoreScenario.SA, RestoreScenario.DS, IS, other);
        });
        Finding members = RipCluEvidence.withObject(f, "Exchange group members");
        assertEquals(Status.FAIL, members.status());
        Finding guid = RipCluEvidence.withObject(f, "resource MSExchangeMTA GUID");
        assertEquals(MTA, guid.expected());
        assertEquals(other, guid.actual());
    }

    @Test
    void failsAGroupWithoutAMember() throws Exception {
        Finding f = RipCluEvidence.withObject(withSnapshot(OLDER, t -> t.multiSz("Groups\\" + RestoreScenario.GROUP,
                "Contains", IP, NETNAME, RestoreScenario.DISK, RestoreScenario.SA, RestoreScenario.DS, IS)),
                "Exchange group members");
        // the member GUIDs sorted: IP ...0010, Network Name ...0011, disk ...0012, SA, DS, IS, MTA ...0020-0023
        assertEquals("[" + String.join(", ", IP, NETNAME, RestoreScenario.DISK, RestoreScenario.SA, RestoreScenario.DS,
                IS, MTA) + "]", f.expected());
        assertEquals("[" + String.join(", ", IP, NETNAME, RestoreScenario.DISK, RestoreScenario.SA, RestoreScenario.DS,
                IS) + "]", f.actual());
    }

    @Test
    void comparesEveryOtherCopyWithTheNewest() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        RegTree a = s.cluster.copy();
        a.sz("Resources\\" + NETNAME + "\\Parameters", "Name", "EXVS00");
        RegTree b = s.cluster.copy();
        b.sz("Resources\\" + IP + "\\Parameters", "Address", "10.0.0.51");
        List<Finding> f = RipCluEvidence.run(s, dir, d -> {
            RipCluEvidence.writeClusterCopy(d, a, OLDER, "Q/MSCS/chk0000A.tmp");
            RipCluEvidence.writeClusterCopy(d, b, OLDER, "NODE2/Cluster/CLUSDB");
        }).of(Rule.CLU_11);
        assertEquals(List.of("IP Address", "virtual server name"), f.stream().map(Finding::object).sorted().toList());
        assertEquals(List.of("NODE2/Cluster/CLUSDB : IP Address", "Q/MSCS/chk0000A.tmp : virtual server name"),
                f.stream().map(x -> x.actualSource().toString()).sorted().toList());
    }

    @Test
    void isSkippedWithOneCopy() throws Exception {
        Finding f = only(RestoreScenario.offlineBase(), dir, Rule.CLU_11);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("fewer than two cluster hive copies", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(RestoreScenario.standaloneOffline(), dir, Rule.CLU_11);
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
