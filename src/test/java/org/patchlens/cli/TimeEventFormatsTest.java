package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.testing.Corpus;

/**
 * {@code --format bodyfile} and {@code --format timesketch} of {@code hive timeline} and {@code hive artifacts}:
 * exact lines, the times taken from the corpus oracle's FILETIMEs (hivex and yarp), not from our own output.
 */
class TimeEventFormatsTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds and 100-ns ticks between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_S = 11_644_473_600L;

    private static Path corpus(String rel) {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        return Corpus.root().get().resolve("hives").resolve(rel);
    }

    /** Oracle K lines: path (escaped as the oracle escapes it) and FILETIME, in tree order. */
    private static List<String[]> keys(Path hive) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String l : Corpus.read(Corpus.sibling(hive, ".oracle.txt").orElseThrow()).split("\n")) {
            if (l.startsWith("K\t")) {
                String[] f = l.split("\t", -1);
                out.add(new String[] {f[1], f[2]});
            }
        }
        return out;
    }

    /** File offsets of the nk cells by path, from hive dump's JSONL. */
    private static Map<String, Long> offsets(Path hive) throws Exception {
        Map<String, Long> out = new HashMap<>();
        for (String l : CliRun.of("hive", "dump", hive.toString()).out().lines().toList()) {
            JsonNode n = JSON.readTree(l);
            out.put(n.get("path").asText(), n.get("offset").asLong());
        }
        return out;
    }

    @Test
    void timelineBodyfileHasOneLineForEachOracleKey() throws Exception {
        Path hive = corpus("hivex/special");
        CliRun r = CliRun.of("hive", "timeline", hive.toString(), "--format", "bodyfile");
        assertEquals(0, r.exit(), r.err());
        Map<String, Long> off = offsets(hive);
        List<String> expected = new ArrayList<>();
        for (String[] k : keys(hive)) {
            long ft = Long.parseUnsignedLong(k[1]);
            // every key of this hive has one time, so the timeline keeps tree order; the oracle escapes NUL as %00,
            // the body file as the text formats do
            String raw = k[0].replace("%00", "\0");
            expected.add("0|" + hive + ":" + k[0].replace("%00", "\\u0000") + "|" + off.get(raw) + "|0|0|0|0|0|"
                    + (ft / 10_000_000L - EPOCH_S) + "|0|0");
        }
        assertEquals(expected, r.out().lines().toList());
        // 130338615627187500 is 2014-01-10T21:06:02.71875Z: the fraction is lost, as the format has whole seconds
        assertEquals("0|" + hive + ":\\|4128|0|0|0|0|0|1389387962|0|0", r.out().lines().findFirst().orElseThrow());
    }

    @Test
    void timelineTimesketchHasMicrosecondsAndOurFields() throws Exception {
        Path hive = corpus("hivex/special");
        Path out = dir.resolve("special.jsonl");
        CliRun r = CliRun.of("hive", "timeline", hive.toString(), "--format", "timesketch", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("4 keys written to " + out + " (timesketch)", r.out().strip());
        List<String> lines = Files.readAllLines(out);
        List<String[]> keys = keys(hive);
        assertEquals(keys.size(), lines.size());
        String h = JSON.writeValueAsString(hive.toString());
        assertEquals("{\"message\":" + h.substring(0, h.length() - 1) + ":\\\\\",\"datetime\":"
                + "\"2014-01-10T21:06:02.718750+00:00\",\"timestamp\":1389387962718750,\"timestamp_desc\":"
                + "\"Key Last Written\",\"hive\":" + h + ",\"path\":\"\\\\\",\"lastWritten\":"
                + "\"2014-01-10T21:06:02.7187500Z\",\"offset\":4128,\"subkeys\":3,\"values\":0}", lines.get(0));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            long ft = Long.parseUnsignedLong(keys.get(i)[1]);
            assertEquals(ft / 10 - EPOCH_S * 1_000_000L, n.get("timestamp").asLong());
            Instant t = Instant.ofEpochSecond(ft / 10_000_000L - EPOCH_S, ft % 10_000_000L / 10 * 1000);
            assertEquals(t, Instant.parse(n.get("datetime").asText()));
            assertEquals("Key Last Written", n.get("timestamp_desc").asText());
            assertEquals(hive + ":" + n.get("path").asText(), n.get("message").asText());
        }
    }

    @Test
    void bodyfileNamesEscapePipesAndLineBreaksAndTimesBefore1970AreNegative() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("a|b\nc%").lastWritten(Instant.parse("1969-12-31T23:59:59.9999999Z"));
        b.key("late").lastWritten(Instant.parse("2020-01-01T00:00:00.9999999Z"));
        Path hive = b.write(Files.createDirectories(dir.resolve("ev")).resolve("SOFTWARE"));
        Path body = dir.resolve("out").resolve("t.body");
        Files.createDirectories(body.getParent());
        CliRun r = CliRun.of("hive", "timeline", hive.toString(), "-o", body.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Long> off = offsets(hive);
        assertEquals(List.of(
                "0|" + hive + ":\\a%7Cb\\nc%25|" + off.get("\\a|b\nc%") + "|0|0|0|0|0|-1|0|0",
                "0|" + hive + ":\\|" + off.get("\\") + "|0|0|0|0|0|992606400|0|0",
                "0|" + hive + ":\\late|" + off.get("\\late") + "|0|0|0|0|0|1577836800|0|0"), Files.readAllLines(body));
        for (String line : Files.readAllLines(body)) {
            assertEquals(11, line.split("\\|", -1).length, line);
        }
    }

    /**
     * mactime decodes every {@code %XX} in a field before it uses the name ({@code tm_split}:
     * {@code s/%([A-F0-9][A-F0-9])/pack("C", hex($1))/egis}), so a control character written {@code %XX} comes back
     * raw: an ESC reaches the terminal, and a line feed drops the event (its sort key no longer matches
     * {@code /^(\d+),([\d-]+),(.*)$/}), with every key below it. Read as mactime reads it, each name is the text
     * format's.
     */
    @Test
    void bodyfileNamesReadBackThroughMactimeAsTheTextFormatShowsThem() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Run\nHidden\\Child");
        b.key("esc\u001b[2J csi\u009b1m \u202Efdp.exe");
        b.key("pipe|percent%0A");
        Path hive = b.write(Files.createDirectories(dir.resolve("ev")).resolve("SOFTWARE"));
        Path body = Files.createDirectories(dir.resolve("out")).resolve("t.body");
        CliRun r = CliRun.of("hive", "timeline", hive.toString(), "-o", body.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> names = new ArrayList<>();
        for (String line : new String(Files.readAllBytes(body), StandardCharsets.ISO_8859_1).split("\n")) {
            String[] fields = line.split("\\|", -1);
            assertEquals(11, fields.length, line);
            String decoded = Pattern.compile("%([0-9A-Fa-f]{2})").matcher(fields[1])
                    .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
            names.add(new String(decoded.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(hive + ":\\", hive + ":\\esc\\u001b[2J csi\\u009b1m \\u202efdp.exe",
                hive + ":\\pipe|percent%0A", hive + ":\\Run\\nHidden", hive + ":\\Run\\nHidden\\Child"), names);
    }

    @Test
    void artifactsGiveOneEventPerKeyTimeAndPerTimestampField() throws Exception {
        Path hive = corpus("dfwinreg/NTUSER.DAT");
        Map<String, String> oracleTimes = new HashMap<>();
        for (String[] k : keys(hive)) {
            oracleTimes.put(k[0], k[1]);
        }
        CliRun j = CliRun.of("hive", "artifacts", hive.toString(), "--plugin", "typed_urls");
        assertEquals(0, j.exit(), j.err());
        List<JsonNode> entries = new ArrayList<>();
        for (String l : j.out().lines().toList()) {
            entries.add(JSON.readTree(l));
        }
        assertTrue(entries.size() >= 2, j.out());
        List<String> body = new ArrayList<>();
        List<String> descs = new ArrayList<>();
        for (JsonNode e : entries) {
            String path = e.get("keyPath").asText();
            long ft = Long.parseUnsignedLong(oracleTimes.get(path));
            String name = hive + ":" + path + ":" + e.get("valueName").asText() + " (typed_urls";
            body.add("0|" + name + ")|" + e.get("keyOffset").asLong() + "|0|0|0|0|0|" + (ft / 10_000_000L - EPOCH_S)
                    + "|0|0");
            descs.add("Key Last Written");
            JsonNode typed = e.get("fields").get("typedTime");
            if (typed != null) {
                long s = Instant.parse(typed.get("value").asText()).getEpochSecond();
                body.add("0|" + name + " typedTime)|" + typed.get("offset").asLong() + "|0|0|0|0|0|" + s + "|0|0");
                descs.add("typedTime");
            }
        }
        assertTrue(descs.contains("typedTime"), "the corpus hive has typed URL times");
        CliRun b = CliRun.of("hive", "artifacts", hive.toString(), "--plugin", "typed_urls", "--format", "bodyfile");
        assertEquals(0, b.exit(), b.err());
        assertEquals(body, b.out().lines().toList());
        CliRun t = CliRun.of("hive", "artifacts", hive.toString(), "--plugin", "typed_urls", "--format", "timesketch");
        assertEquals(0, t.exit(), t.err());
        List<String> got = new ArrayList<>();
        for (String l : t.out().lines().toList()) {
            JsonNode n = JSON.readTree(l);
            got.add(n.get("timestamp_desc").asText());
            assertEquals(n.get("timestamp").asLong() / 1_000_000L, Instant.parse(n.get("time").asText()).getEpochSecond());
            assertEquals("typed_urls", n.get("plugin").asText());
        }
        assertEquals(descs, got);
    }

    @Test
    void theFormatRuleKnowsBothFormats() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A");
        Path hive = b.write(Files.createDirectories(dir.resolve("ev")).resolve("SYSTEM"));
        Path out = Files.createDirectories(dir.resolve("o"));
        CliRun viaName = CliRun.of("hive", "timeline", hive.toString(), "-o", out.resolve("x.body").toString());
        assertEquals(0, viaName.exit(), viaName.err());
        assertTrue(viaName.out().contains("(bodyfile)"), viaName.out());
        CliRun ts = CliRun.of("hive", "artifacts", hive.toString(), "--format", "timesketch", "-o",
                out.resolve("x.jsonl").toString());
        assertEquals(0, ts.exit(), ts.err());
        CliRun clash = CliRun.of("hive", "timeline", hive.toString(), "--format", "bodyfile", "-o",
                out.resolve("x.csv").toString());
        assertEquals(2, clash.exit());
        assertTrue(clash.err().contains("the name says csv but --format says bodyfile"), clash.err());
        CliRun dump = CliRun.of("hive", "dump", hive.toString(), "-o", out.resolve("d.body").toString());
        assertEquals(2, dump.exit());
        assertTrue(dump.err().contains("does not write .body files"), dump.err());
        CliRun search = CliRun.of("hive", "search", hive.toString(), "--key", "a", "--format", "timesketch");
        assertEquals(2, search.exit());
        assertTrue(search.err().contains("--format timesketch is not a format it writes"), search.err());
    }
}
