package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.ese.DetectorTest.kind;
import static org.patchlens.ese.DetectorTest.le;
import static org.patchlens.ese.DetectorTest.refused;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Logs whose header does not verify or is cut short, and patch files whose primary page is damaged: detection reads
 * them by independent evidence (a log's name and ESE97 version and generation fields; a verifying shadow patch page),
 * and refuses what has no such evidence.
 */
class DamagedLogDetectionTest {
    private static byte[] ese97(int gen) {
        return EseBuilder.Log.ese97(gen, 0).bytes();
    }

    private static String checksumDamage(byte[] b) {
        long stored = le(b).getInt(0) & 0xFFFFFFFFL;
        long computed = EseBuilder.checksum(b, 0, 4096) & 0xFFFFFFFFL;
        return String.format("header checksum at offset 0 stored 0x%08X, computed 0x%08X: JET_errLogFileCorrupt -501",
                stored, computed);
    }

    // ------------------------------------------------------------------ 1. an ESE97 log whose checksum fails

    /** It was refused as "not an ESE file", and the chain and rules called its generation missing. */
    @Test
    void anEse97LogWhoseChecksumFailsIsALogByItsNameAndFields() {
        byte[] b = ese97(0x1C);
        b[100] = (byte) ~b[100];
        for (String name : List.of("edb0001C.log", "Edb0001c.log", "edb.log", "E000001C.log", "E00.log")) {
            LogHeader h = (LogHeader) EseFile.read(name, b);
            assertEquals(0x1C, h.generation(), name);
            assertFalse(h.checksumValid(), name);
            assertEquals(checksumDamage(b), h.checksumDamage(), name);
            assertEquals(checksumDamage(b), h.damage(), name);
            assertTrue(h.notes().contains(Note.info(name + ": read as an ESE97 log by its name, its version at offset 32 "
                    + "and its generation at offset 4, its header checksum not verifying")), h.notes().toString());
        }
    }

    @Test
    void withoutALogsNameOrItsFieldsADamagedPageIsStillRefused() {
        byte[] b = ese97(0x1C);
        b[100] = (byte) ~b[100];
        String notEse = "no log, checkpoint or patch header was recognised";
        assertTrue(refused("x.bin", b).getMessage().contains(notEse), "the name is what says log");
        assertTrue(refused("edbtmp.log", b).getMessage().contains(notEse), "a temporary log is no log of the set");
        byte[] gen0 = ese97(0x1C);
        le(gen0).putInt(4, 0);
        gen0[100] = 1;
        assertTrue(refused("edb.log", gen0).getMessage().contains(notEse), "generation 0");
        byte[] genHigh = ese97(0x1C);
        le(genHigh).putInt(4, 0x100000);
        genHigh[100] = 1;
        assertTrue(refused("edb.log", genHigh).getMessage().contains(notEse), "past five hex digits");
        byte[] update = ese97(0x1C);
        le(update).putInt(40, 16);
        update[100] = 1;
        assertTrue(refused("edb.log", update).getMessage().contains(notEse), "update 16");
        byte[] minor = ese97(0x1C);
        le(minor).putInt(36, 1505);
        minor[100] = 1;
        assertTrue(refused("edb.log", minor).getMessage().contains(notEse), "6.1505 is no ESE97 version");
    }

    @Test
    void aRandomOrZeroedLogFileIsStillRefused() {
        Random r = new Random(42);
        List<String> names = List.of("edb0001C.log", "E000001C.log", "E00.log");
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[i % 2 == 0 ? 4096 : 3000];
            r.nextBytes(b);
            EseException e = refused(names.get(i % 3), b);
            assertTrue(e.getMessage().contains("not an ESE file") || e.getMessage().contains("too short"), e.getMessage());
        }
        for (int i = 0; i < 200; i++) {
            // an ESE98 version and no file type: the sector size and generation, random, still say no log
            byte[] b = new byte[4096];
            r.nextBytes(b);
            le(b).putInt(32, 7).putInt(36, 3704).putInt(40, 4).putInt(667, 0);
            assertTrue(refused(names.get(i % 3), b).getMessage().contains("no log, checkpoint or patch header was "
                    + "recognised"));
        }
        assertTrue(refused("edb0001C.log", new byte[5 * 1024 * 1024]).getMessage()
                .endsWith("no valid header: the first 4096 bytes are all zero (an unused reserve or pre-formatted log)"));
        assertTrue(refused("edb.log", new byte[3000]).getMessage().contains("not an ESE file: no database magic at offset 4 "
                + "(found 0x00000000), file type at offset 667 is 0, and no log, checkpoint or patch header was recognised"));
        assertTrue(refused("edb.log", new byte[1000]).getMessage().contains("too short for any ESE header"));
    }

    // ------------------------------------------------------------------ 1b. an ESE98 log without a file type

    private static byte[] ese98(int gen) {
        return EseBuilder.Log.ese98().set("generation", gen).bytes();
    }

    /**
     * An Exchange 2000/2003 log of a format that writes no file type at 667 (7.3704.4 and earlier), whose header
     * checksum fails: only its cut-short form was read; whole, it was "not an ESE file", and check called its
     * generation missing.
     */
    @Test
    void anEse98LogWithoutAFileTypeWhoseChecksumFailsIsALogByItsNameAndFields() {
        byte[] b = ese98(0x1C);
        b[100] = (byte) ~b[100];
        for (String name : List.of("E000001C.log", "e000001c.log", "E00.log", "edb0001C.log", "edb.log")) {
            LogHeader h = (LogHeader) EseFile.read(name, b);
            assertEquals(0x1C, h.generation(), name);
            assertEquals(List.of(7L, 3704L, 4L), List.of(h.versionMajor(), h.versionMinor(), h.versionUpdateMajor()));
            assertFalse(h.checksumValid(), name);
            assertEquals(checksumDamage(b), h.checksumDamage(), name);
            assertEquals(checksumDamage(b), h.damage(), name);
            assertTrue(h.notes().contains(Note.info(name + ": read as an ESE98 log by its name, its sector size at offset 8, "
                    + "its version at offset 32 and its generation at offset 4, its header checksum not verifying")),
                    h.notes().toString());
        }
        for (long[] version : new long[][] {{3700, 0}, {3704, 8}}) {
            byte[] other = EseBuilder.Log.ese98().set("generation", 0x1C).set("versionMinor", version[0])
                    .set("versionUpdateMajor", version[1]).bytes();
            other[100] = 1;
            assertEquals(0x1C, ((LogHeader) EseFile.read("E000001C.log", other)).generation(), "7." + version[0]);
        }
    }

    @Test
    void withoutALogsNameOrTheEse98FieldsADamagedPageIsStillRefused() {
        String notEse = "no log, checkpoint or patch header was recognised";
        byte[] b = ese98(0x1C);
        b[100] = 1;
        assertTrue(refused("x.bin", b).getMessage().contains(notEse), "the name is what says log");
        assertTrue(refused("E00tmp.log", b).getMessage().contains(notEse), "a temporary log is no log of the set");
        assertTrue(refused("res1.log", b).getMessage().contains(notEse), "nor is a reserve log");
        Map<String, EseBuilder.Log> unlike = new LinkedHashMap<>();
        unlike.put("generation 0", EseBuilder.Log.ese98().set("generation", 0));
        unlike.put("past five hex digits", EseBuilder.Log.ese98().set("generation", 0x100000));
        unlike.put("sector size 300", EseBuilder.Log.ese98().set("generation", 0x1C).set("sectorSize", 300));
        unlike.put("7.3699", EseBuilder.Log.ese98().set("generation", 0x1C).set("versionMinor", 3699));
        unlike.put("7.3705", EseBuilder.Log.ese98().set("generation", 0x1C).set("versionMinor", 3705));
        unlike.put("7.3704.9", EseBuilder.Log.ese98().set("generation", 0x1C).set("versionUpdateMajor", 9));
        unlike.put("8.4000", EseBuilder.Log.ese98().set("generation", 0x1C).set("versionMajor", 8)
                .set("versionMinor", 4000));
        unlike.forEach((why, log) -> {
            byte[] d = log.bytes();
            d[100] = 1;
            assertTrue(refused("E000001C.log", d).getMessage().contains(notEse), why);
        });
    }

    // ------------------------------------------------------------------ 2. a log cut short inside its header

    /** It was refused ("not an ESE file", or "cut short" for a file type 3), and the rules called it missing. */
    @Test
    void anEse97LogCutInsideItsHeaderIsALogThatSaysWhereItEnds() {
        for (int cut : new int[] {44, 671, 2047, 3000, 4095}) {
            byte[] b = Arrays.copyOf(ese97(0x11), cut);
            LogHeader h = (LogHeader) EseFile.read("edb00011.log", b);
            assertEquals(0x11, h.generation());
            assertEquals(6, h.versionMajor());
            assertEquals(1503, h.versionMinor());
            assertTrue(h.headerCutShort());
            assertEquals("log header cut short at byte " + cut + " of its 4096 bytes (bytes 0 to 4095): not verifiable",
                    h.checksumDamage());
            assertEquals(h.checksumDamage(), h.damage());
            assertEquals(List.of(Note.error(cut, "edb00011.log: log header cut short at byte " + cut + " of its 4096 bytes "
                    + "(bytes 0 to 4095): the file is " + cut + " bytes; its checksum cannot be verified and the log cannot "
                    + "be replayed; the generation (offset 4) and version (offset 32) shown are unverified and nothing "
                    + "else is read")), h.notes().stream().filter(Note::isFinding).toList());
        }
    }

    @Test
    void aLogCutInsideItsHeaderWhoseStoredChecksumIsZeroIsStillDamaged() {
        // a cut copy's computed checksum is 0 (never computed): a stored 0 made the header "verify" and the log sound
        byte[] b = Arrays.copyOf(ese97(0x11), 3000);
        Arrays.fill(b, 0, 4, (byte) 0);
        LogHeader h = (LogHeader) EseFile.read("edb00011.log", b);
        assertTrue(h.headerCutShort());
        assertEquals("log header cut short at byte 3000 of its 4096 bytes (bytes 0 to 4095): not verifiable", h.damage());
    }

    @Test
    void aCurrentLogCutInsideItsHeaderIsALogByItsFileTypeOrNameAndVersion() {
        byte[] typed = Arrays.copyOf(EseBuilder.Log.current().set("generation", 3).bytes(), 4095);
        LogHeader h = (LogHeader) EseFile.read("whatever.bin", typed);
        assertEquals(3, h.generation());
        assertEquals("log header cut short at byte 4095 of its 4096 bytes (bytes 0 to 4095): not verifiable",
                h.checksumDamage());
        byte[] early = Arrays.copyOf(EseBuilder.Log.current().set("generation", 3).bytes(), 600); // before the file type
        assertEquals(3, ((LogHeader) EseFile.read("E0000000003.log", early)).generation());
        assertTrue(refused("x.bin", early).getMessage().contains("too short"), "no name, no file type: nothing says log");
    }

    @Test
    void aCutLogWithoutAGenerationOrVersionIsStillRefused() {
        byte[] tooShort = Arrays.copyOf(ese97(0x11), 40); // ends inside the version at 32
        assertTrue(refused("edb00011.log", tooShort).getMessage().contains("too short for any ESE header"));
        byte[] gen0 = Arrays.copyOf(EseBuilder.Log.current().set("generation", 0).bytes(), 3000);
        assertTrue(refused("E00.log", gen0).getMessage().endsWith("file type 3 (a log) at offset 667, but the file is 3000 "
                + "bytes, shorter than that header (4096 bytes): the file is cut short"));
    }

    // ------------------------------------------------------------------ 3. a .pat whose shadow alone verifies

    /** Its primary fails the checksum at every length (a byte at 200): it was refused as not an ESE file. */
    @Test
    void aPatchFileWhosePrimaryFailsAtEveryLengthIsKnownByItsShadow() {
        byte[] b = new EseBuilder.Patch(4096).set("genMinRequired", 0x10).set("genMaxRequired", 0x12).bytes();
        b[200] = 1;
        PatchHeader p = (PatchHeader) EseFile.read("priv.pat", b);
        assertEquals("shadow", p.verification().used());
        assertEquals(0x10, p.genMinRequired());
        assertEquals(0x12, p.genMaxRequired());
        assertTrue(p.notes().contains(Note.warning(0, "primary patch header page has a checksum error (stored 0x"
                + String.format("%08X", le(b).getInt(0)) + ", computed 0x" + String.format("%08X",
                        EseBuilder.checksum(b, 0, 4096)) + "): fields are read from the good shadow copy at offset 4096")),
                p.notes().toString());
        assertTrue(refused("priv.bin", b).getMessage().contains("no log, checkpoint or patch header was recognised"),
                "the shadow alone says patch only for a .pat");
        byte[] shadowZero = b.clone();
        Arrays.fill(shadowZero, 4096, 8192, (byte) 0);
        assertTrue(refused("priv.pat", shadowZero).getMessage().contains("no log, checkpoint or patch header was recognised"));
    }
}
