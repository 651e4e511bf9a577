package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.EseBuilder;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.testing.Corpus;

/**
 * Evidence is never modified, by any command that writes, with any option: every writing command runs with
 * every output format and option on sound, damaged and dirty hives and on a check evidence tree, and must
 * give its exact exit code and a well-formed output, leave every evidence file byte for byte as it was (SHA-256
 * and modification time of every file under the evidence folders), add nothing there, and leave no temporary
 * file behind. Every refused run (over an input, over a file that holds evidence, through a hard or symbolic
 * link, into an evidence folder, into a missing folder, onto a device) exits 2 with one line and leaves the
 * whole file system as it was.
 */
class EvidenceSafetyTest {
    @TempDir
    Path tmp;

    /** The evidence folder: SYSTEM, SYSTEM.old, DAMAGED, DELETED, DIRTY2 + DIRTY2.LOG1, SOFTWARE, PRIV.EDB. */
    Path ev;
    /** A second evidence folder: DIRTY and, in {@link #logs}, its log, named with --log. */
    Path dirtyDir;
    Path logs;
    /** A check evidence tree (the bundled demo evidence). */
    Path tree;
    Path out;

    @BeforeEach
    void evidence() throws IOException {
        ev = Files.createDirectories(tmp.resolve("evidence"));
        Files.write(ev.resolve("SYSTEM"), FuzzSeeds.sampler(5).toBytes());
        Files.write(ev.resolve("SYSTEM.old"), FuzzSeeds.sampler(3).toBytes());
        HiveBuilder b = FuzzSeeds.sampler(5);
        HiveBuilder.Image img = b.build();
        img.putU4(b.key("Select").nkOffset(), 40, 0x7FFFFFF8L); // a value list offset that points nowhere
        Files.write(ev.resolve("DAMAGED"), img.bytes());
        // a hive with one deleted value (freed cells, the key's list one shorter)
        HiveBuilder d = HiveBuilder.v15();
        HiveBuilder.K vendor = d.key("Software\\Vendor").sz("Keep", "kept").dword("Also", 1);
        vendor.sz("Gone", "deleted value");
        HiveBuilder.Image di = d.build();
        di.free(vendor.val("Gone").vkOffset()).free(vendor.val("Gone").dataOffset()).putU4(vendor.nkOffset(), 36, 2);
        di.write(ev.resolve("DELETED"));
        byte[][] dirty = FuzzSeeds.replays().get(0);
        Files.write(ev.resolve("DIRTY2"), dirty[0]);
        Files.write(ev.resolve("DIRTY2.LOG1"), dirty[1]);
        Files.write(ev.resolve("SOFTWARE"), HiveBuilder.v15().toBytes());
        Files.write(ev.resolve("PRIV.EDB"), EseBuilder.Database.current(8192).bytes());
        dirtyDir = Files.createDirectories(tmp.resolve("dirty"));
        Files.write(dirtyDir.resolve("DIRTY"), dirty[0]);
        logs = Files.createDirectories(tmp.resolve("logs"));
        Files.write(logs.resolve("DIRTY.LOG1"), dirty[1]);
        tree = BundledDemo.extractDefault(tmp.resolve("tree"));
        out = Files.createDirectories(tmp.resolve("out"));
    }

    // ------------------------------------------------------------------ the whole file system, before and after

    /** Path → SHA-256 and modification time of every regular file, and every link and folder, under {@code root}. */
    static Map<String, String> state(Path root) throws IOException {
        Map<String, String> s = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    s.put(key, "link to " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    s.put(key, Hashing.sha256(p) + " " + Files.getLastModifiedTime(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    s.put(key, "folder");
                } else {
                    s.put(key, "other");
                }
            }
        }
        return s;
    }

    private Map<String, String> evidenceState() throws IOException {
        Map<String, String> s = new TreeMap<>();
        for (Path root : List.of(ev, dirtyDir, logs, tree)) {
            state(root).forEach((k, v) -> s.put(root.getFileName() + "/" + k, v));
        }
        return s;
    }

    // ------------------------------------------------------------------ what an output must be

    enum Kind { JSONL, JSON, CSV, TEXT, XLSX, REG, HIVE, FOLDER, TREE }

    /** One command line ($E/NAME an evidence file, $D/DIRTY, $L the log, $T the tree, $O/NAME an output), its exit code and output. */
    record Case(int exit, Kind kind, String output, String... args) {
    }

