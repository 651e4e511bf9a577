package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.LogHistory.Change;
import org.patchlens.hive.LogHistory.Entry;
import org.patchlens.hive.LogHistory.History;
import org.patchlens.hive.LogHistory.Item;
import org.patchlens.hive.ReplayLedger.Outcome;
import org.patchlens.testing.Corpus;

/**
 * The history of every corpus hive with logs beside it: the states and changes each one has (facts
 * read off the real bytes), and for every one the changes folded state by state come to exactly what
 * {@code hive diff --replayed} says the logs change from first to last.
 */
class LogHistoryCorpusTest {
    static Path hive(String rel) {
        Path p = Corpus.root().orElseThrow().resolve("hives").resolve(rel);
        assumeTrue(Files.exists(p), rel);
        return p;
    }

    static History history(String rel) {
        Path p = hive(rel);
        byte[] before = readAll(p);
        History h = LogHistory.of(p, LogFiles.beside(p), null);
        assertTrue(Arrays.equals(before, readAll(p)), "the hive is only read");
        return h;
    }

    static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Long> changesPerState(History h) {
        return h.entries().stream().filter(Entry::applied).map(Entry::changes).toList();
    }

    /** "state change object path[ : name]" per change, in the history's order. */
    static List<String> lines(History h) {
        return h.items().stream().map(i -> i.state() + " " + i.change() + " " + (i.isKey() ? "key " + i.path()
                : "value " + i.path() + " : " + i.valueName())).toList();
    }

    /**
     * The changes folded over the states, per key and value: existing before the first change and after the
     * last, and (for both) whether the time or data differ; as "kind object path : name" like a HiveDiff.
     */
    static TreeSet<String> folded(History h) {
        Map<String, List<Item>> byItem = new LinkedHashMap<>();
        for (Item i : h.items()) {
            byItem.computeIfAbsent((i.isKey() ? "key " + i.path() : "value " + i.path() + " : " + i.valueName()),
                    x -> new ArrayList<>()).add(i);
        }
        TreeSet<String> out = new TreeSet<>();
        byItem.forEach((id, states) -> {
            Item first = states.get(0);
            Item last = states.get(states.size() - 1);
            boolean before = first.change() != Change.ADDED;
            boolean after = last.change() != Change.DELETED;
            if (!before && after) {
                out.add("ADDED " + id);
            } else if (before && !after) {
                out.add("REMOVED " + id);
            } else if (before && (first.isKey() ? first.lastWrittenBefore() != last.lastWritten()
                    : first.before().typeCode() != last.after().typeCode()
                    || !Arrays.equals(first.before().bytes(), last.after().bytes()))) {
                out.add("CHANGED " + id);
            }
        });
        return out;
    }

    /** What hive diff --replayed lists: the hive as found against its replayed view. */
    static TreeSet<String> replayedDiff(String rel) {
        Path p = hive(rel);
        TreeSet<String> out = new TreeSet<>();
        try (Hive a = Hive.open(p); Hive b = HiveOpener.open(p, LogFiles.beside(p), HiveOptions.DEFAULTS)) {
            HiveDiff.compare(a.root(), b.root(), c -> {
                assertTrue(!c.detail().contains("class name"), "a class name change is not folded here: " + c);
                out.add(c.kind() + " " + (c.isKey() ? "key " + c.path() : "value " + c.path() + " : " + c.valueName()));
            });
        }
        return out;
    }

