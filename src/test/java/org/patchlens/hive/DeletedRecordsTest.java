package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.DeletedRecords.Item;
import org.patchlens.testing.Corpus;

/** Deleted-record recovery on hives whose cells HiveBuilder wrote and the test then freed, and on corpus hives. */
class DeletedRecordsTest {

    static byte[] utf16z(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    static List<String> render(List<Item> items) {
        return items.stream().map(i -> i.kind() + "|" + i.label() + "|" + i.path() + "|" + i.pathComplete() + "|"
                + i.name() + "|" + (i.isKey() ? Long.toUnsignedString(i.lastWritten())
                : i.typeCode() + "|" + java.util.HexFormat.of().formatHex(i.data()) + "|" + i.dataStatus()))
                .collect(Collectors.toList());
    }

    static HiveBuilder sample(int minor) {
        HiveBuilder b = HiveBuilder.version(minor);
        HiveBuilder.K vendor = b.key("Software\\Vendor");
        vendor.sz("Keep", "still here").dword("Num", 7).sz("Gone", "secret text");
        vendor.key("Old").lastWrittenRaw(HiveBuilder.DEFAULT_TIME + 12345).sz("Path", "C:\\old");
        b.key("System\\Setup").dword("Flag", 1).binary("Blob", new byte[200]);
        return b;
    }

    @Test
    void aFreshlyWrittenHiveHasNothingDeleted() {
        for (int minor : new int[] {3, 5}) {
            HiveBuilder b = sample(minor);
            byte[] big = new byte[40_000];
            java.util.Arrays.fill(big, (byte) 'n');
            b.key("Big").binary("Data", big);
            for (int i = 0; i < 300; i++) {
                b.key("Many\\k" + i).sz("v", "value " + i).dword("d", i);
            }
            try (Hive h = Hive.fromBytes("fresh", b.toBytes())) {
                assertEquals(List.of(), DeletedRecords.scan(h));
            }
        }
    }

    /** A value record (inline REG_DWORD named "x"), as bytes to hide inside other data. */
    static byte[] vkBytes() {
        java.nio.ByteBuffer v = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        v.put((byte) 'v').put((byte) 'k').putShort((short) 1).putInt(0x80000004).putInt(0x11223344).putInt(4)
                .putShort((short) 1).putShort((short) 0).put((byte) 'x');
        return v.array();
    }

    /**
     * The segments of a big-data record Windows would not read (reged's, in a 1.3 hive) are live data:
     * a value record inside them is not recovered as an unreferenced record.
     */
    @Test
    void regedBigDataSegmentsAreLive() {
        HiveBuilder b = sample(3);
        byte[] big = BuiltHives.pattern(40_000, 31);
        System.arraycopy(vkBytes(), 0, big, HiveBuilder.REGED_LIMIT, 24); // at the start of segment 1's data
        b.key("Big").binary("Data", big).val("Data").regedBigData();
        try (Hive h = Hive.fromBytes("reged", b.toBytes())) {
            assertEquals(List.of(), render(DeletedRecords.scan(h)));
        }
    }

    /** A deleted value whose data is such a record gets its data back from the segments, as hivex would read it. */
    @Test
    void aDeletedRegedBigDataValueIsRebuiltFromItsSegments() {
        HiveBuilder b = sample(3);
        byte[] big = BuiltHives.pattern(40_000, 32);
        HiveBuilder.K k = b.key("Big").binary("Data", big).dword("Stay", 1);
        HiveBuilder.V v = k.val("Data").regedBigData();
        HiveBuilder.Image img = b.build();
        img.free(v.vkOffset()).free(v.dataOffset()).free(v.segmentListOffset());
        for (long s : v.segmentOffsets()) {
            img.free(s);
        }
        // "Data" is the first of two values: the list keeps "Stay" only (Windows shifts it down)
        img.putU4(k.valueListOffset(), 0, k.val("Stay").vkOffset()).putU4(k.nkOffset(), 36, 1);
        try (Hive h = img.open()) {
            List<Item> items = DeletedRecords.scan(h);
            assertEquals(1, items.size(), render(items).toString());
            assertEquals("Data", items.get(0).name());
            assertEquals("intact", items.get(0).dataStatus());
            assertArrayEquals(big, items.get(0).data());
        }
    }

    /**
     * A free value record equal to a live value (exact name, type code, data bytes) is a stale copy: of the
     * same key when the record is tied to one, of any key when it is tied to none. Tied to another key, or
     * differing in any of the three, it stays deleted.
     */
    @Test
    void freeCopiesOfLiveValuesAreStaleCopies() {
        HiveBuilder b = HiveBuilder.v15();
        // K1: Y, X and a second X (the same record again, as a writer that reallocates leaves it)
        HiveBuilder.K k1 = b.key("K1").dword("Y", 1).sz("X", "same").addSz("X", "same");
        // K2: its own X, equal to K1's; K3: an X that differs from K1's in case only; K4: one whose list goes too
        HiveBuilder.K k2 = b.key("K2").dword("Keep", 2).sz("X", "same");
        HiveBuilder.K k3 = b.key("K3").dword("Keep", 3).sz("x", "same");
        HiveBuilder.K k4 = b.key("K4").sz("X", "same");
        HiveBuilder.K k5 = b.key("K5").sz("X", "other");
        HiveBuilder.Image img = b.build();
        // K1 loses the second X, its last value (the list keeps it in its slack: tied to K1)
        HiveBuilder.V x1b = k1.values().get(2);
        img.free(x1b.vkOffset()).free(x1b.dataOffset()).putU4(k1.nkOffset(), 36, 2);
        // K2 and K3 lose their X (tied to them through their lists' slack)
        for (HiveBuilder.K k : List.of(k2, k3)) {
            HiveBuilder.V x = k.values().get(1);
            img.free(x.vkOffset()).free(x.dataOffset()).putU4(k.nkOffset(), 36, 1);
        }
        // K4 and K5 lose their only value and their list: the records are tied to no key
        for (HiveBuilder.K k : List.of(k4, k5)) {
            HiveBuilder.V x = k.values().get(0);
            img.free(x.vkOffset()).free(x.dataOffset()).free(k.valueListOffset()).putU4(k.nkOffset(), 36, 0)
                    .putU4(k.nkOffset(), 40, HiveBuilder.NIL);
        }
        try (Hive h = img.open()) {
            List<String> got = DeletedRecords.scan(h).stream().map(i -> i.label() + " " + i.path() + " : " + i.name()
                    + " " + i.dataStatus()).sorted().toList();
            assertEquals(List.of(
                    "deleted  : X intact", // K5's "other": equal to no live value
                    "deleted \\K2 : X intact", // a copy of K1's X, but K2's own deleted value
                    "deleted \\K3 : x intact", // differs from K1's X in case: not the same name
                    "stale-copy  : X intact", // K4's X, tied to no key: equal to K1's live X
                    "stale-copy \\K1 : X intact"), got);
            assertTrue(h.damage().isEmpty(), h.damage().toString());
        }
    }

    /**
     * hivex rewrites every value of a key it changes (hivex_node_set_values): the old records stay in free
     * cells. python-registry's issue22.hive (10 values on the root key) edited with hivexsh: one value changed,
     * one added; 9 of the 10 old records are copies of live values, the 10th is the old data of the change.
     */
    @Test
    void aHivexEditedCorpusHiveGivesStaleCopies(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        assumeTrue(HiveBuilderCrossCheckTest.onPath("hivexsh"), "hivexsh (libhivex-bin) not installed");
        java.nio.file.Path copy = dir.resolve("issue22.hive");
        java.nio.file.Files.copy(Corpus.root().get().resolve("hives/python-registry/issue22.hive"), copy);
        StringBuilder script = new StringBuilder("cd \\\nsetval 11\n");
        String changed = null;
        try (Hive before = Hive.open(copy)) {
            assertEquals(List.of(), DeletedRecords.scan(before), "nothing deleted before the edit");
            for (Value v : before.root().values()) {
                byte[] d = v.data();
                if (changed == null && v.typeCode() == 4) {
                    changed = v.name();
                    d = new byte[] {9, 9, 9, 9};
                }
                script.append(v.name()).append("\nhex:").append(v.typeCode()).append(':')
                        .append(java.util.HexFormat.ofDelimiter(",").formatHex(d)).append('\n');
            }
        }
        script.append("Added\ndword:0x1\ncommit\nquit\n");
        Process p = new ProcessBuilder("hivexsh", "-w", copy.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        try (Hive h = Hive.open(copy)) {
            assertEquals(11, h.root().values().size());
            List<Item> items = DeletedRecords.scan(h);
            assertEquals(10, items.size(), render(items).toString());
            String c = changed;
            assertEquals(List.of(c), items.stream().filter(i -> i.label().equals(DeletedRecords.DELETED))
                    .map(Item::name).toList(), "only the old data of the changed value is a deleted value");
            assertEquals(9, items.stream().filter(i -> i.label().equals(DeletedRecords.STALE_COPY)).count());
        }
    }

    @Test
    void deletedKeysAndValuesAreFoundWithTheirPathsAndData() {
        HiveBuilder b = sample(3);
        HiveBuilder.Image img = b.build();
        HiveBuilder.K vendor = b.key("Software\\Vendor");
        HiveBuilder.K old = b.key("Software\\Vendor\\Old");
        HiveBuilder.V gone = vendor.val("Gone");
        HiveBuilder.V path = old.val("Path");
        // delete the value "Gone" (the last of three): the list keeps its offset in the slack
        img.free(gone.vkOffset()).free(gone.dataOffset()).putU4(vendor.nkOffset(), 36, 2);
        // delete the key "Old" with its value: its cells are freed, the parent's list goes
        img.free(old.nkOffset()).free(old.valueListOffset()).free(path.vkOffset()).free(path.dataOffset());
        img.free(vendor.subkeyListOffset()).putU4(vendor.nkOffset(), 20, 0).putU4(vendor.nkOffset(), 28, 0xFFFFFFFFL);
        try (Hive h = img.open()) {
            assertEquals(2, h.key("Software\\Vendor").values().size());
            assertTrue(h.key("Software\\Vendor").subkeys().isEmpty());
            List<Item> items = DeletedRecords.scan(h);
            assertTrue(h.damage().isEmpty(), h.damage().toString());
            String pathHex = java.util.HexFormat.of().formatHex(utf16z("C:\\old"));
            String goneHex = java.util.HexFormat.of().formatHex(utf16z("secret text"));
            assertEquals(List.of(
                    "key|deleted|\\Software\\Vendor\\Old|true|Old|" + (HiveBuilder.DEFAULT_TIME + 12345),
                    "value|deleted|\\Software\\Vendor|true|Gone|1|" + goneHex + "|intact",
                    "value|deleted|\\Software\\Vendor\\Old|true|Path|1|" + pathHex + "|intact").stream().sorted().toList(),
                    render(items).stream().sorted().toList());
            Item key = items.stream().filter(Item::isKey).findFirst().orElseThrow();
            assertEquals(old.nkOffset(), key.cellOffset());
            assertEquals(vendor.nkOffset(), key.parentOffset());
        }
    }

    @Test
    void aValueWhoseDataCellIsInUseAgainIsReallocated() {
        HiveBuilder b = sample(5);
        HiveBuilder.Image img = b.build();
        HiveBuilder.K vendor = b.key("Software\\Vendor");
        HiveBuilder.V gone = vendor.val("Gone");
        HiveBuilder.V keep = vendor.val("Keep");
        img.free(gone.vkOffset()).free(gone.dataOffset()).putU4(vendor.nkOffset(), 36, 2);
        img.putU4(gone.vkOffset(), 8, keep.dataOffset()); // its data cell now belongs to "Keep"
        try (Hive h = img.open()) {
            List<Item> items = DeletedRecords.scan(h);
            assertEquals(1, items.size(), render(items).toString());
            Item v = items.get(0);
            assertEquals("reallocated", v.label());
            assertEquals("reallocated", v.dataStatus());
            assertEquals("Gone", v.name());
            assertEquals("\\Software\\Vendor", v.path());
            // the bytes now at that offset are Keep's (24 of them, as Gone's size says): unreliable, and labelled so
            assertArrayEquals(java.util.Arrays.copyOf(utf16z("still here"), 24), v.data());
        }
    }

    @Test
    void aRecordInTheSlackOfAnAllocatedCellIsRecoveredFromSlack() {
        HiveBuilder b = sample(3);
        HiveBuilder.Image img = b.build();
        HiveBuilder.V blob = b.key("System\\Setup").val("Blob");
        img.putU4(blob.vkOffset(), 4, 48); // the value now uses 48 of its 200 bytes; the rest is slack
        byte[] vk = new byte[24];
        java.nio.ByteBuffer r = java.nio.ByteBuffer.wrap(vk).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        r.put(0, (byte) 'v').put(1, (byte) 'k').putShort(2, (short) 3).putInt(4, 0x80000004).putInt(8, 0x11223344)
                .putInt(12, 4).putShort(16, (short) 1).put(20, (byte) 'O').put(21, (byte) 'l').put(22, (byte) 'd');
        img.putBytes(blob.dataOffset(), 96, vk); // data offset 96 = bins offset dataCell + 100, which is 4 mod 8
        try (Hive h = img.open()) {
            List<Item> items = DeletedRecords.scan(h);
            assertEquals(List.of("value|recovered-from-slack||false|Old|4|44332211|inline"), render(items));
            assertEquals(blob.dataOffset() + 96, items.get(0).cellOffset());
        }
    }

    @Test
    void parentCyclesAndLostParentsGiveUnknownPaths() {
        HiveBuilder b = HiveBuilder.v13();
        b.key("A").sz("x", "1");
        b.key("B").sz("y", "2");
        b.key("C\\D");
        HiveBuilder.Image img = b.build();
        long a = b.key("A").nkOffset();
        long bb = b.key("B").nkOffset();
        long c = b.key("C").nkOffset();
        long d = b.key("C\\D").nkOffset();
        img.free(a).free(bb).putU4(a, 16, bb).putU4(bb, 16, a); // parents point at each other
        img.free(d).putU4(d, 16, b.key("A").val("x").vkOffset()); // the parent offset names a value, not a key
        img.putU4(c, 20, 0).putU4(c, 28, 0xFFFFFFFFL);
        try (Hive h = Hive.fromBytes("x", img.bytes())) {
            List<Item> items = DeletedRecords.scan(h).stream().filter(Item::isKey).toList();
            assertEquals(3, items.size(), render(items).toString());
            for (Item i : items) {
                assertFalse(i.pathComplete(), i.path());
                assertTrue(i.path().startsWith("<unknown>\\"), i.path());
                assertTrue(i.path().endsWith("\\" + i.name()), i.path());
            }
        }
    }

    @Test
    void corpusDeletedDataHiveGivesWhatYarpsTestsExpect() throws Exception {
        assumeTrue(Corpus.root().isPresent());
        try (Hive h = Hive.open(Corpus.root().get().resolve("hives/yarp/DeletedDataHive"))) {
            String v = java.util.HexFormat.of().formatHex(utf16z("123456"));
            String v2 = java.util.HexFormat.of().formatHex(utf16z("456"));
            List<String> got = render(DeletedRecords.scan(h)).stream().map(s -> s.replaceFirst("\\|[a-z-]+$", ""))
                    .sorted().toList();
            assertEquals(List.of("key|deleted|\\456|true|456|131345181379802944",
                    "value|deleted|\\123|true|v2|1|" + v2,
                    "value|deleted|\\456|true|v|1|" + v), got);
        }
        try (Hive h = Hive.open(Corpus.root().get().resolve("hives/yarp/DeletedTreeHive"))) {
            assertEquals(List.of("\\1\\2\\3", "\\1\\2\\3\\4", "\\1\\2\\3\\4\\5", "\\1\\2\\3\\4\\New Key #1"),
                    DeletedRecords.scan(h).stream().map(Item::path).sorted().toList());
        }
    }

    @Test
    void everyReadableCorpusHiveScansWithoutErrorAndNoLiveRecordIsReported() throws Exception {
        assumeTrue(Corpus.root().isPresent());
        for (java.nio.file.Path f : Corpus.hives()) {
            if (java.nio.file.Files.size(f) > 1_500_000) {
                continue; // keep the test fast (the larger ones were checked by hand: no errors)
            }
            try (Hive h = Hive.open(f)) {
                java.util.Set<Long> live = new java.util.HashSet<>();
                for (Key k : h.walk()) {
                    live.add(k.cellOffset());
                    k.values().forEach(v -> live.add(v.cellOffset()));
                }
                for (Item i : DeletedRecords.scan(h)) {
                    assertFalse(live.contains(i.cellOffset()), f + ": a live record reported as " + i.label());
                    assertTrue(List.of("deleted", "stale-copy", "recovered-from-slack", "unreferenced", "reallocated")
                            .contains(i.label()));
                    assertTrue(i.isKey() ? i.name().length() > 0 : i.data() != null, f.toString());
                }
            } catch (HiveException e) {
                assertEquals(1, e.getMessage().lines().count());
            }
        }
    }

    /**
     * {@code hive} with one more hive bin of {@code binSize} bytes: one free cell whose data repeats
     * {@code pattern} (8 bytes, so each copy starts where a record could, bins offset 4 mod 8).
     */
    static byte[] withFreeBin(byte[] hive, int binSize, byte[] pattern) {
        long bins = LogBuilder.binsSize(hive);
        byte[] out = java.util.Arrays.copyOf(hive, (int) (4096 + bins + binSize));
        java.nio.ByteBuffer b = LogBuilder.le(out);
        int bin = (int) (4096 + bins);
        b.put(bin, "hbin".getBytes(StandardCharsets.US_ASCII)).putInt(bin + 4, (int) bins).putInt(bin + 8, binSize);
        b.putInt(bin + 32, binSize - 32);
        for (int p = bin + 36; p + 8 <= out.length; p += 8) {
            b.put(p, pattern);
        }
        b.putInt(40, (int) (bins + binSize));
        b.putInt(508, (int) HiveBuilder.checksumOf(out));
        return out;
    }

    @Test
    void freeSpaceFullOfRecordSignaturesCostsLittleWhenNoneIsARecord() {
        // every position holds a signature: key nodes whose names claim 27,502 bytes (the next "nk"), and value
        // records that claim a 64 KiB name and undefined flags; each costs two reads or a 20-byte parse, no more
        byte[] base = HiveBuilder.v15().toBytes();
        byte[] nk = {'n', 'k', 0, 0, 0, 0, 0, 0};
        byte[] vk = {'v', 'k', (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};
        for (byte[] pattern : List.of(nk, vk)) {
            byte[] hive = withFreeBin(base, 8 << 20, pattern);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
                try (Hive h = Hive.fromBytes("signatures", hive)) {
                    assertEquals(List.of(), DeletedRecords.scan(h));
                    assertEquals(List.of(), h.damage());
                }
            });
        }
    }

    @Test
    void corruptedHiveScanIsBounded() throws Exception {
        assumeTrue(Corpus.root().isPresent());
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            try (Hive h = Hive.open(Corpus.root().get().resolve("hives/regipy/corrupted_system_hive"))) {
                List<Item> items = DeletedRecords.scan(h);
                assertFalse(items.isEmpty());
                for (Item i : items) {
                    assertTrue(i.name() != null && (i.isKey() || i.data() != null));
                }
            }
        });
    }
}
