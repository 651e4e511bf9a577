package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.PRIV_SIGNATURE;
import static org.patchlens.rules.StoreEvidence.PRIV;
import static org.patchlens.rules.StoreEvidence.PRIV_PAT;
import static org.patchlens.rules.StoreEvidence.PUB;
import static org.patchlens.rules.StoreEvidence.PUB_PAT;
import static org.patchlens.rules.StoreEvidence.shown;
import static org.patchlens.rules.StoreEvidence.source;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.EseBuilder;

/**
 * ESE-09: after an online restore each restored database needs its patch file, with the database's signature
 * and the backup's log range ("Current Full Backup"), or hard recovery cannot run (KB Q200941); an empty patch
 * file is two 4 KB header pages (8 KB). After an offline restore a patch file is a leftover of an earlier
 * online restore (WARN). The online base has PRIV.pat and PUB.pat of 12 KB (one patched page) with the range
 * 0x10-0x12.
 */
class Ese09PatchFilesTest {
    @TempDir
    Path dir;

    private List<Finding> ese09(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        return StoreEvidence.run(s, dir, edits).of(Rule.ESE_09);
    }

    private static Finding one(List<Finding> findings, String object) {
        List<Finding> f = findings.stream().filter(x -> x.object().equals(object)).toList();
        assertEquals(1, f.size(), object + " in " + findings);
        return f.get(0);
    }

