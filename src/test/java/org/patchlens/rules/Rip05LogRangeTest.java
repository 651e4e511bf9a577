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
 * RIP-05: LowLog Number equals the low generation of each patch file's "Current Full Backup Log Gen" range and
 * HighLog Number is at least its high generation (KB Q200941: "never any other number"). The online base has
 * PRIV.pat and PUB.pat with the range 0x10-0x12 and LowLog 0x10, HighLog 0x12.
 */
class Rip05LogRangeTest {
    /** "Current Full Backup Log Gen" lies at offset 40 of the patch header (docs/ese.md). */
    private static final String PAT_FIELD = " : Current Full Backup Log Gen @0x28";
    private static final String PATS = "F/exchsrvr/MDBDATA/";
    private static final String REMEDY = "LowLog must be 16 (0x10), never any other number (KB Q200941); HighLog at "
            + "least 18 (0x12). Restore the backup sets again in chronological order.";

    @TempDir
    Path dir;

    private List<Finding> rip05(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.RIP_05);
    }

    private static RestoreScenario withLogs(long low, long high) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", low).dword(IS_RIP, "HighLog Number", high);
        return s;
    }

    /** The finding about one patch file (by its expected range text or its source). */
    private static Finding about(List<Finding> f, String patFile) {
        return only(f.stream().filter(x -> x.expectedSource().file().endsWith(patFile)).toList());
    }

    @Test
    void passesTheRangeOfEachPatchFile() throws Exception {
        List<Finding> f = rip05(RestoreScenario.onlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = about(f, "PRIV.pat");
        assertEquals(Status.PASS, priv.status());
        assertEquals(Severity.HIGH, priv.severity());
        assertEquals(IS_RIP_PATH + " : LowLog/HighLog", priv.object());
        assertEquals("16-18 of PRIV.pat", priv.expected());
        assertEquals(PATS + "PRIV.pat" + PAT_FIELD, priv.expectedSource().toString());
        assertEquals("16-18", priv.actual());
        assertEquals(valueSource(dir, SYSTEM, IS_RIP_PATH, "LowLog Number"), priv.actualSource().toString());
        assertEquals("", priv.remedy());
        assertEquals("16-18 of PUB.pat", about(f, "PUB.pat").expected());
    }

    @Test
    void failsALowLogBelowThePatchRange() throws Exception {
        List<Finding> f = rip05(withLogs(0x0F, 0x12));
        assertEquals(2, f.size(), f.toString());
        Finding priv = about(f, "PRIV.pat");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.HIGH, priv.severity());
        assertEquals(IS_RIP_PATH + " : LowLog Number", priv.object());
        assertEquals("16 (0x10)", priv.expected());
        assertEquals(PATS + "PRIV.pat" + PAT_FIELD, priv.expectedSource().toString());
        assertEquals("15 (0xf)", priv.actual());
        assertEquals(valueSource(dir, SYSTEM, IS_RIP_PATH, "LowLog Number"), priv.actualSource().toString());
        assertEquals(REMEDY, priv.remedy());
        assertEquals(Status.FAIL, about(f, "PUB.pat").status());
    }

    @Test
    void failsALowLogAboveThePatchLowNeverAnyOtherNumber() throws Exception {
        Finding priv = about(rip05(withLogs(0x11, 0x12)), "PRIV.pat");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(IS_RIP_PATH + " : LowLog Number", priv.object());
        assertEquals("17 (0x11)", priv.actual());
        assertEquals(REMEDY, priv.remedy());
    }

    @Test
    void failsAHighLogBelowThePatchHigh() throws Exception {
        Finding priv = about(rip05(withLogs(0x10, 0x11)), "PRIV.pat");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(IS_RIP_PATH + " : HighLog Number", priv.object());
        assertEquals(">= 18", priv.expected());
        assertEquals(PATS + "PRIV.pat" + PAT_FIELD, priv.expectedSource().toString());
        assertEquals("17", priv.actual());
        assertEquals(valueSource(dir, SYSTEM, IS_RIP_PATH, "HighLog Number"), priv.actualSource().toString());
        assertEquals(REMEDY, priv.remedy());
    }

    @Test
    void passesAHighLogAboveThePatchHighForLaterIncrementals() throws Exception {
        Finding priv = about(rip05(withLogs(0x10, 0x13)), "PRIV.pat");
        assertEquals(Status.PASS, priv.status());
        assertEquals("16-19", priv.actual());
    }

    @Test
    void judgesEachPatchFileOnItsOwn() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.patches.put("PUB", new int[] {0x10, 0x13, 3 * 4096});
        List<Finding> f = rip05(s);
        assertEquals(Status.PASS, about(f, "PRIV.pat").status());
        Finding pub = about(f, "PUB.pat");
        assertEquals(Status.FAIL, pub.status());
        assertEquals(">= 19", pub.expected());
        assertEquals("LowLog must be 16 (0x10), never any other number (KB Q200941); HighLog at least 19 (0x13). "
                + "Restore the backup sets again in chronological order.", pub.remedy());
    }

    @Test
    void comparesTheDsKeyWithDirPat() throws Exception {
        List<Finding> f = rip05(RipCluEvidence.onlineWithDirectory());
        assertEquals(3, f.size(), f.toString());
        Finding ds = about(f, "DIR.pat");
        assertEquals(Status.PASS, ds.status());
        assertEquals(DS_RIP_PATH + " : LowLog/HighLog", ds.object());
        assertEquals("32-33 of DIR.pat", ds.expected());
        assertEquals(PATS + "DS/DIR.pat" + PAT_FIELD, ds.expectedSource().toString());
        assertEquals("32-33", ds.actual());
        assertEquals(valueSource(dir, SYSTEM, DS_RIP_PATH, "LowLog Number"), ds.actualSource().toString());
    }

    @Test
    void isSkippedForTheDsKeyWithoutDirPat() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.patches.remove("DS/DIR");
        List<Finding> f = rip05(s);
        assertEquals(3, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(2).status());
        assertEquals("no patch file of MSExchangeDS", f.get(2).detail());
    }

    @Test
    void isSkippedForTheIsKeyWithOnlyDirPat() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.patches.remove("PRIV");
        s.patches.remove("PUB");
        List<Finding> f = rip05(s);
        assertEquals(2, f.size(), f.toString());
        assertEquals("no patch file of MSExchangeIS", f.get(0).detail());
        assertEquals(Status.PASS, f.get(1).status());
    }

    @Test
    void isSkippedWithoutPatchFiles() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.patches.clear();
        Finding f = only(rip05(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no patch file headers among the evidence", f.detail());
    }

    @Test
    void isSkippedWithoutLowLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "LowLog Number");
        Finding f = only(rip05(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals(IS_RIP_PATH + ": no LowLog/HighLog Number (RIP-02)", f.detail());
    }

    @Test
    void isSkippedWithoutHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "HighLog Number");
        assertEquals(IS_RIP_PATH + ": no LowLog/HighLog Number (RIP-02)", only(rip05(s)).detail());
    }

    @Test
    void isSkippedForALowLogWrittenAsText() throws Exception {
        // RIP-02 reports the type; a text value has no generation to compare
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "LowLog Number", "16");
        assertEquals(IS_RIP_PATH + ": no LowLog/HighLog Number (RIP-02)", only(rip05(s)).detail());
    }

    @Test
    void isSkippedForAHighLogWrittenAsText() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "HighLog Number", "18");
        assertEquals(IS_RIP_PATH + ": no LowLog/HighLog Number (RIP-02)", only(rip05(s)).detail());
    }

    @Test
    void doesNotApplyToAnOfflineRestore() throws Exception {
        Finding f = only(rip05(RestoreScenario.offlineBase()));
        assertEquals("not applicable: no Restore in Progress key (offline-pit restore)", f.detail());
    }
}
