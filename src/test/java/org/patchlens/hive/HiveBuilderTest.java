package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's own promises: deterministic, Windows-like bookkeeping, every supported version. */
class HiveBuilderTest {
    @TempDir
    Path dir;

    @Test
    void sameSpecSameBytes() {
        byte[] a = BuiltHives.kitchenSink(HiveBuilder.v15()).toBytes();
        byte[] b = BuiltHives.kitchenSink(HiveBuilder.v15()).toBytes();
        assertArrayEquals(a, b);
    }

    @Test
    void keysAndValuesAreFoundCaseInsensitivelyAndValuesReplaced() {
        HiveBuilder b = HiveBuilder.v13();
        HiveBuilder.K k = b.key("Software\\Microsoft");
        assertSame(k, b.key("\\SOFTWARE\\microsoft\\"));
        assertSame(k, b.key("software").key("MICROSOFT"));
        k.dword("Value", 1).sz("VALUE", "replaced");
        assertEquals(1, k.values().size());
        assertEquals(1, k.val("value").type());
        assertSame(k, k.key(""));
        assertThrows(IllegalArgumentException.class, () -> HiveBuilder.version(1));
        assertThrows(IllegalArgumentException.class, () -> HiveBuilder.version(7));
    }

    @Test
    void rebuildingAfterAChangeStaysConsistent() {
        HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.v13());
        b.build();
        b.key("Added\\Later").sz("s", "x");
        b.key("ForcedRi\\f").dword("n", 6);
        try (Hive h = b.build().open()) {
            assertEquals(BuiltHives.intent(b), BuiltHives.listing(h));
            assertEquals(List.of(), h.damage());
        }
    }

    @ParameterizedTest(name = "format 1.{0}")
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void everyVersionReadsBack(int minor) {
        HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.version(minor));
        try (Hive h = b.build().open()) {
            assertEquals("1." + minor, h.header().version());
            assertEquals(BuiltHives.intent(b), BuiltHives.listing(h));
            assertEquals(List.of(), h.damage());
        }
    }

    @Test
    void windowsBookkeeping() {
        HiveBuilder b = HiveBuilder.v15();
        HiveBuilder.K k = b.key("K").sz("", "default").dword("named", 1);
        b.key("K\\Sub");
        HiveBuilder.Image img = b.build();
        Hive h = img.open();
        Key root = h.root();
        assertEquals(Key.KEY_HIVE_ENTRY | Key.KEY_NO_DELETE | Key.KEY_COMP_NAME, root.flags());
        assertEquals(0x20, root.cellOffset());
        Key key = h.key("K");
        assertEquals(root.cellOffset(), key.parentOffset());
        assertEquals(0, key.values().get(0).flags(), "no VALUE_COMP_NAME on the default value, as Windows");
        assertEquals(Value.VALUE_COMP_NAME, key.values().get(1).flags());
        assertEquals(HiveBuilder.NIL, img.getU4(k.nkOffset(), 32), "volatile subkey list");
        assertEquals(0, img.getU4(k.nkOffset(), 24), "volatile subkey count");
        // every cell of every bin accounted for, no gaps: the bins walk cleanly
        long cells = 0;
        for (int bin : img.binFileOffsets()) {
            int size = java.nio.ByteBuffer.wrap(img.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(bin + 8);
            int p = bin + 32;
            while (p < bin + size) {
                int c = Math.abs(java.nio.ByteBuffer.wrap(img.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(p));
                assertTrue(c >= 8 && c % 8 == 0, "cell at " + p);
                p += c;
                cells++;
            }
            assertEquals(bin + size, p);
        }
        assertTrue(cells > 5);
    }

    @Test
    void writesFiles() throws Exception {
        HiveBuilder b = HiveBuilder.v13();
        b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem")
                .sz("Working Directory", "D:\\exchsrvr\\mdbdata").dword("Circular Logging", 1);
        Path f = b.write(dir.resolve("SYSTEM"));
        assertArrayEquals(b.toBytes(), Files.readAllBytes(f));
        try (Hive h = Hive.open(f)) {
            assertEquals("D:\\exchsrvr\\mdbdata", h.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem")
                    .value("Working Directory").decoded().text());
        }
    }

    @Test
    void syntheticHivesReachTheirSizeAndReadCleanly() {
        HiveBuilder b = HiveBuilder.synthetic(5, 3L << 20, 42);
        HiveBuilder.Image img = b.build();
        assertTrue(img.bytes().length >= 3L << 20, "size " + img.bytes().length);
        try (Hive h = img.open()) {
            assertEquals(BuiltHives.intent(b), BuiltHives.listing(h));
            assertEquals(List.of(), h.damage());
            assertFalse(h.header().dirty());
        }
    }
}
