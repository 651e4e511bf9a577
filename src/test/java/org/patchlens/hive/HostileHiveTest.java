package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder.Image;
import org.patchlens.hive.HiveBuilder.K;
import org.patchlens.hive.HiveBuilder.ListKind;

/**
 * Hostile hives crafted with {@link HiveBuilder}: each one terminates, reports its damage with
 * the right offset and reason, and the rest of the tree still reads. Only {@code Hive.open} /
 * {@code fromBytes} and {@code root()} may throw, and only {@link HiveException}.
 */
class HostileHiveTest {

    /** Reads everything a dump would read; returns the number of keys. Must never throw. */
    private static long readEverything(Hive h) {
        long keys = 0;
        for (Key k : h.walk()) {
            keys++;
            k.className();
            k.security();
            k.name();
            for (Value v : k.values()) {
                v.data();
                v.decoded();
                v.dataCellOffset();
            }
        }
        return keys;
    }

    private static List<String> damage(Hive h) {
        return h.damage().stream().map(d -> String.format("0x%X %s: %s", d.fileOffset(), d.keyPath(), d.reason()))
                .collect(Collectors.toList());
    }

    private static String at(long cellOffset) {
        return String.format("0x%X", Image.fileOffset(cellOffset));
    }

    /** A sibling that must survive every kind of damage elsewhere. */
    private static void addWitness(HiveBuilder b) {
        b.key("Witness\\Deep").sz("ok", "still here").binary("blob", BuiltHives.pattern(300, 5));
    }

    private static void assertWitness(Hive h) {
        Key w = h.key("Witness\\Deep");
        assertNotNull(w, "the rest of the tree reads");
        assertEquals("still here", w.value("ok").decoded().text());
        assertEquals(300, w.value("blob").size());
    }

