package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.StoreEvidence.CHK;
import static org.patchlens.rules.StoreEvidence.PAGE;
import static org.patchlens.rules.StoreEvidence.PRIV;
import static org.patchlens.rules.StoreEvidence.PRIV_PAT;
import static org.patchlens.rules.StoreEvidence.PUB;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-08: the header of each database, patch file and checkpoint verifies (0x89ABCDEF XOR every u32 after the
 * checksum, over the 4096-byte header page, ese-format.md 3) and its shadow copy in the next page is valid and
 * identical; a database repaired by eseutil /p (Repair Count @240 above 0) has a new signature, so older logs
 * will not replay (KB Q261947, Q296787). Checksums expected here are computed from the written bytes by the
 * builder's own copy of the rule.
 */
class Ese08HeaderChecksumsTest {
    /** A byte in the zero-filled part of a header page, past every ESE97 field. */
    private static final int UNUSED = 1000;

    @TempDir
    Path dir;

    private List<Finding> ese08(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        return StoreEvidence.run(s, dir, edits).of(Rule.ESE_08);
    }

    private static Finding one(List<Finding> findings, String object) {
        List<Finding> f = findings.stream().filter(x -> x.object().equals(object)).toList();
        assertEquals(1, f.size(), object + " in " + findings);
        return f.get(0);
    }

    private String ok(String file, int page) throws Exception {
        return String.format("ok (0x%08X)", StoreEvidence.storedChecksum(dir, file, page));
    }

    private String bad(String file, int page) throws Exception {
        return String.format("BAD (stored 0x%08X, computed 0x%08X)", StoreEvidence.storedChecksum(dir, file, page),
                StoreEvidence.computedChecksum(dir, file, page, PAGE));
    }

    private static String remedy(String fileName) {
        return Rule.ESE_08.remedy().replace("<file>", fileName);
    }

    @Test
    void passesIntactHeaders() throws Exception {
        List<Finding> f = ese08(RestoreScenario.offlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = one(f, PRIV + " : header checksums");
        assertEquals(Status.PASS, priv.status());
        assertEquals("valid", priv.expected());
        assertEquals("", priv.expectedSource().toString());
        assertEquals("primary " + ok(PRIV, 0) + ", shadow " + ok(PRIV, PAGE), priv.actual());
        assertEquals(source(PRIV, "header checksum", 0), priv.actualSource().toString());
        assertEquals("", priv.remedy());
        assertEquals(Status.PASS, one(f, PUB + " : header checksums").status());
    }

    @Test
    void failsADamagedPrimaryHeader() throws Exception {
        List<Finding> f = ese08(RestoreScenario.offlineBase(), StoreEvidence.damage(PRIV, UNUSED));
        Finding priv = one(f, PRIV + " : header checksum");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.HIGH, priv.severity());
        assertEquals(String.format("0x%08X", StoreEvidence.computedChecksum(dir, PRIV, 0, PAGE)), priv.expected());
        assertEquals(String.format("0x%08X", StoreEvidence.storedChecksum(dir, PRIV, 0)) + " (" + bad(PRIV, 0)
                + "); shadow " + ok(PRIV, PAGE), priv.actual());
        assertEquals(source(PRIV, "header checksum", 0), priv.actualSource().toString());
        assertEquals(remedy("PRIV.EDB"), priv.remedy());
        assertEquals(Status.PASS, one(f, PUB + " : header checksums").status());
    }

    @Test
    void failsADamagedShadowHeader() throws Exception {
        Finding priv = one(ese08(RestoreScenario.offlineBase(), StoreEvidence.damage(PRIV, PAGE + UNUSED)),
                PRIV + " : shadow header");
        assertEquals(Status.FAIL, priv.status());
        assertEquals("valid and identical to the primary", priv.expected());
        assertEquals(bad(PRIV, PAGE) + ", differs from the primary", priv.actual());
        assertEquals(source(PRIV, "shadow header", PAGE), priv.actualSource().toString());
        assertEquals(remedy("PRIV.EDB"), priv.remedy());
    }

