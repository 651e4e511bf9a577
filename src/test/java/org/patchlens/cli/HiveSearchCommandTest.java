package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveSearch;
import org.patchlens.report.SearchWriter;
import org.patchlens.testing.Corpus;

/**
 * {@code hive search}: on corpus hives, each search checked against the hive's oracle listing (made by hivex and
 * yarp, not by us); on builder-made hives for control characters, a regex that backtracks without end, the data
 * cap, folders and the usage errors.
 */
class HiveSearchCommandTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus(String rel) {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        return Corpus.root().get().resolve("hives").resolve(rel);
    }

    private static List<JsonNode> jsonl(CliRun r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    // ------------------------------------------------------------------ the oracle listing, read on its own

    /** One K or V line of an oracle listing (corpus README): names unescaped, data as bytes. */
    record Line(boolean key, String path, String name, long time, long type, byte[] data) {
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        byte[] pending = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                pending[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
                continue;
            }
            if (n > 0) {
                sb.append(new String(pending, 0, n, StandardCharsets.UTF_8));
                n = 0;
            }
            sb.append(c);
        }
        if (n > 0) {
            sb.append(new String(pending, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static List<Line> oracle(Path hive) throws Exception {
        Path o = Corpus.sibling(hive, ".oracle.txt").orElseThrow();
        List<Line> out = new ArrayList<>();
        for (String l : Corpus.read(o).split("\n")) {
            String[] f = l.split("\t", -1);
            if (l.startsWith("K\t")) {
                String[] parts = f[1].split("\\\\");
                out.add(new Line(true, unescape(f[1]), parts.length == 0 ? "" : unescape(parts[parts.length - 1]),
                        Long.parseUnsignedLong(f[2]), 0, null));
            } else if (l.startsWith("V\t")) {
                out.add(new Line(false, unescape(f[1]), unescape(f[2]), 0, Long.parseLong(f[3]),
                        HexFormat.of().parseHex(f[5])));
            }
        }
        return out;
    }

    private static String utf16(byte[] b, int off) {
        int len = (b.length - off) & ~1;
        return len <= 0 ? "" : new String(b, off, len, StandardCharsets.UTF_16LE);
    }

    /** The texts the data of an oracle value holds, by the rules docs/hive-formats.md gives for hive search. */
    private static List<String> texts(Line v) {
        byte[] d = v.data();
        int t = (int) v.type();
        if (t == 1 || t == 2) {
            String s = utf16(d, 0);
            int nul = s.indexOf('\0');
            return List.of(nul < 0 ? s : s.substring(0, nul));
        }
        if (t == 7) {
            return Arrays.asList(utf16(d, 0).split("\0"));
        }
        if ((t == 4 || t == 5) && d.length == 4 || t == 11 && d.length == 8) {
            return List.of(); // numbers: not what these searches look for
        }
        return List.of(utf16(d, 0), utf16(d, 1), new String(d, StandardCharsets.ISO_8859_1));
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    // ------------------------------------------------------------------ corpus searches against the oracles

    @Test
    void keyNamesAreThoseOfTheOracleWithTheirLastWrittenTimes() throws Exception {
        Path hive = corpus("dfwinreg/NTUSER.DAT");
        Pattern re = Pattern.compile("^run", Pattern.CASE_INSENSITIVE);
        List<String> expected = new ArrayList<>();
        for (Line l : oracle(hive)) {
            if (l.key() && !l.path().equals("\\") && re.matcher(l.name()).find()) {
                expected.add(l.path() + " " + FileTime.iso(l.time()));
            }
        }
        CliRun r = CliRun.of("hive", "search", hive.toString(), "--key", "^RUN", "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        List<String> got = new ArrayList<>();
        for (JsonNode n : jsonl(r)) {
            got.add(n.get("path").asText() + " " + n.get("lastWritten").asText());
            assertEquals("key", n.get("field").asText());
            assertTrue(n.get("valueName").isNull() && n.get("type").isNull() && n.get("data").isNull(), n.toString());
            assertFalse(n.get("deleted").asBoolean());
            assertEquals(hive.toString(), n.get("hive").asText());
            assertEquals(n.get("offset").asLong() - 4096, n.get("cellOffset").asLong());
        }
        assertTrue(expected.size() >= 3, "the oracle has Run, RunOnce, ... keys: " + expected);
        assertEquals(sorted(expected), sorted(got));
    }

    @Test
    void valueNamesAreThoseOfTheOracle() throws Exception {
        Path hive = corpus("dfwinreg/NTUSER.DAT");
        Pattern re = Pattern.compile("mrulist", Pattern.CASE_INSENSITIVE);
        List<String> expected = new ArrayList<>();
        for (Line l : oracle(hive)) {
            if (!l.key() && re.matcher(l.name()).find()) {
                expected.add(l.path() + " : " + l.name());
            }
        }
        CliRun r = CliRun.of("hive", "search", hive.toString(), "--value", "MRUList", "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        List<String> got = new ArrayList<>();
        for (JsonNode n : jsonl(r)) {
            got.add(n.get("path").asText() + " : " + n.get("valueName").asText());
            assertEquals("value", n.get("field").asText());
            assertTrue(n.get("matched").asText().equalsIgnoreCase("mrulist"), n.toString());
        }
        assertFalse(expected.isEmpty());
        assertEquals(sorted(expected), sorted(got));
    }

    /**
     * String data, UTF-16LE text inside REG_BINARY and ASCII inside REG_BINARY: each search finds exactly the
     * values of the oracle whose data holds the text (read from the oracle's bytes here), with the right field.
     */
    @Test
    void dataSearchesFindWhatTheOracleBytesHold() throws Exception {
        Path hive = corpus("dfwinreg/NTUSER.DAT");
        List<Line> lines = oracle(hive);
        // a REG_SZ text; UTF-16LE text in binary (Action Center bookmarks); ASCII 8.3 names in shell items
        for (String[] c : new String[][] {{"iexplore", "data"}, {"BookmarkList", "data (UTF-16LE)"},
            {"DOCUME~1.LNK", "data (ASCII)"}}) {
            String needle = c[0].toLowerCase(Locale.ROOT);
            List<String> expected = new ArrayList<>();
            for (Line l : lines) {
                if (!l.key() && texts(l).stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle))) {
                    expected.add(l.path() + " : " + l.name());
                }
            }
            CliRun r = CliRun.of("hive", "search", hive.toString(), "--data", Pattern.quote(c[0]), "--format", "jsonl");
            assertEquals(0, r.exit(), r.err());
            List<JsonNode> hits = jsonl(r);
            List<String> got = hits.stream().map(n -> n.get("path").asText() + " : " + n.get("valueName").asText())
                    .toList();
            assertFalse(expected.isEmpty(), c[0]);
            assertEquals(sorted(expected), sorted(got), c[0]);
            assertTrue(hits.stream().anyMatch(n -> n.get("field").asText().equals(c[1])), c[0] + ": " + hits);
            for (JsonNode n : hits) {
                assertTrue(n.get("matched").asText().equalsIgnoreCase(c[0]), n.toString());
            }
        }
    }

    @Test
    void aDeletedValueIsFoundOnlyWithDeleted() throws Exception {
        // yarp's DeletedDataHive: value v = "123456" of the deleted key \456 is in free cells (hive deleted finds it)
        Path hive = corpus("yarp/DeletedDataHive");
        CliRun live = CliRun.of("hive", "search", hive.toString(), "--data", "^123456$", "--format", "jsonl");
        assertEquals(0, live.exit(), live.err());
        assertEquals("", live.out());
        assertTrue(live.err().contains("no hits in 1 hive"), live.err());
        CliRun r = CliRun.of("hive", "search", hive.toString(), "--data", "^123456$", "--deleted", "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> hits = jsonl(r);
        assertEquals(1, hits.size(), r.out());
        JsonNode h = hits.get(0);
        assertEquals("\\456", h.get("path").asText());
        assertEquals("v", h.get("valueName").asText());
        assertEquals("REG_SZ", h.get("type").asText());
        assertEquals("123456", h.get("data").asText());
        assertTrue(h.get("deleted").asBoolean());
        assertEquals("deleted", h.get("recovered").asText());
        // the deleted key's own time, as hive deleted gives it
        JsonNode key = jsonl(CliRun.of("hive", "deleted", hive.toString())).stream()
                .filter(n -> n.get("kind").asText().equals("key")).findFirst().orElseThrow();
        assertEquals(key.get("lastWritten").asText(), h.get("lastWritten").asText());
        CliRun text = CliRun.of("hive", "search", hive.toString(), "--literal", "123456", "--deleted");
        assertTrue(text.out().startsWith("[deleted] " + hive + "  \\456 : v  REG_SZ  \"123456\"  ["), text.out());
    }

    // ------------------------------------------------------------------ builder hives

    @Test
    void controlCharactersInANameAreEscapedOnTheTerminalAndKeptInJsonl() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Soft\u001b]0;title\u0007").sz("run\u001b[2J\r\nFAKE", "payload").sz("plain", "nothing");
        Path hive = b.write(dir.resolve("NTUSER.DAT"));
        CliRun t = CliRun.of("hive", "search", hive.toString(), "--value", "^run");
        assertEquals(0, t.exit(), t.err());
        assertEquals(1, t.out().lines().count(), t.out());
        assertFalse(t.out().chars().anyMatch(ch -> ch < 0x20 && ch != '\n'), t.out());
        assertTrue(t.out().contains("\\Soft\\u001b]0;title\\u0007 : run\\u001b[2J\\r\\nFAKE  REG_SZ  \"payload\""),
                t.out());
        assertTrue(t.out().contains("value matched \"run\""), t.out());
        JsonNode j = jsonl(CliRun.of("hive", "search", hive.toString(), "--value", "^run", "--format", "jsonl")).get(0);
        assertEquals("run\u001b[2J\r\nFAKE", j.get("valueName").asText());
        assertEquals("\\Soft\u001b]0;title\u0007", j.get("path").asText());
    }

    @Test
    void aRegexThatBacktracksWithoutEndGivesUpWithANoteAndTheRestIsSearched() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A").sz("long", "a".repeat(80) + "!").sz("deep", "ab".repeat(200_000)).sz("short", "a".repeat(20) + "b");
        Path hive = b.write(dir.resolve("SOFTWARE"));
        long start = System.nanoTime();
        CliRun r = CliRun.of("hive", "search", hive.toString(), "--data", "(.*a){20}b", "--format", "jsonl");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 20_000, ms + " ms");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(hive + ": \\A : long (data): the match gave up after " + HiveSearch.MATCH_MILLIS
                + " ms on 81 characters"), r.err());
        List<JsonNode> hits = jsonl(r);
        assertEquals(List.of("deep", "short"), hits.stream().map(n -> n.get("valueName").asText()).toList());
        // a repeated group recurses once per repetition in java.util.regex: 400,000 characters overflow the stack
        CliRun deep = CliRun.of("hive", "search", hive.toString(), "--data", "^(a|b)+$", "--format", "jsonl");
        assertEquals(1, deep.exit(), deep.err());
        assertTrue(deep.err().contains("\\A : deep (data): the match gave up on 400000 characters (the regex recurses "
                + "too deep"), deep.err());
        assertEquals(List.of("short"), jsonl(deep).stream().map(n -> n.get("valueName").asText()).toList());
    }

    @Test
    void manyGiveUpsStopTheSearch() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        HiveBuilder.K k = b.key("A");
        for (int i = 0; i < HiveSearch.MAX_GIVE_UPS + 4; i++) {
            k.sz("v" + i, "a".repeat(80) + "!");
        }
        Path hive = b.write(dir.resolve("SOFTWARE"));
        long start = System.nanoTime();
        CliRun r = CliRun.of("hive", "search", hive.toString(), "--data", "(.*a){20}b");
        long s = (System.nanoTime() - start) / 1_000_000_000;
        assertEquals(1, r.exit(), r.err());
        assertEquals(HiveSearch.MAX_GIVE_UPS, r.err().lines().filter(l -> l.contains("gave up after")).count(), r.err());
        assertTrue(r.err().contains("the search stopped after " + HiveSearch.MAX_GIVE_UPS + " matches gave up"), r.err());
        assertTrue(s < HiveSearch.MAX_GIVE_UPS * HiveSearch.MATCH_MILLIS / 1000 + 15, s + " s");
    }

    @Test
    void dataPastTheCapIsNotSearchedAndANoteSaysSo() throws Exception {
        byte[] big = new byte[HiveSearch.MAX_DATA + 4096];
        Arrays.fill(big, (byte) '.');
        byte[] early = "EARLYNEEDLE".getBytes(StandardCharsets.US_ASCII);
        byte[] late = "LATENEEDLE".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(early, 0, big, 100, early.length);
        System.arraycopy(late, 0, big, HiveSearch.MAX_DATA + 100, late.length);
        HiveBuilder b = HiveBuilder.v15();
        b.key("Big").binary("blob", big);
        Path hive = b.write(dir.resolve("SOFTWARE"));
        CliRun early1 = CliRun.of("hive", "search", hive.toString(), "--data", "earlyneedle", "--format", "csv");
        assertEquals(0, early1.exit(), early1.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(early1.out())).getRecords();
        assertEquals(SearchWriter.CSV_HEADER, rows.get(0).getParser().getHeaderNames());
        assertEquals(1, rows.size());
        assertEquals("data (ASCII)", rows.get(0).get("field"));
        assertEquals(Integer.toString(big.length), rows.get(0).get("size"));
        assertTrue(early1.err().contains("\\Big : blob: data of " + big.length + " bytes; only the first "
                + HiveSearch.MAX_DATA + " were searched"), early1.err());
        CliRun late1 = CliRun.of("hive", "search", hive.toString(), "--data", "lateneedle", "--format", "csv");
        assertEquals(0, late1.exit(), late1.err());
        assertEquals(String.join(",", SearchWriter.CSV_HEADER), late1.out().strip());
    }

    @Test
    void foldersAreWalkedAsHiveArtifactsWalksThem() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev/sub"));
        HiveBuilder a = HiveBuilder.v15();
        a.key("Software\\Needle").sz("x", "y");
        HiveBuilder b = HiveBuilder.v13();
        b.key("Other").sz("needle", "z");
        Path ha = a.write(ev.resolve("NTUSER.DAT"));
        Path hb = b.write(ev.getParent().resolve("SYSTEM"));
        Files.writeString(ev.resolve("notes.txt"), "needle, but not a hive");
        CliRun r = CliRun.of("hive", "search", dir.resolve("ev").toString(), "--literal", "needle", "--format", "jsonl");
        assertEquals(0, r.exit(), r.err());
        List<String> got = jsonl(r).stream().map(n -> n.get("hive").asText() + " " + n.get("path").asText() + " "
                + n.get("field").asText()).toList();
        assertEquals(List.of(hb + " \\Other value", ha + " \\Software\\Needle key"), got);
        Path out = dir.resolve("hits.csv");
        CliRun o = CliRun.of("hive", "search", dir.resolve("ev").toString(), "--literal", "needle", "-o", out.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals("2 hits in 2 hives written to " + out + " (csv)", o.out().strip());
        assertEquals(3, Files.readAllLines(out).size());
    }

    @Test
    void aTrailingBackslashIsNamedNotAnInternalError() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A").sz("x", "C:\\y");
        String h = b.write(dir.resolve("NTUSER.DAT")).toString();
        // the JDK calls it "Unexpected internal error at index 1"; --key, --value and --data take one path
        for (String option : List.of("--key", "--value", "--data")) {
            for (String re : List.of("\\", "a|\\", "C:\\\\\\")) {
                CliRun r = CliRun.of("hive", "search", h, option, re);
                assertEquals(2, r.exit(), r.err());
                assertEquals("patchlens: " + option + " '" + re + "': not a valid regex: a trailing backslash escapes "
                        + "nothing\n", r.err());
                assertEquals("", r.out());
            }
            // other syntax errors keep the JDK's description and index
            CliRun r = CliRun.of("hive", "search", h, option, "(");
            assertEquals("patchlens: " + option + " '(': not a valid regex: Unclosed group at index 1\n", r.err());
        }
        // an escaped backslash at the end is a backslash, and --literal takes any text
        assertEquals(0, CliRun.of("hive", "search", h, "--data", "C:\\\\").exit());
        assertEquals(0, CliRun.of("hive", "search", h, "--literal", "C:\\").exit());
    }

    @Test
    void badUsageAndUnreadableInputAreOneLineAndExitTwo() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A").sz("x", "y");
        Path hive = b.write(dir.resolve("NTUSER.DAT"));
        Path out = Files.createDirectories(dir.resolve("out")).resolve("o.jsonl");
        String h = hive.toString();
        String[][] bad = {
            {"hive", "search", h, "-o", out.toString()},
            {"hive", "search", h, "--key", "a", "--data", "b", "-o", out.toString()},
            {"hive", "search", h, "--data", "(unclosed", "-o", out.toString()},
            {"hive", "search", h, "--key", "", "-o", out.toString()},
            {"hive", "search", h, "--key", "a", "--format", "xlsx"},
            {"hive", "search", dir.resolve("nope").toString(), "--key", "a"},
        };
        String[] first = {"exactly one of --key, --value, --data or --literal",
            "exactly one of --key, --value, --data or --literal (given: --key, --data)",
            "--data '(unclosed': not a valid regex: Unclosed group", "--key is empty", "--format xlsx", "no such file"};
        for (int i = 0; i < bad.length; i++) {
            CliRun r = CliRun.of(bad[i]);
            assertEquals(2, r.exit(), String.join(" ", bad[i]) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(first[i]), r.err());
            assertEquals("", r.out());
            assertFalse(Files.exists(out));
        }
        Path notHive = Files.writeString(dir.resolve("out").resolve("text.dat"), "not a hive at all, just text");
        CliRun r = CliRun.of("hive", "search", notHive.toString(), "--key", "a");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("patchlens: " + notHive), r.err());
    }
}