    private static Hive hostile(Image img) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Hive h = img.open();
            readEverything(h);
            return h;
        });
    }

    @Test
    void selfReferencingRi() {
        HiveBuilder b = HiveBuilder.v15();
        K r = b.key("R").ri(ListKind.LH, 2);
        for (String n : new String[] {"a", "b", "c", "d"}) {
            r.key(n).dword("v", 1);
        }
        addWitness(b);
        Image img = b.build();
        long ri = r.subkeyListOffset();
        img.putU4(ri, 4, ri); // first leaf entry -> the ri itself
        Hive h = hostile(img);
        assertEquals(List.of("c", "d"), h.key("R").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of(
                at(ri) + " \\R: index root lists another index root; skipped",
                at(ri) + " \\R: key node claims 4 subkeys, its lists hold 2"), damage(h));
        assertWitness(h);
    }

    @Test
    void riInsideRi() {
        HiveBuilder b = HiveBuilder.v13();
        K r1 = b.key("R1").ri(ListKind.LF, 1);
        K r2 = b.key("R2").ri(ListKind.LI, 1);
        r1.key("x");
        r1.key("y");
        r2.key("p");
        r2.key("q");
        addWitness(b);
        Image img = b.build();
        img.putU4(r1.subkeyListOffset(), 4 + 4, r2.subkeyListOffset()); // R1's second leaf -> R2's ri
        Hive h = hostile(img);
        assertEquals(List.of("x"), h.key("R1").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of("p", "q"), h.key("R2").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of(
                at(r2.subkeyListOffset()) + " \\R1: index root lists another index root; skipped",
                at(r1.subkeyListOffset()) + " \\R1: key node claims 2 subkeys, its lists hold 1"), damage(h));
        assertWitness(h);
    }

    @Test
    void subkeyListContainingAnAncestor() {
        HiveBuilder b = HiveBuilder.v15();
        K a = b.key("A");
        K c = b.key("A\\B\\C").dword("v", 1);
        c.alsoList(a);
        c.key("D");
        K self = b.key("Self");
        self.alsoList(self);
        addWitness(b);
        Image img = b.build();
        Hive h = hostile(img);
        assertEquals(List.of("D"), h.key("A\\B\\C").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of(), h.key("Self").subkeys());
        assertEquals(List.of(
                at(a.nkOffset()) + " \\A\\B\\C: subkey list points back to ancestor \\A (a cycle); skipped",
                at(self.nkOffset()) + " \\Self: subkey list points back to ancestor \\Self (a cycle); skipped"),
                damage(h));
        assertEquals(8, readEverything(h)); // root, A, B, C, D, Self, Witness, Deep: nothing twice
        assertWitness(h);
    }

    @Test
    void keyListedTwiceAndUnsortedLists() {
        HiveBuilder b = HiveBuilder.v15();
        K shared = b.key("A\\Shared").dword("v", 1);
        K other = b.key("B");
        other.key("Own");
        other.alsoList(shared); // the same nk under a second parent (its parent field names A)
        K dup = b.key("C");
        K x = dup.key("X");
        dup.alsoList(x); // listed twice in one list
        K uns = b.key("U").unsorted();
        uns.key("b");
        uns.key("a");
        addWitness(b);
        Image img = b.build();
        Hive h = hostile(img);
        assertEquals(List.of("Own", "Shared"), h.key("B").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(1, h.key("B\\Shared").value("v").decoded().number());
        assertEquals(List.of("X", "X"), h.key("C").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of("b", "a"), h.key("U").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of(
                at(shared.nkOffset()) + String.format(" \\B\\Shared: key's parent offset field is cell offset 0x%X (file "
                        + "offset 0x%X), not the key that lists it, at cell offset 0x%X (file offset 0x%X)", b.key("A").nkOffset(),
                        4096 + b.key("A").nkOffset(), other.nkOffset(), 4096 + other.nkOffset()),
                at(x.nkOffset()) + " \\C\\X: subkey listed twice (duplicate name)",
                at(b.key("U\\a").nkOffset()) + " \\U\\a: subkey list is not sorted: Windows looks keys up by binary "
                        + "search and may not find this one"), damage(h));
        assertWitness(h);
    }

    @Test
    void subkeyListPointingToAFreeCell() {
        HiveBuilder b = HiveBuilder.v13();
        K k = b.key("Victim");
        k.key("Gone1");
        k.key("Gone2");
        b.key("Victim2").key("Gone3");
        addWitness(b);
        Image img = b.build();
        img.free(k.subkeyListOffset());
        long gone3 = b.key("Victim2\\Gone3").nkOffset();
        img.free(gone3); // a leaf entry pointing at a free nk
        Hive h = hostile(img);
        assertEquals(List.of(), h.key("Victim").subkeys());
        assertNull(h.key("Victim2\\Gone3"));
        assertEquals(List.of(
                at(k.subkeyListOffset()) + String.format(" \\Victim: subkey list at cell offset 0x%X (file offset 0x%X) is a "
                        + "free cell", k.subkeyListOffset(), 4096 + k.subkeyListOffset()),
                at(gone3) + String.format(" \\Victim2: subkey at cell offset 0x%X (file offset 0x%X) is a free cell", gone3,
                        4096 + gone3)),
                damage(h));
        assertWitness(h);
    }

    @Test
    void hugeValueCountWithASixteenByteValueList() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.key("K").dword("a", 1).dword("b", 2).dword("c", 3);
        addWitness(b);
        Image img = b.build();
        assertEquals(-16, img.cellSize(k.valueListOffset()));
        img.putU4(k.nkOffset(), 36, 0x7FFFFFFFL);
        Hive h = hostile(img);
        Key key = h.key("K");
        assertEquals(0x7FFFFFFFL, key.valueCount());
        assertEquals(List.of("a", "b", "c"), key.values().stream().map(Value::name).collect(Collectors.toList()));
        assertEquals(List.of(at(k.valueListOffset())
                + " \\K: key node claims 2147483647 values, its value list cell holds at most 3"), damage(h));
        assertWitness(h);
    }

    @Test
    void keysSharingOneLargeValueListCostABoundedWalk() {
        // 2,000 keys all naming one value list of 64 entries, each entry the same vk with 200 KB of
        // big data: read literally that is 25 GB of value data; a walk reads at most what the file
        // could hold without shared cells, reports the bound once, and still lists every key.
        HiveBuilder b = HiveBuilder.v15();
        K big = b.key("Big");
        big.binary("blob", BuiltHives.pattern(200_000, 3));
        for (int i = 1; i < 64; i++) {
            big.dword(String.format("d%02d", i), i);
        }
        List<K> sharers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sharers.add(b.key(String.format("S\\K%04d", i)).dword("own", i));
        }
        addWitness(b);
        Image img = b.build();
        long blob = big.val("blob").vkOffset();
        for (int i = 0; i < 64; i++) {
            img.putU4(big.valueListOffset(), 4 * i, blob);
        }
        for (K k : sharers) {
            img.putU4(k.nkOffset(), 36, 64).putU4(k.nkOffset(), 40, big.valueListOffset());
        }
        Hive h = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> img.open());
        long keys = 0;
        long values = 0;
        long dataBytes = 0;
        for (Key k : h.walk()) {
            keys++;
            for (Value v : k.values()) {
                values++;
                dataBytes += v.data().length;
            }
        }
        assertEquals(2000 + 5, keys); // root, Big, S, 2000 sharers, Witness, Deep
        long cells = HiveStats.of(h).cells();
        assertTrue(values <= cells, values + " values listed, the hive has " + cells + " cells");
        assertTrue(dataBytes <= 2 * h.fileSize() + (16 << 20), dataBytes + " data bytes read from a "
                + h.fileSize() + "-byte file");
        assertTrue(dataBytes >= 200_000L * 64, "what the budget allows is still read: " + dataBytes);
        List<String> d = damage(h);
        assertEquals(1, d.stream().filter(x -> x.contains("value data not read from here on")).count(), d.toString());
        // a lookup outside a walk is not bounded by it
        assertEquals(200_000, h.key("S\\K1999").values().get(0).size());
        assertWitness(h);
        // a diff of two copies of the hive is bounded the same way, on each side (both are cut at the
        // same point, so the diff finds no change; the cut is damage on both)
        Hive first = img.open();
        Hive copy = img.open();
        long changes = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> HiveDiff.compare(first.root(), copy.root(), c -> { }));
        assertEquals(0, changes);
        assertTrue(damage(first).stream().anyMatch(x -> x.contains("value data not read from here on")), damage(first).toString());
        assertTrue(damage(copy).stream().anyMatch(x -> x.contains("value data not read from here on")), damage(copy).toString());
    }

    @Test
    void utf16NamesOfOddLengthAreDamage() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.key("Odd").utf16Name();
        k.dword("val", 7);
        k.val("val").utf16Name();
        addWitness(b);
        Image img = b.build();
        img.putU2(k.nkOffset(), 72, 5); // "Odd" is 6 bytes of UTF-16
        img.putU2(k.val("val").vkOffset(), 2, 5);
        Hive h = hostile(img);
        Key odd = h.root().subkeys().stream().filter(x -> x.name().startsWith("Od")).findFirst().orElseThrow();
        assertEquals("Od\uFFFD", odd.name());
        assertEquals("va\uFFFD", odd.values().get(0).name());
        assertEquals(7, odd.values().get(0).decoded().number());
        assertEquals(List.of(
                at(k.nkOffset()) + " \\Od\uFFFD: key name is UTF-16 but 5 bytes long (an odd length); its last byte is "
                        + "shown as U+FFFD",
                at(k.val("val").vkOffset()) + " \\Od\uFFFD: \\Od\uFFFD value \"va\uFFFD\": value name is UTF-16 but 5 bytes "
                        + "long (an odd length); its last byte is shown as U+FFFD"), damage(h));
        assertWitness(h);
    }

    @Test
    void classNameOfOddLengthIsDamage() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.key("Lsa\\JD").className("b0c1");
        addWitness(b);
        Image img = b.build();
        img.putU2(k.nkOffset(), 74, 7); // "b0c1" is 8 bytes of UTF-16
        Hive h = hostile(img);
        Key jd = h.key("Lsa\\JD");
        assertEquals("b0c\uFFFD", jd.className());
        assertEquals(List.of(at(k.classNameOffset()) + " \\Lsa\\JD: class name is UTF-16 but 7 bytes long (an odd "
                + "length); its last byte is shown as U+FFFD"), damage(h));
        assertWitness(h);
    }

    @Test
    void namesLongerThanTheirCells() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Parent\\Long").dword("v", 1);
        b.key("Parent\\Sibling").dword("v", 2).dword("badName", 3).dword("afterBad", 4);
        addWitness(b);
        Image img = b.build();
        K lng = b.key("Parent\\Long");
        img.putU2(lng.nkOffset(), 72, 0x400);
        HiveBuilder.V bad = b.key("Parent\\Sibling").val("badName");
        img.putU2(bad.vkOffset(), 2, 0x300);
        Hive h = hostile(img);
        assertEquals(List.of("Sibling"), h.key("Parent").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        assertEquals(List.of("v", "afterBad"),
                h.key("Parent\\Sibling").values().stream().map(Value::name).collect(Collectors.toList()));
        assertEquals(List.of(
                at(lng.nkOffset()) + " \\Parent: subkey node is unreadable: runs past the end of its cell",
                at(bad.vkOffset()) + " \\Parent\\Sibling: value record is unreadable: runs past the end of its cell"),
                damage(h));
        assertWitness(h);
    }

    @Test
    void badBinInTheMiddle() {
        HiveBuilder b = HiveBuilder.v13();
        for (int i = 0; i < 60; i++) {
            b.key(String.format("K%02d", i)).binary("data", BuiltHives.pattern(500, i)).dword("n", i);
        }
        addWitness(b);
        Image img = b.build();
        List<Integer> bins = img.binFileOffsets();
        assertTrue(bins.size() >= 5, bins.toString());
        int bad = bins.get(bins.size() / 2);
        int badEnd = bins.get(bins.size() / 2 + 1);
        img.putFile(bad, "HBIN".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Hive h = hostile(img);
        assertEquals(String.format("0x%X : hive bin signature is \"HBIN\", expected \"hbin\"; skipped to the next bin, "
                + "at file offset 0x%X", bad, badEnd), damage(h).get(0));
        // what survives: every key and value whose cells lie outside the bad bin
        int lostKeys = 0;
        int lostValues = 0;
        for (int i = 0; i < 60; i++) {
            K k = b.key(String.format("K%02d", i));
            Key read = h.key(k.name());
            if (inside(k.nkOffset(), bad, badEnd)) {
                assertNull(read, k.name());
                lostKeys++;
                continue;
            }
            assertNotNull(read, k.name());
            boolean valuesGone = inside(k.valueListOffset(), bad, badEnd);
            for (HiveBuilder.V v : k.values()) {
                Value rv = read.value(v.name());
                if (valuesGone || inside(v.vkOffset(), bad, badEnd)) {
                    assertNull(rv, k.name() + " " + v.name());
                    lostValues++;
                } else if (v.dataOffset() != HiveBuilder.NIL && inside(v.dataOffset(), bad, badEnd)) {
                    assertEquals(0, rv.size());
                    lostValues++;
                } else {
                    assertEquals(BuiltHives.hex(v.data()), BuiltHives.hex(rv.data()), k.name() + " " + v.name());
                }
            }
        }
        assertTrue(lostKeys + lostValues > 0, "the bad bin held something");
        assertTrue(lostKeys < 20, "only the bad bin is lost: " + lostKeys);
        for (String d : damage(h)) {
            assertTrue(d.contains("is a free cell") || d.contains("is not the start of a cell") || d.contains("hbin"), d);
        }
        assertWitness(h);
    }

    private static boolean inside(long cellOffset, int binFileStart, int binFileEnd) {
        long f = Image.fileOffset(cellOffset);
        return f >= binFileStart && f < binFileEnd;
    }

    @Test
    void truncatedFile() {
        HiveBuilder b = HiveBuilder.v15();
        addWitness(b);
        for (int i = 0; i < 40; i++) {
            b.key(String.format("Tail%02d", i)).binary("data", BuiltHives.pattern(700, i));
        }
        Image img = b.build();
        List<Integer> bins = img.binFileOffsets();
        int cut = bins.get(2) + 1000; // the third bin is cut short
        Hive h = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Hive x = Hive.fromBytes("cut", img.truncated(cut));
            readEverything(x);
            return x;
        });
        List<String> d = damage(h);
        assertEquals(String.format("0x28 : hive bins data size %d exceeds the %d bytes after the base block: the file is truncated",
                img.headerU4(40), cut - 4096), d.get(0));
        assertEquals(String.format("0x%X : hive bin of 4096 bytes runs past the end of the hive bins data at file offset 0x%X "
                + "(it would end at file offset 0x%X, past the end of the %d-byte file); no valid bin follows",
                bins.get(2), cut, bins.get(2) + 4096, cut), d.get(1));
        assertWitness(h);
        // one byte after the base block is a byte, not "1 bytes"
        Hive oneByte = Hive.fromBytes("cut", img.truncated(4097));
        oneByte.index(); // the bins are measured when the cells are indexed (the root itself is unreadable)
        assertEquals(String.format("0x28 : hive bins data size %d exceeds the 1 byte after the base block: the file is "
                + "truncated", img.headerU4(40)), damage(oneByte).get(0));
        assertNotNull(h.key("Tail00"));
        assertNull(h.key("Tail39"));

        assertThrows(HiveException.class, () -> Hive.fromBytes("tiny", img.truncated(300)));
        HiveException e = assertThrows(HiveException.class, () -> Hive.fromBytes("small", img.truncated(2000)));
        assertEquals("small: file is too small to be a registry hive (2000 bytes, a base block is 4096)", e.getMessage());
        Hive noBins = Hive.fromBytes("header-only", img.truncated(4096));
        HiveException r = assertThrows(HiveException.class, noBins::root);
        long declared = java.nio.ByteBuffer.wrap(img.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(40) & 0xFFFFFFFFL;
        assertEquals("header-only: at offset 0x24: root cell offset 0x20 (file offset 0x1020, past the end of the 4096-byte "
                + "file) is not the start of a cell (the file is 4096 bytes and its header declares " + declared
                + " bytes of hive bins after the 4096-byte base block: the file is cut short)", r.getMessage());
        // cut inside the first bin: the root's bin is gone, and the message says why
        HiveException inBin = assertThrows(HiveException.class, () -> Hive.fromBytes("cut", img.truncated(5000)).root());
        assertTrue(inBin.getMessage().endsWith("is not the start of a cell (the file is 5000 bytes and its header "
                + "declares " + declared + " bytes of hive bins after the 4096-byte base block: the file is cut short)"),
                inBin.getMessage());
    }

    @Test
    void trailingDataIsIgnored() {
        HiveBuilder b = HiveBuilder.v13();
        addWitness(b);
        Image img = b.build();
        byte[] longer = java.util.Arrays.copyOf(img.bytes(), img.bytes().length + 8192);
        System.arraycopy("hbin".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, longer, img.bytes().length, 4);
        Hive h = Hive.fromBytes("padded", longer);
        assertEquals(BuiltHives.intent(b), BuiltHives.listing(h));
        assertEquals(List.of(), h.damage());
    }

    @Test
    void deepChainBeyondTheDepthLimit() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.root();
        List<K> chain = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            k = k.key("d");
            chain.add(k);
        }
        k.dword("bottom", 1);
        addWitness(b);
        Image img = b.build();
        Hive h = hostile(img);
        long keys = readEverything(h);
        assertEquals(1 + 512 + 2, keys); // root, depths 1..512 of the chain, Witness, Deep
        assertEquals(List.of(at(chain.get(511).nkOffset()) + " " + chain.get(511).path()
                + ": subkeys not read: depth limit 512"), damage(h));
        assertWitness(h);

        Hive shallow = Hive.fromBytes("shallow", img.bytes(), HiveOptions.DEFAULTS.withMaxDepth(10));
        assertEquals(1 + 10 + 2, readEverything(shallow));
        assertEquals(1, shallow.damage().size());
        assertEquals(Image.fileOffset(chain.get(9).nkOffset()), shallow.damage().get(0).fileOffset());
    }

    @Test
    void listEntryPointingAtAValueRecord() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.key("P").dword("v", 1);
        k.key("child");
        addWitness(b);
        Image img = b.build();
        img.putU4(k.subkeyListOffset(), 4, k.val("v").vkOffset());
        Hive h = hostile(img);
        assertEquals(List.of(), h.key("P").subkeys());
        assertEquals(List.of(at(k.val("v").vkOffset()) + " \\P: subkey node is unreadable: wrong signature"), damage(h));
        assertWitness(h);
    }

    @Test
    void rootProblemsThrowOnlyHiveException() {
        HiveBuilder b = HiveBuilder.v15();
        addWitness(b);
        Image img = b.build();
        Image freed = HiveBuilder.v15().build();
        freed.free(0x20);
        assertEquals("built: at offset 0x1020: root cell at cell offset 0x20 (file offset 0x1020) is a free cell",
                assertThrows(HiveException.class, () -> freed.open().root()).getMessage());
        img.header(36, 0x7FFFFFF0L);
        assertThrows(HiveException.class, () -> img.open().root());
        byte[] notHive = img.truncated(8192);
        notHive[0] = 'X';
        assertThrows(HiveException.class, () -> Hive.fromBytes("x", notHive));
    }

    /** Seeded mutations of a small hive with every cell type: nothing but HiveException, ever, and no hang. */
    @Test
    void randomMutationsNeverEscapeAsOtherExceptions() {
        byte[] base = BuiltHives.kitchenSink(HiveBuilder.v15()).toBytes();
        Random rnd = new Random(20010615);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 300; round++) {
                byte[] m = base.clone();
                int flips = 1 + rnd.nextInt(40);
                for (int i = 0; i < flips; i++) {
                    int pos = rnd.nextInt(10) == 0 ? rnd.nextInt(512) : 4096 + rnd.nextInt(m.length - 4096);
                    if (rnd.nextBoolean()) {
                        m[pos] = (byte) rnd.nextInt(256);
                    } else {
                        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(pos & ~3,
                                rnd.nextBoolean() ? 0x7FFFFFFF : rnd.nextInt(m.length));
                    }
                }
                try {
                    Hive h = Hive.fromBytes("m" + round, m);
                    readEverything(h);
                } catch (HiveException expected) {
                    // refused with one line: fine
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    fail("round " + round + ": " + e, e);
                }
            }
        });
    }
}
