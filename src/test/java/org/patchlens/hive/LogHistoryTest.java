package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.HiveRecovery.Slot;
import org.patchlens.hive.LogHistory.Budget;
import org.patchlens.hive.LogHistory.Entry;
import org.patchlens.hive.LogHistory.History;
import org.patchlens.hive.LogHistory.Item;

/** The history of builder-made dirty hives whose logs change one value several times, with every state asserted. */
class LogHistoryTest {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    /** One state of \Software\Vendor: its Counter, whether it has Note and a subkey Sub, and its time. */
    static byte[] vendor(int counter, boolean note, boolean sub, int minutes) {
        HiveBuilder b = HiveBuilder.v15().lastWrittenRaw(HiveBuilder.DEFAULT_TIME);
        HiveBuilder.K k = b.key("Software\\Vendor").lastWritten(T0.plusSeconds(60L * minutes)).dword("Counter", counter);
        if (note) {
            k.sz("Note", "written at state two");
        }
        if (sub) {
            k.key("Sub");
        }
        b.key("System\\Setup").dword("Flag", 0);
        return b.toBytes();
    }

    /** The five states: the hive as found and after each of the four entries. */
    static final byte[][] S = {vendor(1, false, false, 0), vendor(2, false, false, 1), vendor(3, true, false, 2),
        vendor(4, false, false, 3), vendor(4, false, true, 4)};

    /** A new-format log whose entries 10..13 take S[0] to S[4], one state at a time. */
    static LogBuilder.NewLog log() {
        LogBuilder.NewLog log = new LogBuilder.NewLog(S[0], 10);
        for (int i = 1; i < S.length; i++) {
            log.entry(S[i], 9 + i, LogBuilder.dirtyPages(S[i - 1], S[i]), 0);
        }
        return log;
    }

    static byte[] primary() {
        return ReplaySyntheticTest.dirty(S[0], 11, 10);
    }

    static History history(byte[] primary, byte[] log, String path, Budget budget) {
        byte[] copy = primary.clone();
        History h = LogHistory.of("H", ByteBuffer.wrap(primary), List.of(new LogInput("H.LOG1", Slot.LOG1,
                ByteBuffer.wrap(log))), path, budget);
        assertArrayEquals(copy, primary, "the primary bytes are never modified");
        return h;
    }

    static History history(byte[] log) {
        return history(primary(), log, null, Budget.of(S[0].length, log.length));
    }

    /** One line per change: state, change, object, path, value name, before -> after, the key's time. */
    static List<String> lines(History h) {
        List<String> out = new ArrayList<>();
        for (Item i : h.items()) {
            out.add(i.state() + " " + i.change() + " " + (i.isKey() ? "key " + i.path() : "value " + i.path() + " : "
                    + i.valueName() + " " + data(i.before()) + " -> " + data(i.after())) + " @"
                    + (i.lastWritten() < 0 ? "-" : FileTime.iso(i.lastWritten())));
        }
        return out;
    }

    static String data(LogHistory.Data d) {
        return d == null ? "-" : DecodedValue.decode(d.typeCode(), d.bytes()).render(d.bytes());
    }

    static String at(int minutes) {
        return FileTime.iso(FileTime.fromInstant(T0.plusSeconds(60L * minutes)));
    }

    @Test
    void everyStateOfAValueChangedByFourEntriesInSequenceOrder() {
        LogBuilder.NewLog log = log();
        History h = history(log.bytes());
        assertEquals(4, h.states());
        assertEquals(List.of(
                "1 CHANGED key \\Software\\Vendor @" + at(1),
                "2 CHANGED key \\Software\\Vendor @" + at(2),
                "3 CHANGED key \\Software\\Vendor @" + at(3),
                "4 CHANGED key \\Software\\Vendor @" + at(4),
                "1 CHANGED value \\Software\\Vendor : Counter 1 (0x1) -> 2 (0x2) @" + at(1),
                "2 CHANGED value \\Software\\Vendor : Counter 2 (0x2) -> 3 (0x3) @" + at(2),
                "3 CHANGED value \\Software\\Vendor : Counter 3 (0x3) -> 4 (0x4) @" + at(3),
                "2 ADDED value \\Software\\Vendor : Note - -> written at state two @" + at(2),
                "3 DELETED value \\Software\\Vendor : Note written at state two -> - @" + at(3),
                "4 ADDED key \\Software\\Vendor\\Sub @" + FileTime.iso(HiveBuilder.DEFAULT_TIME)), lines(h));
        Item first = h.items().get(0);
        assertEquals("last written " + at(0) + " -> " + at(1), first.detail());
        assertEquals(FileTime.fromInstant(T0), first.lastWrittenBefore());
        assertEquals(-1, h.items().get(h.items().size() - 1).lastWrittenBefore(), "an added key had no time before");
        assertEquals(List.of(
                new Entry("H.LOG1", "new", 512, 10, "ok", true, "applied", 1, 2, ""),
                new Entry("H.LOG1", "new", log.offsets().get(1), 11, "ok", true, "applied", 2, 3, ""),
                new Entry("H.LOG1", "new", log.offsets().get(2), 12, "ok", true, "applied", 3, 3, ""),
                new Entry("H.LOG1", "new", log.offsets().get(3), 13, "ok", true, "applied", 4, 2, "")),
                h.entries(), "the log ends with its last entry: no stopping entry");
        assertEquals(List.of(), h.damage());
        assertEquals(List.of(), h.notes());
        assertNull(h.stopped());
        assertEquals(4, h.itemsTouched());
    }

