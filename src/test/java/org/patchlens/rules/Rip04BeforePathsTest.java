package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RipCluEvidence.DS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.attachSource;
import static org.patchlens.rules.RipCluEvidence.attachedAt;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RIP-04: every database the tape logs (LowLog..HighLog) attach has an EDB_RstMap "before" line equal to the
 * path the logs recorded; the store skips the logs of any other database silently (KB Q262041). The online base
 * has logs 0x10-0x12 attaching D:\...\PRIV.EDB and E:\...\PUB.EDB, and before-lines naming the same paths.
 */
class Rip04BeforePathsTest {
    private static final String LOGS = "F/exchsrvr/MDBDATA/";
    private static final String PRIV_AT_D = "D:\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String PRIV_AT_G = "G:\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String PUB_AT_E = "E:\\exchsrvr\\MDBDATA\\PUB.EDB";

    @TempDir
    Path dir;

    private List<Finding> rip04(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.RIP_04);
    }

    /** The online base whose log of generation {@code gen} attaches PRIV.EDB at {@code privPath}. */
    private static RestoreScenario privAttachedIn(int gen, String privPath) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> l.gen() == gen ? new RestoreScenario.Log(l.name(), gen, l.sig(),
                attachedAt(privPath, PUB_AT_E)) : l);
        return s;
    }

    private static String remedy(String range, String logPath, String before) {
        return "Logs " + range + " refer to " + logPath + ", the map says " + before + ": those logs will be skipped "
                + "silently and their data lost (KB Q262041). Do not start the store; save the logs and the original "
                + "database; restore again, or correct the before-line to exactly " + logPath + " (UNC form) with "
                + "extreme care.";
    }

    @Test
    void passesEachDatabaseOnceWithTheFirstLogThatAttachesIt() throws Exception {
        List<Finding> f = rip04(RestoreScenario.onlineBase());
        assertEquals(2, f.size(), "three logs attach the same two databases: " + f);
        Finding priv = f.get(0);
        assertEquals(Status.PASS, priv.status());
        assertEquals(Severity.CRIT, priv.severity());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap before-line for PRIV.EDB", priv.object());
        assertEquals(PRIV_AT_D, priv.expected());
        assertEquals(attachSource(dir, LOGS + "Edb00010.log", "PRIV.EDB"), priv.expectedSource().toString());
        assertEquals(PRIV_AT_D, priv.actual());
        assertEquals(valueSource(dir, SYSTEM, IS_RIP_PATH, "EDB_RstMap"), priv.actualSource().toString());
        assertEquals("", priv.remedy());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap before-line for PUB.EDB", f.get(1).object());
        assertEquals(PUB_AT_E, f.get(1).expected());
    }

    @Test
    void failsBeforeLinesOtherThanThePathsInTheLogsQ262041() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(), attachedAt(PRIV_AT_G,
                "G:\\exchsrvr\\MDBDATA\\PUB.EDB")));
        List<Finding> f = rip04(s);
        assertEquals(2, f.size(), f.toString());
        Finding priv = f.get(0);
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.CRIT, priv.severity());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap before-line for PRIV.EDB", priv.object());
        assertEquals(PRIV_AT_G, priv.expected());
        assertEquals(attachSource(dir, LOGS + "Edb00010.log", "PRIV.EDB"), priv.expectedSource().toString());
        assertEquals(PRIV_AT_D, priv.actual());
        assertEquals(valueSource(dir, SYSTEM, IS_RIP_PATH, "EDB_RstMap"), priv.actualSource().toString());
        assertEquals(remedy("Edb00010.log, Edb00011.log, Edb00012.log", PRIV_AT_G, PRIV_AT_D), priv.remedy());
        assertEquals(Status.FAIL, f.get(1).status());
    }

    @Test
    void failsTheLowLogGenerationAloneAttachingAnotherPath() throws Exception {
        List<Finding> f = rip04(privAttachedIn(0x10, PRIV_AT_G));
        Finding g = RipCluEvidence.withObject(f.stream().filter(x -> x.status() == Status.FAIL).toList(),
                IS_RIP_PATH + " : EDB_RstMap before-line for PRIV.EDB");
        assertEquals(PRIV_AT_G, g.expected());
        assertEquals(remedy("Edb00010.log", PRIV_AT_G, PRIV_AT_D), g.remedy());
        assertEquals(List.of(Status.FAIL, Status.PASS, Status.PASS), f.stream().map(Finding::status).toList(),
                "G: from Edb00010.log, then E:\\PUB.EDB, then D:\\PRIV.EDB from Edb00011.log");
    }

    @Test
    void failsTheHighLogGenerationAloneAttachingAnotherPath() throws Exception {
        Finding g = rip04(privAttachedIn(0x12, PRIV_AT_G)).stream().filter(x -> x.status() == Status.FAIL)
                .findFirst().orElseThrow();
        assertEquals(PRIV_AT_G, g.expected());
        assertEquals(attachSource(dir, LOGS + "Edb00012.log", "PRIV.EDB"), g.expectedSource().toString());
        assertEquals(remedy("Edb00012.log", PRIV_AT_G, PRIV_AT_D), g.remedy());
    }

    @Test
    void ignoresLogsBelowLowLogAndAboveHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        for (int g : new int[] {0x0F, 0x13}) {
            s.logs.add(new RestoreScenario.Log(String.format("Edb%05x.log", g), g, RestoreScenario.LOG_SIGNATURE,
                    attachedAt(PRIV_AT_G, PUB_AT_E)));
        }
        List<Finding> f = rip04(s);
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList(), f.toString());
        assertEquals(attachSource(dir, LOGS + "Edb00010.log", "PRIV.EDB"), f.get(0).expectedSource().toString());
    }

    @Test
    void comparesThePathsIgnoringCase() throws Exception {
        List<Finding> f = rip04(privAttachedIn(0x11, "d:\\EXCHSRVR\\mdbdata\\priv.edb"));
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList(),
                "the lower-case path of Edb00011.log is the same database path: " + f);
    }

    @Test
    void failsADatabaseWithoutABeforeLine() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "EDB_RstMap Size", 1).multiSz(IS_RIP, "EDB_RstMap",
                "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB", "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB");
        Finding pub = RipCluEvidence.withObject(rip04(s), IS_RIP_PATH + " : EDB_RstMap before-line for PUB.EDB");
        assertEquals(Status.FAIL, pub.status());
        assertEquals(PUB_AT_E, pub.expected());
        assertEquals("no line for PUB.EDB", pub.actual());
        assertEquals(remedy("Edb00010.log, Edb00011.log, Edb00012.log", PUB_AT_E, "no line for PUB.EDB"),
                pub.remedy());
    }

    @Test
    void leavesTheDirectoryAttachedToTheIsLogsToTheDsKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        List<String[]> three = new ArrayList<>(attachedAt(PRIV_AT_D, PUB_AT_E));
        three.add(new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB", "1"});
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(), three));
        List<Finding> f = rip04(s);
        assertEquals(List.of(IS_RIP_PATH + " : EDB_RstMap before-line for PRIV.EDB",
                IS_RIP_PATH + " : EDB_RstMap before-line for PUB.EDB"), f.stream().map(Finding::object).toList());
    }

    @Test
    void checksTheDsKeyAgainstTheDirectoryLogStream() throws Exception {
        List<Finding> f = rip04(RipCluEvidence.onlineWithDirectory());
        assertEquals(3, f.size(), f.toString());
        Finding ds = f.get(2);
        assertEquals(Status.PASS, ds.status());
        assertEquals(DS_RIP_PATH + " : EDB_RstMap before-line for DIR.EDB", ds.object());
        assertEquals("D:\\exchsrvr\\DSADATA\\DIR.EDB", ds.expected());
        assertEquals(attachSource(dir, LOGS + "DS/Edb00020.log", "DIR.EDB"), ds.expectedSource().toString());
        assertEquals(valueSource(dir, SYSTEM, DS_RIP_PATH, "EDB_RstMap"), ds.actualSource().toString());
    }

    @Test
    void leavesInformationStoreDatabasesInTheDirectoryLogsToTheIsKey() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.logs.replaceAll(l -> l.name().startsWith("DS/") ? new RestoreScenario.Log(l.name(), l.gen(), l.sig(),
                List.of(new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB", Long.toString(RipCluEvidence.DIR_SIGNATURE)},
                        new String[] {"G:\\exchsrvr\\MDBDATA\\PRIV.EDB", "1"})) : l);
        List<Finding> f = rip04(s);
        assertEquals(List.of(Status.PASS, Status.PASS, Status.PASS), f.stream().map(Finding::status).toList(),
                f.toString());
    }

    @Test
    void checksADatabaseOfTheOtherServiceThatTheMapNames() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "EDB_RstMap Size", 1).multiSz(IS_RIP, "EDB_RstMap",
                "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB");
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(),
                List.<String[]>of(new String[] {"G:\\exchsrvr\\DSADATA\\DIR.EDB", "1"})));
        Finding f = only(rip04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap before-line for DIR.EDB", f.object());
        assertEquals("G:\\exchsrvr\\DSADATA\\DIR.EDB", f.expected());
        assertEquals("D:\\exchsrvr\\DSADATA\\DIR.EDB", f.actual());
    }

    @Test
    void readsALowLogOfZeroAsAGeneration() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0);
        List<Finding> f = rip04(s);
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList(), f.toString());
    }

    @Test
    void readsAHighLogOfZeroAsAGeneration() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0).dword(IS_RIP, "HighLog Number", 0);
        assertEquals("no attach lists in the headers of logs 0 to 0 (none present)", only(rip04(s)).detail());
    }

    @Test
    void isSkippedWhenTheTapeLogsAttachNoDatabaseOfTheService() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(),
                List.<String[]>of(new String[] {"D:\\exchsrvr\\DSADATA\\DIR.EDB", "1"})));
        Finding f = only(rip04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the tape logs attach no database of MSExchangeIS", f.detail());
    }

    @Test
    void isSkippedWithoutARestoreMap() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "EDB_RstMap");
        Finding f = only(rip04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals(IS_RIP_PATH + ": no usable EDB_RstMap or log range (RIP-02)", f.detail());
    }

    @Test
    void isSkippedForARestoreMapWrittenAsOneString() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "EDB_RstMap", "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB");
        assertEquals(IS_RIP_PATH + ": no usable EDB_RstMap or log range (RIP-02)", only(rip04(s)).detail());
    }

    @Test
    void isSkippedWithoutLowLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "LowLog Number");
        assertEquals(IS_RIP_PATH + ": no usable EDB_RstMap or log range (RIP-02)", only(rip04(s)).detail());
    }

    @Test
    void isSkippedWithoutHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "HighLog Number");
        assertEquals(IS_RIP_PATH + ": no usable EDB_RstMap or log range (RIP-02)", only(rip04(s)).detail());
    }

    @Test
    void isSkippedWithoutTapeLogs() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.clear();
        Finding f = only(rip04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no attach lists in the headers of logs 16 to 18 (none present)", f.detail());
    }

    @Test
    void isSkippedForLogsWithoutAttachLists() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> new RestoreScenario.Log(l.name(), l.gen(), l.sig(), List.of()));
        Finding f = only(rip04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no attach lists in the headers of logs 16 to 18 (ESE97 binary logs do not record them; supply "
                + "eseutil /ml output)", f.detail());
    }

    @Test
    void doesNotApplyToAnOfflineRestore() throws Exception {
        Finding f = only(rip04(RestoreScenario.offlineBase()));
        assertEquals("not applicable: no Restore in Progress key (offline-pit restore)", f.detail());
    }
}
