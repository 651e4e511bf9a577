package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RipCluEvidence.DS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RIP-07: after an online restore nothing may run against the store before its first start (KB Q231299): while
 * the key says "EDB Database recovered" 00, isinteg -patch must not have run (--isinteg-runs 0) and no restored
 * database may be Consistent while its patch file holds more than the empty 8 KB (a soft recovery ran without
 * the patch data). The online base: Dirty Shutdown databases, 12 KB patch files, --isinteg-runs 0.
 */
class Rip07FirstStartTest {
    private static final String REMEDY = "Do not run isinteg -patch or eseutil /r before the first start after an "
            + "online restore: start the service (`net start MSExchangeIS`). If it was already run, the store will "
            + "fail with -552; restore the online backup again and start the service without isinteg (KB Q231299).";
    private static final String PRIV_EDB = "D/exchsrvr/MDBDATA/PRIV.EDB";

    @TempDir
    Path dir;

    private List<Finding> rip07(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.RIP_07);
    }

    /** The online base with PRIV.EDB shut down cleanly and PRIV.pat of {@code patBytes}. */
    private static RestoreScenario cleanPrivWithPatch(int patBytes) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.databases.get(0).state = 3;
        s.patches.put("PRIV", new int[] {0x10, 0x12, patBytes});
        return s;
    }

    @Test
    void passesAnOnlineRestoreBeforeItsFirstStart() throws Exception {
        Finding f = only(rip07(RestoreScenario.onlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("isinteg -patch not run before the first start", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("--isinteg-runs 0", f.actual());
        assertEquals("(command line) : --isinteg-runs", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsIsintegRunBeforeTheFirstStartQ231299() throws Exception {
        Finding f = only(rip07(RestoreScenario.onlineBase().set("--isinteg-runs", "1")));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("isinteg -patch not run before the first start", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("--isinteg-runs 1", f.actual());
        assertEquals("(command line) : --isinteg-runs", f.actualSource().toString());
        assertEquals(REMEDY, f.remedy());
    }

    @Test
    void passesAKeyWhoseStoreAlreadyStartedOnce() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().set("--isinteg-runs", "1");
        s.live().binary(IS_RIP, "EDB Database recovered", (byte) 1);
        Finding f = only(rip07(s));
        assertEquals(Status.PASS, f.status());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("first start done", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("EDB Database recovered = 01", f.actual());
        assertEquals(valueSource(dir, SYSTEM, IS_RIP_PATH, "EDB Database recovered"), f.actualSource().toString());
    }

    @Test
    void takesOnlyTheSingleByte01AsRecovered() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().set("--isinteg-runs", "1");
        s.live().binary(IS_RIP, "EDB Database recovered", (byte) 1, (byte) 0);
        assertEquals(Status.FAIL, only(rip07(s)).status());
    }

    @Test
    void takesARecoveredFlagOfTwoAsNotRecovered() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().set("--isinteg-runs", "1");
        s.live().binary(IS_RIP, "EDB Database recovered", (byte) 2);
        assertEquals(Status.FAIL, only(rip07(s)).status());
    }

    @Test
    void failsAConsistentDatabaseWhosePatchFileHoldsData() throws Exception {
        List<Finding> f = rip07(cleanPrivWithPatch(3 * 4096));
        assertEquals(2, f.size(), f.toString());
        Finding db = f.get(0);
        assertEquals(Status.FAIL, db.status());
        assertEquals(Severity.CRIT, db.severity());
        assertEquals(PRIV_EDB, db.object());
        assertEquals("Inconsistent (the first start has not happened)", db.expected());
        assertEquals("", db.expectedSource().toString());
        assertEquals("Clean Shutdown while PRIV.pat holds 12288 bytes: a soft recovery already ran", db.actual());
        // the database state lies at offset 52 of the header (docs/ese.md)
        assertEquals(PRIV_EDB + " : State @0x34", db.actualSource().toString());
        assertEquals(REMEDY, db.remedy());
        assertEquals(Status.PASS, f.get(1).status(), "--isinteg-runs 0 is still right");
    }

    @Test
    void passesAConsistentDatabaseWithAnEmptyPatchFileOfEightKilobytes() throws Exception {
        assertEquals(List.of(Status.PASS), rip07(cleanPrivWithPatch(8192)).stream().map(Finding::status).toList());
    }

    @Test
    void failsAConsistentDatabaseWithOneByteOfPatchData() throws Exception {
        Finding db = rip07(cleanPrivWithPatch(8193)).get(0);
        assertEquals(Status.FAIL, db.status());
        assertEquals("Clean Shutdown while PRIV.pat holds 8193 bytes: a soft recovery already ran", db.actual());
    }

    @Test
    void passesAConsistentDatabaseWithoutAPatchFile() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.databases.get(0).state = 3;
        s.patches.remove("PRIV");
        assertEquals(List.of(Status.PASS), rip07(s).stream().map(Finding::status).toList());
    }

    @Test
    void judgesTheDirectoryUnderTheDsKeyOnly() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.databases.get(2).state = 3;
        List<Finding> f = rip07(s);
        assertEquals(List.of(IS_RIP_PATH, "D/exchsrvr/DSADATA/DIR.EDB", DS_RIP_PATH),
                f.stream().map(Finding::object).toList());
        assertEquals(List.of(Status.PASS, Status.FAIL, Status.PASS), f.stream().map(Finding::status).toList());
        assertEquals("Clean Shutdown while DIR.pat holds 12288 bytes: a soft recovery already ran", f.get(1).actual());
    }

    @Test
    void passesFromTheDatabaseHeadersWhenIsintegRunsIsNotGiven() throws Exception {
        Finding f = only(rip07(RestoreScenario.onlineBase().unset("--isinteg-runs")));
        assertEquals(Status.PASS, f.status());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("no soft recovery before the first start", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("none shown by PRIV.EDB, PUB.EDB and their patch files", f.actual());
        assertEquals("", f.remedy());
    }

    @Test
    void failsFromTheDatabaseHeadersWhenIsintegRunsIsNotGiven() throws Exception {
        Finding f = only(rip07(cleanPrivWithPatch(3 * 4096).unset("--isinteg-runs")));
        assertEquals(Status.FAIL, f.status());
        assertEquals(PRIV_EDB, f.object());
    }

    @Test
    void isSkippedWithoutIsintegRunsAndWithoutDatabaseHeaders() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--isinteg-runs");
        s.databases.clear();
        s.patches.clear();
        Finding f = only(rip07(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--isinteg-runs not given and no database header with its patch file to show the state. Do "
                + "not run isinteg -patch or eseutil /r before the first start after an online restore (KB Q231299).",
                f.detail());
    }

    @Test
    void isSkippedWithoutIsintegRunsForDatabasesWithoutPatchFiles() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase().unset("--isinteg-runs");
        s.patches.clear();
        assertEquals(Status.SKIPPED, only(rip07(s)).status());
    }

    @Test
    void isSkippedInAnOnlineRestoreWithoutTheKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeKey(IS_RIP);
        Finding f = only(rip07(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no Restore in Progress key", f.detail());
    }

    @Test
    void doesNotApplyToAnOfflineRestore() throws Exception {
        Finding f = only(rip07(RestoreScenario.offlineBase()));
        assertEquals("not applicable: no Restore in Progress key (offline-pit restore)", f.detail());
    }
}
