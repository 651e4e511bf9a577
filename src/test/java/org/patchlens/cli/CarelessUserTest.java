package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;

/**
 * Issue 13 section 5, each bullet as a careless user hits it: a typo, the wrong file for an option, an output
 * folder that does not exist, the demo with the user's own facts, a clean hive given to replay, a backwards time
 * range. Every refusal is exit code 2 with one line on stderr, nothing on stdout and nothing on disk.
 *
 * <p>Covered elsewhere, not repeated here: {@code hive info DIR}, {@code ese header DIR} and
 * {@code ese header missing.edb} ({@link InputKindsTest#theCliMessagesForFoldersAndMissingFilesNameThePath});
 * {@code ese logs EMPTYDIR} saying there are no log files, without {@code <base>}
 * ({@link InputKindsTest#anEmptyLogFolderIsOneLineAndNoPlaceholders}); {@code hive dmp} naming dump
 * ({@link HelpTextTest#aMisspeltCommandOrOptionNamesTheOneMeant}); {@code help hive dump} printing dump's help
 * ({@link HelpTextTest#helpNamesAnyCommandAndDashVWorksEverywhere}, for every command).
 */
class CarelessUserTest {
    @TempDir
    static Path tmp;

    static Path system;
    static int systemKeys;
    static Path dirty;
    static Path deleted;
    static Path damaged;

    @BeforeAll
    static void evidence() throws IOException {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        HiveBuilder s = HiveBuilder.v13().fileName("\\SystemRoot\\System32\\Config\\SYSTEM");
        s.key("Select").dword("Current", 1).dword("Default", 1).dword("LastKnownGood", 1);
        s.key("ControlSet001\\Services\\MSExchangeIS").dword("Start", 2);
        system = s.write(ev.resolve("SYSTEM"));
        systemKeys = MachineOutputTest.keyPaths(s.root()).size();

        byte[][] replay = FuzzSeeds.replays().get(0);
        Path dd = Files.createDirectories(tmp.resolve("dirty"));
        dirty = Files.write(dd.resolve("SYSTEM"), replay[0]);
        Files.write(dd.resolve("SYSTEM.LOG1"), replay[1]);

        // a hive with one value deleted (its cells freed, the list shortened)
        HiveBuilder d = HiveBuilder.v15();
        HiveBuilder.K vendor = d.key("Software\\Vendor");
        vendor.sz("Keep", "still here").sz("Gone", "secret text");
        HiveBuilder.Image img = d.build();
        HiveBuilder.V gone = vendor.val("Gone");
        img.free(gone.vkOffset()).free(gone.dataOffset()).putU4(vendor.nkOffset(), 36, 1);
        deleted = img.write(ev.resolve("NTUSER.DAT"));

        HiveBuilder b = FuzzSeeds.sampler(5);
        HiveBuilder.Image di = b.build();
        di.putU4(b.key("Select").nkOffset(), 40, 0x7FFFFFF8L);
        damaged = di.write(ev.resolve("DAMAGED"));
    }

    /** Exit code 2, exactly this one line on stderr, nothing on stdout, and nothing changed below {@code tmp}. */
    static void refused(String line, String... args) throws IOException {
        Map<String, String> before = FormatRuleTest.snapshot(tmp);
        CliRun r = CliRun.of(args);
        String cmd = String.join(" ", args);
        assertEquals(2, r.exit(), cmd + "\n" + r.err());
        assertEquals(line + "\n", r.err(), cmd);
        assertEquals("", r.out(), cmd + ": stdout");
        assertEquals(before, FormatRuleTest.snapshot(tmp), cmd + ": the file system changed");
    }

    // ------------------------------------------------------------------ check: files given for the wrong role

    @Test
    void checkWithAMistypedHiveNameNamesTheFileAndTheOption() throws IOException {
        Path typo = tmp.resolve("evidence").resolve("SYSTM");
        refused("patchlens: " + typo + ": no such file (given as --system)", "check", "--system", typo.toString());
        refused("patchlens: " + typo + ": no such file (given as --cluster)", "check", "--cluster", typo.toString(),
                "--system", system.toString());
    }

    /**
     * One file given in two roles (--system X --cluster X, or under two spellings) was taken without a word: the
     * last role won, the first went unread. A file has one role: both are named, exit 2.
     */
    @Test
    void oneFileGivenInTwoRolesIsRefused() throws IOException {
        refused("patchlens: " + system + ": given as --system and as --cluster: a file has one role, not two; name "
                + "each file once, by the option of its role", "check", "--system", system.toString(), "--cluster",
                system.toString());
        Path other = system.getParent().resolve(".").resolve(system.getFileName());
        refused("patchlens: " + system + ": given as --system and (as " + other + ") as --checkpoint: a file has one "
                + "role, not two; name each file once, by the option of its role", "check", "--system",
                system.toString(), "--checkpoint", other.toString());
        // the same file twice in one role is read once, as before
        CliRun twice = CliRun.of("check", "--checkpoint", system.toString(), "--checkpoint", other.toString(),
                "--format", "jsonl");
        assertTrue(twice.exit() != 2, twice.err());
    }