    @Test
    void failsAValidShadowThatDiffersFromThePrimary() throws Exception {
        Finding priv = one(ese08(RestoreScenario.offlineBase(), StoreEvidence.shadowField(PRIV, 52, 2)),
                PRIV + " : shadow header");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(ok(PRIV, PAGE) + ", differs from the primary", priv.actual());
    }

    @Test
    void warnsOfADatabaseCutShortBeforeItsShadow() throws Exception {
        // every database begins with both copies of its header: one that ends before the shadow's end was cut
        // short (a copy that stopped, a header saved alone); the primary is still read, and said to be sound
        Finding priv = one(ese08(RestoreScenario.offlineBase(), StoreEvidence.truncate(PRIV, PAGE)),
                PRIV + " : shadow header");
        assertEquals(Status.WARN, priv.status());
        assertEquals(Severity.WARN, priv.severity());
        assertEquals("present", priv.expected());
        assertEquals("primary " + ok(PRIV, 0) + "; shadow absent (the file ends before byte " + 2 * PAGE
                + ", the end of this copy): the file was cut short", priv.actual());
    }

    @Test
    void failsADatabaseCutShortInsideItsHeaderPage() throws Exception {
        // PRIV.EDB is an Exchange 5.5 database: cbDbPage 0, which means 4096. Cut at 3000, its first 2048 bytes
        // "verified" (the page's tail is zero) and the primary was said ok, with a shadow at 2048
        Finding priv = one(ese08(RestoreScenario.offlineBase(), StoreEvidence.truncate(PRIV, 3000)),
                PRIV + " : header checksum");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.HIGH, priv.severity());
        assertEquals("the whole 4096-byte header page", priv.expected());
        assertEquals("primary cut short at byte 3000 of this 4096-byte copy (bytes 0 to 4095): not verifiable; shadow "
                + "absent (the file ends before byte 8192, the end of this copy): the file was cut short", priv.actual());
        assertEquals(source(PRIV, "primary header, cut short", 3000), priv.actualSource().toString());
        assertEquals(remedy("PRIV.EDB"), priv.remedy());
    }

    @Test
    void warnsOfAPatchFileCutShortBeforeItsShadowAsOfADatabase() throws Exception {
        // PRIV.pat is two 4096-byte PATCHHDR pages and one patched page; its first page alone was read as a 2048-byte
        // page "confirmed" by its zero tail, with a "shadow" of zeros at 2048; read at the 4096 bytes assumed, a patch
        // file missing its shadow passed
        Finding pat = one(ese08(RestoreScenario.onlineBase(), StoreEvidence.truncate(PRIV_PAT, PAGE)),
                PRIV_PAT + " : shadow header");
        assertEquals(Status.WARN, pat.status());
        assertEquals(Severity.WARN, pat.severity());
        assertEquals("present", pat.expected());
        assertEquals("primary " + ok(PRIV_PAT, 0) + "; shadow absent (the file ends before byte " + 2 * PAGE
                + ", the end of this copy): the file was cut short (page size 4096 assumed: a patch header has no "
                + "page-size field, and no shadow copy confirms one)", pat.actual());
        assertEquals(source(PRIV_PAT, "shadow header", PAGE), pat.actualSource().toString());
        assertEquals(remedy("PRIV.pat"), pat.remedy());
    }

    /**
     * A patch file whose primary page fails its checksum at every length (a byte at 200): the reader knows it by its
     * verifying shadow; ESE-08 fails the primary and says the shadow is good.
     */
    @Test
    void failsAPatchFileWhosePrimaryFailsAndSaysItsShadowIsGood() throws Exception {
        Finding pat = one(ese08(RestoreScenario.onlineBase(), StoreEvidence.damage(PRIV_PAT, 200)),
                PRIV_PAT + " : header checksum");
        assertEquals(Status.FAIL, pat.status());
        assertEquals(Severity.HIGH, pat.severity());
        assertEquals(String.format("0x%08X", StoreEvidence.computedChecksum(dir, PRIV_PAT, 0, PAGE)), pat.expected());
        assertEquals(String.format("0x%08X", StoreEvidence.storedChecksum(dir, PRIV_PAT, 0)) + " (" + bad(PRIV_PAT, 0)
                + "); shadow " + ok(PRIV_PAT, PAGE), pat.actual());
        assertEquals(source(PRIV_PAT, "header checksum", 0), pat.actualSource().toString());
        assertEquals(remedy("PRIV.pat"), pat.remedy());
    }

    @Test
    void warnsOfACheckpointCutShortBeforeItsShadowAsOfADatabase() throws Exception {
        // edb.chk is two 4096-byte CHECKPOINT copies; its primary alone (4096 bytes) passed as "header checksums valid"
        RestoreScenario s = RestoreScenario.onlineBase();
        s.checkpointGen = 0x12;
        Finding chk = one(ese08(s, StoreEvidence.truncate(CHK, PAGE)), CHK + " : shadow header");
        assertEquals(Status.WARN, chk.status());
        assertEquals(Severity.WARN, chk.severity());
        assertEquals("present", chk.expected());
        assertEquals("primary " + ok(CHK, 0) + "; shadow absent (the file ends before byte " + 2 * PAGE
                + ", the end of this copy): the file was cut short", chk.actual());
        assertEquals(source(CHK, "shadow header", PAGE), chk.actualSource().toString());
        assertEquals(remedy("edb.chk"), chk.remedy());
    }

    @Test
    void warnsOfARepairedDatabaseQ261947() throws Exception {
        List<Finding> f = ese08(RestoreScenario.offlineBase(), StoreEvidence.headerField(PRIV, 240, 1));
        assertEquals(3, f.size(), f.toString());
        assertEquals(Status.PASS, one(f, PRIV + " : header checksums").status());
        Finding repair = one(f, PRIV + " : Repair Count");
        assertEquals(Status.WARN, repair.status());
        assertEquals(Severity.WARN, repair.severity());
        assertEquals("0", repair.expected());
        assertEquals("1", repair.actual());
        assertEquals(source(PRIV, "Repair Count", 240), repair.actualSource().toString());
        assertEquals("The database was repaired (eseutil /p): its signature changed and older logs will not replay "
                + "(KB Q296787, Q261947).", repair.remedy());
    }

    @Test
    void judgesPatchFilesAndTheCheckpointToo() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.checkpointGen = 0x12;
        List<Finding> f = ese08(s, StoreEvidence.damage(PRIV_PAT, PAGE + UNUSED), StoreEvidence.damage(CHK, UNUSED));
        assertEquals(5, f.size(), "two databases, two patch files, edb.chk: " + f);
        Finding pat = one(f, PRIV_PAT + " : shadow header");
        assertEquals(Status.FAIL, pat.status());
        assertEquals(remedy("PRIV.pat"), pat.remedy());
        Finding chk = one(f, CHK + " : header checksum");
        assertEquals(Status.FAIL, chk.status());
        assertEquals(String.format("0x%08X", StoreEvidence.storedChecksum(dir, CHK, 0)) + " (" + bad(CHK, 0)
                + "); shadow " + ok(CHK, PAGE), chk.actual());
        assertEquals(remedy("edb.chk"), chk.remedy());
        assertEquals(Status.PASS, one(f, StoreEvidence.PUB_PAT + " : header checksums").status());
    }

    @Test
    void isSkippedForEseutilTextAlone() throws Exception {
        List<Finding> f = ese08(RestoreScenario.offlineBase(), StoreEvidence.delete(PRIV), StoreEvidence.delete(PUB),
                StoreEvidence.write("D/exchsrvr/MDBDATA/priv-mh.txt", StoreEvidence.eseutil("mh-55.txt")));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("no binary database, patch or checkpoint header", f.get(0).detail());
    }
}
