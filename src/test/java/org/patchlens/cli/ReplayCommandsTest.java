package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.Hive;
import org.patchlens.testing.Corpus;

/** hive replay, the log options of every command, info, diff --replayed, on corpus hives and copies. */
class ReplayCommandsTest {
    private static Path hives;

    @BeforeAll
    static void corpus() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        hives = Corpus.root().get().resolve("hives");
    }

    private static String h(String rel) {
        return hives.resolve(rel).toString();
    }

    private static List<String> records(String oracleRel) throws Exception {
        return Corpus.read(Corpus.sibling(hives.resolve(oracleRel.replaceAll("\\.(replayed\\.)?oracle\\.txt$", "")),
                oracleRel.contains(".replayed.") ? ".replayed.oracle.txt" : ".oracle.txt").orElseThrow())
                .lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void replayPrintsTheLedger() {
        CliRun r = CliRun.of("hive", "replay", h("yarp/NewDirtyHive1/NewDirtyHive"));
        assertEquals(0, r.exit(), r.err());
        List<String> entries = r.out().lines().filter(l -> l.startsWith("  entry")).toList();
        assertEquals(List.of(
                "  entry   @0x200 seq 2 size 24064 bins 20480 hash ok pages 0x0+0x5000: applied",
                "  entry   @0x200 seq 3 size 7680 bins 20480 hash ok pages 0x0+0x1000: applied",
                "  entry   @0x2000 seq 4 size 24576 bins 20480 hash ok pages 0x0+0x5000: applied",
                "  entry   @0x8000 seq 5 size 8192 bins 20480 hash ok pages 0x0+0x1000: applied",
                "  entry   @0xA000 hash not checked: stopped: no HvLE signature (end of the log's entries)"), entries);
        assertTrue(r.out().contains("dirty:   yes: sequence numbers differ (primary 3, secondary 2)\n"), r.out());
        assertTrue(r.out().contains("recovered base block: from primary; sequence numbers 5/5; hive bins data size 20480"),
                r.out());
    }

    @Test
    void replayLedgerAsJsonl() throws Exception {
        CliRun r = CliRun.of("hive", "replay", h("yarp/OldDirtyHive/OldDirtyHive"), "--ledger-format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> recs = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            recs.add(m.readTree(line));
        }
        assertEquals(List.of("hive", "log", "entry", "log", "result"), recs.stream().map(j -> j.get("record").asText())
                .toList());
        assertTrue(recs.get(0).get("dirty").asBoolean());
        JsonNode entry = recs.get(2);
        assertEquals(1024, entry.get("logOffset").asLong());
        assertEquals(5, entry.get("sequence").asLong());
        assertTrue(entry.get("applied").asBoolean());
        long pages = 0;
        for (JsonNode t : entry.get("targets")) {
            pages += t.get("size").asLong();
        }
        assertEquals(64 * 512, pages);
        assertEquals("empty file", recs.get(3).get("verdict").asText());
        assertEquals("APPLIED", recs.get(4).get("outcome").asText());
    }

    @Test
    void recoveredImageIsWrittenAndReadBackByUsAndByHivexmlAndRegfinfo(@TempDir Path tmp) throws Exception {
        for (String rel : List.of("yarp/NewDirtyHive1/NewDirtyHive", "yarp/OldDirtyHive/OldDirtyHive",
                "yarp/BadBaseBlockHive/BadBaseBlockHive", "regipy/UsrClass.dat")) {
            Path out = tmp.resolve(Path.of(rel).getFileName() + ".recovered");
            byte[] before = Files.readAllBytes(hives.resolve(rel));
            CliRun r = CliRun.of("hive", "replay", h(rel), "-o", out.toString());
            assertEquals(0, r.exit(), rel + ": " + r.err());
            assertArrayEquals(before, Files.readAllBytes(hives.resolve(rel)), "evidence unchanged");
            try (Hive w = Hive.open(out)) {
                assertTrue(w.header().checksumValid());
                assertFalse(w.header().dirty());
                assertEquals(0, w.header().fileType());
            }
            CliRun dump = CliRun.of("hive", "dump", out.toString(), "--format", "listing");
            assertEquals(records(rel + ".replayed.oracle.txt"), dump.out().lines().toList(), rel);
            for (String tool : List.of("hivexml", "regfinfo")) {
                if (!onPath(tool)) {
                    continue;
                }
                Process p = new ProcessBuilder(tool, out.toString()).redirectErrorStream(true)
                        .redirectOutput(tmp.resolve(tool + ".out").toFile()).start();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), tool + " " + rel + ": " + Files.readString(tmp.resolve(tool + ".out")));
            }
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void replayNeverWritesOverTheEvidence(@TempDir Path tmp) throws Exception {
        CliRun over = CliRun.of("hive", "replay", h("yarp/NewDirtyHive1/NewDirtyHive"), "-o",
                h("yarp/NewDirtyHive1/NewDirtyHive.LOG1"));
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("refusing to write over an input file"), over.err());
        CliRun into = CliRun.of("hive", "replay", h("yarp/NewDirtyHive1/NewDirtyHive"), "-o",
                h("yarp/NewDirtyHive1/new.hive"));
        assertEquals(2, into.exit());
        assertFalse(Files.exists(hives.resolve("yarp/NewDirtyHive1/new.hive")));
        CliRun clean = CliRun.of("hive", "replay", h("dfwinreg/NTUSER.DAT"), "-o", tmp.resolve("x").toString());
        assertEquals(0, clean.exit(), "a clean hive has nothing to recover (the help says exit code 0): " + clean.err());
        assertTrue(clean.err().contains("clean hive, nothing to recover: " + tmp.resolve("x") + " not written"),
                clean.err());
        assertFalse(Files.exists(tmp.resolve("x")));
        assertEquals(2, CliRun.of("hive", "replay", h("yarp/NewDirtyHive1/NewDirtyHive"), "--no-logs").exit());
    }

    @Test
    void everyCommandReadsTheReplayedViewUnlessNoLogs() throws Exception {
        CliRun replayed = CliRun.of("hive", "dump", h("yarp/NewDirtyHive1/NewDirtyHive"), "--format", "listing");
        assertEquals(0, replayed.exit(), replayed.err());
        assertEquals(records("yarp/NewDirtyHive1/NewDirtyHive.replayed.oracle.txt"), replayed.out().lines().toList());
        assertTrue(replayed.err().contains("note: ") && replayed.err().contains("transaction logs applied in memory"),
                replayed.err());
        CliRun plain = CliRun.of("hive", "dump", h("yarp/NewDirtyHive1/NewDirtyHive"), "--format", "listing",
                "--no-logs");
        assertEquals(records("yarp/NewDirtyHive1/NewDirtyHive.oracle.txt"), plain.out().lines().toList());
        assertTrue(plain.err().contains("read as found, without transaction logs"), plain.err());
        for (String c : List.of("ls", "timeline")) {
            CliRun a = CliRun.of("hive", c, h("yarp/OldDirtyHive/OldDirtyHive"));
            CliRun b = CliRun.of("hive", c, h("yarp/OldDirtyHive/OldDirtyHive"), "--no-logs");
            assertEquals(0, a.exit(), a.err());
            assertFalse(a.out().equals(b.out()), c + " shows the replayed hive");
        }
    }

    @Test
    void brokenLogsFailWithOneLineAndNoLogsStillReads() throws Exception {
        for (String rel : List.of("yarp/BadLogHive1/BadLogHive", "yarp/BadLogHive3/BadLogHive")) {
            CliRun r = CliRun.of("hive", "dump", h(rel), "--format", "listing");
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(": transaction log recovery failed: no usable transaction log: "), r.err());
            assertTrue(r.err().contains("(--no-logs reads the hive as found)"), r.err());
            CliRun plain = CliRun.of("hive", "dump", h(rel), "--format", "listing", "--no-logs");
            assertEquals(0, plain.exit(), plain.err());
            assertEquals(records(rel + ".oracle.txt"), plain.out().lines().toList());
            CliRun info = CliRun.of("hive", "info", h(rel));
            assertEquals(1, info.exit());
            assertTrue(info.out().contains("Transaction logs:     recovery FAILED: transaction log recovery failed"),
                    info.out());
            CliRun replay = CliRun.of("hive", "replay", h(rel));
            assertEquals(2, replay.exit());
            assertTrue(replay.out().contains("result:  FAILED: no usable transaction log"), replay.out());
        }
    }

    @Test
    void infoSaysDirtyAndWhichLogsWereApplied() throws Exception {
        CliRun r = CliRun.of("hive", "info", h("yarp/NewDirtyHive1/NewDirtyHive"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Dirty:                YES as found (sequence numbers differ (primary 3, secondary 2))"),
                r.out());
        assertTrue(r.out().contains("NewDirtyHive.LOG1 (LOG1, new format): applied"), r.out());
        assertTrue(r.out().contains("Replay:               APPLIED: applied 4 new-format log entries"), r.out());
        assertTrue(r.out().contains("Sequence numbers:     primary 5, secondary 5 (equal)"), r.out());
        CliRun clean = CliRun.of("hive", "info", h("dfwinreg/NTUSER.DAT"));
        assertTrue(clean.out().contains("Dirty:                no"), clean.out());
        assertTrue(clean.out().contains("not applied: the hive is clean (logs are replayed only into a dirty hive); "
                + "the log is older than the hive (sequence 131 < 132)"), clean.out());
        JsonNode j = new ObjectMapper().readTree(CliRun.of("hive", "info", "--format", "json",
                h("yarp/OldDirtyHive/OldDirtyHive")).out());
        assertTrue(j.get("dirty").asBoolean());
        assertEquals("APPLIED", j.get("replay").get("outcome").asText());
        assertTrue(j.get("replay").get("logs").get(0).get("applied").asBoolean());
    }

    @Test
    void diffReplayedShowsWhatTheLogsChange() {
        CliRun d = CliRun.of("hive", "diff", h("yarp/NewDirtyHive1/NewDirtyHive"), "--replayed");
        assertEquals(1, d.exit(), d.err());
        assertFalse(d.out().isEmpty());
        // the replayed view equals what Windows 10 itself recovered
        CliRun same = CliRun.of("hive", "diff", h("yarp/NewDirtyHive1/NewDirtyHive"),
                h("yarp/NewDirtyHive1/RecoveredHive_Windows10"));
        assertEquals(0, same.exit(), same.out() + same.err());
        CliRun old = CliRun.of("hive", "diff", h("yarp/OldDirtyHive/OldDirtyHive"),
                h("yarp/OldDirtyHive/RecoveredHive_Windows7"));
        assertEquals(0, old.exit(), old.out() + old.err());
        CliRun noOld = CliRun.of("hive", "diff", h("yarp/OldDirtyHive/OldDirtyHive"),
                h("yarp/OldDirtyHive/RecoveredHive_Windows7"), "--no-logs");
        assertEquals(1, noOld.exit());
        assertEquals(2, CliRun.of("hive", "diff", h("yarp/OldDirtyHive/OldDirtyHive")).exit());
    }

    @Test
    void explicitLogsAndCaseInsensitiveDiscovery(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("evidence"));
        Path hive = Files.copy(hives.resolve("yarp/NewDirtyHive1/NewDirtyHive"), dir.resolve("ntuser.dat"));
        CliRun none = CliRun.of("hive", "dump", hive.toString(), "--format", "listing");
        assertEquals(records("yarp/NewDirtyHive1/NewDirtyHive.oracle.txt"), none.out().lines().toList());
        assertTrue(none.err().contains("dirty hive"), none.err());
        CliRun noLogs = CliRun.of("hive", "replay", hive.toString());
        assertEquals(1, noLogs.exit());
        assertTrue(noLogs.out().contains("logs:    none\n") && noLogs.out().contains("result:  NO_LOGS: dirty hive and "
                + "no transaction log: read as found, data may be stale"), noLogs.out());
        try (var h = org.patchlens.hive.HiveOpener.openWithLogsBeside(hive, org.patchlens.hive.HiveOptions.DEFAULTS)) {
            assertTrue(h.replay().isEmpty());
        }
        Path a = Files.copy(hives.resolve("yarp/NewDirtyHive1/NewDirtyHive.LOG1"), tmp.resolve("first.bin"));
        Path b = Files.copy(hives.resolve("yarp/NewDirtyHive1/NewDirtyHive.LOG2"), tmp.resolve("second.bin"));
        CliRun named = CliRun.of("hive", "dump", hive.toString(), "--format", "listing", "--log", b.toString(),
                "--log", a.toString());
        assertEquals(records("yarp/NewDirtyHive1/NewDirtyHive.replayed.oracle.txt"), named.out().lines().toList());
        Files.copy(a, dir.resolve("NTUSER.DAT.log1"));
        Files.copy(b, dir.resolve("Ntuser.Dat.LOG2"));
        CliRun found = CliRun.of("hive", "dump", hive.toString(), "--format", "listing");
        assertEquals(named.out(), found.out());
        try (var h = org.patchlens.hive.HiveOpener.openWithLogsBeside(hive, org.patchlens.hive.HiveOptions.DEFAULTS)) {
            assertEquals(org.patchlens.hive.ReplayLedger.Outcome.APPLIED, h.replay().orElseThrow().outcome());
        }
        Files.copy(a, dir.resolve("ntuser.dat.LOG1.bak"));
        assertEquals(2, org.patchlens.hive.LogFiles.beside(hive).size(), "only FILE.LOG, .LOG1, .LOG2");
        assertEquals(2, CliRun.of("hive", "ls", hive.toString(), "--no-logs", "--log", a.toString()).exit());
        assertEquals(2, CliRun.of("hive", "ls", hive.toString(), "--log", tmp.resolve("nope").toString()).exit());
    }

    @Test
    void anotherHivesLogsAreNamedOnStderrAndReplayExitsOne(@TempDir Path tmp) throws Exception {
        String sam = org.patchlens.hive.ReplayCorpusTest.dirtySam(tmp).toString();
        String log1 = h("yarp/NewDirtyHive1/NewDirtyHive.LOG1");
        String log2 = h("yarp/NewDirtyHive1/NewDirtyHive.LOG2");
        String differs = "RmId 68bef321-011a-11e7-b258-e6983f8ab8a5, the hive's is 6cced2f4-6e01-11de-8bed-001e0bcd1824";
        List<String> notes = List.of(
                "patchlens: note: " + sam + ": " + log1 + ": its base block copy is another hive's (" + differs + "): "
                        + "applied all the same, as Windows would apply it (it checks a log's sequence numbers or "
                        + "timestamp, not whose it is)",
                "patchlens: note: " + sam + ": " + log2 + ": its base block copy is another hive's (" + differs + "): "
                        + "applied all the same, as Windows would apply it (it checks a log's sequence numbers or "
                        + "timestamp, not whose it is)");
        CliRun replay = CliRun.of("hive", "replay", sam, "--log", log1, "--log", log2);
        assertEquals(1, replay.exit(), "recovered as Windows would, but not as this hive: " + replay.err());
        assertEquals(notes, replay.err().lines().toList());
        assertEquals(2, replay.out().lines().filter(l -> l.equals("  ANOTHER HIVE'S: " + differs)).count(), replay.out());
        CliRun jsonl = CliRun.of("hive", "replay", sam, "--log", log1, "--log", log2, "--ledger-format", "jsonl");
        JsonNode log = new ObjectMapper().readTree(jsonl.out().lines().skip(1).findFirst().orElseThrow());
        assertEquals(differs, log.get("otherHive").asText());
        // every command reads the view Windows would give, and says which logs are another hive's
        CliRun ls = CliRun.of("hive", "ls", sam, "--log", log1, "--log", log2);
        assertEquals(0, ls.exit(), ls.err());
        assertEquals(notes, ls.err().lines().filter(l -> l.contains("another hive's")).toList());
        CliRun info = CliRun.of("hive", "info", sam, "--log", log1, "--log", log2);
        assertTrue(info.out().contains("NewDirtyHive.LOG1 (LOG1, new format): applied; ANOTHER HIVE'S: " + differs),
                info.out());
        // the hive's own logs say nothing of the kind
        CliRun own = CliRun.of("hive", "replay", h("yarp/NewDirtyHive1/NewDirtyHive"));
        assertEquals("", own.err());
        assertFalse(own.out().contains("ANOTHER HIVE'S"), own.out());
    }

    @Test
    void aLogThatIsTheHiveItselfIsSaidToBe(@TempDir Path tmp) throws Exception {
        String hive = h("yarp/NewDirtyHive1/NewDirtyHive");
        for (String c : List.of("replay", "history", "ls", "info")) {
            CliRun r = CliRun.of("hive", c, hive, "--log", hive);
            assertEquals(2, r.exit(), c + ": " + r.err());
            assertEquals("patchlens: " + hive + ": is the hive itself, not one of its transaction logs\n", r.err(), c);
        }
        Path copy = Files.copy(hives.resolve("regipy/SAM"), tmp.resolve("SAM"));
        Path other = tmp.resolve("x").resolve("..").resolve("SAM");
        Files.createDirectory(tmp.resolve("x"));
        CliRun clean = CliRun.of("hive", "ls", copy.toString(), "--log", other.toString());
        assertEquals(2, clean.exit(), clean.err());
        assertEquals("patchlens: " + other + ": is the hive itself (the same file as " + copy + "), not one of its "
                + "transaction logs\n", clean.err());
    }

    @Test
    void infoComparesSystemWithItsAltMirror(@TempDir Path tmp) {
        org.patchlens.hive.AlternateHiveTest.pair(tmp, "SYSTEM.ALT", 9, 3);
        CliRun r = CliRun.of("hive", "info", tmp.resolve("SYSTEM").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Alternate hive:       SYSTEM.ALT (sequence 9/9, last written 2001-06-15T12:00:00.0000000Z)"
                + " vs SYSTEM (sequence 7/7, last written 2001-06-15T12:00:00.0000000Z): the .ALT is newer (sequence 9 vs "
                + "7): the primary is stale; 2 differences in keys and values"), r.out());
    }

    @Test
    void helpOfReplayHasExamples() {
        CliRun r = CliRun.of("hive", "replay", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--ledger-format"), r.out());
        assertTrue(CliRun.of("hive", "dump", "--help").out().contains("--no-logs"));
    }
}
