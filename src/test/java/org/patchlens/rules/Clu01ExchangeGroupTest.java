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
import static org.patchlens.rules.RipCluEvidence.keyOffset;
import static org.patchlens.rules.RipCluEvidence.only;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-01: the four core Exchange services (MSExchangeSA, DS, IS, MTA) each have a Generic Service resource, found
 * by {@code Parameters\ServiceName} (never by display name), and all four are in one group (KB Q238063). The base
 * cluster has them in "EXVS01 Group".
 */
class Clu01ExchangeGroupTest {
    private static final String OTHER_GROUP = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0002";
    private static final String CORE = "MSExchangeSA, MSExchangeDS, MSExchangeIS, MSExchangeMTA";

    @TempDir
    Path dir;

    private Finding clu01(RestoreScenario s) throws Exception {
        return only(s, dir, Rule.CLU_01);
    }

    private static String remedy(String services) {
        return "The cluster hive has no Generic Service resource for " + services + " in the Exchange group; check in "
                + "Cluster Administrator that the Exchange resources exist in one group and that this CLUSDB copy is "
                + "current (CLU-11).";
    }

    @Test
    void passesTheFourServicesInOneGroup() throws Exception {
        Finding f = clu01(RestoreScenario.offlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("Exchange group", f.object());
        assertEquals("SA, DS, IS and MTA in one group", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("EXVS01 Group {" + GROUP + "}", f.actual());
        assertEquals(CLUSDB + " : Groups\\" + GROUP + " : Contains @0x"
                + RipCluEvidence.hex(keyOffset(dir, CLUSDB, "Groups\\" + GROUP)), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void findsTheServicesByServiceNameIgnoringCaseAndSpaces() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + IS + "\\Parameters", "ServiceName", " msexchangeis ");
        assertEquals(Status.PASS, clu01(s).status());
    }

    @Test
    void failsAServiceWithoutItsResource() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + MTA + "\\Parameters", "ServiceName", "MSExchangeES");
        Finding f = clu01(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("Exchange Generic Service resources", f.object());
        assertEquals(CORE, f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("missing: MSExchangeMTA", f.actual());
        assertEquals(CLUSDB + " : Resources", f.actualSource().toString());
        assertEquals(remedy("MSExchangeMTA"), f.remedy());
    }

    @Test
    void listsEveryMissingServiceInCatalogOrder() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + MTA + "\\Parameters", "ServiceName");
        s.cluster.removeKey("Resources\\" + DS);
        Finding f = clu01(s.takeCheckpoints());
        assertEquals("missing: MSExchangeDS, MSExchangeMTA", f.actual());
        assertEquals(remedy("MSExchangeDS, MSExchangeMTA"), f.remedy());
    }

    @Test
    void doesNotTakeAResourceOfAnotherTypeForTheService() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + IS, "Type", "Generic Application");
        assertEquals("missing: MSExchangeIS", clu01(s).actual());
    }

    @Test
    void failsAServiceInAnotherGroup() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Groups\\" + GROUP, "Contains", IP, NETNAME, DISK, SA, DS, IS);
        s.cluster.sz("Groups\\" + OTHER_GROUP, "Name", "MTA Group").multiSz("Groups\\" + OTHER_GROUP, "Contains", MTA);
        Finding f = clu01(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("Exchange group", f.object());
        assertEquals("SA, DS, IS and MTA in one group", f.expected());
        assertEquals("spread over 2 group(s)", f.actual());
        assertEquals(CLUSDB + " : Groups", f.actualSource().toString());
        assertEquals("Put the Exchange resources into one group in Cluster Administrator.", f.remedy());
    }

    @Test
    void failsAServiceInNoGroupAndNamesIt() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.multiSz("Groups\\" + GROUP, "Contains", IP, NETNAME, DISK, SA, DS, IS);
        Finding f = clu01(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("spread over 1 group(s), in no group: Microsoft Exchange Message Transfer Agent", f.actual());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = clu01(RestoreScenario.standaloneOffline());
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }

    @Test
    void isSkippedOnAClusterNodeWithoutItsClusterHive() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(CLUSDB))).of(Rule.CLU_01));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no cluster hive (IN-07)", f.detail());
    }
}
