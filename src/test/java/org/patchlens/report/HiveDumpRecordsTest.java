package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;

/**
 * The records of {@code hive dump}: the key's own name beside its path in JSONL (a name may hold a
 * backslash), and a value's anomalies in every format, the note on big data Windows would not read among them.
 */
class HiveDumpRecordsTest {
    private static String dump(Hive h, OutputFormat f) throws Exception {
        StringWriter w = new StringWriter();
        HiveDump.write(h, h.root(), f, w);
        return w.toString();
    }

    /** {@code \A\back\slash key} names two keys: {@code slash key} under {@code back}, and {@code back\slash key}. */
    private static Hive backslashHive() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("A\\back\\slash key").dword("nested", 1);
        b.key("A").keyNamed("back\\slash key").dword("oneName", 2);
        return Hive.fromBytes("bs", b.toBytes());
    }

    @Test
    void jsonlRecordsNameTheKeyRightAfterItsPath() throws Exception {
        List<String> lines = dump(backslashHive(), OutputFormat.JSONL).lines().toList();
        ObjectMapper m = new ObjectMapper();
        List<String> both = new ArrayList<>();
        for (String line : lines) {
            JsonNode k = m.readTree(line);
            List<String> fields = new ArrayList<>();
            k.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("path", "name", "lastWritten", "offset", "className", "values"), fields);
            if (k.get("path").asText().equals("\\A\\back\\slash key")) {
                both.add(k.get("name").asText() + " : " + k.get("values").get(0).get("name").asText());
            }
        }
        assertEquals(List.of("back\\slash key : oneName", "slash key : nested"), both.stream().sorted().toList());
        assertTrue(lines.get(0).startsWith("{\"path\":\"\\\\\",\"name\":\""), lines.get(0));
    }

    /** One record, every field pinned. */
    @Test
    void jsonlRecordAsWritten() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("K").className("cls").sz("S", "x").dword("D", 5);
        Hive h = Hive.fromBytes("one", b.toBytes());
        String k = dump(h, OutputFormat.JSONL).lines().toList().get(1);
        assertEquals("{\"path\":\"\\\\K\",\"name\":\"K\",\"lastWritten\":\"2001-06-15T12:00:00.0000000Z\",\"offset\":"
                + h.key("K").fileOffset() + ",\"className\":\"cls\",\"values\":[{\"name\":\"S\",\"type\":\"REG_SZ\","
                + "\"typeCode\":1,\"size\":4,\"hex\":\"78000000\",\"value\":\"x\"},{\"name\":\"D\",\"type\":\"REG_DWORD\","
                + "\"typeCode\":4,\"size\":4,\"hex\":\"05000000\",\"value\":5}]}", k);
    }

    /** reged's big data in a 1.3 hive, and a REG_SZ without its NUL: the anomalies in JSONL, CSV and text. */
    @Test
    void anomaliesInEveryFormat() throws Exception {
        HiveBuilder b = HiveBuilder.v13();
        byte[] big = new byte[40_000];
        b.key("K").binary("big", big).val("big").regedBigData();
        b.key("K").value("noNul", 1, new byte[] {'a', 0});
        Hive h = Hive.fromBytes("reged", b.toBytes());
        String note = "big-data record that Windows would not read (a format 1.3 hive: Windows reads big data only in "
                + "format 1.4 and later); the data is read from its segments as hivex and reglookup read them";

        JsonNode k = new ObjectMapper().readTree(dump(h, OutputFormat.JSONL).lines().toList().get(1));
        JsonNode bigJ = k.get("values").get(0);
        assertEquals(40_000, bigJ.get("size").asInt());
        assertEquals(List.of(note), texts(bigJ.get("anomalies")));
        assertEquals(List.of("no terminating NUL"), texts(k.get("values").get(1).get("anomalies")));

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(dump(h, OutputFormat.CSV))).getRecords();
        assertEquals(HiveDump.CSV_HEADER, rows.get(0).getParser().getHeaderNames());
        assertEquals(note, rows.get(1).get("anomalies"));
        assertEquals("no terminating NUL", rows.get(2).get("anomalies"));
        assertEquals("", rows.get(0).get("anomalies"));

        String text = dump(h, OutputFormat.TEXT);
        assertTrue(text.contains("  (" + note + ")\n"), text);
        assertTrue(text.contains("noNul  REG_SZ  \"a\"  (no terminating NUL)\n"), text);
        assertEquals(List.of(), h.damage());
    }

    /** A value without anomalies has no "anomalies" field: the field is there only when there is something to say. */
    @Test
    void noAnomaliesNoField() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("K").sz("S", "fine");
        Hive h = Hive.fromBytes("fine", b.toBytes());
        JsonNode v = new ObjectMapper().readTree(dump(h, OutputFormat.JSONL).lines().toList().get(1)).get("values").get(0);
        assertTrue(!v.has("anomalies"), v.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
