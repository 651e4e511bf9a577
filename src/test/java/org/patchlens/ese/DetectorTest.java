package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.patchlens.format.EseCommon;

/**
 * Every detection rule of ese-format.md section 1.3, in the order {@link Detector} tries them, and every
 * refusal with its exact message and offset. Fixtures come from {@link EseBuilder}, whose offsets are
 * typed from the format reference, not taken from the specs under test.
 */
class DetectorTest {
    static final byte[] TIME_2003 = EseBuilder.time(2003, 1, 2, 3, 4, 5, 0, false);

    static EseFile.Kind kind(String name, byte[] b) {
        return EseFile.read(name, b).kind();
    }

    static EseException refused(String name, byte[] b) {
        EseException e = assertThrows(EseException.class, () -> EseFile.read(name, b));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes the XOR checksum of the 4096 bytes at {@code off}. */
    static byte[] stamp(byte[] b, int off) {
        le(b).putInt(off, EseBuilder.checksum(b, off, 4096));
        return b;
    }

    // ------------------------------------------------------------------ databases and patch files by magic

    @Test
    void theDatabaseMagicMakesADatabaseOrByItsNameAPatchFile() {
        byte[] b = EseBuilder.Database.current(8192).bytes();
        assertEquals(EseFile.Kind.DATABASE, kind("priv1.edb", b));
        assertEquals(EseFile.Kind.DATABASE, kind("anything", b));
        PatchHeader p = (PatchHeader) EseFile.read("priv1.PAT", b);
        assertEquals("DBFILEHDR", p.interpretation());
    }

    @Test
    void aVerifyingShadowCopyMakesADatabaseWhenThePrimaryLostItsMagic() {
        byte[] b = EseBuilder.Database.current(4096).bytes();
        b[4] = 0;
        assertEquals(EseFile.Kind.DATABASE, kind("x.edb", b));
        assertEquals(EseFile.Kind.PATCH, kind("x.pat", b));
        b[4096 + 100] ^= 1; // the shadow no longer verifies: nothing says database
        EseException e = refused("x.edb", b);
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("not an ESE file: no database magic at offset 4 (found 0x89ABCD00), file type at "
                + "offset 667 is 1, and no log, checkpoint or patch header was recognised"), e.getMessage());
    }

