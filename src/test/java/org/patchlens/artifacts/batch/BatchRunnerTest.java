package org.patchlens.artifacts.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.patchlens.artifacts.HiveType;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.BatchWriter;
import org.patchlens.report.OutputFormat;

/** RECmd's batch rules on a built SYSTEM hive: wildcards, value names, recursion, binary data, plugins, CSV. */
class BatchRunnerTest {
    private static Hive system() {
        HiveBuilder b = HiveBuilder.v15().rootName("ROOT");
        b.key("Select").dword("Current", 1);
        b.key("ControlSet001\\Control\\Windows").binary("ShutdownTime", HexFormat.of().parseHex("33d729750612cd01"))
                .dword("InstallDate", 1234567890);
        b.key("ControlSet002\\Control\\Windows").binary("ShutdownTime", HexFormat.of().parseHex("0102"));
        b.key("ControlSet001\\Control\\TimeZoneInformation").sz("TimeZoneKeyName", "Eastern Standard Time")
                .dword("Bias", 300);
        b.key("ControlSet001\\Services\\Empty");
        b.key("ControlSet001\\Services\\Odd,Name").sz("Text", "a, \"quoted\"\nsecond line")
                .sz("Esc\u001b[31m", "x\ty");
        b.key("ControlSet001\\Services\\Odd,Name\\Sub").dword("Deep", 7);
        return Hive.fromBytes("SYSTEM", b.toBytes());
    }

    private static BatchRunner.Result run(Hive h, String... fields) {
        BatchFile f = BatchFileTest.parse(BatchFileTest.HEAD + BatchFileTest.entry(fields));
        return BatchRunner.run(f, h, "SYSTEM", HiveType.of(h));
    }