    private static Finding only(List<Finding> f) {
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    /** A PATCHHDR page pair (4 KB pages) with the given database signature and backup range (0-0: none). */
    private static byte[] patch(long dbSignature, int low, int high) {
        EseBuilder.Patch p = new EseBuilder.Patch(StoreEvidence.PAGE)
                .set("dbSignature", RestoreScenario.signature(dbSignature))
                .set("logSignature", RestoreScenario.signature(RestoreScenario.LOG_SIGNATURE));
        if (low != 0) {
            p.set("backup.mark", EseBuilder.lgpos(low, 8, 16)).set("backup.low", low).set("backup.high", high);
        }
        return p.bytes();
    }

    private static String remedy(String db) {
        return Rule.ESE_09.remedy().replace("<db>", db);
    }

    @Test
    void passesThePatchFileOfEachRestoredDatabase() throws Exception {
        List<Finding> f = ese09(RestoreScenario.onlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = one(f, PRIV_PAT);
        assertEquals(Status.PASS, priv.status());
        assertEquals("signature of PRIV.EDB and a full-backup log range", priv.expected());
        assertEquals("", priv.expectedSource().toString());
        assertEquals("Log Gen 16-18", priv.actual());
        assertEquals(source(PRIV_PAT, "backup", 40), priv.actualSource().toString());
        assertEquals("", priv.detail(), "12 KB: one patched page");
        assertEquals(Status.PASS, one(f, PUB_PAT).status());
    }

    @Test
    void notesAnEmptyPatchFile() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.patches.put("PRIV", new int[] {0x10, 0x12, 2 * 4096});
        Finding priv = one(ese09(s), PRIV_PAT);
        assertEquals(Status.PASS, priv.status());
        assertEquals("empty patch file (8 KB): no pages changed during the backup (INFO)", priv.detail());
    }

    @Test
    void failsAMissingPatchFile() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.patches.remove("PRIV");
        List<Finding> f = ese09(s);
        Finding priv = one(f, "PRIV.pat");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.HIGH, priv.severity());
        assertEquals("present (online restore)", priv.expected());
        assertEquals("missing", priv.actual());
        assertEquals("", priv.actualSource().toString());
        assertEquals(remedy("PRIV"), priv.remedy());
        assertEquals(Status.PASS, one(f, PUB_PAT).status());
    }

    @Test
    void failsAPatchFileOfAnotherDatabase() throws Exception {
        long other = 0xBEEFL;
        Finding priv = one(ese09(RestoreScenario.onlineBase(), StoreEvidence.write(PRIV_PAT, patch(other, 0x10,
                0x12))), PRIV_PAT + " : DB Signature");
        assertEquals(Status.FAIL, priv.status());
        assertEquals(shown(PRIV_SIGNATURE), priv.expected());
        assertEquals(source(PRIV, "DB Signature", 24), priv.expectedSource().toString());
        assertEquals(shown(other), priv.actual());
        assertEquals(source(PRIV_PAT, "DB Signature", 64), priv.actualSource().toString());
        assertEquals(remedy("PRIV"), priv.remedy());
    }

    /**
     * A patch file whose primary page fails its checksum at every length (a byte at 200, past the PATCHHDR fields) is
     * read from its verifying shadow: ESE-09 judges the shadow's fields and names them where they lie, at 4096 + 40
     * and 4096 + 64; it named the primary's offsets, whose bytes it had not used.
     */
    @Test
    void judgesAPatchFileReadFromItsShadowAtTheShadowsOffsets() throws Exception {
        Finding priv = one(ese09(RestoreScenario.onlineBase(), StoreEvidence.damage(PRIV_PAT, 200)), PRIV_PAT);
        assertEquals(Status.PASS, priv.status());
        assertEquals("Log Gen 16-18", priv.actual());
        assertEquals(source(PRIV_PAT, "backup", StoreEvidence.PAGE + 40), priv.actualSource().toString());

        long other = 0xBEEFL;
        byte[] foreign = patch(other, 0x10, 0x12);
        foreign[200] = 1;
        Finding sig = one(ese09(RestoreScenario.onlineBase(), StoreEvidence.write(PRIV_PAT, foreign)),
                PRIV_PAT + " : DB Signature");
        assertEquals(Status.FAIL, sig.status());
        assertEquals(shown(other), sig.actual());
        assertEquals(source(PRIV_PAT, "DB Signature", StoreEvidence.PAGE + 64), sig.actualSource().toString());
    }

    @Test
    void failsAPatchFileWithoutABackupRange() throws Exception {
        Finding priv = one(ese09(RestoreScenario.onlineBase(), StoreEvidence.write(PRIV_PAT, patch(PRIV_SIGNATURE,
                0, 0))), PRIV_PAT + " : Current Full Backup");
        assertEquals(Status.FAIL, priv.status());
        assertEquals("a log range", priv.expected());
        assertEquals("not set", priv.actual());
        assertEquals(source(PRIV_PAT, "backup", 40), priv.actualSource().toString());
        assertEquals(remedy("PRIV"), priv.remedy());
    }

    @Test
    void warnsOfAPatchFileLeftFromAnEarlierOnlineRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.patches.put("PRIV", new int[] {0x10, 0x12, 3 * 4096});
        Finding f = only(ese09(s));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(PRIV_PAT, f.object());
        assertEquals("no patch file (offline restore)", f.expected());
        assertEquals("present", f.actual());
        assertEquals(PRIV_PAT + " : file", f.actualSource().toString());
        assertEquals("Move PRIV.pat away: it belongs to an earlier online restore (KB Q200941).", f.remedy());
    }

    @Test
    void passesAnOfflineRestoreWithoutPatchFiles() throws Exception {
        Finding f = only(ese09(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals("patch files", f.object());
        assertEquals("none (offline restore)", f.expected());
        assertEquals("none", f.actual());
    }

    @Test
    void isSkippedWithoutTheRestoredDatabases() throws Exception {
        Finding f = only(ese09(RestoreScenario.onlineBase(), StoreEvidence.delete(PRIV), StoreEvidence.delete(PUB)));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no database header: the restored databases are unknown", f.detail());
    }

    @Test
    void isSkippedWhenTheRestoreTypeIsUnknown() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--restore-type");
        Finding f = only(ese09(s, StoreEvidence.delete(StoreEvidence.SYSTEM)));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("restore type unknown", f.detail());
    }
}
