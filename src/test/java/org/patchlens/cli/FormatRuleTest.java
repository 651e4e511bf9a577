package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.report.DeletedWriter;
import org.patchlens.report.DiffWriter;
import org.patchlens.report.FindingsWriter;
import org.patchlens.report.HiveDump;
import org.patchlens.report.TimelineWriter;
import org.patchlens.rules.Scenarios;

/**
 * Issue 13 section 4, the one format rule, command by command as a user types it: {@code --format} decides;
 * without it the {@code -o} name's extension; without either the command's default. A name the command cannot
 * write, or a {@code --format} that contradicts the name, is exit code 2 with one line, before anything is
 * written: the output folder is exactly as before (every name and every hash) and stdout is empty. With
 * {@code -o}, stdout gets a short text summary, never the output again.
 */
class FormatRuleTest {
    @TempDir
    static Path tmp;

    static Path hive;
    /** Keys and values of {@link #hive}, counted on the builder that made it. */
    static int keys;
    static int values;
    static Path changed;
    static Path dirty;
    static Path restore;
    static List<String> restoreOptions;

    /** Where outputs go: fresh for each test, with one file of a user's in it that must survive every run. */
    Path out;

    @BeforeAll
    static void evidence() throws IOException {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        var b = FuzzSeeds.sampler(5);
        hive = b.write(ev.resolve("SYSTEM"));
        keys = MachineOutputTest.keyPaths(b.root()).size();
        values = MachineOutputTest.valueCount(b.root());
        var c = FuzzSeeds.sampler(5);
        c.key("Select").dword("Current", 2);
        changed = c.write(ev.resolve("SYSTEM.changed"));
        byte[][] replay = FuzzSeeds.replays().get(0);
        Path dd = Files.createDirectories(tmp.resolve("dirty"));
        dirty = Files.write(dd.resolve("SYSTEM"), replay[0]);
        Files.write(dd.resolve("SYSTEM.LOG1"), replay[1]);
        restore = Files.createDirectories(tmp.resolve("restore"));
        restoreOptions = Scenarios.demo(restore);
    }

    @BeforeEach
    void outputFolder(org.junit.jupiter.api.TestInfo info) throws IOException {
        out = Files.createDirectories(tmp.resolve("out-" + info.getTestMethod().orElseThrow().getName()));
        Files.writeString(out.resolve("keep.txt"), "a file of the user's\n");
    }

    // ------------------------------------------------------------------ helpers

    /** Every file and folder below {@code dir}: relative name to "dir" or the SHA-256 of the content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Hashing.sha256(p));
            }
        }
        return m;
    }

    /** Runs a command that must be refused: exit 2, exactly {@code message} as the one stderr line, nothing else. */
    void refused(String message, String... args) throws IOException {
        Map<String, String> before = snapshot(tmp);
        CliRun r = CliRun.of(args);
        String cmd = String.join(" ", args);
        assertEquals(2, r.exit(), cmd + "\n" + r.err());
        assertEquals("patchlens: " + message + "\n", r.err(), cmd);
        assertEquals("", r.out(), cmd + ": stdout");
        assertEquals(before, snapshot(tmp), cmd + ": the file system changed");
    }

    String o(String name) {
        return out.resolve(name).toString();
    }

    List<String> check(String... more) {
        List<String> a = new ArrayList<>(List.of("check", restore.toString()));
        a.addAll(restoreOptions);
        a.addAll(List.of(more));
        return a;
    }

    static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    // ------------------------------------------------------------------ check