    private String[] expand(String... template) {
        List<String> a = new ArrayList<>();
        for (String t : template) {
            a.add(t.replace("$E", ev.toString()).replace("$D", dirtyDir.toString()).replace("$L", logs.toString())
                    .replace("$T", tree.toString()).replace("$O", out.toString()));
        }
        return a.toArray(String[]::new);
    }

    /**
     * Every writing command with every output format and option. Exit codes: 0 for a sound hive, 1 for damage
     * (DAMAGED), a difference (diff of two different hives), a recovered record (DELETED, as hive deleted and
     * dump --deleted say) or a failing rule (check on the demo evidence, which fails four rules); 0 for a
     * replay that applied its log.
     */
    private List<Case> cases() {
        return List.of(
                new Case(0, Kind.JSONL, "d1.jsonl", "hive", "dump", "$E/SYSTEM", "-o", "$O/d1.jsonl"),
                new Case(0, Kind.JSONL, "d2", "hive", "dump", "$E/SYSTEM", "-o", "$O/d2"),
                new Case(0, Kind.CSV, "d3.csv", "hive", "dump", "$E/SYSTEM", "-o", "$O/d3.csv"),
                new Case(0, Kind.CSV, "d4", "hive", "dump", "$E/SYSTEM", "--format", "csv", "-o", "$O/d4"),
                new Case(0, Kind.TEXT, "d5.txt", "hive", "dump", "$E/SYSTEM", "-o", "$O/d5.txt"),
                new Case(0, Kind.TEXT, "d6.txt", "hive", "dump", "$E/SYSTEM", "--format", "listing", "-o", "$O/d6.txt"),
                new Case(0, Kind.XLSX, "d7.xlsx", "hive", "dump", "$E/SYSTEM", "-o", "$O/d7.xlsx"),
                new Case(0, Kind.JSONL, "d8.jsonl", "hive", "dump", "$E/SYSTEM", "--path", "ControlSet001", "-o",
                        "$O/d8.jsonl"),
                new Case(1, Kind.JSONL, "d9.jsonl", "hive", "dump", "$E/DAMAGED", "-o", "$O/d9.jsonl"),
                new Case(1, Kind.JSONL, "d10.jsonl", "hive", "dump", "$E/DELETED", "--deleted", "-o", "$O/d10.jsonl"),
                new Case(1, Kind.XLSX, "d11.xlsx", "hive", "dump", "$E/DELETED", "--deleted", "-o", "$O/d11.xlsx"),
                new Case(0, Kind.JSONL, "d12.jsonl", "hive", "dump", "$E/DIRTY2", "-o", "$O/d12.jsonl"),
                new Case(0, Kind.JSONL, "d13.jsonl", "hive", "dump", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                        "$O/d13.jsonl"),
                new Case(0, Kind.JSONL, "d14.jsonl", "hive", "dump", "$E/DIRTY2", "--no-logs", "-o", "$O/d14.jsonl"),
                new Case(1, Kind.FOLDER, "batch", "hive", "dump", "$E/SYSTEM", "$E/SYSTEM.old", "$E/DAMAGED", "-o",
                        "$O/batch"),
                new Case(0, Kind.FOLDER, "batch-csv", "hive", "dump", "$E/SYSTEM", "$E/SYSTEM.old", "--format", "csv",
                        "-o", "$O/batch-csv"),
                // the evidence folder as a tree: its six hives by content (DIRTY2.LOG1 and PRIV.EDB are not); the dump
                // meets DAMAGED's broken value list (exit 1), the timeline reads no value lists (0), DELETED has records (1)
                new Case(1, Kind.TREE, "tree", "hive", "dump", "$E", "-o", "$O/tree"),
                new Case(0, Kind.JSONL, "t5.jsonl", "hive", "timeline", "$E", "-o", "$O/t5.jsonl"),
                new Case(1, Kind.CSV, "x5.csv", "hive", "deleted", "$E", "-o", "$O/x5.csv"),
                new Case(0, Kind.TEXT, "t1.txt", "hive", "timeline", "$E/SYSTEM", "-o", "$O/t1.txt"),
                new Case(0, Kind.CSV, "t2.csv", "hive", "timeline", "$E/SYSTEM", "-o", "$O/t2.csv"),
                new Case(0, Kind.JSONL, "t3.jsonl", "hive", "timeline", "$E/SYSTEM", "-o", "$O/t3.jsonl"),
                new Case(0, Kind.JSONL, "t4.jsonl", "hive", "timeline", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                        "$O/t4.jsonl"),
                new Case(1, Kind.JSONL, "x1.jsonl", "hive", "deleted", "$E/DELETED", "-o", "$O/x1.jsonl"),
                new Case(1, Kind.CSV, "x2.csv", "hive", "deleted", "$E/DELETED", "-o", "$O/x2.csv"),
                new Case(1, Kind.TEXT, "x3.txt", "hive", "deleted", "$E/DELETED", "-o", "$O/x3.txt"),
                new Case(0, Kind.JSONL, "x4.jsonl", "hive", "deleted", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                        "$O/x4.jsonl"),
                new Case(1, Kind.TEXT, "f1.txt", "hive", "diff", "$E/SYSTEM", "$E/SYSTEM.old", "-o", "$O/f1.txt"),
                new Case(1, Kind.JSONL, "f2.jsonl", "hive", "diff", "$E/SYSTEM", "$E/SYSTEM.old", "-o", "$O/f2.jsonl"),
                new Case(1, Kind.CSV, "f3.csv", "hive", "diff", "$E/SYSTEM", "$E/SYSTEM.old", "-o", "$O/f3.csv"),
                new Case(1, Kind.XLSX, "f4.xlsx", "hive", "diff", "$E/SYSTEM", "$E/SYSTEM.old", "-o", "$O/f4.xlsx"),
                new Case(1, Kind.JSONL, "f5.jsonl", "hive", "diff", "$E/DIRTY2", "--replayed", "-o", "$O/f5.jsonl"),
                new Case(1, Kind.JSONL, "f6.jsonl", "hive", "diff", "$D/DIRTY", "--replayed", "--log", "$L/DIRTY.LOG1",
                        "-o", "$O/f6.jsonl"),
                new Case(0, Kind.REG, "r1.reg", "hive", "export-reg", "$E/SYSTEM", "-o", "$O/r1.reg"),
                new Case(0, Kind.REG, "r2.reg", "hive", "export-reg", "$E/SYSTEM", "--path", "Select", "--prefix",
                        "HKEY_LOCAL_MACHINE\\SYSTEM", "-o", "$O/r2.reg"),
                new Case(0, Kind.REG, "r3.reg", "hive", "export-reg", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                        "$O/r3.reg"),
                new Case(0, Kind.JSONL, "a1.jsonl", "hive", "artifacts", "$E/SYSTEM", "-o", "$O/a1.jsonl"),
                new Case(0, Kind.CSV, "a2.csv", "hive", "artifacts", "$E/SYSTEM", "-o", "$O/a2.csv"),
                new Case(0, Kind.TEXT, "a3.txt", "hive", "artifacts", "$E/SYSTEM", "-o", "$O/a3.txt"),
                new Case(0, Kind.CSV, "a4", "hive", "artifacts", "$E/SYSTEM", "$E/SYSTEM.old", "--format", "csv",
                        "--plugin", "services", "-o", "$O/a4"),
                new Case(0, Kind.JSONL, "a5.jsonl", "hive", "artifacts", "$D/DIRTY", "--log", "$L/DIRTY.LOG1",
                        "--hive-type", "SYSTEM", "-o", "$O/a5.jsonl"),
                new Case(0, Kind.TEXT, "s1.txt", "hive", "search", "$E/SYSTEM", "--key", "^select$", "-o", "$O/s1.txt"),
                new Case(0, Kind.JSONL, "s2.jsonl", "hive", "search", "$E/DELETED", "--literal", "deleted value",
                        "--deleted", "-o", "$O/s2.jsonl"),
                new Case(0, Kind.CSV, "s3.csv", "hive", "search", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "--value", ".",
                        "-o", "$O/s3.csv"),
                new Case(1, Kind.CSV, "s4.csv", "hive", "search", "$E/SYSTEM", "$E/DAMAGED", "--value", ".", "-o",
                        "$O/s4.csv"),
                new Case(0, Kind.HIVE, "p1.hive", "hive", "replay", "$E/DIRTY2", "-o", "$O/p1.hive"),
                new Case(0, Kind.JSONL, "h1.jsonl", "hive", "history", "$E/DIRTY2", "-o", "$O/h1.jsonl"),
                new Case(0, Kind.CSV, "h2.csv", "hive", "history", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                        "$O/h2.csv"),
                new Case(0, Kind.HIVE, "p2.hive", "hive", "replay", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                        "$O/p2.hive"),
                new Case(1, Kind.TEXT, "c1.txt", "check", "$T", "@" + tree.getParent().resolve("check.args"), "-o",
                        "$O/c1.txt"),
                new Case(1, Kind.JSONL, "c2.jsonl", "check", "$T", "@" + tree.getParent().resolve("check.args"), "-o",
                        "$O/c2.jsonl"),
                new Case(1, Kind.CSV, "c3.csv", "check", "$T", "@" + tree.getParent().resolve("check.args"), "-o",
                        "$O/c3.csv"),
                new Case(1, Kind.XLSX, "c4.xlsx", "check", "$T", "@" + tree.getParent().resolve("check.args"), "-o",
                        "$O/c4.xlsx"),
                // without the operator facts only two WARN rules fail: below --fail-on high
                new Case(0, Kind.XLSX, "c5.xlsx", "check", "--system", "$T/NODE1/system32/config/SYSTEM", "--store",
                        "$T/D/exchsrvr/MDBDATA/PRIV.EDB", "-o", "$O/c5.xlsx"));
    }

