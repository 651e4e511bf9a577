package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder.Image;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Big-data ({@code db}) records where Windows reads one cell: in a format 1.3 hive, or for data of at
 * most 16,344 bytes. chntpw's reged writes them (for data over 16,336 bytes, 16,336 bytes per segment).
 * Windows would return the bytes at the data offset instead (the 12-byte record and whatever follows);
 * hivex and reglookup read the segments. So does the library, with a note on the value, not damage.
 */
class NonWindowsBigDataTest {
    private static final String NOTE_13 = "big-data record that Windows would not read (a format 1.3 hive: Windows "
            + "reads big data only in format 1.4 and later); the data is read from its segments as hivex and "
            + "reglookup read them";

    @TempDir
    Path dir;

    private static String note(int size) {
        return "big-data record that Windows would not read (" + size + " bytes: Windows reads big data only over "
                + "16,344 bytes); the data is read from its segments as hivex and reglookup read them";
    }

    @Test
    void regedBigDataInAFormat13Hive() {
        HiveBuilder b = HiveBuilder.v13();
        byte[] d = BuiltHives.pattern(40_000, 21);
        b.key("K").binary("big", d).val("big").regedBigData();
        b.key("K").binary("raw", BuiltHives.dbLookalike()); // raw data that starts with "db" (one big cell)
        Image img = b.build();
        HiveBuilder.V v = b.key("K").val("big");
        assertEquals(-16, img.cellSize(v.dataOffset()));
        assertEquals(3, v.segmentOffsets().length);
        for (long s : v.segmentOffsets()) {
            assertEquals(-16344, img.cellSize(s), "reged's segment cells hold 16,340 bytes, 16,336 of them data");
        }
        Hive h = img.open();
        Value value = h.key("K").value("big");
        assertArrayEquals(d, value.data());
        assertEquals(v.dataOffset(), value.dataCellOffset());
        assertEquals(List.of(NOTE_13), value.decoded().anomalies());
        Value raw = h.key("K").value("raw");
        assertArrayEquals(BuiltHives.dbLookalike(), raw.data());
        assertEquals(List.of(), raw.decoded().anomalies());
        assertEquals(List.of(), h.damage(), "not damage: every byte is read, the records are consistent");
    }

    @Test
    void regedBigDataAtTheWindowsThresholdOfAFormat15Hive() {
        HiveBuilder b = HiveBuilder.v15();
        byte[] d16337 = BuiltHives.pattern(16_337, 22);
        byte[] d16344 = BuiltHives.pattern(16_344, 23);
        byte[] d16345 = BuiltHives.pattern(16_345, 24);
        b.key("K").binary("r16337", d16337).val("r16337").regedBigData();
        b.key("K").binary("r16344", d16344).val("r16344").regedBigData();
        b.key("K").binary("w16344", d16344); // Windows: one cell
        b.key("K").binary("w16345", d16345); // Windows: big data, 16,344 + 1
        Image img = b.build();
        assertEquals(2, b.key("K").val("r16344").segmentOffsets().length, "16,336 + 8 bytes");
        Hive h = img.open();
        Key k = h.key("K");
        assertArrayEquals(d16337, k.value("r16337").data());
        assertEquals(List.of(note(16_337)), k.value("r16337").decoded().anomalies());
        assertArrayEquals(d16344, k.value("r16344").data());
        assertEquals(List.of(note(16_344)), k.value("r16344").decoded().anomalies());
        assertArrayEquals(d16344, k.value("w16344").data());
        assertEquals(List.of(), k.value("w16344").decoded().anomalies());
        assertArrayEquals(d16345, k.value("w16345").data());
        assertEquals(List.of(), k.value("w16345").decoded().anomalies());
        assertEquals(List.of(), h.damage());
    }

    @Test
    void aMissingSegmentIsDamageAndTheDataStopsThere() {
        HiveBuilder b = HiveBuilder.v13();
        byte[] d = BuiltHives.pattern(40_000, 25);
        b.key("K").binary("big", d).val("big").regedBigData();
        Image img = b.build();
        long seg1 = b.key("K").val("big").segmentOffsets()[1];
        img.free(seg1);
        Hive h = img.open();
        Value value = h.key("K").value("big");
        assertArrayEquals(Arrays.copyOf(d, HiveBuilder.REGED_LIMIT), value.data());
        assertEquals(List.of(NOTE_13), value.decoded().anomalies());
        assertEquals(List.of(String.format("0x%X \\K: \\K value \"big\" data segment 1 at cell offset 0x%X (file offset "
                + "0x%X) is a free cell", Image.fileOffset(seg1), seg1, Image.fileOffset(seg1))),
                h.damage().stream().map(x -> String.format("0x%X %s: %s", x.fileOffset(), x.keyPath(), x.reason()))
                        .toList());
    }

    /** A record that is not a big-data record at all keeps the old reading: one cell, truncated, damage. */
    @Test
    void aSmallCellThatIsNoBigDataRecordIsTruncatedData() {
        HiveBuilder b = HiveBuilder.v13();
        b.key("K").binary("v", BuiltHives.pattern(40_000, 26)).val("v").regedBigData();
        Image img = b.build();
        long db = b.key("K").val("v").dataOffset();
        img.putU2(db, 0, 0x7878); // "xx" instead of "db"
        Hive h = img.open();
        Value value = h.key("K").value("v");
        assertEquals(12, value.data().length);
        assertEquals(List.of(), value.decoded().anomalies());
        assertEquals(List.of("\\K value \"v\": data size 40000 exceeds its cell (12 bytes); truncated"),
                h.damage().stream().map(Damage::reason).toList());
    }

    /** hivex reads the segments of reged's record in a 1.3 hive to the same 40,000 bytes. */
    @Test
    void hivexReadsTheSameBytes() throws Exception {
        assumeTrue(HiveBuilderCrossCheckTest.onPath("hivexml"), "hivexml (libhivex-bin) not installed");
        HiveBuilder b = HiveBuilder.v13();
        byte[] d = BuiltHives.pattern(40_000, 27);
        b.key("K").binary("big", d).val("big").regedBigData();
        Path file = b.write(dir.resolve("reged13"));
        Process p = new ProcessBuilder("hivexml", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] xml = p.getInputStream().readAllBytes();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
        NodeList values = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                .getElementsByTagName("value");
        byte[] hivex = null;
        for (int i = 0; i < values.getLength(); i++) {
            Element e = (Element) values.item(i);
            if (e.getAttribute("key").equals("big")) {
                hivex = Base64.getMimeDecoder().decode(e.getAttribute("value"));
            }
        }
        assertArrayEquals(d, hivex);
        try (Hive h = Hive.open(file)) {
            assertArrayEquals(hivex, h.key("K").value("big").data());
        }
    }
}
