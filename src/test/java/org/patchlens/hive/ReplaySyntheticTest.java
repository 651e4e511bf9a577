package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.HiveRecovery.Slot;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.LogRecord;
import org.patchlens.hive.ReplayLedger.Outcome;

/** Dirty hives and logs written by HiveBuilder and LogBuilder, with the exact ledger asserted. */
class ReplaySyntheticTest {
    static final long T = HiveBuilder.DEFAULT_TIME;

    // ------------------------------------------------------------------ helpers

    static String listing(byte[] hive) {
        try (Hive h = Hive.fromBytes("x", hive)) {
            StringWriter w = new StringWriter();
            Listing.write(h, h.root(), w);
            assertTrue(h.damage().isEmpty(), h.damage().toString());
            return w.toString();
        }
    }

    /** The primary file of a dirty hive: {@code clean} with sequence numbers {@code p}/{@code s}. */
    static byte[] dirty(byte[] clean, long p, long s) {
        byte[] d = clean.clone();
        ByteBuffer b = LogBuilder.le(d);
        b.putInt(4, (int) p);
        b.putInt(8, (int) s);
        b.putInt(508, (int) HiveBuilder.checksumOf(d));
        return d;
    }

    static Recovery recover(byte[] primary, Object... slotAndLog) {
        List<LogInput> in = new ArrayList<>();
        for (int i = 0; i < slotAndLog.length; i += 2) {
            Slot s = (Slot) slotAndLog[i];
            in.add(new LogInput("H." + s, s, ByteBuffer.wrap((byte[]) slotAndLog[i + 1])));
        }
        byte[] copy = primary.clone();
        Recovery r = HiveRecovery.recover("H", ByteBuffer.wrap(primary), in);
        assertArrayEquals(copy, primary, "the primary bytes are never modified");
        return r;
    }

    /** Bins of {@code image} equal those of {@code expected}, and the base block is a clean primary's. */
    static void assertRecovered(byte[] expected, byte[] image, long seq) {
        assertEquals(4096 + LogBuilder.binsSize(expected), image.length, "image size");
        assertTrue(Arrays.equals(expected, 4096, expected.length, image, 4096, image.length), "bins identical");
        ByteBuffer b = LogBuilder.le(image);
        assertEquals(seq, b.getInt(4) & 0xFFFFFFFFL);
        assertEquals(seq, b.getInt(8) & 0xFFFFFFFFL);
        assertEquals(0, b.getInt(28));
        assertEquals(LogBuilder.binsSize(expected), b.getInt(40) & 0xFFFFFFFFL);
        assertEquals(HiveHeader.checksum(b, 0), b.getInt(508) & 0xFFFFFFFFL);
        assertEquals(listing(expected), listing(image));
    }

    static List<ReplayLedger.Target> targets(List<long[]> pages) {
        return pages.stream().map(p -> new ReplayLedger.Target(p[0], p[1])).toList();
    }

    // ------------------------------------------------------------------ old format

    /** A 1.3 hive (NT 4.0 / 2000) whose bins exceed 2 MiB: one large binary value in a single cell. */
    static HiveBuilder bigOld(int count) {
        return bigOld(count, 2_150_000);
    }

