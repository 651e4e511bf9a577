package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.testing.Corpus;

/** {@code hive history}: its output, exit codes and output rules, on corpus hives and builder-made logs. */
class HistoryCommandTest {
    @TempDir
    Path tmp;

    static String corpus(String rel) {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        return Corpus.root().get().resolve("hives").resolve(rel).toString();
    }

    @Test
    void newDirtyHiveInText() {
        String h = corpus("yarp/NewDirtyHive1/NewDirtyHive");
        CliRun r = CliRun.of("hive", "history", h);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("states:  4 after the hive as found (state 0; state 4 is the replayed hive): 15 "
                + "changes to 12 keys and values\n"), r.out());
        assertTrue(r.out().contains("  state 3   seq 4          " + h + ".LOG2 @0x2000  hash ok: applied, 9 changes\n"),
                r.out());
        assertTrue(r.out().contains("  -                        " + h + ".LOG2 @0xA000  hash not checked: stopped: no "
                + "HvLE signature (end of the log's entries)\n"), r.out());
        assertTrue(r.out().contains("key   \\Key3\n"
                + "  state 2   seq 3          added  [key last written 2017-03-04T20:53:44.8468277Z]\n"
                + "  state 3   seq 4          changed: last written 2017-03-04T20:53:44.8468277Z -> "
                + "2017-03-04T20:54:09.9717052Z  [key last written 2017-03-04T20:54:09.9717052Z]\n"
                + "  state 4   seq 5          changed: last written 2017-03-04T20:54:09.9717052Z -> "
                + "2017-03-04T20:55:33.7530678Z  [key last written 2017-03-04T20:55:33.7530678Z]\n"), r.out());
        assertTrue(r.out().contains("value \\Key2 : v\n  state 3   seq 4          deleted  (was REG_SZ \"testTEST\")\n"),
                r.out());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void exitCodesOnTheCorpus() {
        CliRun old = CliRun.of("hive", "history", corpus("yarp/OldDirtyHive/OldDirtyHive"));
        assertEquals(0, old.exit(), old.err());
        assertTrue(old.out().contains("(old-format log: a single state (a DIRT log holds the dirty pages of one flush, "
                + "not the steps before it))"), old.out());
        // a clean hive: nothing to show
        CliRun clean = CliRun.of("hive", "history", corpus("dfwinreg/NTUSER.DAT"));
        assertEquals(0, clean.exit(), clean.err());
        assertTrue(clean.out().contains("states:  none: the hive is clean (logs are replayed only into a dirty hive)"),
                clean.out());
        assertTrue(clean.err().contains("clean hive: transaction logs are replayed only into a dirty hive, so there is "
                + "no history"), clean.err());
        // damage in an intermediate state: exit 1, said on stderr
        CliRun usr = CliRun.of("hive", "history", corpus("regipy/UsrClass.dat"), "--format", "jsonl");
        assertEquals(1, usr.exit(), usr.err());
        assertTrue(usr.err().contains(": 1 problem in the states of the history"), usr.err());
        // no usable log: recovery failed, one line, exit 2
        CliRun bad = CliRun.of("hive", "history", corpus("yarp/BadLogHive3/BadLogHive"));
        assertEquals(2, bad.exit(), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("transaction log recovery failed: no usable transaction log"), bad.err());
        assertEquals("", bad.out());
    }

    /** A dirty sampler and a log that adds a key whose name and value hold terminal escapes. */
    private Path crafted() throws IOException {
        byte[] before = FuzzSeeds.sampler(5).toBytes();
        HiveBuilder b = FuzzSeeds.sampler(5);
        b.key("Run\u001b[2J").sz("evil\u001b]0;title\u0007", "line one\nline two\u001b[31m");
        byte[][] pair = FuzzSeeds.dirtyWithLog(before, b.toBytes());
        Path dir = Files.createDirectories(tmp.resolve("evidence"));
        Path hive = Files.write(dir.resolve("NTUSER.DAT"), pair[0]);
        Files.write(dir.resolve("NTUSER.DAT.LOG1"), pair[1]);
        return hive;
    }

