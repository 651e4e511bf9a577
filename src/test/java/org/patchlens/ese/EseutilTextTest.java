package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.Echo;

/** The eseutil text parser on dumps written from the documented /mh, /mk and /ml layouts. */
class EseutilTextTest {
    @TempDir
    Path tmp;

    static String sample(String name) throws IOException {
        try (InputStream in = EseutilTextTest.class.getResourceAsStream("eseutil/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static EseHeader one(String name) throws IOException {
        List<EseHeader> l = EseutilText.parse(name, sample(name));
        assertEquals(1, l.size());
        return l.get(0);
    }

    @Test
    void exchange2003DatabaseHeader() throws IOException {
        DatabaseHeader h = (DatabaseHeader) one("mh-2003.txt");
        assertEquals(Source.TEXT, h.source());
        assertEquals("D:\\Exchsrvr\\MDBDATA\\priv1.edb", h.file());
        assertEquals(Profile.ESE2003SP1, h.profile());
        assertEquals(0x620, h.formatVersion());
        assertEquals(11, h.formatRevision());
        assertEquals(9, h.ese98().createRevision());
        assertEquals(1299001122L, h.dbSignature().random());
        assertEquals("2004-03-14 08:02:11.000", h.dbSignature().created().iso());
        assertEquals(4096, h.pageSize());
        assertEquals(9123456L, h.dbtime());
        assertEquals(2, h.state());
        assertEquals(301, h.genMinRequired());
        assertEquals(305, h.genMaxRequired());
        assertEquals(4711, h.objidLast());
        assertEquals(1, h.repairCount());
        assertEquals("2004-05-01 12:00:07.000", h.repairTime().iso());
        assertEquals(new LogPosition(0x12C, 0x3F1, 0x1A), h.consistentPosition());
        assertEquals("2004-06-20 23:10:05.000", h.consistentTime().iso());
        assertEquals(new LogPosition(0x12D, 9, 0x86), h.attachPosition());
        assertFalse(h.detachTime().isSet());
        assertEquals(1, h.dbid());
        assertEquals(1299001001L, h.logSignature().random());
        assertEquals(5, h.osMajor());
        assertEquals(3790, h.osBuild());
        assertEquals(1, h.osServicePack());
        assertEquals(290, h.fullPrevious().genLow());
        assertEquals(296, h.fullPrevious().genHigh());
        assertEquals(new LogPosition(0x122, 8, 0x16), h.fullPrevious().mark());
        assertEquals("2004-06-19 22:00:05.000", h.fullPrevious().markTime().iso());
        assertEquals(288, h.ese98().snapshotCurrent().genLow());
        assertEquals(1, h.ese98().snapshotCurrent().type(), "OSSnapshot");
        assertEquals(2, h.ecc().eccFixSuccess());
        assertEquals("2004-06-02 01:02:03.000", h.ecc().eccFixSuccessTime().iso());
        assertEquals(0, h.ecc().badChecksum());
        assertFalse(h.shadowingDisabled());
        assertTrue(h.textFields().stream().anyMatch(t -> t.label().equals("Streaming File") && t.value().equals("Yes")));
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("no checksum was verified")));
        assertNull(h.current());
    }

