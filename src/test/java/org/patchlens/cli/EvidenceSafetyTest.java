package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.testing.Corpus;

/**
 * Evidence is never modified: every hive command, in every output format, leaves every input
 * byte-for-byte as it was (SHA-256 of the whole evidence folder before and after, and no file
 * added to it), and no command writes over an input or into the evidence folder without --force.
 */
class EvidenceSafetyTest {
    /** Every command line of the hive commands; $A and $B are inputs, $O an output outside the evidence. */
    static final List<String[]> EVERY_COMMAND = List.of(
            new String[] {"hive", "info", "$A"},
            new String[] {"hive", "info", "--format", "json", "$A"},
            new String[] {"hive", "ls", "$A"},
            new String[] {"hive", "ls", "$A", "ControlSet001\\Services"},
            new String[] {"hive", "get", "$A", "Select"},
            new String[] {"hive", "get", "$A", "Select", "Current", "--data"},
            new String[] {"hive", "get", "$A", "Select", "Current", "--hex"},
            new String[] {"hive", "dump", "$A", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "--format", "jsonl", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "--format", "csv", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "--format", "text", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "--format", "listing", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "--format", "listing"},
            new String[] {"hive", "dump", "$A", "--path", "ControlSet001", "--format", "csv"},
            new String[] {"hive", "timeline", "$A", "-o", "$O"},
            new String[] {"hive", "timeline", "$A", "--format", "csv", "-o", "$O"},
            new String[] {"hive", "timeline", "$A", "--format", "jsonl", "-o", "$O"},
            new String[] {"hive", "export-reg", "$A", "-o", "$O"},
            new String[] {"hive", "diff", "$A", "$B"},
            new String[] {"hive", "diff", "$A", "$B", "--format", "jsonl", "-o", "$O"},
            new String[] {"hive", "diff", "$A", "$B", "--format", "csv", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "-o", "$X"},
            new String[] {"hive", "diff", "$A", "$B", "-o", "$X"});

    /** The commands that write a workbook with -o NAME.xlsx ($X is the output with .xlsx appended). */
    static final List<String[]> WORKBOOK_WRITERS = List.of(
            new String[] {"hive", "dump", "$A", "-o", "$X"},
            new String[] {"hive", "diff", "$A", "$B", "-o", "$X"});

    /** The commands that write a file with -o. */
    static final List<String[]> WRITERS = List.of(
            new String[] {"hive", "dump", "$A", "-o", "$O"},
            new String[] {"hive", "timeline", "$A", "-o", "$O"},
            new String[] {"hive", "export-reg", "$A", "-o", "$O"},
            new String[] {"hive", "diff", "$A", "$B", "-o", "$O"});

    static String[] args(String[] template, Path a, Path b, Path o, String... extra) {
        List<String> out = new ArrayList<>();
        for (String t : template) {
            out.add(t.equals("$A") ? a.toString() : t.equals("$B") ? b.toString() : t.equals("$O") ? o.toString()
                    : t.equals("$X") ? o + ".xlsx" : t);
        }
        out.addAll(List.of(extra));
        return out.toArray(String[]::new);
    }

    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Hashing.sha256(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private static Path evidence(Path tmp) throws IOException {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        Files.write(ev.resolve("SYSTEM"), FuzzSeeds.sampler(5).toBytes());
        Files.write(ev.resolve("SYSTEM.old"), FuzzSeeds.sampler(3).toBytes());
        // a damaged copy: a value list offset that points nowhere
        HiveBuilder b = FuzzSeeds.sampler(5);
        HiveBuilder.Image img = b.build();
        img.putU4(b.key("Select").nkOffset(), 40, 0x7FFFFFF8L);
        Files.write(ev.resolve("DAMAGED"), img.bytes());
        return ev;
    }

    @Test
    void everyCommandLeavesEveryInputAsItWas(@TempDir Path tmp) throws IOException {
        Path ev = evidence(tmp);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Map<String, String> before = hashes(ev);
        int runs = 0;
        for (String[] pair : new String[][] {{"SYSTEM", "SYSTEM.old"}, {"DAMAGED", "SYSTEM"}}) {
            for (String[] c : EVERY_COMMAND) {
                Path o = outDir.resolve("out" + runs);
                CliRun r = CliRun.of(args(c, ev.resolve(pair[0]), ev.resolve(pair[1]), o));
                assertTrue(r.exit() == 0 || r.exit() == 1, String.join(" ", c) + ": " + r.err());
                runs++;
            }
        }
        assertEquals(before, hashes(ev), "inputs changed or files added to the evidence folder");
        assertEquals(2 * EVERY_COMMAND.size(), runs);
        try (Stream<Path> s = Files.list(outDir)) {
            assertTrue(s.count() > 10, "the outputs went where they were sent");
        }
    }

    @Test
    void corpusHivesAreUnchangedByEveryCommand(@TempDir Path tmp) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        Path hives = Corpus.root().get().resolve("hives");
        Path a = hives.resolve("regipy/SAM");
        Path b = hives.resolve("dfwinreg/SAM");
        Map<String, String> before = Map.of("a", Hashing.sha256(a), "b", Hashing.sha256(b));
        int i = 0;
        for (String[] c : EVERY_COMMAND) {
            CliRun r = CliRun.of(args(c, a, b, tmp.resolve("o" + i++)));
            assertTrue(r.exit() <= 1, String.join(" ", c) + ": " + r.err());
        }
        assertEquals(before, Map.of("a", Hashing.sha256(a), "b", Hashing.sha256(b)));
    }

