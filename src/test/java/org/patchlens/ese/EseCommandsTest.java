package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;
import org.patchlens.testing.Corpus;

/** {@code patchlens ese ...}: output, exit codes, one-line errors; text output parses back to the same fields. */
class EseCommandsTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path corpus(String rel) {
        assumeTrue(Corpus.root().isPresent() && Files.isDirectory(Corpus.root().get().resolve("ese")));
        return Corpus.root().get().resolve("ese").resolve(rel);
    }

    Path write(String name, byte[] b) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }

    @Test
    void headerOfACleanDatabase() {
        Run r = run("ese", "header", corpus("dissect/basic.edb").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("State: Clean Shutdown (3)"), r.out());
        assertTrue(r.out().contains("Format ulVersion: 0x620,20,0"), r.out());
        assertTrue(r.out().contains("Log Required: 0-0 (0x0-0x0)"), r.out());
        assertTrue(r.out().contains("Copies: identical"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void headerWithABadPrimaryReportsTheShadowFallback() {
        Run r = run("ese", "header", corpus("crafted/primary-checksum-bad.edb.head").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Fields read from: shadow"), r.out());
        assertTrue(r.out().contains("Primary header: BAD (stored 0x98A810D4, computed 0x98A810D5)"), r.out());
    }

    @Test
    void headerAsJson() throws IOException {
        Run r = run("ese", "header", "--format", "json", corpus("qmgr/qmgr.db").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("state").asInt());
        assertEquals("Dirty Shutdown", j.get("stateName").asText());
        assertEquals(23, j.get("ese98").get("genMinRequired").asInt());
        assertEquals(300, j.get("formatRevision").asInt());
        assertEquals(16384, j.get("pageSize").asInt());
        assertTrue(j.get("verification").get("primary").get("valid").asBoolean());
        assertEquals("0417001b077c050a", j.get("dbSignature").get("created").get("raw").asText());
    }

    @Test
    void jsonKeepsUnsigned64BitValues() throws IOException {
        Path f = write("E00.log", EseBuilder.Log.current().set("generation", 2).set("previousLogChecksum", 0xF000000000000001L)
                .bytes());
        Run r = run("ese", "log", "--format", "json", f.toString());
        JsonNode j = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("17293822569102704641", j.get("previousLogChecksum").bigIntegerValue().toString());
        assertEquals(2, j.get("generation").asInt());
    }

    @Test
    void aDatabaseCutInsideItsHeaderPageIsNotCalledOk() throws IOException {
        // the first 3000 bytes of a real 4096-byte-page database: the header page is cut short, the shadow is missing
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(corpus("dissect/basic.edb")), 3000);
        Path f = write("PRIV.EDB", head);
        Run r = run("ese", "header", f.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().map(String::strip).toList();
        for (String line : List.of(
                "Primary header: cut short at byte 3000 of this 4096-byte copy (bytes 0 to 4095): not verifiable",
                "Shadow header: absent (the file ends before byte 8192, the end of this copy)",
                "Page size checked: 4096 (NOT confirmed)",
                "Fields read from: primary (unverified)",
                "ERROR (offset 0xBB8): " + f + ": primary database header cut short at byte 3000 of its 4096-byte page "
                        + "(cbDbPage at offset 236 is 4096): its checksum cannot be verified and there is no shadow copy "
                        + "(bytes 4096 to 8191); the fields shown are unverified")) {
            assertTrue(lines.contains(line), line + " in\n" + r.out());
        }
        assertFalse(r.out().contains("2048"), "no page size the bytes do not give: " + r.out());
        JsonNode j = new ObjectMapper().readTree(run("ese", "header", "--format", "json", f.toString()).out());
        JsonNode primary = j.get("verification").get("primary");
        assertFalse(primary.get("valid").asBoolean());
        assertEquals(3000, primary.get("held").asInt());
        assertEquals(4096, primary.get("length").asInt());
        assertEquals(4096, j.get("verification").get("pageSize").asInt());
    }

    @Test
    void aPatchFileCutShortIsReadWithTheAssumedPageSizeAndSaysSo() throws IOException {
        // the first 5000 bytes of a real patch file of 8192-byte pages (PATCHHDR, no page-size field): its checksum
        // matches over its first 2048 bytes (the page is zero after 148), which were said to be a verified page
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(corpus("vista-windowsmail/WindowsMail.pat")), 5000);
        Path f = write("PRIV.pat", head);
        Run r = run("ese", "header", f.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().map(String::strip).toList();
        for (String line : List.of(
                "Primary patch page: ok (0x9ABC7467) @0, 4096 bytes",
                "Shadow patch page: cut short at byte 5000 of this 4096-byte copy (bytes 4096 to 8191): not verifiable",
                "Page size checked: 4096 (NOT confirmed)",
                "Fields read from: primary",
                "WARNING (offset 0x1000): no shadow patch header page: the file ends at 5000, before the end of the shadow "
                        + "copy (bytes 4096 to 8191)",
                "WARNING (offset 0x0): " + f + ": patch page size not confirmed: " + CorruptInputTest.PATCH_PAGE_ASSUMED
                        + "; a checksum that matches over fewer bytes confirms nothing, the page being zero after its 148 "
                        + "bytes")) {
            assertTrue(lines.contains(line), line + " in\n" + r.out());
        }
        assertFalse(r.out().contains("2048"), "no page size the bytes do not give: " + r.out());
        JsonNode v = new ObjectMapper().readTree(run("ese", "header", "--format", "json", f.toString()).out())
                .get("verification");
        assertEquals(4096, v.get("pageSize").asInt());
        assertFalse(v.get("pageSizeConfirmed").asBoolean());
        assertEquals(904, v.get("shadow").get("held").asInt());
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo() throws IOException {
        for (String[] args : List.of(new String[] {"ese", "header", corpus("crafted/truncated-500-bytes.edb").toString()},
                new String[] {"ese", "header", tmp.resolve("missing.edb").toString()},
                new String[] {"ese", "checkpoint", write("random.bin", new byte[5000]).toString()},
                new String[] {"ese", "log", corpus("dissect/basic.edb").toString()},
                new String[] {"ese", "logs", tmp.resolve("nodir").toString()})) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("patchlens: "), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        Run d = run("ese", "header", "--debug", corpus("crafted/truncated-500-bytes.edb").toString());
        assertEquals(2, d.exit());
        assertTrue(d.err().contains("\tat "), "--debug prints the trace");
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("ese").exit());
        assertEquals(2, run("ese", "header").exit());
        assertEquals(2, run("ese", "header", "--format", "xml", "x").exit());
    }

    @Test
    void checkpointAndLogs() {
        Run c = run("ese", "checkpoint", corpus("srum-win11-dirty/SRU.chk").toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("Checkpoint: (0x5C,8,0)  (generation 92)"), c.out());
        Run l = run("ese", "log", corpus("srum-win11-dirty/SRU.log").toString(),
                corpus("srum-win11-dirty/SRU0005B.log").toString());
        assertEquals(0, l.exit(), l.err());
        assertTrue(l.out().contains("lGeneration: 92 (0x5C)") && l.out().contains("lGeneration: 91 (0x5B)"), l.out());
        assertTrue(l.out().contains("1 C:\\Windows\\system32\\SRU\\SRUDB.dat"), l.out());
        Run s = run("ese", "logs", corpus("srum-win11-dirty").toString(), "--database",
                corpus("srum-win11-dirty/SRUDB.dat").toString());
        assertEquals(0, s.exit(), s.out());
        assertTrue(s.out().contains("Verdict: soft recovery can succeed"), s.out());
    }

    @Test
    void logsWithAGapExitOneAndNameTheMissingFile() throws IOException {
        byte[] sig = EseBuilder.sig(9, EseBuilder.time(2005, 5, 5, 5, 5, 5, 0, false), "");
        write("E0000001.log", EseBuilder.Log.current().set("generation", 1).set("logSignature", sig).bytes());
        write("E0000003.log", EseBuilder.Log.current().set("generation", 3).set("logSignature", sig).bytes());
        write("E00.log", EseBuilder.Log.current().set("generation", 4).set("logSignature", sig).bytes());
        Run r = run("ese", "logs", tmp.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Verdict: soft recovery cannot succeed; missing: E0000002.log"), r.out());
        Run j = run("ese", "logs", "--format", "json", tmp.toString());
        assertEquals(1, j.exit());
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertFalse(n.get("softRecoveryCanSucceed").asBoolean());
        assertEquals("E0000002.log", n.get("missing").get(0).asText());
    }

    @Test
    void textDumpsAreAcceptedByEveryCommand() throws IOException {
        Path mh = write("mh.txt", EseutilTextTest.sample("mh-2003.txt").getBytes());
        Run h = run("ese", "header", mh.toString());
        assertTrue(h.out().contains("Source: eseutil text dump"), h.out());
        assertTrue(h.out().contains("Log Required: 301-305 (0x12d-0x131)"), h.out());
        Path mk = write("mk.txt", EseutilTextTest.sample("mk-2003.txt").getBytes());
        assertEquals(0, run("ese", "checkpoint", mk.toString()).exit());
        Path ml = write("ml.txt", EseutilTextTest.sample("ml-2003.txt").getBytes());
        Run l = run("ese", "log", ml.toString());
        assertEquals(1, l.exit(), "the dump reports a damaged log");
        assertTrue(l.out().contains("lGeneration: 304 (0x130)"));
    }

    @Test
    void aLogEseutilCouldNotReadIsListedAndTheChainSaysItIsDamaged() throws IOException {
        // a saved /ml text of two runs: ml-2003.txt, then a log whose header eseutil could not read (its block has
        // no lGeneration line), which the log commands left out as if the text did not name it
        Path ml = write("ml.txt", (EseutilTextTest.sample("ml-2003.txt") + EseutilTextTest.UNREADABLE_LOG_RUN)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Run l = run("ese", "log", ml.toString());
        assertEquals(1, l.exit(), l.err());
        List<String> lines = l.out().lines().map(String::strip).toList();
        for (String line : List.of("File: E0100000131.log",
                "Source: eseutil /ml text, line 68 (no header printed: only the file's name and eseutil's verdict are known)",
                "lGeneration: 305 (0x131), from the file name",
                "eseutil's verdict: DAMAGED: ERROR: Cannot read log file header. Error -501.",
                "ERROR: " + ml + " line 69: eseutil reported: ERROR: Cannot read log file header. Error -501.")) {
            assertTrue(lines.contains(line), line + " in\n" + l.out());
        }
        Run c = run("ese", "logs", tmp.toString());
        assertEquals(1, c.exit(), c.err());
        List<String> chain = c.out().lines().map(String::strip).toList();
        assertTrue(chain.contains("E0100000131.log            archived     305 (0x131) 305                    text"),
                c.out());
        assertTrue(chain.contains("ERROR: E0100000131.log: eseutil /ml reported it damaged, generation 305 is not usable "
                + "(ERROR: Cannot read log file header. Error -501.)"), c.out());
        assertTrue(chain.contains("ERROR: E01.log: eseutil /ml reported it damaged, generation 304 is not usable (" + ml
                + " line 58: ERROR: Log damaged (unusable). Last Lgpos: (0x130,3,0). Error -501.)"), c.out());
        assertTrue(chain.stream().anyMatch(x -> x.startsWith("Verdict: soft recovery cannot succeed")), c.out());
    }

    @Test
    void aDumpsLinesWithoutALabelArePrintedWithTheOthers() throws IOException {
        Path mh = write("mh.txt", EseutilTextTest.sample("mh-2003.txt").getBytes());
        Run h = run("ese", "header", mh.toString());
        assertEquals(0, h.exit(), h.err());
        List<String> lines = h.out().lines().map(String::strip).toList();
        int other = lines.indexOf("Other eseutil lines (kept as printed):");
        assertTrue(other >= 0, h.out());
        assertEquals(List.of("line 1: Microsoft(R) Exchange Server Database Utilities", "line 2: Version 6.5",
                "line 3: Copyright (C) Microsoft Corporation. All Rights Reserved.", "line 5: Initiating FILE DUMP mode...",
                "line 10: Engine ulMagic: 0x89abcdef", "line 12: Engine ulVersion: 0x620,11", "line 19: Streaming File: Yes",
                "line 66: Operation completed successfully in 0.141 seconds.", ""),
                lines.subList(other + 1, lines.indexOf("Verdicts:")), h.out());
    }

    /** What the header command prints parses back, with the eseutil text parser, to the same fields. */
    @Test
    void textOutputParsesBackToTheSameFields() throws IOException {
        for (EseBuilder.Database d : List.of(
                EseBuilder.Database.current(32768),
                EseBuilder.Database.revision(4096, 11, 4096),
                EseBuilder.Database.ese97())) {
            d.set("state", 2).set("dbtime", 123456789012L).set("dbid", 3).set("objidLast", 4711)
                    .set("dbSignature", EseBuilder.sig(4000000001L, EseBuilder.time(2019, 2, 3, 4, 5, 6, 789, true), "SRV1"))
                    .set("logSignature", EseBuilder.sig(77, EseBuilder.time(2019, 2, 3, 4, 5, 0, 1, true), ""))
                    .set("consistentPosition", EseBuilder.lgpos(0x2B, 0xE8, 0xD0))
                    .set("consistentTime", EseBuilder.time(2020, 12, 31, 23, 59, 58, 999, true))
                    .set("attachPosition", EseBuilder.lgpos(0x2C, 9, 0x86))
                    .set("attachTime", EseBuilder.time(2021, 1, 1, 0, 0, 1, 2, true))
                    .set("fullPrevious.low", 27).set("fullPrevious.high", 30)
                    .set("fullPrevious.mark", EseBuilder.lgpos(0x1B, 8, 0x16))
                    .set("fullPrevious.time", EseBuilder.time(2020, 12, 30, 22, 0, 5, 0, true))
                    .set("osMajor", 5).set("osMinor", 2).set("osBuild", 3790).set("osServicePack", 2)
                    .set("repairCount", 4);
            if (d.page.b[232] > 2) {
                d.set("genMinRequired", 44).set("genMaxRequired", 46).set("createVersion", 0x620).set("createRevision", 9);
            }
            Path f = write("db.edb", d.bytes());
            DatabaseHeader bin = EseFile.database(f);
            Run r = run("ese", "header", f.toString());
            DatabaseHeader txt = (DatabaseHeader) EseutilText.parse("out.txt", r.out()).get(0);
            assertEquals(Source.TEXT, txt.source());
            assertEquals(bin.profile(), txt.profile());
            assertEquals(bin.formatVersion(), txt.formatVersion());
            assertEquals(bin.formatRevision(), txt.formatRevision());
            assertEquals(bin.state(), txt.state());
            assertEquals(bin.dbtime(), txt.dbtime());
            assertEquals(bin.dbid(), txt.dbid());
            assertEquals(bin.objidLast(), txt.objidLast());
            assertEquals(bin.pageSizeRaw(), txt.pageSizeRaw());
            assertEquals(bin.genMinRequired(), txt.genMinRequired());
            assertEquals(bin.genMaxRequired(), txt.genMaxRequired());
            assertEquals(bin.dbSignature().random(), txt.dbSignature().random());
            assertEquals(bin.dbSignature().computerName(), txt.dbSignature().computerName());
            assertEquals(bin.dbSignature().created().milliseconds(), txt.dbSignature().created().milliseconds());
            assertEquals(bin.logSignature().random(), txt.logSignature().random());
            assertEquals(bin.consistentPosition(), txt.consistentPosition());
            assertEquals(bin.consistentTime(), txt.consistentTime(), "UTC and milliseconds survive the text");
            assertEquals(bin.attachPosition(), txt.attachPosition());
            assertEquals(bin.attachTime(), txt.attachTime());
            assertEquals(bin.fullPrevious().genLow(), txt.fullPrevious().genLow());
            assertEquals(bin.fullPrevious().genHigh(), txt.fullPrevious().genHigh());
            assertEquals(bin.fullPrevious().mark(), txt.fullPrevious().mark());
            assertEquals(bin.fullPrevious().markTime(), txt.fullPrevious().markTime());
            assertEquals(bin.osBuild(), txt.osBuild());
            assertEquals(bin.osServicePack(), txt.osServicePack());
            assertEquals(bin.repairCount(), txt.repairCount());
            assertEquals(bin.hasLogRequired(), txt.hasLogRequired());
        }
    }

    // ------------------------------------------------------------------ eseutil /ml range listings

    @Test
    void aRangeListingIsReadByEveryEseCommandThatTakesText() throws IOException {
        String dir = "D:\\exchsrvr\\mdbdata\\";
        Path clean = Files.writeString(tmp.resolve("ml-clean.txt"), new MlListingBuilder("E00").ok(dir + "E0000080.log")
                .ok(dir + "E00.log").clean());
        Run ok = run("ese", "log", clean.toString());
        assertEquals(0, ok.exit(), ok.err() + ok.out());
        assertTrue(ok.out().contains("lGeneration: 128 (0x80)") && ok.out().contains("lGeneration: 129 (0x81)"), ok.out());
        assertTrue(ok.out().contains("INFO: generation 129 INFERRED"), ok.out());

        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("ml-damaged.txt"), new MlListingBuilder("E00").ok(dir + "E0000080.log")
                .error(dir + "E0000081.log", "Log damaged (unusable). Last Lgpos: (0x81,1A,0). Error -501.")
                .ok(dir + "E0000082.log").ok(dir + "E00.log").failed(-501, "JET_errLogFileCorrupt"));
        Run bad = run("ese", "log", logs.resolve("ml-damaged.txt").toString());
        assertEquals(1, bad.exit(), bad.err());
        assertTrue(bad.out().contains("eseutil's verdict: DAMAGED: ERROR: Log damaged (unusable)"), bad.out());
        assertTrue(bad.out().contains("lGeneration: 129 (0x81), from the file name"), bad.out());
        assertFalse(bad.out().contains("creation time"), "the fields a listing does not print are not shown as 0: "
                + bad.out());
        Run chain = run("ese", "logs", logs.toString());
        assertEquals(1, chain.exit(), chain.err());
        assertTrue(chain.out().contains("Gaps: 1 generation(s): [129]"), chain.out());
        assertTrue(chain.out().contains("Verdict: soft recovery cannot succeed; missing: E0000081.log"), chain.out());
        Run json = run("ese", "logs", "--format", "json", logs.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("DAMAGED", j.get("logs").get(1).get("header").get("listed").get("status").asText(), json.out());

        assertEquals(org.patchlens.evidence.EvidenceKind.ESEUTIL_TEXT,
                org.patchlens.evidence.Classifier.classify(clean).kind(), "check's evidence recognition takes it");
    }

    @Test
    void controlCharactersOfAListedNameAreEscapedInTheOutput() throws IOException {
        Path p = Files.writeString(tmp.resolve("ml-crafted.txt"), new MlListingBuilder("E00")
                .ok("C:\\logs\\E00\u001b[2J\u0007.log").clean());
        Run r = run("ese", "log", p.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        assertTrue(r.out().contains("File: C:\\logs\\E00"), r.out());
    }
}
