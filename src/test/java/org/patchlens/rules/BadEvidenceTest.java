package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged evidence still gives a report: the affected rules say FAIL or SKIPPED with the reason, the rest run. */
class BadEvidenceTest {
    @TempDir
    Path dir;

    @Test
    void corruptCheckpointHiveAndTruncatedDatabase() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        Path cpt = dir.resolve("Q/MSCS/" + RestoreScenario.IS + "/00000002.CPT");
        byte[] b = Files.readAllBytes(cpt);
        java.util.Arrays.fill(b, 0, 8, (byte) 0x5A); // no "regf" any more
        Files.write(cpt, b);
        Path db = dir.resolve("D/exchsrvr/MDBDATA/PRIV.EDB");
        Files.write(db, java.util.Arrays.copyOf(Files.readAllBytes(db), 1000));
        ScenarioRun r = ScenarioRun.of(s, dir);
        // write() rewrote the tree; damage it again after the scenario's own write
        Files.write(cpt, b);
        Files.write(db, java.util.Arrays.copyOf(Files.readAllBytes(db), 1000));
        r = rerun(s);
        assertTrue(r.failing().contains("IN-02"), r.dump());
        assertTrue(r.failures("IN-02").stream().anyMatch(f -> f.get("object").asText().endsWith("PRIV.EDB")), r.dump());
        assertTrue(r.failures("CLU-10").stream().anyMatch(f -> f.get("object").asText().endsWith("00000002.CPT")),
                r.dump());
        assertTrue(r.failing().contains("IN-07"), "the unusable checkpoint counts as missing: " + r.dump());
        // everything else still ran: the other checkpoints are compared and pass
        assertEquals("PASS", r.of("CLU-08").get(0).get("status").asText(), r.dump());
        assertEquals("PASS", r.of("REG-01").get(0).get("status").asText(), r.dump());
        assertEquals(1, r.exit());
    }

    @Test
    void aFileNamedByAnOptionThatIsNoEvidenceIsReported() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        Path junk = Files.createDirectories(dir.resolve("other")).resolve("priv-copy.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        s.option("--store", junk.toString());
        ScenarioRun r = rerun(s);
        // named by an option, not of that role: a usage error naming the file, the role and the content
        assertEquals(2, r.exit(), r.err());
        assertEquals(junk + ": given as --store (an ESE database, patch, checkpoint or log file) but it is not "
                + "evidence: no registry or ESE header (file is 10 bytes: too short for any ESE header (database pages "
                + "are at least 2048 bytes, logs and checkpoints 4096))\n", r.err().replace("patchlens: ", ""));
    }

    private ScenarioRun rerun(RestoreScenario s) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("check", dir.toString(), "--format", "jsonl"));
        args.addAll(s.options);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.patchlens.cli.Main.run(args.toArray(String[]::new), new java.io.PrintWriter(out),
                new java.io.PrintWriter(err));
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> f = new java.util.ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                f.add(m.readTree(line));
            }
        }
        return new ScenarioRun(code, f, err.toString());
    }
}