    static HiveBuilder bigOld(int count, int blobSize) {
        HiveBuilder b = HiveBuilder.v13().lastWrittenRaw(T);
        byte[] blob = new byte[blobSize];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) (i * 31 + 7);
        }
        b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem").binary("Blob", blob)
                .dword("Circular Logging", count).sz("Working Directory", "D:\\exchsrvr\\mdbdata");
        b.key("Select").dword("Current", 1);
        return b;
    }

    @Test
    void oldFormatLogOfAHiveOver2MiBHasItsPagesAfterTheLongBitmap() {
        byte[] before = bigOld(0).toBytes();
        HiveBuilder nb = bigOld(1);
        nb.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem").sz("Added", "after the crash");
        nb.key("ControlSet001\\Services\\NewService").dword("Start", 2);
        byte[] after = nb.toBytes();
        long bins = LogBuilder.binsSize(after);
        assertTrue(bins > 2_084_864 - 1, "bins data over 2 MiB: " + bins);
        int pagesAt = LogBuilder.pageStart(bins);
        assertEquals(bins / 4096 <= 1020 ? 1536 : 2048, pagesAt);
        BitSet dirty = LogBuilder.dirtySectors(before, after);
        assertTrue(dirty.length() * 512L > LogBuilder.binsSize(before) - 4096 || dirty.cardinality() > 1);
        byte[] primary = dirty(before, 8, 7);
        byte[] log = LogBuilder.oldLog(after, dirty, 2, 8, pagesAt);

        Recovery r = recover(primary, Slot.LOG, log);
        ReplayLedger l = r.ledger();
        assertEquals(Outcome.APPLIED, l.outcome(), l.result());
        assertEquals(List.of("sequence numbers differ (primary 8, secondary 7)"), l.dirtyReasons());
        LogRecord lr = l.logs().get(0);
        assertEquals("old", lr.format());
        assertEquals("usable", lr.verdict());
        assertEquals("applied", lr.role());
        EntryRecord e = lr.entries().get(0);
        assertEquals(pagesAt, e.logOffset());
        assertEquals(8, e.sequence());
        assertEquals(512L * dirty.cardinality(), e.size());
        assertEquals(bins, e.hiveBinsDataSize());
        List<ReplayLedger.Target> runs = new ArrayList<>();
        for (int i = dirty.nextSetBit(0); i >= 0; ) {
            int end = dirty.nextClearBit(i);
            runs.add(new ReplayLedger.Target(512L * i, 512L * (end - i)));
            i = dirty.nextSetBit(end);
        }
        assertEquals(runs, e.targets());
        assertTrue(e.applied());
        assertEquals("applied", e.reason());
        assertEquals(8, l.sequenceNumber());
        assertEquals("primary", l.baseBlockSource());
        assertRecovered(after, r.image(), 8);
        assertNotEquals(listing(before), listing(r.image()));

        // A reader that takes the pages from offset 1024 copies the bitmap's tail into the hive.
        byte[] wrong = Arrays.copyOf(primary, after.length);
        int k = 0;
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1), k++) {
            System.arraycopy(log, 1024 + 512 * k, wrong, 4096 + 512 * i, 512);
        }
        assertFalse(Arrays.equals(after, 4096, after.length, wrong, 4096, after.length));
    }

    @Test
    void oldFormatLogOfAn8MiBHiveHasItsPagesAt3072() {
        byte[] before = bigOld(0, 8_400_000).toBytes();
        HiveBuilder nb = bigOld(1, 8_400_000);
        nb.key("Select").dword("LastKnownGood", 2);
        byte[] after = nb.toBytes();
        long bins = LogBuilder.binsSize(after);
        assertTrue(bins >= 8_372_224 && bins <= 10_465_280, "bitmap of 2044 to 2555 bytes: " + bins);
        BitSet dirty = LogBuilder.dirtySectors(before, after);
        byte[] log = LogBuilder.oldLog(after, dirty, 2, 4, 3072);
        Recovery r = recover(dirty(before, 4, 3), Slot.LOG, log);
        assertEquals(3072, r.ledger().logs().get(0).entries().get(0).logOffset());
        assertRecovered(after, r.image(), 4);
    }

    @Test
    void aTruncatedOldFormatLogAppliesNothing() {
        byte[] before = bigOld(0).toBytes();
        byte[] after = bigOld(5).toBytes();
        BitSet dirty = LogBuilder.dirtySectors(before, after);
        byte[] log = LogBuilder.oldLog(after, dirty, 2, 8, LogBuilder.pageStart(LogBuilder.binsSize(after)));
        byte[] cut = Arrays.copyOf(log, log.length - 1);
        Recovery r = recover(dirty(before, 8, 7), Slot.LOG, cut);
        assertEquals(Outcome.FAILED, r.ledger().outcome());
        assertNull(r.image());
        assertEquals("truncated: the dirty vector marks " + dirty.cardinality() + " pages (" + 512 * dirty.cardinality()
                + " bytes from log file offset 1536) but the file has " + cut.length + " bytes",
                r.ledger().logs().get(0).verdict());
    }

    @Test
    void oldFormatChoosesTheNewerOfLog1AndLog2AndNeverMerges() {
        byte[] before = bigOld(0).toBytes();
        byte[] mid = bigOld(1).toBytes();
        byte[] after = bigOld(2).toBytes();
        byte[] primary = dirty(before, 3, 2);
        byte[] log1 = LogBuilder.oldLog(mid, LogBuilder.dirtySectors(before, mid), 1, 3, LogBuilder.pageStart(
                LogBuilder.binsSize(mid)));
        byte[] newer = after.clone();
        LogBuilder.le(newer).putLong(12, T + 1);
        byte[] log2 = LogBuilder.oldLog(newer, LogBuilder.dirtySectors(before, after), 1, 3,
                LogBuilder.pageStart(LogBuilder.binsSize(after)));
        Recovery r = recover(primary, Slot.LOG1, log1, Slot.LOG2, log2);
        assertEquals(List.of("LOG2"), r.ledger().appliedLogs().stream().map(LogRecord::slot).toList());
        LogRecord other = r.ledger().logs().get(1);
        assertEquals("LOG1", other.slot());
        assertEquals("not applied: H.LOG2 is the more recent log (two old-format logs are never merged)", other.role());
        assertEquals(listing(after), listing(r.image()));
    }

    @Test
    void oldFormatLogOlderThanTheHiveIsNotApplied() {
        byte[] before = bigOld(0).toBytes();
        byte[] after = bigOld(1).toBytes();
        byte[] old = after.clone();
        LogBuilder.le(old).putLong(12, T - 10_000_000L);
        byte[] log = LogBuilder.oldLog(old, LogBuilder.dirtySectors(before, after), 2, 3,
                LogBuilder.pageStart(LogBuilder.binsSize(after)));
        Recovery r = recover(dirty(before, 3, 2), Slot.LOG, log);
        assertEquals(Outcome.NOTHING_APPLIED, r.ledger().outcome());
        assertTrue(r.ledger().logs().get(0).role().startsWith("not applied: log timestamp 2001-06-15T11:59:59"
                + ".0000000Z is older than the hive's last written timestamp"), r.ledger().logs().get(0).role());
    }

    /** A small 1.3 hive whose base block names {@code fileName}; {@code n} changes one value. */
    static byte[] named(String fileName, int n) {
        HiveBuilder b = HiveBuilder.v13().lastWrittenRaw(T).fileName(fileName);
        b.key("Select").dword("Current", n);
        return b.toBytes();
    }

    @Test
    void anOldFormatLogOfAnotherHiveIsNotAppliedOnANewerTimestamp() {
        String sam = "\\SystemRoot\\System32\\Config\\SAM";
        String software = "\\SystemRoot\\System32\\Config\\SOFTWARE";
        byte[] before = named(sam, 1);
        byte[] primary = dirty(before, 3, 2);
        for (String logName : List.of(software, sam)) {
            byte[] after = named(logName, 2);
            LogBuilder.le(after).putLong(12, T + 1); // newer than the hive: yarp's rule accepts it, Windows' does not
            byte[] log = LogBuilder.oldLog(after, LogBuilder.dirtySectors(before, after), 1, 3,
                    LogBuilder.pageStart(LogBuilder.binsSize(after)));
            Recovery r = recover(primary, Slot.LOG1, log);
            LogRecord l = r.ledger().logs().get(0);
            if (logName.equals(sam)) {
                assertEquals(Outcome.APPLIED, r.ledger().outcome(), "the hive's own log, as yarp applies it");
                assertEquals("", l.otherHive());
                continue;
            }
            assertEquals(Outcome.NOTHING_APPLIED, r.ledger().outcome());
            String tail = software.substring(software.length() - 31); // Windows keeps the last 31 characters
            assertEquals("embedded file name \"" + tail + "\", the hive's is \"" + sam + "\"", l.otherHive());
            assertEquals("not applied: log timestamp 2001-06-15T12:00:00.0000001Z is newer than the hive's last written "
                    + "timestamp 2001-06-15T12:00:00.0000000Z and its base block copy is another hive's (Windows applies "
                    + "an old-format log only when the timestamps are equal)", l.role());
            assertEquals(List.of("H.LOG1: its base block copy is another hive's (" + l.otherHive() + "): " + l.role()),
                    r.ledger().otherHiveNotes());
        }
    }

    @Test
    void cleanHiveIsNotReplayedButANewerLogIsReported() {
        byte[] clean = bigOld(0).toBytes();
        byte[] after = bigOld(1).toBytes();
        LogBuilder.le(after).putLong(12, T + 5);
        byte[] log = LogBuilder.oldLog(after, LogBuilder.dirtySectors(clean, after), 2, 1,
                LogBuilder.pageStart(LogBuilder.binsSize(after)));
        Recovery r = recover(clean, Slot.LOG, log);
        assertEquals(Outcome.CLEAN, r.ledger().outcome());
        assertFalse(r.ledger().dirty());
        assertNull(r.image());
        assertEquals(1, r.ledger().staleReasons().size());
        assertTrue(r.ledger().staleReasons().get(0).startsWith("H.LOG was written at "), r.ledger().staleReasons()
                .toString());
    }

    // ------------------------------------------------------------------ new format

    /** States of a small 1.5 hive: each adds a change; state 3 grows the hive by a 40 KB value's bins. */
    static byte[] state(int n) {
        HiveBuilder b = HiveBuilder.v15().lastWrittenRaw(T);
        b.key("Software\\Vendor").sz("Name", "alpha").dword("Count", n >= 1 ? 2 : 1);
        b.key("System\\Setup").dword("Flag", 0);
        if (n >= 2) {
            b.key("Software\\Vendor\\Added").sz("Why", "entry two");
        }
        if (n >= 3) {
            byte[] big = new byte[40_000];
            Arrays.fill(big, (byte) 0x5A);
            b.key("Software\\Grown").binary("Big", big);
        }
        return b.toBytes();
    }

    record Row(long offset, long seq, String hash, boolean applied, String reason) {
    }

    static List<Row> rows(LogRecord r) {
        return r.entries().stream().map(e -> new Row(e.logOffset(), e.sequence(),
                e.hash().startsWith("bad Hash-1") ? "bad Hash-1" : e.hash(), e.applied(), e.reason())).toList();
    }

    @Test
    void newFormatEntriesApplyInSequenceAndGrowTheHive() {
        byte[] s0 = state(0);
        byte[] s1 = state(1);
        byte[] s2 = state(2);
        byte[] s3 = state(3);
        assertTrue(LogBuilder.binsSize(s3) > LogBuilder.binsSize(s2), "state 3 is larger");
        List<long[]> p1 = LogBuilder.dirtyPages(s0, s1);
        List<long[]> p2 = LogBuilder.dirtyPages(s1, s2);
        List<long[]> p3 = LogBuilder.dirtyPages(s2, s3);
        LogBuilder.NewLog log1 = new LogBuilder.NewLog(s0, 10).entry(s1, 10, p1, 0).entry(s2, 11, p2, 0);
        LogBuilder.NewLog log2 = new LogBuilder.NewLog(s2, 12).entry(s3, 12, p3, 1);
        byte[] primary = dirty(s0, 11, 10);
        Recovery r = recover(primary, Slot.LOG1, log1.bytes(), Slot.LOG2, log2.bytes());
        ReplayLedger l = r.ledger();
        assertEquals(Outcome.APPLIED, l.outcome(), l.result());
        assertEquals(List.of("LOG1", "LOG2"), l.appliedLogs().stream().map(LogRecord::slot).toList());
        assertEquals(List.of(new Row(512, 10, "ok", true, "applied"), new Row(log1.offsets().get(1), 11, "ok", true,
                "applied")), rows(l.logs().get(0)));
        assertEquals(List.of(new Row(512, 12, "ok", true, "applied")), rows(l.logs().get(1)));
        assertEquals(targets(p1), l.logs().get(0).entries().get(0).targets());
        assertEquals(targets(p3), l.logs().get(1).entries().get(0).targets());
        assertTrue(p3.stream().anyMatch(p -> p[0] + p[1] > LogBuilder.binsSize(s2)), "entry 12 writes past the old end");
        assertEquals(12, l.sequenceNumber());
        assertEquals(LogBuilder.binsSize(s3), l.hiveBinsDataSize());
        assertRecovered(s3, r.image(), 12);
        assertEquals(1, LogBuilder.le(r.image()).getInt(144) & 1, "flag bit 0x1 from the last entry");
        assertEquals("applied 3 new-format log entries from H.LOG1, H.LOG2, up to sequence number 12", l.result());

        // the same logs given the other way round: ordered by their header sequence numbers
        Recovery swapped = recover(primary, Slot.LOG1, log2.bytes(), Slot.LOG2, log1.bytes());
        assertArrayEquals(r.image(), swapped.image());
        assertEquals(List.of("LOG2", "LOG1"), swapped.ledger().appliedLogs().stream().map(LogRecord::slot).toList());
    }

    @Test
    void aBadHashInTheMiddleStopsReplayThere() {
        byte[] s0 = state(0);
        byte[] s1 = state(1);
        byte[] s2 = state(2);
        byte[] s3 = state(3);
        LogBuilder.NewLog log = new LogBuilder.NewLog(s0, 10).entry(s1, 10, LogBuilder.dirtyPages(s0, s1), 0)
                .entry(s2, 11, LogBuilder.dirtyPages(s1, s2), 0).entry(s3, 12, LogBuilder.dirtyPages(s2, s3), 0);
        byte[] bytes = log.bytes();
        int second = log.offsets().get(1);
        bytes[second + 40 + 8 * LogBuilder.dirtyPages(s1, s2).size() + 100] ^= 1; // one bit of entry 11's page data
        Recovery r = recover(dirty(s0, 11, 10), Slot.LOG1, bytes);
        LogRecord lr = r.ledger().logs().get(0);
        assertEquals(List.of(new Row(512, 10, "ok", true, "applied"),
                new Row(second, 11, "bad Hash-1", false, "stopped: bad Hash-1"),
                new Row(log.offsets().get(2), 12, "ok", false,
                        "not applied: found after the point where replay stopped (remnant or unreachable entry)")),
                rows(lr));
        assertTrue(lr.entries().get(1).hash().matches("bad Hash-1 \\(stored 0x[0-9A-F]{16}, computed 0x[0-9A-F]{16}\\)"));
        assertEquals(10, r.ledger().sequenceNumber());
        assertRecovered(s1, r.image(), 10);
    }

    @Test
    void aSequenceGapStopsReplayAndTheSecondLogMustContinueExactly() {
        byte[] s0 = state(0);
        byte[] s1 = state(1);
        byte[] s2 = state(2);
        byte[] s3 = state(3);
        LogBuilder.NewLog log1 = new LogBuilder.NewLog(s0, 10).entry(s1, 10, LogBuilder.dirtyPages(s0, s1), 0)
                .entry(s2, 12, LogBuilder.dirtyPages(s1, s2), 0);
        LogBuilder.NewLog log2 = new LogBuilder.NewLog(s2, 12).entry(s3, 12, LogBuilder.dirtyPages(s2, s3), 0);
        Recovery r = recover(dirty(s0, 11, 10), Slot.LOG1, log1.bytes(), Slot.LOG2, log2.bytes());
        ReplayLedger l = r.ledger();
        assertEquals(List.of(new Row(512, 10, "ok", true, "applied"),
                new Row(log1.offsets().get(1), 12, "ok", false, "stopped: sequence number 12, expected 11 (a gap)")),
                rows(l.logs().get(0)));
        LogRecord second = l.logs().get(1);
        assertEquals("not applied: its header sequence number 12 does not continue the previous log (expected 11)",
                second.role());
        assertTrue(second.entries().isEmpty());
        assertRecovered(s1, r.image(), 10);
    }

    @Test
    void logsOlderThanTheHiveAreSkippedAndAWrappedSequenceOrdersCorrectly() {
        byte[] s0 = state(0);
        byte[] s1 = state(1);
        byte[] s2 = state(2);
        // sequence numbers wrap: LOG2 starts at 0xFFFFFFFF, LOG1 continues at 0
        LogBuilder.NewLog log2 = new LogBuilder.NewLog(s0, 0xFFFFFFFFL).entry(s1, 0xFFFFFFFFL,
                LogBuilder.dirtyPages(s0, s1), 0);
        LogBuilder.NewLog log1 = new LogBuilder.NewLog(s1, 0).entry(s2, 0, LogBuilder.dirtyPages(s1, s2), 0);
        Recovery r = recover(dirty(s0, 0, 0xFFFFFFFFL), Slot.LOG1, log1.bytes(), Slot.LOG2, log2.bytes());
        assertEquals(List.of("LOG2", "LOG1"), r.ledger().appliedLogs().stream().map(LogRecord::slot).toList());
        assertRecovered(s2, r.image(), 0);

        // a log whose entries are older than the hive's secondary sequence number is not applied
        LogBuilder.NewLog stale = new LogBuilder.NewLog(s0, 5).entry(s1, 5, LogBuilder.dirtyPages(s0, s1), 0);
        Recovery r2 = recover(dirty(s0, 11, 10), Slot.LOG1, stale.bytes());
        assertEquals(Outcome.NOTHING_APPLIED, r2.ledger().outcome());
        assertEquals("not applied: it starts at sequence number 5, older than the hive's secondary sequence number 10 "
                + "(already in the hive)", r2.ledger().logs().get(0).role());
    }

    @Test
    void aBadBaseBlockIsRebuiltFromTheNewestLog() {
        byte[] s0 = state(0);
        byte[] s1 = state(1);
        byte[] s2 = state(2);
        byte[] primary = s0.clone();
        LogBuilder.le(primary).putInt(508, 0x4C564E49); // "INVL"
        LogBuilder.NewLog log1 = new LogBuilder.NewLog(s0, 10).entry(s1, 10, LogBuilder.dirtyPages(s0, s1), 0);
        LogBuilder.NewLog log2 = new LogBuilder.NewLog(s1, 11).entry(s2, 11, LogBuilder.dirtyPages(s0, s2), 0);
        Recovery r = recover(primary, Slot.LOG1, log1.bytes(), Slot.LOG2, log2.bytes());
        assertEquals("H.LOG2", r.ledger().baseBlockSource());
        assertEquals("not applied: the hive's base block is invalid, and Windows then uses only the newest log "
                + "(H.LOG2)", r.ledger().logs().get(1).role());
        assertRecovered(s2, r.image(), 11);
    }
}
