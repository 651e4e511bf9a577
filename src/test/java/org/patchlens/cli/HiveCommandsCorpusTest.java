package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.testing.Corpus;

/** The hive commands on real corpus hives: outputs, exit codes and one-line errors. */
class HiveCommandsCorpusTest {
    private static Path hives;

    @BeforeAll
    static void corpus() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        hives = Corpus.root().get().resolve("hives");
    }

    private static String h(String rel) {
        return hives.resolve(rel).toString();
    }

    @Test
    void notAHiveIsRefusedWithOneLineNamingTheFileAndOffset() {
        CliRun r = CliRun.of("hive", "info", h("registry-ez/NotAHive"));
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("registry-ez/NotAHive: at offset 0x0: not a registry hive"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun r = CliRun.of("hive", "info", "--debug", h("registry-ez/NotAHive"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat org.patchlens.hive.Hive"), r.err());
    }

    @Test
    void aTransactionLogIsNotAHive() {
        CliRun r = CliRun.of("hive", "ls", h("yarp/OldLogWithRemnantData"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("file type is 1 (a transaction log)"), r.err());
    }

    @Test
    void missingFileAndBadUsageExitTwo() {
        assertEquals(2, CliRun.of("hive", "info", "/nonexistent/hive").exit());
        assertEquals(2, CliRun.of("hive", "dump").exit());
        assertEquals(2, CliRun.of("hive", "dump", h("yarp/EmptyHive"), "--format", "xml").exit());
        assertEquals(2, CliRun.of("bogus").exit());
    }

    @Test
    void infoReportsHeaderVerdictsAndCounts() {
        CliRun r = CliRun.of("hive", "info", h("regipy/SAM"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Format version:       1.3"), r.out());
        assertTrue(r.out().contains("Keys:                 65"), r.out());
        assertTrue(r.out().contains("Values:               70"), r.out());
        assertTrue(r.out().matches("(?s).*Checksum: +stored 0x[0-9A-F]{8}, computed 0x[0-9A-F]{8}: valid.*"), r.out());
    }

    @Test
    void infoOnADamagedHiveListsTheDamageAndExitsOne() throws Exception {
        CliRun r = CliRun.of("hive", "info", "--format", "json", h("yarp/DeletedDataHiveTruncated"));
        assertEquals(1, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("damage").size());
        assertEquals(0x101290, j.get("damage").get(0).get("offset").asLong());
        assertEquals("value list at cell offset 0x100290 (file offset 0x101290, past the end of the 262144-byte file) is not "
                + "the start of a cell", j.get("damage").get(0).get("reason").asText());
    }

    @Test
    void infoOnAHiveCutAfterItsBaseBlockReportsTheBaseBlockAndExitsOne(@TempDir Path tmp) throws Exception {
        byte[] sam = Files.readAllBytes(hives.resolve("regipy/SAM"));
        for (int size : new int[] {4096, 4097}) {
            Path cut = Files.write(tmp.resolve("cut" + size), java.util.Arrays.copyOf(sam, size));
            CliRun r = CliRun.of("hive", "info", cut.toString());
            assertEquals(1, r.exit(), r.err());
            assertEquals("patchlens: " + cut + ": 2 problems in the hive (listed in the output)\n", r.err());
            assertTrue(r.out().contains("Embedded file name:   \\SystemRoot\\System32\\Config\\SAM\n"), r.out());
            assertTrue(r.out().contains("Sequence numbers:     primary 96, secondary 96 (equal)\n"), r.out());
            assertTrue(r.out().matches("(?s).*Checksum: +stored 0xDDB6F445, computed 0xDDB6F445: valid\n.*"), r.out());
            assertTrue(r.out().contains("Root key:             UNREADABLE (see Damage): no key or value can be read\n"),
                    r.out());
            assertFalse(r.out().contains("Keys:"), "no key was read, none is counted: " + r.out());
            String root = cut + ": at offset 0x24: root cell offset 0x20 (file offset 0x1020, past the end of the " + size
                    + "-byte file) is not the start of a cell (the file is " + size + " bytes and its header declares "
                    + "20480 bytes of hive bins after the 4096-byte base block: the file is cut short)";
            assertTrue(r.out().endsWith("  " + root + "\n"), r.out());
            JsonNode j = new ObjectMapper().readTree(CliRun.of("hive", "info", "--format", "json", cut.toString()).out());
            assertFalse(j.get("rootReadable").asBoolean());
            assertEquals(96, j.get("header").get("primarySequenceNumber").asLong());
            assertEquals(2, j.get("damage").size());
            assertEquals(0x24, j.get("damage").get(1).get("offset").asLong());
            // the commands that need the keys still refuse it with the reader's one line
            CliRun ls = CliRun.of("hive", "ls", cut.toString());
            assertEquals(2, ls.exit());
            assertEquals("patchlens: " + root + "\n", ls.err());
        }
        assertTrue(new ObjectMapper().readTree(CliRun.of("hive", "info", "--format", "json", h("regipy/SAM")).out())
                .get("rootReadable").asBoolean());
        // shorter than a base block: nothing to report
        Path stub = Files.write(tmp.resolve("stub"), java.util.Arrays.copyOf(sam, 4095));
        CliRun r = CliRun.of("hive", "info", stub.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void dirtyHiveIsSaidToBeDirty() {
        CliRun r = CliRun.of("hive", "info", h("regipy/SECURITY"));
        assertTrue(r.out().contains("Dirty:                YES (sequence numbers differ"), r.out());
    }

    @Test
    void jsonlDumpHasOneObjectPerKeyWithTheDocumentedFields() throws Exception {
        CliRun r = CliRun.of("hive", "dump", h("yarp/MultiSzHive"));
        assertEquals(0, r.exit(), r.err());
        ObjectMapper m = new ObjectMapper();
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode root = m.readTree(lines.get(0));
        assertEquals("\\", root.get("path").asText());
        assertTrue(root.get("lastWritten").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z"));
        JsonNode key = m.readTree(lines.get(1));
        JsonNode v = key.get("values").get(0);
        assertEquals("key", key.get("name").asText());
        for (String f : List.of("name", "type", "typeCode", "size", "hex", "value")) {
            assertTrue(v.has(f), f);
        }
        assertEquals("REG_MULTI_SZ", v.get("type").asText());
        assertTrue(v.get("value").isArray());
        assertEquals(v.get("size").asInt() * 2, v.get("hex").asText().length());
    }

    @Test
    void csvDumpHasOneRowPerValueAndParsesBack() throws Exception {
        CliRun r = CliRun.of("hive", "dump", h("regipy/SAM"), "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out())).getRecords();
        long valueRows = rows.stream().filter(x -> !x.get("type").isEmpty()).count();
        assertEquals(70, valueRows);
        assertEquals(List.of("path", "lastWritten", "offset", "className", "valueName", "type", "typeCode", "size",
                "hex", "value", "anomalies"), rows.get(0).getParser().getHeaderNames());
    }

    @Test
    void listingFormatEqualsTheOracle() throws Exception {
        CliRun r = CliRun.of("hive", "dump", h("yarp/StringValuesHive"), "--format", "listing");
        String oracle = Corpus.read(hives.resolve("yarp/StringValuesHive.oracle.txt"));
        List<String> expected = oracle.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(expected, r.out().lines().toList());
    }

    @Test
    void getPrintsOneValueAndMissingValuesExitOne() {
        CliRun all = CliRun.of("hive", "get", h("yarp/StringValuesHive"), "\\");
        assertEquals(0, all.exit(), all.err());
        CliRun miss = CliRun.of("hive", "get", h("yarp/StringValuesHive"), "\\", "no such value");
        assertEquals(1, miss.exit());
        assertTrue(miss.err().contains("value not found"), miss.err());
        CliRun noKey = CliRun.of("hive", "ls", h("yarp/StringValuesHive"), "nope\\nope");
        assertEquals(1, noKey.exit());
        assertTrue(noKey.err().contains("key not found: nope\\nope"), noKey.err());
    }

    @Test
    void lsIsCaseInsensitiveWithOrWithoutLeadingBackslash() {
        CliRun a = CliRun.of("hive", "ls", h("regipy/SYSTEM"), "controlset001\\SERVICES\\tcpip");
        CliRun b = CliRun.of("hive", "ls", h("regipy/SYSTEM"), "\\ControlSet001\\Services\\Tcpip");
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        // the stored names are shown, whatever case was asked for
        assertTrue(a.out().startsWith("\\ControlSet001\\services\\Tcpip  ["), a.out());
    }

    @Test
    void timelineIsOrderedAndFiltered() {
        CliRun r = CliRun.of("hive", "timeline", h("regipy/SAM"));
        List<String> lines = r.out().lines().toList();
        assertEquals(65, lines.size());
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i - 1).substring(0, 28).compareTo(lines.get(i).substring(0, 28)) <= 0);
        }
        String t = lines.get(lines.size() / 2).substring(0, 28);
        CliRun since = CliRun.of("hive", "timeline", h("regipy/SAM"), "--since", t);
        assertTrue(since.out().lines().allMatch(l -> l.substring(0, 28).compareTo(t) >= 0));
        assertTrue(since.out().lines().count() < 65);
    }

    @Test
    void diffOfAHiveWithItselfIsEmptyAndWithItsRecoveryIsNot() {
        CliRun same = CliRun.of("hive", "diff", h("yarp/NewDirtyHive1/NewDirtyHive"), h("yarp/NewDirtyHive1/NewDirtyHive"));
        assertEquals(0, same.exit(), same.err());
        assertEquals("", same.out());
        CliRun d = CliRun.of("hive", "diff", h("yarp/NewDirtyHive1/NewDirtyHive"),
                h("yarp/NewDirtyHive1/RecoveredHive_Windows10"), "--no-logs");
        assertEquals(1, d.exit());
        assertTrue(d.out().lines().anyMatch(l -> l.startsWith("- value ") || l.startsWith("+ value ")
                || l.startsWith("~ value ") || l.startsWith("+ key ") || l.startsWith("- key ")), d.out());
    }

    @Test
    void outputNeverOverwritesEvidence(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("hive");
        Files.copy(hives.resolve("yarp/EmptyHive"), copy);
        byte[] before = Files.readAllBytes(copy);
        CliRun over = CliRun.of("hive", "dump", copy.toString(), "-o", copy.toString());
        assertEquals(2, over.exit());
        assertTrue(over.err().contains("refusing to write over an input file"), over.err());
        CliRun into = CliRun.of("hive", "dump", copy.toString(), "-o", tmp.resolve("out.jsonl").toString());
        assertEquals(2, into.exit());
        assertTrue(into.err().contains("--force"), into.err());
        CliRun forced = CliRun.of("hive", "dump", copy.toString(), "-o", tmp.resolve("out.jsonl").toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.size(tmp.resolve("out.jsonl")) > 0);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(copy)));
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String c : List.of("info", "ls", "get", "dump", "timeline", "export-reg", "diff")) {
            CliRun r = CliRun.of("hive", c, "--help");
            assertEquals(0, r.exit(), c);
            assertTrue(r.out().contains("Examples:"), c + ": " + r.out());
        }
        assertTrue(CliRun.of("--help").out().contains("Examples:"));
        assertTrue(CliRun.of("--version").out().startsWith("patchlens "));
    }
}
