package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.runbook.Forbidden;
import org.patchlens.runbook.Phase;
import org.patchlens.runbook.Runbook;
import org.patchlens.runbook.RunbookPlanner;
import org.patchlens.runbook.Step;

/**
 * The runbook of issue 15's scenarios P1 to P3 and of variants, made from builder-written evidence through the
 * rule engine: the blockers, the phases in order, and the exact commands with the names read from the evidence.
 */
class RunbookScenarioTest {
    private static final String IS = "cluster res \"Microsoft Exchange Information Store\" ";

    @TempDir
    Path dir;

    static Runbook plan(RestoreScenario s, Path dir) throws Exception {
        EngineRun r = EngineRun.before(s, dir);
        return RunbookPlanner.plan(r.context(), r.findings());
    }

    static List<Phase> phases(Runbook r) {
        return r.steps().stream().map(Step::phase).toList();
    }

    static List<String> commands(Runbook r) {
        List<String> out = new ArrayList<>();
        r.steps().forEach(s -> out.addAll(s.commands()));
        return out;
    }

    static Step only(Runbook r, Phase p) {
        List<Step> s = r.steps().stream().filter(x -> x.phase() == p).toList();
        assertEquals(1, s.size(), p + " steps: " + s);
        return s.get(0);
    }

    @Test
    void p1OfflineRestoreWithAnOldIsintegIsNotReady() throws Exception {
        Runbook r = plan(BeforeRestoreDemo.scenario(), dir);
        assertFalse(r.ready());
        assertEquals("Not ready to restore: PRC-04 isinteg version", r.readiness());
        assertEquals(List.of(Phase.BLOCKER, Phase.PREPARE, Phase.RESTORE, Phase.ASK, Phase.PATCH, Phase.START,
                Phase.ONLINE, Phase.VERIFY), phases(r));
        Step b = r.steps().get(0);
        assertEquals(1, b.number());
        assertEquals("Do not restore yet: isinteg version: found 5.5.2650.21 on build 2653 (SP4), expected >= "
                + "5.5.2654.62 (KB Q288562).", b.action());
        assertEquals(List.of("PRC-04"), b.rules());
        assertTrue(b.why().startsWith("Install Exchange 5.5 SP4 on both nodes"), b.why());
        assertEquals(List.of(), b.commands(), "a blocker is fixed before the plan starts: nothing to type in it");
        assertEquals(List.of(IS + "/offline",
                "copy PRIV.EDB D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
                "copy PUB.EDB E:\\exchsrvr\\MDBDATA\\PUB.EDB",
                "net start MSExchangeIS",
                "SET _CLUSTER_NETWORK_NAME_=EXVS01",
                "cd /d D:\\exchsrvr\\bin",
                "isinteg -patch",
                "net start MSExchangeIS",
                IS + "/online"), commands(r));
        Step start = only(r, Phase.START);
        assertEquals(6, start.number());
        assertTrue(start.action().contains("the registry checkpoints 00000001 (SYSTEM\\CurrentControlSet\\Services"
                + "\\MSExchangeIS\\ParametersSystem), 00000002 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS"
                + "\\ParametersPrivate) and 00000003 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS"
                + "\\ParametersPublic) of Microsoft Exchange Information Store"), start.action());
        assertTrue(start.why().contains("ClusSvc event 1024"), start.why());
        assertTrue(start.kb().contains("Q188674"), start.kb().toString());
        assertTrue(only(r, Phase.PATCH).action().contains("on the node that owns EXVS01 Group"));
        assertTrue(only(r, Phase.PATCH).why().contains("it sees the node NODE1"));
        assertEquals(List.of(), Forbidden.violations(r, false, true));
    }

