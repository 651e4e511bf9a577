package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.HiveRecovery.Slot;
import org.patchlens.hive.ReplayLedger.Outcome;

/** Hostile logs: huge claimed sizes, pages far past the hive, entries beyond the file; all bounded. */
class ReplayHostileTest {
    static final Duration LIMIT = Duration.ofSeconds(3);

    static byte[] hive() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A\\B").sz("x", "y");
        return ReplaySyntheticTest.dirty(b.toBytes(), 3, 2);
    }

    static Recovery recover(byte[] primary, byte[] log, Slot slot) {
        return assertTimeoutPreemptively(LIMIT, () -> HiveRecovery.recover("H", ByteBuffer.wrap(primary),
                List.of(new LogInput("H." + slot, slot, ByteBuffer.wrap(log)))));
    }

    /** An old-format log header claiming {@code bins} bytes of hive bins data, {@code size} bytes long. */
    static byte[] oldHeader(byte[] hive, long bins, int size) {
        byte[] copy = hive.clone();
        LogBuilder.le(copy).putInt(40, (int) bins);
        byte[] log = new byte[size];
        System.arraycopy(LogBuilder.header(copy, 2, 3), 0, log, 0, 512);
        log[512] = 'D';
        log[513] = 'I';
        log[514] = 'R';
        log[515] = 'T';
        return log;
    }

    @Test
    void oldLogClaimingAFourGigabyteHive() {
        byte[] h = hive();
        Recovery r = recover(h, oldHeader(h, 0xFFFFF000L, 1024), Slot.LOG);
        assertEquals(Outcome.FAILED, r.ledger().outcome());
        assertEquals("the dirty vector (1048575 bytes for hive bins data of 4294963200 bytes) runs past the end of the "
                + "file (1024 bytes)", r.ledger().logs().get(0).verdict());
    }

    @Test
    void oldLogWithADirtyPageFarPastTheHive() {
        byte[] h = hive();
        long bins = 64L << 20;
        int bitmap = (int) (bins / 4096);
        int pagesAt = LogBuilder.pageStart(bins);
        assertEquals(17408, pagesAt);
        byte[] log = oldHeader(h, bins, pagesAt + 512);
        log[516 + bitmap - 1] = (byte) 0x80; // the very last 512-byte page of 64 MiB
        Recovery r = recover(h, log, Slot.LOG);
        assertNull(r.image());
        assertEquals(Outcome.FAILED, r.ledger().outcome());
        assertEquals(String.format("a dirty page lies at hive bins offset 0x%X (hive file offset 0x%X, past the end of the "
                + "%d-byte primary file), further past the end of the hive than the log carries pages", bins - 512,
                4096 + bins - 512, h.length), r.ledger().logs().get(0).verdict());
    }

    private static byte[] newLogWithEntry(byte[] h, long size, long bins, long count, long[] page, int fileSize) {
        byte[] log = new byte[fileSize];
        System.arraycopy(LogBuilder.header(h, 6, 2), 0, log, 0, 512);
        ByteBuffer b = LogBuilder.le(log);
        b.putInt(512, 0x454C7648);
        b.putInt(516, (int) size);
        b.putInt(524, 2);
        b.putInt(528, (int) bins);
        b.putInt(532, (int) count);
        b.putInt(552, (int) page[0]);
        b.putInt(556, (int) page[1]);
        int hashed = (int) Math.min(size, fileSize - 512);
        b.putLong(536, Marvin32.hash(b, 552, hashed - 40, Marvin32.REGISTRY_SEED));
        b.putLong(544, Marvin32.hash(b, 512, 32, Marvin32.REGISTRY_SEED));
        return log;
    }

    @Test
    void newEntryPointingFourGigabytesPastTheHiveIsNotAllocated() {
        byte[] h = hive();
        byte[] log = newLogWithEntry(h, 8192, 0xFFFFF000L, 1, new long[] {0xFFFFE000L, 4096}, 512 + 8192);
        Recovery r = recover(h, log, Slot.LOG1);
        assertNull(r.image());
        ReplayLedger.EntryRecord e = r.ledger().logs().get(0).entries().get(0);
        assertEquals("ok", e.hash());
        assertEquals("stopped: a page reaches hive bins offset 0xFFFFF000 (hive file offset 0x100000000, past the end of the "
                + h.length + "-byte hive being rebuilt), further past the end of the hive than the entry carries pages",
                e.reason());
        assertEquals(Outcome.NOTHING_APPLIED, r.ledger().outcome());
    }

    @Test
    void newEntriesWithImpossibleSizesAndCounts() {
        byte[] h = hive();
        ReplayLedger.EntryRecord past = recover(h, newLogWithEntry(h, 0xFFFFFE00L, 8192, 1, new long[] {0, 4096},
                512 + 8192), Slot.LOG1).ledger().logs().get(0).entries().get(0);
        assertEquals("stopped: invalid entry: size 4294966784 runs past the end of the log (8704 bytes)", past.reason());
        ReplayLedger.EntryRecord count = recover(h, newLogWithEntry(h, 8192, 8192, 0x7FFFFFFFL, new long[] {0, 4096},
                512 + 8192), Slot.LOG1).ledger().logs().get(0).entries().get(0);
        assertEquals("stopped: invalid entry: dirty page count 2147483647 does not fit the entry", count.reason());
        ReplayLedger.EntryRecord beyond = recover(h, newLogWithEntry(h, 8192, 8192, 1, new long[] {4096, 8192},
                512 + 8192), Slot.LOG1).ledger().logs().get(0).entries().get(0);
        assertEquals("stopped: invalid entry: dirty page 0 (0x2000 bytes at hive bins offset 0x1000, hive file offset "
                + "0x2000) ends past the hive bins data size 8192",
                beyond.reason());
        ReplayLedger.EntryRecord oddSize = recover(h, newLogWithEntry(h, 1000, 8192, 1, new long[] {0, 4096},
                512 + 8192), Slot.LOG1).ledger().logs().get(0).entries().get(0);
        assertEquals("stopped: invalid entry: size 1000 is not a positive multiple of 512", oddSize.reason());
    }

    @Test
    void aLogFullOfEntryHeadersWithValidHash2CostsBoundedWork() {
        byte[] h = hive();
        int fileSize = 8 << 20;
        byte[] log = new byte[fileSize];
        System.arraycopy(LogBuilder.header(h, 6, 2), 0, log, 0, 512);
        ByteBuffer b = LogBuilder.le(log);
        for (int pos = 512; pos + 512 <= fileSize; pos += 512) {
            b.putInt(pos, 0x454C7648);
            b.putInt(pos + 4, fileSize - pos);
            b.putInt(pos + 12, 2);
            b.putInt(pos + 16, 8192);
            b.putInt(pos + 20, 1);
            b.putInt(pos + 28, pos); // Hash-1 (wrong)
            b.putInt(pos + 40, 0);
            b.putInt(pos + 44, 4096);
            b.putLong(pos + 32, Marvin32.hash(b, pos, 32, Marvin32.REGISTRY_SEED));
        }
        Recovery r = recover(h, log, Slot.LOG1);
        assertEquals(Outcome.NOTHING_APPLIED, r.ledger().outcome());
        assertEquals("stopped: bad Hash-1", r.ledger().logs().get(0).entries().get(0).reason());
        assertTrue(r.ledger().notes().stream().anyMatch(n -> n.contains("remnant scan stopped")), r.ledger().notes()
                .toString());
    }

    @Test
    void mutatedCorpusLogsNeverCrashTheReplayOrTheReader() throws Exception {
        var root = org.patchlens.testing.Corpus.root();
        org.junit.jupiter.api.Assumptions.assumeTrue(root.isPresent());
        java.util.Random rnd = new java.util.Random(6);
        for (String rel : List.of("yarp/NewDirtyHive1/NewDirtyHive", "yarp/OldDirtyHive/OldDirtyHive")) {
            java.nio.file.Path hive = root.get().resolve("hives").resolve(rel);
            byte[] primary = java.nio.file.Files.readAllBytes(hive);
            List<java.nio.file.Path> logs = LogFiles.beside(hive).stream()
                    .filter(p -> p.toFile().length() > 0).toList();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int round = 0; round < 50; round++) {
                    List<LogInput> in = new java.util.ArrayList<>();
                    for (java.nio.file.Path p : logs) {
                        byte[] b = java.nio.file.Files.readAllBytes(p);
                        int flips = 1 + rnd.nextInt(4);
                        for (int i = 0; i < flips; i++) {
                            // mostly in the headers, where the decisions are made
                            int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 1200)) : rnd.nextInt(b.length);
                            b[at] ^= (byte) (1 << rnd.nextInt(8));
                        }
                        if (rnd.nextInt(5) == 0) {
                            b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
                        }
                        in.add(new LogInput(p.toString(), LogFiles.slotOf(p), ByteBuffer.wrap(b)));
                    }
                    Recovery r = HiveRecovery.recover(rel, ByteBuffer.wrap(primary), in);
                    if (r.image() != null) {
                        try (Hive h = Hive.fromBytes(rel, r.image())) {
                            for (Key k : h.walk()) {
                                k.values().forEach(Value::data);
                            }
                        } catch (HiveException e) {
                            assertEquals(1, e.getMessage().lines().count());
                        }
                    }
                }
            });
        }
    }

    @Test
    void garbageAndTinyLogsAreUnusableNotFatal() {
        byte[] h = hive();
        assertEquals("file is 100 bytes, shorter than a 512-byte base block copy",
                recover(h, new byte[100], Slot.LOG1).ledger().logs().get(0).verdict());
        assertEquals("no \"regf\" signature at offset 0", recover(h, new byte[4096], Slot.LOG1).ledger().logs().get(0)
                .verdict());
        byte[] lying = LogBuilder.header(h, 6, 2);
        assertEquals("file is 512 bytes, too small to hold a log entry",
                recover(h, lying, Slot.LOG1).ledger().logs().get(0).verdict());
    }
}