    @Test
    void aWildcardStandsForAnyRunWithinOneNameAndNeverCrossesABackslash() {
        try (Hive h = system()) {
            BatchRunner.Result r = run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet00*\\Control\\Windows", "ValueName: ShutdownTime");
            assertEquals(List.of("ROOT\\ControlSet001\\Control\\Windows", "ROOT\\ControlSet002\\Control\\Windows"),
                    r.rows().stream().map(BatchRow::keyPath).toList());
            assertEquals(List.of("(Binary data)", "(Binary data)"), r.rows().stream().map(BatchRow::valueData).toList());
            // "*" does not reach two levels down, and names compare in any case, the root's name allowed in front
            assertEquals(0, run(h, "Description: d", "HiveType: SYSTEM", "Category: c", "KeyPath: '*\\Windows'")
                    .rows().size());
            assertEquals(2, run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: root\\controlset*\\CONTROL\\windows", "ValueName: shutdowntime").rows().size());
            assertEquals(BatchRunner.Status.NOT_PRESENT, run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet003\\Control").outcomes().get(0).status());
            assertEquals(BatchRunner.Status.OTHER_TYPE, run(h, "Description: d", "HiveType: NTUSER", "Category: c",
                    "KeyPath: Select").outcomes().get(0).status());
        }
    }

    @Test
    void withoutAValueNameEveryValueIsARowAndAKeyWithoutValuesIsOne() {
        try (Hive h = system()) {
            BatchRunner.Result r = run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet001\\Services", "Recursive: true");
            assertEquals(List.of("\\ControlSet001\\Services|", "\\ControlSet001\\Services\\Empty|",
                    "\\ControlSet001\\Services\\Odd,Name|Text", "\\ControlSet001\\Services\\Odd,Name|Esc\u001b[31m",
                    "\\ControlSet001\\Services\\Odd,Name\\Sub|Deep"),
                    r.rows().stream().map(x -> x.dumpPath() + "|" + x.valueName()).toList());
            assertEquals("7", r.rows().get(4).valueData());
            assertEquals("RegDword", r.rows().get(4).valueType());
            assertEquals(1, run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet001\\Services").rows().size(), "not recursive: the key alone");
        }
    }

    @Test
    void binaryDataIsShownOnlyWithIncludeBinaryAndConvertedAsAsked() {
        try (Hive h = system()) {
            BatchRunner.Result r = run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet00*\\Control\\Windows", "ValueName: ShutdownTime", "IncludeBinary: true",
                    "BinaryConvert: FILETIME");
            assertEquals("2012-04-04 01:58:40.8392499", r.rows().get(0).valueData());
            assertEquals("", r.rows().get(0).valueData3());
            assertEquals("01-02", r.rows().get(1).valueData(), "too short: the bytes as RECmd shows them");
            assertEquals("BinaryConvert FILETIME not applied: FILETIME needs 8 bytes, the data has 2",
                    r.rows().get(1).valueData3());
            assertEquals(1, r.conversionFailures());
            assertEquals("33-D7-29-75-06-12-CD-01", run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet001\\Control\\Windows", "ValueName: ShutdownTime", "IncludeBinary: true")
                    .rows().get(0).valueData());
            // RECmd applies the time conversions to a DWORD too (InstallDate as EPOCH)
            assertEquals("2009-02-13 23:31:30.0000000", run(h, "Description: d", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet001\\Control\\Windows", "ValueName: InstallDate", "BinaryConvert: EPOCH")
                    .rows().get(0).valueData());
        }
    }

    @Test
    void anEntryNamingAPluginWeDecodeGivesTheDecodersEntries() {
        try (Hive h = system()) {
            String yaml = BatchFileTest.HEAD + BatchFileTest.entry("Description: tz", "HiveType: SYSTEM",
                    "Category: c", "KeyPath: ControlSet00*\\Control\\TimeZoneInformation")
                    + "# TimeZoneInfo plugin - https://github.com/EricZimmerman/RegistryPlugins/tree/master/"
                    + "RegistryPlugin.TimeZoneInformation\n"
                    + BatchFileTest.entry("Description: svc", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet001\\Services\\Empty")
                    + "# Nope plugin - https://github.com/EricZimmerman/RegistryPlugins/tree/master/RegistryPlugin.Nope\n";
            BatchFile f = BatchFileTest.parse(yaml);
            assertEquals("TimeZoneInfo", f.entries().get(0).recmdPlugin());
            assertEquals("Nope", f.entries().get(1).recmdPlugin());
            BatchRunner.Result r = BatchRunner.run(f, h, "SYSTEM", HiveType.SYSTEM);
            assertEquals(BatchRunner.Status.DECODER_ROWS, r.outcomes().get(0).status());
            BatchRow tz = r.rows().get(0);
            assertEquals("(plugin)", tz.valueType());
            assertTrue(tz.valueData().contains("Eastern Standard Time"), tz.valueData());
            assertEquals("patchlens hive artifacts --plugin timezone_data", tz.pluginDetail());
            assertEquals(BatchRunner.Status.ROWS, r.outcomes().get(1).status(), "no decoder: the raw key row");
            assertTrue(!BatchRunner.hasDecoder("Nope") && BatchRunner.hasDecoder("TimeZoneInfo"));
        }
    }

    @Test
    void theCsvIsRecmdsColumnsQuotedSoCommasQuotesAndLineBreaksStayInTheirCells() throws Exception {
        try (Hive h = system()) {
            BatchRunner.Result r = run(h, "Description: \"with, comma\"", "HiveType: SYSTEM", "Category: c",
                    "KeyPath: ControlSet001\\Services\\Odd,Name", "Comment: 'say \"hi\"'");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BatchWriter w = BatchWriter.stream(OutputFormat.CSV, out);
            w.rows(r.rows());
            w.finish();
            String csv = out.toString(StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("HivePath,HiveType,Description,Category,KeyPath,ValueName,ValueType,ValueData,"
                    + "ValueData2,ValueData3,Comment,Recursive,Deleted,LastWriteTimestamp,PluginDetailFile\r\n"), csv);
            List<CSVRecord> recs = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
            assertEquals(2, recs.size());
            CSVRecord text = recs.get(0);
            assertEquals("with, comma", text.get("Description"));
            assertEquals("ROOT\\ControlSet001\\Services\\Odd,Name", text.get("KeyPath"));
            assertEquals("a, \"quoted\"\nsecond line", text.get("ValueData"));
            assertEquals("say \"hi\"", text.get("Comment"));
            assertEquals("False", text.get("Recursive"));
            assertEquals("2001-06-15 12:00:00.0000000", text.get("LastWriteTimestamp"));
            // a crafted value name with an escape sequence is kept exact inside its quoted cell
            assertEquals("Esc\u001b[31m", recs.get(1).get("ValueName"));
            assertEquals("x\ty", recs.get(1).get("ValueData"));
        }
    }
}
