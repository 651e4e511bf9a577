package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.StoreEvidence.CHK;
import static org.patchlens.rules.StoreEvidence.rollForward;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-07: an offline roll-forward must find no edb.chk (replay would start at its checkpoint, mid-stream when it
 * lies above the anchor: CRIT, KB Q296787 step 9); after an online restore or a point-in-time restore edb.chk
 * should be moved away too (WARN, KB Q296229 step 14). The remedy names the IS Working Directory of the SYSTEM
 * hive, D:\exchsrvr\MDBDATA in the base scenarios; the databases' anchor is generation 0x10.
 */
class Ese07CheckpointFileTest {
    private static final String MOVE = "Move edb.chk out of the working folder D:\\exchsrvr\\MDBDATA before starting "
            + "(KB Q296787 step 9, KB Q296229 step 14).";

    @TempDir
    Path dir;

    private Finding ese07(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        List<Finding> f = StoreEvidence.run(s, dir, edits).of(Rule.ESE_07);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    private static RestoreScenario withCheckpoint(RestoreScenario s, int gen) {
        s.checkpointGen = gen;
        return s;
    }

    @Test
    void passesWithoutEdbChk() throws Exception {
        Finding f = ese07(rollForward(0x10, 0x11));
        assertEquals(Status.PASS, f.status());
        assertEquals("edb.chk", f.object());
        assertEquals("absent", f.expected());
        assertEquals("absent", f.actual());
        assertEquals("", f.remedy());
    }

    @Test
    void failsEdbChkInARollForward() throws Exception {
        Finding f = ese07(withCheckpoint(rollForward(0x10, 0x11), 0x10));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals(CHK, f.object());
        assertEquals("absent (offline roll-forward)", f.expected());
        assertEquals("present, checkpoint (0x10,1,2)", f.actual(), "at the anchor, not above it");
        assertEquals(source(CHK, "Checkpoint", 12), f.actualSource().toString());
        assertEquals(MOVE, f.remedy());
    }

    @Test
    void saysReplayWouldStartMidStreamFromACheckpointAboveTheAnchor() throws Exception {
        Finding f = ese07(withCheckpoint(rollForward(0x10, 0x11), 0x11));
        assertEquals(Status.FAIL, f.status());
        assertEquals("present, checkpoint (0x11,1,2) above the anchor generation 16: replay would start mid-stream",
                f.actual());
    }

    @Test
    void placesNoCheckpointAgainstAMissingAnchor() throws Exception {
        RestoreScenario s = withCheckpoint(rollForward(0x10, 0x11), 0x11);
        s.databases.forEach(d -> d.consistentGen = 0);
        Finding f = ese07(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("present, checkpoint (0x11,1,2)", f.actual());
    }

    @Test
    void warnsOfEdbChkAfterAnOnlineRestore() throws Exception {
        Finding f = ese07(withCheckpoint(RestoreScenario.onlineBase(), 0x12));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(CHK, f.object());
        assertEquals("absent (online)", f.expected());
        assertEquals("present, checkpoint (0x12,1,2)", f.actual());
        assertEquals(source(CHK, "Checkpoint", 12), f.actualSource().toString());
        assertEquals(MOVE + " Hard recovery ignores it while the Restore in Progress key exists.", f.remedy());
    }

    @Test
    void warnsOfEdbChkAfterAPointInTimeRestore() throws Exception {
        Finding f = ese07(withCheckpoint(RestoreScenario.offlineBase(), 0x10));
        assertEquals(Status.WARN, f.status());
        assertEquals("absent (offline-pit)", f.expected());
        assertEquals(MOVE, f.remedy());
    }

    @Test
    void keepsThePlaceholderWhenTheWorkingDirectoryIsNotRegistered() throws Exception {
        RestoreScenario s = withCheckpoint(RestoreScenario.offlineBase(), 0x10);
        s.live().removeValue("Services\\MSExchangeIS\\ParametersSystem", "Working Directory");
        Finding f = ese07(s);
        assertEquals(Rule.ESE_07.remedy(), f.remedy());
    }

    @Test
    void isSkippedWhenTheRestoreTypeIsUnknown() throws Exception {
        RestoreScenario s = withCheckpoint(RestoreScenario.offlineBase().unset("--restore-type"), 0x10);
        Finding f = ese07(s, StoreEvidence.delete(StoreEvidence.SYSTEM));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("restore type unknown", f.detail());
    }
}
