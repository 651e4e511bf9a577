package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Damage;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/** The dump's reader / writer threads give what one thread gives, and a failure on either side ends both. */
class ReadAheadTest {
    /** Every seed hive, damaged ones included, cut at several lengths so that there is damage to order. */
    private static List<byte[]> hives() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] h : FuzzSeeds.hives()) {
            out.add(h);
            for (int cut = 4096 + 512; cut < h.length; cut += Math.max(512, h.length / 7)) {
                out.add(java.util.Arrays.copyOf(h, cut));
            }
        }
        return out;
    }

    @Test
    void sameItemsAndSameDamageInTheSameOrderAsOneThread() throws Exception {
        int damaged = 0;
        for (byte[] bytes : hives()) {
            Hive one;
            Hive two;
            try {
                one = Hive.fromBytes("h", bytes);
                two = Hive.fromBytes("h", bytes);
                one.root();
            } catch (RuntimeException e) {
                continue; // no usable root: nothing to walk
            }
            List<String> sequential = new ArrayList<>();
            for (Key k : one.walk()) {
                sequential.add(describe(ReadAhead.read(k)));
            }
            List<String> threaded = new ArrayList<>();
            ReadAhead.run(two.walk(), true, it -> threaded.add(describe(it)));
            assertEquals(sequential, threaded);
            List<Damage> d = one.damage();
            assertEquals(d, two.damage());
            damaged += d.isEmpty() ? 0 : 1;
        }
        assertTrue(damaged >= 5, "damaged hives among the inputs: " + damaged);
    }

    private static String quote(String s) throws IOException {
        StringWriter w = new StringWriter();
        JsonLine j = new JsonLine(w);
        j.string(s);
        j.flush();
        return w.toString();
    }

    private static String describe(ReadAhead.Item it) {
        StringBuilder sb = new StringBuilder(it.key().path()).append(' ').append(it.className());
        for (int i = 0; i < it.values().size(); i++) {
            Value v = it.values().get(i);
            sb.append(' ').append(v.name()).append('=').append(java.util.HexFormat.of().formatHex(it.data().get(i)));
        }
        return sb.toString();
    }

    @Test
    void aWriterFailureStopsTheReadAndIsThrownToTheCaller() {
        Hive h = Hive.fromBytes("h", FuzzSeeds.sampler(5).toBytes());
        IOException boom = new IOException("disk full");
        int[] written = {0};
        IOException thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                () -> ReadAhead.run(h.walk(), true, it -> {
                    if (++written[0] == 3) {
                        throw boom;
                    }
                })));
        assertSame(boom, thrown);
        assertEquals(3, written[0]);
    }

    @Test
    void aReaderFailureEndsTheWriterThread() {
        Hive h = Hive.fromBytes("h", org.patchlens.hive.HiveBuilder.synthetic(5, 2 << 20, 7).toBytes());
        Iterable<Key> failing = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<Key> it = h.walk().iterator();
            private int n;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Key next() {
                if (++n == 3 * ReadAhead.BATCH_KEYS / 2) { // after a batch has been handed over
                    throw new IllegalStateException("reader failed");
                }
                return it.next();
            }
        };
        int before = Thread.activeCount();
        assertThrows(IllegalStateException.class, () -> ReadAhead.run(failing, true, it -> { }));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("patchlens-writer"))) {
                Thread.sleep(10);
            }
        });
        assertTrue(Thread.activeCount() <= before + 1);
    }

    @Test
    void theDumpIsTheSameWhateverTheBatching() throws Exception {
        // a hive with more keys than one batch, so that batches hand over several times
        Hive h = Hive.fromBytes("h", org.patchlens.hive.HiveBuilder.synthetic(5, 2 << 20, 7).toBytes());
        StringWriter threaded = new StringWriter();
        HiveDump.write(h, h.root(), OutputFormat.JSONL, threaded);
        long keys = 0;
        for (Key k : h.walk()) {
            keys++;
        }
        assertTrue(keys > 2 * ReadAhead.BATCH_KEYS, keys + " keys");
        assertEquals(keys, threaded.toString().lines().count());
        String[] lines = threaded.toString().split("\n");
        int i = 0;
        for (Key k : h.walk()) {
            assertTrue(lines[i++].startsWith("{\"path\":" + quote(k.path())), k.path());
        }
    }
}
