package org.patchlens.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;

/**
 * The parser contract as tests: any byte sequence gives a result or a {@code HiveException} with
 * file, offset and reason; nothing else escapes; every read terminates; and memory stays bounded
 * by the file, not by the counts the file claims (checked in a JVM with a 32 MiB heap).
 */
class ParserContractTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static void readAll(byte[] bytes) {
        readAll(bytes, true);
    }

    private static void readAll(byte[] bytes, boolean writers) {
        Hive h = ParserContract.open(bytes);
        if (h != null) {
            ParserContract.readEverything(h);
            if (!writers) {
                return;
            }
            try {
                ParserContract.writeAll(h);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void randomBytesAreRefusedWithOneLine() {
        Random rnd = new Random(1);
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < 300; i++) {
                byte[] b = new byte[rnd.nextInt(3) == 0 ? rnd.nextInt(600) : 4096 + rnd.nextInt(20_000)];
                rnd.nextBytes(b);
                if (rnd.nextBoolean() && b.length >= 4) {
                    b[0] = 'r';
                    b[1] = 'e';
                    b[2] = 'g';
                    b[3] = 'f';
                }
                readAll(b);
            }
        });
    }

    @Test
    void everyTruncationOfEverySeed() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (byte[] seed : FuzzSeeds.hives()) {
                for (int len = 0; len < seed.length; len += len < 4200 ? 97 : 509) {
                    readAll(java.util.Arrays.copyOf(seed, len));
                }
            }
        });
    }

    @Test
    void randomFieldOverwritesInEverySeed() {
        Random rnd = new Random(2);
        int[] special = {0, -1, 0x7FFFFFFF, 0x80000000, 8, -8, 4096, -4096, 0xFFFF, 1 << 20};
        assertTimeoutPreemptively(LIMIT, () -> {
            for (byte[] seed : FuzzSeeds.hives()) {
                for (int i = 0; i < 40; i++) {
                    byte[] b = seed.clone();
                    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                    for (int k = 1 + rnd.nextInt(6); k > 0; k--) {
                        int pos = 4096 + rnd.nextInt(b.length - 4100);
                        bb.putInt(pos & ~3, rnd.nextBoolean() ? rnd.nextInt() : special[rnd.nextInt(special.length)]);
                    }
                    if (rnd.nextBoolean()) {
                        bb.putInt(508, (int) HiveBuilder.checksumOf(b));
                    }
                    readAll(b, i % 4 == 0);
                }
            }
        });
    }

    @Test
    void refusalsNameFileOffsetAndReason() {
        byte[] notHive = "MZ this is not a hive".getBytes(StandardCharsets.US_ASCII);
        byte[] padded = java.util.Arrays.copyOf(notHive, 8192);
        assertNull(ParserContract.open(padded));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.patchlens.hive.HiveException.class,
                () -> Hive.fromBytes(ParserContract.NAME, padded).root());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith("fuzzed.hive: at offset 0x0: not a registry hive"), e.getMessage());
        byte[] log = FuzzSeeds.hives().get(0).clone();
        log[28] = 2;
        e = org.junit.jupiter.api.Assertions.assertThrows(org.patchlens.hive.HiveException.class,
                () -> Hive.fromBytes(ParserContract.NAME, log).root());
        assertEquals(28, e.offset());
    }

    @Test
    void theReplaySeedsReplay() {
        for (byte[][] pair : FuzzSeeds.replays()) {
            var r = org.patchlens.hive.HiveRecovery.recover("seed", java.nio.ByteBuffer.wrap(pair[0]), List.of(
                    new org.patchlens.hive.HiveRecovery.LogInput("seed.LOG1", org.patchlens.hive.HiveRecovery.Slot.LOG1,
                            java.nio.ByteBuffer.wrap(pair[1]))));
            assertNotNull(r.image(), r.ledger().toString());
            assertNotNull(Hive.fromBytes("recovered", r.image()).key("Added\\ByTheLog"), "the log's key is there");
            assertNull(Hive.fromBytes("primary", pair[0]).key("Added"), "and not in the primary");
        }
    }

    // ------------------------------------------------------------------ memory

    /** A hive whose lists and sizes claim far more than the file holds; see the scenarios below. */
    static List<byte[]> inflatedHives() {
        List<byte[]> out = new ArrayList<>();
        for (int scenario = 0; scenario < 5; scenario++) {
            HiveBuilder b = FuzzSeeds.sampler(5);
            HiveBuilder.K wide = b.key("Wide");
            for (int i = 1; i <= 5; i++) {
                wide.binary("p" + i, new byte[17_000]);
            }
            HiveBuilder.K w = b.key("Wide\\w").sz("s", "x");
            HiveBuilder.Image img = b.build();
            long[] host = new long[6];
            for (int i = 1; i <= 5; i++) {
                host[i] = wide.val("p" + i).segmentOffsets()[0]; // a 16,344-byte cell to write a list into
            }
            long bigVk = b.key("Big").val("Big17000").vkOffset();
            switch (scenario) {
                case 0 -> { // an ri naming one 4000-entry li leaf 4000 times: 16 million subkey entries
                    img.putBytes(host[1], 0, "li".getBytes(StandardCharsets.US_ASCII)).putU2(host[1], 2, 4000);
                    img.putBytes(host[2], 0, "ri".getBytes(StandardCharsets.US_ASCII)).putU2(host[2], 2, 4000);
                    for (int i = 0; i < 4000; i++) {
                        img.putU4(host[1], 4 + 4 * i, w.nkOffset());
                        img.putU4(host[2], 4 + 4 * i, host[1]);
                    }
                    img.putU4(wide.nkOffset(), 20, 16_000_000).putU4(wide.nkOffset(), 28, host[2]);
                }
                case 1 -> { // a value list naming one 17,000-byte value 2500 times (42 MB of data)
                    for (int i = 0; i < 2500; i++) {
                        img.putU4(host[3], 4 * i, bigVk);
                    }
                    img.putU4(wide.nkOffset(), 36, 2500).putU4(wide.nkOffset(), 40, host[3]);
                }
                case 2 -> { // big data claiming 64 MiB with a segment list that repeats one segment 4000 times
                    long db = wide.val("p4").dataOffset();
                    long seg = wide.val("p4").segmentOffsets()[0];
                    for (int i = 0; i < 4000; i++) {
                        img.putU4(host[5], 4 * i, seg);
                    }
                    img.putU4(wide.val("p4").vkOffset(), 4, (64 << 20) - 16);
                    img.putU2(db, 2, 4000).putU4(db, 4, host[5]);
                }
                case 3 -> { // big data claiming 64 MiB with its two real segments
                    img.putU4(wide.val("p4").vkOffset(), 4, (64 << 20) - 16);
                }
                default -> { // counts at their maximum with small lists
                    img.putU4(wide.nkOffset(), 20, 0xFFFFFFFFL).putU4(wide.nkOffset(), 36, 0x7FFFFFFFL);
                    img.putU4(w.nkOffset(), 36, 0xFFFFFFFFL);
                }
            }
            out.add(img.fixChecksum().bytes());
        }
        return out;
    }

    @Test
    void inflatedClaimsReadInProcessWithTheirDamage() {
        List<byte[]> hives = inflatedHives();
        for (int i = 0; i < hives.size(); i++) {
            byte[] bytes = hives.get(i);
            Hive h = assertTimeoutPreemptively(LIMIT, () -> {
                Hive x = ParserContract.open(bytes);
                ParserContract.readEverything(x);
                return x;
            });
            assertNotNull(h.key("Witness") == null ? h.key("Select") : null, "the rest of the tree reads");
            assertTrue(!h.damage().isEmpty(), "scenario " + i + " is reported as damage");
        }
        Hive repeatedLeaf = ParserContract.open(hives.get(0));
        assertEquals(4000, repeatedLeaf.key("Wide").subkeys().size(), "the leaf is read once, not 4000 times");
        assertTrue(repeatedLeaf.damage().stream().anyMatch(d -> d.reason().contains("index root lists the leaf at cell "
                + "offset 0x")), "" + repeatedLeaf.damage());
        Hive repeatedSegment = ParserContract.open(hives.get(2));
        assertEquals(16344, repeatedSegment.key("Wide").value("p4").size(), "one segment, read once");
        Hive claimed = ParserContract.open(hives.get(3));
        int held = claimed.key("Wide").value("p4").size();
        assertTrue(held >= 17_000 && held <= 2 * 16344, "what the two segments hold: " + held);
    }

    @Test
    void inflatedClaimsFitIn32MiBOfHeap(@TempDir Path tmp) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ReadInSmallHeap.class.getName()));
        List<byte[]> hives = inflatedHives();
        for (int i = 0; i < hives.size(); i++) {
            Path f = tmp.resolve("inflated" + i);
            Files.write(f, hives.get(i));
            assertTrue(Files.size(f) < 256 * 1024, "the files are small: " + Files.size(f));
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "finished in time: " + out);
        assertEquals(0, p.exitValue(), out);
        assertEquals(hives.size(), out.lines().filter(l -> l.startsWith("ok inflated")).count(), out);
    }
}
