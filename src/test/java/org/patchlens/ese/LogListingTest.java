package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eseutil /ml range listings: parsed into the log-chain model, and the chain verdict over them. */
class LogListingTest {
    @TempDir
    Path tmp;

    static final String DIR = "D:\\exchsrvr\\mdbdata\\";

    static LogListing listing(String text) {
        return EseutilText.listing("ml-range.txt", text);
    }

    static LogChain.Report chain(List<EseHeader> headers) {
        List<LogHeader> logs = new ArrayList<>();
        headers.forEach(h -> logs.add((LogHeader) h));
        return LogChain.analyze(logs, List.of(), List.of(), List.of());
    }

    static List<Long> generations(LogListing l) {
        return l.logs().stream().map(ListedLog::generation).toList();
    }

    static boolean has(List<Note> notes, Note.Level level, String text) {
        return notes.stream().anyMatch(n -> n.level() == level && n.text().contains(text));
    }

    @Test
    void anOkExchange2003SetIsAChainThatCanRecover() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000080.log").ok(DIR + "E0000081.log").ok(DIR + "E0000082.log")
                .ok(DIR + "E00.log").clean();
        LogListing l = listing(text);
        assertEquals("E00", l.baseName());
        assertTrue(l.clean());
        assertEquals("No damaged log files were found.", l.summary());
        assertEquals(List.of(0x80L, 0x81L, 0x82L, 0x83L), generations(l));
        assertEquals(ListedLog.GenerationFrom.NAME, l.logs().get(0).generationFrom());
        assertEquals(ListedLog.GenerationFrom.INFERRED_FROM_PREVIOUS, l.logs().get(3).generationFrom());
        assertTrue(l.logs().stream().allMatch(x -> x.status() == ListedLog.Status.OK));
        assertFalse(l.findings(), l.notes().toString());
        assertEquals(DIR + "E0000080.log", l.headers().get(0).file());
        assertTrue(l.headers().get(0).fromListing());
        assertNull(l.headers().get(0).logSignature());

