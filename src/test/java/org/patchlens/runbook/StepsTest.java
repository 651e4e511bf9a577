package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.patchlens.rules.Effective;

/**
 * The steps of each restore type for names given directly (no evidence): the stand-alone server, the roll-forward
 * restore, databases the SYSTEM hive does not name, paths with spaces, how checkpoints are listed, the online
 * restore of one service or two, and the KB articles each step cites.
 */
class StepsTest {
    private static final Names.Checkpoint SYSTEM_CP = new Names.Checkpoint("Microsoft Exchange Information Store",
            "MSExchangeIS", "00000001", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem");
    private static final Names.Checkpoint PRIV_CP = new Names.Checkpoint("Microsoft Exchange Information Store",
            "MSExchangeIS", "00000002", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate");
    private static final Names.Checkpoint DS_CP = new Names.Checkpoint("Microsoft Exchange Directory",
            "MSExchangeDS", "00000001", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters");

    private static final Names.Checkpoint IS_ROOT_CP = new Names.Checkpoint("Microsoft Exchange Information Store",
            "MSExchangeIS", "00000005", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS");
    private static final Names.Checkpoint IS_DIAG_CP = new Names.Checkpoint("Microsoft Exchange Information Store",
            "MSExchangeIS", "00000004", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\Diagnostics");
    private static final Map<String, String> RESOURCES = Map.of("MSExchangeIS", "Microsoft Exchange Information Store",
            "MSExchangeDS", "Microsoft Exchange Directory");

    private static Names standalone(List<String> databases) {
        return standalone(databases, false);
    }

    private static Names standalone(List<String> databases, boolean dsRestored) {
        return new Names(false, "<vs>", "SRV01", "<group>", Map.of(), databases, "F:\\exchsrvr\\MDBDATA",
                "D:\\exchsrvr\\bin", List.of(), dsRestored, List.of());
    }

    private static Names cluster(List<Names.Checkpoint> checkpoints, boolean dsRestored) {
        return new Names(true, "EXVS01", "NODE1", "EXVS01 Group", RESOURCES, List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"),
                "F:\\exchsrvr\\MDBDATA", "D:\\exchsrvr\\bin", checkpoints, dsRestored, List.of());
    }

    private static Step only(List<Step> steps, Phase p) {
        List<Step> s = steps.stream().filter(x -> x.phase() == p).toList();
        assertEquals(1, s.size(), p + ": " + s);
        return s.get(0);
    }

    @Test
    void aStandaloneOfflineRestoreStopsTheStoreAndTypesNoSetLine() {
        List<Step> s = Steps.of(Effective.OFFLINE_PIT, standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB")));
        assertEquals("Stop the Information Store; leave the System Attendant and the Directory running: isinteg "
                + "-patch needs them.", only(s, Phase.PREPARE).action());
        assertEquals(List.of("net stop MSExchangeIS"), only(s, Phase.PREPARE).commands());
        assertEquals(List.of("Q149238", "Q162354"), only(s, Phase.PREPARE).kb());
        Step patch = only(s, Phase.PATCH);
        assertEquals("In a command prompt on the server (System Attendant and Directory running, the Information "
                + "Store stopped), run isinteg -patch once.", patch.action());
        assertEquals(List.of("cd /d D:\\exchsrvr\\bin", "isinteg -patch"), patch.commands());
        assertTrue(patch.why().startsWith("Run it once:"), patch.why());
        assertEquals(List.of("PRC-04", "PRC-06"), patch.rules());
        assertEquals(List.of("Q149238", "Q288562"), patch.kb());
        assertFalse(s.stream().anyMatch(x -> x.phase() == Phase.START), "no checkpoint on a stand-alone server");
        assertEquals(List.of("net start MSExchangeIS"), only(s, Phase.ONLINE).commands());
        assertFalse(only(s, Phase.VERIFY).action().contains("Move Group"), only(s, Phase.VERIFY).action());
    }

    @Test
    void aRollForwardRestoreKeepsTheLogsFromTheAnchorAndAPointInTimeMovesThemOut() {
        Names n = standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"));
        String roll = only(Steps.of(Effective.OFFLINE_ROLLFORWARD, n), Phase.RESTORE).action();
        assertTrue(roll.endsWith("Copy the logs from the databases' Last Consistent generation (the anchor log) to "
                + "the newest into F:\\exchsrvr\\MDBDATA, the newest named edb.log, and no edb.chk: replay starts from "
                + "the anchor log (KB Q296787)."), roll);
        String pit = only(Steps.of(Effective.OFFLINE_PIT, n), Phase.RESTORE).action();
        assertTrue(pit.endsWith("Move every old log, edb.chk and .pat file out of F:\\exchsrvr\\MDBDATA and the "
                + "working folder: a point-in-time restore starts a new log series (KB Q296787)."), pit);
    }

    @Test
    void aDatabaseWhosePathIsLeftOutIsCopiedFromTheStoresUsualFile() {
        // a crafted DB Path (D:\\exchsrvr\\MDBDATA\\P^&.EDB) is the placeholder; the backup's file is still PRIV.EDB,
        // not the placeholder copied onto itself
        List<String> unsafe = new java.util.ArrayList<>();
        String priv = Names.name("a DB Path", "D:\\exchsrvr\\MDBDATA\\P^&.EDB", Names.DB_PATH_OF + "PRIV.EDB", unsafe);
        String pub = Names.name("a DB Path", "E:\\x|y\\PUB.EDB", Names.DB_PATH_OF + "PUB.EDB", unsafe);
        Step restore = only(Steps.of(Effective.OFFLINE_PIT, standalone(List.of(priv, pub))), Phase.RESTORE);
        assertEquals(List.of("copy PRIV.EDB \"<the DB Path of PRIV.EDB>\"", "copy PUB.EDB \"<the DB Path of PUB.EDB>\""),
                restore.commands());
        // and the runbook says why beside the step
        Step shown = RunbookPlanner.withLeftOut(restore, unsafe);
        assertTrue(shown.why().endsWith(" A DB Path is left out of the commands: " + org.patchlens.model.CommandText
                .unsafe("D:\\exchsrvr\\MDBDATA\\P^&.EDB") + ". A DB Path is left out of the commands: "
                + org.patchlens.model.CommandText.unsafe("E:\\x|y\\PUB.EDB") + "."), shown.why());
        assertEquals(restore, RunbookPlanner.withLeftOut(restore, List.of()), "nothing left out: the step as it was");
    }

    @Test
    void databasesAreCopiedByFileNameToTheirPathsQuotedWhenTheyHoldASpace() {
        Step restore = only(Steps.of(Effective.OFFLINE_PIT, standalone(List.of("D:\\Exchange Data\\PRIV.EDB",
                "E:/exchsrvr/MDBDATA/PUB.EDB"))), Phase.RESTORE);
        assertEquals(List.of("copy PRIV.EDB \"D:\\Exchange Data\\PRIV.EDB\"", "copy PUB.EDB E:/exchsrvr/MDBDATA/PUB.EDB"),
                restore.commands());
        assertTrue(restore.action().startsWith("From the folder of the offline backup, copy the databases to "
                + "D:\\Exchange Data\\PRIV.EDB and E:/exchsrvr/MDBDATA/PUB.EDB (DB Path)."), restore.action());
        Step none = only(Steps.of(Effective.OFFLINE_PIT, standalone(List.of())), Phase.RESTORE);
        assertEquals(List.of(), none.commands());
        assertTrue(none.action().startsWith("From the folder of the offline backup, copy the databases to the paths "
                + "the SYSTEM hive registers (DB Path)."), none.action());
    }

    @Test
    void checkpointsAreListedWithTheirResourceOnceAfterEachRun() {
        assertEquals("the registry checkpoint 00000002 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\"
                + "ParametersPrivate) of Microsoft Exchange Information Store", Steps.listed(List.of(PRIV_CP)));
        assertEquals("the registry checkpoints 00000001 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\"
                + "ParametersSystem), 00000002 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate) "
                + "of Microsoft Exchange Information Store and 00000001 (SYSTEM\\CurrentControlSet\\Services\\"
                + "MSExchangeDS\\Parameters) of Microsoft Exchange Directory", Steps.listed(List.of(SYSTEM_CP, PRIV_CP,
                DS_CP)));
    }

    @Test
    void theKeysIsintegPatchWritesAreCoveredFromAboveOrBelow() {
        Names.Checkpoint root = new Names.Checkpoint("IS", "MSExchangeIS", "00000005",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS");
        Names.Checkpoint diag = new Names.Checkpoint("IS", "MSExchangeIS", "00000004",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\Diagnostics");
        Names.Checkpoint below = new Names.Checkpoint("IS", "MSExchangeIS", "00000006",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPublic\\Sub");
        Names n = new Names(true, "EXVS01", "NODE1", "EXVS01 Group", Map.of(), List.of(), "F:", "D:\\exchsrvr\\bin",
                List.of(root, diag, below, DS_CP), false, List.of());
        assertEquals(List.of(root, below), Steps.patchedKeys(n), "the service root covers them; a key below one is "
                + "written over too; Diagnostics and the directory are not");
    }

    @Test
    void aClusterWhoseCheckpointsMissTheKeysIsintegWritesBringsTheStoreOnlineDirectly() {
        // Diagnostics and the directory's Parameters are not what isinteg -patch writes: nothing to replay over it
        List<Step> s = Steps.of(Effective.OFFLINE_PIT, cluster(List.of(IS_DIAG_CP, DS_CP), false));
        assertFalse(s.stream().anyMatch(x -> x.phase() == Phase.START), "no service-controller start: " + s);
        assertEquals("No registry checkpoint covers the keys isinteg -patch writes, so the resource can be brought "
                + "online directly (KB Q174070).", only(s, Phase.ONLINE).why());
        assertEquals(List.of("cluster res \"Microsoft Exchange Information Store\" /online"),
                only(s, Phase.ONLINE).commands());
        // the same cluster with ParametersPrivate checkpointed: started first, then handed to the cluster
        List<Step> covered = Steps.of(Effective.OFFLINE_PIT, cluster(List.of(IS_DIAG_CP, PRIV_CP), false));
        assertEquals(List.of("net start MSExchangeIS"), only(covered, Phase.START).commands());
        assertEquals("The store is running; the cluster now monitors it and checkpoints later changes while it is "
                + "online (KB Q174070, Q188674).", only(covered, Phase.ONLINE).why());
    }

    @Test
    void aClusterOnlineRestoreOfTheStoreAloneWhoseKeyIsCheckpointedStartsItFirst() {
        List<Step> s = Steps.of(Effective.ONLINE, cluster(List.of(IS_ROOT_CP), false));
        Step start = only(s, Phase.START);
        assertEquals("Start the Information Store from the service controller first, before the cluster brings it "
                + "online: the Restore in Progress key lies inside the registry checkpoint 00000005 (SYSTEM\\"
                + "CurrentControlSet\\Services\\MSExchangeIS) of Microsoft Exchange Information Store, and a replay "
                + "would remove it. Let hard recovery finish.", start.action(), "one service: it, not them");
        assertEquals(List.of("net start MSExchangeIS"), start.commands());
        assertEquals(List.of("cluster res \"Microsoft Exchange Information Store\" /online"),
                only(s, Phase.ONLINE).commands());
        assertEquals("Bring the Exchange resources online in Cluster Administrator (or with the command below); "
                + "ClusSvc event 1024 can be ignored.", only(s, Phase.ONLINE).action());
        assertTrue(only(s, Phase.VERIFY).action().contains("1002 -528 or 1120 + 5000 (the key was removed by a "
                + "checkpoint replay)"), only(s, Phase.VERIFY).action());
    }

    @Test
    void aStandaloneOnlineRestoreOfTheDirectoryStopsBothServicesAndStartsTheDirectoryFirst() {
        List<Step> s = Steps.of(Effective.ONLINE, standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"), true));
        assertEquals(List.of(Phase.PREPARE, Phase.RESTORE, Phase.ONLINE, Phase.VERIFY),
                s.stream().map(Step::phase).toList(), "no checkpoint on a stand-alone server: no START step");
        assertEquals("Stop the Information Store and the Directory; the System Attendant stays running.",
                only(s, Phase.PREPARE).action());
        assertEquals(List.of("net stop MSExchangeIS", "net stop MSExchangeDS"), only(s, Phase.PREPARE).commands(),
                "the store before the directory it depends on");
        assertTrue(only(s, Phase.RESTORE).action().contains("the Restore in Progress key under MSExchangeDS and "
                + "MSExchangeIS."), only(s, Phase.RESTORE).action());
        assertEquals("Start the services.", only(s, Phase.ONLINE).action());
        assertEquals(List.of("net start MSExchangeDS", "net start MSExchangeIS"), only(s, Phase.ONLINE).commands());
        List<Step> alone = Steps.of(Effective.ONLINE, standalone(List.of(), false));
        assertEquals("Stop the Information Store; the System Attendant stays running.",
                only(alone, Phase.PREPARE).action());
        assertEquals("Start the service.", only(alone, Phase.ONLINE).action());
    }

    /**
     * A stand-alone server has no cluster and no registry checkpoints: no step of its plan may explain itself by
     * them (the ONLINE, PATCH and VERIFY steps did: "the resource can be brought online directly", "the first start
     * can be the cluster's", "the cluster's checkpoint rolled the patch back").
     */
    @Test
    void aStandalonePlanNeverSpeaksOfTheCluster() {
        for (Effective type : List.of(Effective.OFFLINE_PIT, Effective.OFFLINE_ROLLFORWARD, Effective.ONLINE)) {
            for (boolean ds : List.of(false, true)) {
                for (Step st : Steps.of(type, standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"), ds))) {
                    String text = (st.action() + " " + st.why() + " " + st.commands()).toLowerCase(Locale.ROOT);
                    assertFalse(text.contains("cluster"), type + " " + st.phase() + ": " + text);
                    assertFalse(text.contains("checkpoint replay") || text.contains("rolled the patch back"),
                            type + " " + st.phase() + ": " + text);
                }
            }
        }
        List<Step> offline = Steps.of(Effective.OFFLINE_PIT, standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB")));
        assertEquals("Run it once: a stand-alone server has no registry checkpoint to roll the patch back (KB "
                + "Q149238).", only(offline, Phase.PATCH).why());
        assertEquals("A stand-alone server has no registry checkpoints: nothing is replayed over what isinteg -patch "
                + "wrote (KB Q174070).", only(offline, Phase.ONLINE).why());
        assertEquals("Check the application log: the Information Store started and stays running, with no new 1087, "
                + "2048, 7202 or 1005 / 1012.", only(offline, Phase.VERIFY).action());
        assertEquals(List.of("Q149238", "Q280770"), only(offline, Phase.VERIFY).kb());
        List<Step> online = Steps.of(Effective.ONLINE, standalone(List.of(), false));
        assertEquals("The first start reads the Restore in Progress key and runs hard recovery; a stand-alone server "
                + "has no registry checkpoint that could remove the key before it (KB Q174070). Nothing runs before it "
                + "(KB Q231299).", only(online, Phase.ONLINE).why());
        assertTrue(only(online, Phase.VERIFY).action().contains("1002 -528 or 1120 + 5000 (the key was gone at the "
                + "first start)"), only(online, Phase.VERIFY).action());
    }

    /** "(KB Q178311)", "(KB Q149238, Q288562)", "KB Q288562 / Q185942": every article a step cites is in its list. */
    @Test
    void everyArticleAStepCitesIsInItsKbList() {
        Pattern q = Pattern.compile("\\bQ\\d{6}\\b");
        List<Names> names = new ArrayList<>();
        for (boolean ds : List.of(false, true)) {
            names.add(standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"), ds));
            for (List<Names.Checkpoint> cps : List.of(List.<Names.Checkpoint>of(), List.of(PRIV_CP),
                    List.of(IS_DIAG_CP, DS_CP), List.of(IS_ROOT_CP), List.of(SYSTEM_CP, PRIV_CP, DS_CP))) {
                names.add(cluster(cps, ds));
            }
        }
        int cited = 0;
        for (Names n : names) {
            for (Effective type : Effective.values()) {
                for (Step st : Steps.of(type, n)) {
                    Matcher m = q.matcher(st.action() + " " + st.why());
                    while (m.find()) {
                        cited++;
                        assertTrue(st.kb().contains(m.group()), type + (n.cluster() ? " cluster " : " stand-alone ")
                                + st.phase() + " cites " + m.group() + " but lists " + st.kb() + ": " + st.why());
                    }
                }
            }
        }
        assertTrue(cited > 100, "the steps cite articles: " + cited);
    }
}