    private void checkOutput(Case c, Path p) throws IOException {
        String what = String.join(" ", c.args()) + ": " + p;
        assertTrue(Files.exists(p), what + " was not written");
        switch (c.kind()) {
            case JSONL -> {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                ObjectMapper m = new ObjectMapper();
                for (String line : lines) {
                    assertTrue(m.readTree(line).isObject(), what + ": not a JSON object: " + line);
                }
            }
            case CSV -> {
                var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(Files.readString(p))).getRecords();
                assertFalse(records.isEmpty(), what + ": no rows");
            }
            case TEXT -> assertTrue(Files.size(p) > 0, what + ": empty");
            case XLSX -> {
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(p))) {
                    assertEquals("Summary", wb.getSheetName(0), what);
                }
            }
            case REG -> {
                byte[] b = Files.readAllBytes(p);
                assertTrue(new String(b, StandardCharsets.UTF_16LE).startsWith("\uFEFFWindows Registry Editor Version 5.00\r\n"),
                        what);
            }
            case HIVE -> {
                try (Hive h = Hive.open(p)) {
                    assertTrue(h.damage().isEmpty() && h.root() != null && !h.header().dirty(), what);
                }
            }
            case FOLDER -> {
                try (Stream<Path> s = Files.list(p)) {
                    assertEquals(List.of(c.args()).stream().filter(a -> a.startsWith("$E/")).count() + 1, s.count(),
                            what + ": one output per hive, and the manifest");
                }
                assertTrue(Files.isRegularFile(p.resolve("manifest.tsv")), what);
            }
            case TREE -> {
                List<String> manifest = Files.readAllLines(p.resolve("manifest.tsv"));
                assertEquals(1 + 6, manifest.size(), what + ": " + manifest);
                try (Stream<Path> s = Files.list(p)) {
                    assertEquals(6 + 1, s.count(), what + ": one output per hive, and the manifest");
                }
                for (String row : manifest.subList(1, manifest.size())) {
                    String name = row.split("\t", -1)[5];
                    assertTrue(Files.isRegularFile(p.resolve(name)), what + ": " + row);
                }
            }
            case JSON -> new ObjectMapper().readTree(p.toFile());
        }
    }

    private static void noTemporaryFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "temporary files left behind");
        }
    }

    @Test
    void everyWritingCommandWritesWhereItWasToldAndNothingElse() throws IOException {
        Files.writeString(tree.getParent().resolve("check.args"), new String(
                CheckCommand.class.getClassLoader().getResourceAsStream("demo/check.args").readAllBytes(),
                StandardCharsets.UTF_8));
        Map<String, String> before = evidenceState();
        for (Case c : cases()) {
            String[] args = expand(c.args());
            CliRun r = CliRun.of(args);
            String cmd = String.join(" ", c.args());
            assertEquals(c.exit(), r.exit(), cmd + "\n" + r.err());
            assertFalse(r.err().contains("\tat "), cmd + ": a stack trace\n" + r.err());
            checkOutput(c, out.resolve(c.output()));
            if (!c.args()[0].equals("check") && !c.args()[1].equals("replay")) {
                // stdout holds the short summary only, never the output again
                assertTrue(r.out().lines().count() == 1 && r.out().contains("written to")
                        || (c.kind() == Kind.FOLDER || c.kind() == Kind.TREE) && r.out().contains("hives dumped into"),
                        cmd + ": " + r.out());
            }
            noTemporaryFiles(out);
            assertEquals(before, evidenceState(), cmd + ": the evidence changed or a file was added to it");
        }
    }

    @Test
    void corpusHivesAreUnchangedByEveryWritingCommand() throws IOException {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        Path hives = Corpus.root().get().resolve("hives");
        Map<String, String> before = new TreeMap<>();
        for (String h : List.of("regipy/SAM", "dfwinreg/SAM", "yarp/NewDirtyHive1/NewDirtyHive",
                "yarp/NewDirtyHive1/NewDirtyHive.LOG1")) {
            before.put(h, Hashing.sha256(hives.resolve(h)));
        }
        String a = hives.resolve("regipy/SAM").toString();
        String b = hives.resolve("dfwinreg/SAM").toString();
        String dirty = hives.resolve("yarp/NewDirtyHive1/NewDirtyHive").toString();
        for (String[] c : List.of(new String[] {"hive", "dump", a, "-o", "o1.jsonl"},
                new String[] {"hive", "dump", a, "-o", "o2.xlsx"}, new String[] {"hive", "timeline", a, "-o", "o3.csv"},
                new String[] {"hive", "deleted", a, "-o", "o4.jsonl"}, new String[] {"hive", "diff", a, b, "-o", "o5.xlsx"},
                new String[] {"hive", "export-reg", a, "-o", "o6.reg"}, new String[] {"hive", "replay", dirty, "-o", "o7"},
                new String[] {"hive", "dump", dirty, "-o", "o8.jsonl"},
                new String[] {"hive", "artifacts", dirty, a, "--hive-type", "SYSTEM", "-o", "o9.csv"})) {
            c[c.length - 1] = out.resolve(c[c.length - 1]).toString();
            CliRun r = CliRun.of(c);
            assertTrue(r.exit() <= 1, String.join(" ", c) + ": " + r.err());
            assertTrue(Files.exists(Path.of(c[c.length - 1])), String.join(" ", c));
        }
        Map<String, String> after = new TreeMap<>();
        for (String h : before.keySet()) {
            after.put(h, Hashing.sha256(hives.resolve(h)));
        }
        assertEquals(before, after);
    }

    // ------------------------------------------------------------------ refusals: the file system stays as it was

    /** A refused run: exit 2, one stderr line holding {@code reason}, nothing on stdout, nothing changed under tmp. */
    private void refused(String reason, String... template) throws IOException {
        Map<String, String> before = state(tmp);
        String[] args = expand(template);
        CliRun r = CliRun.of(args);
        String cmd = String.join(" ", args);
        assertEquals(2, r.exit(), cmd + "\n" + r.err() + r.out());
        assertEquals(1, r.err().lines().count(), cmd + ": one line\n" + r.err());
        assertTrue(r.err().contains(reason), cmd + ": " + r.err());
        assertEquals("", r.out(), cmd);
        assertEquals(before, state(tmp), cmd + ": a refused run changed the file system");
    }

    /** Every command that writes, with -o $TARGET (and the extension its format needs). */
    static final List<String[]> WRITERS = List.of(
            new String[] {"hive", "dump", "$E/SYSTEM", "-o"},
            new String[] {"hive", "dump", "$E/SYSTEM", "--format", "xlsx", "-o"},
            new String[] {"hive", "timeline", "$E/SYSTEM", "-o"},
            new String[] {"hive", "deleted", "$E/SYSTEM", "-o"},
            new String[] {"hive", "diff", "$E/SYSTEM", "$E/SYSTEM.old", "-o"},
            new String[] {"hive", "diff", "$E/SYSTEM", "$E/SYSTEM.old", "--format", "xlsx", "-o"},
            new String[] {"hive", "export-reg", "$E/SYSTEM", "-o"},
            new String[] {"hive", "replay", "$E/DIRTY2", "-o"},
            new String[] {"hive", "history", "$E/DIRTY2", "-o"},
            new String[] {"hive", "artifacts", "$E/SYSTEM", "-o"},
            new String[] {"hive", "search", "$E/SYSTEM", "--key", "select", "-o"},
            new String[] {"check", "--system", "$E/SYSTEM", "--store", "$T/D/exchsrvr/MDBDATA/PRIV.EDB", "-o"},
            new String[] {"check", "--system", "$E/SYSTEM", "--store", "$T/D/exchsrvr/MDBDATA/PRIV.EDB", "--format",
                "xlsx", "-o"});

    private static String[] to(String[] writer, String target, String... extra) {
        List<String> a = new ArrayList<>(List.of(writer));
        a.add(target);
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void noOutputReplacesAnInputEvenWithForceThroughALinkOrDotDot() throws IOException {
        Path link = Files.createSymbolicLink(out.resolve("link-to-input"), ev.resolve("SYSTEM"));
        Path dirtyLink = Files.createSymbolicLink(out.resolve("link-to-dirty"), ev.resolve("DIRTY2"));
        for (String[] w : WRITERS) {
            // the command's own hive: SYSTEM, or DIRTY2 for replay
            String input = List.of(w).contains("$E/DIRTY2") ? "DIRTY2" : "SYSTEM";
            for (String target : List.of("$E/" + input, (input.equals("SYSTEM") ? link : dirtyLink).toString(),
                    "$E/../evidence/" + input)) {
                for (String[] extra : new String[][] {{}, {"--force"}}) {
                    refused("refusing to write over an input file", to(w, target, extra));
                }
            }
        }
        // a link followed by ..: the kernel takes .. from the link's target, so the name leads to the input
        // (work/cur -> evidence, and a folder work/evidence so that the text, normalised, names another file)
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("evidence"));
        Files.createSymbolicLink(work.resolve("cur"), ev);
        String around = work.resolve("cur") + "/../evidence/SYSTEM";
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            refused("refusing to write over an input file", to(new String[] {"hive", "dump", "$E/SYSTEM", "--format",
                    "csv", "-o"}, around, extra));
            refused("refusing to write over an input file", to(new String[] {"check", "--system", "$E/SYSTEM",
                    "--format", "csv", "-o"}, around, extra));
        }
        // the logs are inputs too: the one found beside the hive, and the one named with --log
        refused("refusing to write over an input file", "hive", "dump", "$E/DIRTY2", "-o", "$E/DIRTY2.LOG1", "--force");
        refused("refusing to write over an input file", "hive", "replay", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o",
                "$L/DIRTY.LOG1", "--force");
    }

    @Test
    void aFileThatHoldsEvidenceIsNeverReplacedWhateverTheFlags() throws IOException {
        // SOFTWARE (a hive), PRIV.EDB (an ESE header) and DIRTY2.LOG1 (a hive log) are in the evidence folder but
        // are not inputs of these commands: --force allows writing into the folder, never over them
        for (String[] w : WRITERS) {
            refused("holds evidence (a registry hive)", to(w, "$E/SOFTWARE", "--force"));
            refused("holds evidence (an ESE header)", to(w, "$E/PRIV.EDB", "--force"));
        }
        refused("holds evidence (a hive transaction log)", "hive", "dump", "$E/SYSTEM", "-o", "$E/DIRTY2.LOG1",
                "--force");
        refused("holds evidence (a registry hive)", "hive", "export-reg", "$E/SYSTEM", "-o", "$D/DIRTY", "--force");
        // the bundled demo evidence, as an issue report found it zeroed by check --demo -o
        refused("holds evidence (a registry hive)", "check", "--demo", "-o", "$T/NODE1/system32/config/SYSTEM",
                "--force");
        // a copy of a hive named like an output
        Files.copy(ev.resolve("SOFTWARE"), out.resolve("copy.jsonl"));
        Files.copy(ev.resolve("SOFTWARE"), out.resolve("copy.xlsx"));
        refused("holds evidence (a registry hive)", "hive", "dump", "$E/SYSTEM", "-o", "$O/copy.jsonl");
        refused("holds evidence (a registry hive)", "hive", "dump", "$E/SYSTEM", "-o", "$O/copy.xlsx");
        refused("holds evidence (a registry hive)", "check", "--demo", "-o", "$O/copy.xlsx");
    }

    @Test
    void damagedOrEmptyEvidenceIsNeverReplacedWhateverTheFlags() throws IOException {
        byte[] hive = Files.readAllBytes(ev.resolve("SOFTWARE"));
        byte[] noSignature = hive.clone();
        noSignature[0] = 0; // "regf" no more: its first bin is still at 4096
        Files.write(out.resolve("damaged-hive"), noSignature);
        Files.write(out.resolve("bin-of-a-hive"), java.util.Arrays.copyOfRange(hive, 4096, hive.length));
        byte[] log = new byte[1024];
        System.arraycopy("HvLE".getBytes(StandardCharsets.US_ASCII), 0, log, 512, 4); // its base block zeroed
        Files.write(out.resolve("damaged-log"), log);
        byte[] eseLog = new byte[1000];
        eseLog[667] = 3; // JET_filetypeLog: a log's header with no magic, cut short
        Files.write(out.resolve("cut-log"), eseLog);
        for (String[] w : WRITERS) {
            refused("holds evidence (a registry hive (its base block damaged))", to(w, "$O/damaged-hive", "--force"));
        }
        refused("holds evidence (a registry hive bin (part of a hive))", "hive", "dump", "$E/SYSTEM", "-o",
                "$O/bin-of-a-hive", "--force");
        refused("holds evidence (a hive transaction log (its base block damaged))", "hive", "dump", "$E/SYSTEM", "-o",
                "$O/damaged-log");
        refused("holds evidence (an ESE log header (damaged))", "check", "--demo", "-o", "$O/cut-log", "--format",
                "text", "--force");
        // empty, a store or registry file is evidence by its name
        for (String name : List.of("PUB.EDB", "E00.log", "res1.log", "NTUSER.DAT.LOG2", "edb.chk", "priv.pat",
                "00000002.CPT", "E00.jtx", "E00.JCP")) {
            Files.write(out.resolve(name), new byte[0]);
            refused("its name is that of evidence", "hive", "dump", "$E/SYSTEM", "-o", "$O/" + name, "--force");
        }
        // in a folder given as evidence every file is read by the run: --force never lets an output replace one,
        // whatever it holds (notes, an empty database, a damaged log)
        Files.writeString(tree.resolve("notes.txt"), "the operator's notes\n");
        refused("is in the evidence folder " + tree + ", which this run reads", "check", "$T", "-o", "$T/notes.txt",
                "--force");
        refused("is in the evidence folder", "hive", "timeline", "$T", "-o", "$T/notes.txt", "--force");
    }

    @Test
    void anArgumentFileIsAnInputWhateverTheFlags() throws IOException {
        // picocli reads @FILE before any command sees it: the operator's facts are an input all the same
        Path facts = Files.write(out.resolve("facts.args"),
                CheckCommand.class.getClassLoader().getResourceAsStream("demo/check.args").readAllBytes());
        Path options = Files.writeString(out.resolve("dump.args"), "--format\ncsv\n");
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            refused("refusing to write over an input file", to(new String[] {"check", "$T", "@" + facts, "-o"},
                    facts.toString(), extra));
            refused("refusing to write over an input file", to(new String[] {"check", "$T", "@" + facts, "--runbook"},
                    facts.toString(), extra));
            refused("refusing to write over an input file", to(new String[] {"hive", "dump", "$E/SYSTEM", "@" + options,
                    "-o"}, options.toString(), extra));
            // an @FILE named inside another is read by picocli too
            Path outer = Files.writeString(out.resolve("outer.txt"), "\"@" + options + "\"\n");
            refused("refusing to write over an input file", to(new String[] {"hive", "dump", "$E/SYSTEM", "@" + outer,
                    "-o"}, options.toString(), extra));
        }
    }

    @Test
    void aHardLinkAtTheTargetIsReplacedNeverWrittenThrough() throws IOException {
        // to evidence: refused (its content is a hive)
        Path hl = Files.createLink(out.resolve("hl"), ev.resolve("SOFTWARE"));
        refused("holds evidence (a registry hive)", "hive", "dump", "$E/SYSTEM", "-o", hl.toString());
        refused("holds evidence (a registry hive)", "hive", "dump", "$E/SYSTEM", "-o", hl.toString(), "--force");
        // the same in a batch folder: nothing of the batch is written
        Path m = Files.createDirectories(out.resolve("m"));
        Files.createLink(m.resolve("SYSTEM.jsonl"), ev.resolve("SOFTWARE"));
        refused("holds evidence (a registry hive)", "hive", "dump", "$E/SYSTEM", "$E/SYSTEM.old", "-o", m.toString());
        // to an ordinary file: the link is replaced by the new file; the other name keeps its content
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "the examiner's notes\n");
        Path hl2 = Files.createLink(out.resolve("hl2.jsonl"), notes);
        CliRun r = CliRun.of(expand("hive", "dump", "$E/SYSTEM", "-o", hl2.toString()));
        assertEquals(0, r.exit(), r.err());
        assertEquals("the examiner's notes\n", Files.readString(notes));
        assertFalse(Files.isSameFile(notes, hl2));
        assertTrue(Files.readString(hl2).startsWith("{\"path\":"));
    }

    @Test
    void aSymbolicLinkAtTheTargetIsReplacedNeverFollowed() throws IOException {
        Path sl = Files.createSymbolicLink(out.resolve("sl"), ev.resolve("SOFTWARE"));
        for (String[] w : WRITERS) {
            refused("holds evidence (a registry hive)", to(w, sl.toString(), "--force"));
        }
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "the examiner's notes\n");
        Path sl2 = Files.createSymbolicLink(out.resolve("sl2.csv"), notes);
        CliRun r = CliRun.of(expand("hive", "timeline", "$E/SYSTEM", "-o", sl2.toString()));
        assertEquals(0, r.exit(), r.err());
        assertEquals("the examiner's notes\n", Files.readString(notes), "the link's target is untouched");
        assertFalse(Files.isSymbolicLink(sl2), "the link itself was replaced by the output");
        assertTrue(Files.readString(sl2).startsWith("lastWritten,"));
    }

    @Test
    void nothingIsWrittenIntoAnEvidenceFolderWithoutForce() throws IOException {
        Path linkedDir = Files.createSymbolicLink(tmp.resolve("ev-link"), ev);
        Files.createDirectories(ev.resolve("sub"));
        for (String[] w : WRITERS) {
            for (String target : List.of("$E/new", "$E/sub/new", linkedDir.resolve("new").toString())) {
                refused("refusing to write into the evidence folder", to(w, target));
            }
        }
        // a --log in another folder makes that folder evidence too, for every command that takes --log
        for (String[] c : List.of(new String[] {"hive", "dump", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "dump", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "--format", "xlsx", "-o"},
                new String[] {"hive", "timeline", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "deleted", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "export-reg", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "diff", "$D/DIRTY", "--replayed", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "replay", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "history", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "artifacts", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "-o"},
                new String[] {"hive", "search", "$D/DIRTY", "--log", "$L/DIRTY.LOG1", "--key", "x", "-o"})) {
            refused("refusing to write into the evidence folder " + logs, to(c, "$L/new"));
        }
        // a check evidence folder, and a folder named by --logs or --checkpoint
        refused("refusing to write into the evidence folder", "check", "$T", "-o", "$T/report.xlsx");
        refused("refusing to write into the evidence folder", "check", "--system", "$E/SYSTEM", "--logs", "$L", "-o",
                "$L/report.jsonl");
        // --force allows a new file in the folder, and writes only it
        Map<String, String> before = state(ev);
        for (String[] w : WRITERS) {
            Path target = ev.resolve("forced-" + String.join("-", w).replaceAll("[^A-Za-z-]", ""));
            CliRun r = CliRun.of(expand(to(w, target.toString(), "--force")));
            assertTrue(r.exit() <= 1, String.join(" ", w) + ": " + r.err());
            assertTrue(Files.isRegularFile(target), target.toString());
            Files.delete(target);
        }
        assertEquals(before, state(ev), "--force wrote only the new files");
    }

    @Test
    void aTargetThatCannotBeWrittenIsRefusedBeforeAnythingIsRead() throws IOException {
        for (String[] w : WRITERS) {
            refused("folder " + out.resolve("nofolder") + " does not exist", to(w, "$O/nofolder/x"));
            // one hive dumped into a folder that exists lands in it as FOLDER/NAME.jsonl (CarelessUserTest)
            if (!(w[1].equals("dump") && !List.of(w).contains("xlsx"))) {
                refused("is a folder", to(w, "$O"));
            }
            refused("not a regular file", to(w, "/dev/null"));
        }
        Files.writeString(out.resolve("afile"), "x");
        refused("is not a folder", "hive", "dump", "$E/SYSTEM", "-o", "$O/afile/x.jsonl");
        refused("not a folder", "hive", "dump", "$E/SYSTEM", "$E/SYSTEM.old", "-o", "$O/afile");
        // check does not print its report first and then fail
        refused("folder nofolder does not exist", "check", "--demo", "-o", "nofolder/x.xlsx");
    }

    @Test
    void aRefusedFormatLeavesAnExistingFileAsItWas() throws IOException {
        // check -o notes used to truncate notes to 0 bytes and then say "unknown report format"
        Path notes = Files.writeString(out.resolve("notes.json"), "{\"mine\": true}\n");
        refused("check does not write .json files", "check", "--demo", "-o", notes.toString());
        refused("the name says jsonl but --format says csv", "check", "--demo", "--format", "csv", "-o", "$O/x.jsonl");
        refused("hive timeline does not write .xlsx files", "hive", "timeline", "$E/SYSTEM", "-o", "$O/t.xlsx");
        assertEquals("{\"mine\": true}\n", Files.readString(notes));
    }
}