    @Test
    void eachStateIsTheImageTheReplayWouldGiveIfItStoppedThereAndTheReplayIsUnchanged() {
        byte[] log = log().bytes();
        List<LogInput> in = List.of(new LogInput("H.LOG1", Slot.LOG1, ByteBuffer.wrap(log)));
        List<byte[]> states = new ArrayList<>();
        Recovery with = HiveRecovery.recover("H", ByteBuffer.wrap(primary()), in,
                (l, e, state) -> states.add(state.get()));
        Recovery without = HiveRecovery.recover("H", ByteBuffer.wrap(primary()), in);
        assertEquals(without.ledger(), with.ledger(), "the ledger does not depend on who watches");
        assertArrayEquals(without.image(), with.image(), "nor does the recovered image");
        assertEquals(4, states.size());
        for (int k = 1; k <= 4; k++) {
            ReplaySyntheticTest.assertRecovered(S[k], states.get(k - 1), 9 + k);
        }
        assertArrayEquals(with.image(), states.get(3), "the last state is the replayed hive, byte for byte");
    }

    @Test
    void anEntryThatFailsItsHashIsNotAppliedAndTheHistorySaysSo() {
        LogBuilder.NewLog log = log();
        byte[] bytes = log.bytes();
        int third = log.offsets().get(2);
        bytes[third + 40 + 8 * LogBuilder.dirtyPages(S[2], S[3]).size() + 100] ^= 1; // entry 12's page data
        History h = history(bytes);
        assertEquals(2, h.states(), "entries 10 and 11 only");
        assertEquals(List.of(
                "1 CHANGED key \\Software\\Vendor @" + at(1),
                "2 CHANGED key \\Software\\Vendor @" + at(2),
                "1 CHANGED value \\Software\\Vendor : Counter 1 (0x1) -> 2 (0x2) @" + at(1),
                "2 CHANGED value \\Software\\Vendor : Counter 2 (0x2) -> 3 (0x3) @" + at(2),
                "2 ADDED value \\Software\\Vendor : Note - -> written at state two @" + at(2)), lines(h));
        Entry bad = h.entries().get(2);
        assertEquals(third, bad.logOffset());
        assertEquals(12, bad.sequence());
        assertEquals(false, bad.applied());
        assertEquals("stopped: bad Hash-1", bad.reason());
        assertTrue(bad.hash().startsWith("bad Hash-1 (stored 0x"), bad.hash());
        assertEquals(0, bad.state());
        assertEquals(-1, bad.changes());
        Entry after = h.entries().get(3);
        assertEquals(13, after.sequence());
        assertEquals("not applied: found after the point where replay stopped (remnant or unreachable entry)",
                after.reason());
    }

    @Test
    void anOldFormatLogHasOneStateAndSaysSo() {
        byte[][] pair = FuzzSeeds.replays().get(1);
        History h = LogHistory.of("H", ByteBuffer.wrap(pair[0]), List.of(new LogInput("H.LOG", Slot.LOG,
                ByteBuffer.wrap(pair[1]))), null, Budget.of(pair[0].length, pair[1].length));
        assertEquals(1, h.states());
        assertEquals(1, h.entries().size());
        Entry e = h.entries().get(0);
        assertEquals("old", e.format());
        assertEquals(LogHistory.OLD_FORMAT_NOTE, e.note());
        assertEquals(4, e.changes());
        assertEquals(List.of("key \\Added", "key \\Added\\ByTheLog", "value \\Added\\ByTheLog : n",
                "value \\Added\\ByTheLog : v"), h.items().stream().map(i -> (i.isKey() ? "key " + i.path()
                : "value " + i.path() + " : " + i.valueName())).toList());
        assertTrue(h.items().stream().allMatch(i -> i.change() == LogHistory.Change.ADDED && i.state() == 1));
    }

    @Test
    void aCleanHiveHasNoHistory() {
        byte[] log = log().bytes();
        History h = history(S[0], log, null, Budget.of(S[0].length, log.length));
        assertEquals(ReplayLedger.Outcome.CLEAN, h.ledger().outcome());
        assertEquals(0, h.states());
        assertEquals(List.of(), h.entries());
        assertEquals(List.of(), h.items());
    }