    @Test
    void checkWritesTheFormatTheNameSaysAndStdoutGetsTheTextSummary() throws IOException {
        CliRun text = run(check());
        CliRun jsonl = run(check("--format", "jsonl"));
        assertEquals(1, text.exit(), text.err());
        int findings = MachineOutputTest.jsonl(jsonl.out(), "check --format jsonl").size();
        for (String[] nameFormat : new String[][] {{"x.csv", "csv"}, {"x.jsonl", "jsonl"}, {"x.txt", "text"},
                {"X.CSV", "csv"}, {"notes", "text"}, {"agree.csv", "csv"}}) {
            List<String> args = nameFormat[0].equals("agree.csv") ? check("--format", "csv", "-o", o(nameFormat[0]))
                    : check("-o", o(nameFormat[0]));
            CliRun r = run(args);
            assertEquals(1, r.exit(), args + "\n" + r.err());
            assertEquals("", r.err(), args.toString());
            // stdout: the text summary it prints without -o, then where the full report is; never JSONL or CSV
            assertEquals(text.out() + "\nFull report: " + o(nameFormat[0]) + " (" + nameFormat[1] + ")\n", r.out(),
                    args.toString());
            String written = Files.readString(out.resolve(nameFormat[0]), StandardCharsets.UTF_8);
            switch (nameFormat[1]) {
                case "csv" -> assertEquals(findings, MachineOutputTest.csv(written, FindingsWriter.COLUMNS,
                        nameFormat[0]).size());
                case "jsonl" -> assertEquals(jsonl.out(), written);
                default -> assertEquals(text.out(), written, "the full text report (fewer than ten failures: the "
                        + "summary is all of it)");
            }
        }
        CliRun x = run(check("-o", o("report.xlsx")));
        assertEquals(1, x.exit(), x.err());
        assertTrue(x.out().endsWith("\nFull report: " + o("report.xlsx") + " (xlsx)\n"), x.out());
        byte[] zip = Files.readAllBytes(out.resolve("report.xlsx"));
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, java.util.Arrays.copyOf(zip, 4), "a workbook (zip)");
    }

    @Test
    void checkRefusesAFormatThatContradictsTheNameAndWritesNothing() throws IOException {
        refused(o("x.csv") + ": the name says csv but --format says jsonl; drop --format or make them agree",
                check("--format", "jsonl", "-o", o("x.csv")).toArray(String[]::new));
        // an existing file of that name is left as it was
        Files.writeString(out.resolve("old.csv"), "an older report\n");
        refused(o("old.csv") + ": the name says csv but --format says jsonl; drop --format or make them agree",
                check("--format", "jsonl", "-o", o("old.csv")).toArray(String[]::new));
        refused(o("x.md") + ": check does not write .md files (it writes text, jsonl, csv or xlsx: .txt .jsonl .csv "
                + ".xlsx)", check("-o", o("x.md")).toArray(String[]::new));
        refused(o("x.reg") + ": check does not write .reg files (it writes text, jsonl, csv or xlsx: .txt .jsonl .csv "
                + ".xlsx)", check("-o", o("x.reg")).toArray(String[]::new));
        refused("check: xlsx is written to a file: give -o NAME.xlsx", check("--format", "xlsx")
                .toArray(String[]::new));
        refused("check: xlsx is written to a file: give -o NAME.xlsx", "check", "--demo", "--format", "xlsx");
        refused("check: --format md is not a format it writes (text, jsonl, csv or xlsx)", "check", "--demo",
                "--format", "md");
    }

    // ------------------------------------------------------------------ hive dump

    @Test
    void hiveDumpWritesWhatTheNameSays() throws IOException {
        String h = hive.toString();
        String counts = h + ": " + keys + " keys, " + values + " values written to ";
        String[][] cases = {
            {"a.csv", "csv", null},
            {"a.txt", "text", null},
            {"l.txt", "listing", "listing"},
            {"a.jsonl", "jsonl", null},
            {"out", "jsonl", null},
            {"b.csv", "csv", "csv"},
            {"b.jsonl", "jsonl", "JSONL"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("hive", "dump", h, "-o", o(c[0])));
            if (c[2] != null) {
                args.addAll(List.of("--format", c[2]));
            }
            CliRun r = run(args);
            assertEquals(0, r.exit(), args + "\n" + r.err());
            assertEquals("", r.err(), args.toString());
            assertEquals(counts + o(c[0]) + " (" + c[1] + ")\n", r.out(), args.toString());
            String written = Files.readString(out.resolve(c[0]), StandardCharsets.UTF_8);
            // the file holds exactly what stdout holds in that format
            assertEquals(CliRun.of("hive", "dump", h, "--format", c[1]).out(), written, args.toString());
            switch (c[1]) {
                case "csv" -> MachineOutputTest.csv(written, HiveDump.CSV_HEADER, c[0]);
                case "jsonl" -> assertEquals(keys, MachineOutputTest.jsonl(written, c[0]).size());
                case "listing" -> assertArrayEquals(new long[] {keys, values}, MachineOutputTest.listing(written, c[0]));
                default -> assertTrue(written.startsWith("\\  [2001-06-15T12:00:00.0000000Z]\n"), written);
            }
        }
    }

    @Test
    void hiveDumpRefusesNamesItCannotWrite() throws IOException {
        String h = hive.toString();
        refused(o("a.json") + ": hive dump does not write .json files (it writes jsonl, csv, text, listing or xlsx: "
                + ".jsonl .csv .txt .xlsx)", "hive", "dump", h, "-o", o("a.json"));
        refused(o("a.reg") + ": hive dump does not write .reg files (it writes jsonl, csv, text, listing or xlsx: "
                + ".jsonl .csv .txt .xlsx)", "hive", "dump", h, "-o", o("a.reg"));
        refused(o("a.csv") + ": the name says csv but --format says text; drop --format or make them agree",
                "hive", "dump", h, "--format", "text", "-o", o("a.csv"));
        refused(o("a.csv") + ": the name says csv but --format says listing; drop --format or make them agree",
                "hive", "dump", h, "--format", "listing", "-o", o("a.csv"));
        refused(o("a.jsonl") + ": the name says jsonl but --format says xlsx; drop --format or make them agree",
                "hive", "dump", h, "--format", "xlsx", "-o", o("a.jsonl"));
        refused("hive dump: xlsx is written to a file: give -o NAME.xlsx", "hive", "dump", h, "--format", "xlsx");
        // several hives: -o names a folder, so a report's name is refused instead of becoming a folder of that name
        String c = changed.toString();
        refused(o("all.csv") + ": with several FILEs -o names a folder (one output per hive), not a .csv file; choose "
                + "the format with --format", "hive", "dump", h, c, "-o", o("all.csv"));
        refused(o("all.xlsx") + ": with several FILEs -o names a folder (one output per hive), not a .xlsx file (a "
                + "workbook holds one hive); choose the format with --format", "hive", "dump", h, c, "-o", o("all.xlsx"));
        // a folder of the user's that happens to have such a name is a folder
        Files.createDirectories(out.resolve("dumps.csv"));
        CliRun batch = CliRun.of("hive", "dump", h, c, "-o", o("dumps.csv"), "--format", "csv");
        assertEquals(0, batch.exit(), batch.err());
        assertEquals("2 of 2 hives dumped into " + o("dumps.csv") + " (csv)\n", batch.out());
        // a batch's rows start with their source (docs/hive-formats.md, "Trees of hives")
        List<String> sourced = new java.util.ArrayList<>(HiveDump.CSV_HEADER);
        sourced.add(0, "source");
        MachineOutputTest.csv(Files.readString(out.resolve("dumps.csv").resolve("SYSTEM.csv")), sourced, "batch csv");
        refused("hive dump: --format json is not a format it writes (jsonl, csv, text, listing or xlsx)",
                "hive", "dump", h, "--format", "json");
    }

    @Test
    void anEmptyNameOrFormatIsSaidToBeEmpty() throws IOException {
        String h = hive.toString();
        refused("-o names no file (the name is empty)", "hive", "dump", h, "-o", "");
        refused("-o names no file (the name is empty)", "hive", "timeline", h, "-o", "");
        refused("-o names no file (the name is empty)", "hive", "replay", dirty.toString(), "-o", "");
        refused("-o names no file (the name is empty)", check("-o", "").toArray(String[]::new));
        refused("hive dump: --format '' is not a format it writes (jsonl, csv, text, listing or xlsx)",
                "hive", "dump", h, "--format", "");
        refused("check: --format ' ' is not a format it writes (text, jsonl, csv or xlsx)", "check", "--demo",
                "--format", " ");
    }

    // ------------------------------------------------------------------ the other hive commands

    @Test
    void hiveTimelineDeletedDiffAndExportRegWriteWhatTheNameSays() throws IOException {
        String h = hive.toString();
        CliRun t = run(List.of("hive", "timeline", h, "-o", o("t.csv")));
        assertEquals(0, t.exit(), t.err());
        assertEquals(keys + " keys written to " + o("t.csv") + " (csv)\n", t.out());
        assertEquals(keys, MachineOutputTest.csv(Files.readString(out.resolve("t.csv")), TimelineWriter.CSV_HEADER,
                "t.csv").size());
        CliRun tj = run(List.of("hive", "timeline", h, "-o", o("t.jsonl")));
        assertEquals(keys + " keys written to " + o("t.jsonl") + " (jsonl)\n", tj.out());
        assertEquals(keys, MachineOutputTest.jsonl(Files.readString(out.resolve("t.jsonl")), "t.jsonl").size());

        CliRun d = run(List.of("hive", "deleted", h, "-o", o("d.csv")));
        assertEquals(0, d.exit(), d.err());
        assertEquals("0 recovered records written to " + o("d.csv") + " (csv)\n", d.out());
        assertEquals(0, MachineOutputTest.csv(Files.readString(out.resolve("d.csv")), DeletedWriter.CSV_HEADER,
                "d.csv").size());

        CliRun x = run(List.of("hive", "diff", h, changed.toString(), "-o", o("diff.jsonl")));
        assertEquals(1, x.exit(), x.err());
        assertEquals("1 difference written to " + o("diff.jsonl") + " (jsonl)\n", x.out());
        List<JsonNode> rows = MachineOutputTest.jsonl(Files.readString(out.resolve("diff.jsonl")), "diff.jsonl");
        assertEquals("\\Select", rows.get(0).get("path").asText());
        CliRun xc = run(List.of("hive", "diff", h, changed.toString(), "-o", o("diff.csv")));
        assertEquals("1 difference written to " + o("diff.csv") + " (csv)\n", xc.out());
        assertEquals(1, MachineOutputTest.csv(Files.readString(out.resolve("diff.csv")), DiffWriter.COLUMNS,
                "diff.csv").size());

        CliRun reg = run(List.of("hive", "export-reg", h, "-o", o("x.reg")));
        assertEquals(0, reg.exit(), reg.err());
        assertEquals(h + ": " + keys + " keys, " + values + " values written to " + o("x.reg") + " (reg)\n", reg.out());
        String regText = new String(Files.readAllBytes(out.resolve("x.reg")), StandardCharsets.UTF_16LE);
        assertTrue(regText.startsWith("\uFEFFWindows Registry Editor Version 5.00\r\n"), regText.substring(0, 40));
    }

    @Test
    void theOtherHiveCommandsRefuseNamesTheyCannotWrite() throws IOException {
        String h = hive.toString();
        refused(o("t.xlsx") + ": hive timeline does not write .xlsx files (it writes text, csv, jsonl, bodyfile or "
                + "timesketch: .txt .csv .jsonl .body)", "hive", "timeline", h, "-o", o("t.xlsx"));
        refused(o("t.json") + ": hive timeline does not write .json files (it writes text, csv, jsonl, bodyfile or "
                + "timesketch: .txt .csv .jsonl .body)", "hive", "timeline", h, "-o", o("t.json"));
        refused(o("d.reg") + ": hive deleted does not write .reg files (it writes jsonl, csv or text: .jsonl .csv "
                + ".txt)", "hive", "deleted", h, "-o", o("d.reg"));
        refused(o("d.xlsx") + ": hive deleted does not write .xlsx files (it writes jsonl, csv or text: .jsonl .csv "
                + ".txt)", "hive", "deleted", h, "-o", o("d.xlsx"));
        refused(o("x.txt") + ": hive export-reg does not write .txt files (it writes reg: .reg)",
                "hive", "export-reg", h, "-o", o("x.txt"));
        refused(o("x.reg") + ": the name says reg but --format says csv; drop --format or make them agree",
                "hive", "diff", h, changed.toString(), "--format", "csv", "-o", o("x.reg"));
        refused("hive diff: xlsx is written to a file: give -o NAME.xlsx", "hive", "diff", h, changed.toString(),
                "--format", "xlsx");
        refused("hive timeline: --format xlsx is not a format it writes (text, csv, jsonl, bodyfile or timesketch)",
                "hive", "timeline", h, "--format", "xlsx");
    }

    @Test
    void hiveReplayWritesAHiveWhateverTheNameAndRefusesAReportName() throws IOException {
        String d = dirty.toString();
        for (String name : new String[] {"x.jsonl", "x.csv", "x.txt", "x.xlsx", "x.json", "x.reg"}) {
            refused(o(name) + ": hive replay -o writes a registry hive, not a " + name.substring(1) + " file (name it "
                    + "e.g. SYSTEM.recovered)", "hive", "replay", d, "-o", o(name));
        }
        refused("hive replay: --ledger-format csv is not a format it writes (text or jsonl)", "hive", "replay", d,
                "--ledger-format", "csv");
        // a name without a report extension gets the hive image
        CliRun r = run(List.of("hive", "replay", d, "-o", o("SYSTEM.recovered")));
        assertEquals(0, r.exit(), r.err());
        byte[] image = Files.readAllBytes(out.resolve("SYSTEM.recovered"));
        assertEquals("regf", new String(image, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(r.err().contains("patchlens: note: recovered hive written to " + o("SYSTEM.recovered") + " ("
                + image.length + " bytes)"), r.err());
        assertFalse(r.out().isEmpty(), "the ledger on stdout");
    }
}