    @Test
    void currentEngineDatabaseHeader() throws IOException {
        DatabaseHeader h = (DatabaseHeader) one("mh-current.txt");
        assertEquals(Profile.CURRENT, h.profile());
        assertEquals(240, h.formatUpdateMinor());
        assertEquals(9180, h.current().efvMaxBinAttach());
        assertEquals(0x1a2b3c4dL, h.checksum());
        assertEquals(4000000001L, h.dbSignature().random());
        assertEquals(9, h.dbSignature().created().milliseconds());
        assertTrue(h.dbSignature().created().utc());
        assertEquals(32768, h.pageSize());
        assertEquals(70000000000L, h.dbtime());
        assertEquals(4660, h.genMinRequired());
        assertEquals(4662, h.genMaxRequired());
        assertEquals(4659, h.current().genPreRedoMinRequired());
        assertEquals(4663, h.genMaxCommitted());
        assertEquals("2022-02-12 10:00:00.500 UTC", h.current().genMaxRequiredTime().iso());
        assertEquals("2022-02-12 10:00:01.750 UTC", h.ese98().genMaxCreateTime().iso());
        assertEquals(4660, h.current().genMinConsistent());
        assertEquals(90210, h.objidLast());
        assertEquals(2, h.dbid());
        assertEquals(0xFFFFFFFFL, h.current().sortVersionNls());
        assertEquals(0xFFFFFFFFL, h.current().sortVersionDefined());
        assertEquals(2, h.fullPrevious().type(), "Snapshot");
        assertEquals(new LogPosition(0x1234, 2, 0), h.current().lastResize());
        assertEquals(7, h.current().extendCount());
        assertEquals(3, h.current().trimCount());
        assertEquals(1, h.ecc().badChecksum());
        assertEquals("2022-02-01 03:00:00.000 UTC", h.current().dbscanPreviousFinish().iso());
        assertEquals(77, h.current().dbHeaderFlushSignature().random());
        assertTrue(h.notes().stream().anyMatch(n -> n.level() == Note.Level.WARNING && n.text().contains("checksum mismatch")));
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("primary header has a checksum error")));
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("-1206")));
    }

    @Test
    void exchange55DatabaseHeader() throws IOException {
        DatabaseHeader h = (DatabaseHeader) one("mh-55.txt");
        assertEquals(Profile.ESE97, h.profile());
        assertEquals(3, h.state(), "Consistent = Clean Shutdown");
        assertFalse(h.hasLogRequired());
        assertEquals(12345, h.dbtime());
        assertEquals(4, h.osMajor());
        assertEquals(1381, h.osBuild());
        assertEquals(6, h.osServicePack());
        assertEquals(70, h.fullPrevious().genLow());
        assertTrue(h.textFields().stream().anyMatch(t -> t.label().equals("Some Future Label") && t.value().equals("kept as is")));
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("INFERRED")));
    }

    @Test
    void checkpoints() throws IOException {
        CheckpointHeader c = (CheckpointHeader) one("mk-2003.txt");
        assertEquals("E01.chk", c.file());
        assertEquals(new LogPosition(0x12F, 0x1A3, 0), c.checkpoint());
        assertEquals(0x12F, c.generation());
        assertEquals(new LogPosition(0x122, 9, 0x16), c.lastFullBackupCheckpoint());
        assertEquals("2004-06-19 22:00:05.000", c.fullBackupTime().iso());
        assertEquals(1299001001L, c.logSignature().random());
        assertFalse(c.dbms().circularLogging());
        assertEquals(1227, c.dbms().sessionsMax());
        assertEquals(10240, c.dbms().logFileSectors());
        assertEquals(44182, c.dbms().cacheSizeMax());
        assertEquals(1, c.attachments().size());
        AttachedDatabase a = c.attachments().get(0);
        assertEquals("D:\\Exchsrvr\\MDBDATA\\priv1.edb", a.path());
        assertEquals(9123456, a.dbtime());
        assertEquals(1299001122L, a.signature().random());
        assertEquals(new LogPosition(0x12C, 0x3F1, 0x1A), a.lastConsistent());

        CheckpointHeader old = (CheckpointHeader) one("mk-55.txt");
        assertEquals(0x52, old.generation());
        assertEquals(310, old.dbms().sessionsMax());
        assertEquals(8192, old.dbms().cacheSizeMax());
        assertTrue(old.notes().stream().anyMatch(n -> n.text().contains("no CircLog")));
        assertTrue(old.attachments().isEmpty());
    }

    @Test
    void severalLogHeadersInOneDump() throws IOException {
        List<EseHeader> l = EseutilText.parse("ml.txt", sample("ml-2003.txt"));
        assertEquals(2, l.size());
        LogHeader a = (LogHeader) l.get(0);
        assertEquals("E010000012F.log", a.file());
        assertEquals(303, a.generation());
        assertEquals("2004-06-20 23:40:12.000", a.created().iso());
        assertEquals("2004-06-20 23:31:03.000", a.previousGenerationCreated().iso());
        assertEquals("7.3704.8.0", a.version());
        assertEquals(512, a.sectorSize());
        assertEquals("E:\\Exchsrvr\\LOGS\\", a.dbms().logFilePath());
        assertFalse(a.reserveLogInUse());
        assertFalse(a.circularLoggingCurrent());
        assertTrue(a.circularLoggingHistory());
        assertEquals(1, a.attachments().size());
        assertEquals("D:\\Exchsrvr\\MDBDATA\\priv1.edb", a.attachments().get(0).path());
        assertEquals(new LogPosition(0x12D, 9, 0x86), a.attachments().get(0).lastAttach());
        assertTrue(a.notes().stream().anyMatch(n -> n.text().contains("Integrity check passed")));
        LogHeader b = (LogHeader) l.get(1);
        assertEquals("E01.log", b.file());
        assertEquals(304, b.generation());
        assertEquals("8.4000.90.200", b.version());
        assertEquals(9400, b.engineFormatVersion());
        assertEquals(4096, b.sectorSize());
        assertEquals(1, b.diskSectorSizeMismatch());
        assertTrue(b.dbms().circularLogging());
        assertEquals(256, b.dbms().logFileSectors());
        assertTrue(b.reserveLogInUse() && b.circularLoggingCurrent() && !b.circularLoggingHistory());
        assertEquals(new LogPosition(0x12E, 1, 0), b.checkpointAtCreation());
        assertTrue(b.attachments().get(0).sparse());
        assertEquals(100, b.attachments().get(0).maxPages());
        assertTrue(b.notes().stream().anyMatch(n -> n.level() == Note.Level.ERROR && n.text().contains("Log damaged")));
    }

    /** What eseutil /ml prints for a log whose header it cannot read (SOURCE logdump.cxx), saved after another run. */
    static final String UNREADABLE_LOG_RUN = "Microsoft(R) Exchange Server Database Utilities\nVersion 6.5\n"
            + "Copyright (C) Microsoft Corporation. All Rights Reserved.\n\nInitiating FILE DUMP mode...\n\n"
            + "      Base name: E01\n      Log file: E0100000131.log\n"
            + "                ERROR: Cannot read log file header. Error -501.\n\n\n"
            + "Operation terminated with error -501 (JET_errLogFileCorrupt, Log file is corrupt) after 0.031 seconds.\n";

    /**
     * A log block without an lGeneration line (eseutil printed no header: it could not read the log) was dropped
     * without a word, its ERROR with it: a damaged log vanished from the text. It is kept, named by its Log file
     * line, with eseutil's verdict, its ERROR a note naming the text file and the line, and the chain takes it as
     * damaged. A header eseutil dumped and then found damaged (ml-2003.txt, line 58) is damaged too.
     */
    @Test
    void aLogEseutilCouldNotReadIsKeptWithItsError() throws IOException {
        // ml-2003.txt is 60 lines; the run saved after it starts on line 61, its Log file line is 68
        List<EseHeader> l = EseutilText.parse("ml.txt", sample("ml-2003.txt") + UNREADABLE_LOG_RUN);
        assertEquals(3, l.size());
        LogHeader h = (LogHeader) l.get(2);
        assertEquals("E0100000131.log", h.file());
        assertEquals(new ListedLog("E0100000131.log", 68, ListedLog.Status.DAMAGED, 0x131, ListedLog.GenerationFrom.NAME,
                "ERROR: Cannot read log file header. Error -501."), h.listed());
        assertEquals(0x131, h.generation());
        assertNull(h.logSignature());
        assertEquals("eseutil /ml, under line 68: ERROR: Cannot read log file header. Error -501.", h.eseutilDamage());
        assertEquals(List.of(Note.info("source: eseutil /ml text in ml.txt (line 68, base name E01): eseutil printed no "
                        + "header for this log (no lGeneration line), only its name and verdict; the other fields are "
                        + "unknown (0 in JSON output), no checksum was verified"),
                Note.info("generation 305 from the file name"),
                Note.error(-1, "ml.txt line 69: eseutil reported: ERROR: Cannot read log file header. Error -501."),
                Note.warning(-1, "ml.txt line 72: eseutil reported: Operation terminated with error -501 "
                        + "(JET_errLogFileCorrupt, Log file is corrupt) after 0.031 seconds.")), h.notes());
        assertEquals(List.of(), h.textFields());
        // the second run's banner, before its Log file line, is kept with the log before it
        LogHeader current = (LogHeader) l.get(1);
        assertTrue(current.textFields().contains(new TextField(61, "", "Microsoft(R) Exchange Server Database Utilities")),
                current.textFields().toString());
        // E01.log: its header dumped, then "ERROR: Log damaged (unusable)"
        assertNull(current.listed());
        assertEquals("ml.txt line 58: ERROR: Log damaged (unusable). Last Lgpos: (0x130,3,0). Error -501.",
                current.eseutilError());
        assertTrue(current.notes().contains(Note.error(-1, "ml.txt line 58: eseutil reported: ERROR: Log damaged "
                + "(unusable). Last Lgpos: (0x130,3,0). Error -501.")), current.notes().toString());
        assertEquals("", ((LogHeader) l.get(0)).eseutilError(), "Integrity check passed for E010000012F.log");
        assertNull(((LogHeader) l.get(0)).eseutilDamage());

        LogChain.Report r = LogChain.analyze(l.stream().map(LogHeader.class::cast).toList(), List.of(), List.of(),
                List.of());
        assertTrue(r.findings().contains(Note.error(-1, "E0100000131.log: eseutil /ml reported it damaged, generation 305 "
                + "is not usable (ERROR: Cannot read log file header. Error -501.)")), r.findings().toString());
        assertTrue(r.findings().contains(Note.error(-1, "E01.log: eseutil /ml reported it damaged, generation 304 is not "
                + "usable (ml.txt line 58: ERROR: Log damaged (unusable). Last Lgpos: (0x130,3,0). Error -501.)")),
                r.findings().toString());
        assertEquals(List.of(303L), r.present());
        assertFalse(r.softRecoveryCanSucceed());
    }

    /**
     * Blocks without a header, in each form eseutil's /ml text gives one: an ERROR under the name (damaged, or the
     * generation the header holds), {@code - OK} after it, or nothing (the text cut). A summary saying nothing was
     * damaged does not stand against them.
     */
    @Test
    void blocksWithoutAHeaderCarryEseutilsVerdict() throws IOException {
        String head = "Initiating FILE DUMP mode...\nVerifying log files...\n      Base name: E00\n\n"
                + "      Log file: E:\\L\\E0000000080.log\n      lGeneration: 128 (0x80)\n"
                + "      Format LGVersion: (8.4000.90.200) (generated by 9400)\n"
                + "      Signature: Create time:03/14/2014 08:02:09.000 UTC Rand:1299001001 Computer:\n";
        String text = head
                + "      Log file: E:\\L\\E0000000081.log\n"                                               // 9
                + "                ERROR: Cannot read log file header. Error -501.\n"                             // 10
                + "      Log file: E:\\L\\E0000000082.log - OK\n"                                          // 11
                + "      Log file: E:\\L\\E00.log\n"                                                      // 12
                + "                ERROR: Missing log file(s). Log file is generation 134 (0x86), but expected "
                + "generation is 131 (0x83).\n"                                                                  // 13
                + "      Log file: E:\\L\\E0000000083.log\n"                                               // 14
                + "\nNo damaged log files were found.\n";                                                         // 16
        List<LogHeader> l = EseutilText.parse("ml.txt", text).stream().map(LogHeader.class::cast).toList();
        assertEquals(List.of(
                new ListedLog("E:\\L\\E0000000081.log", 9, ListedLog.Status.DAMAGED, 0x81, ListedLog.GenerationFrom.NAME,
                        "ERROR: Cannot read log file header. Error -501."),
                new ListedLog("E:\\L\\E0000000082.log", 11, ListedLog.Status.OK, 0x82, ListedLog.GenerationFrom.NAME, ""),
                new ListedLog("E:\\L\\E00.log", 12, ListedLog.Status.OUT_OF_SEQUENCE, 134,
                        ListedLog.GenerationFrom.ESEUTIL_MESSAGE, "ERROR: Missing log file(s). Log file is generation 134 "
                                + "(0x86), but expected generation is 131 (0x83)."),
                new ListedLog("E:\\L\\E0000000083.log", 14, ListedLog.Status.NO_VERDICT, 0x83,
                        ListedLog.GenerationFrom.NAME, "")),
                l.subList(1, 5).stream().map(LogHeader::listed).toList());
        assertNull(l.get(0).listed());
        assertEquals(128, l.get(0).generation());
        assertEquals(List.of("eseutil /ml, under line 9: ERROR: Cannot read log file header. Error -501.", "-", "-",
                "eseutil /ml names it on line 14 with no verdict after it (the text is cut or edited)"),
                l.subList(1, 5).stream().map(h -> h.eseutilDamage() == null ? "-" : h.eseutilDamage()).toList());
        LogHeader cut = l.get(4);
        assertEquals(List.of(Note.warning(-1, "ml.txt line 14: eseutil printed neither a header nor a verdict for "
                        + "E:\\L\\E0000000083.log (no lGeneration line, no \"- OK\", no ERROR): the text is cut or edited"),
                Note.warning(-1, "ml.txt line 16: the text says \"No damaged log files were found.\" but eseutil reported "
                        + "an ERROR, or printed no header and no verdict, for a log it names (an edited or concatenated "
                        + "text?)")), cut.notes().stream().filter(Note::isFinding).toList());
        assertTrue(l.get(2).notes().contains(Note.info("eseutil /ml: OK (line 11)")), l.get(2).notes().toString());

        // the same summary after logs eseutil dumped and found nothing wrong with
        LogHeader clean = (LogHeader) EseutilText.parse("ml.txt", head + "\nNo damaged log files were found.\n").get(0);
        assertEquals(List.of(), clean.notes().stream().filter(Note::isFinding).toList());
        assertTrue(clean.notes().contains(Note.info("eseutil reported: No damaged log files were found.")));
    }

    @Test
    void exchange55Log() throws IOException {
        LogHeader h = (LogHeader) one("ml-55.txt");
        assertEquals(28, h.generation());
        assertEquals("6.1503.0.0", h.version());
        assertTrue(h.layoutInferred());
        assertEquals(2, h.attachments().size());
        assertEquals("C:\\exchsrvr\\MDBDATA\\PUB.EDB", h.attachments().get(1).path());
        assertEquals(9300, h.dbms().openTablesMax());
    }

    @Test
    void textFilesAreDetectedInAnyCommonEncoding() throws IOException {
        String text = sample("mh-2003.txt").replace("\n", "\r\n");
        Path utf16 = tmp.resolve("dump16.txt");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        DatabaseHeader a = EseFile.database(utf16);
        Path utf8 = tmp.resolve("dump8.txt");
        Files.writeString(utf8, text);
        DatabaseHeader b = EseFile.database(utf8);
        Path noBom = tmp.resolve("dump16nobom.txt");
        Files.write(noBom, body);
        DatabaseHeader c = EseFile.database(noBom);
        for (DatabaseHeader h : List.of(a, b, c)) {
            assertEquals(Source.TEXT, h.source());
            assertEquals(301, h.genMinRequired());
            assertEquals(1299001122L, h.dbSignature().random());
        }
    }

    @Test
    void wrappedAndUnknownValuesAreKeptWithAWarning() throws IOException {
        String text = sample("mh-2003.txt")
                .replace("Rand:1299001122 Computer:", "Rand:1299001122\n Computer:")
                .replace("State: Dirty Shutdown", "State: Sleeping Soundly")
                .replace("Last Attach: (0x12D,9,86)  06/20/2004 23:15:44", "Last Attach: (0x12D,9,86)  yesterday");
        DatabaseHeader h = (DatabaseHeader) EseutilText.parse("wrapped.txt", text).get(0);
        assertEquals(1299001122L, h.dbSignature().random(), "a signature cut before Computer: still reads");
        assertEquals(0, h.state());
        assertTrue(h.notes().stream().anyMatch(n -> n.level() == Note.Level.WARNING && n.text().contains("\"State\" not understood")));
        assertTrue(h.textFields().stream().anyMatch(t -> t.label().equals("State") && t.value().equals("Sleeping Soundly")));
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("\"Last Attach\" not understood")), h.notes().toString());
        assertEquals(new LogPosition(0x12D, 9, 0x86), h.attachPosition(), "what did parse is kept");
    }

    /** The notes that quote eseutil (its ERROR and WARNING lines, its trailer). */
    private static List<Note> reported(EseHeader h) {
        return h.notes().stream().filter(n -> n.text().contains("eseutil reported: ")).toList();
    }

    private static final String SAID = "Initiating FILE DUMP mode...\n";
    private static final String ERROR = "ERROR: Cannot read the database header. Error -1206.";
    private static final String WARNING = "WARNING: primary header has a checksum error.";

    /**
     * In /mh and /mk dumps, eseutil's ERROR and WARNING lines and its Operation terminated trailer were notes that
     * named neither the text file nor the line ("eseutil reported: ERROR: ..."), where /ml dumps name both: with
     * several saved texts, the examiner could not tell which text, or where in it, eseutil said so. They now name
     * both, as in an /ml dump ("mh.txt line 6: eseutil reported: ERROR: ...").
     */
    @Test
    void mhErrorAndWarningLinesNameTheTextFileAndLine() throws IOException {
        String said = SAID;
        String error = ERROR;
        String warning = WARNING;
        String trailer = "Operation terminated with error -1206 (JET_errDatabaseCorrupted, Non database file or "
                + "corrupted db) after 0.141 seconds.";
        // two lines after line 5: the ERROR is line 6, the WARNING line 7, the trailer (line 66 of the sample) 68
        DatabaseHeader mh = (DatabaseHeader) EseutilText.parse("case7/mh.txt", once(once(sample("mh-2003.txt"), said,
                said + error + "\n   " + warning + "\n"), "Operation completed successfully in 0.141 seconds.",
                trailer)).get(0);
        assertEquals(List.of(Note.error(-1, "case7/mh.txt line 6: eseutil reported: " + error),
                Note.warning(-1, "case7/mh.txt line 7: eseutil reported: " + warning),
                Note.warning(-1, "case7/mh.txt line 68: eseutil reported: " + trailer)), reported(mh));
    }

    @Test
    void mkErrorAndWarningLinesNameTheTextFileAndLine() throws IOException {
        String said = SAID;
        String error = ERROR;
        String warning = WARNING;
        // two lines after line 5, as in mh: the trailer (line 25 of the sample) is 27
        String chkTrailer = "Operation terminated with error -501 (JET_errLogFileCorrupt, Log file is corrupt) after "
                + "0.32 seconds.";
        CheckpointHeader mk = (CheckpointHeader) EseutilText.parse("case7/mk.txt", once(once(sample("mk-2003.txt"),
                said, said + "  " + error + "\n" + warning + "\n"), "Operation completed successfully in 0.32 seconds.",
                chkTrailer)).get(0);
        assertEquals(List.of(Note.error(-1, "case7/mk.txt line 6: eseutil reported: " + error),
                Note.warning(-1, "case7/mk.txt line 7: eseutil reported: " + warning),
                Note.warning(-1, "case7/mk.txt line 27: eseutil reported: " + chkTrailer)), reported(mk));
        assertEquals(0x12F, mk.generation(), "the lines around them still read");
    }

    @Test
    void anMhChecksumMismatchNamesTheTextFileAndLine() throws IOException {
        // an Expected Checksum / Actual Checksum pair that differ (lines 10 and 11): named by the later line
        DatabaseHeader current = (DatabaseHeader) EseutilText.parse("case7/mh-current.txt", sample("mh-current.txt")).get(0);
        assertEquals(List.of(Note.warning(-1, "case7/mh-current.txt line 11: eseutil reported a checksum mismatch "
                + "(expected 0x1A2B3C4D, actual 0x1A2B3C4E)")), current.notes().stream()
                .filter(n -> n.text().contains("checksum mismatch")).toList());
    }

    /**
     * A value the parser cannot read was a WARNING naming the line but not the text file ({@code line 17: value of
     * "State" not understood: ...}); it now names both, as eseutil's own ERROR lines' notes do, in /mh, /mk and /ml
     * dumps alike.
     */
    @Test
    void aValueNotUnderstoodNamesTheTextFileAndTheLine() throws IOException {
        String[][] cases = {
            {"mh.txt", "mh-2003.txt", "State: Dirty Shutdown", "State", "Sleeping Soundly"},
            {"case2/mk.txt", "mk-2003.txt", "Checkpoint: (0x12F,1A3,0)", "Checkpoint", "(soon)"},
            {"ml.txt", "ml-2003.txt", "creation time: 06/20/2004 23:40:12", "creation time", "yesterday"}};
        for (String[] c : cases) {
            String printed = c[2].substring(0, c[2].indexOf(':') + 2) + c[4];
            String text = once(sample(c[1]), c[2], printed);
            EseHeader h = EseutilText.parse(c[0], text).get(0);
            Note expected = Note.warning(-1, c[0] + " line " + lineOf(text, printed) + ": value of \"" + c[3]
                    + "\" not understood: " + c[4]);
            assertTrue(h.notes().contains(expected), c[0] + ": " + h.notes());
        }
    }

    /**
     * A {@code Missing log file(s):} line in an /ml dump was kept as a line of the log above it, with no note: eseutil
     * reported generations missing and nothing said so. It is an ERROR naming the text file and the line, as in a range
     * listing; the chain still judges the gap from the generations.
     */
    @Test
    void aMissingLogFilesLineInADumpIsANoteNamingTheTextFileAndTheLine() throws IOException {
        String missing = "      Missing log files: E01{00000131 - 00000132}.log";
        String text = once(sample("ml-2003.txt"), "Integrity check passed for log file: E010000012F.log\n",
                "Integrity check passed for log file: E010000012F.log\n" + missing + "\n");
        LogHeader first = (LogHeader) EseutilText.parse("ml.txt", text).get(0);
        assertTrue(first.notes().contains(Note.error(-1, "ml.txt line " + lineOf(text, missing) + ": eseutil reported "
                + "missing: E01{00000131 - 00000132}.log (JET_errMissingLogFile -528)")), first.notes().toString());
        assertTrue(first.textFields().stream().noneMatch(t -> t.label().startsWith("Missing")), first.textFields().toString());
    }

    /** The 1-based number of the first line holding {@code needle}. */
    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\r?\n", -1).length;
    }

    private static String once(String text, String from, String to) {
        int i = text.indexOf(from);
        assertTrue(i >= 0, from);
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    /**
     * A control character at either end of a value is text of the value, not padding: an ESC around a crafted
     * computer name was trimmed away with the spaces, and the name read "EXVS01" without a word.
     */
    @Test
    void controlCharactersAroundAValueAreKept() throws IOException {
        DatabaseHeader h = (DatabaseHeader) EseutilText.parse("esc.txt", once(sample("mh-55.txt"),
                "Rand:20202020 Computer:\n", "Rand:20202020 Computer:\u001bEXVS01\u001b \n")).get(0);
        assertEquals("\u001bEXVS01\u001b", h.dbSignature().computerName());
        CheckpointHeader chk = (CheckpointHeader) EseutilText.parse("mk.txt", once(sample("mk-55.txt"),
                "Rand:30303030 Computer:", "Rand:30303030 Computer:\tEXVS01\u0007")).get(0);
        assertEquals("EXVS01\u0007", chk.logSignature().computerName());
    }

    /**
     * A value eseutil's text holds at any length (5 MB on one line) was repeated in full by the WARNING that says it
     * was not understood (and by "eseutil reported: LINE"): a one-line message as long as the value, after the line
     * kept as printed had already shown it. The message now shows its first characters and its length.
     */
    @Test
    void aValueNotUnderstoodIsCappedInItsMessage() throws IOException {
        String huge = "X".repeat(5_000_000);
        String text = once(sample("mh-55.txt"), "Dbid: 1", "Dbid: " + huge);
        text = once(text, "Operation completed", "WARNING: " + huge + "\nOperation completed");
        DatabaseHeader h = (DatabaseHeader) EseutilText.parse("big.txt", text).get(0);
        Note notUnderstood = h.notes().stream().filter(n -> n.text().contains("\"Dbid\" not understood")).findFirst()
                .orElseThrow();
        String expected = "big.txt line 21: value of \"Dbid\" not understood: " + huge.substring(0, Echo.SHOWN)
                + "... (5000000 chars)";
        assertTrue(notUnderstood.text().equals(expected), notUnderstood.text().length() + " chars: "
                + notUnderstood.text().substring(0, 80)); // not assertEquals: a failure would print 5 MB
        Note reported = h.notes().stream().filter(n -> n.text().contains("eseutil reported: WARNING:")).findFirst()
                .orElseThrow();
        assertTrue(reported.text().endsWith("... (5000009 chars)") && reported.text().length() < 300,
                reported.text().substring(0, 100));
        assertTrue(h.textFields().stream().anyMatch(t -> t.value().equals(huge)), "the line itself is kept as printed");
    }

    /**
     * A line ends only at CR, LF or CR LF: U+2028, U+2029 and U+0085 inside a line are its text. Java's
     * regexes end lines there too, so such a line failed the label pattern and was dropped without a word
     * (the DB Signature zeroed, an unmapped line gone). Now the line reads; a computer name the signature's
     * Latin-1 bytes cannot hold keeps its line as printed, with a WARNING naming it.
     */
    @Test
    void unicodeLineSeparatorsArePartOfTheirLine() throws IOException {
        for (String sep : List.of("\u2028", "\u2029", "\u0085")) {
            String text = once(sample("mh-55.txt"), " Computer:\n", " Computer:A" + sep + "B\n");
            text = once(text, "kept as is", "kept" + sep + "as is");
            text = once(text, "Dbid: 1", "Dbid: 1" + sep);
            DatabaseHeader h = (DatabaseHeader) EseutilText.parse("sep.txt", text).get(0);
            String shown = String.format("U+%04X", (int) sep.charAt(0));
            assertEquals(20202020L, h.dbSignature().random(), shown);
            assertEquals("1998-11-03 14:22:09.000", h.dbSignature().created().iso(), shown);
            assertEquals(1, h.dbid(), shown);
            assertTrue(h.textFields().stream().anyMatch(t -> t.label().equals("Some Future Label")
                    && t.value().equals("kept" + sep + "as is")), shown + ": " + h.textFields());
            boolean latin1 = sep.charAt(0) <= 0xFF;
            if (latin1) {
                assertEquals("A" + sep + "B", h.dbSignature().computerName(), shown);
                assertTrue(h.notes().stream().noneMatch(n -> n.level() == Note.Level.WARNING), h.notes().toString());
            } else {
                assertTrue(h.notes().stream().anyMatch(n -> n.level() == Note.Level.WARNING
                        && n.text().startsWith("sep.txt line 12: value of \"DB Signature\" not understood")),
                        h.notes().toString());
                assertTrue(h.textFields().stream().anyMatch(t -> t.line() == 12 && t.label().equals("DB Signature")
                        && t.value().endsWith("Computer:A" + sep + "B")), shown + ": " + h.textFields());
            }
        }
        // the checkpoint and log dumps read their signatures the same way
        CheckpointHeader chk = (CheckpointHeader) EseutilText.parse("mk.txt",
                once(sample("mk-55.txt"), "Rand:30303030 Computer:", "Rand:30303030 Computer:X\u2028")).get(0);
        assertEquals(30303030L, chk.logSignature().random());
        assertTrue(chk.textFields().stream().anyMatch(t -> t.label().equals("Signature")), chk.textFields().toString());
    }

    private static List<TextField> textFields(EseHeader h) {
        return h instanceof DatabaseHeader d ? d.textFields() : h instanceof CheckpointHeader c ? c.textFields()
                : ((LogHeader) h).textFields();
    }

    private static List<TextField> unlabelled(EseHeader h) {
        return textFields(h).stream().filter(t -> t.label().isEmpty()).toList();
    }

    /**
     * Text without a label is kept as printed, in order, with its line number: eseutil's banner says which
     * eseutil wrote the dump, and a line no documented dump has may be the one that matters. It was dropped.
     */
    @Test
    void linesWithoutALabelAreKeptNotDropped() throws IOException {
        assertEquals(List.of(new TextField(1, "", "Microsoft(R) Exchange Server Database Utilities"),
                new TextField(2, "", "Version 6.5"),
                new TextField(3, "", "Copyright (C) Microsoft Corporation. All Rights Reserved."),
                new TextField(5, "", "Initiating FILE DUMP mode..."),
                new TextField(66, "", "Operation completed successfully in 0.141 seconds.")), unlabelled(one("mh-2003.txt")));
        assertEquals(List.of(new TextField(1, "", "Microsoft(R) Exchange Server Database Utilities"),
                new TextField(2, "", "Version 6.5"),
                new TextField(3, "", "Copyright (C) Microsoft Corporation. All Rights Reserved."),
                new TextField(5, "", "Initiating FILE DUMP mode..."),
                new TextField(25, "", "Operation completed successfully in 0.32 seconds.")), unlabelled(one("mk-2003.txt")));
        // an /ml dump: the banner before the first log's block goes with that log; the trailer here is a note
        List<EseHeader> ml = EseutilText.parse("ml-2003.txt", sample("ml-2003.txt"));
        assertEquals(List.of(new TextField(1, "", "Microsoft(R) Exchange Server Database Utilities"),
                new TextField(2, "", "Version 6.5"),
                new TextField(3, "", "Copyright (C) Microsoft Corporation. All Rights Reserved."),
                new TextField(5, "", "Initiating FILE DUMP mode...")), unlabelled(ml.get(0)));
        assertEquals(List.of(), unlabelled(ml.get(1)));

        // a line nobody documented, inside each kind of dump
        String odd = "    the header page was read twice (retry 2)";
        DatabaseHeader mh = (DatabaseHeader) EseutilText.parse("mh.txt", once(sample("mh-55.txt"), "Dbid: 1\n",
                "Dbid: 1\n" + odd + "\n")).get(0);
        int at = sample("mh-55.txt").lines().toList().indexOf("             Dbid: 1") + 2;
        assertTrue(unlabelled(mh).contains(new TextField(at, "", odd.trim())), at + " in " + mh.textFields());
        assertEquals(1, mh.dbid(), "the lines around it still read");
        CheckpointHeader mk = (CheckpointHeader) EseutilText.parse("mk.txt", once(sample("mk-2003.txt"),
                "      Checkpoint: (0x12F,1A3,0)\n", "      Checkpoint: (0x12F,1A3,0)\n" + odd + "\n")).get(0);
        assertTrue(unlabelled(mk).contains(new TextField(10, "", odd.trim())), mk.textFields().toString());
        assertEquals(0x12F, mk.generation());
        List<EseHeader> logs = EseutilText.parse("ml.txt", once(sample("ml-2003.txt"), "      Log file: E01.log\n",
                odd + "\n      Log file: E01.log\n"));
        assertTrue(unlabelled(logs.get(0)).contains(new TextField(34, "", odd.trim())), textFields(logs.get(0)).toString());
        assertEquals(2, logs.size());
    }

    private static List<Note> computerNameNotes(EseHeader h) {
        return h.notes().stream().filter(n -> n.text().contains("computer name")).toList();
    }

    private static String longName(String text, int line, String label, String name) {
        return text + " line " + line + ": the computer name in \"" + label + "\" is " + name.length() + " bytes, longer than a "
                + "NetBIOS name can be (15): \"" + name + "\" kept as printed; signatures are compared by its first 16 "
                + "bytes, all the signature's field holds";
    }

    /**
     * A computer name longer than a NetBIOS name (15 bytes) was cut to 15 without a word. The text is evidence:
     * the name is kept as printed, with a WARNING; the signature's bytes, which comparisons use, hold the first 16
     * (all szComputerName holds), so a name of 16 bytes matches the binary header that holds it.
     */
    @Test
    void aComputerNameLongerThanANetbiosNameIsKeptWithAWarning() throws IOException {
        String name = "EXCHANGE-CLUSTER-NODE1";
        DatabaseHeader h = (DatabaseHeader) EseutilText.parse("mh.txt", once(sample("mh-2003.txt"),
                "Rand:1299001122 Computer:\n", "Rand:1299001122 Computer:" + name + "\n")).get(0);
        assertEquals(name, h.dbSignature().computerName());
        assertEquals(1299001122L, h.dbSignature().random());
        assertEquals("EXCHANGE-CLUSTER", new String(h.dbSignature().bytes(), 12, 16, StandardCharsets.ISO_8859_1));
        assertEquals(List.of(Note.warning(-1, longName("mh.txt", 14, "DB Signature", name))), computerNameNotes(h));
        assertTrue(h.textFields().stream().noneMatch(t -> t.label().equals("DB Signature")), "the value read");
        assertEquals("", h.logSignature().computerName());

        // 16 bytes: all the field holds, no NUL; the same signature as a binary header whose field holds them
        String sixteen = "CLUSTERNODE-0001";
        DatabaseHeader full = (DatabaseHeader) EseutilText.parse("mh.txt", once(sample("mh-2003.txt"),
                "Rand:1299001122 Computer:\n", "Rand:1299001122 Computer:" + sixteen + "\n")).get(0);
        assertEquals(sixteen, full.dbSignature().computerName());
        byte[] binary = EseBuilder.sig(1299001122L, EseBuilder.time(2004, 3, 14, 8, 2, 11, 0, false), "");
        System.arraycopy(sixteen.getBytes(StandardCharsets.ISO_8859_1), 0, binary, 12, 16);
        assertTrue(full.dbSignature().sameAs(Signature.of(binary, 0)), full.dbSignature() + " vs " + Signature.of(binary, 0));
        assertEquals(List.of(Note.warning(-1, longName("mh.txt", 14, "DB Signature", sixteen))), computerNameNotes(full));

        // a NetBIOS name of 15 bytes is no news
        DatabaseHeader netbios = (DatabaseHeader) EseutilText.parse("mh.txt", once(sample("mh-2003.txt"),
                "Rand:1299001122 Computer:\n", "Rand:1299001122 Computer:EXCHANGE-NODE01\n")).get(0);
        assertEquals("EXCHANGE-NODE01", netbios.dbSignature().computerName());
        assertEquals(List.of(), computerNameNotes(netbios));

        // the checkpoint's and the logs' signatures, and those of their attached databases
        CheckpointHeader mk = (CheckpointHeader) EseutilText.parse("mk.txt", once(once(sample("mk-2003.txt"),
                "Rand:1299001001 Computer:\n", "Rand:1299001001 Computer:" + name + "\n"),
                "Rand:1299001122 Computer:\n", "Rand:1299001122 Computer:" + name + "-DB\n")).get(0);
        assertEquals(name, mk.logSignature().computerName());
        assertEquals(name + "-DB", mk.attachments().get(0).signature().computerName());
        assertEquals(List.of(Note.warning(-1, longName("mk.txt", 14, "Signature", name)),
                Note.warning(-1, longName("mk.txt", 20, "Signature", name + "-DB"))), computerNameNotes(mk));
        LogHeader ml = (LogHeader) EseutilText.parse("ml.txt", once(once(sample("ml-2003.txt"),
                "Rand:1299001001 Computer:\n", "Rand:1299001001 Computer:" + name + "\n"),
                "Rand:1299001122 Computer:\n", "Rand:1299001122 Computer:" + name + "-DB\n")).get(0);
        assertEquals(name, ml.logSignature().computerName());
        assertEquals(name + "-DB", ml.attachments().get(0).signature().computerName());
        assertEquals(List.of(Note.warning(-1, longName("ml.txt", 15, "Signature", name)),
                Note.warning(-1, longName("ml.txt", 27, "Signature", name + "-DB"))), computerNameNotes(ml));
    }

    @Test
    void textThatIsNotADumpIsRefused() {
        EseException e = assertThrows(EseException.class, () -> EseutilText.parse("notes.txt", "hello\nworld: 1\n"));
        assertEquals(1, e.getMessage().lines().count());
    }

    /**
     * {@code text} with 1 to {@code maxEdits} random edits, each a char replaced by one of {@code junk},
     * {@code insert} put in, a char upper-cased (when {@code upcase}), or up to {@code maxDelete} chars deleted.
     */
    private static String mutated(java.util.Random r, String text, int maxEdits, String junk, String insert,
                                  boolean upcase, int maxDelete) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + r.nextInt(maxEdits);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
            int at = r.nextInt(sb.length());
            int op = r.nextInt(upcase ? 4 : 3);
            if (op == 0) {
                sb.setCharAt(at, junk.charAt(r.nextInt(junk.length())));
            } else if (op == 1) {
                sb.insert(at, insert);
            } else if (op == 2 && upcase) {
                sb.setCharAt(at, Character.toUpperCase(sb.charAt(at)));
            } else {
                sb.delete(at, Math.min(sb.length(), at + r.nextInt(maxDelete)));
            }
        }
        return sb.toString();
    }

    /** The outcome of parsing: the kinds of the headers, or the one-line refusal. */
    private static String outcome(java.util.concurrent.Callable<List<EseHeader>> parse) {
        try {
            return parse.call().stream().map(h -> h.kind().name()).toList().toString();
        } catch (EseException e) {
            return "refused: " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Text of bytes is refused at once when no line can start with a label ({@link EseutilText#mayHoldLabels}),
     * never a dump the parser of the decoded text would take: the outcome from the bytes is the outcome from
     * the decoded text, for every sample in every encoding and line break, for labels behind control chars, in
     * any case or with a KELVIN SIGN for k, and for thousands of mutated dumps; a JSONL dump of a hive has no
     * label and is refused without being decoded.
     */
    @Test
    void textWithoutLabelsIsRefusedFromItsBytesAsFromItsText() throws IOException {
        String[] names = {"mh-2003.txt", "mh-current.txt", "mh-55.txt", "mk-2003.txt", "mk-55.txt", "ml-2003.txt",
            "ml-55.txt", "ml-range-2003.txt", "ml-range-current.txt"};
        List<byte[]> texts = new java.util.ArrayList<>();
        for (String n : names) {
            String t = sample(n);
            for (String variant : List.of(t, t.replace("\n", "\r\n"), t.replace("\n", "\r"))) {
                texts.add(variant.getBytes(StandardCharsets.UTF_8));
                byte[] b = variant.getBytes(StandardCharsets.UTF_8);
                byte[] bom = new byte[b.length + 3];
                bom[0] = (byte) 0xEF;
                bom[1] = (byte) 0xBB;
                bom[2] = (byte) 0xBF;
                System.arraycopy(b, 0, bom, 3, b.length);
                texts.add(bom);
                texts.add(variant.getBytes(StandardCharsets.UTF_16LE));
            }
        }
        for (String n : names) { // UTF-16 with its mark too
            byte[] body = sample(n).getBytes(StandardCharsets.UTF_16LE);
            byte[] marked = new byte[body.length + 2];
            marked[0] = (byte) 0xFF;
            marked[1] = (byte) 0xFE;
            System.arraycopy(body, 0, marked, 2, body.length);
            texts.add(marked);
        }
        for (byte[] b : texts) {
            assertTrue(EseutilText.mayHoldLabels(b));
            assertEquals(outcome(() -> EseutilText.parse("t.txt", EseutilText.decode(b))),
                    outcome(() -> EseutilText.parse("t.txt", b)));
        }
        // at the very start behind a UTF-8 mark; cut short at the end of the text, also inside a KELVIN SIGN
        byte[] kelvinCut = {'c', 'h', 'e', 'c', (byte) 0xE2, (byte) 0x84};
        for (byte[] b : List.of("\uFEFFlGeneration: 0x5\n".getBytes(StandardCharsets.UTF_8),
                "\uFEFFCheckpoint file: E00.chk".getBytes(StandardCharsets.UTF_8),
                "x\nlGenera".getBytes(StandardCharsets.UTF_8), "x\nlog fil".getBytes(StandardCharsets.UTF_8),
                kelvinCut, java.util.Arrays.copyOf(kelvinCut, 5))) {
            assertEquals(outcome(() -> EseutilText.parse("e.txt", EseutilText.decode(b))),
                    outcome(() -> EseutilText.parse("e.txt", b)), new String(b, StandardCharsets.ISO_8859_1));
        }
        assertTrue(EseutilText.mayHoldLabels("\uFEFFlGeneration: 0x5\n".getBytes(StandardCharsets.UTF_8)));
        String kelvin = "\u212A";
        List<String> crafted = List.of(
                "{\"source\":\"x\",\"path\":\"\\\\\",\"values\":[{\"name\":\"Log file\",\"value\":\"lGeneration: 1\"}]}\n",
                "\u0001 \t lGeneration : 0x5\n", "x\rCHECKPOINT FILE: E00.chk\r", "Checkpoint file: x\n",
                "chec" + kelvin + "point file: E00.chk\n", "lastfullbac" + kelvin + "upchec" + kelvin + "point: (0x1,2,3)\n",
                "chec\u0130point file: x\n", "  Verifying log files...\n", "Missing log files: 5\n", "log  file: x\n",
                "format  ulMagic: 0x89abcdef\n", "LASTFULLBACKUPCHECKPOINT: (0x1,2,3)\n", "CBDBPAGE: 4096\n", "\u00A0lGeneration: 1\n", "lGeneration\u0085: 1\n", "", "\n\n\n",
                "lGeneration: 1\u2028x\n", "x\u2028lGeneration: 1\n", "\u2029cbDbPage: 4096\n", "cbDbPage:\u0085 4096\n",
                "  Log file: E00\u2028.log - OK\n");
        for (String c : crafted) {
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
                byte[] b = c.getBytes(cs);
                assertEquals(outcome(() -> EseutilText.parse("c.txt", EseutilText.decode(b))),
                        outcome(() -> EseutilText.parse("c.txt", b)), c);
            }
        }
        assertFalse(EseutilText.mayHoldLabels(crafted.get(0).getBytes(StandardCharsets.UTF_8)), "a JSONL dump");
        assertTrue(EseutilText.mayHoldLabels(crafted.get(4).getBytes(StandardCharsets.UTF_8)), "KELVIN SIGN for k");
        java.util.Random r = new java.util.Random(78);
        String junk = "lLgGcCkKfF:\r\n \t\u0001\u212A\u0130{\"";
        for (int i = 0; i < 3000; i++) {
            String m = mutated(r, sample(names[r.nextInt(names.length)]), 60, junk, "{", true, 400);
            byte[] b = m.getBytes(StandardCharsets.UTF_8);
            assertEquals(outcome(() -> EseutilText.parse("m.txt", EseutilText.decode(b))),
                    outcome(() -> EseutilText.parse("m.txt", b)), m);
        }
    }

    @Test
    void textDumpsFeedTheLogChain() throws IOException {
        List<LogHeader> logs = EseutilText.parse("ml.txt", sample("ml-2003.txt")).stream().map(LogHeader.class::cast).toList();
        CheckpointHeader chk = (CheckpointHeader) one("mk-2003.txt");
        DatabaseHeader db = (DatabaseHeader) one("mh-2003.txt");
        LogChain.Report r = LogChain.analyze(logs, List.of(chk), List.of(db), List.of());
        assertEquals("E01", r.baseName());
        // eseutil printed E01.log's header, then "ERROR: Log damaged (unusable)" on line 58: it is there, not usable
        assertEquals(List.of(303L), r.present());
        assertTrue(r.findings().contains(Note.error(-1, "E01.log: eseutil /ml reported it damaged, generation 304 is not "
                + "usable (ml.txt line 58: ERROR: Log damaged (unusable). Last Lgpos: (0x130,3,0). Error -501.)")),
                r.findings().toString());
        assertFalse(r.softRecoveryCanSucceed());
        // the database needs 301-305; 301, 302 and 305 are absent, 304 damaged
        assertEquals(List.of(301L, 302L, 304L, 305L), r.databases().get(0).missing());
        assertTrue(r.missing().containsAll(List.of("E010000012D.log", "E010000012E.log", "E0100000131.log")), r.missing()
                .toString());
    }

    @Test
    void mutatedDumpsGiveAHeaderOrAnEseException() throws IOException {
        java.util.Random r = new java.util.Random(77);
        String[] names = {"mh-2003.txt", "mh-current.txt", "mh-55.txt", "mk-2003.txt", "mk-55.txt", "ml-2003.txt", "ml-55.txt"};
        String junk = "0123456789abcdefxX(),:.-/ \\tUTCLOC99999999999999999999999";
        int ok = 0;
        for (int i = 0; i < 600; i++) {
            String m = mutated(r, sample(names[r.nextInt(names.length)]), 30, junk, "99999999999999999999999", false, 40);
            try {
                List<EseHeader> l = EseutilText.parse("m.txt", m);
                assertFalse(l.isEmpty());
                ok++;
            } catch (EseException e) {
                assertEquals(1, e.getMessage().lines().count());
            }
        }
        assertTrue(ok > 300, "parsed " + ok);
    }

    @Test
    void backupLinesFillTheBlockOfTheirHeadingOnly() {
        String text = String.join("\n", "Database: C:\\x\\priv1.edb", "Format ulVersion: 0x620,12", "State: Clean Shutdown",
                "Log Gen: 1-2", "Previous Full Backup:", "        Log Gen: 3-5 - OSSnapshot", "           Mark: (0x5,1,0)",
                "           Mark: 01/02/2003 04:05:06.007 UTC", "Patch Current Full Backup:", "        Log Gen: 7-8",
                "Previous Copy Backup:", "        Log Gen: 9-10", "");
        DatabaseHeader h = (DatabaseHeader) EseutilText.parse("mh.txt", text).get(0);
        assertEquals(new BackupInfo(new LogPosition(5, 1, 0), LogTime.of(2003, 1, 2, 4, 5, 6, 7, true), 3, 5, 1),
                h.fullPrevious());
        assertEquals(9, h.current().copyPrevious().genLow());
        assertEquals(10, h.current().copyPrevious().genHigh());
        assertEquals(0, h.current().copyPrevious().type());
        assertEquals(0, h.fullCurrent().genLow(), "a patch file's block is not the database's current full backup");
        assertEquals(List.of("1-2", "7-8"), h.textFields().stream().filter(t -> t.label().equals("Log Gen"))
                .map(TextField::value).toList(), "Log Gen outside a backup block is kept as printed");
        assertTrue(h.notes().stream().noneMatch(Note::isFinding), h.notes().toString());
    }

    @Test
    void checkpointEnvAndAttachmentLinesFillTheirFields() {
        String text = String.join("\n", "Checkpoint file: C:\\x\\E00.chk", "LastFullBackupCheckpoint: (0x0,0,0)",
                "Checkpoint: (0x2A,8,0)", "Env (Session,Opentbl,VerPage,Cursors,LogBufs,LogFile,Buffers)",
                "    (   1227,  30000,   4000,  20000,    500,   2048,  40000)", "     1  C:\\x\\priv1.edb LogOn VerOn RW",
                "        dbtime: 7741906 (0-7741906)", "        Signature: Create time:12/30/2002 16:51:49 Rand:606486607 Computer:",
                "");
        CheckpointHeader h = (CheckpointHeader) EseutilText.parse("mk.txt", text).get(0);
        assertEquals("C:\\x\\E00.chk", h.file());
        assertEquals(0x2A, h.generation());
        assertEquals(new DbmsParams("", "", 0, 1227, 30000, 4000, 20000, 500, 2048, 40000), h.dbms());
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("no CircLog item in the Env line")), h.notes().toString());
        assertEquals(1, h.attachments().size());
        AttachedDatabase a = h.attachments().get(0);
        assertEquals("C:\\x\\priv1.edb", a.path());
        assertEquals(7741906, a.dbtime());
        assertEquals(606486607L, a.signature().random());
        assertTrue(h.textFields().isEmpty(), h.textFields().toString());
    }

    private static List<String> warnings(EseHeader h) {
        return h.notes().stream().filter(Note::isFinding).map(Note::text).toList();
    }

    @Test
    void anMhDumpCutBeforeTheFieldsEveryDumpPrintsIsWarnedAbout() throws IOException {
        String cut = sample("mh-55.txt").substring(0, 500); // head -c 500: ends inside "Last Objid: 901"
        DatabaseHeader h = (DatabaseHeader) EseutilText.parse("mh.txt", cut).get(0);
        assertEquals(List.of("mh.txt line 17: the text is incomplete, cut short: it ends before Last Consistent, "
                + "Last Attach, Last Detach, Dbid, Log Signature, OS Version, Previous Full Backup, which every eseutil "
                + "/mh dump prints: those fields are not in the text (shown as 0); this last line may be cut too. Save "
                + "the whole eseutil /mh output"), warnings(h));
    }

    @Test
    void anMhDumpCutInsideABackupBlockIsWarnedAbout() throws IOException {
        String text = sample("mh-55.txt");
        String cut = text.substring(0, text.indexOf("           Mark: (0x46"));
        assertEquals(List.of("mh.txt line 27: the text is incomplete, cut short: it ends inside the \"Previous Full "
                + "Backup\" block (Log Gen and two Mark lines): the lines not printed are shown as 0; this last line "
                + "may be cut too. Save the whole eseutil /mh output"),
                warnings(EseutilText.parse("mh.txt", cut).get(0)));
    }

    @Test
    void anMkDumpCutBeforeTheFieldsEveryDumpPrintsIsWarnedAbout() throws IOException {
        String cut = sample("mk-2003.txt").substring(0, 400); // head -c 400: ends inside "IncBackup time"
        CheckpointHeader h = (CheckpointHeader) EseutilText.parse("mk.txt", cut).get(0);
        assertEquals(List.of("mk.txt line 13: the text is incomplete, cut short: it ends before Signature, Env, which "
                + "every eseutil /mk dump prints: those fields are not in the text (shown as 0); this last line may be "
                + "cut too. Save the whole eseutil /mk output"), warnings(h));
    }

    @Test
    void wholeMkDumpsWithOrWithoutTheirLastLineAreNotCalledCut() throws IOException {
        for (String name : List.of("mk-55.txt", "mk-2003.txt")) {
            String text = sample(name);
            assertEquals(List.of(), warnings(one(name)), name);
            assertEquals(List.of(), warnings(EseutilText.parse(name, text.substring(0, text.indexOf("Operation")))
                    .get(0)), name + " without its last line");
        }
    }

    @Test
    void wholeMhDumpsWithOrWithoutTheirLastLineAreNotCalledCut() throws IOException {
        for (String name : List.of("mh-55.txt", "mh-2003.txt")) {
            String text = sample(name);
            String noTrailer = text.substring(0, text.indexOf("Operation completed"));
            assertEquals(List.of(), warnings(one(name)), name);
            assertEquals(List.of(), warnings(EseutilText.parse(name, noTrailer).get(0)), name + " without its last line");
        }
    }
}
