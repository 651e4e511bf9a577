package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.LOG_SIGNATURE;
import static org.patchlens.rules.StoreEvidence.LOGS;
import static org.patchlens.rules.StoreEvidence.logFile;
import static org.patchlens.rules.StoreEvidence.rollForward;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-06: edb.log, the current log, must be one generation above the highest numbered log of its stream, and no
 * numbered log may lie above it; an offline roll-forward needs it, renamed from the highest numbered log if it
 * is missing (KB Q296787 steps 6 and 7). An online restore never brings edb.log from tape (KB Q200941).
 */
class Ese06CurrentLogTest {
    private static final String EDB_LOG = LOGS + "/edb.log";

    @TempDir
    Path dir;

    private Finding ese06(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        List<Finding> f = StoreEvidence.run(s, dir, edits).of(Rule.ESE_06);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    /** Numbered logs 0x10-0x12 rolled forward, and edb.log of the given generation. */
    private static RestoreScenario withEdbLog(int gen) {
        RestoreScenario s = rollForward(0x10, 0x11, 0x12);
        s.logs.add(logFile("edb.log", gen, LOG_SIGNATURE));
        return s;
    }

    @Test
    void passesEdbLogOneAboveTheHighestNumberedLog() throws Exception {
        Finding f = ese06(withEdbLog(0x13));
        assertEquals(Status.PASS, f.status());
        assertEquals("edb.log", f.object());
        assertEquals("generation 19", f.expected());
        assertEquals("generation 19", f.actual());
        assertEquals(source(EDB_LOG, "lGeneration", 4), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsEdbLogTwoAboveTheHighestNumberedLog() throws Exception {
        Finding f = ese06(withEdbLog(0x14));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("generation 19 (highest numbered Edb00012.log + 1)", f.expected());
        assertEquals("generation 20", f.actual());
        assertEquals(source(EDB_LOG, "lGeneration", 4), f.actualSource().toString());
        assertEquals("edb.log (generation 20) does not follow Edb00012.log: move it away (KB Q296787 step 6), or "
                + "move away the numbered logs above it.", f.remedy());
    }

    /** edb.log of the right generation whose header checksum does not verify (one byte inverted): it passed. */
    @Test
    void failsAnEdbLogWhoseHeaderChecksumDoesNotVerify() throws Exception {
        Finding f = ese06(withEdbLog(0x13), StoreEvidence.damage(EDB_LOG, 100));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("edb.log", f.object());
        assertEquals("generation 19, usable", f.expected());
        assertEquals("not usable (" + StoreEvidence.logChecksumDamage(dir, EDB_LOG) + ")", f.actual());
        assertEquals(source(EDB_LOG, "checksum", 0), f.actualSource().toString());
        assertEquals("edb.log is there, but its header checksum does not verify: check a fresh copy with `eseutil /ml "
                + "edb.log`; if it is damaged, move it away and `ren Edb00012.log edb.log` (KB Q296787 step 7).",
                f.remedy());
    }

    /** The same, in ESE97 or Exchange 2000 (7.3704.4) logs, which have no file type: edb.log was called missing. */
    @ParameterizedTest
    @ValueSource(strings = {"ESE97", "ESE98"})
    void failsAnEdbLogWithoutAFileTypeWhoseHeaderChecksumDoesNotVerify(String engine) throws Exception {
        RestoreScenario s = withEdbLog(0x13);
        Finding f = ese06(s, StoreEvidence.concat(StoreEvidence.oldLogs(engine, s), StoreEvidence.damage(EDB_LOG, 100)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("generation 19, usable", f.expected());
        assertEquals("not usable (" + StoreEvidence.logChecksumDamage(dir, EDB_LOG) + ")", f.actual());
        assertEquals(source(EDB_LOG, "checksum", 0), f.actualSource().toString());
        assertEquals("edb.log is there, but its header checksum does not verify: check a fresh copy with `eseutil /ml "
                + "edb.log`; if it is damaged, move it away and `ren Edb00012.log edb.log` (KB Q296787 step 7).",
                f.remedy());
    }

    @Test
    void aSoundCopyOfEdbLogPassesBesideOneWhoseHeaderDoesNotVerify() throws Exception {
        // eseutil /ml dumped a sound header of edb.log, generation 19, saved beside the damaged binary file
        Finding f = ese06(withEdbLog(0x13), StoreEvidence.damage(EDB_LOG, 100), StoreEvidence.write(
                StoreEvidence.ML_TEXT, StoreEvidence.mlText(List.of(logFile("edb.log", 0x13, LOG_SIGNATURE)), false)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Status.PASS, f.status());
        assertEquals("generation 19", f.actual());
    }

    /**
     * edb.log of the right generation whose header eseutil dumped, then found damaged ("ERROR: Log damaged
     * (unusable)" after it): it passed, as if eseutil had found nothing.
     */
    @Test
    void failsAnEdbLogEseutilFoundDamaged() throws Exception {
        String text = dir.resolve(StoreEvidence.ML_TEXT).toString();
        Finding f = ese06(withEdbLog(0x13), StoreEvidence.delete(EDB_LOG), StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlDumpedThenDamaged("edb.log", 0x13, LOG_SIGNATURE)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("edb.log", f.object());
        assertEquals("generation 19, usable", f.expected());
        assertEquals("not usable (eseutil /ml, " + text + " line 8: ERROR: Log damaged (unusable). Last Lgpos: "
                + "(0x13,8,0). Error -501.)", f.actual());
        assertEquals(StoreEvidence.ML_TEXT + " : edb.log (eseutil /ml verdict)", f.actualSource().toString());
        assertEquals("edb.log is there, but eseutil /ml did not find it usable: check a fresh copy with `eseutil /ml "
                + "edb.log`; if it is damaged, move it away and `ren Edb00012.log edb.log` (KB Q296787 step 7).",
                f.remedy());
    }

    /**
     * edb.log alone, which eseutil could not read (its generation unknown): ESE-06 fails it, and ESE-05, with no
     * log of a known generation, says so (it placed the unknown generation as 0 and passed "generations 16 to 0").
     */
    @Test
    void failsAnEdbLogEseutilCouldNotReadAndTheSequenceHasNoKnownGeneration() throws Exception {
        EngineRun run = StoreEvidence.run(rollForward(), dir, StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlUnreadable("F:\\exchsrvr\\MDBDATA\\edb.log")));
        List<Finding> f = run.of(Rule.ESE_06);
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.FAIL, f.get(0).status());
        assertEquals("a log replay can use", f.get(0).expected());
        assertEquals("not usable (eseutil /ml, under line 4: ERROR: Cannot read log file header. Error -501.)",
                f.get(0).actual());
        assertEquals("edb.log is there, but eseutil /ml did not find it usable: check a fresh copy with `eseutil /ml "
                + "edb.log`; if it is damaged, move it away (KB Q296787 step 6).", f.get(0).remedy());
        List<Finding> gaps = run.of(Rule.ESE_05);
        assertEquals(1, gaps.size(), gaps.toString());
        assertEquals(Status.SKIPPED, gaps.get(0).status());
        assertEquals("no log of a known generation among the evidence (eseutil's text can name a log without one)",
                gaps.get(0).detail());
    }

    /**
     * edb.log that an eseutil /ml range listing names OK after a log it reported damaged: eseutil verified it against
     * no sound log, so the listing gives no generation for it. ESE-06 said "generation 0" and failed it as not
     * following Edb00012.log; its generation is unknown, which it now says, and what to run to learn it.
     */
    @Test
    void saysTheGenerationOfAnEdbLogListedOkAfterADamagedLogIsUnknown() throws Exception {
        Finding f = ese06(rollForward(0x10, 0x11), StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlRangeDamagedThenEdbLogOk(0x12)));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("edb.log", f.object());
        assertEquals("generation 19 (highest numbered Edb00012.log + 1)", f.expected());
        assertEquals("generation unknown (eseutil /ml, line 7: OK; the text gives no generation for it)", f.actual());
        assertEquals(StoreEvidence.ML_TEXT + " : edb.log (eseutil /ml verdict)", f.actualSource().toString());
        assertEquals("eseutil's text gives no generation for edb.log: run `eseutil /ml edb.log` and check that its "
                + "lGeneration is 19 (Edb00012.log + 1); if it is not, move it away (KB Q296787 step 6), or move away "
                + "the numbered logs above it.", f.remedy());
    }

    /** A binary edb.log of a known generation is judged before a copy the listing names without one. */
    @Test
    void judgesABinaryEdbLogBeforeAListedCopyOfUnknownGeneration() throws Exception {
        Finding f = ese06(withEdbLog(0x13), StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlRangeDamagedThenEdbLogOk(0x12)));
        assertEquals(Status.PASS, f.status());
        assertEquals("generation 19", f.actual());
        assertEquals(source(EDB_LOG, "lGeneration", 4), f.actualSource().toString());
    }

    @Test
    void failsEdbLogUnderANumberedLogOfItsGeneration() throws Exception {
        // a numbered log at or above edb.log is a ceiling that stops the database later (KB Q296787)
        Finding f = ese06(withEdbLog(0x12));
        assertEquals(Status.FAIL, f.status());
        assertEquals("generation 18", f.actual());
    }

    @Test
    void failsAMissingEdbLogInARollForward() throws Exception {
        Finding f = ese06(rollForward(0x10, 0x11, 0x12));
        assertEquals(Status.FAIL, f.status());
        assertEquals("edb.log", f.object());
        assertEquals("present, generation 19", f.expected());
        assertEquals("missing", f.actual());
        assertEquals("`ren Edb00012.log edb.log` and move away every numbered log above it (KB Q296787 step 7).",
                f.remedy());
    }

    @Test
    void aLogOfAnotherStreamIsNotTheHighest() throws Exception {
        RestoreScenario s = withEdbLog(0x13);
        s.logs.add(logFile(StoreEvidence.logName(0x20), 0x20, 0x0BADL)); // ESE-03 reports it
        Finding f = ese06(s);
        assertEquals(Status.PASS, f.status());
        assertEquals("generation 19", f.expected());
    }

    @Test
    void passesEdbLogAloneAsTheWholeStream() throws Exception {
        // roll-forward anchored at 0x10, and the anchor log is the current one
        RestoreScenario s = rollForward();
        s.logs.add(logFile("edb.log", 0x10, LOG_SIGNATURE));
        Finding f = ese06(s);
        assertEquals(Status.PASS, f.status());
        assertEquals("any generation (no numbered log in the stream)", f.expected());
        assertEquals("generation 16", f.actual());
    }

    @Test
    void passesAnOnlineRestoreWithoutEdbLog() throws Exception {
        Finding f = ese06(RestoreScenario.onlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals("absent or highest + 1", f.expected());
        assertEquals("absent (online restore: never on tape, KB Q200941)", f.actual());
    }

    @Test
    void passesAMissingEdbLogWhenTheRestoreTypeIsUnknown() throws Exception {
        // no --restore-type, and no SYSTEM hive, Restore in Progress key or patch file to decide from
        RestoreScenario s = rollForward(0x10, 0x11).unset("--restore-type");
        s.options.remove("--roll-forward");
        Finding f = ese06(s, StoreEvidence.delete(StoreEvidence.SYSTEM));
        assertEquals(Status.PASS, f.status());
        assertEquals("absent", f.actual());
    }

    @Test
    void doesNotApplyToAPointInTimeRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.logs.addAll(RestoreScenario.onlineBase().logs);
        Finding f = ese06(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: point-in-time restore", f.detail());
    }

    @Test
    void isSkippedWithoutLogs() throws Exception {
        Finding f = ese06(rollForward());
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no log headers among the evidence", f.detail());
    }
}
