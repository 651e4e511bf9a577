package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.EseBuilder;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.DeletedWriter;
import org.patchlens.report.SearchWriter;
import org.patchlens.report.DiffWriter;
import org.patchlens.report.FindingsWriter;
import org.patchlens.report.HistoryWriter;
import org.patchlens.report.HiveDump;
import org.patchlens.report.TimelineWriter;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Scenarios;

/**
 * Issue 13 section 4: stdout of every command in every machine format holds that format and nothing else,
 * on clean and on damaged input. Every stdout is parsed as a program would parse it (Jackson, commons-csv,
 * the listing grammar of docs/hive-formats.md), and its records are counted against what the builders put in.
 * <ul>
 * <li>JSONL: every line one JSON object, each line ending in LF, no blank line, no banner.</li>
 * <li>JSON: one document, only whitespace after it.</li>
 * <li>CSV: RFC 4180, the command's header row, the same number of columns on every record, and the text is
 * exactly what an RFC 4180 printer makes of the parsed records (so no stray line survives).</li>
 * <li>listing: only {@code K} and {@code V} lines of the oracle grammar.</li>
 * </ul>
 */
class MachineOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    static Path tmp;

    /** The sampler hive (every cell type) and the builder that made it. */
    static HiveBuilder built;
    static Path hive;
    /** The sampler with Select's value list offset pointing past the end of the hive. */
    static Path damaged;
    /** The sampler with one value changed and one key with one value added (three differences from {@link #hive}). */
    static Path changed;
    /** A hive with one deleted key and two deleted values in its free cells. */
    static Path deletedHive;
    static HiveBuilder deletedBuilt;
    /** A dirty sampler with a log beside it (SYSTEM.LOG1) that adds \Added\ByTheLog with two values. */
    static Path dirty;
    /** A folder of five ESE logs and a checkpoint, and a database. */
    static Path eseLogs;
    static Path database;
    /** A whole clean restore (RestoreScenario offline base) and its operator options. */
    static Path scenario;
    static List<String> scenarioOptions;

    @BeforeAll
    static void evidence() throws IOException {
        Path ev = Files.createDirectories(tmp.resolve("evidence"));
        built = FuzzSeeds.sampler(5);
        hive = built.write(ev.resolve("SYSTEM"));

        HiveBuilder d = FuzzSeeds.sampler(5);
        HiveBuilder.Image img = d.build();
        img.putU4(d.key("Select").nkOffset(), 40, 0x7FFFFFF8L);
        damaged = img.write(ev.resolve("DAMAGED"));

        HiveBuilder c = FuzzSeeds.sampler(5);
        c.key("Select").dword("Current", 2);
        c.key("NewKey").sz("x", "y");
        changed = c.write(ev.resolve("CHANGED"));

        deletedBuilt = HiveBuilder.version(3);
        HiveBuilder.K vendor = deletedBuilt.key("Software\\Vendor");
        vendor.sz("Keep", "still here").dword("Num", 7).sz("Gone", "secret text");
        vendor.key("Old").sz("Path", "C:\\old");
        deletedBuilt.key("System\\Setup").dword("Flag", 1);
        HiveBuilder.Image di = deletedBuilt.build();
        HiveBuilder.K old = deletedBuilt.key("Software\\Vendor\\Old");
        HiveBuilder.V gone = vendor.val("Gone");
        HiveBuilder.V path = old.val("Path");
        di.free(gone.vkOffset()).free(gone.dataOffset()).putU4(vendor.nkOffset(), 36, 2);
        di.free(old.nkOffset()).free(old.valueListOffset()).free(path.vkOffset()).free(path.dataOffset());
        di.free(vendor.subkeyListOffset()).putU4(vendor.nkOffset(), 20, 0).putU4(vendor.nkOffset(), 28, 0xFFFFFFFFL);
        deletedHive = di.write(Files.createDirectories(tmp.resolve("deleted")).resolve("NTUSER.DAT"));

        byte[][] replay = FuzzSeeds.replays().get(0);
        Path dd = Files.createDirectories(tmp.resolve("dirty"));
        dirty = Files.write(dd.resolve("SYSTEM"), replay[0]);
        Files.write(dd.resolve("SYSTEM.LOG1"), replay[1]);

        eseLogs = Files.createDirectories(tmp.resolve("mdbdata"));
        InputKindsTest.writeLogSet(eseLogs);
        database = Files.write(Files.createDirectories(tmp.resolve("db")).resolve("priv1.edb"),
                EseBuilder.Database.current(8192).set("state", 3).bytes());

        scenario = Files.createDirectories(tmp.resolve("restore"));
        scenarioOptions = Scenarios.offlineBase(scenario);
    }

    // ================================================================== parsers

    /** JSONL: every line one JSON object; the text ends with a line end; no blank line, no CR. */
    static List<JsonNode> jsonl(String out, String what) {
        List<JsonNode> rows = new ArrayList<>();
        if (out.isEmpty()) {
            return rows;
        }
        assertTrue(out.endsWith("\n"), what + ": the last line has no line end:\n" + tail(out));
        int n = 0;
        for (String line : out.substring(0, out.length() - 1).split("\n", -1)) {
            n++;
            assertFalse(line.isBlank(), what + ": line " + n + " is blank");
            assertFalse(line.endsWith("\r"), what + ": line " + n + " ends in CR LF");
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(what + ": line " + n + " is not JSON (" + e.getMessage() + "): " + line);
            }
            assertTrue(node.isObject(), what + ": line " + n + " is not a JSON object: " + line);
            rows.add(node);
        }
        return rows;
    }

    /** JSON: one document and only whitespace after it. */
    static JsonNode json(String out, String what) {
        try {
            JsonNode node = JSON.readTree(out);
            assertTrue(node != null && (node.isObject() || node.isArray()), what + ": no JSON document:\n" + out);
            return node;
        } catch (IOException e) {
            throw new AssertionError(what + ": not one JSON document (" + e.getMessage() + "):\n" + tail(out));
        }
    }

    /**
     * CSV (RFC 4180): the first record is {@code header}, every record has as many columns, and printing the parsed
     * records again with an RFC 4180 printer gives the text back exactly (CRLF record ends, nothing else in it).
     * Returns the records after the header.
     */
    static List<CSVRecord> csv(String out, List<String> header, String what) {
        List<CSVRecord> all;
        try {
            all = CSVFormat.RFC4180.parse(new StringReader(out)).getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError(what + ": not RFC 4180 CSV (" + e.getMessage() + "):\n" + tail(out));
        }
        assertFalse(all.isEmpty(), what + ": no header row");
        assertEquals(header, all.get(0).toList(), what + ": header row");
        for (CSVRecord r : all) {
            assertEquals(header.size(), r.size(), what + ": record " + r.getRecordNumber() + " has " + r.size()
                    + " columns: " + r.toList());
        }
        StringBuilder again = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(again, CSVFormat.RFC4180)) {
            for (CSVRecord r : all) {
                p.printRecord(r.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(again.toString(), out, what + ": the text is not exactly its RFC 4180 records");
        return all.subList(1, all.size());
    }

    private static final Pattern K_LINE = Pattern.compile("K\t(\\\\[^\t\\x00-\\x1f\\x7f]*)\t(\\d+)\t([^\t\\x00-\\x1f\\x7f]*)");
    private static final Pattern V_LINE = Pattern.compile(
            "V\t(\\\\[^\t\\x00-\\x1f\\x7f]*)\t([^\t\\x00-\\x1f\\x7f]*)\t(\\d+)\t(\\d+)\t((?:[0-9a-f]{2})*)");

    /** The listing grammar: K and V lines only, each V after the K of its own key, size = hex bytes. {keys, values}. */
    static long[] listing(String out, String what) {
        assertTrue(out.isEmpty() || out.endsWith("\n"), what + ": the last line has no line end");
        long keys = 0;
        long values = 0;
        String key = null;
        int n = 0;
        for (String line : out.isEmpty() ? new String[0] : out.substring(0, out.length() - 1).split("\n", -1)) {
            n++;
            Matcher k = K_LINE.matcher(line);
            Matcher v = V_LINE.matcher(line);
            if (k.matches()) {
                keys++;
                key = k.group(1);
            } else if (v.matches()) {
                values++;
                assertEquals(key, v.group(1), what + ": line " + n + ": a value not after its key: " + line);
                assertEquals(Integer.parseInt(v.group(4)), v.group(5).length() / 2, what + ": line " + n + ": size");
            } else {
                throw new AssertionError(what + ": line " + n + " is not a K or V line: " + line.replace("\t", "<TAB>"));
            }
        }
        return new long[] {keys, values};
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static String cmd(String... args) {
        return String.join(" ", args);
    }

    /** Every key below (and with) {@code k}, paths as the dump prints them. */
    static List<String> keyPaths(HiveBuilder.K k) {
        List<String> out = new ArrayList<>();
        out.add(k.path());
        for (HiveBuilder.K c : k.listed()) {
            out.addAll(keyPaths(c));
        }
        return out;
    }

    static int valueCount(HiveBuilder.K k) {
        int n = k.values().size();
        for (HiveBuilder.K c : k.children()) {
            n += valueCount(c);
        }
        return n;
    }

    static int keysWithoutValues(HiveBuilder.K k) {
        int n = k.values().isEmpty() ? 1 : 0;
        for (HiveBuilder.K c : k.children()) {
            n += keysWithoutValues(c);
        }
        return n;
    }

    /** A clean run: the exit code, and nothing at all on stderr. */
    static CliRun clean(int exit, String... args) {
        CliRun r = run(args);
        assertEquals(exit, r.exit(), cmd(args) + "\n" + r.err());
        assertEquals("", r.err(), cmd(args) + ": stderr");
        return r;
    }

    // ================================================================== hive dump

    @Test
    void hiveDumpJsonlIsOneObjectPerBuiltKeyWithEveryBuiltValue() {
        CliRun r = clean(0, "hive", "dump", hive.toString(), "--format", "jsonl");
        List<JsonNode> rows = jsonl(r.out(), "hive dump --format jsonl");
        assertEquals(keyPaths(built.root()), rows.stream().map(n -> n.get("path").asText()).toList(),
                "one object per key, in pre-order");
        assertEquals(valueCount(built.root()), rows.stream().mapToInt(n -> n.get("values").size()).sum());
        JsonNode select = rows.stream().filter(n -> n.get("path").asText().equals("\\Select")).findFirst().orElseThrow();
        assertEquals("Current", select.get("values").get(0).get("name").asText());
        assertEquals(1, select.get("values").get(0).get("value").asLong());
        // the default format is jsonl: the same bytes without --format
        assertEquals(r.out(), clean(0, "hive", "dump", hive.toString()).out());
    }

    @Test
    void hiveDumpCsvIsOneRowPerValueAndOneForEachKeyWithoutValues() {
        CliRun r = clean(0, "hive", "dump", hive.toString(), "--format", "csv");
        List<CSVRecord> rows = csv(r.out(), HiveDump.CSV_HEADER, "hive dump --format csv");
        assertEquals(valueCount(built.root()) + keysWithoutValues(built.root()), rows.size());
        assertEquals(new LinkedHashSet<>(keyPaths(built.root())),
                rows.stream().map(x -> x.get(0)).collect(Collectors.toCollection(LinkedHashSet::new)));
        assertEquals(valueCount(built.root()), rows.stream().filter(x -> !x.get(5).isEmpty()).count(),
                "rows with a type are values");
    }

    @Test
    void hiveDumpListingIsTheKvGrammarWithEveryBuiltKeyAndValue() {
        CliRun r = clean(0, "hive", "dump", hive.toString(), "--format", "listing");
        long[] n = listing(r.out(), "hive dump --format listing");
        assertEquals(keyPaths(built.root()).size(), n[0]);
        assertEquals(valueCount(built.root()), n[1]);
    }

    @Test
    void hiveDumpOfASubtreeHasExactlyThatSubtreeInEveryMachineFormat() {
        String sub = "ControlSet001\\Services";
        HiveBuilder.K k = built.key(sub);
        String[] base = {"hive", "dump", hive.toString(), "--path", sub, "--format"};
        List<JsonNode> j = jsonl(clean(0, with(base, "jsonl")).out(), "dump --path --format jsonl");
        assertEquals(keyPaths(k), j.stream().map(x -> x.get("path").asText()).toList());
        List<CSVRecord> c = csv(clean(0, with(base, "csv")).out(), HiveDump.CSV_HEADER, "dump --path --format csv");
        assertEquals(valueCount(k) + keysWithoutValues(k), c.size());
        long[] l = listing(clean(0, with(base, "listing")).out(), "dump --path --format listing");
        assertEquals(keyPaths(k).size(), l[0]);
        assertEquals(valueCount(k), l[1]);
        assertTrue(valueCount(k) > 5 && keyPaths(k).size() > 3, "a subtree with something in it");
    }

    @Test
    void hiveDumpDeletedAddsTheRecoveredRecordsAndStaysPure() {
        String[] base = {"hive", "dump", deletedHive.toString(), "--deleted", "--format"};
        // live keys after the deletion: the builder's minus Software\Vendor\Old
        List<String> live = new ArrayList<>(keyPaths(deletedBuilt.root()));
        live.remove("\\Software\\Vendor\\Old");
        CliRun j = run(with(base, "jsonl"));
        assertEquals(1, j.exit(), "records were recovered: " + j.err());
        assertEquals("", j.err());
        List<JsonNode> rows = jsonl(j.out(), "dump --deleted --format jsonl");
        List<JsonNode> recovered = rows.stream().filter(x -> x.has("recovered")).toList();
        assertEquals(live, rows.stream().filter(x -> !x.has("recovered")).map(x -> x.get("path").asText()).toList());
        assertEquals(List.of("deleted", "deleted", "deleted"), recovered.stream().map(x -> x.get("recovered").asText())
                .toList());
        CliRun c = run(with(base, "csv"));
        assertEquals(1, c.exit(), c.err());
        List<String> header = new ArrayList<>(HiveDump.CSV_HEADER);
        header.add("recovered");
        List<CSVRecord> csvRows = csv(c.out(), header, "dump --deleted --format csv");
        int recoveredColumn = header.size() - 1;
        assertEquals(3, csvRows.stream().filter(x -> x.get(recoveredColumn).equals("deleted")).count());
        assertEquals(new LinkedHashSet<>(live), csvRows.stream().filter(x -> x.get(recoveredColumn).isEmpty()).map(x -> x.get(0))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    // ================================================================== hive deleted, timeline, info

    @Test
    void hiveDeletedJsonlAndCsvHoldTheThreeRecoveredRecords() {
        CliRun j = run("hive", "deleted", deletedHive.toString(), "--format", "jsonl");
        assertEquals(1, j.exit(), j.err());
        assertEquals("", j.err());
        List<JsonNode> rows = jsonl(j.out(), "hive deleted --format jsonl");
        assertEquals(Set.of("key \\Software\\Vendor\\Old", "value \\Software\\Vendor Gone",
                "value \\Software\\Vendor\\Old Path"), rows.stream().map(x -> x.get("kind").asText() + " "
                + x.get("path").asText() + (x.get("kind").asText().equals("key") ? "" : " " + x.get("name").asText()))
                .collect(Collectors.toSet()));
        assertEquals(3, rows.size());
        CliRun c = run("hive", "deleted", deletedHive.toString(), "--format", "csv");
        assertEquals(1, c.exit(), c.err());
        assertEquals(3, csv(c.out(), DeletedWriter.CSV_HEADER, "hive deleted --format csv").size());
        // nothing recovered: exit 0, and the machine formats are still well formed (empty JSONL, header-only CSV)
        assertEquals(List.of(), jsonl(clean(0, "hive", "deleted", hive.toString()).out(), "deleted (none) jsonl"));
        assertEquals(List.of(), csv(clean(0, "hive", "deleted", hive.toString(), "--format", "csv").out(),
                DeletedWriter.CSV_HEADER, "deleted (none) csv"));
    }

    @Test
    void hiveSearchJsonlAndCsvHoldOnlyTheHitsWithNotesOnStderr() {
        // a deleted value is found with --deleted, and marked
        CliRun j = clean(0, "hive", "search", deletedHive.toString(), "--literal", "secret", "--deleted", "--format",
                "jsonl");
        List<JsonNode> rows = jsonl(j.out(), "hive search --format jsonl");
        assertEquals(List.of("\\Software\\Vendor Gone true"), rows.stream().map(x -> x.get("path").asText() + " "
                + x.get("valueName").asText() + " " + x.get("deleted").asBoolean()).toList());
        CliRun c = clean(0, "hive", "search", deletedHive.toString(), "--literal", "secret", "--deleted", "--format",
                "csv");
        assertEquals(1, csv(c.out(), SearchWriter.CSV_HEADER, "hive search --format csv").size());
        // no hit: an empty JSONL and a header-only CSV on stdout, the note on stderr
        for (String f : List.of("jsonl", "csv")) {
            CliRun none = run("hive", "search", deletedHive.toString(), "--literal", "secret", "--format", f);
            assertEquals(0, none.exit(), none.err());
            assertEquals("patchlens: note: no hits in 1 hive", none.err().strip());
            if (f.equals("jsonl")) {
                assertEquals(List.of(), jsonl(none.out(), "search (none) jsonl"));
            } else {
                assertEquals(List.of(), csv(none.out(), SearchWriter.CSV_HEADER, "search (none) csv"));
            }
        }
        List<JsonNode> all = jsonl(clean(0, "hive", "search", hive.toString(), "--value", ".", "--format", "jsonl").out(),
                "search sampler");
        assertEquals(valueCount(built.root()) - defaultValues(built.root()), all.size());
    }

    static int defaultValues(HiveBuilder.K k) {
        int n = (int) k.values().stream().filter(v -> v.name().isEmpty()).count();
        for (HiveBuilder.K c : k.children()) {
            n += defaultValues(c);
        }
        return n;
    }

    @Test
    void hiveTimelineCsvAndJsonlHaveEveryKeyOldestFirst() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A").lastWritten(java.time.Instant.parse("2020-01-03T00:00:00Z")).sz("v", "1");
        b.key("B").lastWritten(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        b.key("B\\C").lastWritten(java.time.Instant.parse("2020-01-02T00:00:00Z")).dword("d", 1).dword("e", 2);
        Path t;
        try {
            t = b.write(Files.createDirectories(tmp.resolve("timeline")).resolve("SOFTWARE"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> j = jsonl(clean(0, "hive", "timeline", t.toString(), "--format", "jsonl").out(),
                "hive timeline --format jsonl");
        // the root key keeps the builder's default time (2001), so it comes first
        assertEquals(List.of("\\", "\\B", "\\B\\C", "\\A"), j.stream().map(x -> x.get("path").asText()).toList());
        assertEquals(2, j.get(2).get("values").asInt());
        List<CSVRecord> c = csv(clean(0, "hive", "timeline", t.toString(), "--format", "csv").out(),
                TimelineWriter.CSV_HEADER, "hive timeline --format csv");
        assertEquals(List.of("\\", "\\B", "\\B\\C", "\\A"), c.stream().map(x -> x.get(2)).toList());
        assertEquals("2020-01-02T00:00:00.0000000Z", c.get(2).get(0));
        // the sampler: one entry per key
        assertEquals(keyPaths(built.root()).size(), jsonl(clean(0, "hive", "timeline", hive.toString(), "--format",
                "jsonl").out(), "timeline sampler").size());
        assertEquals(keyPaths(built.root()).size(), csv(clean(0, "hive", "timeline", hive.toString(), "--format",
                "csv").out(), TimelineWriter.CSV_HEADER, "timeline sampler csv").size());
    }

    @Test
    void severalHivesAndFoldersKeepStdoutPureWithASourceOnEveryRecord() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("tree-of-one"));
        Path soft = HiveBuilder.v15().write(folder.resolve("SOFTWARE")); // the root key alone
        Files.writeString(folder.resolve("readme.txt"), "not a hive\n");
        int sampler = keyPaths(built.root()).size();
        List<JsonNode> j = jsonl(clean(0, "hive", "timeline", folder.toString(), hive.toString(), "--format", "jsonl")
                .out(), "hive timeline FOLDER FILE --format jsonl");
        assertEquals(1 + sampler, j.size());
        assertEquals(1, j.stream().filter(x -> x.get("source").asText().equals(soft.toString())).count());
        assertEquals(sampler, j.stream().filter(x -> x.get("source").asText().equals(hive.toString())).count());
        List<String> header = new java.util.ArrayList<>(TimelineWriter.CSV_HEADER);
        header.add(0, "source");
        assertEquals(1 + sampler, csv(clean(0, "hive", "timeline", folder.toString(), hive.toString(), "--format", "csv")
                .out(), header, "hive timeline FOLDER FILE --format csv").size());
        JsonNode docs = json(clean(0, "hive", "info", folder.toString(), hive.toString(), "--format", "json").out(),
                "hive info FOLDER FILE --format json");
        assertTrue(docs.isArray() && docs.size() == 2, docs.toPrettyString());
        assertEquals(soft.toString(), docs.get(0).get("source").asText());
        assertEquals(hive.toString(), docs.get(1).get("source").asText());
        assertEquals(sampler, findLong(docs.get(1), "keys"));
    }

    @Test
    void hiveInfoJsonIsOneDocument() {
        JsonNode n = json(clean(0, "hive", "info", hive.toString(), "--format", "json").out(), "hive info --format json");
        assertTrue(n.isObject());
        assertEquals(keyPaths(built.root()).size(), findLong(n, "keys"), n.toPrettyString());
        assertEquals(valueCount(built.root()), findLong(n, "values"), n.toPrettyString());
    }

    /** The number under the first field called {@code name}, anywhere in the document. */
    static long findLong(JsonNode n, String name) {
        JsonNode f = n.findValue(name);
        assertTrue(f != null && f.canConvertToLong(), "no number " + name);
        return f.asLong();
    }

    // ================================================================== hive diff, replay

    @Test
    void hiveDiffJsonlAndCsvHoldTheThreeDifferences() {
        CliRun j = run("hive", "diff", hive.toString(), changed.toString(), "--format", "jsonl");
        assertEquals(1, j.exit(), j.err());
        assertEquals("", j.err());
        List<JsonNode> rows = jsonl(j.out(), "hive diff --format jsonl");
        assertEquals(List.of("changed value \\Select Current", "added key \\NewKey ", "added value \\NewKey x"),
                rows.stream().map(x -> x.get("change").asText() + " " + x.get("object").asText() + " "
                        + x.get("path").asText() + " " + (x.has("valueName") ? x.get("valueName").asText() : ""))
                        .sorted(java.util.Comparator.comparing((String s) -> s.contains("NewKey")))
                        .toList());
        CliRun c = run("hive", "diff", hive.toString(), changed.toString(), "--format", "csv");
        assertEquals(1, c.exit(), c.err());
        List<CSVRecord> rowsCsv = csv(c.out(), DiffWriter.COLUMNS, "hive diff --format csv");
        assertEquals(3, rowsCsv.size());
        // no difference: exit 0, empty JSONL, header-only CSV
        assertEquals(List.of(), jsonl(clean(0, "hive", "diff", hive.toString(), hive.toString(), "--format", "jsonl")
                .out(), "diff (same) jsonl"));
        assertEquals(List.of(), csv(clean(0, "hive", "diff", hive.toString(), hive.toString(), "--format", "csv")
                .out(), DiffWriter.COLUMNS, "diff (same) csv"));
    }

    @Test
    void hiveDiffReplayedJsonlHasWhatTheLogAddsAndTheNoteGoesToStderr() {
        CliRun r = run("hive", "diff", dirty.toString(), "--replayed", "--format", "jsonl");
        assertEquals(1, r.exit(), r.err());
        List<JsonNode> rows = jsonl(r.out(), "hive diff --replayed --format jsonl");
        Set<String> added = rows.stream().filter(x -> x.get("change").asText().equals("added"))
                .map(x -> x.get("object").asText() + " " + x.get("path").asText()
                        + (x.has("valueName") ? " : " + x.get("valueName").asText() : ""))
                .collect(Collectors.toSet());
        assertEquals(Set.of("key \\Added", "key \\Added\\ByTheLog", "value \\Added\\ByTheLog : v",
                "value \\Added\\ByTheLog : n"), added);
        assertTrue(rows.stream().noneMatch(x -> x.get("change").asText().equals("removed")), r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("patchlens: note: " + dirty + ": dirty hive ("), r.err());
    }

    @Test
    void aDirtyHiveReadWithItsLogKeepsItsNoteOnStderr() {
        int keys = keyPaths(built.root()).size() + 2; // the log adds \Added\ByTheLog
        for (String[] extra : new String[][] {{}, {"--no-logs"}}) {
            String[] dump = with(new String[] {"hive", "dump", dirty.toString(), "--format", "jsonl"}, extra);
            CliRun r = run(dump);
            assertEquals(0, r.exit(), r.err());
            assertEquals(extra.length == 0 ? keys : keys - 2, jsonl(r.out(), cmd(dump)).size());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("patchlens: note: " + dirty + ": dirty hive ("), r.err());
            String[] csvArgs = with(new String[] {"hive", "dump", dirty.toString(), "--format", "csv"}, extra);
            CliRun c = run(csvArgs);
            assertEquals(r.err(), c.err());
            csv(c.out(), HiveDump.CSV_HEADER, cmd(csvArgs));
            String[] listingArgs = with(new String[] {"hive", "dump", dirty.toString(), "--format", "listing"}, extra);
            assertEquals(extra.length == 0 ? keys : keys - 2, listing(run(listingArgs).out(), cmd(listingArgs))[0]);
            String[] tl = with(new String[] {"hive", "timeline", dirty.toString(), "--format", "jsonl"}, extra);
            CliRun t = run(tl);
            assertEquals(r.err(), t.err());
            assertEquals(extra.length == 0 ? keys : keys - 2, jsonl(t.out(), cmd(tl)).size());
            String[] info = with(new String[] {"hive", "info", dirty.toString(), "--format", "json"}, extra);
            CliRun i = run(info);
            assertEquals(0, i.exit(), i.err());
            assertEquals(extra.length == 0 ? keys : keys - 2, findLong(json(i.out(), cmd(info)), "keys"));
        }
    }

    @Test
    void hiveReplayLedgerJsonlIsPureAndEndsWithTheResult() {
        CliRun r = run("hive", "replay", dirty.toString(), "--ledger-format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<JsonNode> rows = jsonl(r.out(), "hive replay --ledger-format jsonl");
        List<String> kinds = rows.stream().map(x -> x.get("record").asText()).toList();
        assertEquals("hive", kinds.get(0));
        assertEquals("result", kinds.get(kinds.size() - 1));
        assertEquals(1, kinds.stream().filter("log"::equals).count(), kinds.toString());
        assertTrue(kinds.contains("entry"), kinds.toString());
        assertEquals("APPLIED", rows.get(rows.size() - 1).get("outcome").asText());
        assertTrue(rows.get(0).get("dirty").asBoolean());
    }

    @Test
    void hiveHistoryJsonlAndCsvHoldTheOneStateThatAddsTheKeyAndNothingElse() {
        Set<String> added = Set.of("key \\Added", "key \\Added\\ByTheLog", "value \\Added\\ByTheLog : v",
                "value \\Added\\ByTheLog : n");
        CliRun j = run("hive", "history", dirty.toString(), "--format", "jsonl");
        assertEquals(0, j.exit(), j.err());
        assertEquals(1, j.err().lines().count(), j.err());
        assertTrue(j.err().startsWith("patchlens: note: " + dirty + ": dirty hive ("), j.err());
        List<JsonNode> rows = jsonl(j.out(), "hive history --format jsonl");
        assertEquals(List.of("hive", "entry", "change", "change", "change", "change"),
                rows.stream().map(x -> x.get("record").asText()).toList());
        assertEquals(1, rows.get(0).get("states").asInt());
        assertTrue(rows.get(0).get("complete").asBoolean());
        assertEquals(1, rows.get(1).get("state").asInt());
        assertEquals(4, rows.get(1).get("changes").asInt());
        assertEquals(added, rows.stream().skip(2).filter(x -> x.get("change").asText().equals("added")
                && x.get("state").asInt() == 1).map(x -> x.get("object").asText() + " " + x.get("path").asText()
                + (x.has("valueName") ? " : " + x.get("valueName").asText() : "")).collect(Collectors.toSet()));
        CliRun c = run("hive", "history", dirty.toString(), "--format", "csv");
        assertEquals(0, c.exit(), c.err());
        List<CSVRecord> csvRows = csv(c.out(), HistoryWriter.CSV_HEADER, "hive history --format csv");
        assertEquals(List.of("entry", "change", "change", "change", "change"), csvRows.stream().map(x -> x.get(0))
                .toList());
        // a clean hive: nothing to show, exit 0; one hive record, a header-only CSV, the note on stderr
        CliRun cj = run("hive", "history", hive.toString(), "--format", "jsonl");
        assertEquals(0, cj.exit(), cj.err());
        List<JsonNode> one = jsonl(cj.out(), "hive history (clean) jsonl");
        assertEquals(1, one.size());
        assertEquals("CLEAN", one.get(0).get("outcome").asText());
        assertEquals(List.of(), csv(run("hive", "history", hive.toString(), "--format", "csv").out(),
                HistoryWriter.CSV_HEADER, "hive history (clean) csv"));
        assertEquals(1, cj.err().lines().count(), cj.err());
    }

    // ================================================================== ese, rules

    @Test
    void eseCommandsInJsonAreOneDocumentEach() throws IOException {
        JsonNode h = json(clean(0, "ese", "header", database.toString(), "--format", "json").out(), "ese header");
        assertTrue(h.isObject(), h.toString());
        JsonNode k = json(clean(0, "ese", "checkpoint", eseLogs.resolve("E00.chk").toString(), "--format", "json")
                .out(), "ese checkpoint");
        assertTrue(k.isObject(), k.toString());
        String[] logs;
        try (var s = Files.list(eseLogs)) {
            logs = s.filter(p -> p.toString().endsWith(".log")).sorted().map(Path::toString).toArray(String[]::new);
        }
        assertEquals(5, logs.length);
        JsonNode one = json(clean(0, "ese", "log", logs[0], "--format", "json").out(), "ese log (one)");
        JsonNode all = json(clean(0, with(new String[] {"ese", "log", "--format", "json"}, logs)).out(), "ese log (5)");
        assertEquals(5, all.size(), "one entry per log");
        assertEquals(one.size() == 1 ? one.get(0) : one, all.get(0));
        JsonNode chain = json(clean(0, "ese", "logs", eseLogs.toString(), "--format", "json").out(), "ese logs");
        assertTrue(chain.isObject(), chain.toString());

        // damaged: the primary header says dirty shutdown but its checksum was not updated (exit 1, still one document)
        byte[] bad = Files.readAllBytes(database);
        bad[52] = 2;
        Path badDb = Files.write(database.resolveSibling("bad.edb"), bad);
        CliRun d = run("ese", "header", badDb.toString(), "--format", "json");
        assertEquals(1, d.exit(), d.err());
        assertEquals("", d.err(), "the verdicts are in the document");
        JsonNode dj = json(d.out(), "ese header (damaged)");
        assertTrue(dj.toString().contains("primary database header has a checksum error"), dj.toPrettyString());
        // (its exit code is the chain's verdict, which reads the good shadow copy: not asserted here)
        CliRun dl = run("ese", "logs", eseLogs.toString(), "--database", badDb.toString(), "--format", "json");
        assertEquals("", dl.err());
        assertTrue(json(dl.out(), "ese logs --database (damaged)").isObject());
    }

    @Test
    void rulesJsonlIsTheCatalogOneRulePerLine() {
        List<JsonNode> rows = jsonl(clean(0, "rules", "--format", "jsonl").out(), "rules --format jsonl");
        assertEquals(Arrays.stream(Rule.values()).map(Rule::id).toList(),
                rows.stream().map(x -> x.get("rule").asText()).toList());
    }

    // ================================================================== check

    @Test
    void checkOnARestoreTreeInJsonlAndCsvHasTheSameFindingsAndNothingElse() {
        List<String> args = new ArrayList<>(List.of("check", scenario.toString()));
        args.addAll(scenarioOptions);
        CliRun j = clean(0, with(args.toArray(String[]::new), "--format", "jsonl"));
        CliRun c = clean(0, with(args.toArray(String[]::new), "--format", "csv"));
        sameFindings(j, c, "check DIR");
        // every rule of the catalog answers (a result per rule, some with several objects)
        assertEquals(Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toSet()),
                jsonl(j.out(), "check jsonl").stream().map(x -> x.get("rule").asText()).collect(Collectors.toSet()));
    }

    @Test
    void checkDemoInJsonlAndCsvKeepsItsBannerOnStderr() {
        CliRun j = run("check", "--demo", "--format", "jsonl");
        CliRun c = run("check", "--demo", "--format", "csv");
        for (CliRun r : List.of(j, c)) {
            assertEquals(1, r.exit(), "the demo has CRIT findings: " + r.err());
            assertEquals(1, r.err().lines().count(), "the banner, one line: " + r.err());
            assertTrue(r.err().startsWith("patchlens: Demo evidence (bundled): "), r.err());
        }
        sameFindings(j, c, "check --demo");
        assertTrue(jsonl(j.out(), "demo").stream().anyMatch(x -> x.get("rule").asText().equals("CLU-08")
                && x.get("status").asText().equals("FAIL")), "the demo's CLU-08 finding");
    }

    /** JSONL and CSV of one check: both parse, and hold the same findings field by field, in the same order. */
    static void sameFindings(CliRun jsonlRun, CliRun csvRun, String what) {
        List<JsonNode> j = jsonl(jsonlRun.out(), what + " --format jsonl");
        List<CSVRecord> c = csv(csvRun.out(), FindingsWriter.COLUMNS, what + " --format csv");
        assertEquals(j.size(), c.size(), what + ": findings");
        assertTrue(j.size() >= Rule.values().length, what + ": at least one finding per rule");
        for (int i = 0; i < j.size(); i++) {
            for (String col : List.of("rule", "severity", "status", "object", "expected", "actual", "detail")) {
                assertEquals(j.get(i).get(col).asText(), c.get(i).get(FindingsWriter.COLUMNS.indexOf(col)),
                        what + ": finding " + i + " " + col);
            }
        }
    }

    // ================================================================== damaged input

    @Test
    void aDamagedHiveGoesToStderrAndStdoutStillParsesInEveryFormat() {
        String d = damaged.toString();
        int keys = keyPaths(built.root()).size();
        // Select's three values are behind the broken value list: every key is there, those values are not
        int values = valueCount(built.root()) - 3;

        List<JsonNode> j = jsonl(damagedRun("hive", "dump", d, "--format", "jsonl").out(), "damaged dump jsonl");
        assertEquals(keys, j.size());
        assertEquals(values, j.stream().mapToInt(x -> x.get("values").size()).sum());
        List<CSVRecord> c = csv(damagedRun("hive", "dump", d, "--format", "csv").out(), HiveDump.CSV_HEADER,
                "damaged dump csv");
        assertEquals(values, c.stream().filter(x -> !x.get(5).isEmpty()).count());
        long[] l = listing(damagedRun("hive", "dump", d, "--format", "listing").out(), "damaged dump listing");
        assertEquals(keys, l[0]);
        assertEquals(values, l[1]);
        // the timeline reads keys only, never value lists: it does not reach the damage (hive info does)
        assertEquals(keys, jsonl(clean(0, "hive", "timeline", d, "--format", "jsonl").out(), "damaged timeline")
                .size());
        assertEquals(keys, csv(clean(0, "hive", "timeline", d, "--format", "csv").out(), TimelineWriter.CSV_HEADER,
                "damaged timeline csv").size());
        jsonl(damagedRun("hive", "deleted", d, "--format", "jsonl").out(), "damaged deleted jsonl");
        csv(damagedRun("hive", "deleted", d, "--format", "csv").out(), DeletedWriter.CSV_HEADER, "damaged deleted csv");
        List<JsonNode> diff = jsonl(damagedRun("hive", "diff", hive.toString(), d, "--format", "jsonl").out(),
                "damaged diff jsonl");
        assertEquals(Set.of("removed value \\Select : Current", "removed value \\Select : Default",
                "removed value \\Select : LastKnownGood"), diff.stream().map(x -> x.get("change").asText() + " "
                + x.get("object").asText() + " " + x.get("path").asText() + " : " + x.get("valueName").asText())
                .collect(Collectors.toSet()));
        csv(damagedRun("hive", "diff", hive.toString(), d, "--format", "csv").out(), DiffWriter.COLUMNS,
                "damaged diff csv");

        CliRun info = run("hive", "info", d, "--format", "json");
        assertEquals(1, info.exit(), info.err());
        json(info.out(), "damaged info json");
        assertEquals(List.of("patchlens: " + damaged + ": 1 problem in the hive (listed in the output)"),
                info.err().lines().toList());
    }

    /** A run on the damaged hive: exit 1, the damage on stderr (a count line naming the hive, then the records). */
    private static CliRun damagedRun(String... args) {
        CliRun r = run(args);
        assertEquals(1, r.exit(), cmd(args) + "\n" + r.err());
        List<String> err = r.err().lines().toList();
        assertEquals("patchlens: " + damaged + ": 1 problem in the hive (unreadable structures are skipped, the rest "
                + "was read):", err.get(0), cmd(args));
        assertEquals(2, err.size(), cmd(args) + ": the count and one record\n" + r.err());
        assertTrue(err.get(1).startsWith("  "), err.get(1));
        return r;
    }

    // ================================================================== the real process

    /**
     * The real {@code main} in its own JVM, stdout and stderr as separate byte streams (ConsoleOut writes stdout
     * straight to the file descriptor): the demo banner stays on stderr, stdout is only JSONL or CSV.
     */
    @Test
    void inARealProcessStdoutHoldsOnlyTheFormat() throws Exception {
        Proc j = Proc.run(tmp, "check", "--demo", "--format", "jsonl");
        assertEquals(1, j.exit(), j.err());
        assertTrue(j.err().startsWith("patchlens: Demo evidence (bundled): "), j.err());
        assertEquals(1, j.err().lines().count(), j.err());
        List<JsonNode> rows = jsonl(j.out(), "process: check --demo --format jsonl");
        assertEquals(jsonl(run("check", "--demo", "--format", "jsonl").out(), "in-process").size(), rows.size());

        Proc c = Proc.run(tmp, "hive", "dump", hive.toString(), "--format", "csv");
        assertEquals(0, c.exit(), c.err());
        assertEquals("", c.err());
        assertEquals(clean(0, "hive", "dump", hive.toString(), "--format", "csv").out(), c.out());
        csv(c.out(), HiveDump.CSV_HEADER, "process: hive dump --format csv");

        Proc d = Proc.run(tmp, "hive", "dump", damaged.toString(), "--format", "jsonl");
        assertEquals(1, d.exit(), d.err());
        assertEquals(keyPaths(built.root()).size(), jsonl(d.out(), "process: damaged dump").size());
        assertTrue(d.err().startsWith("patchlens: " + damaged + ": 1 problem in the hive"), d.err());
    }

    /** patchlens in a JVM of its own, with {@code dir} as its working folder. */
    record Proc(int exit, String out, String err) {
        static Proc run(Path dir, String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            cmd.addAll(List.of(args));
            Path out = Files.createTempFile(dir, "stdout", ".bin");
            Path err = Files.createTempFile(dir, "stderr", ".bin");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + ": no exit within 120 s");
            }
            Proc r = new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        }
    }

    static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static Set<String> set(String... s) {
        return new HashSet<>(List.of(s));
    }
}
