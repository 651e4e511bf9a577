package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.HiveOptions;
import org.patchlens.testing.Corpus;

/** What the plugin tests share: running a plugin on a corpus or built hive, and regipy's way of writing times. */
public final class ArtifactTesting {
    private static final Pattern OFFSET = Pattern.compile("file offset 0x([0-9A-F]+)");

    private ArtifactTesting() {
    }

    /** A corpus hive ({@code regipy/SYSTEM}); the test is skipped when the corpus is not there. */
    static Path corpus(String relative) {
        assumeTrue(Corpus.root().isPresent(), "../shared/corpus is not here");
        Path p = Corpus.root().get().resolve("hives").resolve(relative);
        assumeTrue(Files.isRegularFile(p), p + " is not in the corpus");
        return p;
    }

    /** The plugin's entries for a hive file, read as every hive command reads it (logs beside it replayed). */
    static List<Entry> run(Catalog plugin, Path file) {
        try (Hive h = HiveOpener.openWithLogsBeside(file, HiveOptions.DEFAULTS)) {
            return run(plugin, h);
        }
    }

    /** The plugin's entries for an open hive; its type must be the plugin's. */
    static List<Entry> run(Catalog plugin, Hive h) {
        assertEquals(plugin.spec().hive(), HiveType.of(h), "the hive's type");
        List<Entry> entries = plugin.plugin().run(new HiveContext(h, plugin.spec().hive()));
        for (Entry e : entries) {
            assertEquals(plugin.pluginName(), e.plugin());
            checkOffsets(e, h.fileSize());
        }
        return entries;
    }

    /** The plugin's entries for a built hive. */
    static List<Entry> run(Catalog plugin, HiveBuilder b) {
        try (Hive h = Hive.fromBytes("built", b.toBytes())) {
            return run(plugin, h);
        }
    }

    /** Every field's offset, and every offset a note names, lies inside the file. */
    public static void checkOffsets(Entry e, long fileSize) {
        assertTrue(e.keyOffset() >= 4096 && e.keyOffset() < fileSize, e.toString());
        for (Field f : e.fields()) {
            assertTrue(f.offset() >= 4096 && f.offset() < fileSize, f + " in " + e);
        }
        for (String n : e.notes()) {
            Matcher m = OFFSET.matcher(n);
            assertTrue(m.find(), "a note names a file offset: " + n);
            long at = Long.parseLong(m.group(1), 16);
            assertTrue(at >= 4096 && at < fileSize, n);
        }
    }

    /** The entries' one field {@code name}, as shown, in order. */
    static List<String> shown(List<Entry> entries, String name) {
        return entries.stream().map(e -> e.shown(name)).toList();
    }

    private static final DateTimeFormatter PY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
            .withZone(ZoneOffset.UTC);

    /**
     * A FILETIME as regipy writes it ({@code convert_wintime(t, as_json=True)}): Python divides the ticks by 10
     * into a double (correctly rounded) and {@code timedelta} rounds that to the nearest microsecond, half to
     * even; {@code isoformat} then drops the fraction when it is zero. patchlens keeps the seven digits; this
     * shows which tick regipy's six-digit string came from.
     */
    static String regipyTime(long fileTime) {
        double us = new BigDecimal(Long.toUnsignedString(fileTime)).divide(BigDecimal.TEN).doubleValue();
        long micros = new BigDecimal(us).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        Instant t = Instant.ofEpochSecond(-11_644_473_600L).plusNanos(0).plusSeconds(micros / 1_000_000)
                .plusNanos(micros % 1_000_000 * 1000);
        String s = PY.format(t);
        return s.replace(".000000+", "+");
    }

    /** The bytes of the cell at {@code offset} in the file, after its 4-byte size field. */
    static byte[] cellData(Path file, long offset, int length) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
            ch.read(b, offset + 4);
            return b.array();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The field's offset is a cell whose data begins with {@code expected} (read from the file itself). */
    static void assertCellHolds(Path file, Field f, byte[] expected) {
        assertEquals(java.util.HexFormat.of().formatHex(expected),
                java.util.HexFormat.of().formatHex(cellData(file, f.offset(), expected.length)), f.toString());
    }

    /** The field's offset is a cell whose data begins with {@code expected}, which may be longer than the field's data. */
    static void assertCellHoldsPrefix(Path file, Field f, byte[] expected) {
        assertCellHolds(file, f, expected);
    }

    /** The field's offset is a value record ({@code vk}) whose data is inline (four bytes or less). */
    static void assertValueRecord(Path file, Field f) {
        assertEquals("vk", new String(cellData(file, f.offset(), 2), java.nio.charset.StandardCharsets.US_ASCII),
                f.toString());
    }

    /** The raw FILETIME of a field or of an entry's key, for {@link #regipyTime}. */
    static long ticks(Entry e, String field) {
        return e.field(field).orElseThrow().number();
    }
}
