package org.patchlens.artifacts.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.patchlens.artifacts.HiveType;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.report.HiveDump;
import org.patchlens.report.OutputFormat;
import org.patchlens.testing.Corpus;

/**
 * RECmd's Kroll_Batch.reb and DFIRBatch.reb over the corpus's real Windows hives (regipy's, dfwinreg's,
 * Registry's) that open: each row's key, value and data
 * agree with {@code hive dump} of the same hive (its CSV, read back), and every entry is accounted for: rows,
 * another hive type, or not present, which is checked against the dump's paths with a pattern made here.
 */
class BatchCorpusTest {
    private record DumpValue(String name, String type, String hex, String value) {
    }

    @Test
    void everyRowAgreesWithTheDumpAndEveryEntryIsAccountedFor() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        List<BatchFile> batches = List.of(BatchFile.read(Path.of("testdata/recmd/Kroll_Batch.reb")),
                BatchFile.read(Path.of("testdata/recmd/DFIRBatch.reb")));
        long rowsChecked = 0;
        Set<HiveType> typesSeen = new HashSet<>();
        for (Path file : Corpus.hives()) {
            if (!file.toString().matches(".*[\\/](regipy|dfwinreg|registry-ez)[\\/].*")) {
                continue; // the folders of real Windows hives (the others are format tests with no artifacts)
            }
            Hive hive;
            try {
                hive = Hive.open(file);
            } catch (HiveException e) {
                continue; // the corpus's unreadable files: hive dump refuses them too
            }
            try (hive) {
                HiveType type = HiveType.of(hive);
                StringWriter dumpText = new StringWriter();
                HiveDump.write(hive, hive.root(), OutputFormat.CSV, dumpText);
                Map<String, List<DumpValue>> dump = new HashMap<>();
                for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(dumpText.toString()))) {
                    List<DumpValue> vs = dump.computeIfAbsent(r.get("path"), k -> new ArrayList<>());
                    if (!r.get("type").isEmpty()) {
                        vs.add(new DumpValue(r.get("valueName"), r.get("type"), r.get("hex"), r.get("value")));
                    }
                }
                for (BatchFile batch : batches) {
                    BatchRunner.Result result = BatchRunner.run(batch, hive, file.toString(), type);
                    assertEquals(batch.entries().size(), result.outcomes().size());
                    assertEquals(result.rows().size(), result.outcomes().stream().mapToInt(BatchRunner.Outcome::rows)
                            .sum());
                    Map<Integer, BatchEntry> byLine = new HashMap<>();
                    batch.entries().forEach(e -> byLine.put(e.line(), e));
                    for (BatchRow row : result.rows()) {
                        check(file, row, byLine.get(row.entryLine()), dump, hive.root().name());
                        rowsChecked++;
                    }
                    for (BatchRunner.Outcome o : result.outcomes()) {
                        switch (o.status()) {
                            case OTHER_TYPE -> assertNotEquals(type, o.entry().hiveType().matches());
                            case NOT_PRESENT -> assertTrue(absent(o.entry(), dump, hive.root().name()),
                                    file + ": " + o.entry().label() + " is in the dump");
                            default -> {
                                assertEquals(type, o.entry().hiveType().matches());
                                assertTrue(o.rows() > 0);
                                typesSeen.add(type);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(rowsChecked > 2000, rowsChecked + " rows");
        assertTrue(typesSeen.containsAll(Set.of(HiveType.SYSTEM, HiveType.NTUSER, HiveType.SAM, HiveType.SECURITY,
                HiveType.USRCLASS)), typesSeen.toString());
    }

    private static void check(Path file, BatchRow row, BatchEntry e, Map<String, List<DumpValue>> dump, String root) {
        String where = file + " " + e.label() + " " + row.keyPath() + " " + row.valueName();
        assertEquals(row.dumpPath().equals("\\") ? root : root + row.dumpPath(), row.keyPath(), where);
        List<DumpValue> values = dump.get(row.dumpPath());
        assertTrue(values != null, where + ": key not in the dump");
        if (row.valueOffset() < 0) {
            return; // a key row, or a decoder's row about this key
        }
        String name = row.valueName().equals("(default)") ? "" : row.valueName();
        assertTrue(e.valueName() == null || e.valueName().equalsIgnoreCase(name), where);
        // the dump's value of that name with the same bytes
        DumpValue d = values.stream().filter(v -> v.name().equals(name) && v.hex().equals(row.hex())).findFirst()
                .orElse(null);
        assertTrue(d != null, where + ": no value with these bytes in the dump");
        byte[] bytes = HexFormat.of().parseHex(d.hex());
        String upperDashed = String.join("-", d.hex().toUpperCase(Locale.ROOT).split("(?<=\\G..)"));
        if (row.valueData().equals("(Binary data)")) {
            assertEquals("REG_BINARY", d.type(), where);
            assertTrue(!e.includeBinary(), where);
        } else if (e.binaryConvert() != BinaryConvert.NONE && row.valueData3().isEmpty()
                && (d.type().equals("REG_BINARY") || e.binaryConvert().appliesToAnyType())) {
            assertEquals(e.binaryConvert().convert(bytes).text(), row.valueData(), where);
        } else if (d.value().matches("\\d+ \\(0x[0-9a-f]+\\)") && !d.type().equals("REG_SZ")) {
            assertEquals(d.value().substring(0, d.value().indexOf(' ')), row.valueData(), where);
        } else if (d.value().equals(d.hex()) && !d.type().endsWith("SZ") && !d.type().equals("REG_LINK")) {
            assertEquals(d.hex().isEmpty() ? "" : upperDashed, row.valueData(), where);
        } else {
            assertEquals(d.value(), row.valueData(), where);
        }
    }

    private static boolean has(List<DumpValue> values, String name) {
        return values.stream().anyMatch(v -> v.name().equalsIgnoreCase(name));
    }

    /** Whether no key of the dump matches the entry's path (made here: * within a name, any case, root name optional). */
    private static boolean absent(BatchEntry e, Map<String, List<DumpValue>> dump, String root) {
        String p = e.keyPath().replaceAll("^[\\\\/]+|[\\\\/]+$", "");
        StringBuilder re = new StringBuilder("(?:\\\\" + Pattern.quote(root) + ")?");
        for (String seg : p.split("\\\\", -1)) {
            re.append("\\\\");
            for (String part : seg.split("\\*", -1)) {
                re.append(Pattern.quote(part)).append("[^\\\\]*");
            }
            re.setLength(re.length() - "[^\\\\]*".length());
        }
        Pattern key = Pattern.compile(p.equals("*") ? "\\\\" : re.toString(), Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE);
        boolean wildcard = p.contains("*");
        for (Map.Entry<String, List<DumpValue>> k : dump.entrySet()) {
            if (!key.matcher(k.getKey()).matches()) {
                continue;
            }
            if (e.valueName() == null || has(k.getValue(), e.valueName())) {
                return false;
            }
            if (e.recursive() && !wildcard) { // RECmd goes on below a key that lacks the value (not for a wildcard)
                for (Map.Entry<String, List<DumpValue>> sub : dump.entrySet()) {
                    if (sub.getKey().startsWith(k.getKey() + "\\") && has(sub.getValue(), e.valueName())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