    @Test
    void checkWithATextFileAsTheSystemHiveSaysWhatItIs() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "what I did on the night of the restore\n");
        refused("patchlens: " + notes + ": given as --system (a SYSTEM hive) but it is not evidence: no registry or "
                + "ESE header (text file is not an eseutil /mh, /mk or /ml dump (no known field labels))",
                "check", "--system", notes.toString());
    }

    @Test
    void checkWithTheSystemHiveAsTheClusterHiveSaysWhatItIs() throws IOException {
        refused("patchlens: " + system + ": given as --cluster (a cluster hive) but its content is a SYSTEM hive (keys "
                + "Select and ControlSetNNN)", "check", "--cluster", system.toString());
    }

    @Test
    void logNamedForSeveralHivesIsRefusedInOneWordingByEveryCommand() throws IOException {
        Path log = dirty.resolveSibling("SYSTEM.LOG1");
        String line = "patchlens: --log names the logs of one hive; with several hives the logs beside each are used";
        Path ev = system.getParent();
        refused(line, "hive", "dump", system.toString(), deleted.toString(), "--log", log.toString());
        // a folder: its hives (with the -o FOLDER a folder needs, which is checked first)
        refused(line, "hive", "dump", ev.toString(), "--log", log.toString(), "-o", tmp.resolve("out").toString());
        refused(line, "hive", "artifacts", system.toString(), deleted.toString(), "--log", log.toString());
    }

    // ------------------------------------------------------------------ -o in a folder that does not exist

    @Test
    void anOutputFolderThatDoesNotExistIsRefusedBeforeAnythingIsPrintedOrWritten() throws IOException {
        Path none = tmp.resolve("nofolder");
        String line = "patchlens: folder " + none + " does not exist";
        refused(line, "check", "--demo", "-o", none.resolve("x.xlsx").toString());
        refused(line, "check", "--demo", "-o", none.resolve("x.csv").toString());
        refused(line, "check", "--system", system.toString(), "-o", none.resolve("x.xlsx").toString());
        refused(line, "hive", "dump", system.toString(), "-o", none.resolve("x.xlsx").toString());
        refused(line, "hive", "dump", system.toString(), "-o", none.resolve("x.jsonl").toString());
        // replay writes a hive image: a hive's name in a missing folder
        refused(line, "hive", "replay", dirty.toString(), "-o", none.resolve("SYSTEM.recovered").toString());
        // a report's name is wrong for replay whatever the folder: the name is checked first, as for every command
        refused("patchlens: " + none.resolve("x.xlsx") + ": hive replay -o writes a registry hive, not a .xlsx file "
                + "(name it e.g. SYSTEM.recovered)", "hive", "replay", dirty.toString(), "-o",
                none.resolve("x.xlsx").toString());
    }

    // ------------------------------------------------------------------ names that are not valid UTF-8

    /** A copy of the SYSTEM hive named {@code bad<0xFF>x} in a folder of its own, made by the shell (Java cannot). */
    private static Path notUtf8Copy() throws Exception {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "UTF-8 file names");
        Path dir = Files.createDirectories(tmp.resolve("not-utf8"));
        Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/bad$(printf '\\377')x\"", "sh", system.toString(),
                dir.toString()).redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        return dir;
    }

    /**
     * A file whose name is not valid UTF-8 reaches Java as text with U+FFFD, which cannot be turned back into the
     * name's bytes: "no such file" for a file that is there would send the user looking for a typo. The one line
     * says why, and what works (a walk of its folder reads such names from the folder, so it finds the file).
     */
    @Test
    void aNameThatIsNotValidUtf8IsExplainedNotJustMissing() throws Exception {
        Path dir = notUtf8Copy();
        Path given = dir.resolve("bad\uFFFDx"); // what Java 17 makes of the argument's bytes
        String why = ": no such file: the name is not valid UTF-8 (shown with U+FFFD) and Java cannot open a file "
                + "by it (rename the file, or give its folder: walking a folder finds such files)";
        refused("patchlens: " + given + why, "hive", "ls", given.toString());
        refused("patchlens: " + given + why, "hive", "info", given.toString());
        refused("patchlens: " + given + why, "hive", "dump", given.toString(), "-o", tmp.resolve("x.jsonl").toString());
        refused("patchlens: " + given + why, "ese", "header", given.toString());
        // a folder named so
        Path folder = tmp.resolve("nofolder\uFFFD");
        refused("patchlens: " + folder + ": no such folder: the name is not valid UTF-8 (shown with U+FFFD) and Java "
                + "cannot open a file by it (rename the folder, or give the folder above it: walking a folder finds "
                + "such names)",
                "ese", "logs", folder.toString());
        // its folder: found, and read
        CliRun r = CliRun.of("hive", "info", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Source:               " + given + "\n"), r.out());
    }

    /**
     * An output name that is not valid UTF-8 would be written under another name (U+FFFD encoded as UTF-8) while
     * the command reports success: refused before anything is written, -o a file or a batch's folder, and --runbook.
     */
    @Test
    void anOutputNameThatIsNotValidUtf8IsRefused() throws IOException {
        Path file = tmp.resolve("o\uFFFDut.jsonl");
        String why = ": the name is not valid UTF-8 (shown with U+FFFD) and Java cannot create a file by it (it would "
                + "write one named with U+FFFD instead): give another name";
        refused("patchlens: " + file + why, "hive", "dump", system.toString(), "-o", file.toString());
        refused("patchlens: " + file + why, "hive", "timeline", system.toString(), "-o", file.toString());
        Path folder = tmp.resolve("dumps\uFFFD");
        refused("patchlens: " + folder + why, "hive", "dump", system.getParent().toString(), "-o", folder.toString());
        Path csv = tmp.resolve("runbook\uFFFD.csv");
        refused("patchlens: " + csv + why, "check", "--system", system.toString(), "--runbook", csv.toString());
    }

    /**
     * {@code -o .csv}, the extension alone, would have made a hidden file called .csv holding the default format
     * (a text report in a file called .xlsx): refused before anything is written, saying what to give instead.
     */
    @Test
    void checkOfALinkToAFolderSaysItIsALink() throws IOException {
        // the scanner follows no link: the folder was "empty of evidence", which it is not
        Path ev = system.getParent();
        Path link = Files.createSymbolicLink(tmp.resolve("evidence-link"), ev);
        String line = "patchlens: " + link + ": a symbolic link to a folder, not followed: give the folder itself ("
                + ev.toRealPath() + ")";
        try {
            refused(line, "check", link.toString());
            refused(line, "check", "--system", system.toString(), "--logs", link.toString());
            refused(line, "check", "--system", system.toString(), "--backup", link.toString());
        } finally {
            Files.delete(link);
        }
    }

    /**
     * A folder of symbolic links to the evidence (how many examiners arrange a case) gave "no evidence found in the
     * folder (no hive, ESE file or eseutil output)", as if it were empty; the line now says the links were not
     * followed, names them, and what to do instead.
     */
    @Test
    void checkOfAFolderOfLinksSaysTheyAreNotFollowed() throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("SYSTEM"), system);
        Files.createSymbolicLink(links.resolve("CLUSDB"), dirty);
        try {
            refused("patchlens: " + links + ": no evidence found in the folder (no hive, ESE file or eseutil output; "
                    + "see --help); 2 entries are a symbolic link, FIFO or device, never followed or opened (CLUSDB, "
                    + "SYSTEM): name their files by option (--system FILE, --cluster FILE, --store FILE ...) or copy "
                    + "them into the folder", "check", links.toString());
        } finally {
            Files.delete(links.resolve("SYSTEM"));
            Files.delete(links.resolve("CLUSDB"));
            Files.delete(links);
        }
    }

    /**
     * A link among the evidence of a folder that holds other evidence was passed over in silence: with the demo's
     * SYSTEM hive a link to it, IN-01 failed for want of a SYSTEM hive and nothing named the link. It is now a note on
     * stderr and an IN-02 WARN, as what a limit of the walk leaves out is, both saying how to give the file.
     */
    @Test
    void aLinkAmongOtherEvidenceIsSaidOnStderrAndInIn02(@TempDir Path own) throws IOException {
        Path demo = Path.of("testdata/demo");
        Path ev = own.resolve("evidence");
        try (var files = Files.walk(demo)) {
            for (Path p : files.toList()) {
                Files.copy(p, ev.resolve(demo.relativize(p).toString()));
            }
        }
        Path system = ev.resolve("NODE1/system32/config/SYSTEM");
        Files.createSymbolicLink(system, Files.move(system, own.resolve("SYSTEM")));
        CliRun r = CliRun.of("check", ev.toString(), "--format", "jsonl");
        assertEquals(1, r.exit(), r.err());
        String line = ev + ": 1 entry is a symbolic link, FIFO or device, never followed or opened (NODE1/system32/"
                + "config/SYSTEM): name its file by option (--system FILE, --cluster FILE, --store FILE ...) or copy it "
                + "into the folder";
        assertEquals("patchlens: note: " + line + "\n", r.err());
        List<JsonNode> in02 = MachineOutputTest.jsonl(r.out(), "check --format jsonl").stream()
                .filter(n -> n.get("rule").asText().equals("IN-02")).toList();
        assertEquals(1, in02.size(), in02.toString());
        assertEquals("WARN", in02.get(0).get("severity").asText(), in02.toString());
        assertEquals("NODE1/system32/config/SYSTEM", in02.get(0).get("object").asText(), in02.toString());
        assertEquals(line, in02.get(0).get("actual").asText(), in02.toString());
        // a link is not a limit of the walk: its own expectation and remedy, not "check the folder on its own"
        assertEquals("every entry of the folder a file", in02.get(0).get("expected").asText(), in02.toString());
        assertEquals("Name the files behind them by option (--system FILE, --cluster FILE, --store FILE, --logs DIR), "
                + "or copy them into the folder. This check did not see them.", in02.get(0).get("remedy").asText());
        Path xlsx = own.resolve("report.xlsx");
        assertEquals(1, CliRun.of("check", ev.toString(), "-o", xlsx.toString()).exit());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            List<String> kinds = new java.util.ArrayList<>();
            for (var row : wb.getSheet("Evidence")) {
                if (row.getCell(1) != null && row.getCell(1).toString().equals("NODE1/system32/config/SYSTEM")) {
                    kinds.add(row.getCell(2).toString());
                    // no file: no size (not -1), no hash, and its reason once, not again as a read error
                    assertEquals(line, row.getCell(3).toString());
                    assertEquals("", row.getCell(4) == null ? "" : row.getCell(4).toString(), "size");
                    assertEquals("", row.getCell(5) == null ? "" : row.getCell(5).toString(), "SHA-256");
                    assertEquals("", row.getCell(7) == null ? "" : row.getCell(7).toString(), "read errors");
                }
            }
            assertEquals(List.of("not followed (a symbolic link, FIFO or device)"), kinds, "not a limit of the walk");
        }
    }

    @Test
    void theDemoTakesDebugAsEveryCommandDoes() {
        // check --help lists --debug; the demo's own parse of its options did not know it
        CliRun r = CliRun.of("check", "--demo", "--debug");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("Store will not start:"), r.out());
    }

    @Test
    void theDemoTakesWhatTheCommandTakes() throws IOException {
        // the demo parses the user's options once more, with its own facts: that parse refused what the command had
        // taken, with "Try 'check --help'" (every other command says 'patchlens check --help')
        CliRun demo = CliRun.of("check", "--demo", "--format", "jsonl");
        assertEquals(1, demo.exit(), demo.err());
        Path debug = Files.writeString(tmp.resolve("debug.args"), "--debug\n");
        Path whole = Files.writeString(tmp.resolve("demo.args"), "check\n--demo\n--format\njsonl\n");
        Path before = Files.writeString(tmp.resolve("stage.args"), "--stage\nbefore-restore\n");
        for (String[] args : List.of(new String[] {"check", "--demo", "--debug=true", "--format", "jsonl"},
                new String[] {"check", "--demo", "--debug=false", "--format", "jsonl"},
                new String[] {"check", "--demo", "@" + debug, "--format", "jsonl"},
                new String[] {"@" + whole})) {
            CliRun r = CliRun.of(args);
            assertEquals(1, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertEquals(demo.out(), r.out(), String.join(" ", args));
        }
        // the options read from an @FILE choose the demo as typed ones do (its banner names the evidence and the options)
        CliRun typed = CliRun.of("check", "--demo", "--stage", "before-restore", "--format", "jsonl");
        CliRun read = CliRun.of("check", "--demo", "@" + before, "--format", "jsonl");
        assertTrue(typed.err().contains(", before the restore; "), typed.err());
        assertEquals(typed.err(), read.err());
        assertEquals(typed.exit(), read.exit(), read.err());
    }

    @Test
    void aRefusalInTheDemosOwnParseSaysTryPatchlensCheckHelp() {
        // nothing the command takes is refused there now (above); should anything be, it reads as every other refusal
        picocli.CommandLine main = new picocli.CommandLine(new Main());
        picocli.CommandLine check = main.getSubcommands().get("check");
        picocli.CommandLine demo = CheckCommand.demoLine(new CheckCommand(), check.getCommandSpec());
        picocli.CommandLine.ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(
                picocli.CommandLine.ParameterException.class, () -> demo.parseArgs("--no-such-option"));
        assertEquals("unknown option '--no-such-option'", Main.message(e));
        assertEquals("Try 'patchlens check --help'.", Main.tryHelp(e));
        // the command's own refusal, for comparison
        picocli.CommandLine.ParameterException own = org.junit.jupiter.api.Assertions.assertThrows(
                picocli.CommandLine.ParameterException.class, () -> main.parseArgs("check", "--no-such-option"));
        assertEquals(Main.tryHelp(own), Main.tryHelp(e));
    }

    @Test
    void anUnknownOptionAfterDemoIsAnUnknownOptionNotADemosName() throws IOException {
        // --demo takes an optional name, so picocli handed it the unknown option: "--demo --bogus: no such demo"
        refused("patchlens: unknown option '--bogus' (after --demo: after-patch, before-restore or an option of check)",
                "check", "--demo", "--bogus");
        refused("patchlens: --demo bogus: no such demo (after-patch or before-restore)", "check", "--demo", "bogus");
    }

    @Test
    void aNegativeCountOfIsintegRunsIsAMistakeNotAFactLeftOut() throws IOException {
        // -1 is how "not given" is kept inside: typed, it was taken for not given (and overrode the demo's 1)
        refused("patchlens: --isinteg-runs -1: a count of runs, 0 or more", "check", "--demo", "--isinteg-runs", "-1");
        refused("patchlens: --isinteg-runs -7: a count of runs, 0 or more", "check", "--system", system.toString(),
                "--isinteg-runs=-7");
    }

    @Test
    void anOutputTypedWithATrailingSlashNamesAFolderNeverAFile() throws IOException {
        // hive dump evidence/*/SYSTEM -o dumps/ with one SYSTEM matched: a folder dumps/ with SYSTEM.jsonl, as for several
        Path dumps = tmp.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", system.toString(), "-o", dumps + "/");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isDirectory(dumps), "a folder, not a file named dumps");
        assertTrue(Files.isRegularFile(dumps.resolve("SYSTEM.jsonl")));
        assertTrue(Files.isRegularFile(dumps.resolve("manifest.tsv")));
        // the same read from an @FILE
        Path viaFile = tmp.resolve("dumps-from-file");
        Path options = Files.writeString(tmp.resolve("options.txt"), "-o\n" + viaFile + "/\n");
        CliRun f = CliRun.of("hive", "dump", system.toString(), "@" + options);
        assertEquals(0, f.exit(), f.err());
        assertTrue(Files.isRegularFile(viaFile.resolve("SYSTEM.jsonl")), "a folder, not a file named " + viaFile);
        Files.delete(options);
        // a file typed as a folder
        Path aFile = Files.writeString(tmp.resolve("a-file"), "notes\n");
        refused("patchlens: " + aFile + "/: names a folder (the name ends in /), but it is a file", "hive", "dump",
                system.toString(), "-o", aFile + "/");
        Files.delete(aFile);
        // the same typed as --output=, and a command that writes one file: refused, nothing made
        Path timeline = tmp.resolve("tl");
        refused("patchlens: " + timeline + "/: names a folder (the name ends in /), which does not exist; -o names the "
                + "file to write", "hive", "timeline", system.toString(), "--output=" + timeline + "/");
        Path jsonl = tmp.resolve("x.jsonl");
        refused("patchlens: " + jsonl + "/: names a folder (the name ends in /) but is named like a .jsonl file; leave "
                + "out the / to write that file, or name a folder", "hive", "dump", system.toString(), "-o", jsonl + "/");
        refused("patchlens: " + tmp.resolve("r.xlsx") + "/: names a folder (the name ends in /), which does not exist; -o "
                + "names the file to write", "check", "--demo", "-o", tmp.resolve("r.xlsx") + "/");
    }

    @Test
    void anOutputNamedOnlyByAnExtensionIsRefused() throws IOException {
        Path csv = tmp.resolve(".csv");
        refused("patchlens: " + csv + ": names only an extension; give a file name (-o report.csv), or --format csv "
                + "to write to stdout", "hive", "dump", system.toString(), "-o", csv.toString());
        Path xlsx = tmp.resolve(".XLSX");
        refused("patchlens: " + xlsx + ": names only an extension; give a file name (-o report.xlsx)", "check",
                "--demo", "-o", xlsx.toString());
        refused("patchlens: " + csv + ": names only an extension; give a file name (--runbook report.csv)", "check",
                "--demo", "before-restore", "--runbook", csv.toString());
        // a document format alone, or a near miss of ours, is no name either (it was given the default format)
        Path pdf = tmp.resolve(".pdf");
        refused("patchlens: " + pdf + ": names only an extension; give a file name (check does not write .pdf files; it "
                + "writes text, jsonl, csv or xlsx: .txt .jsonl .csv .xlsx)", "check", "--demo", "-o", pdf.toString());
        Path xslx = tmp.resolve(".xslx");
        refused("patchlens: " + xslx + ": names only an extension; give a file name (-o report.xlsx)", "hive", "dump",
                system.toString(), "-o", xslx.toString());
        // with several hives -o names a folder: an extension alone is no folder name either
        Path ev = system.getParent();
        refused("patchlens: " + ev + ": a folder is searched for hives, one output each: -o names a folder for them, "
                + "not a .jsonl file; choose the format with --format", "hive", "dump", ev.toString(), "-o",
                tmp.resolve(".jsonl").toString());
        // a hidden file with a name of its own is a name like any other
        Path hidden = tmp.resolve(".select.csv");
        CliRun r = CliRun.of("hive", "dump", system.toString(), "-o", hidden.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(hidden).startsWith("path,lastWritten,"), "csv by its name");
        Files.delete(hidden);
    }

    @Test
    void anOutputNameThatPromisesAFormatNotWrittenIsRefusedBeforeAnythingIsCreated() throws IOException {
        String checkWrites = "(it writes text, jsonl, csv or xlsx: .txt .jsonl .csv .xlsx; --format FORMAT writes that "
                + "format to any name)";
        Path pdf = tmp.resolve("report.pdf");
        refused("patchlens: " + pdf + ": check does not write .pdf files " + checkWrites, "check", "--demo", "-o",
                pdf.toString());
        Path xslx = tmp.resolve("report.xslx");
        refused("patchlens: " + xslx + ": check does not write .xslx files; did you mean report.xlsx? " + checkWrites,
                "check", "--demo", "-o", xslx.toString());
        Path jsn = tmp.resolve("x.jsn");
        refused("patchlens: " + jsn + ": hive dump does not write .jsn files (it writes jsonl, csv, text, listing or "
                + "xlsx: .jsonl .csv .txt .xlsx; --format FORMAT writes that format to any name)", "hive", "dump",
                system.toString(), "-o", jsn.toString());
        // with --format the name is the user's choice
        CliRun csv = CliRun.of("hive", "dump", system.toString(), "--format", "csv", "-o", jsn.toString());
        assertEquals(0, csv.exit(), csv.err());
        assertTrue(Files.readString(jsn).startsWith("path,lastWritten,"), "csv as asked");
        Files.delete(jsn);
        // a text file's usual name gets the text a command writes by default
        Path log = tmp.resolve("timeline.log");
        CliRun text = CliRun.of("hive", "timeline", system.toString(), "-o", log.toString());
        assertEquals(0, text.exit(), text.err());
        assertEquals(CliRun.of("hive", "timeline", system.toString()).out(), Files.readString(log));
        Files.delete(log);
    }

    /** As typed in a shell: a relative folder, named as the user typed it; the real process, in its own folder. */
    @Test
    void aRelativeOutputFolderIsNamedAsTyped() throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Map<String, String> before = FormatRuleTest.snapshot(tmp);
        for (String[] args : new String[][] {{"check", "--demo", "-o", "nofolder/x.xlsx"},
            {"hive", "dump", system.toString(), "-o", "nofolder/x.xlsx"},
            {"hive", "replay", dirty.toString(), "-o", "nofolder/SYSTEM.recovered"}}) {
            MachineOutputTest.Proc p = MachineOutputTest.Proc.run(cwd, args);
            assertEquals(2, p.exit(), String.join(" ", args) + "\n" + p.err());
            assertEquals("patchlens: folder nofolder does not exist\n", p.err(), String.join(" ", args));
            assertEquals("", p.out(), String.join(" ", args));
        }
        assertEquals(before, FormatRuleTest.snapshot(tmp), "nothing created");
    }

    // ------------------------------------------------------------------ check --demo with the user's options

    @Test
    void theDemoTakesTheUsersOwnFactsOverItsOwn() {
        CliRun demo = CliRun.of("check", "--demo", "--format", "jsonl");
        CliRun two = CliRun.of("check", "--demo", "--isinteg-runs", "2", "--format", "jsonl");
        assertEquals(1, demo.exit(), demo.err());
        assertEquals(1, two.exit(), "the demo's exit code: " + two.err());
        JsonNode before = prc06(demo);
        JsonNode after = prc06(two);
        assertEquals("PASS", before.get("status").asText(), before.toString());
        assertEquals("1", before.get("actual").asText());
        assertEquals("FAIL", after.get("status").asText(), after.toString());
        assertTrue(after.get("actual").asText().startsWith("2 (repeated patch requests"), after.toString());
        assertEquals("(command line) : --isinteg-runs", after.get("actualSource").asText());
        // the banner shows what ran: the demo's facts, then the user's, which win
        assertTrue(two.err().strip().endsWith("--isinteg-runs 2 --format jsonl"), two.err());
        // a mistyped value of the user's is the usual one-line usage error (and names what it expects)
        CliRun via = CliRun.of("check", "--demo", "--start-via", "servces");
        assertEquals(2, via.exit());
        assertEquals("patchlens: Invalid value for option '--start-via': expected services or cluster-admin but was "
                + "'servces'\nTry 'patchlens check --help'.\n", via.err());
        // --demo=true is --demo
        CliRun eq = CliRun.of("check", "--demo=true", "--format", "jsonl");
        assertEquals(1, eq.exit(), eq.err());
        assertEquals(demo.out(), eq.out());
    }

    private static JsonNode prc06(CliRun r) {
        List<JsonNode> rows = MachineOutputTest.jsonl(r.out(), "check --demo --format jsonl").stream()
                .filter(n -> n.get("rule").asText().equals("PRC-06")).toList();
        assertEquals(1, rows.size(), "one PRC-06 finding");
        return rows.get(0);
    }

    @Test
    void theDemoWithAFolderIsOneUsageLine() throws IOException {
        refused("patchlens: --demo runs on the evidence bundled in patchlens: give --demo or DIR, not both",
                "check", "--demo", tmp.resolve("evidence").toString());
        // an options file that is not there is not a DIR
        Path missing = tmp.resolve("facts.args");
        refused("patchlens: " + missing + ": no such file (@" + missing + " reads options from it)", "check", "--demo",
                "@" + missing);
        refused("patchlens: " + missing + ": no such file (@" + missing + " reads options from it)", "check",
                "@" + missing);
        CliRun r = CliRun.of("check", tmp.resolve("evidence").toString(), "@" + missing);
        assertEquals(2, r.exit(), r.err());
        assertEquals("patchlens: unexpected argument '@" + missing + "' (no file " + missing + " to read options "
                + "from)\nTry 'patchlens check --help'.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void theDemoFolderWithItsArgsFileGivesTheDemosFindings() {
        // testdata/demo/check.args holds the quoted SET line ("SET _CLUSTER_NETWORK_NAME_=NODE1") on one line
        CliRun byHand = CliRun.of("check", "testdata/demo", "@testdata/demo/check.args", "--format", "jsonl");
        CliRun demo = CliRun.of("check", "--demo", "--format", "jsonl");
        assertEquals(demo.exit(), byHand.exit(), byHand.err());
        assertEquals("", byHand.err(), "no banner when the user names the folder");
        List<JsonNode> rows = MachineOutputTest.jsonl(byHand.out(), "check testdata/demo @check.args");
        assertEquals(MachineOutputTest.jsonl(demo.out(), "check --demo"), rows);
        JsonNode prc02 = rows.stream().filter(n -> n.get("rule").asText().equals("PRC-02")).findFirst().orElseThrow();
        // the quoted line reached --env-line whole: its variable and its value (the node name, PRC-02's finding)
        assertEquals("_CLUSTER_NETWORK_NAME_", prc02.get("object").asText(), prc02.toString());
        assertTrue(prc02.get("actual").asText().startsWith("NODE1 (the node name"), prc02.toString());
        assertEquals("(command line) : --env-line", prc02.get("actualSource").asText());
    }

    /**
     * The checkpoints named from inside their resource's GUID folder ({@code --checkpoint .}, or a path through
     * {@code ..}): the file's place is the folder it is in, not the path as typed. It was read from the path's last
     * folder name ("."), so no checkpoint had a place, CLU-08 was SKIPPED ("no checkpoint file to compare") and the
     * demo's two CRIT rollbacks went unsaid.
     */
    @Test
    void checkpointsNamedFromInsideTheirGuidFolderAreAtTheirPlace() {
        String guid = "testdata/demo/Q/MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022";
        for (String given : List.of(guid + "/.", guid + "/../2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022/./00000002.CPT")) {
            CliRun r = CliRun.of("check", "--system", "testdata/demo/NODE1/system32/config/SYSTEM", "--cluster",
                    "testdata/demo/NODE1/Cluster/CLUSDB", "--checkpoint", given, "@testdata/demo/check.args",
                    "--format", "jsonl");
            List<JsonNode> clu08 = MachineOutputTest.jsonl(r.out(), given).stream()
                    .filter(n -> n.get("rule").asText().equals("CLU-08")).toList();
            assertTrue(clu08.stream().anyMatch(n -> n.get("status").asText().equals("FAIL")
                    && n.get("object").asText().endsWith("ParametersPrivate : Store GUID")), given + ": " + clu08);
        }
    }

    // ------------------------------------------------------------------ hive commands

    @Test
    void replayingACleanHiveWritesNothingAndSaysSo() throws IOException {
        Path x = tmp.resolve("out").resolve("x");
        Files.createDirectories(x.getParent());
        Map<String, String> before = FormatRuleTest.snapshot(tmp);
        CliRun r = CliRun.of("hive", "replay", system.toString(), "-o", x.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("patchlens: note: " + system + ": clean hive, nothing to recover: " + x + " not written\n", r.err());
        assertTrue(r.out().contains("result:  CLEAN: clean hive"), r.out());
        assertEquals(before, FormatRuleTest.snapshot(tmp), "no file");
    }

    @Test
    void hiveDeletedAndDumpDeletedAgreeOnTheExitCode() {
        for (Object[] c : new Object[][] {{deleted, 1}, {system, 0}, {damaged, 1}}) {
            String h = c[0].toString();
            CliRun d = CliRun.of("hive", "deleted", h);
            CliRun dump = CliRun.of("hive", "dump", h, "--deleted");
            assertEquals(c[1], d.exit(), h + ": " + d.err());
            assertEquals(d.exit(), dump.exit(), h + ": hive deleted and hive dump --deleted\n" + dump.err());
        }
        // the deleted value is what both found
        assertEquals(1, MachineOutputTest.jsonl(CliRun.of("hive", "deleted", deleted.toString()).out(), "deleted")
                .size());
        assertTrue(CliRun.of("hive", "dump", deleted.toString(), "--deleted").out()
                .contains("\"name\":\"Gone\""));
    }

    @Test
    void aBackwardsTimeRangeIsAUsageErrorAndAnEmptyOneIsANote() throws IOException {
        String h = system.toString();
        refused("patchlens: --since 2024-03-02 is not before --until 2024-03-01: the range is empty",
                "hive", "timeline", h, "--since", "2024-03-02", "--until", "2024-03-01");
        Path t = tmp.resolve("out").resolve("t.csv");
        Files.createDirectories(t.getParent());
        refused("patchlens: --since 2024-03-01T12:00:00Z is not before --until 2024-03-01T12:00:00Z: the range is "
                + "empty", "hive", "timeline", h, "--since", "2024-03-01T12:00:00Z", "--until", "2024-03-01T12:00:00Z",
                "-o", t.toString());
        // a range that holds no key: exit 0, a note on stderr, nothing on stdout
        for (String f : List.of("text", "jsonl")) {
            CliRun r = CliRun.of("hive", "timeline", h, "--since", "2030-01-01", "--format", f);
            assertEquals(0, r.exit(), r.err());
            assertEquals("patchlens: note: no keys in range (since 2030-01-01)\n", r.err());
            assertEquals("", r.out(), f);
        }
        CliRun csv = CliRun.of("hive", "timeline", h, "--until", "1999-01-01", "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        assertEquals("patchlens: note: no keys in range (until 1999-01-01)\n", csv.err());
        assertEquals("lastWritten,lastWrittenRaw,path,subkeys,values\r\n", csv.out(), "the header alone");
        // with -o the (header-only) file is written and stdout says so, as for any -o
        CliRun o = CliRun.of("hive", "timeline", h, "--since", "2001-06-16", "--until", "2001-06-17", "-o",
                t.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals("patchlens: note: no keys in range (since 2001-06-16, until 2001-06-17)\n", o.err());
        assertEquals("0 keys written to " + t + " (csv)\n", o.out());
        assertEquals("lastWritten,lastWrittenRaw,path,subkeys,values\r\n", Files.readString(t));
        // the builder's keys were all written on 2001-06-15: that day holds every one
        CliRun day = CliRun.of("hive", "timeline", h, "--since", "2001-06-15", "--until", "2001-06-15", "--format",
                "jsonl");
        assertEquals(0, day.exit(), day.err());
        assertEquals(systemKeys, MachineOutputTest.jsonl(day.out(), "one day").size());
    }

    /** The keys {@code hive timeline} lists with these options, or -1 with the note that the range holds none. */
    private static int timelineKeys(Path hive, String... range) {
        List<String> args = new java.util.ArrayList<>(List.of("hive", "timeline", hive.toString(), "--format",
                "jsonl"));
        args.addAll(List.of(range));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), args + "\n" + r.err());
        if (r.out().isEmpty()) {
            assertTrue(r.err().startsWith("patchlens: note: no keys in range ("), args + "\n" + r.err());
            return -1;
        }
        assertEquals("", r.err(), args.toString());
        return MachineOutputTest.jsonl(r.out(), args.toString()).size();
    }

    @Test
    void timesBeyondWhatAFileTimeHoldsAreClampedNotErrors() throws IOException {
        // before 1601-01-01 is from the start, past the last FILETIME to the end; java.time's extremes included
        assertEquals(systemKeys, timelineKeys(system, "--until", "+999999999-12-31"));
        assertEquals(systemKeys, timelineKeys(system, "--since", "1600-12-31"));
        assertEquals(systemKeys, timelineKeys(system, "--since", "1000-01-01", "--until", "2002-01-01"));
        assertEquals(systemKeys, timelineKeys(system, "--since", "-999999999-01-01", "--until",
                "+1000000000-12-31T23:59:59.999999999Z"));
        assertEquals(systemKeys, timelineKeys(system, "--since", "-1000000000-01-01T00:00:00Z"));
        // a range wholly before 1601 or wholly after the last FILETIME holds no key: the note, not an error
        assertEquals(-1, timelineKeys(system, "--until", "1600-01-01"));
        assertEquals(-1, timelineKeys(system, "--until", "1601-01-01T00:00:00.00000009Z"));
        assertEquals(-1, timelineKeys(system, "--since", "1000-01-01", "--until", "1500-01-01"));
        assertEquals(-1, timelineKeys(system, "--since", "+999999999-12-31"));
        assertEquals(-1, timelineKeys(system, "--since", "+70000-01-01", "--until", "+80000-01-01"));
        // backwards is still backwards, however far out
        refused("patchlens: --since +999999999-12-31 is not before --until 1000-01-01: the range is empty",
                "hive", "timeline", system.toString(), "--since", "+999999999-12-31", "--until", "1000-01-01");
        // past what java.time reads: one usage line naming the option and the value
        refused("patchlens: --until '+1000000000-01-01': not a time (use 2024-03-01 or 2024-03-01T08:00:00Z)",
                "hive", "timeline", system.toString(), "--until", "+1000000000-01-01");
    }

    @Test
    void aTimeFinerThanAFileTimeTickIsTakenExactly() throws IOException {
        // one key at .1234567: 50 ns before .12345675, so --since that leaves it out and --until that keeps it
        HiveBuilder b = HiveBuilder.v15().keyTime(java.time.Instant.parse("2001-06-15T12:00:00Z"));
        b.key("Tick").lastWritten(java.time.Instant.parse("2020-01-02T03:04:05.1234567Z"));
        Path hive = b.write(Files.createDirectories(tmp.resolve("tick")).resolve("SOFTWARE"));
        assertEquals(-1, timelineKeys(hive, "--since", "2020-01-02T03:04:05.12345675Z"));
        assertEquals(1, timelineKeys(hive, "--since", "2020-01-02T03:04:05.1234567Z"));
        assertEquals(1, timelineKeys(hive, "--since", "2020-01-01", "--until", "2020-01-02T03:04:05.12345675Z"));
        assertEquals(-1, timelineKeys(hive, "--since", "2020-01-01", "--until", "2020-01-02T03:04:05.1234567Z"));
        // a range between two ticks is not backwards: it holds no FILETIME, so no key
        assertEquals(-1, timelineKeys(hive, "--since", "2020-01-02T03:04:05.12345671Z", "--until",
                "2020-01-02T03:04:05.12345679Z"));
    }

    @Test
    void aYearWrittenWithoutTheSignISO8601AsksForSaysHowToWriteIt() throws IOException {
        // java.time reads a year past 9999 only with its + (ISO 8601's expanded years), and 2026 only without one
        String h = system.toString();
        refused("patchlens: --until '12026-01-01': not a time (ISO 8601 writes a year after 9999 with its + sign: "
                + "+12026-01-01)", "hive", "timeline", h, "--until", "12026-01-01");
        refused("patchlens: --since '12026-01-01T08:00:00Z': not a time (ISO 8601 writes a year after 9999 with its "
                + "+ sign: +12026-01-01T08:00:00Z)", "hive", "timeline", h, "--since", "12026-01-01T08:00:00Z");
        refused("patchlens: --since '+2026-03-01': not a time (ISO 8601 writes a year of four digits without a sign: "
                + "2026-03-01)", "hive", "timeline", h, "--since", "+2026-03-01");
        // written as the line says, each is taken: the builder's keys are of 2001
        assertEquals(systemKeys, timelineKeys(system, "--until", "+12026-01-01"));
        assertEquals(-1, timelineKeys(system, "--since", "+12026-01-01T08:00:00Z"));
        assertEquals(-1, timelineKeys(system, "--since", "2026-03-01"));
        // a value that a sign would not mend keeps the general hint
        refused("patchlens: --until '12026-13-01': not a time (use 2024-03-01 or 2024-03-01T08:00:00Z)",
                "hive", "timeline", h, "--until", "12026-13-01");
        refused("patchlens: --until '1000000000-01-01': not a time (use 2024-03-01 or 2024-03-01T08:00:00Z)",
                "hive", "timeline", h, "--until", "1000000000-01-01");
    }

    @Test
    void aFileTimeAboveTheSignedLimitIsInTheRangeAsItIsShown() throws IOException {
        // FileTime reads a FILETIME as unsigned (shown up to +60056-05-28): every key at the largest one,
        // 0xFFFFFFFFFFFFFFFF, except Old (2001) and Far (20000, below 0x7FFFFFFFFFFFFFFF)
        HiveBuilder b = HiveBuilder.v15().keyTime(org.patchlens.hive.FileTime.toInstant(-1L));
        b.key("Old").lastWritten(java.time.Instant.parse("2001-06-15T00:00:00Z"));
        b.key("Far").lastWritten(java.time.Instant.parse("+20000-01-01T00:00:00Z"));
        b.key("Last\\Sub");
        Path h = b.write(Files.createDirectories(tmp.resolve("unsigned")).resolve("NTUSER.DAT"));
        int all = MachineOutputTest.keyPaths(b.root()).size();
        assertEquals(all, timelineKeys(h));
        assertEquals(all, timelineKeys(h, "--until", "+99999-01-01"));
        assertEquals(all, timelineKeys(h, "--since", "1600-01-01", "--until", "+999999999-12-31"));
        assertEquals(2, timelineKeys(h, "--until", "+40000-01-01"));
        assertEquals(all - 1, timelineKeys(h, "--since", "2002-01-01"));
        assertEquals(all - 2, timelineKeys(h, "--since", "+60056-05-28T05:36:10.9551615Z"));
        assertEquals(-1, timelineKeys(h, "--since", "+60056-05-28T05:36:10.9551616Z"));
    }

    @Test
    void oneHiveIntoAnExistingFolderLandsInItUnderTheHivesName() throws IOException {
        // -o dumps/ with one hive: as the README's batch example, FOLDER/NAME.jsonl, not "is a folder"
        Path dumps = Files.createDirectories(tmp.resolve("dumps-one"));
        CliRun r = CliRun.of("hive", "dump", system.toString(), "-o", dumps + "/");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1 of 1 hives dumped into " + dumps + " (jsonl)\n", r.out());
        assertEquals(systemKeys, MachineOutputTest.jsonl(Files.readString(dumps.resolve("SYSTEM.jsonl")), "dump")
                .size());
        // a workbook is one file: a folder is refused
        CliRun x = CliRun.of("hive", "dump", system.toString(), "--format", "xlsx", "-o", dumps.toString());
        assertEquals(2, x.exit(), x.err());
        assertEquals("patchlens: " + dumps + ": is a folder; a workbook holds one hive: name the .xlsx file\n", x.err());
    }
}
