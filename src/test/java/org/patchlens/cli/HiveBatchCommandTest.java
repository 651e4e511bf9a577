package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/** {@code hive batch} as a careless user and an attacker run it: exit codes, one-line errors, the summary. */
class HiveBatchCommandTest {
    private static final String REB = "Description: t\nAuthor: a\nVersion: 1\nId: 1\nKeys:\n"
            + "    -\n        Description: Select\n        HiveType: SYSTEM\n        Category: c\n"
            + "        KeyPath: Select\n        Recursive: false\n"
            + "    -\n        Description: Gone\n        HiveType: SYSTEM\n        Category: c\n"
            + "        KeyPath: NotThere\n"
            + "    -\n        Description: User\n        HiveType: NTUSER\n        Category: c\n"
            + "        KeyPath: Software\n";

    private static Path system(Path dir, String name) {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        b.key("ControlSet001\\Control");
        b.key("Bad\nName\u001b[2J").dword("x", 1);
        return b.write(dir.resolve(name));
    }

    @Test
    void aRunWritesRecmdsCsvAndAccountsForEveryEntry(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
        Path hive = system(dir, "SYSTEM");
        Path reb = Files.writeString(dir.resolve("t.reb"), REB);
        Path out = elsewhere.resolve("out.csv");
        CliRun r = CliRun.of("hive", "batch", reb.toString(), hive.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("HivePath,HiveType,Description,"), csv);
        assertTrue(csv.contains(",System,Select,c,"), csv);
        assertTrue(r.err().contains("SYSTEM hive: 2 of 3 entries apply: 1 gave 1 rows, 1 not present in this hive "
                + "(lines 13)"), r.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path hive = system(dir, "SYSTEM");
        Path reb = Files.writeString(dir.resolve("t.reb"), REB.replace("KeyPath: NotThere", "KeyPth: NotThere"));
        CliRun bad = CliRun.of("hive", "batch", reb.toString(), hive.toString());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("t.reb: line 16: field KeyPth: RECmd has no such field in an entry"), bad.err());
        CliRun missing = CliRun.of("hive", "batch", dir.resolve("none.reb").toString(), hive.toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
        CliRun folder = CliRun.of("hive", "batch", dir.toString(), hive.toString());
        assertEquals(2, folder.exit());
        assertEquals(1, folder.err().lines().count(), folder.err());
        Path good = Files.writeString(dir.resolve("g.reb"), REB);
        CliRun intoEvidence = CliRun.of("hive", "batch", good.toString(), hive.toString(), "-o", good + ".csv");
        assertEquals(2, intoEvidence.exit(), intoEvidence.err());
        assertTrue(intoEvidence.err().contains("refusing to write into the evidence folder"), intoEvidence.err());
        CliRun overBatch = CliRun.of("hive", "batch", good.toString(), hive.toString(), "-o", good.toString(),
                "--format", "csv", "--force");
        assertEquals(2, overBatch.exit(), overBatch.err());
        assertEquals(REB, Files.readString(good), "the batch file is an input: never replaced");
        CliRun replace = CliRun.of("hive", "batch", good.toString(), hive.toString(), "-o", hive.toString(),
                "--format", "csv", "--force");
        assertEquals(2, replace.exit(), replace.err());
        CliRun noHive = CliRun.of("hive", "batch", good.toString());
        assertEquals(2, noHive.exit());
    }

    @Test
    void aHiveGivenAsTheBatchFileIsCalledNotUtf8Text(@TempDir Path dir) throws Exception {
        // the arguments swapped, or the hive named twice: the hive's bytes are not text
        Path hive = system(dir, "SYSTEM");
        CliRun r = CliRun.of("hive", "batch", hive.toString(), hive.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("patchlens: " + hive + ": not a RECmd batch file: not UTF-8 text\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aCraftedKeyNameIsEscapedOnStderrAndExactInTheJsonl(@TempDir Path dir) throws Exception {
        Path hive = system(dir, "SYS\nTEM");
        Path reb = Files.writeString(dir.resolve("t.reb"), REB.replace("KeyPath: Select", "KeyPath: 'Bad*'"));
        CliRun r = CliRun.of("hive", "batch", reb.toString(), hive.toString(), "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
        r.err().lines().forEach(l -> assertTrue(l.startsWith("patchlens: "), l));
        assertTrue(r.out().contains("\\nName\\u001B[2J"), r.out());
    }

    /** A folder without hives: one line and exit 2, as every hive command says it (the one folder walk). */
    @Test
    void aFolderWithoutHivesIsOneLineAsInTheOtherHiveCommands(@TempDir Path dir) throws Exception {
        Path reb = Files.writeString(dir.resolve("t.reb"), REB);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "not a hive");
        CliRun batch = CliRun.of("hive", "batch", reb.toString(), empty.toString());
        CliRun dump = CliRun.of("hive", "dump", empty.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, batch.exit(), batch.err());
        assertEquals("patchlens: " + empty + ": no hive found in this folder (hives are found by content; symbolic "
                + "links are not followed)", batch.err().strip());
        assertEquals(dump.err(), batch.err());
        assertEquals("", batch.out());
    }

    /**
     * A batch file repeating one entry a thousand times asks for 100 MB of rows from a 0.3 MB hive: the rows go to
     * the output as they are made, cut by the output budget, in a 64 MiB heap (they were all held until the hive
     * was done: OutOfMemoryError with its stack trace, exit 1, no output).
     */
    @Test
    void aBatchFileAskingForEndlessRowsIsCutByTheBudgetNotByMemory(@TempDir Path dir, @TempDir Path elsewhere)
            throws Exception {
        Path hive = bigValueHive(dir);
        Path batch = Files.writeString(dir.resolve("t.reb"), thousandEntries());
        Path out = elsewhere.resolve("out.csv");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "hive", "batch", batch.toString(),
                hive.toString(), "-o", out.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), err);
        assertFalse(err.contains("Exception") || err.contains("Error"), err);
        assertTrue(err.contains("patchlens: the inputs: output cut at ") && err.contains("the batch file " + batch
                + " asks for far more rows than the hives' size"), err);
        String csv = Files.readString(out);
        assertTrue(csv.endsWith("\r\n") || csv.endsWith("\n"), "ends on a whole row");
        long rows = csv.lines().count() - 1;
        assertTrue(rows > 100 && rows < 1000, "cut, not dropped: " + rows);
    }

    /** The same in a workbook: its cells hold at most the budget's characters, and what came before is saved. */
    @Test
    void aWorkbookOfEndlessRowsIsCutByTheBudgetToo(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
        Path hive = bigValueHive(dir);
        Path batch = Files.writeString(dir.resolve("t.reb"), thousandEntries());
        Path out = elsewhere.resolve("out.xlsx");
        CliRun r = CliRun.of("hive", "batch", batch.toString(), hive.toString(), "-o", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("patchlens: the inputs: output cut at ") && r.err().contains("the batch file "
                + batch + " asks for far more rows than the hives' size"), r.err());
        // the numbers the line names add up to the budget it names (it said "16 times the N-byte input plus 16 MiB",
        // 16 MiB short: the hives' size and 1 MiB are what is multiplied)
        long size = Files.size(hive);
        assertTrue(r.err().contains("output cut at " + (16 * (size + (1 << 20)) + (16 << 20)) + " bytes (16 times the "
                + size + "-byte input and 1 MiB, plus 16 MiB): "), r.err());
        assertTrue(Files.size(out) > 0);
        long rows = Long.parseLong(r.out().substring(0, r.out().indexOf(' ')));
        assertTrue(rows > 100 && rows < 1000, r.out());
    }

    /**
     * Entries that read the hive without writing a row are bounded by the keys they read: 20,000 entries over the
     * 2,000 services of a small hive with a ValueName found nowhere, recursive or by a wildcard, read 40 million
     * keys and wrote nothing (regipy's SYSTEM: over 5 minutes, no word); the run stops within 64 walks of the hive
     * with one line naming the batch file and the entry's line, the rows before written, exit 1.
     */
    @Test
    void entriesThatReadTheHiveOverAndOverWithoutRowsStopAtTheKeyBudget(@TempDir Path dir, @TempDir Path elsewhere)
            throws Exception {
        Path hive = servicesHive(dir, "SYSTEM");
        for (String keyPath : new String[] {"ControlSet001, Recursive: true", "'ControlSet001\\Services\\*'"}) {
            Path batch = Files.writeString(dir.resolve("t.reb"), costly(keyPath, 20_000));
            Path out = elsewhere.resolve("out.csv");
            CliRun r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.of("hive", "batch",
                    batch.toString(), hive.toString(), "-o", out.toString()));
            assertEquals(1, r.exit(), keyPath + ": " + r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("patchlens: " + batch + ": line ")
                    && l.contains(": the run on " + hive + " stopped at this entry: its entries up to this one read "
                    + "more than ") && l.endsWith("; this hive's rows before this entry are written")), r.err());
            assertFalse(r.err().contains("SYSTEM hive:"), "no summary of a hive not run to the end: " + r.err());
            assertEquals(2, Files.readAllLines(out).size(), "the header and the Select row: " + keyPath);
        }
    }

    /**
     * The key budget is each hive's own, and so is its breach: in a tree, the hive over which the batch file is costly
     * stops at the entry, its rows before it written, and the other hives are run (the breach ended the whole run, and
     * every hive after it gave no row). Exit 1, as for an output cut by its budget; in CSV and in a workbook.
     */
    @Test
    void aHiveOverItsKeyBudgetCostsOnlyItselfAndTheOtherHivesAreRun(@TempDir Path dir, @TempDir Path elsewhere)
            throws Exception {
        Path tree = Files.createDirectories(dir.resolve("evidence"));
        Path big = servicesHive(tree, "A-SYSTEM"); // first in the walk
        Path small = BatchFolder.small(tree, "B-SYSTEM", 2); // a few keys: the same entries cost it little
        Path batch = Files.writeString(dir.resolve("t.reb"), costly("ControlSet001, Recursive: true", 2_000));
        for (String name : new String[] {"out.csv", "out.xlsx"}) {
            Path out = elsewhere.resolve(name);
            CliRun r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.of("hive", "batch",
                    batch.toString(), tree.toString(), "-o", out.toString()));
            assertEquals(1, r.exit(), name + ": " + r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("patchlens: " + batch + ": line ")
                    && l.contains(": the run on " + big + " stopped at this entry: its entries up to this one read more "
                    + "than ") && l.contains(" keys (64 walks of the hive and 1048576); ")
                    && l.endsWith("; this hive's rows before this entry are written, the other hives are run")).count(),
                    r.err());
            assertTrue(r.err().contains("patchlens: note: " + small + ": SYSTEM hive: 2001 of 2001 entries apply: 1 "
                    + "gave 1 rows, 2000 not present in this hive"), r.err());
            assertFalse(r.err().contains(big + ": SYSTEM hive:"), "no summary of a hive not run to the end: " + r.err());
            assertTrue(r.out().startsWith("2 rows from 2 hives written to " + out + " ("), "each hive's Select row: "
                    + r.out());
        }
        List<String> csv = Files.readAllLines(elsewhere.resolve("out.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith(big + ",System,d,c,") && csv.get(2).startsWith(small + ",System,d,c,"),
                String.join("\n", csv));
    }

    /**
     * A batch file costly on every hive: each hive still gets its own budget and its own line (each hive is bounded,
     * so the run is bounded by the hives' size, and one hive cannot tell whether a later one is costly too), and the
     * rows of the entries before the costly one are written for every hive.
     */
    @Test
    void aBatchFileCostlyOnEveryHiveStopsEachHiveAtItsBudgetAndRunsThemAll(@TempDir Path dir, @TempDir Path elsewhere)
            throws Exception {
        Path tree = Files.createDirectories(dir.resolve("evidence"));
        List<Path> hives = List.of(servicesHive(tree, "A-SYSTEM"), servicesHive(tree, "B-SYSTEM"));
        Path batch = Files.writeString(dir.resolve("t.reb"), costly("ControlSet001, Recursive: true", 2_000));
        Path out = elsewhere.resolve("out.csv");
        CliRun r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.of("hive", "batch",
                batch.toString(), tree.toString(), "-o", out.toString()));
        assertEquals(1, r.exit(), r.err());
        for (Path hive : hives) {
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("patchlens: " + batch + ": line ")
                    && l.contains(": the run on " + hive + " stopped at this entry: ")).count(), r.err());
        }
        List<String> csv = Files.readAllLines(out);
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith(hives.get(0) + ",System,d,c,") && csv.get(2).startsWith(hives.get(1)
                + ",System,d,c,"), String.join("\n", csv));
        assertTrue(r.out().startsWith("2 rows from 2 hives written to " + out + " ("), r.out());
    }

    /** A SYSTEM hive of 2,000 services, each with one value. */
    private static Path servicesHive(Path dir, String name) {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        for (int i = 0; i < 2000; i++) {
            b.key("ControlSet001\\Services\\S" + i).dword("Start", 2);
        }
        return b.write(dir.resolve(name));
    }

    /** An entry for Select (one row), then {@code n} entries of {@code keyPath} with a ValueName found nowhere. */
    private static String costly(String keyPath, int n) {
        StringBuilder reb = new StringBuilder("Description: t\nAuthor: a\nVersion: 1\nId: 1\nKeys:\n"
                + "  - {Description: d, HiveType: SYSTEM, Category: c, KeyPath: Select}\n");
        for (int i = 0; i < n; i++) {
            reb.append("  - {Description: d, HiveType: SYSTEM, Category: c, KeyPath: ").append(keyPath)
                    .append(", ValueName: Nope").append(i).append("}\n");
        }
        return reb.toString();
    }

    private static Path bigValueHive(Path dir) {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        b.key("ControlSet001\\Control");
        b.key("Big").sz("v", "a".repeat(100_000));
        return b.write(dir.resolve("SYSTEM"));
    }

    /** One entry a thousand times: 1,000 rows of a 100 KB value. */
    private static String thousandEntries() {
        StringBuilder reb = new StringBuilder("Description: t\nAuthor: a\nVersion: 1\nId: 1\nKeys:\n");
        for (int i = 0; i < 1000; i++) {
            reb.append("  - {Description: d, HiveType: SYSTEM, Category: c, KeyPath: Big}\n");
        }
        return reb.toString();
    }
}
