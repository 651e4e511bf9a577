package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;

/**
 * File names and key names are evidence and may hold line breaks; every stderr message stays one line per
 * message (found by WorkbookFuzzTest#hiveWorkbooks: "key not found" for a hive named "line\nbreak" came out
 * as two lines).
 */
class LineBreakNamesTest {
    @TempDir
    Path dir;

    @Test
    void notFoundIsOneLine() throws Exception {
        Path hive = Files.write(Files.createDirectories(dir.resolve("ev")).resolve("line\nbreak\r"),
                FuzzSeeds.sampler(5).toBytes());
        for (String[] args : new String[][] {{"hive", "get", hive.toString(), "No\\Such"},
            {"hive", "dump", hive.toString(), "--path", "No\\Such"},
            {"hive", "dump", hive.toString(), "--path", "No\\Such", "-o", dir.resolve("out.xlsx").toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(1, r.exit(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("patchlens: " + dir.resolve("ev").resolve("line\\nbreak\\r") + ": key not found"),
                    r.err());
        }
    }

    @Test
    void damageCountAndRecordsAreOneLineEach() throws Exception {
        HiveBuilder b = FuzzSeeds.sampler(5);
        b.key("Line\nBreak").dword("x", 1);
        HiveBuilder.Image img = b.build();
        img.putU4(b.key("Line\nBreak").nkOffset(), 40, 0x7FFFFFF8L); // its value list points nowhere
        Path hive = Files.write(Files.createDirectories(dir.resolve("ev")).resolve("damaged\nhive"),
                img.fixChecksum().bytes());
        CliRun r = CliRun.of("hive", "ls", hive.toString(), "Line\nBreak");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().lines().findFirst().orElseThrow().matches("patchlens: .*damaged\\\\nhive: \\d+ problems? in the hive.*"),
                r.err());
        assertTrue(r.err().lines().skip(1).allMatch(l -> l.startsWith("  ")), "every record on its own line:\n" + r.err());
        assertTrue(r.err().contains("Line\\nBreak"), r.err());
    }

    /**
     * Other control characters are shown escaped too: a tab followed by "at " made a damage line look
     * like a stack-trace line (WorkbookFuzzTest crash-f25ec5ff...), and an escape sequence in a name
     * would be obeyed by the examiner's terminal.
     */
    @Test
    void tabsAndEscapeSequencesInNamesAreShownEscaped() throws Exception {
        Path hive = Files.write(Files.createDirectories(dir.resolve("ev")).resolve("a\tat b\u001b]0;x\u0007"),
                FuzzSeeds.sampler(5).toBytes());
        CliRun r = CliRun.of("hive", "get", hive.toString(), "No\\Such\u001b[2J");
        assertEquals(1, r.exit(), r.err());
        assertEquals("patchlens: " + dir.resolve("ev").resolve("a\\tat b\\u001b]0;x\\u0007")
                + ": key not found: No\\Such\\u001b[2J (no subkey \"No\" under the root key)", r.err().strip());
    }

    @Test
    void hiveInfoShowsTheFileNameEscaped() throws Exception {
        Path hive = Files.write(Files.createDirectories(dir.resolve("ev")).resolve("SOFT\u001b[2JWARE"),
                FuzzSeeds.sampler(5).toBytes());
        CliRun r = CliRun.of("hive", "info", hive.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("File:                 "
                + dir.resolve("ev").resolve("SOFT\\u001b[2JWARE"))), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1b), r.out());
    }
}