        List<EseHeader> headers = EseutilText.parse("ml-range.txt", text);
        assertEquals(4, headers.size());
        LogChain.Report r = chain(headers);
        assertEquals("E00", r.baseName());
        assertEquals(List.of(0x80L, 0x81L, 0x82L, 0x83L), r.present());
        assertEquals(0x83, r.currentGeneration());
        assertTrue(r.softRecoveryCanSucceed(), r.findings().toString());
        assertFalse(r.hasFindings(), r.findings().toString());
        assertTrue(has(r.findings(), Note.Level.INFO, "eseutil /ml range listing"));
    }

    @Test
    void anExchange55GapNamesTheMissingGeneration() {
        // ESE98-era eseutil prints the missing name as the base path given plus %05lx (lower-case hex)
        String text = new MlListingBuilder("edb").ok(DIR + "EDB0001F.log").missing(DIR + "edb00020.log")
                .ok(DIR + "EDB00021.log").ok(DIR + "EDB.log").failed(-528, "JET_errMissingLogFile, Missing log file");
        LogListing l = listing(text);
        assertEquals(List.of(0x1FL, 0x20L, 0x21L, 0x22L), generations(l));
        assertEquals(1, l.missing().size());
        assertEquals(DIR + "edb00020.log", l.missing().get(0).file());
        assertFalse(l.clean());
        assertTrue(has(l.notes(), Note.Level.ERROR, "eseutil reported missing: " + DIR + "edb00020.log"), l.notes().toString());
        assertTrue(has(l.notes(), Note.Level.WARNING, "Operation terminated with error -528"), l.notes().toString());

        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertEquals(List.of(0x20L), r.gaps());
        assertFalse(r.softRecoveryCanSucceed());
        assertEquals(List.of("EDB00020.log"), r.missing());
        assertTrue(r.verdict().startsWith("soft recovery cannot succeed; missing: EDB00020.log"), r.verdict());
    }

    @Test
    void aDamagedLogIsNotUsableAndTheCurrentLogAfterItHasNoKnownGeneration() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000080.log")
                .error(DIR + "E0000000081.log", "Log damaged (unusable). Last Lgpos: (0x81,1A,0). Error -501.")
                .ok(DIR + "E0000000082.log").ok(DIR + "E00.log").failed(-501, "JET_errLogFileCorrupt, Log file is corrupt");
        LogListing l = listing(text);
        assertEquals(1, l.damaged().size());
        ListedLog d = l.damaged().get(0);
        assertEquals(0x81, d.generation());
        assertEquals("ERROR: Log damaged (unusable). Last Lgpos: (0x81,1A,0). Error -501.", d.message());
        assertTrue(has(l.headers().get(1).notes(), Note.Level.ERROR, "Log damaged (unusable)"));
        // E00.log follows an OK archived log, so its generation is inferred; the damaged one is a hole
        assertEquals(0x83, l.logs().get(3).generation());

        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertTrue(has(r.findings(), Note.Level.ERROR, DIR + "E0000000081.log: eseutil /ml reported it damaged"),
                r.findings().toString());
        assertEquals(List.of(0x81L), r.gaps());
        assertEquals(List.of("E0000000081.log"), r.missing());
        assertFalse(r.softRecoveryCanSucceed());
    }

    @Test
    void aCurrentLogRightAfterADamagedOneHasNoGenerationAndTheVerdictSaysSo() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000080.log")
                .error(DIR + "E0000000081.log", "Cannot read log file header. Error -501.").ok(DIR + "E00.log")
                .failed(-501, "JET_errLogFileCorrupt");
        LogListing l = listing(text);
        assertEquals(ListedLog.GenerationFrom.UNKNOWN, l.logs().get(2).generationFrom());
        assertEquals(0, l.logs().get(2).generation());
        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertTrue(has(r.findings(), Note.Level.ERROR, "E00.log: the current log's generation is not known"),
                r.findings().toString());
        assertFalse(r.missing().stream().anyMatch(m -> m.startsWith("E00.log")), r.missing().toString());
        assertFalse(r.softRecoveryCanSucceed());
    }

    @Test
    void aCurrentLogOutOfSequenceTakesEseutilsGenerationAndTheGapIsNamed() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000080.log")
                .error(DIR + "E00.log", "Missing log file(s). Log file is generation 134 (0x86), but expected generation "
                        + "is 129 (0x81).")
                .failed(-528, "JET_errMissingLogFile");
        LogListing l = listing(text);
        ListedLog cur = l.logs().get(1);
        assertEquals(ListedLog.Status.OUT_OF_SEQUENCE, cur.status());
        assertEquals(134, cur.generation());
        assertEquals(ListedLog.GenerationFrom.ESEUTIL_MESSAGE, cur.generationFrom());
        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertEquals(134, r.currentGeneration());
        assertEquals(List.of(0x81L, 0x82L, 0x83L, 0x84L, 0x85L), r.gaps());
        assertEquals(List.of("E0000000081.log", "E0000000082.log", "E0000000083.log", "E0000000084.log",
                "E0000000085.log"), r.missing());
    }

    @Test
    void aMismatchedGenerationIsTheChainsMismatch() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000080.log")
                .error(DIR + "E0000000081.log", "Mismatched log generation 144 (0x90) with log file name. Expected "
                        + "generation 129 (0x81).")
                .failed(-513, "JET_errLogGenerationMismatch");
        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertTrue(has(r.findings(), Note.Level.ERROR, "mismatched log generation 144 (0x90) with log file name; "
                + "expected generation 129 (0x81)"), r.findings().toString());
    }

    @Test
    void aFileOfAnotherBaseNameIsNotPartOfTheSet() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000080.log").ok(DIR + "E010000000A.log")
                .ok(DIR + "E00.log").clean();
        LogListing l = listing(text);
        assertTrue(l.notes().contains(Note.warning(-1, "ml-range.txt line 11: E010000000A.log: base name E01 is not the "
                + "listing's E00")), l.notes().toString());
        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertTrue(r.ignored().contains(DIR + "E010000000A.log: base name E01 is not the set's E00"), r.ignored().toString());
        assertEquals(List.of(0x80L, 0x81L), r.present(), "E00.log follows E0000000080.log, not the other base's log");
    }

    @Test
    void utf16AndCrlfReadAsUtf8() throws IOException {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000080.log").ok(DIR + "E00.log").clean();
        assertTrue(text.contains("\r\n"));
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = new byte[body.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bom, 2, body.length);
        Path withBom = Files.write(tmp.resolve("ml-bom.txt"), bom);
        Path noBom = Files.write(tmp.resolve("ml-utf16.txt"), body);
        Path utf8 = Files.writeString(tmp.resolve("ml-utf8.txt"), text);
        for (Path p : List.of(withBom, noBom, utf8)) {
            List<EseHeader> h = EseFile.openAll(p);
            assertEquals(List.of(0x80, 0x81), h.stream().map(x -> ((LogHeader) x).generation()).toList(), p.toString());
            assertEquals(generations(listing(text)), generations(EseFile.listing(p)), p.toString());
        }
    }

    @Test
    void aListingCutShortSaysSoAndItsLastFileHasNoVerdict() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000080.log").line("      Log file: " + DIR + "E0000081.log")
                .cut();
        LogListing l = listing(text);
        assertEquals(ListedLog.Status.NO_VERDICT, l.logs().get(1).status());
        assertNull(l.summary());
        assertTrue(has(l.notes(), Note.Level.WARNING, "it may be cut short"), l.notes().toString());
        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertTrue(has(r.findings(), Note.Level.ERROR, "E0000081.log: no eseutil verdict in the /ml listing (line 11"),
                r.findings().toString());
        assertFalse(r.softRecoveryCanSucceed());
    }

    /**
     * The listing's notes named a line but not the text file ({@code line 10: a second base name ...}), or neither
     * (eseutil's missing-file ERROR, its trailer, a file without a verdict, the summary checks); each now names both,
     * as the /mh, /mk and /ml dump notes do ({@code DumpLines.at}).
     */
    /** The ERROR a listing prints under a damaged log is its header's note naming the text file and the log's line. */
    @Test
    void theErrorUnderADamagedLogNamesTheTextFileAndTheLine() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000080.log")                      // line 10
                .error(DIR + "E0000000081.log", "Log damaged (unusable). Last Lgpos: (0x81,3F1,1A). Error -501.")
                .failed(-501, "JET_errLogFileCorrupt");
        LogHeader damaged = EseutilText.listing("case9/ml-range.txt", text).headers().stream()
                .filter(h -> h.file().endsWith("E0000000081.log")).findFirst().orElseThrow();
        assertTrue(damaged.notes().contains(Note.error(-1, "case9/ml-range.txt line 11: eseutil /ml reported under "
                + "E0000000081.log: ERROR: Log damaged (unusable). Last Lgpos: (0x81,3F1,1A). Error -501.")),
                damaged.notes().toString());
    }

    @Test
    void everyNoteOfAListingNamesTheTextFileAndTheLine() {
        MlListingBuilder b = new MlListingBuilder("E00")                          // lines 1 to 9
                .line("     Base name: E01")                                      // 10
                .line("      Log generation range: soon")                         // 11
                .line("      ERROR: Something went wrong")                        // 12, under no file
                .ok(DIR + "E0000000080.log")                                       // 13
                .missing(DIR + "E0000000081.log")                                  // 14
                .line("      Missing log files: " + DIR + "E00{zz}.log")           // 15
                .line("Something else entirely")                                   // 16
                .line("      Log file: " + DIR + "E00.log");                       // 17, no verdict
        String failed = b.failed(-528, "JET_errMissingLogFile");                   // 18, 19, 20: the trailer
        LogListing l = EseutilText.listing("case9/ml-range.txt", failed);
        String at = "case9/ml-range.txt line ";
        assertEquals(List.of(Note.warning(-1, at + "10: a second base name E01 (first E00)"),
                Note.warning(-1, at + "11: value of \"Log generation range\" not understood: soon"),
                Note.error(-1, at + "12: eseutil reported: ERROR: Something went wrong"),
                Note.error(-1, at + "14: eseutil reported missing: " + DIR + "E0000000081.log (JET_errMissingLogFile -528)"),
                Note.error(-1, at + "15: eseutil reported missing log files, not understood: " + DIR + "E00{zz}.log"),
                Note.warning(-1, at + "16: not understood (kept): Something else entirely"),
                Note.warning(-1, at + "20: eseutil reported: Operation terminated with error -528 (JET_errMissingLogFile) "
                        + "after 0.47 seconds.")), l.notes().stream().filter(Note::isFinding).toList());
        LogHeader current = l.headers().get(1);
        assertTrue(current.notes().contains(Note.warning(-1, at + "17: no eseutil verdict for E00.log (neither \"- OK\" "
                + "nor an ERROR after it): the listing is cut or edited")), current.notes().toString());

        String cut = new MlListingBuilder("E00").ok(DIR + "E0000000080.log").cut();  // line 10, the last
        assertTrue(EseutilText.listing("ml-range.txt", cut).notes().contains(Note.warning(-1, "ml-range.txt line 10: "
                + "the listing ends without eseutil's summary (\"No damaged log files were found.\" or the Operation "
                + "line): it may be cut short")));
        String contradicted = new MlListingBuilder("E00").ok(DIR + "E0000000080.log").missing(DIR + "E0000000081.log")
                .clean();                                                          // line 13: No damaged ...
        assertTrue(EseutilText.listing("ml-range.txt", contradicted).notes().contains(Note.warning(-1, "ml-range.txt line "
                + "13: the listing says \"No damaged log files were found.\" but names damaged, missing or unverified "
                + "files (an edited or concatenated listing?)")));
        String edited = new MlListingBuilder("E00").ok(DIR + "E0000000080.log").line("")
                .line("Operation completed successfully in 0.5 seconds.").cut();  // line 12
        assertTrue(EseutilText.listing("ml-range.txt", edited).notes().contains(Note.warning(-1, "ml-range.txt line 12: "
                + "the listing has no \"No damaged log files were found.\" line before \"Operation completed successfully "
                + "in 0.5 seconds.\" (edited?)")));
    }

    @Test
    void controlCharactersInNamesAreKeptAndUnknownLinesAreNotDropped() {
        String crafted = DIR + "E00\u001b[2J\u0007.log";
        String text = new MlListingBuilder("E00").ok(DIR + "E0000080.log").ok(crafted).line("Something else entirely")
                .line("   Odd label: 42").clean();
        LogListing l = listing(text);
        assertEquals(crafted, l.logs().get(1).file());
        assertEquals(ListedLog.GenerationFrom.UNKNOWN, l.logs().get(1).generationFrom());
        assertTrue(l.notes().contains(Note.warning(-1, "ml-range.txt line 12: not understood (kept): Something else "
                + "entirely")), l.notes().toString());
        assertTrue(l.notes().contains(Note.warning(-1, "ml-range.txt line 13: not understood (kept): Odd label: 42")),
                l.notes().toString());
        assertTrue(l.textFields().contains(new TextField(13, "Odd label", "42")), l.textFields().toString());
        LogChain.Report r = chain(EseutilText.parse("ml-range.txt", text));
        assertTrue(r.ignored().stream().anyMatch(s -> s.startsWith(crafted)) || r.logs().stream()
                .anyMatch(e -> e.file().equals(crafted)), "the crafted name is listed somewhere, never dropped");
    }

    @Test
    void aCraftedMissingRangeIsBounded() {
        String text = new MlListingBuilder("E00").ok(DIR + "E0000000001.log").missingRange(DIR + "E00", "00000002",
                "FFFFFFFF", ".log").ok(DIR + "E00.log").failed(-528, "JET_errMissingLogFile");
        LogListing l = listing(text);
        assertEquals(MlRangeParser.MAX_MISSING, l.missing().size());
        assertEquals(DIR + "E0000000002.log", l.missing().get(0).file());
        assertTrue(has(l.notes(), Note.Level.WARNING, "more than 10000 missing generations"), l.notes().toString());
        assertTrue(has(l.notes(), Note.Level.ERROR, "(generations 2-4294967295)"), l.notes().toString());
    }

    @Test
    void aListingWithNoPresentFileIsOneLineRefusal() {
        String text = new MlListingBuilder("E00").missing(DIR + "E0000000001.log").failed(-528, "JET_errMissingLogFile");
        EseException e = assertThrows(EseException.class, () -> EseutilText.parse("ml-range.txt", text));
        assertEquals("ml-range.txt: eseutil /ml range listing names no log file that is present; it reports 1 missing",
                e.getMessage());
        assertEquals(1, listing(text).missing().size(), "the listing itself is still readable");
    }

    @Test
    void aHeaderDumpIsNotAListing() throws IOException {
        String dump = EseutilTextTest.sample("ml-2003.txt");
        assertThrows(EseException.class, () -> EseutilText.listing("ml-2003.txt", dump));
        assertFalse(((LogHeader) EseutilText.parse("ml-2003.txt", dump).get(0)).fromListing());
    }

    @Test
    void theSavedSamplesOfBothEngineGenerationsRead() throws IOException {
        LogListing old = listing(EseutilTextTest.sample("ml-range-2003.txt"));
        assertEquals(List.of(0x12BL, 0x12CL, 0x12DL, 0x12EL, 0x12FL, 0x130L, 0x131L, 0x132L), generations(old));
        assertEquals(List.of(0x12DL, 0x12FL, 0x130L), old.missing().stream().map(ListedLog::generation).toList());
        assertEquals("D:\\Exchsrvr\\MDBDATA\\E000012f.log", old.missing().get(1).file(), "width and case as printed");
        assertEquals(ListedLog.Status.DAMAGED, old.logs().get(1).status());
        LogChain.Report r = chain(old.headers().stream().map(h -> (EseHeader) h).toList());
        assertEquals(List.of(0x12CL, 0x12DL, 0x12FL, 0x130L), r.gaps());

        LogListing current = listing(EseutilTextTest.sample("ml-range-current.txt"));
        assertEquals(0x80, current.rangeLow());
        assertEquals(0x83, current.rangeHigh());
        assertTrue(current.clean());
        assertEquals(List.of(0x80L, 0x81L, 0x82L, 0x83L), generations(current));
        assertTrue(chain(current.headers().stream().map(h -> (EseHeader) h).toList()).softRecoveryCanSucceed());
    }
}
