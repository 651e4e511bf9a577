package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.ReplayLedger.Outcome;
import org.patchlens.testing.Corpus;

/**
 * Every corpus hive with logs beside it, replayed, against its FILE.replayed.oracle.txt(.gz)
 * or FILE.replayed.oracle.err (contract: corpus/README.md).
 */
public class ReplayCorpusTest {

    @TestFactory
    List<DynamicTest> everyHiveWithLogsReplaysToItsOracle() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path hive : Corpus.hives()) {
            if (LogFiles.beside(hive).isEmpty()) {
                continue;
            }
            String name = Corpus.root().get().relativize(hive).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> check(hive)));
        }
        assertEquals(7, tests.size(), "corpus hives with logs beside them");
        return tests;
    }

    private static void check(Path file) throws Exception {
        List<Path> logs = LogFiles.beside(file);
        for (ReplayLedger.LogRecord r : HiveOpener.recover(file, logs).ledger().logs()) {
            assertEquals("", r.otherHive(), r.file() + " is the hive's own log");
        }
        Optional<Path> txt = Corpus.sibling(file, ".replayed.oracle.txt");
        Optional<Path> err = Corpus.sibling(file, ".replayed.oracle.err");
        byte[] before = Files.readAllBytes(file);
        if (txt.isPresent()) {
            String oracle = Corpus.read(txt.get());
            try (Hive h = HiveOpener.open(file, logs, HiveOptions.DEFAULTS)) {
                StringWriter out = new StringWriter();
                long[] counts = Listing.write(h, h.root(), out);
                List<String> expected = oracle.lines().filter(l -> l.startsWith("K\t") || l.startsWith("V\t")).toList();
                List<String> actual = out.toString().lines().toList();
                for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                    if (!expected.get(i).equals(actual.get(i))) {
                        fail(file + ": line " + (i + 1) + "\n expected: " + expected.get(i) + "\n   actual: " + actual.get(i));
                    }
                }
                assertEquals(expected.size(), actual.size(), "K/V lines");
                assertTrue(oracle.contains("# end: " + counts[0] + " keys, " + counts[1] + " values"));
                String first = oracle.lines().findFirst().orElseThrow();
                assertTrue(first.endsWith("hive version 1." + h.header().minorVersion()), first);
                assertTrue(h.damage().isEmpty(), h.damage().toString());
                ReplayLedger l = h.replay().orElseThrow();
                String second = oracle.lines().skip(1).findFirst().orElseThrow();
                if (second.contains("not dirty")) {
                    assertEquals(Outcome.CLEAN, l.outcome());
                } else {
                    assertEquals(Outcome.APPLIED, l.outcome(), l.result());
                    assertFalse(h.header().dirty(), "the recovered base block is clean");
                    for (ReplayLedger.LogRecord r : l.appliedLogs()) {
                        String base = Path.of(r.file()).getFileName().toString();
                        assertTrue(second.contains(base), second + " names " + base);
                        if (r.format().equals("new")) {
                            for (ReplayLedger.EntryRecord e : r.entries()) {
                                for (ReplayLedger.Target t : e.targets()) {
                                    assertTrue(t.offset() % 4096 == 0 && t.size() % 4096 == 0, t.toString());
                                    assertTrue(t.offset() + t.size() <= e.hiveBinsDataSize(), t.toString());
                                }
                            }
                        }
                    }
                }
            }
        } else if (err.isPresent()) {
            HiveRecovery.Recovery r = HiveOpener.recover(file, logs);
            assertEquals(Outcome.FAILED, r.ledger().outcome(), r.ledger().result());
            assertNull(r.image());
            RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(file, logs,
                    HiveOptions.DEFAULTS));
            assertEquals(RecoveryFailed.Stage.REPLAY, e.stage());
            assertEquals(r.ledger().result(), e.ledger().result());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString() + ": transaction log recovery failed: "), e.getMessage());
            try (Hive plain = Hive.open(file)) {
                assertTrue(plain.walk().iterator().hasNext());
            }
        } else {
            fail("no replayed oracle for " + file);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "evidence unchanged");
    }

    private static Path hive(String rel) {
        return Corpus.root().orElseThrow().resolve("hives").resolve(rel);
    }

    @Test
    void oldDirtyHiveLedger() {
        assumeTrue(Corpus.root().isPresent());
        Path f = hive("yarp/OldDirtyHive/OldDirtyHive");
        ReplayLedger l = HiveOpener.recover(f, LogFiles.beside(f)).ledger();
        assertTrue(l.dirty());
        assertEquals(List.of("sequence numbers differ (primary 5, secondary 4)"), l.dirtyReasons());
        assertEquals(Outcome.APPLIED, l.outcome());
        ReplayLedger.LogRecord log1 = l.logs().get(0);
        assertTrue(log1.file().endsWith("OldDirtyHive.LOG1"));
        assertEquals("old", log1.format());
        assertEquals("applied", log1.role());
        assertEquals(1, log1.entries().size());
        ReplayLedger.EntryRecord e = log1.entries().get(0);
        assertEquals(1024, e.logOffset());
        assertEquals(64 * 512, e.size());
        assertEquals(64 * 512, e.targets().stream().mapToLong(ReplayLedger.Target::size).sum());
        assertEquals(5, l.sequenceNumber());
        assertEquals(487424, l.hiveBinsDataSize());
        assertEquals("primary", l.baseBlockSource());
        ReplayLedger.LogRecord log2 = l.logs().get(1);
        assertEquals("empty file", log2.verdict());
    }

    /**
     * regipy's SAM with sequence numbers 3/2 (checksum recomputed), at {@code dir}/SAM: a dirty hive whose
     * secondary number NewDirtyHive's logs (2, then 3 to 5) pass, as an examiner pairing files by hand may meet.
     */
    public static Path dirtySam(Path dir) throws java.io.IOException {
        byte[] b = Files.readAllBytes(hive("regipy/SAM"));
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(4, 3);
        le.putInt(8, 2);
        le.putInt(508, (int) HiveHeader.checksum(le, 0));
        return Files.write(dir.resolve("SAM"), b);
    }

    @Test
    void anotherHivesLogsAreNamedInTheLedgerAndAppliedAsWindowsWould(@TempDir Path dir) throws Exception {
        assumeTrue(Corpus.root().isPresent());
        Path sam = dirtySam(dir);
        List<Path> logs = LogFiles.beside(hive("yarp/NewDirtyHive1/NewDirtyHive"));
        ReplayLedger l = HiveOpener.recover(sam, logs).ledger();
        // Windows checks a new-format log's sequence numbers only (regf-format.md 8.5): these pass
        assertEquals(Outcome.APPLIED, l.outcome(), l.result());
        assertEquals(2, l.appliedLogs().size());
        String differs = "RmId 68bef321-011a-11e7-b258-e6983f8ab8a5, the hive's is 6cced2f4-6e01-11de-8bed-001e0bcd1824";
        for (ReplayLedger.LogRecord r : l.logs()) {
            assertEquals(differs, r.otherHive(), r.file());
        }
        assertTrue(l.appliedAnotherHivesLog());
        assertEquals(List.of(logs.get(0) + ": its base block copy is another hive's (" + differs + "): applied all "
                + "the same, as Windows would apply it (it checks a log's sequence numbers or timestamp, not whose it "
                + "is)", logs.get(1) + ": its base block copy is another hive's (" + differs + "): applied all the "
                + "same, as Windows would apply it (it checks a log's sequence numbers or timestamp, not whose it is)"),
                l.otherHiveNotes());
        // beside the clean SAM they are not applied, and the note says why, not that the hive is stale
        ReplayLedger clean = HiveOpener.recover(hive("regipy/SAM"), logs).ledger();
        assertEquals(Outcome.CLEAN, clean.outcome());
        assertEquals(List.of(), clean.staleReasons());
        assertTrue(clean.otherHiveNotes().get(0).endsWith("): not applied: the hive is clean (logs are replayed only "
                + "into a dirty hive); the log is older than the hive (sequence 2 < 96)"), clean.otherHiveNotes().get(0));
    }

    @Test
    void badBaseBlockHiveTakesItsBaseBlockFromTheLog() throws Exception {
        assumeTrue(Corpus.root().isPresent());
        Path f = hive("yarp/BadBaseBlockHive/BadBaseBlockHive");
        assertThrows(HiveException.class, () -> Hive.open(f).root());
        HiveRecovery.Recovery r = HiveOpener.recover(f, LogFiles.beside(f));
        assertEquals(Outcome.APPLIED, r.ledger().outcome());
        assertTrue(r.ledger().baseBlockSource().endsWith("BadBaseBlockHive.LOG1"));
        ByteBuffer b = ByteBuffer.wrap(r.image()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(HiveHeader.checksum(b, 0), b.getInt(508) & 0xFFFFFFFFL);
        assertEquals(3, b.getInt(24), "minor version from the log's base block copy");
        assertEquals(0, b.getInt(28), "file type primary");
        assertEquals(b.getInt(4), b.getInt(8));
        assertEquals(4096 + 487424, r.image().length);
    }

    @Test
    void newDirtyHiveAppliesLog1ThenLog2AndEqualsWhatWindowsRecovered() throws Exception {
        assumeTrue(Corpus.root().isPresent());
        Path f = hive("yarp/NewDirtyHive1/NewDirtyHive");
        HiveRecovery.Recovery r = HiveOpener.recover(f, LogFiles.beside(f));
        ReplayLedger l = r.ledger();
        assertEquals(List.of("LOG1", "LOG2"), l.appliedLogs().stream().map(ReplayLedger.LogRecord::slot).toList());
        List<Long> seqs = new ArrayList<>();
        l.logs().forEach(x -> x.entries().stream().filter(ReplayLedger.EntryRecord::applied).forEach(e -> seqs.add(e.sequence())));
        assertEquals(List.of(2L, 3L, 4L, 5L), seqs);
        assertEquals(5, l.sequenceNumber());
        // the bins equal those of the hive Windows 10 recovered itself (regf-format.md 8.5)
        byte[] win = Files.readAllBytes(hive("yarp/NewDirtyHive1/RecoveredHive_Windows10"));
        assertTrue(java.util.Arrays.equals(r.image(), 4096, r.image().length, win, 4096, 4096 + 20480));
        // and swapping the logs on input changes nothing
        List<Path> logs = LogFiles.beside(f);
        HiveRecovery.Recovery swapped = HiveRecovery.recover("x", LogFiles.map(f), List.of(
                new HiveRecovery.LogInput("b", HiveRecovery.Slot.LOG1, LogFiles.map(logs.get(1))),
                new HiveRecovery.LogInput("a", HiveRecovery.Slot.LOG2, LogFiles.map(logs.get(0)))));
        assertTrue(java.util.Arrays.equals(r.image(), swapped.image()));
    }
}