    @Test
    void noWritingCommandWritesOverAnInputEvenWithForce(@TempDir Path tmp) throws IOException {
        Path ev = evidence(tmp);
        Map<String, String> before = hashes(ev);
        Path a = ev.resolve("SYSTEM");
        Path b = ev.resolve("SYSTEM.old");
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-input"), a);
        for (String[] c : WRITERS) {
            for (Path target : List.of(a, b, link, tmp.resolve("evidence/../evidence/SYSTEM"))) {
                if (target == b && !c[1].equals("diff")) {
                    continue;
                }
                for (String[] extra : new String[][] {{}, {"--force"}}) {
                    CliRun r = CliRun.of(args(c, a, b, target, extra));
                    assertEquals(2, r.exit(), c[1] + " -o " + target + " " + String.join(" ", extra) + ": " + r.err());
                    assertTrue(r.err().contains("refusing to write over an input file"), r.err());
                    assertEquals(1, r.err().lines().count(), r.err());
                }
            }
        }
        assertEquals(before, hashes(ev));
    }

    @Test
    void noWritingCommandWritesIntoTheEvidenceFolderWithoutForce(@TempDir Path tmp) throws IOException {
        Path ev = evidence(tmp);
        Path a = ev.resolve("SYSTEM");
        Path b = ev.resolve("SYSTEM.old");
        Path linkedDir = Files.createSymbolicLink(tmp.resolve("ev-link"), ev);
        Files.createDirectories(ev.resolve("sub"));
        Map<String, String> before = hashes(ev);
        int i = 0;
        List<String[]> all = new ArrayList<>(WRITERS);
        all.addAll(WORKBOOK_WRITERS);
        for (String[] c : all) {
            for (Path target : List.of(ev.resolve("out" + i), ev.resolve("sub/out" + i), linkedDir.resolve("out" + i))) {
                CliRun r = CliRun.of(args(c, a, b, target));
                assertEquals(2, r.exit(), c[1] + " -o " + target + ": " + r.err());
                assertTrue(r.err().contains("refusing to write into the evidence folder") && r.err().contains("--force"),
                        r.err());
                assertTrue(Files.notExists(target) && Files.notExists(Path.of(target + ".xlsx")), "nothing written: " + target);
            }
            i++;
        }
        assertEquals(before, hashes(ev));
        // a workbook over an input: the input is a hive whose name ends in .xlsx
        Path xlsxHive = Files.copy(a, Files.createDirectories(tmp.resolve("other")).resolve("evidence.xlsx"));
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            CliRun r = CliRun.of(args(new String[] {"hive", "dump", "$A", "-o", "$A"}, xlsxHive, b, xlsxHive, extra));
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("refusing to write over an input file"), r.err());
        }
        for (String[] c : WRITERS) {
            Path target = ev.resolve("forced-" + c[1]);
            CliRun r = CliRun.of(args(c, a, b, target, "--force"));
            assertTrue(r.exit() <= 1, c[1] + ": " + r.err());
            assertTrue(Files.size(target) > 0, target.toString());
            Files.delete(target);
        }
        assertEquals(before, hashes(ev), "--force wrote only the new file");
    }
}
