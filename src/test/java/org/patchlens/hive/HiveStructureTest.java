package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.hive.HiveBuilder.Image;
import org.patchlens.hive.HiveBuilder.K;
import org.patchlens.hive.HiveBuilder.ListKind;

/** One structure at a time, on bytes written by {@link HiveBuilder} (libregf-style unit tests). */
class HiveStructureTest {

    private static int u4(byte[] b, int off) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }

    private static String sig(byte[] b, long cellOffset) {
        int p = Image.fileOffset(cellOffset) + 4;
        return new String(b, p, 2, StandardCharsets.ISO_8859_1);
    }

    private static List<String> reasons(Hive h) {
        return h.damage().stream().map(Damage::reason).collect(Collectors.toList());
    }

    // ================================================================ base block

    @Nested
    class BaseBlock {
        @Test
        void checksumIsTheXorOfTheFirst127Words() {
            byte[] b = HiveBuilder.v15().toBytes();
            int x = 0;
            for (int i = 0; i < 508; i += 4) {
                x ^= u4(b, i);
            }
            assertEquals(x, u4(b, 508));
            Hive h = Hive.fromBytes("t", b);
            assertTrue(h.header().checksumValid());
            assertFalse(h.header().dirty());
            assertEquals(Integer.toUnsignedLong(x), h.header().computedChecksum());
        }

        /** Word 112 (reserved, zero) is chosen so that the XOR of 0..507 is exactly {@code xor}. */
        private Image withXor(int xor) {
            Image img = HiveBuilder.v15().build();
            byte[] b = img.bytes();
            int x = 0;
            for (int i = 0; i < 508; i += 4) {
                x ^= u4(b, i);
            }
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(112, x ^ xor);
            return img;
        }

        @Test
        void xorOfZeroIsStoredAsOne() {
            Image img = withXor(0).fixChecksum();
            assertEquals(1, img.headerU4(508));
            assertTrue(img.open().header().checksumValid());
            img.putFile(508, new byte[4]); // a stored 0 is never valid
            Hive h = img.open();
            assertFalse(h.header().checksumValid());
            assertEquals(1, h.header().computedChecksum());
            assertTrue(h.header().dirty());
        }

        @Test
        void xorOfAllOnesIsStoredAsFFFFFFFE() {
            Image img = withXor(-1).fixChecksum();
            assertEquals(0xFFFFFFFEL, img.headerU4(508));
            assertTrue(img.open().header().checksumValid());
            img.putFile(508, new byte[] {-1, -1, -1, -1});
            assertFalse(img.open().header().checksumValid());
            assertEquals(0xFFFFFFFEL, img.open().header().computedChecksum());
        }

        @Test
        void badChecksumStillOpensAsDirtyWithDamage() {
            HiveBuilder b = HiveBuilder.v13().checksum(0x12345678);
            b.key("A").dword("v", 7);
            Hive h = b.build().open();
            assertFalse(h.header().checksumValid());
            assertTrue(h.header().dirty());
            assertEquals(0x12345678, h.header().storedChecksum());
            assertEquals(0, h.damage().get(0).fileOffset());
            assertTrue(h.damage().get(0).reason().startsWith("base block checksum mismatch (stored 0x12345678"));
            assertEquals(7, h.key("A").value("v").decoded().number());
        }

        @Test
        void sequenceNumbersAndOtherFields() {
            HiveBuilder b = HiveBuilder.version(4).sequence(41, 40).fileName("\\??\\C:\\Documents and Settings\\Administrator\\ntuser.dat")
                    .lastWrittenRaw(0x01C2A3B4C5D6E7F1L);
            HiveHeader hdr = b.build().open().header();
            assertTrue(hdr.checksumValid());
            assertTrue(hdr.dirty(), "primary != secondary");
            assertEquals(41, hdr.primarySequenceNumber());
            assertEquals(40, hdr.secondarySequenceNumber());
            assertEquals("ttings\\Administrator\\ntuser.dat", hdr.fileName());
            assertEquals(0x01C2A3B4C5D6E7F1L, hdr.lastWritten());
            assertEquals(1, hdr.majorVersion());
            assertEquals(4, hdr.minorVersion());
            assertEquals(0, hdr.fileType());
            assertEquals(1, hdr.fileFormat());
            assertEquals(1, hdr.clusteringFactor());
            assertEquals(0x20, hdr.rootCellOffset());
        }
    }

    // ================================================================ bins

    @Nested
    class Bins {
        @Test
        void aBigCellGetsABinSizedToFitAndBinsAreWalkedBySize() {
            HiveBuilder b = HiveBuilder.v13();
            b.key("A").binary("big", BuiltHives.pattern(16_348, 1)); // a 16,352-byte cell
            b.key("B").binary("huge", BuiltHives.pattern(135_000, 2));
            b.key("C").dword("after", 3);
            Image img = b.build();
            List<Integer> bins = img.binFileOffsets();
            ByteBuffer bb = ByteBuffer.wrap(img.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            List<Integer> sizes = new ArrayList<>();
            long total = 0;
            for (int p : bins) {
                int size = bb.getInt(p + 8);
                assertEquals(0, size % 4096);
                assertEquals(p - 4096, bb.getInt(p + 4));
                sizes.add(size);
                total += size;
            }
            assertEquals(total, Integer.toUnsignedLong(bb.getInt(40)));
            assertTrue(sizes.contains(16384), sizes.toString());
            assertTrue(sizes.contains(135168), sizes.toString()); // 135,004 + 4 + 32 rounded up to 4096
            assertEquals(-16352, img.cellSize(b.key("A").val("big").dataOffset()));
            Hive h = img.open();
            assertEquals(16_348, h.key("A").value("big").size());
            assertArrayEquals(BuiltHives.pattern(135_000, 2), h.key("B").value("huge").data());
            assertEquals(3, h.key("C").value("after").decoded().number());
            assertEquals(List.of(), h.damage());
        }
    }

    // ================================================================ lh hash

    @Nested
    class HashLeaf {
        @Test
        void hashUsesTheWindowsUppercase() {
            assertEquals(0x178, WindowsUpcase.nameHash("\u00FF"), "ÿ hashes as Ÿ U+0178");
            assertEquals(0xDF, WindowsUpcase.nameHash("\u00DF"), "ß stays U+00DF");
            assertEquals(0xB5, WindowsUpcase.nameHash("\u00B5"), "µ stays");
            assertEquals((('A' * 37) + 'B') * 37 + 'C', WindowsUpcase.nameHash("abc"));
            assertEquals(WindowsUpcase.nameHash("SOFTWARE"), WindowsUpcase.nameHash("software"));
            assertEquals('I', WindowsUpcase.nameHash("i"), "no Turkish rules");
            assertEquals(0x131, WindowsUpcase.nameHash("\u0131"), "dotless ı is left alone by Windows");
        }

        @Test
        void storedHashesAndLookups() {
            HiveBuilder b = HiveBuilder.v15();
            K r = b.root();
            r.key("\u00FF").dword("v", 1); // compressed 0xFF
            r.key("\u00DF").dword("v", 2);
            r.key("Services").dword("v", 3);
            r.key("\u0416\u0443\u043A").dword("v", 4); // Жук, UTF-16
            Image img = b.build();
            byte[] bytes = img.bytes();
            long lh = r.subkeyListOffset();
            assertEquals("lh", sig(bytes, lh));
            Set<Long> hashes = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                hashes.add(img.getU4(lh, 4 + 8 * i + 4));
            }
            assertEquals(Set.of(0x178L, 0xDFL, Integer.toUnsignedLong(WindowsUpcase.nameHash("SERVICES")),
                    Integer.toUnsignedLong(WindowsUpcase.nameHash("\u0416\u0423\u041A"))), hashes);
            Hive h = img.open();
            assertEquals(1, h.key("\u0178").value("v").decoded().number(), "Ÿ finds ÿ");
            assertEquals(1, h.key("\u00FF").value("v").decoded().number());
            assertEquals(2, h.key("\u00DF").value("v").decoded().number());
            assertNull(h.key("SS"), "ß is not SS");
            assertNull(h.key("\u1E9E"), "nor capital sharp s");
            assertEquals(3, h.key("sErViCeS").value("v").decoded().number());
            assertEquals(4, h.key("\u0436\u0423\u043A").value("v").decoded().number());
            assertEquals(Key.KEY_COMP_NAME, h.key("\u00FF").flags() & Key.KEY_COMP_NAME);
            assertEquals(0, h.key("\u0416\u0443\u043A").flags() & Key.KEY_COMP_NAME);
            assertEquals(List.of(), h.damage());
        }
    }

    // ================================================================ lf hints

    @Nested
    class FastLeaf {
        @Test
        void hintsAreTheFirstFourCharactersInOriginalCase() {
            assertArrayEquals("Key1".getBytes(StandardCharsets.ISO_8859_1), HiveBuilder.lfHint("Key1xyz"));
            assertArrayEquals(new byte[] {'1', '2', '3', 0}, HiveBuilder.lfHint("123"));
            assertArrayEquals(new byte[] {(byte) 0x81, 0, 0, 0}, HiveBuilder.lfHint("\u0081"));
            assertArrayEquals(new byte[4], HiveBuilder.lfHint("\u0178"));
            assertArrayEquals(new byte[] {0, 0, 0, 'c'}, HiveBuilder.lfHint("ab\u0178cd"));
        }

        @Test
        void storedHintsAndLookups() {
            HiveBuilder b = HiveBuilder.v13();
            K r = b.root();
            r.key("Abcdef").dword("v", 1);
            r.key("abcd").dword("v", 2);
            r.key("Ab").dword("v", 3);
            r.key("\u0178x").dword("v", 4);
            Image img = b.build();
            long lf = r.subkeyListOffset();
            assertEquals("lf", sig(img.bytes(), lf));
            // sorted by uppercased name: AB, ABCD, ABCDEF, Ÿx
            List<String> hints = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int p = Image.fileOffset(lf) + 4 + 4 + 8 * i + 4;
                hints.add(BuiltHives.hex(java.util.Arrays.copyOfRange(img.bytes(), p, p + 4)));
            }
            assertEquals(List.of("41620000", "61626364", "41626364", "00780000"), hints);
            Hive h = img.open();
            assertEquals(List.of("Ab", "abcd", "Abcdef", "\u0178x"),
                    h.root().subkeys().stream().map(Key::name).collect(Collectors.toList()));
            assertEquals(1, h.key("ABCDEF").value("v").decoded().number());
            assertEquals(2, h.key("ABCD").value("v").decoded().number());
            assertEquals(3, h.key("aB").value("v").decoded().number());
            assertEquals(4, h.key("\u00FFX").value("v").decoded().number());
            assertNull(h.key("abc"));
            assertEquals(List.of(), h.damage());
        }

        @Test
        void aWrongHintDoesNotHideTheKey() {
            HiveBuilder b = HiveBuilder.v13();
            b.root().key("Select").dword("Current", 1);
            Image img = b.build();
            img.putBytes(b.root().subkeyListOffset(), 4 + 4, "ZZZZ".getBytes(StandardCharsets.ISO_8859_1));
            Hive h = img.open();
            assertEquals(1, h.key("select").value("current").decoded().number());
        }
    }

    // ================================================================ li, ri

    @Nested
    class IndexRoot {
        @ParameterizedTest
        @EnumSource(ListKind.class)
        void riOverSeveralLeavesOfEachKind(ListKind kind) {
            HiveBuilder b = HiveBuilder.v15();
            K parent = b.key("P").ri(kind, 3);
            List<String> names = new ArrayList<>();
            for (int i = 9; i >= 0; i--) {
                String n = "Key" + (char) ('A' + i) + (i % 2 == 0 ? "\u00E9" : "\u0436");
                names.add(0, n);
                parent.key(n).dword("i", i);
            }
            Image img = b.build();
            assertEquals("ri", sig(img.bytes(), parent.subkeyListOffset()));
            assertEquals(4, img.getU4(parent.subkeyListOffset(), 0) >>> 16);
            String leafSig = "l" + Character.toLowerCase(kind.name().charAt(1));
            for (long leaf : parent.leafOffsets()) {
                assertEquals(leafSig, sig(img.bytes(), leaf));
            }
            Hive h = img.open();
            Key p = h.key("P");
            assertEquals(10, p.subkeyCount());
            assertEquals(names, p.subkeys().stream().map(Key::name).collect(Collectors.toList()));
            for (int i = 0; i < 10; i++) {
                Key k = h.key("p\\" + names.get(i).toUpperCase(java.util.Locale.ROOT));
                assertNotNull(k, names.get(i));
                assertEquals(i, k.value("I").decoded().number());
            }
            assertEquals(List.of(), h.damage());
        }

        @ParameterizedTest(name = "format 1.{0}")
        @ValueSource(ints = {3, 5})
        void twoThousandSubkeysUnderAnRiAreAllFound(int minor) {
            HiveBuilder b = HiveBuilder.version(minor);
            K many = b.key("Many");
            for (int i = 0; i < 2000; i++) {
                many.key("Subkey" + ((i * 7) % 2000)).dword("n", (i * 7) % 2000);
            }
            Image img = b.build();
            assertEquals("ri", sig(img.bytes(), many.subkeyListOffset()));
            String leafSig = minor == 3 ? "li" : "lh"; // what Windows writes under an ri
            assertEquals(minor == 3 ? 2 : 4, many.leafOffsets().length);
            for (long leaf : many.leafOffsets()) {
                assertEquals(leafSig, sig(img.bytes(), leaf));
            }
            Hive h = img.open();
            Key k = h.key("Many");
            assertEquals(2000, k.subkeyCount());
            assertEquals(2000, k.subkeys().size());
            Hive fresh = img.open(); // lookups before the subkeys are loaded
            for (int i = 0; i < 2000; i++) {
                Key s = fresh.key("MANY\\subkey" + i);
                assertNotNull(s, "subkey" + i);
                assertEquals(i, s.value("n").decoded().number());
            }
            assertEquals(List.of(), h.damage());
            assertEquals(List.of(), fresh.damage());
        }

        @Test
        void liInAFormat13Hive() {
            HiveBuilder b = HiveBuilder.v13();
            K k = b.key("L").list(ListKind.LI);
            k.key("b");
            k.key("a");
            Image img = b.build();
            assertEquals("li", sig(img.bytes(), k.subkeyListOffset()));
            assertEquals(List.of("a", "b"), img.open().key("L").subkeys().stream().map(Key::name).collect(Collectors.toList()));
        }

        @Test
        void format12UsesIndexLeaves() {
            HiveBuilder b = HiveBuilder.version(2);
            b.key("X\\Y").sz("s", "t");
            Image img = b.build();
            assertEquals("li", sig(img.bytes(), b.root().subkeyListOffset()));
            Hive h = img.open();
            assertEquals("1.2", h.header().version());
            assertEquals("t", h.key("x\\y").value("S").decoded().text());
        }
    }

    // ================================================================ value data

    @Nested
    class Data {
        @Test
        void bigDataIn3SegmentsReturnsExactly40000Bytes() {
            HiveBuilder b = HiveBuilder.v15();
            byte[] d = BuiltHives.pattern(40_000, 11);
            b.key("K").binary("big", d);
            Image img = b.build();
            HiveBuilder.V v = b.key("K").val("big");
            assertEquals("db", sig(img.bytes(), v.dataOffset()));
            assertEquals(-16, img.cellSize(v.dataOffset()));
            assertEquals(3, img.getU4(v.dataOffset(), 0) >>> 16);
            assertEquals(3, v.segmentOffsets().length);
            for (long s : v.segmentOffsets()) {
                assertEquals(-16352, img.cellSize(s));
            }
            Hive h = img.open();
            Value value = h.key("K").value("big");
            assertEquals(40_000, value.size());
            assertArrayEquals(d, value.data());
            assertEquals(v.dataOffset(), value.dataCellOffset());
            assertEquals(List.of(), h.damage());
        }

        @Test
        void format14HasBigDataToo() {
            HiveBuilder b = HiveBuilder.version(4);
            byte[] d = BuiltHives.pattern(16_345, 12);
            b.key("K").binary("big", d);
            Image img = b.build();
            assertEquals("db", sig(img.bytes(), b.key("K").val("big").dataOffset()));
            assertEquals(2, b.key("K").val("big").segmentOffsets().length);
            assertArrayEquals(d, img.open().key("K").value("big").data());
        }

        @Test
        void exactly16344BytesIsOneCell() {
            HiveBuilder b = HiveBuilder.v15();
            byte[] d = BuiltHives.pattern(16_344, 13);
            b.key("K").binary("v", d);
            Image img = b.build();
            assertEquals(-16352, img.cellSize(b.key("K").val("v").dataOffset()));
            assertArrayEquals(d, img.open().key("K").value("v").data());
        }

        @Test
        void segmentCountDisagreeingWithTheSizeLosesToTheSize() {
            HiveBuilder b = HiveBuilder.v15();
            byte[] d = BuiltHives.pattern(40_000, 14);
            b.key("K").binary("big", d);
            Image img = b.build();
            HiveBuilder.V v = b.key("K").val("big");
            img.putU2(v.dataOffset(), 2, 4);
            Hive h = img.open();
            assertArrayEquals(d, h.key("K").value("big").data());
            assertEquals(List.of("\\K value \"big\": big-data record has 4 segments, the size needs 3"), reasons(h));
            assertEquals(Image.fileOffset(v.dataOffset()), h.damage().get(0).fileOffset());
        }

        @Test
        void format13DataThatLooksLikeADbRecordIsRaw() {
            HiveBuilder b = HiveBuilder.v13();
            byte[] d = BuiltHives.dbLookalike();
            b.key("K").binary("v", d);
            Image img = b.build();
            assertEquals("db", sig(img.bytes(), b.key("K").val("v").dataOffset()));
            assertEquals(-20008, img.cellSize(b.key("K").val("v").dataOffset()));
            Hive h = img.open();
            byte[] got = h.key("K").value("v").data();
            assertEquals(20_000, got.length);
            assertEquals("64620200", BuiltHives.hex(java.util.Arrays.copyOf(got, 4)));
            assertArrayEquals(d, got);
            assertEquals(List.of(), h.damage());
        }

        @Test
        void format15SingleCellOver16344IsReadRawAndFlagged() {
            HiveBuilder b = HiveBuilder.v15();
            byte[] d = BuiltHives.pattern(20_000, 15);
            d[0] = 'x';
            b.key("K").binary("v", d).val("v").singleCell();
            Image img = b.build();
            Hive h = img.open();
            assertArrayEquals(d, h.key("K").value("v").data());
            assertEquals(1, h.damage().size());
            assertTrue(h.damage().get(0).reason().contains("is not a big-data record; read as one cell"),
                    h.damage().toString());
        }

        @Test
        void inlineData() {
            HiveBuilder b = HiveBuilder.v15();
            K k = b.key("K")
                    .dword("dword", 0xDEADBEEFL)
                    .binary("three", 1, 2, 3)
                    .binary("empty", new byte[0])
                    .rawValue("zeroInline", 3, 0x80000000L, 0xFFFFFFFFL)
                    .rawValue("oneByteDword", 4, 0x80000001L, 0x000000AB)
                    .rawValue("inline8", 3, 0x80000008L, 0x04030201)
                    .rawValue("zeroNotInline", 3, 0, 0x12345)
                    .dword("inCell", 5);
            k.val("inCell").inCell();
            Image img = b.build();
            assertEquals(0x80000004L, img.getU4(k.val("dword").vkOffset(), 4));
            assertEquals(0xDEADBEEFL, img.getU4(k.val("dword").vkOffset(), 8));
            assertEquals(0x80000000L, img.getU4(k.val("empty").vkOffset(), 4));
            Hive h = img.open();
            Key key = h.key("K");
            Value dword = key.value("dword");
            assertTrue(dword.isInline());
            assertEquals(0xDEADBEEFL, dword.decoded().number());
            assertEquals(-1, dword.dataCellOffset());
            assertEquals("010203", BuiltHives.hex(key.value("three").data()));
            Value zero = key.value("zeroInline");
            assertTrue(zero.isInline());
            assertEquals(0, zero.size());
            assertEquals(0, key.value("empty").size());
            Value one = key.value("oneByteDword");
            assertEquals("ab", BuiltHives.hex(one.data()));
            assertEquals(DecodedValue.Kind.BINARY, one.decoded().kind());
            assertEquals(List.of("size mismatch: 1 bytes for a 4-byte type"), one.decoded().anomalies());
            assertEquals(0, key.value("zeroNotInline").size());
            assertEquals(5, key.value("inCell").decoded().number());
            assertFalse(key.value("inCell").isInline());
            assertEquals(List.of(), h.damage(), "nothing flagged before the bad inline value is read");
            Value eight = key.value("inline8");
            assertEquals("01020304", BuiltHives.hex(eight.data()));
            assertEquals(8, eight.declaredSize());
            assertEquals(List.of("\\K value \"inline8\": inline data size 8 exceeds 4 bytes; 4 returned"), reasons(h));
            assertEquals(Image.fileOffset(k.val("inline8").vkOffset()), h.damage().get(0).fileOffset());
        }

        @Test
        void everyTypeCodeIsKept() {
            HiveBuilder b = HiveBuilder.v13();
            b.key("SAM\\Domains\\Account\\Users\\Names\\Administrator").value("", 0x1F4, new byte[0]);
            b.key("T").value("devprop", 0xFFFF0012L, new byte[] {1}).dwordBigEndian("be", 0x01020304)
                    .qword("q", -2).value("rl", 8, new byte[] {1, 0, 0, 0});
            Hive h = b.build().open();
            Value rid = h.key("SAM\\Domains\\Account\\Users\\Names\\Administrator").value("");
            assertEquals(0x1F4, rid.typeCode());
            assertEquals(ValueType.UNKNOWN, rid.type());
            assertEquals(0xFFFF0012L, h.key("T").value("devprop").typeCode());
            assertEquals(0x01020304, h.key("T").value("be").decoded().number());
            assertEquals(-2, h.key("T").value("q").decoded().number());
            assertEquals(ValueType.REG_RESOURCE_LIST, h.key("T").value("rl").type());
        }
    }

    // ================================================================ KEY_PREDEF_HANDLE

    @Test
    void predefinedHandleKeyReportsNoValues() {
        HiveBuilder b = HiveBuilder.v15();
        K k = b.key("Perf").predefHandle(0x80000004L).sz("ignored", "not written");
        Image img = b.build();
        assertEquals(0x80000004L, img.getU4(k.nkOffset(), 36));
        img.putU4(k.nkOffset(), 40, 0x7FFFFFF8L); // garbage where a value list would be: never followed
        Hive h = img.open();
        Key perf = h.key("Perf");
        assertEquals(Key.KEY_PREDEF_HANDLE, perf.flags() & Key.KEY_PREDEF_HANDLE);
        assertEquals(0, perf.valueCount());
        assertEquals(List.of(), perf.values());
        assertNull(perf.value("ignored"));
        assertEquals(List.of(), h.damage());
    }

    // ================================================================ strings

    @Nested
    class Strings {
        private Key key;

        Strings() {
            HiveBuilder b = HiveBuilder.v15();
            b.key("S")
                    .value("odd", 1, BuiltHives.concat(HiveBuilder.utf16("abc"), new byte[] {0x41}))
                    .value("noNul", 1, HiveBuilder.utf16("abc"))
                    .value("tail", 1, HiveBuilder.utf16("ab\0cd\0"))
                    .value("empty", 1, new byte[0])
                    .value("nul", 1, new byte[2])
                    .value("expand", 2, HiveBuilder.utf16z("%SystemRoot%"))
                    .link("link", "\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001")
                    .value("multi", 7, HiveBuilder.utf16("a\0\0b\0\0"))
                    .multiSz("normal", "x", "y")
                    .value("multiNoEnd", 7, HiveBuilder.utf16("x\0y"))
                    .value("lone", 1, HiveBuilder.utf16z("a\uD800b"));
            key = b.build().open().key("S");
        }

        private DecodedValue d(String name) {
            return key.value(name).decoded();
        }

        @Test
        void oddLengthDecodesTheEvenPartAndFlagsIt() {
            assertEquals(7, key.value("odd").size());
            assertEquals("abc", d("odd").text());
            assertEquals(List.of("odd data length 7", "no terminating NUL"), d("odd").anomalies());
        }

        @Test
        void missingNulAndTailAfterNul() {
            assertEquals("abc", d("noNul").text());
            assertEquals(List.of("no terminating NUL"), d("noNul").anomalies());
            assertEquals("ab", d("tail").text());
            assertEquals(List.of("data after the terminating NUL (6 bytes)"), d("tail").anomalies());
            assertEquals("%SystemRoot%", d("expand").text());
            assertEquals(List.of(), d("expand").anomalies());
            assertEquals("\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001", d("link").text());
            assertEquals(List.of(), d("link").anomalies());
        }

        @Test
        void emptyIsNotASingleNul() {
            assertEquals(0, key.value("empty").size());
            assertEquals(2, key.value("nul").size());
            assertEquals("", d("empty").text());
            assertEquals("", d("nul").text());
            assertEquals(List.of(), d("empty").anomalies());
            assertEquals(List.of(), d("nul").anomalies());
        }

        @Test
        void multiStringsKeepEmptyEntries() {
            assertEquals(List.of("a", "", "b"), d("multi").strings());
            assertEquals(List.of("empty entry inside the list"), d("multi").anomalies());
            assertEquals(List.of("x", "y"), d("normal").strings());
            assertEquals(List.of(), d("normal").anomalies());
            assertEquals(List.of("x", "y"), d("multiNoEnd").strings());
            assertEquals(List.of("no terminating NUL"), d("multiNoEnd").anomalies());
        }

        @Test
        void unpairedSurrogateInDataBecomesReplacementCharacter() {
            assertEquals("a\uFFFDb", d("lone").text());
            assertEquals("610000d86200" + "0000", BuiltHives.hex(key.value("lone").data()));
        }
    }

    // ================================================================ security

    @Nested
    class SecurityCells {
        @Test
        void descriptorsAreDecodedSharedAndCounted() {
            HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.v15());
            Image img = b.build();
            Hive h = img.open();
            Key ps = h.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem");
            Key cs2 = h.key("ControlSet002");
            SecurityDescriptor sd = ps.security();
            assertNotNull(sd);
            assertEquals(ps.securityOffset(), cs2.securityOffset(), "one sk for equal descriptors");
            assertSame(sd, cs2.security());
            assertEquals(2, sd.referenceCount());
            assertEquals(BuiltHives.SD_SHARED_OWNER, sd.owner().toString());
            assertEquals("S-1-5-21-1004336348-1177238915-682003330-513", sd.group().toString());
            assertEquals(0x8004, sd.control());
            assertNull(sd.sacl());
            assertEquals(3, sd.dacl().size());
            assertEquals(new Ace(0, "ACCESS_ALLOWED", 0x02, 0xF003F, sid("S-1-5-18")).toString(), sd.dacl().get(0).toString());
            assertEquals(new Ace(1, "ACCESS_DENIED", 0x03, 0x40000, sid("S-1-1-0")).toString(), sd.dacl().get(1).toString());
            assertEquals(new Ace(0, "ACCESS_ALLOWED", 0x12, 0x20019, sid("S-1-5-32-545")).toString(), sd.dacl().get(2).toString());
            assertArrayEquals(BuiltHives.SHARED.bytes(), sd.raw());

            SecurityDescriptor audited = h.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").security();
            assertEquals(0x8014, audited.control());
            assertEquals(1, audited.sacl().size());
            assertEquals("SYSTEM_AUDIT", audited.sacl().get(0).typeName());
            assertEquals(0xC0, audited.sacl().get(0).flags());
            assertEquals("S-1-1-0", audited.sacl().get(0).sid().toString());
            assertEquals(1, audited.referenceCount());

            // every other key shares the root's descriptor
            SecurityDescriptor std = h.root().security();
            long keys = 0;
            long withStd = 0;
            for (Key k : h.walk()) {
                keys++;
                if (k.securityOffset() == std.cellOffset()) {
                    withStd++;
                }
            }
            assertEquals(withStd, std.referenceCount());
            assertEquals(keys - 3, withStd);
            assertEquals("S-1-5-32-544", std.owner().toString());
            assertEquals("S-1-5-18", std.group().toString());
            assertEquals(List.of("S-1-5-18", "S-1-5-32-544", "S-1-3-0", "S-1-5-32-545"),
                    std.dacl().stream().map(a -> a.sid().toString()).collect(Collectors.toList()));
            assertEquals(0x0A, std.dacl().get(2).flags());

            // one circular list through all three, both directions
            List<Long> forward = new ArrayList<>();
            long at = std.cellOffset();
            do {
                forward.add(at);
                at = img.getU4(at, 4);
            } while (at != std.cellOffset() && forward.size() < 10);
            assertEquals(Set.of(std.cellOffset(), sd.cellOffset(), audited.cellOffset()), new HashSet<>(forward));
            assertEquals(3, forward.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(forward.get((i + 2) % 3), img.getU4(forward.get(i), 8), "blink");
            }
            assertEquals(List.of(), h.damage());
        }

        @Test
        void aSingleDescriptorLinksToItself() {
            HiveBuilder b = HiveBuilder.v13();
            b.key("A");
            Image img = b.build();
            long sk = b.root().securityOffset();
            assertEquals(sk, img.getU4(sk, 4));
            assertEquals(sk, img.getU4(sk, 8));
            assertEquals(2, img.getU4(sk, 12));
            assertEquals(2, img.open().key("A").security().referenceCount());
        }

        private Sid sid(String s) {
            String[] p = s.split("-");
            List<Long> subs = new ArrayList<>();
            for (int i = 3; i < p.length; i++) {
                subs.add(Long.parseLong(p[i]));
            }
            return new Sid(1, Long.parseLong(p[2]), subs);
        }
    }

    // ================================================================ lookup

    @Nested
    class Lookup {
        private final Hive h = BuiltHives.kitchenSink(HiveBuilder.v13()).build().open();

        @Test
        void pathsAreCaseInsensitiveWithOptionalBackslashAndRootName() {
            Key k = h.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem");
            assertNotNull(k);
            assertEquals("\\ControlSet001\\Services\\MSExchangeIS\\ParametersSystem", k.path());
            for (String p : new String[] {"\\controlset001\\SERVICES\\msexchangeis\\parameterssystem",
                "$$$PROTO.HIV\\ControlSet001\\Services\\MSExchangeIS\\ParametersSystem",
                "\\$$$proto.hiv\\CONTROLSET001\\services\\MSExchangeIS\\ParametersSystem",
                "ControlSet001\\\\Services\\MSExchangeIS\\ParametersSystem\\"}) {
                Key other = h.key(p);
                assertNotNull(other, p);
                assertEquals(k.cellOffset(), other.cellOffset(), p);
            }
            assertSame(h.root(), h.key(""));
            assertSame(h.root(), h.key("\\"));
            assertNull(h.key("ControlSet003"));
            assertNull(h.key("ControlSet001\\Nope\\Services"));
            assertEquals(h.key("Größe\\Café").cellOffset(), h.key("GRÖSSE\\CAFÉ".replace("SS", "ß")).cellOffset());
        }

        @Test
        void valuesAreCaseInsensitiveAndTheDefaultIsTheEmptyName() {
            Key k = h.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem");
            assertEquals("D:\\exchsrvr\\mdbdata", k.value("WORKING directory").decoded().text());
            assertEquals("root default", h.root().value("").decoded().text());
            assertNull(h.root().value("(default)"));
            assertEquals("Latin-1 names, compressed", h.key("größe\\café").value("\u0178BER").decoded().text());
            assertEquals(3, h.key("ключ\\ελληνικά").value("数").decoded().number());
            assertEquals("UTF-16 names", h.key("КЛЮЧ\\ΕΛΛΗΝΙΚΆ").value("ЗНАЧЕНИЕ").decoded().text());
            assertNull(k.value("Working"));
        }

        @Test
        void keyNamesMayContainSlashes() {
            HiveBuilder b = HiveBuilder.v15();
            b.key("MIME\\Database\\Content Type").key("text/html").sz("Extension", ".htm");
            Hive hive = b.build().open();
            Key k = hive.key("MIME\\Database\\Content Type\\text/html");
            assertNotNull(k, "a '/' is part of a key name, not a separator");
            assertEquals(".htm", k.value("Extension").decoded().text());
            assertEquals("\\MIME\\Database\\Content Type\\text/html", k.path());
        }
    }

    // ================================================================ names

    @Nested
    class Names {
        @Test
        void classNames() {
            HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.v15());
            Image img = b.build();
            Hive h = img.open();
            assertEquals("b0c1d2e3", h.key("ControlSet001\\Control\\Lsa\\JD").className());
            assertEquals("fe9a0b1c", h.key("ControlSet001\\Control\\Lsa\\Skew1").className());
            assertNull(h.key("ControlSet001\\Control\\Lsa").className());
            assertEquals(16, h.key("ControlSet001\\Control\\Lsa").maxSubkeyClassNameLength());
            K jd = b.key("ControlSet001\\Control\\Lsa\\JD");
            assertEquals("b0c1d2e3", new String(java.util.Arrays.copyOfRange(img.bytes(),
                    Image.fileOffset(jd.classNameOffset()) + 4, Image.fileOffset(jd.classNameOffset()) + 20),
                    StandardCharsets.UTF_16LE));
            img.putU2(jd.nkOffset(), 74, 400); // class length beyond its 24-byte cell
            Hive bad = img.open();
            assertEquals("b0c1d2e3", bad.key("ControlSet001\\Control\\Lsa\\JD").className().substring(0, 8));
            assertEquals(List.of("class name length 400 exceeds its cell (20 bytes); truncated"), reasons(bad));
        }

        @Test
        void utf16NamesWithUnpairedSurrogates() {
            HiveBuilder b = HiveBuilder.v15();
            b.key("a\uD800b").dword("\uDC00", 1).dword("pair\uD83D\uDE00", 2);
            b.key("Latin").utf16Name().dword("v", 3);
            Image img = b.build();
            Hive h = img.open();
            Key k = h.root().subkeys().get(0);
            assertEquals("a\uFFFDb", k.name());
            assertArrayEquals(HiveBuilder.utf16("a\uD800b"), k.rawName());
            assertEquals(0, k.flags() & Key.KEY_COMP_NAME);
            assertEquals(List.of("\uFFFD", "pair\uD83D\uDE00"), k.values().stream().map(Value::name).collect(Collectors.toList()));
            assertArrayEquals(HiveBuilder.utf16("\uDC00"), k.values().get(0).rawName());
            assertEquals(2, k.value("PAIR\uD83D\uDE00").decoded().number());
            Key latin = h.key("latin");
            assertEquals("Latin", latin.name());
            assertEquals(0, latin.flags() & Key.KEY_COMP_NAME);
            assertArrayEquals(HiveBuilder.utf16("Latin"), latin.rawName());
            assertEquals(List.of(), h.damage());
        }

        @Test
        void lookupByTheRawNameOfAKeyWithAnUnpairedSurrogate() {
            HiveBuilder b = HiveBuilder.v15();
            b.key("a\uD800b").dword("\uDC00", 1);
            Hive h = b.build().open();
            Key k = h.key("A\uD800B");
            assertNotNull(k, "the stored name is a\\uD800b");
            assertEquals(1, k.value("\uDC00").decoded().number());
            assertNotNull(h.key("a\uFFFDb"), "the displayed name finds it too");
        }

        @Test
        void largestNameAndDataFields() {
            HiveBuilder b = HiveBuilder.v15();
            b.key("P\\Short");
            b.key("P\\LongerName").className("cls");
            b.key("P").sz("ValueName", "0123456789").dword("x", 1);
            Hive h = b.build().open();
            Key p = h.key("P");
            assertEquals(2 * "LongerName".length(), p.maxSubkeyNameLength());
            assertEquals(6, p.maxSubkeyClassNameLength());
            assertEquals(2 * "ValueName".length(), p.maxValueNameLength());
            assertEquals(22, p.maxValueDataSize());
        }
    }

    // ================================================================ time

    @Test
    void timestampsAreExactTo100Nanoseconds() {
        HiveBuilder b = HiveBuilder.v13();
        Instant t = Instant.parse("2000-02-29T23:59:59.9999999Z");
        b.key("A").lastWritten(t);
        b.key("B").lastWrittenRaw(1); // one tick after 1601-01-01
        b.key("C").lastWrittenRaw(0);
        b.key("D").lastWrittenRaw(125_911_584_000_000_001L);
        Hive h = b.build().open();
        assertEquals(t, h.key("A").lastWritten());
        assertEquals("2000-02-29T23:59:59.9999999Z", FileTime.iso(h.key("A").lastWrittenRaw()));
        assertEquals(Instant.parse("1601-01-01T00:00:00.0000001Z"), h.key("B").lastWritten());
        assertEquals(Instant.parse("1601-01-01T00:00:00Z"), h.key("C").lastWritten());
        assertEquals(Instant.parse("2000-01-01T00:00:00.0000001Z"), h.key("D").lastWritten());
        assertEquals(125_911_584_000_000_001L, FileTime.fromInstant(h.key("D").lastWritten()));
        assertEquals(Instant.parse("2001-06-15T12:00:00Z"), h.root().lastWritten());
        Instant max = FileTime.toInstant(-1L);
        assertEquals(0xFFFFFFFFFFFFFFFFL, FileTime.fromInstant(max), "unsigned round trip");
    }
}