    @Test
    void newDirtyHiveHasFourStatesAndComesToWhatWindows10Recovered() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        History h = history("yarp/NewDirtyHive1/NewDirtyHive");
        assertEquals(4, h.states());
        assertEquals(List.of(0L, 4L, 9L, 2L), changesPerState(h), "entry 2 of LOG1 rewrites what the hive holds");
        assertEquals(List.of(
                "2 CHANGED key \\", "3 CHANGED key \\",
                "3 DELETED key \\Key1", "3 DELETED value \\Key1 : ",
                "3 DELETED key \\Key2", "3 DELETED value \\Key2 : v",
                "3 DELETED key \\Key2\\Key2_1", "3 DELETED key \\Key2\\Key2_2",
                "2 ADDED key \\Key3", "3 CHANGED key \\Key3", "4 CHANGED key \\Key3",
                "3 ADDED value \\Key3 : ",
                "2 ADDED key \\Key3\\Key3_1", "2 ADDED key \\Key3\\Key3_2", "4 ADDED key \\Key3\\Key3_3"), lines(h));
        assertEquals(List.of(), h.damage());
        assertNull(h.stopped());
        assertEquals(replayedDiff("yarp/NewDirtyHive1/NewDirtyHive"), folded(h));
        // and what the logs come to is what Windows 10 itself recovered
        Path p = hive("yarp/NewDirtyHive1/NewDirtyHive");
        TreeSet<String> windows = new TreeSet<>();
        try (Hive a = Hive.open(p); Hive b = Hive.open(p.resolveSibling("RecoveredHive_Windows10"))) {
            HiveDiff.compare(a.root(), b.root(), c -> windows.add(c.kind() + " " + (c.isKey() ? "key " + c.path()
                    : "value " + c.path() + " : " + c.valueName())));
        }
        assertEquals(windows, folded(h));
    }

    @Test
    void oldDirtyHiveHasOneStateAndSaysSo() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        History h = history("yarp/OldDirtyHive/OldDirtyHive");
        assertEquals(1, h.states());
        assertEquals(LogHistory.OLD_FORMAT_NOTE, h.entries().get(0).note());
        assertEquals(List.of(
                "1 CHANGED key \\key_with_many_subkeys",
                "1 DELETED key \\key_with_many_subkeys\\1",
                "1 CHANGED key \\key_with_many_subkeys\\4500",
                "1 ADDED value \\key_with_many_subkeys\\4500 : V",
                "1 CHANGED key \\key_with_many_subkeys\\5000",
                "1 ADDED key \\key_with_many_subkeys\\5000\\find_me_in_log"), lines(h));
        assertEquals(replayedDiff("yarp/OldDirtyHive/OldDirtyHive"), folded(h));
    }

    @Test
    void badBaseBlockHiveIsComparedFromItsBinsAsFoundUnderTheRebuiltBaseBlock() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        History h = history("yarp/BadBaseBlockHive/BadBaseBlockHive");
        assertEquals(1, h.notes().size(), h.notes().toString());
        assertTrue(h.notes().get(0).startsWith("the hive as found cannot be read (base block is unusable: checksum "
                + "mismatch (stored 0x4C564E49, computed 0x0CCBAC9F)"), h.notes().get(0));
        assertTrue(h.notes().get(0).endsWith("state 0 is its hive bins as found read with the base block the replay "
                + "rebuilds (inferred)"), h.notes().get(0));
        // the same hive as OldDirtyHive with its base block damaged: the same one state
        assertEquals(lines(history("yarp/OldDirtyHive/OldDirtyHive")), lines(h));
    }

    @Test
    void usrClassHasFourteenStatesAndOneTransientlyInconsistentState() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        History h = history("regipy/UsrClass.dat");
        assertEquals(14, h.states());
        assertEquals(List.of(1L, 0L, 6L, 5L, 14L, 31L, 11L, 69L, 10L, 14L, 101L, 38L, 4L, 9L), changesPerState(h));
        assertEquals(List.of(287L, 288L, 289L, 290L, 291L, 292L, 293L, 294L, 295L, 296L, 297L, 298L, 299L, 300L),
                h.entries().stream().filter(Entry::applied).map(Entry::sequence).toList());
        assertEquals(2, h.entries().stream().filter(e -> !e.applied()).count(), "the end of each log's entries");
        assertEquals(313, h.items().size());
        assertEquals(251, h.itemsTouched());
        // the root key: the hive as found holds a root page written after entry 287, which takes it back in time
        assertEquals(List.of("1 CHANGED key \\", "3 CHANGED key \\"), lines(h).subList(0, 2));
        Item root = h.items().get(0);
        assertEquals("last written 2018-04-06T07:24:28.3194280Z -> 2018-04-06T03:34:02.1121970Z", root.detail());
        assertEquals(h.items().get(0).lastWrittenBefore(), h.items().get(1).lastWritten());
        assertEquals(1, h.damage().size(), h.damage().toString());
        assertTrue(h.damage().get(0).startsWith("state 3: "), h.damage().get(0));
        assertTrue(h.damage().get(0).contains("(key \\Local Settings\\MrtCache): subkey at cell offset 0x1E89D0 "
                + "(file offset 0x1E99D0) is a free cell (not in state 14, the last compared: an intermediate state "
                + "can mix the hive as found with older log pages"), h.damage().get(0));
        assertEquals(replayedDiff("regipy/UsrClass.dat"), folded(h));
    }

    @Test
    void aCleanHiveAndHivesWithoutAUsableLog() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        History clean = history("dfwinreg/NTUSER.DAT");
        assertEquals(Outcome.CLEAN, clean.ledger().outcome());
        assertEquals(0, clean.states());
        assertEquals(List.of(), clean.items());
        for (String bad : List.of("yarp/BadLogHive1/BadLogHive", "yarp/BadLogHive3/BadLogHive")) {
            RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> history(bad));
            assertEquals(RecoveryFailed.Stage.REPLAY, e.stage(), bad);
            assertTrue(e.reason().startsWith("transaction log recovery failed: no usable transaction log: "),
                    e.reason());
        }
    }

    @Test
    void everyCorpusHiveWithLogsIsCovered() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        Path hives = Corpus.root().get().resolve("hives");
        List<String> withLogs = new ArrayList<>();
        for (Path p : Corpus.hives()) {
            if (!LogFiles.beside(p).isEmpty()) {
                withLogs.add(hives.relativize(p).toString());
            }
        }
        assertEquals(List.of("dfwinreg/NTUSER.DAT", "regipy/UsrClass.dat", "yarp/BadBaseBlockHive/BadBaseBlockHive",
                "yarp/BadLogHive1/BadLogHive", "yarp/BadLogHive3/BadLogHive", "yarp/NewDirtyHive1/NewDirtyHive",
                "yarp/OldDirtyHive/OldDirtyHive"), withLogs, "the hives the tests above name");
    }
}
