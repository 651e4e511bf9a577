package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.rules.RestoreScenario.LOG_SIGNATURE;
import static org.patchlens.rules.StoreEvidence.ML_TEXT;
import static org.patchlens.rules.StoreEvidence.log;
import static org.patchlens.rules.StoreEvidence.logFile;
import static org.patchlens.rules.StoreEvidence.logName;
import static org.patchlens.rules.StoreEvidence.rollForward;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-05: the generations of a stream's logs (those with the anchor's signature) run without a gap from the
 * anchor (online: LowLog) to the highest, edb.log included; replay stops at a gap (KB Q240145, Q296787). Logs
 * below the anchor are in the databases' past and are not replayed.
 */
class Ese05LogGapsTest {
    @TempDir
    Path dir;

    private Finding ese05(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        List<Finding> f = StoreEvidence.run(s, dir, edits).of(Rule.ESE_05);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    @Test
    void passesAContiguousSequence() throws Exception {
        Finding f = ese05(RestoreScenario.onlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals("log sequence", f.object());
        assertEquals("contiguous", f.expected());
        assertEquals("generations 16 to 18", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAGapInARollForwardQ240145() throws Exception {
        // S6 of exchange-restore.md 10.7 without its foreign log: 0x13 is missing, edb.log is 0x16
        RestoreScenario s = rollForward(0x10, 0x11, 0x12, 0x14, 0x15);
        s.logs.add(logFile("edb.log", 0x16, LOG_SIGNATURE));
        Finding f = ese05(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("contiguous from 16 to 22", f.expected());
        assertEquals("missing Edb00013.log; replay stops after generation 18", f.actual());
        assertEquals(Rule.ESE_05.remedy().replace("Edb<gen>.log", "Edb00013.log"), f.remedy());
    }

    /**
     * A log eseutil's text reports damaged is there, but replay stops at it as at a gap: in a range listing
     * ({@code eseutil /ml edb}) it counted as present and the sequence passed; as a log eseutil could not read in a
     * dump of several runs (a block without lGeneration) it was dropped and called missing.
     */
    @Test
    void failsALogEseutilReportedDamagedAsNotUsable() throws Exception {
        RestoreScenario s = rollForward(0x10, 0x11, 0x12);
        s.logs.add(logFile("edb.log", 0x13, LOG_SIGNATURE));
        String remedy = "Edb00011.log is there, but eseutil /ml did not find it usable: replay cannot pass it. Check a "
                + "fresh copy with `eseutil /ml Edb00011.log`; if it is damaged, find an undamaged copy in other backup "
                + "sets; otherwise keep only logs below it, rename the highest of them edb.log and remove all above it "
                + "(KB Q296787, Q240145).";
        Finding listed = ese05(s, StoreEvidence.delete(log(0x11)),
                StoreEvidence.write(ML_TEXT, StoreEvidence.mlRangeDamaged(0x11)));
        assertEquals(Status.FAIL, listed.status());
        assertEquals(Severity.HIGH, listed.severity());
        assertEquals("contiguous from 16 to 19", listed.expected());
        assertEquals("not usable Edb00011.log (eseutil /ml, under line 5: ERROR: Log damaged (unusable). Last Lgpos: "
                + "(0x11,3F1,1A). Error -501.); replay stops after generation 16", listed.actual());
        assertEquals(ML_TEXT + " : Edb00011.log (eseutil /ml verdict)", listed.actualSource().toString());
        assertEquals(remedy, listed.remedy());

        Finding unread = ese05(s, StoreEvidence.delete(log(0x11)), StoreEvidence.write(ML_TEXT,
                StoreEvidence.mlUnreadThenDumped("Edb00011.log", "Edb00012.log", 0x12, LOG_SIGNATURE)));
        assertEquals(Status.FAIL, unread.status());
        assertEquals("not usable Edb00011.log (eseutil /ml, under line 4: ERROR: Cannot read log file header. Error "
                + "-501.); replay stops after generation 16", unread.actual());
        assertEquals(remedy, unread.remedy());
    }

    /** A log whose header checksum does not verify (one byte inverted) counted as present: the sequence passed. */
    @Test
    void failsALogWhoseHeaderChecksumDoesNotVerifyAsNotUsable() throws Exception {
        Finding f = ese05(rollForward(0x10, 0x11, 0x12), StoreEvidence.damage(log(0x11), 100));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("contiguous from 16 to 18", f.expected());
        assertEquals("not usable Edb00011.log (" + StoreEvidence.logChecksumDamage(dir, log(0x11))
                + "); replay stops after generation 16", f.actual());
        assertEquals(StoreEvidence.source(log(0x11), "checksum", 0), f.actualSource().toString());
        assertEquals("Edb00011.log is there, but its header checksum does not verify: replay cannot pass it. Check a "
                + "fresh copy with `eseutil /ml Edb00011.log`; if it is damaged, find an undamaged copy in other backup "
                + "sets; otherwise keep only logs below it, rename the highest of them edb.log and remove all above it "
                + "(KB Q296787, Q240145).", f.remedy());
    }

    /** The same, in ESE97 or Exchange 2000 (7.3704.4) logs, which have no file type: the gap was called missing. */
    @ParameterizedTest
    @ValueSource(strings = {"ESE97", "ESE98"})
    void failsALogWithoutAFileTypeWhoseHeaderChecksumDoesNotVerifyAsNotUsable(String engine) throws Exception {
        RestoreScenario s = rollForward(0x10, 0x11, 0x12);
        Finding f = ese05(s, StoreEvidence.concat(StoreEvidence.oldLogs(engine, s), StoreEvidence.damage(log(0x11), 100)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("contiguous from 16 to 18", f.expected());
        assertEquals("not usable Edb00011.log (" + StoreEvidence.logChecksumDamage(dir, log(0x11))
                + "); replay stops after generation 16", f.actual());
        assertEquals(StoreEvidence.source(log(0x11), "checksum", 0), f.actualSource().toString());
        assertTrue(f.remedy().startsWith("Edb00011.log is there, but its header checksum does not verify: replay cannot "
                + "pass it."), f.remedy());
    }

    @Test
    void aSoundCopyClosesTheGapOfALogWhoseHeaderDoesNotVerify() throws Exception {
        // eseutil /ml dumped a sound header of generation 17 (its copy, saved beside the damaged binary file)
        RestoreScenario s = rollForward(0x10, 0x11, 0x12);
        Finding f = ese05(s, StoreEvidence.damage(log(0x11), 100), StoreEvidence.write(ML_TEXT,
                StoreEvidence.mlText(List.of(logFile(logName(0x11), 0x11, LOG_SIGNATURE)), false)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Status.PASS, f.status());
        assertEquals("generations 16 to 18", f.actual());
    }

    @Test
    void aCopyEseutilFoundSoundClosesTheGap() throws Exception {
        // the binary Edb00011.log is there beside the listing that says a copy of it was damaged
        RestoreScenario s = rollForward(0x10, 0x11, 0x12);
        Finding f = ese05(s, StoreEvidence.write(ML_TEXT, StoreEvidence.mlRangeDamaged(0x11)));
        assertEquals(Status.PASS, f.status());
        assertEquals("generations 16 to 18", f.actual());
    }

    @Test
    void listsEveryMissingGeneration() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.subList(1, 3).clear();
        s.logs.add(logFile(logName(0x13), 0x13, LOG_SIGNATURE));
        Finding f = ese05(s);
        assertEquals("contiguous from 16 to 19", f.expected());
        assertEquals("missing Edb00011.log, Edb00012.log; replay stops after generation 16", f.actual());
        assertEquals(Rule.ESE_05.remedy().replace("Edb<gen>.log", "Edb00011.log"), f.remedy());
    }

    @Test
    void aLogOfAnotherStreamDoesNotCloseAGap() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.set(1, logFile(logName(0x11), 0x11, 0x0BADL));
        Finding f = ese05(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("missing Edb00011.log; replay stops after generation 16", f.actual());
    }

    @Test
    void logsBelowTheAnchorAreNotReplayed() throws Exception {
        // anchor 0x10 (Last Consistent); 0x0E is missing below it, where replay never goes
        Finding f = ese05(rollForward(0x0D, 0x0F, 0x10, 0x11));
        assertEquals(Status.PASS, f.status());
        assertEquals("generations 16 to 17", f.actual());
    }

    @Test
    void startsAtTheFirstLogWhenTheAnchorLogIsMissing() throws Exception {
        // the missing anchor itself is ESE-04's finding
        Finding f = ese05(rollForward(0x12, 0x13));
        assertEquals(Status.PASS, f.status());
        assertEquals("generations 18 to 19", f.actual());
    }

    @Test
    void listsAThousandMissingGenerations() throws Exception {
        RestoreScenario s = rollForward(1, 1002);
        s.databases.forEach(d -> d.consistentGen = 1);
        Finding f = ese05(s);
        assertEquals("contiguous from 1 to 1002", f.expected());
        assertEquals(1000, f.actual().split(", ").length, "2 to 1001");
        assertTrue(f.actual().endsWith(logName(1001) + "; replay stops after generation 1"), f.actual());
    }

    @Test
    void listsNoMoreThanAThousandMissingGenerations() throws Exception {
        RestoreScenario s = rollForward(1, 1003);
        s.databases.forEach(d -> d.consistentGen = 1);
        Finding f = ese05(s);
        assertEquals("contiguous from 1 to 1003", f.expected());
        assertEquals(1000, f.actual().split(", ").length, "the first thousand of 2 to 1002");
        assertFalse(f.actual().contains(logName(1002)), f.actual());
    }

    @Test
    void reserveLogsAreNotPartOfTheSequence() throws Exception {
        // res1.log and res2.log are pre-formatted spares, used only when the log disk is full (KB Q296787)
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.add(logFile("res1.log", 0x14, LOG_SIGNATURE));
        s.logs.add(logFile("res2.log", 0x15, LOG_SIGNATURE));
        Finding f = ese05(s);
        assertEquals(Status.PASS, f.status());
        assertEquals("generations 16 to 18", f.actual());
    }

    @Test
    void logsCopiedIntoTheTopOfTheEvidenceFolderFormAStream() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logFolder = "";
        Finding f = ese05(s);
        assertEquals(Status.PASS, f.status());
        assertEquals("log sequence", f.object());
        assertEquals("generations 16 to 18", f.actual());
    }

    @Test
    void doesNotApplyToAPointInTimeRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.logs.addAll(RestoreScenario.onlineBase().logs);
        Finding f = ese05(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: point-in-time restore replays no logs", f.detail());
    }

    /**
     * Logs renamed (a copy kept as "Copy of ...", a ".old"): replay reads none of them, and the rules over the replayed
     * logs said "no log headers among the evidence", as if there were none; they now name them.
     */
    @Test
    void isSkippedNamingLogsReplayDoesNotRead() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        s.logs.add(logFile("Copy of Edb00010.log", 0x10, LOG_SIGNATURE));
        s.logs.add(logFile("Edb00011.log.old", 0x11, LOG_SIGNATURE));
        EngineRun run = StoreEvidence.run(s, dir);
        String why = "no log named edb.log or EdbXXXXX.log among the evidence (replay reads those names only); 2 logs "
                + "are named otherwise: Copy of Edb00010.log, Edb00011.log.old";
        for (Rule r : List.of(Rule.ESE_04, Rule.ESE_05, Rule.ESE_06)) {
            Finding f = run.of(r).get(0);
            assertEquals(Status.SKIPPED, f.status(), r + ": " + f);
            assertEquals(why, f.detail(), r.toString());
        }
    }

    @Test
    void isSkippedWithoutLogs() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.clear();
        Finding f = ese05(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no log headers among the evidence", f.detail());
    }
}
