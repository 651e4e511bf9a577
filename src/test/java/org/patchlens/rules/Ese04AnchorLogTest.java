package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.StoreEvidence.DS_LOGS;
import static org.patchlens.rules.StoreEvidence.LOGS;
import static org.patchlens.rules.StoreEvidence.concat;
import static org.patchlens.rules.StoreEvidence.log;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-04: the log replay starts from must be there: after an online restore the LowLog of the Restore in
 * Progress key, in an offline roll-forward the anchor log, the lowest Last Consistent generation of the
 * databases, as a numbered log or as edb.log (KB Q296787). A point-in-time restore replays no log.
 */
class Ese04AnchorLogTest {
    private static final String RIP = "Services\\MSExchangeIS\\Restore in Progress";

    @TempDir
    Path dir;

    private List<Finding> ese04(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        return StoreEvidence.run(s, dir, edits).of(Rule.ESE_04);
    }

    private static Finding only(List<Finding> f) {
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    @Test
    void passesTheLowLogOfAnOnlineRestore() throws Exception {
        Finding f = only(ese04(RestoreScenario.onlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals("LowLog Edb00010.log", f.object());
        assertEquals("present", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals(log(0x10), f.actual());
        assertEquals(source(log(0x10), "lGeneration", 4), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAMissingLowLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.remove(0);
        Finding f = only(ese04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("LowLog Edb00010.log", f.object());
        assertEquals("present (generation 16)", f.expected());
        assertEquals("missing", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("The LowLog log Edb00010.log is missing: do not replay any logs; restore point-in-time instead "
                + "(KB Q296787).", f.remedy());
    }

    @Test
    void passesTheAnchorLogOfARollForward() throws Exception {
        Finding f = only(ese04(StoreEvidence.rollForward(0x10, 0x11)));
        assertEquals(Status.PASS, f.status());
        assertEquals("anchor Edb00010.log", f.object());
        assertEquals(log(0x10), f.actual());
    }

    @Test
    void failsAMissingAnchorLog() throws Exception {
        Finding f = only(ese04(StoreEvidence.rollForward(0x11, 0x12)));
        assertEquals(Status.FAIL, f.status());
        assertEquals("anchor Edb00010.log", f.object());
        assertEquals("present (generation 16)", f.expected());
        assertEquals("The anchor log Edb00010.log is missing: do not replay any logs; restore point-in-time instead "
                + "(KB Q296787).", f.remedy());
    }

    /**
     * The anchor log named in a saved eseutil /ml text whose header eseutil could not read: the block (no
     * lGeneration line) was dropped and the anchor called missing; it is there, and not usable.
     */
    @Test
    void failsAnAnchorLogEseutilCouldNotRead() throws Exception {
        Finding f = only(ese04(StoreEvidence.rollForward(0x10, 0x11), StoreEvidence.delete(log(0x10)),
                StoreEvidence.write(StoreEvidence.ML_TEXT, StoreEvidence.mlUnreadThenDumped("Edb00010.log",
                        "Edb00011.log", 0x11, RestoreScenario.LOG_SIGNATURE))));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("anchor Edb00010.log", f.object());
        assertEquals("present (generation 16)", f.expected());
        assertEquals("not usable (eseutil /ml, under line 4: ERROR: Cannot read log file header. Error -501.)",
                f.actual());
        assertEquals(StoreEvidence.ML_TEXT + " : Edb00010.log (eseutil /ml verdict)", f.actualSource().toString());
        assertEquals("The anchor log Edb00010.log is there, but eseutil /ml did not find it usable: check a fresh copy "
                + "with `eseutil /ml Edb00010.log`; if it is damaged, do not replay any logs; restore point-in-time "
                + "instead (KB Q296787).", f.remedy());
    }

    @Test
    void aBinaryCopyOfTheAnchorPassesBesideATextThatFoundAnotherCopyDamaged() throws Exception {
        Finding f = only(ese04(StoreEvidence.rollForward(0x10, 0x11), StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlRangeDamaged(0x10))));
        assertEquals(Status.PASS, f.status());
        assertEquals(log(0x10), f.actual());
    }

    /** An anchor log whose header checksum does not verify (one byte of its header inverted): it passed as present. */
    @Test
    void failsAnAnchorLogWhoseHeaderChecksumDoesNotVerify() throws Exception {
        Finding f = only(ese04(StoreEvidence.rollForward(0x10, 0x11), StoreEvidence.damage(log(0x10), 100)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("anchor Edb00010.log", f.object());
        assertEquals("present (generation 16)", f.expected());
        assertEquals("not usable (" + StoreEvidence.logChecksumDamage(dir, log(0x10)) + ")", f.actual());
        assertEquals(source(log(0x10), "checksum", 0), f.actualSource().toString());
        assertEquals("The anchor log Edb00010.log is there, but its header checksum does not verify: check a fresh copy "
                + "with `eseutil /ml Edb00010.log`; if it is damaged, do not replay any logs; restore point-in-time "
                + "instead (KB Q296787).", f.remedy());
    }

    /**
     * An ESE97 or Exchange 2000 (7.3704.4) anchor log, no file type, whose header checksum fails: detection refused it,
     * and ESE-04 said missing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ESE97", "ESE98"})
    void failsAnAnchorLogWithoutAFileTypeWhoseHeaderChecksumDoesNotVerify(String engine) throws Exception {
        RestoreScenario s = StoreEvidence.rollForward(0x10, 0x11);
        Finding f = only(ese04(s, concat(StoreEvidence.oldLogs(engine, s), StoreEvidence.damage(log(0x10), 100))));
        assertEquals(Status.FAIL, f.status());
        assertEquals("present (generation 16)", f.expected());
        assertEquals("not usable (" + StoreEvidence.logChecksumDamage(dir, log(0x10)) + ")", f.actual());
        assertEquals(source(log(0x10), "checksum", 0), f.actualSource().toString());
    }

    /** An ESE97 anchor log cut short inside its header: refused by the reader, and ESE-04 said missing. */
    @Test
    void failsAnEse97AnchorLogCutShortInsideItsHeader() throws Exception {
        RestoreScenario s = StoreEvidence.rollForward(0x10, 0x11);
        Finding f = only(ese04(s, concat(StoreEvidence.ese97Logs(s), StoreEvidence.truncate(log(0x10), 3000))));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("present (generation 16)", f.expected());
        assertEquals("not usable (log header cut short at byte 3000 of its 4096 bytes (bytes 0 to 4095): not verifiable)",
                f.actual());
        assertEquals(source(log(0x10), "header, cut short", 3000), f.actualSource().toString());
        assertEquals("The anchor log Edb00010.log is there, but its header is cut short: check a fresh copy with `eseutil "
                + "/ml Edb00010.log`; if it is damaged, do not replay any logs; restore point-in-time instead (KB Q296787).",
                f.remedy());
    }

    @Test
    void aSoundCopyOfTheAnchorPassesBesideOneWhoseHeaderDoesNotVerify() throws Exception {
        // edb.log holds generation 16 too, and its header verifies
        RestoreScenario s = StoreEvidence.rollForward(0x10, 0x11);
        s.logs.add(StoreEvidence.logFile("edb.log", 0x10, RestoreScenario.LOG_SIGNATURE));
        Finding f = only(ese04(s, StoreEvidence.damage(log(0x10), 100)));
        assertEquals(Status.PASS, f.status());
        assertEquals(LOGS + "/edb.log", f.actual());
    }

    @Test
    void findsTheAnchorAsEdbLogByItsGeneration() throws Exception {
        RestoreScenario s = StoreEvidence.rollForward();
        s.logs.add(StoreEvidence.logFile("edb.log", 0x10, RestoreScenario.LOG_SIGNATURE));
        Finding f = only(ese04(s));
        assertEquals(Status.PASS, f.status());
        assertEquals(LOGS + "/edb.log", f.actual());
    }

    @Test
    void aDatabaseWithoutALastConsistentPositionDoesNotAnchor() throws Exception {
        RestoreScenario s = StoreEvidence.rollForward(0x11, 0x12);
        s.databases.get(0).consistentGen = 0;
        s.databases.get(1).consistentGen = 0x11;
        Finding f = only(ese04(s));
        assertEquals(Status.PASS, f.status());
        assertEquals("anchor Edb00011.log", f.object());
    }

    @Test
    void theLowestLastConsistentIsTheAnchor() throws Exception {
        RestoreScenario s = StoreEvidence.rollForward(0x11, 0x12);
        s.databases.get(1).consistentGen = 0x11;
        Finding f = only(ese04(s));
        assertEquals(Status.FAIL, f.status(), "PRIV.EDB is consistent at 0x10, whose log is missing");
        assertEquals("anchor Edb00010.log", f.object());
    }

    @Test
    void eachLogStreamStartsFromTheLowLogOfItsService() throws Exception {
        RestoreScenario s = StoreEvidence.withDirectoryRestoreKey(StoreEvidence.withDirectory(
                RestoreScenario.onlineBase()));
        List<Finding> f = ese04(s);
        assertEquals(List.of("LowLog Edb00010.log", "LowLog Edb00020.log"), f.stream().map(Finding::object).toList(),
                "streams in folder order: " + LOGS + " before " + DS_LOGS);
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList());
        assertEquals(DS_LOGS + "/" + StoreEvidence.logName(0x20), f.get(1).actual());
    }

    @Test
    void aDirPatBesideLogsThatAttachNothingMarksTheDirectorysStream() throws Exception {
        // ESE97 logs name no database: only dir.pat beside them says the DS folder's stream is the directory's
        RestoreScenario s = StoreEvidence.withDirectoryRestoreKey(RestoreScenario.onlineBase());
        RestoreScenario.Db d = new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 2, 0x1F, 0x20,
                StoreEvidence.DIR_SIGNATURE);
        d.logSig = StoreEvidence.DS_LOG_SIGNATURE;
        s.databases.add(d);
        for (int g = 0x20; g <= 0x21; g++) {
            s.logs.add(StoreEvidence.logFile("DS/" + StoreEvidence.logName(g), g, StoreEvidence.DS_LOG_SIGNATURE));
        }
        List<Finding> f = ese04(s);
        assertEquals(List.of("LowLog Edb00010.log", "LowLog Edb00020.log"), f.stream().map(Finding::object).toList(),
                "the DS folder's stream starts from the DS key's LowLog, the store's from the IS key's");
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList());
    }

    @Test
    void eachLogStreamIsAnchoredByItsOwnDatabases() throws Exception {
        RestoreScenario s = StoreEvidence.withDirectory(StoreEvidence.rollForward(0x10));
        s.databases.get(2).consistentGen = 0x20;
        List<Finding> f = ese04(s);
        assertEquals(List.of("anchor Edb00010.log", "anchor Edb00020.log"), f.stream().map(Finding::object).toList());
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList());
    }

    @Test
    void aLoneLogFolderServesTheDatabasesPresent() throws Exception {
        // the directory restored alone: one log folder that no dir.pat or attachment marks as the directory's
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        s.databases.clear();
        s.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 3, 0x20, 0x20, 1));
        s.logs.add(StoreEvidence.logFile("Edb00020.log", 0x20, RestoreScenario.LOG_SIGNATURE));
        Finding f = only(ese04(s));
        assertEquals(Status.PASS, f.status());
        assertEquals("anchor Edb00020.log", f.object());
    }

    @Test
    void doesNotApplyToAPointInTimeRestore() throws Exception {
        Finding f = only(ese04(RestoreScenario.offlineBase()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: offline-pit restore replays no log range", f.detail());
    }

    @Test
    void isSkippedWithoutLogs() throws Exception {
        Finding f = only(ese04(StoreEvidence.rollForward()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no log headers among the evidence", f.detail());
    }

    @Test
    void isSkippedWithoutALowLogNumber() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(RIP, "LowLog Number");
        Finding f = only(ese04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no LowLog Number", f.detail());
    }

    @Test
    void isSkippedForALowLogNumberThatIsNoDword() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(RIP, "LowLog Number", "16");
        Finding f = only(ese04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no LowLog Number", f.detail());
    }

    @Test
    void failsALowLogOfZeroWhoseLogCannotExist() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(RIP, "LowLog Number", 0);
        Finding f = only(ese04(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("LowLog Edb00000.log", f.object());
        assertEquals("present (generation 0)", f.expected());
    }

    @Test
    void isSkippedWithoutADatabaseThatRecordsALastConsistentPosition() throws Exception {
        RestoreScenario s = StoreEvidence.rollForward(0x10);
        s.databases.forEach(d -> d.consistentGen = 0);
        Finding f = only(ese04(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no database header with a Last Consistent position", f.detail());
    }
}
