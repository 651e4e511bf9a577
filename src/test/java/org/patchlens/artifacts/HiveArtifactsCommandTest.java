package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.ArtifactsWriter;

/** {@code patchlens hive artifacts}: formats, folders, logs, exit codes, and evidence left as it was. */
class HiveArtifactsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static List<JsonNode> jsonl(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    static List<CSVRecord> csv(String out, List<String> header) throws IOException {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out))) {
            assertEquals(header, p.getHeaderNames());
            return p.getRecords();
        }
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void jsonlHasOneEntryPerLineWithTheHiveAndItsHash() throws Exception {
        Path system = ArtifactTesting.corpus("regipy/SYSTEM");
        Path ntuser = ArtifactTesting.corpus("regipy/NTUSER.DAT");
        Run r = cli("hive", "artifacts", system.toString(), ntuser.toString());
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = jsonl(r.out());
        assertEquals(ArtifactTesting.run(Catalog.SERVICES, system).size() + 2 + 2 + 2 + 660 + 2 + 14 + 11 + 6
                + 1 + 2 + 33 + 22 + 6, lines.size(), "services, computer names, time zones, shutdowns, shimcache, "
                        + "USBSTOR devices, USB devices, mounted devices, network interfaces; Run, typed URLs, UserAssist, "
                        + "recent docs, searches");
        JsonNode first = lines.get(0);
        assertEquals("computer_name", first.get("plugin").asText());
        assertEquals(system.toString(), first.get("hive").asText());
        assertEquals(sha256(system), first.get("sha256").asText());
        assertEquals("SYSTEM", first.get("hiveType").asText());
        assertEquals("2010-11-10T17:18:08.7187500Z", first.get("lastWritten").asText());
        assertEquals("WKS-WIN732BITA", first.get("fields").get("computerName").get("value").asText());
        assertTrue(first.get("fields").get("computerName").get("offset").canConvertToLong());
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("word_wheel_query", last.get("plugin").asText());
        assertEquals(5, last.get("fields").get("order").get("value").asInt());
        assertEquals(sha256(ntuser), last.get("sha256").asText());
        assertTrue(lines.stream().filter(l -> l.get("plugin").asText().equals("services"))
                .allMatch(l -> l.get("valueName").isNull()));
    }

    @Test
    void csvColumnsComeFromTheCatalogNotTheData() throws Exception {
        Path ntuser = ArtifactTesting.corpus("regipy/NTUSER.DAT");
        Run all = cli("hive", "artifacts", ntuser.toString(), "--format", "csv");
        assertEquals(0, all.exit(), all.err());
        List<CSVRecord> rows = csv(all.out(), ArtifactsWriter.csvHeader(List.of()));
        assertEquals(64, rows.size()); // Run 1, typed URLs 2, UserAssist 33, recent docs 22, searches 6
        assertEquals("Sidebar", rows.get(0).get("valueName"));
        assertEquals("%ProgramFiles%\\Windows Sidebar\\Sidebar.exe /autoRun", rows.get(0).get("command"));
        assertEquals("", rows.get(0).get("imagePath"));
        // one plugin: the common columns and its own, also for a hive that has none of its entries
        Run one = cli("hive", "artifacts", ntuser.toString(), "--plugin", "services", "--format", "csv");
        List<String> header = new ArrayList<>(ArtifactsWriter.COMMON);
        for (FieldSpec f : Catalog.SERVICES.spec().fields()) {
            header.add(f.name());
            header.add(f.name() + ".offset");
        }
        assertEquals(List.of(), csv(one.out(), header));
        assertTrue(one.err().contains("services applies to SYSTEM hives; none of the inputs is one"), one.err());
        assertEquals(0, one.exit());
    }

    @Test
    void textShowsEvidenceTextEscaped(@TempDir Path dir) throws Exception {
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Run").sz("evil\u001b[2J", "a\nb\u202e");
        Path hive = b.write(dir.resolve("NTUSER.DAT"));
        Run r = cli("hive", "artifacts", hive.toString(), "--plugin", "ntuser_persistence", "--format", "text");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" : evil\\u001b[2J  ["), r.out());
        assertTrue(r.out().contains("    command  a\\nb\\u202e  @0x"), r.out());
        assertFalse(r.out().contains("\u001b"));
        assertTrue(r.out().startsWith("# " + hive + ": NTUSER hive, sha256 " + sha256(hive) + "; 2 entries from "
                + "ntuser_persistence\n"), r.out());
    }

    @Test
    void aFolderIsSearchedByContentWithoutFollowingLinks(@TempDir Path dir) throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence/user"));
        Fixtures.ntuser().write(evidence.resolve("copy-without-its-name"));
        Files.writeString(evidence.resolve("notes.txt"), "not a hive");
        Path outside = Fixtures.system().write(dir.resolve("SYSTEM"));
        Files.createSymbolicLink(evidence.resolve("linked-SYSTEM"), outside);
        Run r = cli("hive", "artifacts", dir.resolve("evidence").toString(), "--format", "text");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("copy-without-its-name: NTUSER hive"), r.out());
        assertFalse(r.out().contains("SYSTEM"), r.out());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run none = cli("hive", "artifacts", empty.toString());
        assertEquals(2, none.exit());
        // one line (the shared walk, cli/HiveTree): exit code 2 gets exactly one line on stderr
        assertEquals("patchlens: " + empty + ": no hive found in this folder (hives are found by content; symbolic links "
                + "are not followed)\n", none.err());
    }

    @Test
    void toAFileStdoutGetsOneLineAndTheFileTheSameEntries(@TempDir Path dir) throws Exception {
        Path ntuser = ArtifactTesting.corpus("regipy/NTUSER.DAT");
        Path out = dir.resolve("a.jsonl");
        Run r = cli("hive", "artifacts", ntuser.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("64 entries from 1 hive written to " + out + " (jsonl)\n", r.out());
        assertEquals(cli("hive", "artifacts", ntuser.toString()).out(), Files.readString(out));
    }

    @Test
    void notesAndDamageAreExitCodeOne(@TempDir Path dir) throws Exception {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Control\\Windows").binary("ShutdownTime", 1, 2, 3);
        Path hive = b.write(dir.resolve("SYSTEM"));
        Run r = cli("hive", "artifacts", hive.toString(), "--plugin", "shutdown");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(hive + ": 1 entry has notes"), r.err());
        assertTrue(jsonl(r.out()).get(0).get("notes").get(0).asText().endsWith("3 bytes, a FILETIME needs 8"));
        Run damaged = cli("hive", "artifacts", ArtifactTesting.corpus("regipy/corrupted_system_hive").toString(),
                "--plugin", "services");
        assertEquals(1, damaged.exit());
        assertTrue(damaged.err().contains("problems in the hive"), damaged.err());
    }

    @Test
    void aDirtyHiveIsReadWithItsLogs() {
        Run r = cli("hive", "artifacts", ArtifactTesting.corpus("regipy/UsrClass.dat").toString(), "--format", "text");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("read with its transaction logs applied in memory"), r.err());
        assertTrue(r.out().contains("UsrClass hive"), r.out());
    }

    @Test
    void hiveTypeReadsAHiveAsTheTypeGiven(@TempDir Path dir) throws Exception {
        // a SYSTEM hive's control set alone (no Select key): not told as SYSTEM by its keys
        HiveBuilder b = HiveBuilder.v15();
        b.key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", "WKS-WIN732BITA");
        Path hive = b.write(dir.resolve("partial"));
        assertEquals("", cli("hive", "artifacts", hive.toString()).out());
        Run r = cli("hive", "artifacts", hive.toString(), "--hive-type", "system", "--plugin", "computer_name");
        assertEquals(0, r.exit(), r.err());
        assertEquals("WKS-WIN732BITA", jsonl(r.out()).get(0).get("fields").get("computerName").get("value").asText());
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path ntuser = ArtifactTesting.corpus("regipy/NTUSER.DAT");
        Run unknown = cli("hive", "artifacts", ntuser.toString(), "--plugin", "typed_url");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("patchlens: --plugin typed_url: no such plugin; did you mean typed_urls"),
                unknown.err());
        assertEquals(2, cli("hive", "artifacts").exit());
        assertEquals(2, cli("hive", "artifacts", "--list-plugins", ntuser.toString()).exit());
        assertEquals(2, cli("hive", "artifacts", ntuser.toString(), "--hive-type", "user").exit());
        Path text = Files.writeString(dir.resolve("x.txt"), "not a hive");
        Run notHive = cli("hive", "artifacts", text.toString());
        assertEquals(2, notHive.exit());
        assertEquals(1, notHive.err().lines().count(), notHive.err());
        Run xlsx = cli("hive", "artifacts", ntuser.toString(), "-o", dir.resolve("a.xlsx").toString());
        assertEquals(2, xlsx.exit());
        assertFalse(Files.exists(dir.resolve("a.xlsx")));
    }

    @Test
    void nothingIsWrittenIntoTheEvidenceFolderAndEvidenceIsUnchanged(@TempDir Path dir) throws Exception {
        Path hive = Fixtures.ntuser().write(dir.resolve("NTUSER.DAT"));
        String before = sha256(hive);
        Run r = cli("hive", "artifacts", dir.toString(), "-o", dir.resolve("out.jsonl").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("refusing to write into the evidence folder"), r.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(hive), s.toList());
        }
        Run over = cli("hive", "artifacts", hive.toString(), "-o", hive.toString(), "--force");
        assertEquals(2, over.exit());
        assertEquals(before, sha256(hive));
    }

    @Test
    void listPluginsGivesTheCatalog() throws Exception {
        Run r = cli("hive", "artifacts", "--list-plugins");
        assertEquals(0, r.exit());
        List<String> lines = r.out().lines().toList();
        assertEquals(Catalog.values().length + 1, lines.size());
        assertTrue(lines.get(0).startsWith("PLUGIN"));
        assertTrue(lines.get(1).startsWith("computer_name  "));
        List<JsonNode> json = jsonl(cli("hive", "artifacts", "--list-plugins", "--format", "jsonl").out());
        assertEquals("background_activity_moderator", json.get(4).get("regipy").asText());
        assertEquals("lastExecution", json.get(4).get("fields").get(2).get("name").asText());
    }
}