    @Test
    void aPathInAHistoryWithoutStatesIsLookedUpInTheHiveAsFound() throws IOException {
        // no entry applied, so state 0 (the hive as found) is the only state: the path is there, or not found
        Path ev = Files.createDirectories(tmp.resolve("ev"));
        HiveBuilder clean = HiveBuilder.v15();
        clean.key("Software\\Vendor");
        Path cleanHive = clean.write(ev.resolve("SOFTWARE"));
        for (String path : List.of("Software", "\\")) {
            CliRun r = CliRun.of("hive", "history", cleanHive.toString(), "--path", path);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("path:    " + path + "\n"), r.out());
            assertTrue(r.err().contains("clean hive: transaction logs are replayed only into a dirty hive"), r.err());
        }
        CliRun nope = CliRun.of("hive", "history", cleanHive.toString(), "--path", "Nope");
        assertEquals(1, nope.exit(), nope.err());
        assertTrue(nope.err().contains("key not found"), nope.err());
        // dirty without a log: the note says why there is no history, as without --path
        HiveBuilder dirty = HiveBuilder.v15().sequence(3, 2);
        dirty.key("Software\\Vendor");
        Path dirtyHive = dirty.write(Files.createDirectories(tmp.resolve("ev2")).resolve("SOFTWARE"));
        CliRun noLog = CliRun.of("hive", "history", dirtyHive.toString(), "--path", "Software");
        assertEquals(1, noLog.exit(), noLog.err());
        assertTrue(noLog.err().contains("no history: dirty hive and no transaction log"), noLog.err());
        assertFalse(noLog.err().contains("key not found"), noLog.err());
    }

    @Test
    void aCleanHiveThatCannotBeReadIsAnErrorNotAnEmptyHistory() throws IOException {
        // clean (equal sequence numbers, a valid checksum) but cut after its base block: its root is past the end
        byte[] whole = HiveBuilder.v15().toBytes();
        Path cut = Files.write(Files.createDirectories(tmp.resolve("ev")).resolve("SOFTWARE"),
                java.util.Arrays.copyOf(whole, 4096));
        CliRun dump = CliRun.of("hive", "dump", cut.toString());
        assertEquals(2, dump.exit(), dump.err());
        CliRun r = CliRun.of("hive", "history", cut.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(dump.err(), r.err(), "the reader's own line, as every command says it");
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void textFromTheEvidenceIsEscapedAndEachChangeIsOneLine() throws IOException {
        Path hive = crafted();
        CliRun r = CliRun.of("hive", "history", hive.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        assertTrue(r.out().contains("key   \\Run\\u001b[2J\n  state 1   seq 10         added"), r.out());
        assertTrue(r.out().contains("value \\Run\\u001b[2J : evil\\u001b]0;title\\u0007\n  state 1   seq 10         "
                + "added  REG_SZ \"line one\\nline two\\u001b[31m\""), r.out());
    }

    @Test
    void outputGoesThroughTheOutputLayer() throws IOException {
        Path hive = crafted();
        Path log = hive.resolveSibling("NTUSER.DAT.LOG1");
        byte[] hiveBytes = Files.readAllBytes(hive);
        byte[] logBytes = Files.readAllBytes(log);
        Path out = tmp.resolve("history.csv");
        CliRun r = CliRun.of("hive", "history", hive.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("1 state, 2 changes written to " + out + " (csv)\n", r.out());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("record,state,log,logOffset,sequence,hash,applied,reason,changes,note,"),
                lines.get(0));
        assertArrayEquals(hiveBytes, Files.readAllBytes(hive));
        assertArrayEquals(logBytes, Files.readAllBytes(log));
        // into the evidence folder: refused without --force; over the log: refused always
        CliRun into = CliRun.of("hive", "history", hive.toString(), "-o", hive.resolveSibling("h.jsonl").toString());
        assertEquals(2, into.exit(), into.err());
        CliRun over = CliRun.of("hive", "history", hive.toString(), "-o", log.toString(), "--force");
        assertEquals(2, over.exit(), over.err());
        assertArrayEquals(logBytes, Files.readAllBytes(log));
        CliRun xlsx = CliRun.of("hive", "history", hive.toString(), "-o", tmp.resolve("h.xlsx").toString());
        assertEquals(2, xlsx.exit(), xlsx.err());
        assertTrue(xlsx.err().contains("hive history does not write .xlsx files"), xlsx.err());
    }

    @Test
    void usageAndAKeyInNoState() throws IOException {
        Path hive = crafted();
        CliRun noLogs = CliRun.of("hive", "history", hive.toString(), "--no-logs");
        assertEquals(2, noLogs.exit());
        assertEquals("patchlens: history with --no-logs has nothing to do\n", noLogs.err());
        CliRun nope = CliRun.of("hive", "history", hive.toString(), "--path", "No\\Such\\Key");
        assertEquals(1, nope.exit(), nope.err());
        assertTrue(nope.err().contains("key not found in any state of the history: No\\Such\\Key"), nope.err());
        CliRun sub = CliRun.of("hive", "history", hive.toString(), "--path", "Select", "--format", "jsonl");
        assertEquals(0, sub.exit(), sub.err());
        assertEquals(2, sub.out().lines().count(), "the hive record and the entry; nothing under Select changes");
    }

    @Test
    void aFifoBesideTheHiveIsNamedNeverOpened() throws IOException {
        Path hive = crafted();
        InputKindsTest.fifo(hive.resolveSibling("NTUSER.DAT.LOG2"));
        CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> CliRun.of("hive", "history", hive.toString()));
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("NTUSER.DAT.LOG2") && r.err().contains("not a regular file (a FIFO)"), r.err());
    }
}
