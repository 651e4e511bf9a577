package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FuzzSeeds;

/**
 * {@code hive dump} parsed without picocli gives exactly what picocli gives: the same stdout,
 * stderr, exit code and output files; everything it does not take goes to picocli.
 */
class HiveDumpFastPathTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(boolean fast, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = fast ? Main.run(args, o, e) : Main.runWithPicocli(args, o, e);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sameResultsAsPicocli(@TempDir Path tmp) throws Exception {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        Path a = Files.write(ev.resolve("SYSTEM"), FuzzSeeds.sampler(5).toBytes());
        Path b = Files.write(ev.resolve("OTHER"), FuzzSeeds.sampler(3).toBytes());
        Path bad = Files.write(ev.resolve("BAD"), new byte[5000]);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        List<String[]> cases = new ArrayList<>();
        for (String f : new String[] {"jsonl", "csv", "text", "listing", "JSONL", "Csv"}) {
            cases.add(new String[] {"hive", "dump", a.toString(), "--format", f});
            cases.add(new String[] {"hive", "dump", "--format=" + f, a.toString()});
        }
        cases.add(new String[] {"hive", "dump", a.toString(), "--path", "ControlSet001\\Services"});
        cases.add(new String[] {"hive", "dump", a.toString(), "--path=Select", "--format", "text"});
        cases.add(new String[] {"hive", "dump", a.toString(), "--path", "no\\such\\key"});
        cases.add(new String[] {"hive", "dump", bad.toString()});
        cases.add(new String[] {"hive", "dump", tmp.resolve("missing").toString()});
        cases.add(new String[] {"hive", "dump", a.toString(), "-o", a.toString()});
        cases.add(new String[] {"hive", "dump", a.toString(), "-o", ev.resolve("x.jsonl").toString()});
        cases.add(new String[] {"hive", "dump", a.toString(), b.toString()});
        cases.add(new String[] {"hive", "dump", "--", a.toString()});
        List<String[]> writing = new ArrayList<>();
        writing.add(new String[] {"hive", "dump", a.toString(), "-o", "$OUT/one.jsonl"});
        writing.add(new String[] {"hive", "dump", a.toString(), "--output", "$OUT/two.csv", "--format", "csv"});
        writing.add(new String[] {"hive", "dump", a.toString(), b.toString(), bad.toString(), a.toString(), "-o", "$OUT/batch"});
        writing.add(new String[] {"hive", "dump", a.toString(), b.toString(), "-o", "$OUT/forced", "--force", "--format", "listing"});
        for (String[] c : cases) {
            Run fast = run(true, c);
            Run slow = run(false, c);
            assertEquals(slow, fast, String.join(" ", c));
        }
        int i = 0;
        for (String[] c : writing) {
            String[] f = replace(c, outDir.resolve("fast" + i).toString());
            String[] p = replace(c, outDir.resolve("slow" + i).toString());
            Files.createDirectories(outDir.resolve("fast" + i));
            Files.createDirectories(outDir.resolve("slow" + i));
            Run fast = run(true, f);
            Run slow = run(false, p);
            assertEquals(slow.exit(), fast.exit(), String.join(" ", c) + "\n" + fast.err() + "\n" + slow.err());
            assertEquals(slow.err().replace("slow" + i, "fast" + i), fast.err());
            assertEquals(tree(outDir.resolve("slow" + i)), tree(outDir.resolve("fast" + i)));
            i++;
        }
    }

    private static String[] replace(String[] c, String out) {
        String[] r = c.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = r[i].replace("$OUT", out);
        }
        return r;
    }

    private static List<String> tree(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                out.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + org.patchlens.evidence.Hashing.sha256(p) : ""));
            }
        }
        return out;
    }

    @Test
    void whatItDoesNotTakeGoesToPicocli() {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(sink);
        for (String[] c : List.of(new String[] {"hive", "dump", "--help"}, new String[] {"hive", "dump", "x", "--debug"},
                new String[] {"hive", "dump", "x", "--format", "xlsx"}, new String[] {"hive", "dump", "x", "-ox"},
                new String[] {"hive", "dump", "x", "--format"}, new String[] {"hive", "dump", "x", "--bogus"},
                new String[] {"hive", "dump"}, new String[] {"hive", "ls", "x"}, new String[] {"hive", "dump", "x", "-o", "-"},
                new String[] {"hive", "dump", "x", "@options"}, new String[] {"hive", "dump", "@files", "-o", "y"})) {
            assertNull(HiveDumpCommand.fastPath(c, w, w), String.join(" ", c));
        }
        assertEquals("", sink.toString(), "nothing printed on the way");
        assertNotNull(HiveDumpCommand.fastPath(new String[] {"hive", "dump", "/nonexistent"}, w, w));
        assertTrue(sink.toString().contains("no such file"), sink.toString());
        // a format it does not write: the output layer's one line, the same on both paths
        for (String[] c : List.of(new String[] {"hive", "dump", "x", "--format", "xml"},
                new String[] {"hive", "dump", "x", "-o", "x.json"})) {
            StringWriter fast = new StringWriter();
            StringWriter slow = new StringWriter();
            assertEquals(2, HiveDumpCommand.fastPath(c, new PrintWriter(fast), new PrintWriter(fast)));
            assertEquals(2, Main.runWithPicocli(c, new PrintWriter(slow), new PrintWriter(slow)));
            assertEquals(slow.toString(), fast.toString());
        }
    }

    @Test
    void aBatchWritesOneOutputPerHiveAndKeepsGoingPastABadOne(@TempDir Path tmp) throws Exception {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        Path a = Files.write(ev.resolve("SYSTEM"), FuzzSeeds.sampler(5).toBytes());
        Path sub = Files.createDirectories(ev.resolve("node2"));
        Path a2 = Files.write(sub.resolve("SYSTEM"), FuzzSeeds.sampler(4).toBytes());
        Path bad = Files.write(ev.resolve("BAD"), new byte[5000]);
        Path out = tmp.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", a.toString(), bad.toString(), a2.toString(), "-o", out.toString(),
                "--format", "listing");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("BAD"), r.err());
        assertEquals(CliRun.of("hive", "dump", a.toString(), "--format", "listing").out(),
                Files.readString(out.resolve("SYSTEM.txt")));
        assertEquals(CliRun.of("hive", "dump", a2.toString(), "--format", "listing").out(),
                Files.readString(out.resolve("SYSTEM.2.txt")));
        assertTrue(Files.notExists(out.resolve("BAD.txt")));
        CliRun noOut = CliRun.of("hive", "dump", a.toString(), a2.toString());
        assertEquals(2, noOut.exit());
        assertTrue(noOut.err().contains("need -o FOLDER"), noOut.err());
        CliRun intoEvidence = CliRun.of("hive", "dump", a.toString(), a2.toString(), "-o", ev.resolve("dumps").toString());
        assertEquals(2, intoEvidence.exit());
        assertTrue(intoEvidence.err().contains("--force"), intoEvidence.err());
        assertTrue(Files.notExists(ev.resolve("dumps")));
    }

    @Test
    void aBatchDumpedInParallelReportsEachHiveWholeAndInTheOrderGiven(@TempDir Path tmp) throws Exception {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        List<String> args = new ArrayList<>(List.of("hive", "dump"));
        StringBuilder expectedErr = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            byte[] bytes = FuzzSeeds.sampler(3 + i % 4).toBytes();
            if (i % 3 == 1) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length - 4096); // truncated: several damage lines
            } else if (i % 3 == 2) {
                bytes = new byte[5000 + i]; // not a hive: one line, exit 2
            }
            Path f = Files.write(ev.resolve("H" + i), bytes);
            args.add(f.toString());
            CliRun one = CliRun.of("hive", "dump", f.toString(), "-o", tmp.resolve("one-" + i + ".jsonl").toString());
            expectedErr.append(one.err());
        }
        assertTrue(expectedErr.toString().lines().count() > 24, "truncated hives report several lines each");
        Path out = tmp.resolve("dumps");
        args.addAll(List.of("-o", out.toString()));
        CliRun batch = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, batch.exit(), batch.err());
        // the messages of each hive are whole and in the order the FILEs were given, whatever finished first
        assertEquals(expectedErr.toString().replaceAll("one-\\d+\\.jsonl", ""), batch.err().replaceAll("one-\\d+\\.jsonl", ""));
        for (int i = 0; i < 24; i += 3) {
            // the batch's records are the single dump's, each starting with its source
            String source = "{\"source\":\"" + ev.resolve("H" + i).toString().replace("\\", "\\\\") + "\",";
            assertEquals(Files.readString(tmp.resolve("one-" + i + ".jsonl")).replace("{\"path\":", source + "\"path\":"),
                    Files.readString(out.resolve("H" + i + ".jsonl")));
        }
        for (int i = 2; i < 24; i += 3) {
            assertTrue(Files.notExists(out.resolve("H" + i + ".jsonl")));
        }
    }

    @Test
    void theProgressBarIsOffWithoutATerminalAndReadsWellWithOne() {
        StringWriter sink = new StringWriter();
        // tests run without a console: the bar must be NONE
        assertEquals(null, System.console());
        assertTrue(Progress.forTerminalBatch(new PrintWriter(sink), 50) == Progress.NONE);
        assertEquals("[###############...............]  50%  25 hives  3 s", Progress.line(25, 50, 25, "hives", 3));
        assertEquals("[..............................]   0%  0 keys  0 s", Progress.line(0, 0, 0, "keys", 0));
        assertEquals("[##############################] 100%  9 keys  1 s", Progress.line(99, 10, 9, "keys", 1));
        // stderr redirected to a file or a pipe draws nothing, even with a console
        assertTrue(Progress.isTerminalDevice("/dev/pts/3") && Progress.isTerminalDevice("/dev/tty1"));
        assertFalse(Progress.isTerminalDevice("/tmp/log.txt") || Progress.isTerminalDevice("pipe:[12345]")
                || Progress.isTerminalDevice("/dev/null"));
        // a tree: hives done of total, megabytes, the hive read next; a long name keeps its end, within 100 columns
        assertTrue(Progress.forTerminalTree(new PrintWriter(sink), 40, 80_000_000) == Progress.NONE);
        assertEquals("[########............] 12/40 hives  31.2/80.0 MB  5 s  Users/bob/NTUSER.DAT",
                Progress.treeLine(12, 40, 31_200_000, 80_000_000, "Users/bob/NTUSER.DAT", 5));
        String longName = "/evidence/" + "x".repeat(200) + "/Users/bob/NTUSER.DAT";
        String line = Progress.treeLine(1, 1000, 1, 429_000_000, longName, 0);
        assertEquals(100, line.length(), line);
        assertTrue(line.contains("  ...xxx") && line.endsWith("xxx/Users/bob/NTUSER.DAT"), line);
        assertEquals("[....................] 0/3 hives  0.0/0.0 MB  0 s  A\\u001b[2J",
                Progress.treeLine(0, 3, 0, 0, "A\u001b[2J", 0), "a name from the disk is escaped like any evidence text");
    }
}
