package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.testing.Corpus;

/** Damaged and hostile input: the documented verdict, or one EseException line, never another exception. */
class CorruptInputTest {
    @TempDir
    Path tmp;

    static EseBuilder.Database db() {
        return EseBuilder.Database.current(8192).set("state", 3)
                .set("dbSignature", EseBuilder.sig(5, EseBuilder.time(2020, 1, 2, 3, 4, 5, 6, true), ""))
                .set("logSignature", EseBuilder.sig(6, EseBuilder.time(2020, 1, 2, 3, 4, 5, 0, true), ""))
                .set("consistentPosition", EseBuilder.lgpos(3, 1, 0));
    }

    static boolean has(EseHeader h, Note.Level level, String text) {
        return h.notes().stream().anyMatch(n -> n.level() == level && n.text().contains(text));
    }

    static void oneLine(EseException e, String name) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }

    @Test
    void badPrimaryFallsBackToGoodShadow() {
        EseBuilder.Database d = db();
        byte[] good = d.bytes();
        byte[] b = good.clone();
        b[52] = 2; // primary says dirty, checksum now wrong
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertFalse(h.verification().primary().valid());
        assertTrue(h.verification().shadow().valid());
        assertEquals("shadow", h.verification().used());
        assertEquals(3, h.state(), "fields come from the shadow");
        assertTrue(has(h, Note.Level.WARNING, "primary database header has a checksum error"));
        assertTrue(has(h, Note.Level.INFO, "state (@52)"), h.notes().toString());
        assertEquals(List.of("state (@52)"), h.verification().differences());
    }

    @Test
    void badShadowKeepsPrimary() {
        byte[] b = db().bytes();
        b[8192 + 100] ^= 1;
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertEquals("primary", h.verification().used());
        assertTrue(has(h, Note.Level.WARNING, "shadow database header has a checksum error"));
        assertEquals(List.of("detach position (@96)"), h.verification().differences());
    }

    @Test
    void bothCopiesBadIsAnErrorVerdict() {
        byte[] b = db().bytes();
        b[60] ^= 1;
        b[8192 + 60] ^= 1;
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertFalse(h.verification().primary().valid());
        assertFalse(h.verification().shadow().valid());
        assertEquals("primary (unverified)", h.verification().used());
        assertTrue(has(h, Note.Level.ERROR, "both copies of the database header fail the checksum"));
    }

    @Test
    void bothValidButDifferentPrimaryWins() {
        EseBuilder.Database d = db();
        byte[] primary = d.primary();
        d.set("state", 2).set("dbtime", 99L);
        byte[] shadow = d.primary();
        byte[] b = new byte[16384];
        System.arraycopy(primary, 0, b, 0, 8192);
        System.arraycopy(shadow, 0, b, 8192, 8192);
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertEquals("primary", h.verification().used());
        assertEquals(3, h.state());
        assertEquals(List.of("checksum (@0)", "dbtime (@16)", "state (@52)"), h.verification().differences());
        assertTrue(has(h, Note.Level.WARNING, "are not identical; the primary is used"));
    }

    @Test
    void missingShadowIsReported() {
        byte[] b = java.util.Arrays.copyOf(db().bytes(), 8192);
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertTrue(h.verification().primary().valid());
        assertFalse(h.verification().shadow().present());
        assertTrue(has(h, Note.Level.WARNING, "no shadow database header"));
    }

    /** A database whose file ends inside the header page that cbDbPage gives. */
    record CutDatabase(String what, EseBuilder.Database db, int page, String pageSource, int at) {
    }

    @Test
    void aDatabaseCutInsideItsHeaderPageIsNeverVerified() {
        // the page's tail past the 748-byte header is zero, so the first 2048 bytes "verified" with the page's own
        // checksum: the 3000 bytes were taken for a whole 2048-byte page, said ok, and the size assumed not confirmed
        for (CutDatabase c : List.of(
                new CutDatabase("cbDbPage 4096", EseBuilder.Database.current(4096).set("state", 3), 4096,
                        "cbDbPage at offset 236 is 4096", 3000),
                new CutDatabase("cbDbPage 0 (ESE97)", EseBuilder.Database.ese97().set("state", 3), 4096,
                        "cbDbPage at offset 236 is 0, which means 4096", 3000),
                new CutDatabase("cbDbPage 8192", db(), 8192, "cbDbPage at offset 236 is 8192", 5000))) {
            DatabaseHeader h = (DatabaseHeader) EseFile.read("t.edb", java.util.Arrays.copyOf(c.db().bytes(), c.at()));
            Verification v = h.verification();
            assertFalse(v.primary().valid(), c.what());
            assertTrue(v.primary().cutShort(), c.what());
            assertEquals(c.at(), v.primary().held(), c.what());
            assertEquals(c.page(), v.primary().length(), c.what());
            assertEquals(c.page(), v.pageSize(), c.what());
            assertFalse(v.pageSizeConfirmed(), c.what());
            assertEquals("primary (unverified)", v.used(), c.what());
            assertEquals("cut short at byte " + c.at() + " of this " + c.page() + "-byte copy (bytes 0 to "
                    + (c.page() - 1) + "): not verifiable", v.primary().verdict(), c.what());
            assertEquals(HeaderCopy.absent("shadow", c.page(), c.page()), v.shadow(), c.what());
            assertEquals(3, h.state(), c.what() + ": the fields are still read, unverified");
            assertEquals(List.of(Note.error(c.at(), "t.edb: primary database header cut short at byte " + c.at()
                    + " of its " + c.page() + "-byte page (" + c.pageSource() + "): its checksum cannot be verified and "
                    + "there is no shadow copy (bytes " + c.page() + " to " + (2 * c.page() - 1) + "); the fields shown "
                    + "are unverified")), h.notes().stream().filter(Note::isFinding).toList(), c.what());
        }
    }

    @Test
    void aPartOfTheShadowIsNotTakenForItsAbsence() {
        byte[] b = java.util.Arrays.copyOf(db().bytes(), 8192 + 1000);
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertTrue(h.verification().primary().valid());
        assertEquals(HeaderCopy.cutShort("shadow", 8192, 8192, 1000, h.checksum()), h.verification().shadow());
        assertEquals("cut short at byte 9192 of this 8192-byte copy (bytes 8192 to 16383): not verifiable",
                h.verification().shadow().verdict());
        assertTrue(has(h, Note.Level.WARNING, "no shadow database header: the file ends at 9192"), h.notes().toString());
    }

    /** Why a patch page is read as 4096 bytes when no second copy gives its size, as the notes say it. */
    static final String PATCH_PAGE_ASSUMED = "4096 assumed: a patch header has no page-size field and no second copy "
            + "confirms one (no shadow copy identical to a primary that verifies, none that verifies itself); 4096 is the "
            + "page of ESE97 and ESE98, which write .pat files";

    static Note patchPageSizeNotConfirmed(String file) {
        return Note.warning(0, file + ": patch page size not confirmed: " + PATCH_PAGE_ASSUMED + "; a checksum that "
                + "matches over fewer bytes confirms nothing, the page being zero after its 148 bytes");
    }

    static EseBuilder.Patch patch(int pageSize) {
        return new EseBuilder.Patch(pageSize).set("dbSignature", EseBuilder.sig(5, EseBuilder.time(2000, 1, 2, 3, 4, 5, 0,
                false), "")).set("backup.low", 3).set("backup.high", 4);
    }

    /** A patch file whose bytes end at {@code at}: the page it was built with, and what is expected of its copies. */
    record CutPatch(String what, int builtPage, int at, HeaderCopy primary, HeaderCopy shadow, String used,
            List<Note> findings) {
    }

    @Test
    void aPatchFileCutShortIsCheckedOverTheAssumedPageNeverASmallerOne() {
        // a PATCHHDR page is zero after its 148 bytes, so its checksum matches over 2048 bytes as over its own page:
        // the smallest length that matched was taken for the page size, called confirmed, and a file cut at 3000 or
        // 5000 bytes had a 2048-byte primary "ok" beside a "shadow" of zeros at 2048
        long stored4096 = EseBuilder.checksum(patch(4096).bytes(), 0, 4096) & 0xFFFFFFFFL;
        long stored8192 = EseBuilder.checksum(patch(8192).bytes(), 0, 8192) & 0xFFFFFFFFL;
        for (CutPatch c : List.of(
                new CutPatch("4096-byte pages, cut inside the shadow", 4096, 5000,
                        HeaderCopy.whole("primary", 0, 4096, stored4096, stored4096),
                        HeaderCopy.cutShort("shadow", 4096, 4096, 904, stored4096), "primary",
                        List.of(Note.warning(4096, "no shadow patch header page: the file ends at 5000, before the end of "
                                + "the shadow copy (bytes 4096 to 8191)"), patchPageSizeNotConfirmed("t.pat"))),
                // an 8 KiB page (Windows ESENT) cut at 5000: its size cannot be told, 4096 is assumed and said so
                new CutPatch("8192-byte pages, cut inside the primary", 8192, 5000,
                        HeaderCopy.whole("primary", 0, 4096, stored8192, stored8192),
                        HeaderCopy.cutShort("shadow", 4096, 4096, 904, 0), "primary",
                        List.of(Note.warning(4096, "no shadow patch header page: the file ends at 5000, before the end of "
                                + "the shadow copy (bytes 4096 to 8191)"), patchPageSizeNotConfirmed("t.pat"))),
                new CutPatch("4096-byte pages, cut inside the primary", 4096, 3000,
                        HeaderCopy.cutShort("primary", 0, 4096, 3000, stored4096), HeaderCopy.absent("shadow", 4096, 4096),
                        "primary (unverified)",
                        List.of(Note.error(3000, "t.pat: primary patch header page cut short at byte 3000 of its 4096-byte "
                                + "page (" + PATCH_PAGE_ASSUMED + "): its checksum cannot be verified and there is no "
                                + "shadow copy (bytes 4096 to 8191); the fields shown are unverified"),
                                patchPageSizeNotConfirmed("t.pat"))))) {
            byte[] b = java.util.Arrays.copyOf(patch(c.builtPage()).bytes(), c.at());
            PatchHeader h = (PatchHeader) EseFile.read("t.pat", b);
            Verification v = h.verification();
            assertEquals(4096, v.pageSize(), c.what());
            assertFalse(v.pageSizeConfirmed(), c.what());
            assertEquals(c.primary(), v.primary(), c.what());
            assertEquals(c.shadow(), v.shadow(), c.what());
            assertEquals(c.used(), v.used(), c.what());
            assertEquals(c.findings(), h.notes().stream().filter(Note::isFinding).toList(), c.what());
            assertEquals(3, h.backup().genLow(), c.what() + ": the fields are still read");
        }
    }

    @Test
    void aPatchFileWithADamagedShadowIsCheckedOverTheAssumedPage() {
        // whole, 4096-byte pages, the shadow damaged: its page size was "confirmed" as 2048 (the primary's first
        // 2048 bytes match its checksum) and the zeros at 2048 were reported as the bad shadow
        byte[] b = patch(4096).bytes();
        b[4096 + 1000] ^= 1;
        PatchHeader h = (PatchHeader) EseFile.read("t.pat", b);
        Verification v = h.verification();
        long stored = EseBuilder.checksum(b, 0, 4096) & 0xFFFFFFFFL;
        long shadowComputed = EseBuilder.checksum(b, 4096, 4096) & 0xFFFFFFFFL;
        assertEquals(HeaderCopy.whole("primary", 0, 4096, stored, stored), v.primary());
        assertEquals(HeaderCopy.whole("shadow", 4096, 4096, stored, shadowComputed), v.shadow());
        assertFalse(v.pageSizeConfirmed());
        assertEquals("primary", v.used());
        assertEquals(List.of(Note.warning(4096, String.format("shadow patch header page has a checksum error (stored "
                + "0x%08X, computed 0x%08X)", stored, shadowComputed)), patchPageSizeNotConfirmed("t.pat")),
                h.notes().stream().filter(Note::isFinding).toList());
    }

    @Test
    void aPatchPageSizeIsConfirmedByASecondCopy() {
        PatchHeader whole = (PatchHeader) EseFile.read("t.pat", patch(8192).bytes());
        assertEquals(8192, whole.verification().pageSize());
        assertTrue(whole.verification().pageSizeConfirmed());
        assertTrue(has(whole, Note.Level.INFO, "patch page size 8192 inferred from the identical shadow copy"));
        assertFalse(whole.hasFindings(), whole.notes().toString());
        // damage at byte 3000 of an 8 KiB primary: its first 2048 bytes still matched its checksum, so it was read
        // as a 2048-byte page, "ok", the damage unseen; the shadow at 8192, which verifies, gives the page size
        byte[] b = patch(8192).bytes();
        b[3000] ^= 1;
        PatchHeader h = (PatchHeader) EseFile.read("t.pat", b);
        Verification v = h.verification();
        long stored = EseBuilder.checksum(patch(8192).bytes(), 0, 8192) & 0xFFFFFFFFL;
        long computed = EseBuilder.checksum(b, 0, 8192) & 0xFFFFFFFFL;
        assertEquals(HeaderCopy.whole("primary", 0, 8192, stored, computed), v.primary());
        assertEquals(HeaderCopy.whole("shadow", 8192, 8192, stored, stored), v.shadow());
        assertTrue(v.pageSizeConfirmed());
        assertEquals("shadow", v.used());
        assertEquals(List.of(Note.warning(0, String.format("primary patch header page has a checksum error (stored "
                + "0x%08X, computed 0x%08X): fields are read from the good shadow copy at offset 8192", stored, computed))),
                h.notes().stream().filter(Note::isFinding).toList());
        assertTrue(has(h, Note.Level.INFO, "patch page size 8192 from the shadow copy at offset 8192, whose checksum "
                + "verifies over 8192 bytes"), h.notes().toString());
    }

    @Test
    void zeroChecksumIsReported() {
        byte[] b = db().bytes();
        java.util.Arrays.fill(b, 0, 4, (byte) 0);
        DatabaseHeader h = (DatabaseHeader) EseFile.read("a.edb", b);
        assertTrue(has(h, Note.Level.WARNING, "zeroed checksum"));
        assertEquals("shadow", h.verification().used());
    }

    @Test
    void cleanDatabaseWhoseDetachIsNotTheConsistentPoint() {
        DatabaseHeader ordinary = (DatabaseHeader) EseFile.read("a.edb", db().set("detachPosition", EseBuilder.lgpos(3, 1, 0))
                .bytes());
        assertTrue(ordinary.notes().stream().noneMatch(n -> n.text().contains("not an ordinary detach")));
        DatabaseHeader recovered = (DatabaseHeader) EseFile.read("a.edb", db().bytes());
        assertTrue(has(recovered, Note.Level.INFO, "not an ordinary detach"), recovered.notes().toString());
        assertFalse(recovered.findings());
    }

    @Test
    void truncatedFilesAreOneLineErrors() {
        byte[] full = db().bytes();
        for (int n : new int[] {0, 1, 7, 500, 2047}) {
            byte[] b = java.util.Arrays.copyOf(full, n);
            oneLine(assertThrows(EseException.class, () -> EseFile.read("t.edb", b)), "t.edb");
        }
        byte[] log = EseBuilder.Log.current().set("generation", 3).bytes();
        // cut before its version: nothing says log (cut after it, a log of a positive generation is read as cut short,
        // DamagedLogDetectionTest)
        oneLine(assertThrows(EseException.class, () -> EseFile.read("E00.log", java.util.Arrays.copyOf(log, 20))),
                "E00.log");
        assertTrue(((LogHeader) EseFile.read("E00.log", java.util.Arrays.copyOf(log, 3000))).headerCutShort());
        byte[] chk = new EseBuilder.Checkpoint().bytes();
        oneLine(assertThrows(EseException.class, () -> EseFile.read("E00.chk", java.util.Arrays.copyOf(chk, 1000))),
                "E00.chk");
    }

    @Test
    void checkpointWithADamagedPrimaryReadsTheShadow() {
        byte[] b = new EseBuilder.Checkpoint().set("checkpoint", EseBuilder.lgpos(7, 1, 0)).bytes();
        b[667] = 9;
        b[20] ^= 0x55;
        CheckpointHeader h = (CheckpointHeader) EseFile.read("E00.chk", b);
        assertEquals("shadow", h.verification().used());
        assertEquals(7, h.generation());
        assertEquals(4, h.fileType());
        assertTrue(h.verification().differences().containsAll(List.of("log signature (@20)", "file type (@667)")),
                h.verification().differences().toString());
        b[4096 + 30] ^= 1;
        CheckpointHeader both = (CheckpointHeader) EseFile.read("E00.chk", b);
        assertTrue(has(both, Note.Level.ERROR, "-533"));
    }

    @Test
    void wrongMagicInBothCopiesIsNotADatabase() throws IOException {
        byte[] b = db().bytes();
        b[4] = 0;
        b[8192 + 4] = 0;
        Path f = tmp.resolve("x.edb");
        Files.write(f, b);
        oneLine(assertThrows(EseException.class, () -> EseFile.database(f)), f.toString());
    }

    @Test
    void wrongMagicInThePrimaryOnlyReadsTheShadow() {
        byte[] b = db().bytes();
        b[4] = 0;
        DatabaseHeader h = (DatabaseHeader) EseFile.read("x.edb", b);
        assertEquals("shadow", h.verification().used());
        assertEquals(0x89ABCDEFL, h.magic());
        assertTrue(has(h, Note.Level.WARNING, "primary database header has a checksum error"));
        assertEquals(List.of("magic (@4)"), h.verification().differences());
    }

    @Test
    void otherKindsAreRefusedByTypedOpeners() throws IOException {
        Path f = tmp.resolve("E00.log");
        Files.write(f, EseBuilder.Log.current().set("generation", 3).bytes());
        EseException e = assertThrows(EseException.class, () -> EseFile.database(f));
        assertTrue(e.getMessage().contains("is a log file, not a database"), e.getMessage());
    }

    @Test
    void aHiveIsNotADatabase() throws IOException {
        byte[] b = new byte[8192];
        System.arraycopy("regf".getBytes(), 0, b, 0, 4);
        EseException e = assertThrows(EseException.class, () -> EseFile.read("SYSTEM", b));
        assertTrue(e.getMessage().contains("registry hive"));
        if (Corpus.root().isPresent() && Files.isDirectory(Corpus.root().get().resolve("hives"))) {
            for (Path hive : Corpus.hives().subList(0, Math.min(10, Corpus.hives().size()))) {
                try {
                    EseFile.database(hive);
                    throw new AssertionError(hive + " read as a database");
                } catch (EseException x) {
                    oneLine(x, hive.toString());
                }
            }
        }
    }

    @Test
    void preEse97FormatsAreRefused() {
        byte[] b = db().u32(8, 0x500).bytes();
        EseException e = assertThrows(EseException.class, () -> EseFile.read("old.edb", b));
        assertTrue(e.getMessage().contains("pre-ESE97"));
        byte[] log = new byte[4096];
        java.nio.ByteBuffer.wrap(log).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 4).putInt(28, 995);
        log[100] = 1;
        EseException l = assertThrows(EseException.class, () -> EseFile.read("edb.log", log));
        assertTrue(l.getMessage().contains("pre-ESE97 JET log"), l.getMessage());
    }

    @Test
    void allZeroReserveLogHasNoValidHeader() {
        EseException e = assertThrows(EseException.class, () -> EseFile.read("E00res00001.jrs", new byte[65536]));
        assertTrue(e.getMessage().contains("no valid header"));
    }

    @Test
    void logWithBadChecksumIsReadWithAnError() {
        byte[] b = EseBuilder.Log.current().set("generation", 3).bytes();
        b[200] ^= 1;
        LogHeader h = (LogHeader) EseFile.read("E00.log", b);
        assertFalse(h.checksumValid());
        assertTrue(has(h, Note.Level.ERROR, "-501"));
    }

    @Test
    void hostileAttachmentListsStayInsideTheirArea() {
        EseBuilder.Log l = EseBuilder.Log.current().set("generation", 3);
        // names length runs past the 2048-byte area
        l.page.u8(671, 1).u8(672, 0x20).u16(673, 0xFFFF);
        LogHeader h = (LogHeader) EseFile.read("E00.log", l.bytes());
        assertTrue(h.attachments().isEmpty());
        assertTrue(has(h, Note.Level.WARNING, "run past the 2048-byte"));
        // every byte non-zero: entries of 64 bytes with 0 names until the area ends, no terminator
        EseBuilder.Log m = EseBuilder.Log.current().set("generation", 3);
        for (int i = 671; i < 671 + 2048; i++) {
            m.page.u8(i, 1);
        }
        for (int e = 0; e < 32; e++) {
            m.page.u16(671 + 64 * e + 2, 0);
        }
        LogHeader h2 = (LogHeader) EseFile.read("E00.log", m.bytes());
        assertEquals(32, h2.attachments().size());
        assertTrue(has(h2, Note.Level.WARNING, "no terminating zero byte"));
    }

    @Test
    void randomAndMutatedInputNeverThrowsAnythingElse() throws IOException {
        Random r = new Random(1234);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(db().bytes());
        seeds.add(EseBuilder.Database.ese97().bytes());
        seeds.add(EseBuilder.Log.current().set("generation", 5).attach(1, "C:\\a.edb", new byte[28], new byte[8],
                new byte[8]).bytes());
        seeds.add(new EseBuilder.Checkpoint().attach(1, "C:\\a.edb", new byte[28], new byte[8], new byte[8]).bytes());
        seeds.add(new EseBuilder.Patch(4096).bytes());
        if (Corpus.root().isPresent() && Files.isDirectory(Corpus.root().get().resolve("ese"))) {
            for (Path p : CorpusOracleTest.files()) {
                byte[] all = Files.readAllBytes(p);
                seeds.add(java.util.Arrays.copyOf(all, Math.min(all.length, 65536)));
            }
        }
        String[] names = {"x.edb", "x.pat", "E00.chk", "E00.log", "E0000000002.log", "random.bin"};
        int read = 0;
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] b;
            if (i % 5 == 0) {
                b = new byte[r.nextInt(20000)];
                r.nextBytes(b);
            } else {
                byte[] s = seeds.get(r.nextInt(seeds.size()));
                b = s.clone();
                int flips = 1 + r.nextInt(40);
                for (int k = 0; k < flips && b.length > 0; k++) {
                    int at = r.nextInt(Math.min(b.length, 8192));
                    b[at] = (byte) r.nextInt(256);
                }
                if (r.nextInt(4) == 0 && b.length > 0) {
                    b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                }
            }
            String name = names[r.nextInt(names.length)];
            try {
                EseHeader h = EseFile.read(name, b);
                read++;
                assertTrue(h.notes() != null);
            } catch (EseException e) {
                refused++;
                oneLine(e, name);
            }
        }
        assertTrue(read > 100 && refused > 100, "read " + read + ", refused " + refused);
    }

    @Test
    void aDirectoryOrMissingFileIsAnEseException() {
        oneLine(assertThrows(EseException.class, () -> EseFile.open(tmp)), tmp.toString());
        Path missing = tmp.resolve("nope.edb");
        oneLine(assertThrows(EseException.class, () -> EseFile.open(missing)), missing.toString());
    }

    @Test
    void readingNeverWritesTheInput() throws IOException {
        Path f = tmp.resolve("a.edb");
        byte[] b = db().bytes();
        Files.write(f, b);
        f.toFile().setReadOnly();
        EseFile.database(f);
        assertTrue(java.util.Arrays.equals(b, Files.readAllBytes(f)));
    }
}
