package org.patchlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;
import org.patchlens.testing.Corpus;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The proof of issue 18: corpus hives laid out as three hosts (dirty ones with their logs, a corrupt hive, a
 * hive whose logs cannot be replayed, files that are not hives) go through the job in local mode, and the
 * Parquet read back equals, hive by hive, what the command line prints for the same files: every key and
 * value ({@code hive dump}), every artifact entry ({@code hive artifacts}), every recovered record
 * ({@code hive deleted}), the damage counts and the errors.
 */
@Tag("spark") // run by the pom's spark-tests execution, in a JVM with Spark's module openings
class FleetJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    private static Path tree;
    private static SparkSession spark;
    private static int inputs;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        Path hives = Corpus.root().get().resolve("hives");
        tree = tmp.resolve("fleet");
        String[][] layout = {
            {"regipy/SYSTEM", "host-a/config/SYSTEM"},
            {"regipy/SAM", "host-a/config/SAM"},
            {"regipy/SECURITY", "host-a/config/SECURITY"},
            {"regipy/amcache.hve", "host-a/Amcache/Amcache.hve"},
            {"regipy/NTUSER.DAT", "host-a/Users/alice/NTUSER.DAT"},
            {"regipy/UsrClass.dat", "host-a/Users/alice/Classes/UsrClass.dat"},
            {"regipy/UsrClass.dat.LOG1", "host-a/Users/alice/Classes/UsrClass.dat.LOG1"},
            {"regipy/UsrClass.dat.LOG2", "host-a/Users/alice/Classes/UsrClass.dat.LOG2"},
            {"dfwinreg/SAM", "host-b/config/SAM"},
            {"dfwinreg/NTUSER.DAT", "host-b/Users/bob/NTUSER.DAT"},
            {"dfwinreg/NTUSER.DAT.LOG", "host-b/Users/bob/ntuser.dat.log"},
            {"yarp/NewDirtyHive1/NewDirtyHive", "host-b/Users/dirty/NewDirtyHive"},
            {"yarp/NewDirtyHive1/NewDirtyHive.LOG1", "host-b/Users/dirty/NewDirtyHive.LOG1"},
            {"yarp/NewDirtyHive1/NewDirtyHive.LOG2", "host-b/Users/dirty/NewDirtyHive.LOG2"},
            {"regipy/corrupted_system_hive", "host-b/config/SYSTEM"},
            {"registry-ez/BCD", "host-c/Boot/BCD"},
            {"notatin/NTUSER.DAT", "host-c/Users/carol/NTUSER.DAT"},
            {"yarp/DeletedDataHiveTruncated", "host-c/config/SOFTWARE"},
            {"yarp/TruncatedHive", "host-c/config/DEFAULT"},
            {"yarp/BadLogHive1/BadLogHive", "host-c/Users/bad/NTUSER.DAT"},
            {"yarp/BadLogHive1/BadLogHive.LOG1", "host-c/Users/bad/NTUSER.DAT.LOG1"},
            {"yarp/BadLogHive1/BadLogHive.LOG2", "host-c/Users/bad/NTUSER.DAT.LOG2"},
            {"registry-ez/NotAHive", "host-c/Windows/notepad.exe"},
            {"yarp/DeletedTreeHive", "host-c/Users/carol/AppData/UsrClass.dat"},
        };
        for (String[] l : layout) {
            Path to = tree.resolve(l[1]);
            Files.createDirectories(to.getParent());
            Files.copy(hives.resolve(l[0]), to);
        }
        Files.writeString(tree.resolve("host-a/collection-notes.txt"), "collected by the test\n");
        inputs = layout.length + 1;
        spark = SparkSession.builder().master("local[2]").appName("FleetJobTest")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Path run(String mode) {
        Path out = tmp.resolve("out-" + mode);
        FleetJob.Mode m = FleetJob.Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        String input = tree.toUri().toString() + "*";
        FleetJob.run(spark, new FleetJob.Settings(m, FleetJob.root(input), null, 600), input, out.toString());
        return out;
    }

    private static List<Row> table(Path out, String name) {
        return spark.read().parquet(out.resolve(name).toString()).collectAsList();
    }

    /** The local file a row's path names. */
    private static Path local(String path) {
        return Path.of(FleetJob.pathPart(path));
    }

    private record Cli(int exit, String out, String err) {
    }

    /**
     * {@code hive COMMAND FILE} as the job read the hive of {@code files} row {@code f}: a replay that failed there
     * is read as found, as the CLI's --no-logs reads it.
     */
    private static Cli asTheJobRead(Row f, String command, Path file) {
        return f.<String>getAs("replay").startsWith("FAILED") ? cli("hive", command, "--no-logs", file.toString())
                : cli("hive", command, file.toString());
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    private static List<JsonNode> lines(String jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** The damage count the CLI printed on stderr ("N problems in the hive"), 0 when none. */
    private static int damage(String err) {
        Matcher m = Pattern.compile("(\\d+) problems? in the hive").matcher(err);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The damage records the CLI listed under its "N problems in the hive" line, without the file's name. */
    private static List<String> damageLines(String err, String file) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : err.split("\n")) {
            if (line.matches(".*\\d+ problems? in the hive.*")) {
                in = true;
            } else if (in && line.startsWith("  ") && !line.startsWith("  ... (")) {
                String d = line.substring(2);
                out.add(d.startsWith(file + ": ") ? d.substring(file.length() + 2) : d);
            } else {
                in = false;
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        Collections.sort(s);
        return s;
    }

    /** The files rows by path; every input has exactly one. */
    private static Map<String, Row> files(Path out) throws IOException {
        Map<String, Row> byPath = new TreeMap<>();
        for (Row r : table(out, "files")) {
            assertNull(byPath.put(r.getAs("path"), r), "one files row per input: " + r);
        }
        long onDisk;
        try (Stream<Path> s = Files.walk(tree)) {
            onDisk = s.filter(Files::isRegularFile).count();
        }
        assertEquals(inputs, onDisk);
        assertEquals(onDisk, byPath.size(), byPath.keySet().toString());
        return byPath;
    }

    private static Row file(Map<String, Row> files, String rel) {
        for (Map.Entry<String, Row> e : files.entrySet()) {
            if (local(e.getKey()).equals(tree.resolve(rel))) {
                return e.getValue();
            }
        }
        throw new AssertionError("no files row for " + rel + " in " + files.keySet());
    }

    @Test
    void dumpEqualsHiveDumpHiveByHive() throws IOException {
        Path out = run("dump");
        Map<String, Row> files = files(out);
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, List<String>> values = new HashMap<>();
        for (Row r : table(out, "keys")) {
            keys.computeIfAbsent(r.getAs("hive"), k -> new ArrayList<>()).add(String.join("|", r.<String>getAs(
                    "key_path"), r.getAs("name"), r.getAs("last_written"), String.valueOf(r.<Long>getAs("offset")),
                    String.valueOf(r.<String>getAs("class_name")), r.getAs("hive_type"), r.getAs("host")));
        }
        for (Row r : table(out, "values")) {
            List<String> list = r.isNullAt(r.fieldIndex("value_list")) ? null : r.getList(r.fieldIndex("value_list"));
            values.computeIfAbsent(r.getAs("hive"), k -> new ArrayList<>()).add(String.join("|",
                    r.<String>getAs("key_path"), String.valueOf(r.<Long>getAs("key_offset")), r.getAs("value_name"),
                    r.getAs("type"), String.valueOf(r.<Long>getAs("type_code")), String.valueOf(r.<Integer>getAs("size")),
                    r.getAs("hex"), list == null ? r.getAs("value") : "list:" + list, String.valueOf(r.getList(
                            r.fieldIndex("anomalies")))));
        }
        int hives = 0;
        int failed = 0;
        for (Row f : files.values()) {
            if (!f.getAs("kind").equals("hive")) {
                continue;
            }
            hives++;
            String path = f.getAs("path");
            Path file = local(path);
            String replay = f.getAs("replay");
            Cli c = asTheJobRead(f, "dump", file);
            String where = file + ": " + c.err();
            String host = tree.relativize(file).getName(0).toString();
            assertEquals(host, f.getAs("host"), where);
            if (c.exit() == Main.BAD_INPUT) {
                // the hive could not be read at all: the job says why, with the CLI's words, and has no rows for it
                failed++;
                String error = f.getAs("error");
                assertNotNull(error, where);
                assertTrue(c.err().contains(error.replace(path, file.toString())), where + " vs " + error);
                assertFalse(keys.containsKey(path), where);
                continue;
            }
            assertNull(f.getAs("error"), where);
            List<String> cliKeys = new ArrayList<>();
            List<String> cliValues = new ArrayList<>();
            for (JsonNode k : lines(c.out())) {
                cliKeys.add(String.join("|", k.get("path").asText(), k.get("name").asText(),
                        k.get("lastWritten").asText(), k.get("offset").asText(), String.valueOf(text(k.get("className"))),
                        f.getAs("hive_type"), host));
                for (JsonNode v : k.get("values")) {
                    JsonNode val = v.get("value");
                    List<String> anomalies = new ArrayList<>();
                    if (v.has("anomalies")) {
                        v.get("anomalies").forEach(a -> anomalies.add(a.asText()));
                    }
                    String shown = val.isArray() ? "list:" + stream(val).map(JsonNode::asText).toList() : val.asText();
                    cliValues.add(String.join("|", k.get("path").asText(), k.get("offset").asText(),
                            v.get("name").asText(), v.get("type").asText(), v.get("typeCode").asText(),
                            v.get("size").asText(), v.get("hex").asText(), shown, anomalies.toString()));
                }
            }
            assertFalse(cliKeys.isEmpty(), where);
            assertEquals(sorted(cliKeys), sorted(keys.getOrDefault(path, List.of())), where);
            assertEquals(sorted(cliValues), sorted(values.getOrDefault(path, List.of())), where);
            assertEquals(cliKeys.size(), f.<Long>getAs("keys"), where);
            assertEquals(cliValues.size(), f.<Long>getAs("values"), where);
            assertEquals(damage(c.err()), f.<Integer>getAs("damage_count"), where);
            List<String> damage = f.getList(f.fieldIndex("damage"));
            assertEquals(f.<Integer>getAs("damage_count"), damage.size(), where);
            // the damage records themselves: the CLI lists the first ten, each naming the file first
            List<String> listed = damageLines(c.err(), file.toString());
            assertEquals(Math.min(10, damage.size()), listed.size(), where);
            assertEquals(listed, damage.subList(0, listed.size()), where);
            assertEquals(c.err().contains("transaction logs applied in memory"), replay.equals("APPLIED"),
                    where + " replay " + replay);
        }
        assertEquals(16, hives, "the layout's 24 files less 7 logs and the executable");
        // the corpus's corrupt hives (README: refused with one line, or read in part): either way, said in files
        for (String corrupt : List.of("host-b/config/SYSTEM", "host-c/config/SOFTWARE", "host-c/config/DEFAULT")) {
            Row f = file(files, corrupt);
            assertTrue(f.getAs("error") != null || f.<Integer>getAs("damage_count") > 0, corrupt + ": " + f);
        }
        assertTrue(failed < 3, "at least one corrupt hive is read in part");

        // what the layout says, independently of the CLI
        assertEquals("APPLIED", file(files, "host-a/Users/alice/Classes/UsrClass.dat").getAs("replay"));
        assertEquals("APPLIED", file(files, "host-b/Users/dirty/NewDirtyHive").getAs("replay"));
        assertTrue(file(files, "host-c/Users/bad/NTUSER.DAT").<String>getAs("replay").startsWith("FAILED"));
        assertEquals("log", file(files, "host-b/Users/bob/ntuser.dat.log").getAs("kind"));
        assertEquals("applied", file(files, "host-b/Users/dirty/NewDirtyHive.LOG1").getAs("replay"));
        assertEquals("other", file(files, "host-c/Windows/notepad.exe").getAs("kind"));
        assertEquals("other", file(files, "host-a/collection-notes.txt").getAs("kind"));
        assertEquals("SYSTEM", file(files, "host-a/config/SYSTEM").getAs("hive_type"));
        assertTrue(file(files, "host-c/config/SOFTWARE").<Integer>getAs("damage_count") > 0, "a truncated hive");
        Row sys = file(files, "host-a/config/SYSTEM");
        assertEquals(org.patchlens.evidence.Hashing.sha256(Files.readAllBytes(tree.resolve("host-a/config/SYSTEM"))), sys.getAs("sha256"));
        // an empty file, which Spark's file sources never hand to a task, has its row too (BadLogHive's .LOG2)
        assertEquals(0, Files.size(tree.resolve("host-c/Users/bad/NTUSER.DAT.LOG2")));
        Row empty = file(files, "host-c/Users/bad/NTUSER.DAT.LOG2");
        assertEquals("log", empty.getAs("kind"));
        assertEquals(0L, empty.<Long>getAs("size"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.getAs("sha256"));
        // partitioned by hive type
        assertTrue(Files.isDirectory(out.resolve("keys/hive_type=SYSTEM")));
        assertTrue(Files.isDirectory(out.resolve("files/hive_type=none")));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l.stream();
    }

    @Test
    void artifactsEqualHiveArtifactsHiveByHive() throws IOException {
        Path out = run("artifacts");
        Map<String, Row> files = files(out);
        Map<String, List<String>> rows = new HashMap<>();
        java.util.Set<String> programSet = new java.util.HashSet<>();
        for (Row r : table(out, "artifacts")) {
            Map<String, String> fields = CollectionConverters.asJava(r.<scala.collection.Map<String, String>>getAs(
                    "fields"));
            if (List.of("user_assist", "bam").contains(r.<String>getAs("plugin"))) {
                String p = fields.containsKey("program") ? fields.get("program") : fields.get("executable");
                if (p != null) {
                    programSet.add(p.toLowerCase(java.util.Locale.ROOT));
                }
            }
            Map<String, Object> offsets = CollectionConverters.asJava(r.<scala.collection.Map<String, Object>>getAs(
                    "field_offsets"));
            String shown = new TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "@"
                    + offsets.get(e.getKey())).collect(Collectors.joining(";"));
            rows.computeIfAbsent(r.getAs("hive"), k -> new ArrayList<>()).add(String.join("|", r.<String>getAs(
                    "plugin"), r.getAs("key_path"), String.valueOf(r.<Long>getAs("key_offset")), r.getAs("last_written"),
                    String.valueOf(r.<String>getAs("value_name")), r.getAs("hive_type"), shown,
                    String.valueOf(r.getList(r.fieldIndex("notes")))));
        }
        int withEntries = 0;
        for (Row f : files.values()) {
            if (!f.getAs("kind").equals("hive") || f.getAs("error") != null) {
                continue;
            }
            String path = f.getAs("path");
            Path file = local(path);
            Cli c = asTheJobRead(f, "artifacts", file);
            List<String> expected = new ArrayList<>();
            for (JsonNode e : lines(c.out())) {
                Map<String, String> fields = new TreeMap<>();
                e.get("fields").fields().forEachRemaining(x -> fields.put(x.getKey(), x.getValue().get("value").asText()
                        + "@" + x.getValue().get("offset").asText()));
                List<String> notes = new ArrayList<>();
                e.get("notes").forEach(n -> notes.add(n.asText()));
                expected.add(String.join("|", e.get("plugin").asText(), e.get("keyPath").asText(),
                        e.get("keyOffset").asText(), e.get("lastWritten").asText(), String.valueOf(text(e.get(
                                "valueName"))), e.get("hiveType").asText(), fields.entrySet().stream().map(x ->
                                x.getKey() + "=" + x.getValue()).collect(Collectors.joining(";")), notes.toString()));
            }
            String where = file + ": " + c.err();
            assertEquals(sorted(expected), sorted(rows.getOrDefault(path, List.of())), where);
            assertEquals(expected.size(), f.<Long>getAs("entries"), where);
            assertEquals(damage(c.err()), f.<Integer>getAs("damage_count"), where);
            withEntries += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(withEntries >= 6, "SYSTEM, SAM, SECURITY, Amcache, NTUSER and UsrClass hives have entries: "
                + withEntries);

        // the queries of docs/scale.md, on the same table
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW artifacts USING parquet OPTIONS (path '" + out.resolve("artifacts")
                + "')");
        List<Row> programs = spark.sql("SELECT lower(coalesce(fields['program'], fields['executable'])) AS program, "
                + "count(DISTINCT host) AS hosts, max(coalesce(fields['lastRun'], fields['lastExecution'])) AS "
                + "last_seen FROM artifacts WHERE plugin IN ('user_assist', 'bam') GROUP BY 1 "
                + "HAVING count(DISTINCT host) > 0 ORDER BY hosts DESC").collectAsList();
        assertFalse(programSet.isEmpty(), "regipy's NTUSER.DAT has UserAssist entries");
        assertEquals(programSet.size(), programs.size());
        List<Row> usb = spark.sql("SELECT fields['vid'] AS vid, fields['pid'] AS pid, fields['instanceId'] AS serial, "
                + "first(fields['friendlyName'], true) AS name, count(DISTINCT host) AS hosts, "
                + "sort_array(collect_set(host)) AS seen_on FROM artifacts WHERE plugin = 'usb_devices' "
                + "AND fields['vid'] IS NOT NULL GROUP BY 1, 2, 3 ORDER BY hosts DESC").collectAsList();
        assertFalse(usb.isEmpty(), "regipy's SYSTEM has USB devices");
        for (Row u : usb) {
            assertTrue(u.getList(5).contains("host-a"), "only host-a has a whole SYSTEM hive: " + u);
        }
    }

    @Test
    void deletedEqualsHiveDeletedHiveByHive() throws IOException {
        Path out = run("deleted");
        Map<String, Row> files = files(out);
        Map<String, List<String>> rows = new HashMap<>();
        for (Row r : table(out, "deleted")) {
            rows.computeIfAbsent(r.getAs("hive"), k -> new ArrayList<>()).add(String.join("|", r.<String>getAs("label"),
                    r.getAs("kind"), r.getAs("path"), String.valueOf(r.<Long>getAs("offset")),
                    String.valueOf(r.<String>getAs("hex")), String.valueOf(r.<String>getAs("value"))));
        }
        long total = 0;
        for (Row f : files.values()) {
            if (!f.getAs("kind").equals("hive") || f.getAs("error") != null) {
                continue;
            }
            String path = f.getAs("path");
            Path file = local(path);
            Cli c = asTheJobRead(f, "deleted", file);
            List<String> expected = new ArrayList<>();
            for (JsonNode d : lines(c.out())) {
                expected.add(String.join("|", d.get("recovered").asText(), d.get("kind").asText(),
                        d.get("path").asText(), d.get("offset").asText(), String.valueOf(text(d.get("hex"))),
                        String.valueOf(text(d.get("value")))));
            }
            assertEquals(sorted(expected), sorted(rows.getOrDefault(path, List.of())), file + ": " + c.err());
            assertEquals(expected.size(), f.<Long>getAs("recovered"));
            total += expected.size();
        }
        assertTrue(total > 0, "DeletedTreeHive and the truncated hive hold deleted records");
    }
}
