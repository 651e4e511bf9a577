package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;

/**
 * testdata/demo is exactly what {@link DemoEvidence} builds (reproducible), and
 * {@code check --demo} finds its two planted problems and nothing else.
 * Regenerate after a builder change with {@code mvn test -Dtest=DemoEvidenceTest -Dpatchlens.writeDemo=true}.
 */
class DemoEvidenceTest {
    @Test
    void committedDemoEvidenceIsReproducible(@TempDir Path tmp) throws Exception {
        assertReproducible(DemoEvidence.FOLDER, DemoEvidence::write, tmp);
    }

    interface Writer {
        void write(Path dir) throws java.io.IOException;
    }

    /**
     * {@code folder} (committed) holds exactly what {@code writer} writes, file for file and byte for byte; with
     * -Dpatchlens.writeDemo=true it is first written again.
     */
    static void assertReproducible(Path folder, Writer writer, Path tmp) throws Exception {
        if (Boolean.getBoolean("patchlens.writeDemo")) {
            if (Files.exists(folder)) {
                try (Stream<Path> w = Files.walk(folder)) {
                    for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(folder);
            writer.write(folder);
        }
        writer.write(tmp);
        List<String> expected = files(tmp);
        assertEquals(expected, files(folder), "the file list of " + folder);
        for (String f : expected) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(f)), Files.readAllBytes(folder.resolve(f)),
                    folder.resolve(f) + " differs from what the builders write");
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void checkDemoFindsTheDriftAndTheIdentityProblem() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--demo"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code, out + err.toString());
        String text = out.toString();
        assertTrue(text.contains("Store will not start: 3 CRIT, 1 HIGH"), text);
        assertTrue(text.contains("CRIT CLU-08 FAIL"), text);
        assertTrue(text.contains("CRIT PRC-02 FAIL"), text);
        assertTrue(text.contains("`SET _CLUSTER_NETWORK_NAME_=EXVS01`"), text);
        StringWriter json = new StringWriter();
        Main.run(new String[] {"check", "--demo", "--format", "jsonl"}, new PrintWriter(json), new PrintWriter(err));
        TreeSet<String> failing = new TreeSet<>();
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : json.toString().split("\n")) {
            if (line.startsWith("{")) {
                var f = m.readTree(line);
                if (f.get("status").asText().equals("FAIL")) {
                    failing.add(f.get("rule").asText());
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("CLU-08", "PRC-02", "PRC-04")), failing);
    }
}
