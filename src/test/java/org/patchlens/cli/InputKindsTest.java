package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.InputException;
import org.patchlens.InputFile;
import org.patchlens.ese.EseBuilder;
import org.patchlens.ese.EseException;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.LogChain;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.AlternateHive;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.LogFiles;

/**
 * No input hangs, and one check before anything reads a path (issue 13): every command on a FIFO,
 * {@code /dev/zero}, a folder, a missing file and a symbolic link loop finishes at once with exit 2,
 * one stderr line naming the path and what it is, and nothing on stdout. A FIFO could block an open
 * forever and a device would be read forever; {@code InputFile.check} only asks the file system.
 */
class InputKindsTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    /** A good SYSTEM hive, alone in its folder. */
    Path hive;
    /** A good log folder: E0000000001-4.log, E00.log (5), E00.chk. */
    Path logs;
    /** An output path outside the evidence. */
    Path out;

    @BeforeEach
    void evidence() throws IOException {
        Path h = Files.createDirectories(tmp.resolve("hive"));
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        b.key("ControlSet001\\Services\\MSExchangeIS").dword("Start", 2);
        hive = b.write(h.resolve("SYSTEM"));
        logs = Files.createDirectories(tmp.resolve("logs"));
        writeLogSet(logs);
        out = Files.createDirectories(tmp.resolve("out")).resolve("result");
    }

    static void writeLogSet(Path dir) throws IOException {
        byte[] sig = EseBuilder.sig(607052340L, EseBuilder.time(2002, 12, 30, 17, 1, 27, 0, false), "");
        for (int g = 1; g <= 5; g++) {
            byte[] log = EseBuilder.Log.current().set("generation", g).set("logSignature", sig)
                    .set("created", EseBuilder.time(2003, 1, 1, 10, g, 0, 0, false))
                    .set("previousGenerationCreated", g > 1 ? EseBuilder.time(2003, 1, 1, 10, g - 1, 0, 0, false)
                            : new byte[8]).bytes();
            Files.write(dir.resolve(g == 5 ? "E00.log" : String.format("E00%08X.log", g)), log);
        }
        Files.write(dir.resolve("E00.chk"), new EseBuilder.Checkpoint().set("checkpoint", EseBuilder.lgpos(3, 8, 0))
                .set("logSignature", sig).bytes());
    }

    // ------------------------------------------------------------------ the kinds of path

    /** A FIFO made with mkfifo; the test is skipped where there is none (Windows). */
    static Path fifo(Path p) {
        try {
            Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            assumeTrue(pr.waitFor(10, TimeUnit.SECONDS) && pr.exitValue() == 0, "mkfifo failed");
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            assumeTrue(false, "interrupted");
        }
        assumeTrue(Files.exists(p) && !Files.isRegularFile(p), "mkfifo made no FIFO");
        return p;
    }

    /** Two links that point at each other. */
    static Path loop(Path dir, String name) throws IOException {
        Path a = dir.resolve(name);
        Path b = dir.resolve(name + ".other");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        return a;
    }

    /** Each kind of path that is not a regular file, with the reason the check gives for it. */
    Map<Path, String> badFiles() throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Map<Path, String> m = new java.util.LinkedHashMap<>();
        m.put(fifo(bad.resolve("fifo")), "not a regular file (a FIFO)");
        if (Files.exists(Path.of("/dev/zero"))) {
            m.put(Path.of("/dev/zero"), "not a regular file (a character device)");
        }
        m.put(Files.createDirectories(bad.resolve("folder")), "not a regular file (a folder)");
        m.put(bad.resolve("missing.edb"), "no such file");
        m.put(loop(bad, "loop"), "symbolic link loop");
        return m;
    }

    /** The single-file command lines; $F is the path under test, $H the good hive, $L the good log folder, $O an output, $X a workbook. */
    static final List<String[]> SINGLE_FILE_COMMANDS = List.of(
            new String[] {"hive", "info", "$F"},
            new String[] {"hive", "info", "--format", "json", "$F"},
            new String[] {"hive", "ls", "$F"},
            new String[] {"hive", "get", "$F", "Select", "Current"},
            new String[] {"hive", "dump", "$F"},
            new String[] {"hive", "dump", "$F", "--format", "text", "--no-logs"},
            new String[] {"hive", "timeline", "$F"},
            new String[] {"hive", "export-reg", "$F", "-o", "$O"},
            new String[] {"hive", "dump", "$F", "-o", "$X"},
            new String[] {"hive", "diff", "$H", "$F", "-o", "$X"},
            new String[] {"hive", "diff", "$F", "$H"},
            new String[] {"hive", "diff", "$H", "$F"},
            new String[] {"hive", "replay", "$F"},
            new String[] {"hive", "deleted", "$F"},
            new String[] {"hive", "ls", "$H", "--log", "$F"},
            new String[] {"ese", "header", "$F"},
            new String[] {"ese", "header", "--format", "json", "$F"},
            new String[] {"ese", "checkpoint", "$F"},
            new String[] {"ese", "log", "$F"},
            new String[] {"ese", "logs", "$L", "--database", "$F"},
            new String[] {"check", "--system", "$F"},
            new String[] {"check", "--store", "$F"},
            new String[] {"check", "--system", "$H", "--store", "$F"});

    String[] args(String[] template, Path f) {
        return Arrays.stream(template).map(t -> switch (t) {
            case "$F" -> f.toString();
            case "$H" -> hive.toString();
            case "$L" -> logs.toString();
            case "$O" -> out.toString();
            case "$X" -> out + ".xlsx";
            default -> t;
        }).toArray(String[]::new);
    }

    /** Runs a command line within the time limit (a hang fails the test instead of blocking the build). */
    static CliRun run(String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> CliRun.of(args), () -> String.join(" ", args) + ": over " + LIMIT);
    }

    static void refused(CliRun r, Path path, String reason, boolean quiet, String cmd) {
        assertEquals(2, r.exit(), cmd + "\n" + r.err() + r.out());
        assertEquals(1, r.err().lines().count(), cmd + ": exactly one stderr line:\n" + r.err());
        String line = r.err().strip();
        // check names the option that named the file (its role)
        String[] words = cmd.split(" ");
        String role = "";
        for (int i = 1; words[0].equals("check") && i < words.length; i++) {
            if (words[i].equals(path.toString()) || words[i].equals("FIFO")) {
                role = " (given as " + words[i - 1] + ")";
            }
        }
        assertEquals("patchlens: " + path + ": " + reason + role, line, cmd);
        if (quiet) {
            assertEquals("", r.out(), cmd + ": nothing on stdout");
        }
    }

    // ------------------------------------------------------------------ every command, every kind

    @Test
    void everySingleFileCommandRefusesEveryKindOfNonFileAtOnce() throws IOException {
        Map<Path, String> bad = badFiles();
        int n = 0;
        for (Map.Entry<Path, String> e : bad.entrySet()) {
            for (String[] t : SINGLE_FILE_COMMANDS) {
                String[] a = args(t, e.getKey());
                String cmd = String.join(" ", a);
                refused(run(a), e.getKey(), Files.isDirectory(e.getKey()) ? folderReason(t) : e.getValue(), true, cmd);
                n++;
            }
        }
        assertTrue(n >= 4 * SINGLE_FILE_COMMANDS.size(), "ran " + n);
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "no output written");
        }
    }

    /**
     * What a command says about an empty folder: the hive commands that walk folders ({@code HiveTree}) find no
     * hive in it (dump first needs -o FOLDER for its outputs); every other command refuses a folder as a file.
     */
    static String folderReason(String[] t) {
        List<String> a = List.of(t);
        if (a.get(0).equals("hive") && a.get(2).equals("$F") && a.get(1).equals("dump")) {
            return a.contains("$X") ? "a folder is searched for hives, one output each: -o names a folder for them, "
                    + "not a .xlsx file (a workbook holds one hive); choose the format with --format"
                    : "a folder is searched for hives, one output each: give -o FOLDER";
        }
        if (a.get(0).equals("hive") && List.of("info", "timeline", "deleted").contains(a.get(1)) && !a.contains("--log")) {
            return "no hive found in this folder (hives are found by content; symbolic links are not followed)";
        }
        return "not a regular file (a folder)";
    }

    /**
     * A batch reads hive after hive into one array: the bytes read go to the array passed when it is long enough
     * (a new one when not), the returned buffer holds exactly the bytes read (fewer when the file has shrunk since
     * its check), and their SHA-256 is that of the file, whatever the array holds past them.
     */
    @Test
    void aFileIsReadIntoTheArrayPassedForIt() throws Exception {
        byte[] big = new byte[10_000];
        new java.util.Random(9).nextBytes(big);
        Path a = Files.write(tmp.resolve("a.bin"), big);
        Path b = Files.write(tmp.resolve("b.bin"), Arrays.copyOf(big, 3_000));
        java.nio.ByteBuffer first = InputFile.check(a).read(Integer.MAX_VALUE, new byte[100]);
        assertEquals(10_000, first.limit());
        assertEquals(0, first.position());
        byte[] array = first.array();
        InputFile bCheck = InputFile.check(b);
        java.nio.ByteBuffer second = bCheck.read(Integer.MAX_VALUE, array);
        assertTrue(second.array() == array, "read into the array passed, long enough");
        assertEquals(3_000, second.remaining());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(b)));
        assertEquals(sha, Hashing.sha256(second));
        assertEquals(3_000, second.remaining(), "hashing does not move the buffer");
        assertEquals(1_000, bCheck.read(1_000, array).limit(), "at most the limit");
        Files.write(b, new byte[10]); // shrunk since its check
        assertEquals(10, bCheck.read(Integer.MAX_VALUE, array).limit());
    }

    @Test
    void eseLogsRefusesAFolderArgumentThatIsNoFolder() throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Path fifo = fifo(bad.resolve("fifo"));
        refused(run("ese", "logs", fifo.toString()), fifo, "not a folder (a FIFO)", true, "ese logs FIFO");
        refused(run("ese", "logs", hive.toString()), hive, "not a folder (a regular file)", true, "ese logs FILE");
        refused(run("ese", "logs", bad.resolve("nothing").toString()), bad.resolve("nothing"), "no such folder", true,
                "ese logs missing");
        Path loop = loop(bad, "loop");
        refused(run("ese", "logs", loop.toString()), loop, "symbolic link loop", true, "ese logs loop");
        if (Files.exists(Path.of("/dev/zero"))) {
            refused(run("ese", "logs", "/dev/zero"), Path.of("/dev/zero"), "not a folder (a character device)", true,
                    "ese logs /dev/zero");
        }
    }

    @Test
    void aFifoInsideTheLogFolderIsListedNotRead() throws IOException {
        fifo(logs.resolve("E0000000006.log"));
        fifo(logs.resolve("pipe"));
        CliRun r = run("ese", "logs", logs.toString());
        assertEquals(1, r.exit(), r.err() + r.out());
        assertEquals("", r.err());
        assertTrue(r.out().contains("E0000000006.log: not a regular file (a FIFO)"), r.out());
        assertTrue(r.out().contains("pipe: not a regular file (a FIFO)"), r.out());
        assertTrue(r.out().contains("ERROR: unreadable log file: " + logs.resolve("E0000000006.log")), r.out());
        // the chain itself is still read
        assertTrue(r.out().contains("Generations present: 1-5"), r.out());
    }

    @Test
    void anEmptyLogFolderIsOneLineAndNoPlaceholders() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        refused(run("ese", "logs", empty.toString()), empty, "no log files in the folder, and nothing else ESE (no "
                + "checkpoint, database, patch file or eseutil dump)", true, "ese logs EMPTY");
        Files.writeString(empty.resolve("notes.txt"), "nothing here\n");
        refused(run("ese", "logs", "--format", "json", empty.toString()), empty, "no log files in the folder, and "
                + "nothing else ESE (no checkpoint, database, patch file or eseutil dump)", true, "ese logs ONLY-TEXT");

        // a database but no log: a report (exit 1) whose verdict says so, with no made-up file names
        Path db = empty.resolve("priv1.edb");
        Files.write(db, EseBuilder.Database.current(8192).set("state", 2).set("genMinRequired", 3)
                .set("genMaxRequired", 5).set("genMaxCommitted", 5).bytes());
        CliRun r = run("ese", "logs", empty.toString());
        assertEquals(1, r.exit(), r.err() + r.out());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Verdict: soft recovery cannot succeed: no log files in " + empty), r.out());
        assertFalse(r.out().contains("<base>"), r.out());
        LogChain.Report rep = LogChain.analyzeDirectory(empty, List.of());
        assertEquals(LogChain.NO_BASE, rep.baseName());
        assertTrue(rep.missing().stream().noneMatch(m -> m.startsWith(LogChain.NO_BASE)), rep.missing().toString());
        // an empty folder with --database: the database is ESE input, so a report too
        Path none = Files.createDirectories(tmp.resolve("none"));
        CliRun r2 = run("ese", "logs", none.toString(), "--database", db.toString());
        assertEquals(1, r2.exit(), r2.err() + r2.out());
        assertTrue(r2.out().contains("Verdict: soft recovery cannot succeed: no log files in " + none), r2.out());
        assertFalse(r2.out().contains("<base>"), r2.out());
    }

    // ------------------------------------------------------------------ check

    @Test
    void checkRefusesANamedNonFileAndSkipsOneInTheTree() throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Path fifo = fifo(bad.resolve("SYSTEM"));
        refused(run("check", "--system", fifo.toString()), fifo, "not a regular file (a FIFO)", true, "check --system FIFO");
        refused(run("check", "--cluster", fifo.toString()), fifo, "not a regular file (a FIFO)", true, "check --cluster FIFO");
        refused(run("check", "--checkpoint", fifo.toString()), fifo, "not a regular file (a FIFO)", true,
                "check --checkpoint FIFO");
        refused(run("check", "--eseutil-dump", fifo.toString()), fifo, "not a regular file (a FIFO)", true,
                "check --eseutil-dump FIFO");

        // in a tree, a FIFO is not evidence: skipped by the scan (as links are), never opened, but named
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.copy(hive, tree.resolve("SYSTEM"));
        fifo(tree.resolve("PRIV.EDB"));
        fifo(tree.resolve("SYSTEM.LOG1"));
        Path sub = Files.createDirectories(tree.resolve("MDBDATA"));
        fifo(sub.resolve("E00.log"));
        CliRun r = run("check", tree.toString(), "--format", "jsonl", "--fail-on", "never");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertEquals("patchlens: note: " + tree + ": 3 entries are a symbolic link, FIFO or device, never followed or "
                + "opened (MDBDATA/E00.log, PRIV.EDB, SYSTEM.LOG1): name their files by option (--system FILE, "
                + "--cluster FILE, --store FILE ...) or copy them into the folder\n", r.err());
        List<Evidence> found = assertTimeoutPreemptively(LIMIT, () -> EvidenceScanner.scan(tree));
        assertEquals(List.of("SYSTEM", "MDBDATA/E00.log"), found.stream().map(Evidence::name).toList());
        assertTrue(EvidenceScanner.isNotFollowed(found.get(1)), found.toString());
    }

    // ------------------------------------------------------------------ files beside a hive

    /**
     * --no-logs holds for every hive of a run over several, in artifacts and batch as in the other hive
     * commands: the hive with a FIFO for a log is read as found, and no log is opened.
     */
    @Test
    void noLogsReadsEveryHiveOfSeveralAsFound() throws IOException {
        Path two = Files.createDirectories(tmp.resolve("two"));
        Path a = Files.copy(hive, Files.createDirectories(two.resolve("a")).resolve("SYSTEM"));
        Files.copy(hive, Files.createDirectories(two.resolve("b")).resolve("SYSTEM"));
        Path log = fifo(a.resolveSibling("SYSTEM.LOG1"));
        Path reb = Files.writeString(tmp.resolve("t.reb"), "Description: t\nAuthor: a\nVersion: 1\nId: 1\nKeys:\n"
                + "    -\n        Description: Select\n        HiveType: SYSTEM\n        Category: c\n"
                + "        KeyPath: Select\n        Recursive: false\n");
        for (List<String> command : List.of(List.of("hive", "artifacts"), List.of("hive", "batch", reb.toString()))) {
            List<String> withLogs = new java.util.ArrayList<>(command);
            withLogs.add(two.toString());
            CliRun found = assertTimeoutPreemptively(LIMIT, () -> run(withLogs.toArray(String[]::new)));
            assertTrue(found.err().contains(log.toAbsolutePath() + ": not a regular file (a FIFO)"),
                    command + ": " + found.err());
            List<String> noLogs = new java.util.ArrayList<>(withLogs);
            noLogs.add("--no-logs");
            CliRun asFound = assertTimeoutPreemptively(LIMIT, () -> run(noLogs.toArray(String[]::new)));
            assertEquals(0, asFound.exit(), command + ": " + asFound.err());
            assertFalse(asFound.err().contains("not a regular file"), command + ": " + asFound.err());
            if (command.get(1).equals("batch")) { // one Select row from each hive
                assertTrue(asFound.out().contains(a + ",System,Select,"), asFound.out());
                assertTrue(asFound.out().contains(two.resolve("b").resolve("SYSTEM") + ",System,Select,"), asFound.out());
            }
        }
    }

    /** Decision: a FIFO named SYSTEM.LOG1 beside the hive is a log that cannot be read, so exit 2 naming it (never opened). */
    @Test
    void aFifoLogBesideTheHiveIsRefusedByNameAndNoLogsReadsTheHive() throws IOException {
        Path log = fifo(hive.resolveSibling("SYSTEM.LOG1"));
        for (String c : List.of("info", "ls", "dump", "timeline", "deleted")) {
            CliRun r = run("hive", c, hive.toString());
            assertEquals(2, r.exit(), c + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("patchlens: " + log.toAbsolutePath() + ": not a regular file (a FIFO); it is a transaction "
                    + "log beside " + hive + " (--no-logs reads the hive as found)", r.err().strip(), c);
            assertEquals("", r.out(), c);
        }
        CliRun search = run("hive", "search", hive.toString(), "--key", "x");
        assertEquals(2, search.exit(), search.err());
        assertEquals("patchlens: " + log.toAbsolutePath() + ": not a regular file (a FIFO); it is a transaction "
                + "log beside " + hive + " (--no-logs reads the hive as found)", search.err().strip());
        CliRun replay = run("hive", "replay", hive.toString());
        assertEquals(2, replay.exit(), replay.err());
        assertEquals("patchlens: " + log.toAbsolutePath() + ": not a regular file (a FIFO)", replay.err().strip());
        CliRun dump = run("hive", "dump", hive.toString(), "--no-logs", "--format", "text");
        assertEquals(0, dump.exit(), dump.err());
        assertTrue(dump.out().contains("\\Select"), dump.out());
        CliRun named = run("hive", "dump", hive.toString(), "--log", log.toString());
        refused(named, log, "not a regular file (a FIFO)", true, "--log FIFO");
        // the library: found by name, refused when read, never opened
        assertEquals(List.of(log.toAbsolutePath()), LogFiles.beside(hive));
        HiveException e = assertThrows(HiveException.class,
                () -> assertTimeoutPreemptively(LIMIT, () -> HiveOpener.openWithLogsBeside(hive,
                        org.patchlens.hive.HiveOptions.DEFAULTS)));
        assertEquals(log.toAbsolutePath() + ": not a regular file (a FIFO)", e.getMessage());
    }

    @Test
    void aFifoAltBesideTheHiveIsReportedNotRead() throws IOException {
        Path alt = fifo(hive.resolveSibling("SYSTEM.ALT"));
        CliRun r = run("hive", "info", hive.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Alternate hive:       SYSTEM.ALT: cannot compare: " + alt
                + ": not a regular file (a FIFO)"), r.out());
        AlternateHive c = assertTimeoutPreemptively(LIMIT, () -> AlternateHive.compare(hive));
        assertEquals(-1, c.differences());
    }

    // ------------------------------------------------------------------ the library entry points

    @Test
    void libraryEntryPointsCheckBeforeTheyOpen() throws IOException {
        for (Map.Entry<Path, String> e : badFiles().entrySet()) {
            Path p = e.getKey();
            String msg = p + ": " + e.getValue();
            InputException ie = assertThrows(InputException.class, () -> assertTimeoutPreemptively(LIMIT,
                    () -> InputFile.check(p)));
            assertEquals(msg, ie.getMessage());
            assertEquals(-1, ie.offset());
            assertEquals(msg, assertThrows(HiveException.class, () -> assertTimeoutPreemptively(LIMIT,
                    () -> Hive.open(p))).getMessage());
            assertEquals(msg, assertThrows(EseException.class, () -> assertTimeoutPreemptively(LIMIT,
                    () -> EseFile.openAll(p))).getMessage());
            assertEquals(msg, assertThrows(InputException.class, () -> assertTimeoutPreemptively(LIMIT,
                    () -> Hashing.sha256(p))).getMessage());
            assertEquals(msg, assertThrows(InputException.class, () -> assertTimeoutPreemptively(LIMIT,
                    () -> EvidenceScanner.examine(p, p.toString(), true))).getMessage());
            Evidence found = assertTimeoutPreemptively(LIMIT, () -> EvidenceScanner.examine(p, "x", false));
            assertEquals(EvidenceKind.UNREADABLE, found.kind());
            assertEquals(msg, assertThrows(EseException.class, () -> assertTimeoutPreemptively(LIMIT,
                    () -> LogChain.analyzeDirectory(logs, List.of(p)))).getMessage());
        }
    }

    @Test
    void aSymbolicLinkToARegularFileIsFollowedOnce() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-system"), hive);
        InputFile f = InputFile.check(link);
        assertEquals(link, f.path());
        assertEquals(hive.toRealPath(), f.realPath());
        assertEquals(Files.size(hive), f.size());
        CliRun r = run("hive", "get", link.toString(), "Select", "Current");
        assertEquals(0, r.exit(), r.err());
        // named explicitly, a link is followed (a discovered one is not)
        Evidence e = EvidenceScanner.examine(link, link.toString(), true);
        assertEquals(EvidenceKind.SYSTEM_HIVE, e.kind(), e.toString());
        assertEquals(Hashing.sha256(hive), e.sha256());
        assertEquals(EvidenceKind.UNREADABLE, EvidenceScanner.examine(link, "x", false).kind());
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
        refused(run("hive", "info", dangling.toString()), dangling, "no such file (a symbolic link to a missing target)",
                true, "hive info DANGLING");
    }

    // ------------------------------------------------------------------ hashing

    @Test
    void hashingReadsExactlyTheSizeTheCheckSaw() throws Exception {
        Path f = tmp.resolve("growing.bin");
        byte[] first = new byte[200_000];
        new java.util.Random(13).nextBytes(first);
        Files.write(f, first);
        InputFile checked = InputFile.check(f);
        assertEquals(first.length, checked.size());
        assertEquals(sha(first), Hashing.sha256(f), "a regular file: all of it");
        // the file grows after the check: the hash is of the bytes the check saw, not of what came later
        byte[] more = new byte[70_000];
        Arrays.fill(more, (byte) 7);
        Files.write(f, more, StandardOpenOption.APPEND);
        assertEquals(sha(first), Hashing.sha256(checked));
        byte[] all = new byte[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        assertEquals(sha(all), Hashing.sha256(f), "a new check sees the new size");
        // shorter than at the check: an error, not a hash of neither state
        InputFile big = InputFile.check(f);
        try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(1000);
        }
        IOException e = assertThrows(IOException.class, () -> Hashing.sha256(big));
        assertTrue(e.getMessage().contains("became shorter"), e.getMessage());
        // an empty file
        Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
        assertEquals(sha(new byte[0]), Hashing.sha256(empty));
    }

    @Test
    void readersUseAtMostTheSizeTheCheckSaw() throws IOException {
        Path f = tmp.resolve("grown.edb");
        byte[] db = EseBuilder.Database.current(8192).set("state", 3).bytes();
        Files.write(f, db);
        InputFile checked = InputFile.check(f);
        Files.write(f, new byte[100_000], StandardOpenOption.APPEND);
        assertEquals(db.length, checked.map(Long.MAX_VALUE).capacity());
        assertEquals(db.length, checked.read(Integer.MAX_VALUE).length);
        assertEquals(4096, checked.map(4096).capacity());
        assertEquals(db.length + 100_000, InputFile.check(f).size());
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void theCliMessagesForFoldersAndMissingFilesNameThePath() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("DIR"));
        refused(run("hive", "info", dir.toString()), dir, "no hive found in this folder (hives are found by content; "
                + "symbolic links are not followed)", true, "hive info DIR");
        refused(run("ese", "header", dir.toString()), dir, "not a regular file (a folder)", true, "ese header DIR");
        Path missing = tmp.resolve("missing.edb");
        refused(run("ese", "header", missing.toString()), missing, "no such file", true, "ese header missing.edb");
    }
}
