package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder.Image;
import org.patchlens.hive.HiveBuilder.K;

/**
 * Damage lines and errors use one offset base: file offsets. A reference as the hive stores it (relative
 * to the hive bins data, 4096 bytes into the file) is labelled {@code cell offset 0x... (file offset
 * 0x...)}, and an offset at or past the end of the file, or of the hive bins data, is said to be.
 */
class DamageOffsetsTest {
    private static Hive open(byte[] bytes) {
        return Hive.fromBytes("d.hive", bytes);
    }

    private static List<String> lines(Hive h) {
        return h.damage().stream().map(Damage::toString).toList();
    }

    private static List<String> afterReading(Hive h, String key) {
        Key k = h.key(key);
        k.values().forEach(Value::data);
        k.subkeys();
        return lines(h);
    }

    /** K with two values, the second with data in a cell. */
    private static HiveBuilder twoValues() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("K").dword("a", 1).sz("b", "hello");
        return b;
    }

    @Test
    void aValueListPastTheEndOfTheFileSaysSoWithItsFileOffset() {
        HiveBuilder b = twoValues();
        Image img = b.build();
        int size = img.bytes().length;
        img.putU4(b.key("K").nkOffset(), 40, 0x7FFFFFF8L);
        Hive h = open(img.bytes());
        assertEquals(List.of("d.hive: at offset 0x80000FF8 (key \\K): value list at cell offset 0x7FFFFFF8 (file offset "
                + "0x80000FF8, past the end of the " + size + "-byte file) is not the start of a cell"),
                afterReading(h, "K"));
        Damage d = h.damage().get(0);
        assertEquals(0x80000FF8L, d.fileOffset());
        assertEquals("\\K", d.keyPath());
    }

    @Test
    void aReferenceInTheFileButPastTheHiveBinsData() {
        HiveBuilder b = twoValues();
        Image img = b.build();
        int bins = img.bytes().length - 4096;
        byte[] longer = Arrays.copyOf(img.bytes(), img.bytes().length + 8192); // trailing bytes after the bins
        java.nio.ByteBuffer.wrap(longer).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(Image.fileOffset(b.key("K").nkOffset()) + 4 + 40, bins + 32);
        assertEquals(List.of(String.format("d.hive: at offset 0x%X (key \\K): value list at cell offset 0x%X (file offset "
                + "0x%X, past the end of the hive bins data at file offset 0x%X) is not the start of a cell",
                4096 + bins + 32, bins + 32, 4096 + bins + 32, 4096 + bins)), afterReading(open(longer), "K"));
    }

    @Test
    void aReferenceIntoTheMiddleOfACell() {
        HiveBuilder b = twoValues();
        Image img = b.build();
        long mid = b.key("K").nkOffset() + 8;
        img.putU4(b.key("K").nkOffset(), 40, mid);
        assertEquals(List.of(String.format("d.hive: at offset 0x%X (key \\K): value list at cell offset 0x%X (file offset "
                + "0x%X) is not the start of a cell", 4096 + mid, mid, 4096 + mid)), afterReading(open(img.bytes()), "K"));
    }

    @Test
    void aMissingOrVolatileReferenceNamesNoPlaceInTheFile() {
        HiveBuilder b = twoValues();
        Image img = b.build();
        img.putU4(b.key("K").nkOffset(), 40, 0xFFFFFFFFL);
        Hive missing = open(img.bytes());
        assertEquals(List.of("d.hive (key \\K): value list is missing (cell offset 0xFFFFFFFF)"), afterReading(missing, "K"));
        assertEquals(-1, missing.damage().get(0).fileOffset());
        img.putU4(b.key("K").nkOffset(), 40, 0x80000020L);
        assertEquals(List.of("d.hive (key \\K): value list at cell offset 0x80000020 (volatile storage, not in the file) "
                + "has the volatile bit set"), afterReading(open(img.bytes()), "K"));
    }

    @Test
    void aReferenceToAFreeCell() {
        HiveBuilder b = twoValues();
        Image img = b.build();
        long data = b.key("K").val("b").dataOffset();
        img.free(data);
        assertEquals(List.of(String.format("d.hive: at offset 0x%X (key \\K): \\K value \"b\" data at cell offset 0x%X (file "
                + "offset 0x%X) is a free cell", 4096 + data, data, 4096 + data)), afterReading(open(img.bytes()), "K"));
    }

    @Test
    void aValueListNamingOneValueTwice() {
        HiveBuilder b = twoValues();
        Image img = b.build();
        K k = b.key("K");
        long a = k.val("a").vkOffset();
        img.putU4(k.valueListOffset(), 4, a);
        assertEquals(List.of(String.format("d.hive: at offset 0x%X (key \\K): value list names the value at cell offset 0x%X "
                + "(file offset 0x%X) more than once", 4096 + k.valueListOffset(), a, 4096 + a)),
                afterReading(open(img.bytes()), "K"));
    }

    @Test
    void anIndexRootListingALeafTwice() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.key("K").ri(HiveBuilder.ListKind.LH, 2);
        for (String n : List.of("a", "b", "c", "d")) {
            k.key(n);
        }
        Image img = b.build();
        long leaf0 = k.leafOffsets()[0];
        img.putU4(k.subkeyListOffset(), 8, leaf0);
        long ri = 4096 + k.subkeyListOffset();
        assertEquals(List.of(
                String.format("d.hive: at offset 0x%X (key \\K): index root lists the leaf at cell offset 0x%X (file offset "
                        + "0x%X) more than once; repeated entry skipped", ri, leaf0, 4096 + leaf0),
                String.format("d.hive: at offset 0x%X (key \\K): key node claims 4 subkeys, its lists hold 2", ri)),
                afterReading(open(img.bytes()), "K"));
    }

    @Test
    void aBigDataSegmentListRepeatingASegment() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("K").binary("big", new byte[20_000]);
        Image img = b.build();
        HiveBuilder.V v = b.key("K").val("big");
        long seg0 = v.segmentOffsets()[0];
        img.putU4(v.segmentListOffset(), 4, seg0);
        assertEquals(List.of(String.format("d.hive: at offset 0x%X (key \\K): \\K value \"big\": data segment 1 repeats the "
                + "segment at cell offset 0x%X (file offset 0x%X); the data ends before it", 4096 + v.segmentListOffset(),
                seg0, 4096 + seg0)), afterReading(open(img.bytes()), "K"));
    }

    @Test
    void aParentOffsetPastTheEndOfTheFile() {
        HiveBuilder b = HiveBuilder.v15();
        K child = b.key("P\\C");
        Image img = b.build();
        int size = img.bytes().length;
        img.putU4(child.nkOffset(), 16, 0x7FFFFFF8L);
        long parent = b.key("P").nkOffset();
        assertEquals(List.of(String.format("d.hive: at offset 0x%X (key \\P\\C): key's parent offset field is cell offset "
                + "0x7FFFFFF8 (file offset 0x80000FF8, past the end of the %d-byte file), not the key that lists it, at cell "
                + "offset 0x%X (file offset 0x%X)", 4096 + child.nkOffset(), size, parent, 4096 + parent)),
                afterReading(open(img.bytes()), "P"));
    }

    @Test
    void aHiveBinWhoseOffsetFieldIsWrong() {
        HiveBuilder b = HiveBuilder.v13();
        for (int i = 0; i < 30; i++) {
            b.key(String.format("K%02d", i)).binary("data", new byte[600]);
        }
        Image img = b.build();
        List<Integer> bins = img.binFileOffsets();
        int bad = bins.get(1);
        img.putFile(bad + 4, new byte[] {0, 0x30, 0, 0}); // 0x3000
        Hive h = open(img.bytes());
        h.walk().forEach(k -> { });
        assertEquals(String.format("d.hive: at offset 0x%X: hive bin offset field is 0x3000, expected 0x%X (offsets relative "
                + "to the hive bins data, which start at file offset 0x1000); skipped to the next bin, at file offset 0x%X",
                bad, bad - 4096, bins.get(2)), lines(h).get(0));
    }

    @Test
    void rootCellOffsetsAreLabelled() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("K");
        Image img = b.build();
        int size = img.bytes().length;
        img.header(36, 0xFFFFFFFFL);
        assertEquals("d.hive: at offset 0x24: root cell offset is 0xFFFFFFFF (none)",
                assertThrows(HiveException.class, () -> open(img.bytes()).root()).getMessage());
        img.header(36, 0x80000020L);
        assertEquals("d.hive: at offset 0x24: root cell offset 0x80000020 (volatile storage, not in the file) has the "
                + "volatile bit set", assertThrows(HiveException.class, () -> open(img.bytes()).root()).getMessage());
        img.header(36, 0x7FFFFFF0L);
        assertEquals("d.hive: at offset 0x24: root cell offset 0x7FFFFFF0 (file offset 0x80000FF0, past the end of the "
                + size + "-byte file) is not the start of a cell",
                assertThrows(HiveException.class, () -> open(img.bytes()).root()).getMessage());
    }

    @Test
    void anyDamageOffsetPastTheEndIsSaidToBe() {
        Hive h = open(HiveBuilder.v15().toBytes());
        long size = h.fileSize();
        h.addDamage(size + 16, "", "some structure is unreadable");
        assertEquals(String.format("d.hive: at offset 0x%X: some structure is unreadable (file offset 0x%X, past the end of "
                + "the %d-byte file)", size + 16, size + 16, size), lines(h).get(0));
        h.addDamage(size - 4, "\\", "inside");
        assertEquals(String.format("d.hive: at offset 0x%X (key \\): inside", size - 4), lines(h).get(1));
    }

    // ------------------------------------------------------------------ replay messages

    /** A new-format log (.LOG1) whose one entry writes {@code page} (4096 bytes) at hive bins offset 0. */
    private static byte[] newLogWritingTheFirstBin(byte[] primary, byte[] page) {
        int size = 4608; // 40 + 8 + 4096, rounded up to 512
        byte[] log = new byte[512 + size];
        System.arraycopy(LogBuilder.header(primary, 6, 2), 0, log, 0, 512);
        java.nio.ByteBuffer b = LogBuilder.le(log);
        b.putInt(512, 0x454C7648); // HvLE
        b.putInt(516, size);
        b.putInt(524, 2);
        b.putInt(528, (int) LogBuilder.binsSize(primary));
        b.putInt(532, 1);
        b.putInt(552, 0);
        b.putInt(556, 4096);
        b.put(560, page);
        b.putLong(536, Marvin32.hash(b, 552, size - 40, Marvin32.REGISTRY_SEED));
        b.putLong(544, Marvin32.hash(b, 512, 32, Marvin32.REGISTRY_SEED));
        return log;
    }

    @Test
    void aHiveBinBrokenByTheReplayIsNamedByItsBinsAndFileOffsets() {
        byte[] primary = ReplayHostileTest.hive();
        byte[] page = Arrays.copyOfRange(primary, 4096, 8192);
        LogBuilder.le(page).putInt(4, 0x2000); // the first bin's offset field, wrong
        HiveRecovery.Recovery r = HiveRecovery.recover("H", java.nio.ByteBuffer.wrap(primary), List.of(
                new HiveRecovery.LogInput("H.LOG1", HiveRecovery.Slot.LOG1,
                        java.nio.ByteBuffer.wrap(newLogWritingTheFirstBin(primary, page)))));
        assertEquals(List.of("after replay, the hive bin at hive bins offset 0x0 (file offset 0x1000) is invalid: its "
                + "offset field is 0x2000; Windows would replace it with an empty bin, the reader skips it"),
                r.ledger().notes());
    }

    @Test
    void aRemnantScanThatStopsNamesItsLogFileOffset() {
        byte[] h = ReplayHostileTest.hive();
        int fileSize = 8 << 20;
        byte[] log = new byte[fileSize];
        System.arraycopy(LogBuilder.header(h, 6, 2), 0, log, 0, 512);
        java.nio.ByteBuffer b = LogBuilder.le(log);
        for (int pos = 512; pos + 512 <= fileSize; pos += 512) {
            b.putInt(pos, 0x454C7648);
            b.putInt(pos + 4, fileSize - pos);
            b.putInt(pos + 12, 2);
            b.putInt(pos + 16, 8192);
            b.putInt(pos + 20, 1);
            b.putInt(pos + 28, pos); // Hash-1 (wrong)
            b.putInt(pos + 44, 4096);
            b.putLong(pos + 32, Marvin32.hash(b, pos, 32, Marvin32.REGISTRY_SEED));
        }
        HiveRecovery.Recovery r = HiveRecovery.recover("H", java.nio.ByteBuffer.wrap(h), List.of(
                new HiveRecovery.LogInput("H.LOG1", HiveRecovery.Slot.LOG1, java.nio.ByteBuffer.wrap(log))));
        List<String> stopped = r.ledger().notes().stream().filter(n -> n.contains("remnant scan")).toList();
        assertEquals(1, stopped.size(), r.ledger().notes().toString());
        assertTrue(stopped.get(0).matches("H\\.LOG1: remnant scan stopped at log file offset \\d+ \\(work budget "
                + "spent\\)"), stopped.get(0));
    }
}
