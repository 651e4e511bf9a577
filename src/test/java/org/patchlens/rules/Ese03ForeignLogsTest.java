package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.LOG_SIGNATURE;
import static org.patchlens.rules.StoreEvidence.LOGS;
import static org.patchlens.rules.StoreEvidence.log;
import static org.patchlens.rules.StoreEvidence.shown;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-03: every log of a stream carries the anchor log's own signature (online: the LowLog's); a log of another
 * stream must be moved out before the store starts (KB Q296787). The online base: LowLog 0x10, logs 0x10-0x12
 * with one signature.
 */
class Ese03ForeignLogsTest {
    private static final long OTHER = 0x0BADL;

    @TempDir
    Path dir;

    private List<Finding> ese03(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        return StoreEvidence.run(s, dir, edits).of(Rule.ESE_03);
    }

    private static RestoreScenario.Log logOf(String name, int gen, long sig) {
        return new RestoreScenario.Log(name, gen, sig, RestoreScenario.onlineBase().logs.get(0).attached());
    }

    private static Finding only(List<Finding> f) {
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    @Test
    void passesLogsThatShareTheLowLogSignature() throws Exception {
        Finding f = only(ese03(RestoreScenario.onlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals("log set", f.object());
        assertEquals("one signature", f.expected());
        assertEquals(source(log(0x10), "Signature", 44), f.expectedSource().toString());
        assertEquals("3 logs with " + shown(LOG_SIGNATURE), f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsEachLogOfAnotherStreamInGenerationOrder() throws Exception {
        // S6 of exchange-restore.md 10.7: an old edb00009.log of another stream left in the folder, and one more
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.add(logOf("Edb00013.log", 0x13, OTHER));
        s.logs.add(logOf("edb00009.log", 9, OTHER));
        List<Finding> f = ese03(s);
        assertEquals(2, f.size(), f.toString());
        String old = LOGS + "/edb00009.log";
        assertEquals(List.of(old, log(0x13)), f.stream().map(Finding::object).toList(), "by generation, 9 before 19");
        Finding first = f.get(0);
        assertEquals(Status.FAIL, first.status());
        assertEquals(Severity.HIGH, first.severity());
        assertEquals(shown(LOG_SIGNATURE), first.expected());
        assertEquals(source(log(0x10), "Signature (anchor Edb00010.log)", 44), first.expectedSource().toString());
        assertEquals(shown(OTHER), first.actual());
        assertEquals(source(old, "Signature", 44), first.actualSource().toString());
        String remedy = Rule.ESE_03.remedy().replace("<files>", old + ", " + log(0x13));
        assertEquals(remedy, first.remedy());
        assertEquals(remedy, f.get(1).remedy());
    }

    @Test
    void theLowLogDecidesEvenWhenMostLogsDisagree() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.replaceAll(l -> l.gen() == 0x10 ? l : logOf(l.name(), l.gen(), OTHER));
        List<Finding> f = ese03(s);
        assertEquals(List.of(log(0x11), log(0x12)), f.stream().map(Finding::object).toList());
        assertEquals(shown(LOG_SIGNATURE), f.get(0).expected());
    }

    @Test
    void mostLogsDecideWhenTheAnchorLogIsMissing() throws Exception {
        // roll-forward anchored at 0x10 (Last Consistent), but the first log present is 0x11, of another stream
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        s.logs.add(logOf("Edb00011.log", 0x11, OTHER));
        s.logs.add(logOf("Edb00012.log", 0x12, LOG_SIGNATURE));
        s.logs.add(logOf("Edb00013.log", 0x13, LOG_SIGNATURE));
        Finding f = only(ese03(s));
        assertEquals(log(0x11), f.object());
        assertEquals(shown(LOG_SIGNATURE), f.expected());
        assertEquals(source(log(0x12), "Signature (the signature of most logs, Edb00012.log)", 44),
                f.expectedSource().toString());
    }

    @Test
    void judgesTwoLogs() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.remove(2);
        Finding f = only(ese03(s));
        assertEquals(Status.PASS, f.status());
        assertEquals("2 logs with " + shown(LOG_SIGNATURE), f.actual());
    }

    @Test
    void isSkippedWithASingleLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.logs.subList(1, 3).clear();
        Finding f = only(ese03(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("fewer than two logs", f.detail());
    }

    @Test
    void isSkippedWhenOnlyOneLogRecordsItsSignature() throws Exception {
        // ESE97 binary logs record no signature; eseutil /ml output gives it for one of them only
        RestoreScenario s = RestoreScenario.onlineBase();
        StoreEvidence.Edit[] ese97 = StoreEvidence.ese97Logs(s);
        StoreEvidence.Edit text = StoreEvidence.write(LOGS + "/ml.txt", StoreEvidence.mlText(s.logs.subList(2, 3),
                true).getBytes(StandardCharsets.US_ASCII));
        Finding f = only(ese03(s, ese97[0], ese97[1], ese97[2], text));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("the log headers record no signature (ESE97 binary logs)", f.detail());
    }

    @Test
    void judgesTheTwoLogsWhoseSignatureEseutilShows() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        StoreEvidence.Edit[] ese97 = StoreEvidence.ese97Logs(s);
        StoreEvidence.Edit text = StoreEvidence.write(LOGS + "/ml.txt", StoreEvidence.mlText(s.logs.subList(1, 3),
                true).getBytes(StandardCharsets.US_ASCII));
        Finding f = only(ese03(s, ese97[0], ese97[1], ese97[2], text));
        assertEquals(Status.PASS, f.status());
        assertEquals("2 logs with " + shown(LOG_SIGNATURE), f.actual());
    }
}
