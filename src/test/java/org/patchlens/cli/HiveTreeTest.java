package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;

/**
 * A tree of evidence as an examiner copies it off a disk, run through every hive command that takes folders:
 * the hives are found by content (a SYSTEM, a user's NTUSER.DAT with its .LOG1, the user's UsrClass.dat), a
 * symbolic link to a folder and one to a hive outside the tree are not followed, a FIFO does not hang the
 * walk, a text file and the log are not hives. Expected counts come from what the builder was told to write,
 * hashes from the bytes on disk, never from our own output.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HiveTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "S-1-5-21-111-222-333-1001";

    /** The tree, and the three hives in the order a walk finds them (path order). */
    private record Tree(Path root, Path usrclass, Path ntuser, Path system, Path log) {
        List<Path> hives() {
            return List.of(usrclass, ntuser, system);
        }
    }

    private static Tree tree(Path dir, Path outside) throws Exception {
        Path root = Files.createDirectories(dir.resolve("evidence"));
        Path config = Files.createDirectories(root.resolve("Windows/System32/config"));
        Path alice = Files.createDirectories(root.resolve("Users/alice"));
        Path local = Files.createDirectories(alice.resolve("AppData/Local/Microsoft/Windows"));

        // 6 keys (root, Select, ControlSet001, Control, ComputerName, ComputerName), 2 values
        HiveBuilder system = HiveBuilder.v15();
        system.key("Select").dword("Current", 1);
        system.key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", "HOST1");
        Path sys = system.write(config.resolve("SYSTEM"));

        HiveBuilder user = HiveBuilder.v15(); // 7 keys, 1 value
        user.key("Software\\Microsoft\\Protected Storage System Provider\\" + SID);
        user.key("Control Panel");
        user.key("Environment").sz("TEMP", "%USERPROFILE%\\AppData\\Local\\Temp");
        Path ntuser = user.write(alice.resolve("NTUSER.DAT"));
        // its log: the hive's base block and bins with file type 6 (a new-format log), so by content not a hive
        byte[] log = Files.readAllBytes(ntuser);
        ByteBuffer b = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(28, 6);
        int x = 0;
        for (int i = 0; i < 508; i += 4) {
            x ^= b.getInt(i);
        }
        b.putInt(508, x == 0 ? 1 : x == -1 ? -2 : x);
        Path ntuserLog = Files.write(alice.resolve("NTUSER.DAT.LOG1"), log);

        HiveBuilder classes = HiveBuilder.v15().rootName(SID + "_Classes"); // 2 keys, 0 values
        classes.key("Local Settings");
        Path usrclass = classes.write(local.resolve("UsrClass.dat"));

        Files.writeString(alice.resolve("notes.txt"), "not a hive\n");
        // outside the tree, reached only through links: never read
        Path away = Files.createDirectories(outside.resolve("away"));
        HiveBuilder other = HiveBuilder.v15();
        other.key("Select").dword("Current", 2);
        other.key("ControlSet002");
        Path otherHive = other.write(away.resolve("SYSTEM"));
        Files.createSymbolicLink(root.resolve("linked-folder"), away);
        Files.createSymbolicLink(config.resolve("SOFTWARE"), otherHive);
        InputKindsTest.fifo(root.resolve("pipe"));
        return new Tree(root, usrclass, ntuser, sys, ntuserLog);
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void theWalkFindsTheHivesByContentWithTypeUserSidAndLogs(@TempDir Path dir, @TempDir Path outside)
            throws Exception {
        Tree t = tree(dir, outside);
        HiveTree.Tree found = HiveTree.walk(List.of(t.root()));
        assertEquals(t.hives(), found.hives().stream().map(HiveTree.Found::path).toList());
        assertEquals(List.of("UsrClass", "NTUSER", "SYSTEM"),
                found.hives().stream().map(HiveTree.Found::typeLabel).toList());
        assertEquals(List.of("alice", "alice", ""), found.hives().stream().map(HiveTree.Found::user).toList());
        assertEquals(List.of(SID, SID, ""), found.hives().stream().map(HiveTree.Found::sid).toList());
        assertEquals(List.of(List.of(), List.of(t.log()), List.of()),
                found.hives().stream().map(HiveTree.Found::logs).toList());
        assertEquals(List.of(t.root()), found.folders());
    }

    /**
     * The walk finds each hive's logs in its own listing of the folder (one listing per folder, not one per hive):
     * the same entries, in the same order, as listing the folder for that hive alone, whatever their kind (a FIFO,
     * a folder, a dangling link of a log's name) and case, two hives sharing the folder.
     */
    @Test
    void theWalksLogsAreThoseListingTheFolderFinds(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        HiveBuilder a = HiveBuilder.v15();
        a.key("Select").dword("Current", 1);
        Path system = a.write(config.resolve("SYSTEM"));
        HiveBuilder b = HiveBuilder.v15();
        b.key("Microsoft");
        Path software = b.write(config.resolve("software"));
        Files.write(config.resolve("system.log1"), new byte[512]);
        InputKindsTest.fifo(config.resolve("SYSTEM.LOG2"));
        Files.createDirectories(config.resolve("System.LOG"));
        Files.createSymbolicLink(config.resolve("SOFTWARE.LOG1"), dir.resolve("nowhere"));
        Files.write(config.resolve("SOFTWARE.LOG3"), new byte[512]); // no log's name
        HiveTree.Tree found = HiveTree.walk(List.of(dir));
        assertEquals(List.of(system, software), found.hives().stream().map(HiveTree.Found::path).toList()); // path order
        for (HiveTree.Found h : found.hives()) {
            assertEquals(org.patchlens.hive.LogFiles.beside(h.path()), h.logs(), h.path().toString());
        }
        assertEquals(List.of(config.resolve("System.LOG"), config.resolve("system.log1"), config.resolve("SYSTEM.LOG2")),
                found.hives().get(0).logs());
        assertEquals(List.of(config.resolve("SOFTWARE.LOG1")), found.hives().get(1).logs());
    }

    /**
     * An entry the walk lists but cannot look at ({@code visitFileFailed}): here a log whose path is longer than the
     * system takes (PATH_MAX, 4096 bytes with its NUL) beside a hive whose path is not, so that its lstat fails
     * (ENAMETOOLONG, root too). The folder is made short and moved into place (a rename takes two short paths), and
     * moved back for the clean-up. The walk goes on, and the log is still the hive's (read, it is refused by name).
     */
    @Test
    void anEntryTheWalkCannotLookAtIsPassedAndKeptAsALog(@TempDir Path dir) throws Exception {
        String name = "H".repeat(250);
        Path made = Files.createDirectories(dir.resolve("f"));
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        b.write(made.resolve(name));
        Files.write(made.resolve(name + ".LOG1"), new byte[512]);
        Path deep = org.patchlens.testing.LongPaths.deepFolder(dir.resolve("deep"), 4093 - 2 - 1 - name.length());
        Path folder = Files.move(made, deep.resolve("f"));
        try {
            Path hive = folder.resolve(name);
            assertEquals(4093, hive.toString().length()); // its log's path: 4098 bytes
            HiveTree.Tree found = HiveTree.walk(List.of(folder));
            assertEquals(List.of(hive), found.paths());
            assertEquals(List.of(folder.resolve(name + ".LOG1")), found.hives().get(0).logs());
            assertEquals(org.patchlens.hive.LogFiles.beside(hive), found.hives().get(0).logs(), "as listing the folder");
        } finally {
            Files.move(folder, dir.resolve("back"));
        }
    }

    /**
     * A hive above the size a batch reads into memory once ({@link HiveDumpCommand#READ_ONCE_LIMIT}) is hashed
     * from the file and dumped from a mapping, with the same records and manifest row as a small one: a SYSTEM
     * hive whose one bin is 256 MiB + 4 KB, its cells at the start and one free cell after them (written sparse).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHiveAboveTheReadOnceLimitIsDumpedFromItsMapping(@TempDir Path dir, @TempDir Path work) throws Exception {
        int bin = (int) HiveDumpCommand.READ_ONCE_LIMIT + 4096;
        HiveBuilder b = HiveBuilder.v15().binSize(bin);
        b.key("Select").dword("Current", 1);
        b.key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", "BIG");
        byte[] bytes = b.toBytes();
        assertTrue(bytes.length > HiveDumpCommand.READ_ONCE_LIMIT, "size " + bytes.length);
        int used = bytes.length;
        while (used > 0 && bytes[used - 1] == 0) {
            used--;
        }
        Path big = Files.createDirectories(dir.resolve("case")).resolve("SYSTEM");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.write(bytes, 0, used);
            f.setLength(bytes.length); // the zeros of the free cell as a hole
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        bytes = null;
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("source\tsha256\ttype\tuser\tsid\toutput\tkeys\tvalues\tdamage\treplay\terror",
                big + "\t" + sha + "\tSYSTEM\t\t\tSYSTEM.jsonl\t6\t2\t0\tclean\t"),
                Files.readAllLines(out.resolve("manifest.tsv")));
        // the records are those of the hive dumped alone, each with its source
        Path alone = work.resolve("alone.jsonl");
        assertEquals(0, CliRun.of("hive", "dump", big.toString(), "-o", alone.toString()).exit());
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(alone)) {
            expected.add("{\"source\":" + JSON.writeValueAsString(big.toString()) + "," + line.substring(1));
        }
        assertEquals(expected, Files.readAllLines(out.resolve("SYSTEM.jsonl")));
    }

    @Test
    void usersAreNamedByTheirProfileFolder() {
        assertEquals("bob", HiveTree.user(Path.of("img/Documents and Settings/bob/NTUSER.DAT"), ""));
        assertEquals("eve", HiveTree.user(Path.of("c/users/eve/AppData/Local/Microsoft/Windows/UsrClass.dat"), ""));
        assertEquals("bperry", HiveTree.user(Path.of("case/NTUSER.DAT"), "\\??\\c:\\users\\bperry\\ntuser.dat"));
        assertEquals("", HiveTree.user(Path.of("case/NTUSER.DAT"), ""));
        assertEquals("", HiveTree.user(Path.of("Users/NTUSER.DAT"), "")); // no folder below Users
    }

    @Test
    void dumpWritesOneOutputPerHiveWithSourcesAndAManifest(@TempDir Path dir, @TempDir Path outside,
                                                          @TempDir Path work) throws Exception {
        Tree t = tree(dir, outside);
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", t.root().toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        // the links and the FIFO are never followed, and never passed over in silence; no limit: exit code 0
        assertEquals("patchlens: note: " + t.root() + ": 3 entries are a symbolic link, FIFO or device, never followed "
                + "or opened (Windows/System32/config/SOFTWARE, linked-folder, pipe): name their files on the command "
                + "line or copy them into the folder\n", r.err());
        assertTrue(r.out().startsWith("3 of 3 hives dumped into " + out), r.out());
        try (var files = Files.list(out)) {
            assertEquals(Set.of("UsrClass.dat.jsonl", "NTUSER.DAT.jsonl", "SYSTEM.jsonl", "manifest.tsv"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        List<String> expected = List.of(
                "source\tsha256\ttype\tuser\tsid\toutput\tkeys\tvalues\tdamage\treplay\terror",
                t.usrclass() + "\t" + sha256(t.usrclass()) + "\tUsrClass\talice\t" + SID + "\tUsrClass.dat.jsonl\t2\t0\t0\tclean\t",
                t.ntuser() + "\t" + sha256(t.ntuser()) + "\tNTUSER\talice\t" + SID + "\tNTUSER.DAT.jsonl\t7\t1\t0\tclean\t",
                t.system() + "\t" + sha256(t.system()) + "\tSYSTEM\t\t\tSYSTEM.jsonl\t6\t2\t0\tclean\t");
        assertEquals(expected, Files.readAllLines(out.resolve("manifest.tsv")));
        // every record says where it came from
        List<String> lines = Files.readAllLines(out.resolve("NTUSER.DAT.jsonl"));
        assertEquals(7, lines.size());
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertEquals(t.ntuser().toString(), n.get("source").asText(), line);
            assertEquals("source", n.fieldNames().next(), "source comes first");
        }
        // CSV: a source column first, on every row (a key without values is one row)
        Path csv = work.resolve("csv");
        CliRun c = CliRun.of("hive", "dump", t.root().toString(), "--format", "csv", "-o", csv.toString());
        assertEquals(0, c.exit(), c.err());
        List<String> rows = Files.readAllLines(csv.resolve("SYSTEM.csv"));
        assertTrue(rows.get(0).startsWith("source,path,lastWritten,"), rows.get(0));
        assertEquals(1 + 6, rows.size(), String.join("\n", rows)); // header, 6 keys with at most one value each
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.startsWith(t.system() + ",\\"), row);
        }
    }

    /**
     * A hive whose file name holds control characters (ESC starting a colour sequence, DEL, a tab, a C1 CSI) and a
     * backslash: each is escaped in the manifest as the text outputs escape it, the backslash doubled, so the
     * row stays one line of 11 fields, no raw control character reaches the file, and the name reads back exactly;
     * the output file's own name holds each of them as {@code %XX} (docs/batch.md).
     */
    @Test
    void controlCharactersInANameAreEscapedInTheManifest(@TempDir Path dir, @TempDir Path work) throws Exception {
        boolean unicode = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        String name = "esc\u001b[31mred\u007fdel\ttab\\u001b" + (unicode ? "\u009b2J" : "");
        String shown = "esc\\u001b[31mred\\u007fdel\\ttab\\\\u001b" + (unicode ? "\\u009b2J" : "");
        // the output's name escapes them too, as URLs do (no backslash, which Windows reads as a separator)
        String output = "esc%1B[31mred%7Fdel%09tab%5Cu001b" + (unicode ? "%C2%9B2J" : "") + ".jsonl";
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        Path hive = b.write(Files.createDirectories(dir.resolve("case")).resolve(name));
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(out.resolve(output)), "the output is named after the hive");
        String manifest = Files.readString(out.resolve("manifest.tsv"));
        assertEquals("source\tsha256\ttype\tuser\tsid\toutput\tkeys\tvalues\tdamage\treplay\terror\n"
                + hive.getParent() + "/" + shown + "\t" + sha256(hive) + "\tother\t\t\t" + output + "\t2\t1\t0"
                + "\tclean\t\n", manifest);
        for (char c : manifest.toCharArray()) {
            assertTrue(c == '\t' || c == '\n' || !org.patchlens.report.Printable.escaped(c),
                    String.format("a raw U+%04X in the manifest", (int) c));
        }
    }

    @Test
    void outputNamesFromCraftedHiveNamesAreSafeToListAndType(@TempDir Path dir, @TempDir Path work) throws Exception {
        boolean unicode = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        // each hive's name, and the output name expected for it (written out here, not computed)
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("title\u001b]0;owned\u0007", "title%1B]0;owned%07.jsonl");
        expected.put("two\nlines", "two%0Alines.jsonl");
        expected.put("del\u007f", "del%7F.jsonl");
        expected.put("-rf", "%2Drf.jsonl");
        expected.put(".hidden", "%2Ehidden.jsonl");
        expected.put("x-y.z", "x-y.z.jsonl");
        expected.put("C:\\Windows\\System32\\config\\SAM", "C%3A%5CWindows%5CSystem32%5Cconfig%5CSAM.jsonl");
        expected.put("what?*<|>\"", "what%3F%2A%3C%7C%3E%22.jsonl");
        // the escape of a name that is itself written like an escape stays apart from it
        expected.put("a%1Bb", "a%251Bb.jsonl");
        expected.put("NTUSER (2).DAT", "NTUSER (2).DAT.jsonl");
        // the examiner's own collision numbering: one name in two cases
        expected.put("SAM", "SAM.jsonl");
        expected.put("sam", "sam.2.jsonl");
        // too long for a file name once the temporary name's 22 bytes are added: cut to 180 bytes, then numbered
        expected.put("A".repeat(240), "A".repeat(180) + ".jsonl");
        expected.put("A".repeat(239) + "B", "A".repeat(180) + ".2.jsonl");
        // names Windows takes for a device, or changes: the folder must copy to Windows as it is
        expected.put("CON", "%43ON.jsonl");
        expected.put("con", "%63on.jsonl");
        expected.put("nul.", "%6Eul%2E.jsonl");
        expected.put("Com1.dat", "%43om1.dat.jsonl");
        expected.put("aux .txt", "%61ux .txt.jsonl");
        expected.put("trailing ", "trailing%20.jsonl");
        if (unicode) {
            expected.put("csi\u009b2J", "csi%C2%9B2J.jsonl");
            expected.put("evil\u202egpj.exe", "evil%E2%80%AEgpj.exe.jsonl");
            expected.put("zero\u200bwidth\u00a0nbsp", "zero%E2%80%8Bwidth%C2%A0nbsp.jsonl");
            expected.put("Händler-é", "Händler-é.jsonl");
        }
        Path in = Files.createDirectories(dir.resolve("case"));
        java.util.Map<String, String> bySha = new java.util.HashMap<>();
        int n = 0;
        for (var e : expected.entrySet()) {
            HiveBuilder b = HiveBuilder.v15();
            b.key("Select").dword("Current", n++); // a hash of its own, to find its row
            Path hive = b.write(in.resolve(e.getKey()));
            bySha.put(sha256(hive), e.getValue());
        }
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Set<String> written = new TreeSet<>();
        try (var files = Files.list(out)) {
            files.forEach(f -> written.add(f.getFileName().toString()));
        }
        Set<String> want = new TreeSet<>(expected.values());
        want.add("manifest.tsv");
        assertEquals(want, written);
        for (String name : written) {
            assertFalse(name.startsWith("-") || name.startsWith("."), name);
            assertFalse(name.matches("(?i)(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]|CONIN\\$"
                    + "|CONOUT\\$) *(\\..*)?"), "a Windows device name: " + name);
            assertEquals(name, org.patchlens.report.Printable.of(name), "nothing a text output would escape");
            for (char c : name.toCharArray()) {
                assertFalse("\\:*?\"<>|".indexOf(c) >= 0, String.format("U+%04X in %s", (int) c, name));
            }
        }
        // the manifest names the very file written for each hive, as it is (nothing in it to escape)
        List<String> rows = Files.readAllLines(out.resolve("manifest.tsv"));
        assertEquals(expected.size() + 1, rows.size());
        for (String line : rows.subList(1, rows.size())) {
            String[] row = line.split("\t", -1);
            assertEquals(bySha.get(row[1]), row[5], line);
        }
    }

    @Test
    void aHiveThatCannotBeReadIsARowWithItsReason(@TempDir Path dir, @TempDir Path outside, @TempDir Path work)
            throws Exception {
        Tree t = tree(dir, outside);
        // a hive whose first bin is cut off: found by its base block, refused when read
        Path broken = t.root().resolve("Windows/System32/config/SAM");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(t.system()), 4096 + 16));
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", t.root().toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(2, r.err().lines().count(), r.err()); // the note on the links, then the hive's one line
        assertTrue(r.err().lines().toList().get(1).contains(broken.toString()), r.err());
        List<String> manifest = Files.readAllLines(out.resolve("manifest.tsv"));
        assertEquals(5, manifest.size());
        String[] row = manifest.get(3).split("\t", -1);
        assertEquals(broken.toString(), row[0]);
        assertEquals(sha256(broken), row[1]);
        assertEquals("", row[5], "no output");
        assertFalse(row[10].isEmpty(), "the reason");
        assertFalse(Files.exists(out.resolve("SAM.jsonl")));
    }

    @Test
    void theErrorColumnIsEscapedOnceAsTheOtherColumnsAre(@TempDir Path dir, @TempDir Path work) throws Exception {
        // a hive named with a backslash and ESC, cut after its first bin's header: found by content, refused when read
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        Path broken = Files.createDirectories(dir.resolve("case")).resolve("cut\\dir\u001b[2J");
        Files.write(broken, java.util.Arrays.copyOf(b.toBytes(), 4096 + 16));
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", dir.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        // stderr shows the name as every text output does: the backslash as it is, ESC as \u001b
        String onTerminal = "patchlens: " + broken.getParent() + "/cut\\dir\\u001b[2J";
        assertTrue(r.err().startsWith(onTerminal + ": "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        String reason = r.err().substring(onTerminal.length()).stripTrailing();
        assertFalse(reason.contains("\\"), "the rest of the line holds no escape: " + reason);
        // the manifest escapes each field once: the backslash doubled, ESC as \u001b, in the source and the error alike
        String[] row = Files.readAllLines(out.resolve("manifest.tsv")).get(1).split("\t", -1);
        String inTsv = broken.getParent() + "/cut\\\\dir\\u001b[2J";
        assertEquals(inTsv, row[0]);
        assertEquals("", row[5], "no output");
        assertEquals(inTsv + reason, row[10]);
    }

    @Test
    void timelineMergesTheHivesWithTheirSources(@TempDir Path dir, @TempDir Path outside) throws Exception {
        Tree t = tree(dir, outside);
        CliRun r = CliRun.of("hive", "timeline", t.root().toString(), "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2 + 7 + 6, lines.size());
        Set<String> sources = new TreeSet<>();
        String last = "";
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            sources.add(n.get("source").asText());
            assertTrue(n.get("lastWritten").asText().compareTo(last) >= 0, "sorted by time");
            last = n.get("lastWritten").asText();
        }
        assertEquals(new TreeSet<>(t.hives().stream().map(Path::toString).toList()), sources);
        // a single hive keeps its old output: no source
        CliRun one = CliRun.of("hive", "timeline", t.system().toString(), "--format", "csv");
        assertTrue(one.out().startsWith("lastWritten,lastWrittenRaw,path,subkeys,values"), one.out());
        CliRun csv = CliRun.of("hive", "timeline", t.system().toString(), t.ntuser().toString(), "--format", "csv");
        assertTrue(csv.out().startsWith("source,lastWritten,lastWrittenRaw,path,subkeys,values"), csv.out());
        assertEquals(1 + 6 + 7, csv.out().lines().count());
    }

    @Test
    void deletedInfoAndArtifactsReadTheSameHives(@TempDir Path dir, @TempDir Path outside) throws Exception {
        Tree t = tree(dir, outside);
        CliRun deleted = CliRun.of("hive", "deleted", t.root().toString(), "--format", "csv");
        assertTrue(deleted.exit() == 0 || deleted.exit() == 1, deleted.err());
        assertTrue(deleted.out().startsWith("source,kind,label,"), deleted.out());
        for (String row : deleted.out().lines().skip(1).toList()) {
            assertTrue(t.hives().stream().anyMatch(h -> row.startsWith(h + ",")), row);
        }
        CliRun info = CliRun.of("hive", "info", "--format", "json", t.root().toString());
        assertEquals(0, info.exit(), info.err());
        JsonNode docs = JSON.readTree(info.out());
        assertEquals(3, docs.size());
        List<String> seen = new ArrayList<>();
        for (JsonNode d : docs) {
            seen.add(d.get("source").asText() + "|" + d.get("type").asText() + "|" + d.get("user").asText() + "|"
                    + d.get("sid").asText() + "|" + d.get("sha256").asText());
        }
        assertEquals(List.of(t.usrclass() + "|UsrClass|alice|" + SID + "|" + sha256(t.usrclass()),
                t.ntuser() + "|NTUSER|alice|" + SID + "|" + sha256(t.ntuser()),
                t.system() + "|SYSTEM|||" + sha256(t.system())), seen);
        CliRun text = CliRun.of("hive", "info", t.root().toString());
        assertEquals(3, text.out().lines().filter(l -> l.startsWith("Source:")).count(), text.out());
        CliRun artifacts = CliRun.of("hive", "artifacts", t.root().toString());
        assertTrue(artifacts.exit() != 2, artifacts.err());
        Set<String> hives = new TreeSet<>();
        for (String line : artifacts.out().lines().toList()) {
            hives.add(JSON.readTree(line).get("hive").asText());
        }
        assertTrue(t.hives().stream().map(Path::toString).toList().containsAll(hives), hives.toString());
        assertTrue(hives.contains(t.system().toString()), hives.toString());
    }

    /**
     * A symbolic link to a folder of hives, named on the command line: not followed (as in a walk), and every
     * multi-hive command says that is why, naming the folder to give instead, rather than "no hive found".
     */
    @Test
    void aLinkToAFolderNamedOnTheCommandLineIsRefusedNamingTheFolder(@TempDir Path dir, @TempDir Path outside,
                                                                      @TempDir Path work) throws Exception {
        Tree t = tree(dir, outside);
        Path link = Files.createSymbolicLink(work.resolve("evidence-link"), t.root());
        String line = "patchlens: " + link + ": a symbolic link to a folder, not followed: give the folder itself ("
                + t.root().toRealPath() + ")\n";
        Path out = work.resolve("dumps");
        List<List<String>> runs = List.of(
                List.of("hive", "dump", link.toString(), "-o", out.toString()),
                List.of("hive", "dump", link.toString()),
                List.of("hive", "dump", t.system().toString(), link.toString(), "-o", out.toString()),
                List.of("hive", "timeline", link.toString()),
                List.of("hive", "deleted", link.toString()),
                List.of("hive", "info", link.toString()),
                List.of("hive", "artifacts", link.toString()),
                List.of("hive", "search", "--key", "Select", link.toString()));
        for (List<String> args : runs) {
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertEquals(line, r.err(), args.toString());
            assertEquals("", r.out(), args + ": stdout");
            assertFalse(Files.exists(out), args + ": nothing written");
        }
    }

    @Test
    void aFolderWithoutHivesIsANoteAndExitTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "nothing here\n");
        for (String cmd : List.of("dump", "timeline", "deleted", "info", "artifacts")) {
            CliRun r = cmd.equals("dump") ? CliRun.of("hive", cmd, dir.toString(), "-o", dir.resolve("o").toString())
                    : CliRun.of("hive", cmd, dir.toString());
            assertEquals(2, r.exit(), cmd + ": " + r.err());
            assertTrue(r.err().contains("no hive found"), cmd + ": " + r.err());
        }
    }

    /**
     * The depth limit, said: {@code evidence} is level 0, so the hive in {@code d1/.../d31} (level 32) is read, while
     * {@code d1/.../d32} (a folder at level 32) is not opened and the hive in it is never seen. Every command over the
     * tree says so in one note line naming that folder and the limit, and exits 1 (the result is incomplete, as for an
     * output cut by its budget) where the same tree without that folder exits 0. A tree whose only hive is below the
     * limit is "no hive found" (exit 2), after the note.
     */
    @Test
    void aFolderPastTheDepthLimitIsOneNoteAndExitOne(@TempDir Path dir) throws Exception {
        Path whole = Files.createDirectories(dir.resolve("whole"));
        Path cut = Files.createDirectories(dir.resolve("cut"));
        Path level31 = Path.of("d1");
        for (int i = 2; i <= 31; i++) {
            level31 = level31.resolve("d" + i);
        }
        Path deep = cut.resolve(level31).resolve("d32");
        for (Path root : List.of(whole, cut)) {
            HiveBuilder sys = HiveBuilder.v15();
            sys.key("Select").dword("Current", 1);
            sys.write(root.resolve("SYSTEM"));
            Files.createDirectories(root.resolve(level31));
            HiveBuilder seen = HiveBuilder.v15();
            seen.key("Microsoft").sz("Seen", "level 32");
            seen.write(root.resolve(level31).resolve("SOFTWARE"));
        }
        Files.createDirectories(deep);
        HiveBuilder unseen = HiveBuilder.v15();
        unseen.key("Microsoft").sz("Unseen", "level 33");
        unseen.write(deep.resolve("SOFTWARE"));
        String note = "patchlens: note: " + deep + ": folder not opened: it is 32 levels below " + cut + " (level 0), and "
                + "the walk opens folders down to level 31; the files in it were not looked at: give it as a folder of "
                + "its own\n";
        for (String cmd : List.of("dump", "timeline", "deleted", "info", "artifacts", "search")) {
            for (Path root : List.of(whole, cut)) {
                List<String> args = new ArrayList<>(List.of("hive", cmd));
                if (cmd.equals("search")) {
                    args.addAll(List.of("--value", "Seen|Unseen"));
                }
                args.add(root.toString());
                if (cmd.equals("dump")) {
                    args.addAll(List.of("-o", dir.resolve("out-" + root.getFileName()).toString()));
                }
                CliRun r = CliRun.of(args.toArray(String[]::new));
                if (root == whole) {
                    assertEquals(0, r.exit(), args + ": " + r.err());
                    assertEquals("", r.err(), args.toString());
                } else {
                    assertEquals(1, r.exit(), args + ": " + r.err());
                    assertEquals(note, r.err(), args.toString());
                }
                if (cmd.equals("search") || cmd.equals("timeline") || cmd.equals("info")) {
                    assertTrue(r.out().contains(root.resolve(level31).resolve("SOFTWARE").toString()), args + ": " + r.out());
                }
                assertFalse(r.out().contains("Unseen") || r.out().contains(deep.toString() + "/SOFTWARE"), args + ": "
                        + r.out());
            }
        }
        // the only hive below the limit: no hive found, and the note says where they may be
        Path only = dir.resolve("only");
        Files.createDirectories(only.resolve(level31));
        Files.move(cut.resolve(level31).resolve("d32"), only.resolve(level31).resolve("d32"));
        CliRun r = CliRun.of("hive", "info", only.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(note.replace(cut.toString(), only.toString()) + "patchlens: " + only + ": no hive found in this "
                + "folder (hives are found by content; symbolic links are not followed)\n", r.err());
    }

    /**
     * Past the file limit (a small one here; 100,000 in use) the walk stops, and its note names the folder and the
     * limit; a command over the tree then exits 1 ({@link HiveTree.Tree#code}).
     */
    @Test
    void theFilesPastTheLimitAreOneNote(@TempDir Path dir) throws Exception {
        for (String name : List.of("a", "b", "c")) {
            HiveBuilder h = HiveBuilder.v15();
            h.key("Microsoft");
            h.write(dir.resolve(name));
        }
        List<String> notes = new ArrayList<>();
        assertEquals(2, HiveTree.hivesUnder(dir, notes, 2).size());
        assertEquals(List.of(dir + ": more than 2 files: only the first 2 the walk met were looked at (at most 2 files "
                + "in one walk): give its subfolders one at a time"), notes);
        notes.clear();
        assertEquals(3, HiveTree.hivesUnder(dir, notes, 3).size());
        assertEquals(List.of(), notes, "at the limit exactly, nothing is left out");
        assertEquals(1, new HiveTree.Tree(List.of(), List.of(), List.of(), List.of("a cut")).code(Main.OK));
        assertEquals(2, new HiveTree.Tree(List.of(), List.of(), List.of(), List.of("a cut")).code(Main.BAD_INPUT));
        assertEquals(0, new HiveTree.Tree(List.of(), List.of(), List.of("a note"), List.of()).code(Main.OK));
    }

    /** A small SYSTEM-like hive whose base block names {@code fileName}; {@code n} is Select's Current. */
    private static byte[] named(String fileName, int n) {
        HiveBuilder b = HiveBuilder.v15().fileName(fileName);
        b.key("Select").dword("Current", n);
        b.key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", "HOST1");
        return b.toBytes();
    }

    /** {@code hive} with these base block sequence numbers, its checksum made right again. */
    private static byte[] sequence(byte[] hive, int primary, int secondary) {
        byte[] b = hive.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, primary).putInt(8, secondary)
                .putInt(508, (int) HiveBuilder.checksumOf(b));
        return b;
    }

    /**
     * A log beside a hive whose base block copy names another hive (docs/replay.md, "A log of another hive") is said
     * in the manifest's replay verdict, applied (as Windows would) or not; the hive's own log adds nothing.
     */
    @Test
    void theManifestSaysWhichLogsBesideAHiveAreAnotherHives(@TempDir Path dir, @TempDir Path work) throws Exception {
        String system = "\\Config\\SYSTEM";
        String software = "\\Config\\SOFTWARE";
        byte[][] own = FuzzSeeds.dirtyWithLog(named(system, 1), named(system, 2)); // 11/10, a log of sequence 10
        byte[] othersLog = FuzzSeeds.dirtyWithLog(named(software, 1), named(software, 2))[1];
        Path applied = Files.createDirectories(dir.resolve("a")).resolve("SYSTEM");
        Files.write(applied, own[0]);
        Files.write(dir.resolve("a/SYSTEM.LOG1"), othersLog);
        Path refused = Files.createDirectories(dir.resolve("b")).resolve("SYSTEM");
        Files.write(refused, sequence(own[0], 21, 20)); // the log's entries (10) are older than the hive
        Files.write(dir.resolve("b/SYSTEM.LOG1"), othersLog);
        Path clean = Files.createDirectories(dir.resolve("c")).resolve("SYSTEM");
        Files.write(clean, named(system, 1));
        Files.write(dir.resolve("c/SYSTEM.LOG1"), othersLog);
        Path itsOwn = Files.createDirectories(dir.resolve("d")).resolve("SYSTEM");
        Files.write(itsOwn, own[0]);
        Files.write(dir.resolve("d/SYSTEM.LOG1"), own[1]);
        Path out = work.resolve("dumps");
        CliRun r = CliRun.of("hive", "dump", dir.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        String differs = "embedded file name \"" + software + "\", the hive's is \"" + system + "\"";
        List<String> verdicts = new ArrayList<>();
        for (String[] row : BatchFolder.manifest(out)) {
            verdicts.add(row[0] + " " + row[9]);
        }
        assertEquals(List.of(
                applied + " applied (another hive's log " + applied + ".LOG1 applied: " + differs + ")",
                refused + " nothing-applied (another hive's log " + refused + ".LOG1 not applied: " + differs + ")",
                clean + " clean (another hive's log " + clean + ".LOG1 not applied: " + differs + ")",
                itsOwn + " applied").stream().map(v -> v.replace("\\", "\\\\")).toList(), verdicts,
                "a backslash doubled, as in every field");
    }
}