    @Test
    void afterTheRestoreABlockerSaysFixFirstNotDoNotRestoreYet() throws Exception {
        EngineRun run = EngineRun.of(BeforeRestoreDemo.scenario(), dir); // databases in place: after the restore
        assertFalse(run.context().beforeRestore());
        Runbook r = RunbookPlanner.plan(run.context(), run.findings());
        assertEquals("Fix first: isinteg version: found 5.5.2650.21 on build 2653 (SP4), expected >= 5.5.2654.62 "
                + "(KB Q288562).", r.steps().get(0).action());
    }

    @Test
    void findingsBelongToTheirSteps() throws Exception {
        EngineRun run = EngineRun.of(BeforeRestoreDemo.scenario(), dir);
        Runbook r = RunbookPlanner.plan(run.context(), run.findings());
        Finding prc04 = run.of(Rule.PRC_04).get(0);
        assertEquals(1, r.stepOf(prc04), "the blocker names its finding");
        assertEquals(6, r.stepOf(run.of(Rule.CLU_08).get(0)), "the checkpoint replay: the service-controller start");
        assertEquals(5, r.stepOf(run.of(Rule.PRC_02).get(0)), "the SET line: the patch step");
        assertEquals(3, r.stepOf(run.of(Rule.REG_02).get(0)), "DB Path: the restore step");
        assertNull(r.stepOf(run.of(Rule.IN_01).get(0)), "an evidence rule belongs to no step");
        Finding skipped = run.findings().stream().filter(f -> f.status() == Status.SKIPPED).findFirst().orElseThrow();
        assertNull(r.stepOf(skipped), "a skipped rule belongs to no step");
    }

