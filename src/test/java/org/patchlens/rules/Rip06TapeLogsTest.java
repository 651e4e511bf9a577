package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.attachedAt;
import static org.patchlens.rules.RipCluEvidence.only;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * RIP-06: every generation LowLog..HighLog is present with the signature of the LowLog log; logs after HighLog
 * are replayed only while consecutive (no-loss restore), anything else is to be moved aside, and so is edb.chk
 * (KB Q296229, Q269782). The online base has Edb00010.log to Edb00012.log for LowLog 0x10, HighLog 0x12.
 */
class Rip06TapeLogsTest {
    private static final String LOGS = "F/exchsrvr/MDBDATA/";

    @TempDir
    Path dir;

    private List<Finding> rip06(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.RIP_06);
    }

    private static RestoreScenario withLog(String name, int gen, long sig) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.add(new RestoreScenario.Log(name, gen, sig, attachedAt("D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
                "E:\\exchsrvr\\MDBDATA\\PUB.EDB")));
        return s;
    }

    private static RestoreScenario withLog(int gen) {
        return withLog(String.format("Edb%05x.log", gen), gen, RestoreScenario.LOG_SIGNATURE);
    }

    private static RestoreScenario without(int gen) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.removeIf(l -> l.gen() == gen);
        return s;
    }

    private static String remedy(String missing, String aside) {
        return (missing.isEmpty() ? "" : "Missing: " + missing + "; restore them from tape. ") + "Move aside " + aside
                + " (KB Q269782) and edb.chk (KB Q296229) before starting.";
    }

    @Test
    void passesTheWholeRangeWithOneSignature() throws Exception {
        Finding f = only(rip06(RestoreScenario.onlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("tape logs 16-18", f.object());
        assertEquals("present, one signature", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("3 logs", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAGenerationMissingInsideTheRange() throws Exception {
        Finding f = only(rip06(without(0x11)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("tape logs 16-18", f.object());
        assertEquals("every generation present", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("missing Edb00011.log (error 3355443765)", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals(remedy("Edb00011.log", "any logs outside the range"), f.remedy());
    }

    /** A tape log whose header checksum does not verify (one byte inverted) counted as present: the range passed. */
    @Test
    void failsATapeLogWhoseHeaderChecksumDoesNotVerify() throws Exception {
        String log = LOGS + "Edb00011.log";
        Finding f = only(StoreEvidence.run(RestoreScenario.onlineBase(), dir, StoreEvidence.damage(log, 100))
                .of(Rule.RIP_06));
        assertNotUsableByItsChecksum(f, log);
    }

    /** RIP-06's finding on tape log {@code log} (Edb00011.log) whose header checksum does not verify. */
    private void assertNotUsableByItsChecksum(Finding f, String log) throws Exception {
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("tape logs 16-18 usable", f.object());
        assertEquals("every generation usable", f.expected());
        assertEquals("not usable Edb00011.log (" + StoreEvidence.logChecksumDamage(dir, log) + ")", f.actual());
        assertEquals(StoreEvidence.source(log, "checksum", 0), f.actualSource().toString());
        assertEquals("Not usable (header checksum): Edb00011.log; restore them from tape again and check them with "
                + "`eseutil /ml`. " + remedy("", "any logs outside the range"), f.remedy());
    }

    /** The same, in ESE97 or Exchange 2000 (7.3704.4) logs, which have no file type: the log was called missing. */
    @ParameterizedTest
    @ValueSource(strings = {"ESE97", "ESE98"})
    void failsATapeLogWithoutAFileTypeWhoseHeaderChecksumDoesNotVerify(String engine) throws Exception {
        String log = LOGS + "Edb00011.log";
        RestoreScenario s = RestoreScenario.onlineBase();
        Finding f = only(StoreEvidence.run(s, dir, StoreEvidence.concat(StoreEvidence.oldLogs(engine, s),
                StoreEvidence.damage(log, 100))).of(Rule.RIP_06));
        assertNotUsableByItsChecksum(f, log);
    }

    @Test
    void aSoundCopyOfATapeLogPassesBesideOneWhoseHeaderDoesNotVerify() throws Exception {
        // eseutil /ml dumped a sound header of generation 17, saved beside the damaged binary file
        String log = LOGS + "Edb00011.log";
        RestoreScenario s = RestoreScenario.onlineBase();
        Finding f = only(StoreEvidence.run(s, dir, StoreEvidence.damage(log, 100), StoreEvidence.write(
                StoreEvidence.ML_TEXT, StoreEvidence.mlText(s.logs.stream().filter(l -> l.gen() == 0x11).toList(), false)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).of(Rule.RIP_06));
        assertEquals(Status.PASS, f.status(), f.toString());
    }

    /** A tape log eseutil /ml (range mode) reported damaged counted as present, and the range passed. */
    @Test
    void failsATapeLogEseutilReportedDamaged() throws Exception {
        Finding f = only(StoreEvidence.run(without(0x11), dir, StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlRangeDamaged(0x11))).of(Rule.RIP_06));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("tape logs 16-18 usable", f.object());
        assertEquals("every generation usable", f.expected());
        assertEquals("not usable Edb00011.log (eseutil /ml, under line 5: ERROR: Log damaged (unusable). Last Lgpos: "
                + "(0x11,3F1,1A). Error -501.)", f.actual());
        assertEquals(StoreEvidence.ML_TEXT + " : Edb00011.log (eseutil /ml verdict)", f.actualSource().toString());
        assertEquals("Not usable (eseutil /ml): Edb00011.log; restore them from tape again and check them with "
                + "`eseutil /ml`. " + remedy("", "any logs outside the range"), f.remedy());
    }

    /**
     * An edb.log eseutil /ml (range mode) lists OK after a damaged log has no known generation: it is neither below
     * LowLog (it was taken for generation 0 and to be moved aside) nor known to follow HighLog.
     */
    @Test
    void anEdbLogOfUnknownGenerationIsNotALogOutsideTheRange() throws Exception {
        List<Finding> all = StoreEvidence.run(without(0x11), dir, StoreEvidence.write(StoreEvidence.ML_TEXT,
                StoreEvidence.mlRangeDamagedThenEdbLogOk(0x11))).of(Rule.RIP_06);
        assertEquals(2, all.size(), all.toString());
        assertEquals("tape logs 16-18 usable", all.get(0).object());
        Finding f = all.get(1);
        assertEquals(Status.WARN, f.status());
        assertEquals("logs of unknown generation", f.object());
        assertEquals("LowLog..HighLog (16-18) or consecutive later logs", f.expected());
        assertEquals("edb.log (eseutil /ml, line 7: OK; the text gives no generation for it)", f.actual());
        assertEquals(StoreEvidence.ML_TEXT + " : edb.log (eseutil /ml verdict)", f.actualSource().toString());
        assertEquals("eseutil's text gives no generation for edb.log: run `eseutil /ml` on it and check that its "
                + "lGeneration lies in 16-18 or follows them; if not, move it aside. " + remedy("", "any logs outside "
                + "the range"), f.remedy());
    }

    @Test
    void failsTheLowLogGenerationMissing() throws Exception {
        assertEquals("missing Edb00010.log (error 3355443765)", only(rip06(without(0x10))).actual());
    }

    @Test
    void failsTheHighLogGenerationMissing() throws Exception {
        assertEquals("missing Edb00012.log (error 3355443765)", only(rip06(without(0x12))).actual());
    }

    @Test
    void listsEveryMissingGenerationUpToAThousand() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "HighLog Number", 0x12 + 1000);
        List<String> missing = missingNames(only(rip06(s)));
        assertEquals(1000, missing.size());
        assertEquals("Edb00013.log", missing.get(0));
        assertEquals("Edb003fa.log", missing.get(999));
    }

    @Test
    void stopsListingMissingGenerationsAtAThousand() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "HighLog Number", 0x12 + 1001);
        List<String> missing = missingNames(only(rip06(s)));
        assertEquals(1000, missing.size(), "Edb003fb.log is missing too but not listed");
        assertEquals("Edb003fa.log", missing.get(999));
    }

    @Test
    void failsALogWithAnotherSignatureInsideTheRange() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> l.gen() == 0x11 ? new RestoreScenario.Log(l.name(), l.gen(), 0x0BADL, l.attached()) : l);
        Finding f = only(rip06(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("tape log signatures", f.object());
        // the LowLog log's signature, built from LOG_SIGNATURE as its random part
        assertTrue(f.expected().startsWith("random=0x4C4F4721 "), f.expected());
        assertEquals(LOGS + "Edb00010.log : Signature @0x2C", f.expectedSource().toString());
        assertEquals("different in Edb00011.log", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals(remedy("", "Edb00011.log"), f.remedy());
    }

    @Test
    void passesConsecutiveLogsAfterHighLogOfANoLossRestore() throws Exception {
        RestoreScenario s = withLog(0x13);
        s.logs.add(new RestoreScenario.Log("edb.log", 0x14, RestoreScenario.LOG_SIGNATURE, List.of()));
        Finding f = only(rip06(s));
        assertEquals(Status.PASS, f.status());
        assertEquals("3 logs", f.actual(), "the count is the tape range LowLog..HighLog");
    }

    @Test
    void warnsOfALogAfterAGapAboveHighLog() throws Exception {
        Finding f = only(rip06(withLog(0x14)));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("logs outside the range", f.object());
        assertEquals("only LowLog..HighLog and consecutive later logs", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("Edb00014.log", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals(remedy("", "Edb00014.log"), f.remedy());
    }

    @Test
    void warnsOfTheLogsAfterTheFirstGapAboveHighLog() throws Exception {
        RestoreScenario s = withLog(0x13);
        s.logs.add(new RestoreScenario.Log("Edb00015.log", 0x15, RestoreScenario.LOG_SIGNATURE, List.of()));
        assertEquals("Edb00015.log", only(rip06(s)).actual());
    }

    @Test
    void warnsOfALogBelowLowLog() throws Exception {
        Finding f = only(rip06(withLog(0x0F)));
        assertEquals(Status.WARN, f.status());
        assertEquals("Edb0000f.log", f.actual());
    }

    @Test
    void warnsOfAnEdbLogThatDoesNotFollowHighLog() throws Exception {
        Finding f = only(rip06(withLog("edb.log", 0x15, RestoreScenario.LOG_SIGNATURE)));
        assertEquals(Status.WARN, f.status());
        assertEquals("edb.log", f.actual());
    }

    @Test
    void namesForeignAndStrayLogsInOneRemedy() throws Exception {
        RestoreScenario s = withLog(0x0F);
        s.logs.replaceAll(l -> l.gen() == 0x11 ? new RestoreScenario.Log(l.name(), l.gen(), 0x0BADL, l.attached()) : l);
        List<Finding> f = rip06(s);
        assertEquals(List.of("tape log signatures", "logs outside the range"),
                f.stream().map(Finding::object).toList());
        assertEquals(remedy("", "Edb00011.log, Edb0000f.log"), f.get(0).remedy());
        assertEquals(remedy("", "Edb00011.log, Edb0000f.log"), f.get(1).remedy());
    }

    @Test
    void warnsOfEdbChkInTheWorkingFolderQ296229() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.checkpointGen = 0x10;
        Finding f = only(rip06(s));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("D/exchsrvr/MDBDATA/edb.chk", f.object());
        assertEquals("no edb.chk in the working folder", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("present", f.actual());
        assertEquals("D/exchsrvr/MDBDATA/edb.chk : file", f.actualSource().toString());
        assertEquals(remedy("", "any logs outside the range"), f.remedy());
    }

    @Test
    void judgesTheDsKeyWithTheDirectoryLogStream() throws Exception {
        List<Finding> f = rip06(RipCluEvidence.onlineWithDirectory());
        assertEquals(List.of("tape logs 16-18", "tape logs 32-33"), f.stream().map(Finding::object).toList());
        assertEquals("2 logs", f.get(1).actual());
        assertEquals(Status.PASS, f.get(1).status());
    }

    @Test
    void readsALowLogOfZeroAsAGeneration() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0);
        Finding f = only(rip06(s));
        assertEquals("tape logs 0-18", f.object());
        assertEquals(Status.FAIL, f.status());
        assertTrue(f.actual().startsWith("missing Edb00000.log, Edb00001.log"), f.actual());
    }

    @Test
    void readsAHighLogOfZeroAsAGeneration() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0).dword(IS_RIP, "HighLog Number", 0);
        assertEquals("tape logs 0-0", rip06(s).get(0).object());
    }

    @Test
    void isSkippedWithoutLowLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "LowLog Number");
        Finding f = only(rip06(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals(IS_RIP_PATH + ": no LowLog/HighLog Number (RIP-02)", f.detail());
    }

    @Test
    void isSkippedWithoutHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "HighLog Number");
        assertEquals(IS_RIP_PATH + ": no LowLog/HighLog Number (RIP-02)", only(rip06(s)).detail());
    }

    @Test
    void isSkippedWithoutLogs() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.clear();
        Finding f = only(rip06(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no log headers of MSExchangeIS among the evidence", f.detail());
    }

    @Test
    void isSkippedWithOnlyReserveLogs() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.clear();
        s.logs.add(new RestoreScenario.Log("res1.log", 0x10, RestoreScenario.LOG_SIGNATURE, List.of()));
        assertEquals("no log headers of MSExchangeIS among the evidence", only(rip06(s)).detail());
    }

    @Test
    void doesNotApplyToAnOfflineRestore() throws Exception {
        Finding f = only(rip06(RestoreScenario.offlineBase()));
        assertEquals("not applicable: no Restore in Progress key (offline-pit restore)", f.detail());
    }

    /** The log names of a "missing ..." actual. */
    private static List<String> missingNames(Finding f) {
        assertTrue(f.actual().startsWith("missing ") && f.actual().endsWith(" (error 3355443765)"), f.actual());
        String list = f.actual().substring("missing ".length(), f.actual().length() - " (error 3355443765)".length());
        return Arrays.asList(list.split(", "));
    }
}
