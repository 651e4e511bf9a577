package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.fuzz.CommandContract;
import org.patchlens.testing.Corpus;

/**
 * Every hive of class corrupt or crafted in the corpus MANIFEST.tsv through every hive command:
 * exit 0 or 1 with a damage count on stderr, or 2 with exactly one line; never a stack trace
 * (the checks are {@link CommandContract}'s).
 */
class CraftedCorpusCommandsTest {
    @TempDir
    static Path tmp;

    static List<Path> hostileHives() throws IOException {
        Path root = Corpus.root().orElseThrow();
        List<Path> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("MANIFEST.tsv"))) {
            String[] f = line.split("\t");
            if (f.length > 4 && f[3].equals("hive") && (f[4].equals("corrupt") || f[4].equals("crafted"))) {
                out.add(root.resolve(f[0]));
            }
        }
        return out;
    }

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
            new String[] {"hive", "artifacts", "$A", "-o", "$O"},
            new String[] {"hive", "artifacts", "$A", "--format", "csv", "-o", "$O"},
            new String[] {"hive", "artifacts", "$A", "--format", "text", "--plugin", "services"},
            new String[] {"hive", "artifacts", "$A", "--hive-type", "SYSTEM", "--format", "text"},
            new String[] {"hive", "search", "$A", "--data", "(.*a){3}b|[0-9a-f]{8}", "--deleted", "-o", "$O"},
            new String[] {"hive", "search", "$A", "--literal", "Services", "--format", "csv"},
            new String[] {"hive", "timeline", "$A", "-o", "$O"},
            new String[] {"hive", "timeline", "$A", "--format", "csv", "-o", "$O"},
            new String[] {"hive", "timeline", "$A", "--format", "jsonl", "-o", "$O"},
            new String[] {"hive", "export-reg", "$A", "-o", "$O"},
            new String[] {"hive", "diff", "$A", "$B"},
            new String[] {"hive", "diff", "$A", "$B", "--format", "jsonl", "-o", "$O"},
            new String[] {"hive", "diff", "$A", "$B", "--format", "csv", "-o", "$O"},
            new String[] {"hive", "dump", "$A", "-o", "$X"},
            new String[] {"hive", "diff", "$A", "$B", "-o", "$X"});

    static String[] args(String[] template, Path a, Path b, Path o, String... extra) {
        List<String> out = new ArrayList<>();
        for (String t : template) {
            out.add(t.equals("$A") ? a.toString() : t.equals("$B") ? b.toString() : t.equals("$O") ? o.toString()
                    : t.equals("$X") ? o + ".xlsx" : t);
        }
        out.addAll(List.of(extra));
        return out.toArray(String[]::new);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileHiveThroughEveryCommand() throws IOException {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        List<Path> hives = hostileHives();
        assertTrue(hives.size() >= 10, "the manifest lists the crafted and corrupt hives: " + hives.size());
        Path witness = Corpus.root().get().resolve("hives/yarp/EmptyHive");
        return hives.stream().map(h -> DynamicTest.dynamicTest(Corpus.root().get().relativize(h).toString(), () -> {
            assertTrue(Files.isRegularFile(h), "listed in the manifest: " + h);
            int refused = 0;
            int reading = 0;
            int i = 0;
            for (String[] c : EVERY_COMMAND) {
                String[] args = args(c, h, witness, tmp.resolve("out-" + h.getFileName() + "-" + i++));
                CommandContract.Outcome r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> CommandContract.check(args));
                // info reports what others refuse (a failed log recovery), so it is not counted
                if (!c[1].equals("info")) {
                    refused += r.exit() == 2 ? 1 : 0;
                    reading++;
                }
            }
            // a refusal is about the file, so every command that reads the tree refuses it or none does
            assertTrue(refused == 0 || refused == reading, h + ": refused by " + refused + " of " + reading + " commands");
        }));
    }

    @TestFactory
    Stream<DynamicTest> swappedDiffArguments() throws IOException {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        Path witness = Corpus.root().get().resolve("hives/yarp/EmptyHive");
        return hostileHives().stream().map(h -> DynamicTest.dynamicTest(h.getFileName().toString(), () -> {
            CommandContract.Outcome r = CommandContract.check("hive", "diff", witness.toString(), h.toString());
            if (r.exit() == 2) {
                assertTrue(r.err().contains(h.toString()), "the refusal names the hostile file, not the other: " + r.err());
            }
        }));
    }
}