    @Test
    void p2ANewEnoughIsintegAndNoSetLineIsReadyWithTheSetLineFromClusdb() throws Exception {
        RestoreScenario s = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62").unset("--env-line");
        Runbook r = plan(s, dir);
        assertTrue(r.ready(), r.blockers().toString());
        assertEquals("Ready to restore, with 7 steps", r.readiness());
        assertEquals(List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "cd /d D:\\exchsrvr\\bin", "isinteg -patch"),
                only(r, Phase.PATCH).commands());
        assertEquals(4, only(r, Phase.PATCH).number());
    }

    @Test
    void theNamesComeFromTheEvidence() throws Exception {
        RestoreScenario s = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62");
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "MAILVS7")
                .sz("Groups\\" + RestoreScenario.GROUP, "Name", "Mail Group")
                .sz("Resources\\" + RestoreScenario.IS, "Name", "Store (mail)");
        s.live().sz("Services\\MSExchangeIS\\ParametersPrivate", "DB Path", "G:\\Mail Data\\exchsrvr\\MDBDATA\\PRIV.EDB");
        Runbook r = plan(s, dir);
        assertEquals(List.of("cluster res \"Store (mail)\" /offline"), only(r, Phase.PREPARE).commands());
        assertEquals(List.of("copy PRIV.EDB \"G:\\Mail Data\\exchsrvr\\MDBDATA\\PRIV.EDB\"",
                "copy PUB.EDB E:\\exchsrvr\\MDBDATA\\PUB.EDB"), only(r, Phase.RESTORE).commands());
        assertEquals(List.of("SET _CLUSTER_NETWORK_NAME_=MAILVS7", "cd /d G:\\Mail Data\\exchsrvr\\bin",
                "isinteg -patch"), only(r, Phase.PATCH).commands());
        assertTrue(only(r, Phase.PATCH).action().contains("on the node that owns Mail Group"));
        assertEquals(List.of("cluster res \"Store (mail)\" /online"), only(r, Phase.ONLINE).commands());
    }

    @Test
    void aNameACommandPromptWouldActOnIsLeftOut() throws Exception {
        RestoreScenario s = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62");
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "EXVS01&del /q C:\\*")
                .sz("Resources\\" + RestoreScenario.IS, "Name", "IS\" & format C: & \"");
        Runbook r = plan(s, dir);
        assertEquals("SET _CLUSTER_NETWORK_NAME_=<the Name of the Exchange group's Network Name resource>",
                only(r, Phase.PATCH).commands().get(0));
        assertEquals(List.of("cluster res \"<the MSExchangeIS resource>\" /offline"), only(r, Phase.PREPARE).commands());
        assertTrue(commands(r).stream().noneMatch(c -> c.contains("&")), commands(r).toString());
    }

    @Test
    void theBinFolderComesFromTheFirstDbPathThatCanBeTypedOrStaysAPlaceholder() throws Exception {
        RestoreScenario blank = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62");
        blank.live().sz("Services\\MSExchangeIS\\ParametersPrivate", "DB Path", " ");
        Runbook r = plan(blank, dir.resolve("blank"));
        assertTrue(only(r, Phase.PATCH).commands().contains("cd /d E:\\exchsrvr\\bin"),
                "a blank DB Path is no database: the public store's folder: " + only(r, Phase.PATCH).commands());
        RestoreScenario unsafe = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62");
        unsafe.live().sz("Services\\MSExchangeIS\\ParametersPrivate", "DB Path", "D:\\exchsrvr&x\\PRIV.EDB");
        r = plan(unsafe, dir.resolve("unsafe"));
        assertTrue(only(r, Phase.PATCH).commands().contains("cd /d <exchsrvr>\\bin"), only(r, Phase.PATCH).commands()
                .toString());
    }

    @Test
    void withoutAnyDbPathThePlanStillStandsWithPlaceholders() throws Exception {
        RestoreScenario s = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62");
        s.live().removeValue("Services\\MSExchangeIS\\ParametersPrivate", "DB Path")
                .removeValue("Services\\MSExchangeIS\\ParametersPublic", "DB Path");
        s.takeCheckpoints();
        Runbook r = plan(s, dir);
        assertEquals(List.of(), only(r, Phase.RESTORE).commands(), "nothing to copy to: the SYSTEM hive names no path");
        assertTrue(only(r, Phase.RESTORE).action().contains("the paths the SYSTEM hive registers (DB Path)"),
                only(r, Phase.RESTORE).action());
        assertTrue(only(r, Phase.PATCH).commands().contains("cd /d <exchsrvr>\\bin"), only(r, Phase.PATCH).commands()
                .toString());
    }

    @Test
    void theDirectoryCountsAsRestoredByItsRestoreInProgressKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword("Services\\MSExchangeDS\\Restore in Progress", "LowLog Number", 0x20);
        Runbook r = plan(s, dir);
        assertEquals(List.of(IS + "/offline", "cluster res \"Microsoft Exchange Directory\" /offline"),
                only(r, Phase.PREPARE).commands(), "no DIR.EDB among the files: the key says the DS is restored");
    }

    @Test
    void theDirectoryCountsAsRestoredByADirPatOrADirEdbAlone() throws Exception {
        // the files the backup program writes for the directory, without its Restore in Progress key; first the
        // log folder's dir.pat without the DSADATA folder (DIR.EDB written for the patch file's signatures, then
        // removed from the evidence)
        RestoreScenario pat = RestoreScenario.onlineBase();
        pat.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20, 0x44495221L));
        pat.patches.put("DS/DIR", new int[] {0x20, 0x21, 3 * 4096});
        Path target = dir.resolve("pat/target");
        Path backup = dir.resolve("pat/backup");
        pat.writeBeforeRestore(target, backup);
        Files.delete(backup.resolve("D/exchsrvr/DSADATA/DIR.EDB"));
        List<Evidence> evidence = new ArrayList<>(EvidenceScanner.scan(target));
        evidence.addAll(EvidenceScanner.scanBackup(backup));
        assertEquals(List.of("DIR.pat"), evidence.stream().map(e -> e.path().getFileName().toString())
                .filter(n -> n.toUpperCase(java.util.Locale.ROOT).startsWith("DIR.")).toList());
        CheckContext c = new CheckContext(evidence, pat.checkOptions());
        Runbook r = RunbookPlanner.plan(c, RuleEngine.run(c).findings());
        assertEquals(List.of(IS + "/offline", "cluster res \"Microsoft Exchange Directory\" /offline"),
                only(r, Phase.PREPARE).commands(), "dir.pat alone: the DS is restored");
        RestoreScenario edb = RestoreScenario.onlineBase();
        edb.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20, 0x44495221L));
        r = plan(edb, dir.resolve("edb"));
        assertEquals(List.of(IS + "/offline", "cluster res \"Microsoft Exchange Directory\" /offline"),
                only(r, Phase.PREPARE).commands(), "DIR.EDB alone: the DS is restored");
    }

    @Test
    void aGroupWithoutADisplayNameIsNamedByItsGuid() throws Exception {
        RestoreScenario s = BeforeRestoreDemo.scenario().set("--isinteg-version", "5.5.2654.62");
        s.cluster.removeValue("Groups\\" + RestoreScenario.GROUP, "Name");
        Runbook r = plan(s, dir);
        assertTrue(only(r, Phase.PREPARE).action().startsWith("On the node that owns " + RestoreScenario.GROUP
                + ", take the Information Store resource offline"), only(r, Phase.PREPARE).action());
        assertTrue(only(r, Phase.PATCH).action().contains("on the node that owns " + RestoreScenario.GROUP + " ("),
                only(r, Phase.PATCH).action());
        assertEquals(List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "cd /d D:\\exchsrvr\\bin", "isinteg -patch"),
                only(r, Phase.PATCH).commands(), "the group's name is in no command");
    }

    @Test
    void p3OnlineRestoreWithTheDirectoryCheckpointedAtItsRootStartsFromTheServiceController() throws Exception {
        RestoreScenario s = RestoreScenario.s4();
        Runbook r = plan(s, dir);
        assertTrue(r.ready(), r.blockers().toString());
        assertEquals(List.of(Phase.PREPARE, Phase.RESTORE, Phase.START, Phase.ONLINE, Phase.VERIFY), phases(r));
        assertEquals(List.of(IS + "/offline", "cluster res \"Microsoft Exchange Directory\" /offline"),
                only(r, Phase.PREPARE).commands());
        assertEquals(List.of(), only(r, Phase.RESTORE).commands(), "the backup program's window: nothing to type");
        Step start = only(r, Phase.START);
        assertEquals(List.of("net start MSExchangeDS", "net start MSExchangeIS"), start.commands());
        assertTrue(start.action().contains("inside the registry checkpoint 00000001 (SYSTEM\\CurrentControlSet"
                + "\\Services\\MSExchangeDS) of Microsoft Exchange Directory"), start.action());
        assertTrue(start.why().contains("ClusSvc event 1024"), start.why());
        assertEquals(List.of("cluster res \"Microsoft Exchange Directory\" /online", IS + "/online"),
                only(r, Phase.ONLINE).commands());
        assertTrue(commands(r).stream().noneMatch(c -> c.startsWith("isinteg") || c.startsWith("eseutil")),
                "no isinteg or eseutil after an online restore (KB Q231299): " + commands(r));
        assertEquals(List.of(), Forbidden.violations(r, true, true));
    }

    @Test
    void anOnlineRestoreWhoseKeyNoCheckpointCoversGoesOnlineDirectly() throws Exception {
        Runbook r = plan(RestoreScenario.onlineBase(), dir);
        assertEquals(List.of(Phase.PREPARE, Phase.RESTORE, Phase.ONLINE, Phase.VERIFY), phases(r));
        assertEquals(List.of(IS + "/offline", IS + "/online"), commands(r));
    }

    @Test
    void anOnlineRestoreOnAClusterNamesTheVirtualServerAsTheDestination() throws Exception {
        Runbook r = plan(RestoreScenario.onlineBase(), dir);
        Step prepare = only(r, Phase.PREPARE);
        assertEquals("On the node that owns EXVS01 Group, take the Information Store resource offline (Cluster "
                + "Administrator, or the command below); the System Attendant stays online.", prepare.action());
        assertEquals(List.of("CLU-01", "CLU-05", "CLU-07"), prepare.rules());
        Step restore = only(r, Phase.RESTORE);
        assertEquals("Run the online restore with the backup program, with EXVS01 (the Exchange virtual server, not "
                + "the node NODE1) as the destination, and leave \"Start service after restore\" unticked. It writes the "
                + "databases, the logs and .pat files and the Restore in Progress key under MSExchangeIS. Do not run "
                + "isinteg -patch or eseutil /r afterwards: the next step starts the store.", restore.action());
        assertTrue(restore.why().endsWith("Restored to the node instead of the virtual server, the paths name the "
                + "wrong server (KB Q238063)."), restore.why());
        assertEquals(List.of("Q200941", "Q231299", "Q238063"), restore.kb());
        Step online = only(r, Phase.ONLINE);
        assertEquals("Bring the Exchange resources online in Cluster Administrator (or with the command below); "
                + "ClusSvc event 1024 can be ignored.", online.action());
        assertTrue(online.why().startsWith("No registry checkpoint covers the Restore in Progress key"), online.why());
        assertEquals(List.of("CLU-10", "CLU-11"), online.rules());
    }

    @Test
    void anOnlineRestoreOfBothServicesStartsTheDirectoryFirst() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.cluster.removeKey("Resources\\" + RestoreScenario.DS + "\\RegSync");
        s.cluster.sz("Resources\\" + RestoreScenario.DS + "\\RegSync", "00000001",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS");
        s.takeCheckpoints();
        s.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20, 0x44495221L));
        s.patches.put("DS/DIR", new int[] {0x20, 0x21, 3 * 4096});
        Runbook r = plan(s, dir);
        assertEquals("On the node that owns EXVS01 Group, take the Information Store and the Directory resources "
                + "offline (Cluster Administrator, or the commands below); the System Attendant stays online.",
                only(r, Phase.PREPARE).action());
        assertEquals(List.of(IS + "/offline", "cluster res \"Microsoft Exchange Directory\" /offline"),
                only(r, Phase.PREPARE).commands(), "the store before the directory it depends on");
        assertTrue(only(r, Phase.RESTORE).action().contains("the Restore in Progress key under MSExchangeDS and "
                + "MSExchangeIS."), only(r, Phase.RESTORE).action());
        assertTrue(only(r, Phase.START).action().startsWith("Start the Directory, then the Information Store, from the "
                + "service controller first, before the cluster brings them online: the Restore in Progress key lies "
                + "inside the registry checkpoint 00000001"), only(r, Phase.START).action());
        assertEquals("Bring the Exchange resources online in Cluster Administrator (or with the commands below); "
                + "ClusSvc event 1024 can be ignored.", only(r, Phase.ONLINE).action());
        assertTrue(only(r, Phase.ONLINE).why().contains("replace a checkpoint of a whole service key"),
                only(r, Phase.ONLINE).why());
    }

    @Test
    void anOnlineRestoreOnAStandaloneServerStopsAndStartsTheService() throws Exception {
        Runbook r = plan(RestoreScenario.standaloneOffline().set("--restore-type", "online"), dir);
        // (the offline evidence read as an online restore has blockers of its own: they come first)
        assertEquals(List.of(Phase.PREPARE, Phase.RESTORE, Phase.ONLINE, Phase.VERIFY),
                phases(r).subList(r.blockers().size(), r.steps().size()));
        assertEquals("Stop the Information Store; the System Attendant stays running.", only(r, Phase.PREPARE).action());
        assertEquals(List.of("net stop MSExchangeIS"), only(r, Phase.PREPARE).commands());
        assertEquals(List.of(), only(r, Phase.PREPARE).rules());
        Step restore = only(r, Phase.RESTORE);
        assertTrue(restore.action().startsWith("Run the online restore with the backup program, and leave"),
                restore.action());
        assertFalse(restore.why().contains("virtual server"), restore.why());
        assertEquals(List.of("Q200941", "Q231299"), restore.kb());
        assertEquals("Start the service.", only(r, Phase.ONLINE).action());
        assertEquals(List.of("net start MSExchangeIS"), only(r, Phase.ONLINE).commands());
        assertEquals(List.of(), only(r, Phase.ONLINE).rules());
    }

    @Test
    void aStandaloneServerUsesTheServiceControllerAndNoSetLine() throws Exception {
        Runbook r = plan(RestoreScenario.standaloneOffline(), dir);
        assertEquals(List.of("net stop MSExchangeIS", "copy PRIV.EDB D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
                "copy PUB.EDB E:\\exchsrvr\\MDBDATA\\PUB.EDB", "net start MSExchangeIS", "cd /d D:\\exchsrvr\\bin",
                "isinteg -patch", "net start MSExchangeIS"), commands(r));
        assertEquals(List.of(), Forbidden.violations(r, false, false));
    }

    /** The guarantee can fail: plans that do what the catalog forbids are caught. */
    @Test
    void forbiddenStepsAreCaught() {
        Step restore = new Step(1, Phase.RESTORE, "restore", List.of(), "", List.of(), List.of());
        Step early = new Step(2, Phase.PATCH, "patch", List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "isinteg -patch"),
                "", List.of(), List.of());
        Step eseutil = new Step(3, Phase.PREPARE, "recover", List.of("eseutil /r /is"), "", List.of(), List.of());
        Step start = new Step(4, Phase.ONLINE, "start", List.of("net start MSExchangeIS"), "", List.of(), List.of());
        Step noSet = new Step(5, Phase.PATCH, "patch", List.of("isinteg -patch"), "", List.of(), List.of());
        Step repair = new Step(6, Phase.RESTORE, "repair", List.of("eseutil /p /ispriv"), "", List.of(), List.of());
        Runbook online = new Runbook("online", List.of(restore, early, eseutil, start), java.util.Map.of(),
                java.util.Map.of());
        assertEquals(List.of("step 2: isinteg -patch before the first start after an online restore (KB Q231299)",
                "step 2: isinteg -patch after an online restore (KB Q231299)",
                "step 3: eseutil /r /is before the first start after an online restore (KB Q231299)"),
                Forbidden.violations(online, true, true));
        Runbook offline = new Runbook("offline-pit", List.of(restore, early, start, noSet, repair), java.util.Map.of(),
                java.util.Map.of());
        assertEquals(List.of("step 2: isinteg -patch before the store asked for it (KB Q296787)",
                "step 5: isinteg -patch before the store asked for it (KB Q296787)",
                "step 5: isinteg -patch without SET _CLUSTER_NETWORK_NAME_= before it in the same prompt (KB Q178311)",
                "step 6: eseutil /p (hard repair) is never part of a plan (KB Q185577)"),
                Forbidden.violations(offline, false, true));
    }

    /** Every plan the scenarios of exchange-restore.md 10.7 give breaks no rule of the catalog. */
    @Test
    void noScenarioGivesAForbiddenStep() throws Exception {
        List<RestoreScenario> all = List.of(RestoreScenario.offlineBase(), RestoreScenario.onlineBase(),
                RestoreScenario.standaloneOffline(), DemoEvidence.scenario(), BeforeRestoreDemo.scenario(),
                RestoreScenario.s4(), RestoreScenario.offlineBase().option("--roll-forward"));
        int i = 0;
        for (RestoreScenario s : all) {
            Path d = dir.resolve("s" + i++);
            Runbook r = plan(s, d); // the planner refuses a plan that breaks one
            assertFalse(r.steps().isEmpty());
        }
    }
}