    @Test
    void aRegistryHiveIsRefusedBeforeTheShadowCopyIsTried() {
        byte[] b = EseBuilder.Database.current(4096).bytes();
        b[4] = 0;
        System.arraycopy("regf".getBytes(), 0, b, 0, 4);
        EseException e = refused("SYSTEM", b);
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith("SYSTEM"), e.getMessage());
        assertTrue(e.getMessage().endsWith("not an ESE file: this is a registry hive (\"regf\" signature)"), e.getMessage());
    }

    @Test
    void lessThanTheSmallestPageIsTooShort() {
        EseException e = refused("t.edb", new byte[2047]);
        assertTrue(e.getMessage().contains("file is 2047 bytes: too short for any ESE header (database pages are at least "
                + "2048 bytes, logs and checkpoints 4096)"), e.getMessage());
        // one byte is a byte, not "1 bytes"
        String one = refused("t.edb", new byte[1]).getMessage();
        assertTrue(one.contains("file is 1 byte: too short"), one);
    }

    // ------------------------------------------------------------------ logs and checkpoints by file type

    @Test
    void fileTypeThreeIsALogAndFourACheckpoint() {
        assertEquals(EseFile.Kind.LOG, kind("whatever.bin", EseBuilder.Log.current().set("generation", 3).bytes()));
        assertEquals(EseFile.Kind.CHECKPOINT, kind("whatever.bin", new EseBuilder.Checkpoint().bytes()));
    }

    @Test
    void aLogOrCheckpointCutInsideItsHeaderSaysSo() {
        // 2,048 to 4,095 bytes: long enough to hold the file type field, too short for the header it names
        byte[] chk = java.util.Arrays.copyOf(new EseBuilder.Checkpoint().bytes(), 3000);
        EseException c = refused("E00.chk", chk);
        assertEquals(667, c.offset());
        assertTrue(c.getMessage().endsWith("file type 4 (a checkpoint) at offset 667, but the file is 3000 bytes, "
                + "shorter than that header (4096 bytes): the file is cut short"), c.getMessage());
        // a log of a positive generation is read as cut short (DamagedLogDetectionTest); without one it is refused
        byte[] log = java.util.Arrays.copyOf(EseBuilder.Log.current().set("generation", 0).bytes(), 4095);
        assertTrue(refused("E0000000003.log", log).getMessage().endsWith("file type 3 (a log) at offset 667, but the "
                + "file is 4095 bytes, shorter than that header (4096 bytes): the file is cut short"));
    }

    @Test
    void aDamagedCheckpointIsKnownByItsShadowOrByNameAndShadowType() {
        byte[] b = new EseBuilder.Checkpoint().set("checkpoint", EseBuilder.lgpos(7, 1, 0)).bytes();
        b[667] = 9; // primary: another file type, checksum broken
        assertEquals(EseFile.Kind.CHECKPOINT, kind("whatever.bin", b), "the shadow verifies");
        b[4096 + 30] ^= 1; // the shadow no longer verifies either
        assertEquals(EseFile.Kind.CHECKPOINT, kind("E00.chk", b), ".chk and the shadow's file type");
        assertEquals(EseFile.Kind.CHECKPOINT, kind("E00.JCP", b));
        assertTrue(refused("E00.dat", b).getMessage().contains("file type at offset 667 is 9"));
    }

    @Test
    void anAllZeroFirstPageHasNoValidHeader() {
        assertTrue(refused("E00res00001.jrs", new byte[8192]).getMessage().endsWith(
                "no valid header: the first 4096 bytes are all zero (an unused reserve or pre-formatted log)"));
        assertTrue(refused("x.bin", new byte[8192]).getMessage().endsWith("no valid header: the first 4096 bytes are all zero"));
    }

    // ------------------------------------------------------------------ pre-ESE97 JET logs

    @Test
    void theEnginesDetectorsOfJet500And400And200LogsRefuseThem() {
        byte[] nt = new byte[4096];
        le(nt).putInt(24, 4).putInt(28, 909).putInt(32, 0);
        nt[100] = 1;
        EseException e500 = refused("edb.log", nt);
        assertEquals(24, e500.offset());
        assertTrue(e500.getMessage().endsWith("pre-ESE97 JET log (\"500\" format, Windows NT): unsupported"), e500.getMessage());
        le(nt).putInt(28, 995);
        assertTrue(refused("edb.log", nt).getMessage().endsWith("(\"500\" format, Exchange 4.0/5.0): unsupported"));

        byte[] j400 = new byte[4096];
        le(j400).putInt(20, 443);
        j400[100] = 1;
        EseException e400 = refused("edb.log", j400);
        assertEquals(20, e400.offset());
        assertTrue(e400.getMessage().endsWith("pre-ESE97 JET log (\"400\" format): unsupported"), e400.getMessage());

        byte[] j200 = new byte[4096];
        le(j200).putInt(48, 0x00CA0001);
        EseException e200 = refused("edb.log", j200);
        assertEquals(44, e200.offset());
        assertTrue(e200.getMessage().endsWith("pre-ESE97 JET log (\"200\" format): unsupported"), e200.getMessage());
    }

    @Test
    void aPreEse97DatabaseFormatIsRefused() {
        byte[] b = EseBuilder.Database.current(8192).u32(8, 0x500).bytes();
        EseException e = refused("old.edb", b);
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("pre-ESE97 JET database format version 0x500 (JET 200/400/500 era, "
                + "JET_errDatabase500Format -1212): unsupported"), e.getMessage());
    }

    // ------------------------------------------------------------------ without a file type

    @Test
    void withoutAFileTypeALogIsKnownByItsSectorSizeAndVersion() {
        byte[] b = EseBuilder.Log.current().set("generation", 3).set("fileType", 0).bytes();
        assertEquals(EseFile.Kind.LOG, kind("x.bin", b));
        b[100] ^= 1; // the checksum no longer verifies: nothing says log
        assertTrue(refused("x.bin", b).getMessage().contains("no log, checkpoint or patch header was recognised"));
    }

    @Test
    void anEse97LogIsKnownByItsVersionAt32OrAt24() {
        assertEquals(EseFile.Kind.LOG, kind("x.bin", EseBuilder.Log.ese97(28, 2).bytes()));
        byte[] at24 = new byte[4096];
        le(at24).putInt(4, 28).putInt(24, 6).putInt(28, 1504);
        LogHeader h = (LogHeader) EseFile.read("x.bin", stamp(at24, 0));
        assertEquals(6, h.versionMajor());
        assertEquals(1504, h.versionMinor());
        assertEquals(28, h.generation());
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("ESE97 log (format 6.1504, version found at offset 24)")),
                h.notes().toString());
    }

    @Test
    void anOldCheckpointIsKnownByItsSizeAndItsSignatureTime() {
        byte[] b = new EseBuilder.Checkpoint().set("fileType", 0)
                .set("logSignature", EseBuilder.sig(5, TIME_2003, "")).bytes();
        assertEquals(EseFile.Kind.CHECKPOINT, kind("x.bin", b));
        assertEquals(EseFile.Kind.CHECKPOINT, kind("x.bin", java.util.Arrays.copyOf(b, 4096)));
        assertTrue(refused("x.bin", java.util.Arrays.copyOf(b, 12288)).getMessage().contains("was recognised"),
                "another size is no checkpoint without a file type");
    }

    @Test
    void aPatchHeaderPageIsKnownByItsTimesOrByItsName() {
        byte[] marked = new EseBuilder.Patch(4096).set("backup.time", TIME_2003).bytes();
        assertEquals(EseFile.Kind.PATCH, kind("x.bin", marked));
        byte[] signed = new EseBuilder.Patch(4096).set("dbSignature", EseBuilder.sig(7, TIME_2003, "")).bytes();
        assertEquals(EseFile.Kind.PATCH, kind("x.bin", signed));
        byte[] bare = new EseBuilder.Patch(4096).set("backup.low", 3).bytes();
        assertEquals(EseFile.Kind.PATCH, kind("priv1.pat", bare));
        assertTrue(refused("x.bin", bare).getMessage().contains("was recognised"));
    }

    // ------------------------------------------------------------------ the spec's detection fields

    @Test
    void detectionFieldsPastTheBytesAreNullNotErrors() {
        EseCommon.HeaderStart small = new EseCommon.HeaderStart(new ByteBufferKaitaiStream(new byte[100]));
        assertNotNull(small.dbMagic());
        assertNotNull(small.preEse97Log());
        assertNull(small.dbPageSizeRaw());
        assertNull(small.fileType());
        EseCommon.HeaderStart tiny = new EseCommon.HeaderStart(new ByteBufferKaitaiStream(new byte[3]));
        assertNull(tiny.checksum());
        assertNull(tiny.logSectorSize());
        assertNull(tiny.checkpointLogSignatureTime());
        byte[] b = new byte[671];
        le(b).putInt(667, 3);
        assertEquals(3L, new EseCommon.HeaderStart(new ByteBufferKaitaiStream(b)).fileType());
    }
}