    @Test
    void aPathLimitsTheHistoryToThatSubtreeAsItStandsAtEachState() {
        byte[] log = log().bytes();
        Budget b = Budget.of(S[0].length, log.length);
        History sub = history(primary(), log, "Software\\Vendor\\Sub", b);
        assertTrue(sub.pathFound(), "Sub exists from state 4 on");
        assertEquals(List.of("4 ADDED key \\Software\\Vendor\\Sub @" + FileTime.iso(HiveBuilder.DEFAULT_TIME)),
                lines(sub));
        assertEquals(List.of(0L, 0L, 0L, 1L), sub.entries().subList(0, 4).stream().map(Entry::changes).toList());
        History vendor = history(primary(), log, "HKLM\\SOFTWARE\\Vendor", b);
        assertEquals(List.of(), lines(vendor), "HKLM\\SOFTWARE names the hive's root, which has no Vendor");
        assertTrue(!vendor.pathFound());
        History system = history(primary(), log, "System", b);
        assertTrue(system.pathFound());
        assertEquals(List.of(), lines(system), "nothing under \\System changes");
        History software = history(primary(), log, "software", b);
        assertEquals(lines(history(log)), lines(software), "everything that changes is under \\Software");
    }

    @Test
    void aStateThatCannotBeReadIsDamageAndTheNextReadableOneIsComparedWithTheLastReadable() {
        // entry 11 writes zeros over the first page (the root key's bin); entry 12 writes it back with state 3
        LogBuilder.NewLog log = new LogBuilder.NewLog(S[0], 10);
        log.entry(S[1], 10, LogBuilder.dirtyPages(S[0], S[1]), 0);
        log.entry(null, 11, LogBuilder.binsSize(S[1]), List.of(new long[] {0, 4096}), 0);
        List<long[]> back = new ArrayList<>(LogBuilder.dirtyPages(S[1], S[3]));
        if (back.get(0)[0] != 0) {
            back.add(0, new long[] {0, 4096});
        }
        log.entry(S[3], 12, back, 0);
        History h = history(log.bytes());
        assertEquals(3, h.states());
        assertEquals(1, h.damage().size(), h.damage().toString());
        assertTrue(h.damage().get(0).startsWith("state 2 (sequence 11, H.LOG1 @0x"), h.damage().get(0));
        assertTrue(h.damage().get(0).endsWith("; its changes appear at the next readable state"), h.damage().get(0));
        assertEquals(List.of(
                "1 CHANGED key \\Software\\Vendor @" + at(1),
                "3 CHANGED key \\Software\\Vendor @" + at(3),
                "1 CHANGED value \\Software\\Vendor : Counter 1 (0x1) -> 2 (0x2) @" + at(1),
                "3 CHANGED value \\Software\\Vendor : Counter 2 (0x2) -> 4 (0x4) @" + at(3)), lines(h));
    }

    @Test
    void thousandsOfEntriesCostABoundedHistoryAndTheStopIsReported() {
        byte[] one = vendor(1, false, false, 0);
        byte[] two = vendor(2, false, false, 0);
        List<long[]> pages = LogBuilder.dirtyPages(one, two);
        assertEquals(1, pages.size());
        assertEquals(8192, one.length, "a hive of one bin");
        LogBuilder.NewLog log = new LogBuilder.NewLog(one, 10);
        int n = 2000;
        for (int i = 0; i < n; i++) {
            log.entry(i % 2 == 0 ? two : one, 10 + i, pages, 0);
        }
        byte[] bytes = log.bytes();
        History h = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> history(ReplaySyntheticTest.dirty(one,
                11, 10), bytes, null, Budget.of(one.length, bytes.length)));
        assertEquals(n, h.states(), "every entry is applied by the replay");
        int compared = Budget.STATES;
        assertEquals(compared, h.items().size(), "one change per state compared");
        assertEquals("the history stops before state " + (compared + 1) + " (sequence " + (10 + compared)
                + ", H.LOG1 @0x" + Integer.toHexString(log.offsets().get(compared)).toUpperCase() + "): its work "
                + "budget (256 states of the hive's size) is spent; the states from there on are not compared (hive "
                + "diff --replayed shows the last one)", h.stopped());
        assertEquals(1L, h.entries().get(compared - 1).changes());
        assertEquals(-1L, h.entries().get(compared).changes());
        assertEquals(compared + 1, h.entries().get(compared).state());
    }

    @Test
    void changesThatWouldHoldMoreThanTheBudgetStopTheHistoryAtThatState() {
        byte[] log = log().bytes();
        // room for the changes of states 1 and 2 (5 changes of about 200 bytes) but not those of state 3
        History h = history(primary(), log, null, new Budget(Long.MAX_VALUE, 1200));
        assertEquals(List.of(1, 1, 2, 2, 2), h.items().stream().map(Item::state).sorted().toList());
        assertTrue(h.stopped().startsWith("the history stops at state 3 (sequence 12, H.LOG1 @0x"), h.stopped());
        assertEquals(-1, h.entries().get(2).changes());
        assertEquals(-1, h.entries().get(3).changes(), "not compared after the stop");
    }

    @Test
    void aFailedRecoveryIsTheReadersRecoveryFailed() {
        byte[] log = log().bytes();
        log[0] = 'x'; // no "regf": not a usable log, and the primary is dirty
        RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> history(log));
        assertEquals(RecoveryFailed.Stage.REPLAY, e.stage());
        assertTrue(e.getMessage().contains("no usable transaction log"), e.getMessage());
    }
}
