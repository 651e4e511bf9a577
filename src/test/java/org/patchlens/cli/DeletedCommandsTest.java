package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchlens.testing.Corpus;

/** hive deleted and hive dump --deleted on the corpus hive yarp made for deleted data. */
class DeletedCommandsTest {
    private static String hive;

    @BeforeAll
    static void corpus() {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        hive = Corpus.root().get().resolve("hives/yarp/DeletedDataHive").toString();
    }

    @Test
    void deletedAsJsonlCsvAndText() throws Exception {
        CliRun j = CliRun.of("hive", "deleted", hive);
        assertEquals(1, j.exit(), j.err());
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> items = new ArrayList<>();
        for (String line : j.out().lines().toList()) {
            items.add(m.readTree(line));
        }
        assertEquals(3, items.size());
        JsonNode key = items.stream().filter(x -> x.get("kind").asText().equals("key")).findFirst().orElseThrow();
        assertEquals("\\456", key.get("path").asText());
        assertEquals("deleted", key.get("recovered").asText());
        JsonNode v2 = items.stream().filter(x -> x.get("name").asText().equals("v2")).findFirst().orElseThrow();
        assertEquals("456", v2.get("value").asText());
        assertEquals("\\123", v2.get("path").asText());

        CliRun c = CliRun.of("hive", "deleted", hive, "--format", "csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(c.out())).getRecords();
        assertEquals(3, rows.size());
        assertEquals(org.patchlens.report.DeletedWriter.CSV_HEADER, rows.get(0).getParser().getHeaderNames());

        CliRun t = CliRun.of("hive", "deleted", hive, "--format", "text");
        assertTrue(t.out().contains("[deleted] value \\456 : v = REG_SZ 123456  (data "), t.out());
    }

    @Test
    void helpHasExamples() {
        CliRun r = CliRun.of("hive", "deleted", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("recovered-from-slack"), r.out());
        assertTrue(CliRun.of("hive", "dump", "--help").out().contains("--deleted"));
    }

    @Test
    void nothingDeletedExitsZero() {
        CliRun r = CliRun.of("hive", "deleted", Corpus.root().get().resolve("hives/yarp/EmptyHive").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void dumpDeletedAppendsTheRecoveredRecords() throws Exception {
        CliRun plain = CliRun.of("hive", "dump", hive);
        CliRun with = CliRun.of("hive", "dump", hive, "--deleted");
        // what hive deleted says of the same data: exit code 1, records were recovered
        assertEquals(CliRun.of("hive", "deleted", hive).exit(), with.exit(), with.err());
        assertEquals(1, with.exit(), with.err());
        List<String> a = plain.out().lines().toList();
        List<String> b = with.out().lines().toList();
        assertEquals(a, b.subList(0, a.size()), "the live dump comes first, unchanged");
        assertEquals(3, b.size() - a.size());
        assertTrue(b.subList(a.size(), b.size()).stream().allMatch(l -> l.contains("\"recovered\":\"deleted\"")));
        CliRun csv = CliRun.of("hive", "dump", hive, "--deleted", "--format", "csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.out())).getRecords();
        assertEquals(3, rows.stream().filter(r -> r.get("recovered").equals("deleted")).count());
        assertTrue(CliRun.of("hive", "dump", hive, "--deleted", "--format", "text").out()
                .contains("Recovered records (deleted or unreferenced; not part of the live tree): 3"));
        assertEquals(2, CliRun.of("hive", "dump", hive, "--deleted", "--format", "listing").exit());
    }
}
