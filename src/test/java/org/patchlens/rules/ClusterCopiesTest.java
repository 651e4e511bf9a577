package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;
import org.patchlens.hive.HiveBuilder;

/** Several cluster hive copies are compared (CLU-11); REG_SZ without a NUL is tolerated; -o CSV. */
class ClusterCopiesTest {
    @TempDir
    Path dir;

    @Test
    void aQuorumSnapshotThatDiffersFromTheNodeCopyIsReported() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        // an older quorum snapshot in which the Network Name still said EXVS00
        RegTree old = s.cluster.copy();
        old.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "EXVS00");
        HiveBuilder cb = HiveBuilder.v13().rootName("Cluster")
                .lastWritten(java.time.Instant.parse("2001-06-14T00:00:00Z"));
        old.writeTo(cb, "");
        cb.root().lastWritten(java.time.Instant.parse("2001-06-14T00:00:00Z"));
        cb.write(Files.createDirectories(dir.resolve("Q/MSCS")).resolve("chk0000A.tmp"));
        ScenarioRun r = rerun(s, List.of());
        assertEquals(new java.util.TreeSet<>(List.of("CLU-11")), r.failing(), r.dump());
        var f = r.failures("CLU-11").get(0);
        assertEquals("virtual server name", f.get("object").asText());
        assertEquals("EXVS01", f.get("expected").asText());
        assertEquals("EXVS00", f.get("actual").asText());
        assertTrue(f.get("actualSource").asText().contains("chk0000A.tmp"), f.toString());
    }

    @Test
    void aServiceNameWrittenWithoutNulStillFindsTheExchangeGroup() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.put("Resources\\" + RestoreScenario.IS + "\\Parameters", "ServiceName", 1,
                RegTree.utf16("MSExchangeIS"));
        ScenarioRun r = ScenarioRun.of(s, dir);
        assertEquals("PASS", r.of("CLU-01").get(0).get("status").asText(), r.dump());
        assertEquals(new java.util.TreeSet<>(), r.failing(), r.dump());
    }

    @Test
    void theFullReportGoesToCsvWithTheFindingsColumns() throws Exception {
        Path out = Files.createTempDirectory("patchlens-report");
        RestoreScenario s = RestoreScenario.offlineBase().set("--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1");
        s.write(dir);
        Path csv = out.resolve("findings.csv");
        ScenarioRun r = rerun(s, List.of());
        ScenarioRun written = rerun(s, List.of("-o", csv.toString()));
        assertEquals(1, written.exit(), written.err());
        csv.toFile().deleteOnExit();
        out.toFile().deleteOnExit();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv))).getRecords();
        assertEquals(r.findings().size(), rows.size());
        assertEquals(org.patchlens.report.FindingsWriter.COLUMNS, rows.get(0).getParser().getHeaderNames());
        assertTrue(rows.stream().anyMatch(x -> x.get("rule").equals("PRC-02") && x.get("status").equals("FAIL")
                && x.get("kb").equals("Q178311 Q280770")));
        // and never into the evidence folder without --force
        ScenarioRun into = rerun(s, List.of("-o", dir.resolve("NODE1/findings.csv").toString()));
        assertEquals(2, into.exit());
        assertTrue(into.err().contains("refusing to write into the evidence folder"), into.err());
    }

    private ScenarioRun rerun(RestoreScenario s, List<String> extra) throws Exception {
        // the findings as JSONL on stdout; with -o the file gets the report and stdout the text summary
        List<String> args = new java.util.ArrayList<>(List.of("check", dir.toString()));
        if (extra.isEmpty()) {
            args.addAll(List.of("--format", "jsonl"));
        }
        args.addAll(s.options);
        args.addAll(extra);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> f = new java.util.ArrayList<>();
        for (String line : o.toString().split("\n")) {
            if (extra.isEmpty() && !line.isBlank()) {
                f.add(m.readTree(line));
            }
        }
        return new ScenarioRun(code, f, e.toString());
    }
}
