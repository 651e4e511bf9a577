package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.testing.Corpus;

/** Log-chain verdicts over log sets written by the builder (and the corpus SRUM set). */
class LogChainTest {
    @TempDir
    Path dir;

    static final byte[] SIG = EseBuilder.sig(607052340L, EseBuilder.time(2002, 12, 30, 17, 1, 27, 0, false), "");
    static final byte[] OTHER = EseBuilder.sig(1L, EseBuilder.time(2001, 1, 1, 0, 0, 0, 0, false), "");
    static final byte[] DBSIG = EseBuilder.sig(606486607L, EseBuilder.time(2002, 12, 30, 16, 51, 49, 0, false), "");

    static byte[] created(int g) {
        return EseBuilder.time(2003, 1, 1, 10, g % 60, 0, 0, false);
    }

    byte[] log(int g, byte[] sig) {
        EseBuilder.Log l = EseBuilder.Log.current().set("generation", g).set("logSignature", sig)
                .set("created", created(g)).set("previousGenerationCreated", g > 1 ? created(g - 1) : new byte[8]);
        return l.bytes();
    }

    void write(String name, byte[] b) throws IOException {
        Files.write(dir.resolve(name), b);
    }

    /** E0000000001.log .. E00000000{n-1}.log archived, E00.log = n, checkpoint at chk. */
    void set(int n, int chk) throws IOException {
        for (int g = 1; g < n; g++) {
            write(String.format("E00%08X.log", g), log(g, SIG));
        }
        write("E00.log", log(n, SIG));
        write("E00.chk", new EseBuilder.Checkpoint().set("checkpoint", EseBuilder.lgpos(chk, 8, 0))
                .set("logSignature", SIG).bytes());
    }

    Path database(String name, int state, int min, int max, byte[] logSig) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, EseBuilder.Database.current(8192).set("state", state).set("genMinRequired", min)
                .set("genMaxRequired", max).set("genMaxCommitted", max).set("logSignature", logSig)
                .set("dbSignature", DBSIG).set("consistentPosition", EseBuilder.lgpos(1, 1, 1)).bytes());
        return p;
    }

    @Test
    void completeChainCanRecover() throws IOException {
        set(5, 3);
        Path db = database("priv1.edb", 2, 3, 5, SIG);
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(db));
        assertTrue(r.softRecoveryCanSucceed(), r.verdict() + r.findings());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), r.present());
        assertEquals(5, r.currentGeneration());
        assertEquals(3, r.checkpointGeneration());
        assertEquals(3, r.neededLow());
        assertTrue(r.verdict().startsWith("soft recovery can succeed"), r.verdict());
        assertTrue(r.databases().get(0).ok());
        assertEquals("E00", r.baseName());
    }

    /**
     * A folder of more files than are read (a small limit here; 100,000 in use): the files past it by name are not
     * read, one line says so (for stderr) and is an ERROR finding, and the verdict cannot be confirmed, even though the
     * files read make a complete chain (the database, given by --database, is read all the same).
     */
    @Test
    void filesPastTheLimitAreAFindingAndBlockTheVerdict() throws IOException {
        set(5, 3);
        Path db = database("priv1.edb", 2, 3, 5, SIG);
        List<String> notes = new java.util.ArrayList<>();
        LogChain.Report whole = LogChain.analyzeDirectory(dir, List.of(db), notes::add, 7);
        assertTrue(whole.softRecoveryCanSucceed(), whole.verdict());
        assertEquals(List.of(), notes, "7 files, a limit of 7: nothing left out");
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(db), notes::add, 6);
        String line = dir + ": more than 6 files: only the first 6 by name were read (at most 6 files of a folder); the "
                + "log chain was judged without the others: give a folder that holds the log set alone";
        assertEquals(List.of(line), notes);
        assertEquals(Note.error(-1, line), r.findings().get(0));
        assertTrue(r.hasFindings());
        assertFalse(r.softRecoveryCanSucceed());
        assertEquals("soft recovery cannot be confirmed: files of the folder past the file limit were not read (see "
                + "findings)", r.verdict());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), r.present());
    }

    /**
     * A log given as --database (from another folder, say) is refused with one line: taken as it was, it joined the
     * log set unasked and filled its gap, and the verdict said soft recovery can succeed.
     */
    @Test
    void aLogGivenAsADatabaseIsRefused() throws IOException {
        set(4, 1);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("E0000000002.log");
        Files.move(dir.resolve("E0000000002.log"), elsewhere);
        EseException e = org.junit.jupiter.api.Assertions.assertThrows(EseException.class,
                () -> LogChain.analyzeDirectory(dir, List.of(elsewhere)));
        assertEquals(elsewhere + ": given as --database but it is a log file, not a database (or a saved eseutil /mh "
                + "dump of one); the logs are read from the folder", e.getMessage());
        Path chk = dir.resolve("E00.chk");
        assertEquals(chk + ": given as --database but it is a checkpoint, not a database (or a saved eseutil /mh dump "
                + "of one); the logs are read from the folder", org.junit.jupiter.api.Assertions.assertThrows(
                        EseException.class, () -> LogChain.analyzeDirectory(dir, List.of(chk))).getMessage());
    }

    /** One database given under several spellings (and found in the folder too) is one database of the report. */
    @Test
    void aDatabaseGivenUnderSeveralSpellingsIsCheckedOnce() throws IOException {
        set(5, 3);
        Path db = database("priv1.edb", 2, 3, 5, SIG);
        Files.createDirectory(dir.resolve("elsewhere"));
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(dir.resolve(".").resolve("priv1.edb"),
                db.toAbsolutePath(), dir.resolve("elsewhere").resolve("..").resolve("priv1.edb"), db));
        assertEquals(List.of(db.toString()), r.databases().stream().map(LogChain.DatabaseVerdict::file).toList());
        assertTrue(r.softRecoveryCanSucceed(), r.verdict());
    }

    @Test
    void aGapBlocksRecoveryAndNamesTheFile() throws IOException {
        set(6, 2);
        Files.delete(dir.resolve("E0000000003.log"));
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertFalse(r.softRecoveryCanSucceed());
        assertEquals(List.of(3L), r.gaps());
        assertEquals(List.of("E0000000003.log"), r.missing());
        assertEquals("soft recovery cannot succeed; missing: E0000000003.log", r.verdict());
    }

    @Test
    void requiredRangeOutsideTheLogsIsMissing() throws IOException {
        set(5, 4);
        for (int g = 1; g <= 3; g++) {
            Files.delete(dir.resolve(String.format("E00%08X.log", g)));
        }
        Path db = database("priv1.edb", 2, 2, 5, SIG);
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(db));
        assertFalse(r.softRecoveryCanSucceed());
        LogChain.DatabaseVerdict v = r.databases().get(0);
        assertEquals(List.of(2L, 3L), v.missing());
        assertTrue(v.verdict().contains("-543"), v.verdict());
        assertTrue(r.verdict().contains("E0000000002.log") && r.verdict().contains("E0000000003.log"), r.verdict());
    }

    @Test
    void nameGenerationMismatchIsFound() throws IOException {
        set(4, 1);
        write("E0000000002.log", log(7, SIG));
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertTrue(r.findings().stream().anyMatch(n -> n.text().contains("-513") && n.text().contains("E0000000002.log")));
        assertFalse(r.softRecoveryCanSucceed());
        assertTrue(r.missing().contains("E0000000002.log"));
    }

    @Test
    void foreignSignatureIsFound() throws IOException {
        set(4, 1);
        write("E0000000002.log", log(2, OTHER));
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertTrue(r.findings().stream().anyMatch(n -> n.text().contains("-530")));
        assertFalse(r.softRecoveryCanSucceed());
    }

    @Test
    void brokenSequenceIsFound() throws IOException {
        set(4, 1);
        EseBuilder.Log l = EseBuilder.Log.current().set("generation", 3).set("logSignature", SIG).set("created", created(3))
                .set("previousGenerationCreated", created(40));
        write("E0000000003.log", l.bytes());
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertTrue(r.findings().stream().anyMatch(n -> n.text().contains("-515")), r.findings().toString());
    }

    @Test
    void currentLogMustBeHighestArchivedPlusOne() throws IOException {
        set(3, 1);
        write("E00.log", log(6, SIG));
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertTrue(r.findings().stream().anyMatch(n -> n.text().contains("expected 3")), r.findings().toString());
        assertEquals(List.of("E0000000003.log", "E0000000004.log", "E0000000005.log"), r.missing());
        Files.delete(dir.resolve("E00.log"));
        LogChain.Report r2 = LogChain.analyzeDirectory(dir, List.of());
        assertTrue(r2.missing().contains("E00.log (current log, generation 3)"), r2.missing().toString());
    }

    @Test
    void databaseOfAnotherLogSetAndBackupCopies() throws IOException {
        set(3, 1);
        Path other = database("other.edb", 2, 1, 3, OTHER);
        Path clean = database("clean.edb", 3, 0, 0, SIG);
        Path copy = dir.resolve("copy.edb");
        Files.write(copy, EseBuilder.Database.current(8192).set("state", 2).set("logSignature", SIG)
                .set("fullCurrent.low", 1).bytes());
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(other, clean, copy));
        assertFalse(r.softRecoveryCanSucceed());
        assertTrue(r.databases().stream().anyMatch(v -> v.file().endsWith("other.edb") && v.verdict().contains("-539")));
        assertTrue(r.databases().stream().anyMatch(v -> v.file().endsWith("clean.edb") && v.ok()));
        assertTrue(r.databases().stream().anyMatch(v -> v.file().endsWith("copy.edb") && v.verdict().contains("-544")));
    }

    @Test
    void ese97SetUsesCheckpointToCurrentAndSaysSignaturesAreInferred() throws IOException {
        for (int g = 0x1A; g < 0x1C; g++) {
            write(String.format("edb%05X.log", g), EseBuilder.Log.ese97(g, 0).bytes());
        }
        write("edb.log", EseBuilder.Log.ese97(0x1C, 0).bytes());
        Path db = dir.resolve("priv.edb");
        Files.write(db, EseBuilder.Database.ese97().set("state", 2).set("logSignature", SIG).bytes());
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(db));
        assertEquals("edb", r.baseName());
        assertEquals(0x1C, r.currentGeneration());
        assertTrue(r.findings().stream().anyMatch(n -> n.text().contains("confidence: inferred")));
        assertTrue(r.softRecoveryCanSucceed(), r.verdict() + r.findings());
        assertFalse(r.databases().get(0).requiredFromHeader());
        Files.delete(dir.resolve("edb0001B.log"));
        LogChain.Report r2 = LogChain.analyzeDirectory(dir, List.of(db));
        assertEquals(List.of("edb0001B.log"), r2.missing());
    }

    @Test
    void ese97CheckpointWithoutFileTypeIsFoundByContent() throws IOException {
        for (int g = 0x1A; g < 0x1C; g++) {
            write(String.format("edb%05X.log", g), EseBuilder.Log.ese97(g, 0).bytes());
        }
        write("edb.log", EseBuilder.Log.ese97(0x1C, 0).bytes());
        write("edb.chk", new EseBuilder.Checkpoint().set("fileType", 0).set("checkpoint", EseBuilder.lgpos(0x1B, 0x1A0, 0))
                .set("logSignature", SIG).bytes());
        CheckpointHeader c = EseFile.checkpoint(dir.resolve("edb.chk"));
        assertEquals(0, c.fileType());
        assertTrue(c.notes().stream().anyMatch(n -> n.text().contains("after offset 615 is INFERRED")));
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertEquals(0x1B, r.checkpointGeneration());
        assertEquals(0x1B, r.neededLow());
        assertTrue(r.softRecoveryCanSucceed(), r.verdict());
    }

    @Test
    void onlineBackupCopyIsCheckedAgainstItsPatchFileAndBackupLogs() throws IOException {
        for (int g = 20; g <= 26; g++) {
            write(String.format("edb%05X.log", g), log(g, SIG));
        }
        write("edb.log", log(27, SIG));
        byte[] mark = EseBuilder.lgpos(20, 8, 16);
        Path db = dir.resolve("priv.edb");
        Files.write(db, EseBuilder.Database.ese97().set("state", 2).set("logSignature", SIG).set("dbSignature", DBSIG)
                .set("fullCurrent.low", 20).set("fullCurrent.mark", mark).bytes());
        write("priv.pat", new EseBuilder.Patch(4096).set("dbSignature", DBSIG).set("logSignature", SIG)
                .set("backup.mark", mark).set("backup.low", 20).set("backup.high", 26).bytes());
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of(db));
        LogChain.DatabaseVerdict v = r.databases().get(0);
        assertFalse(v.ok());
        assertTrue(v.verdict().contains("-544") && v.verdict().contains("priv.pat (signatures and backup mark match)")
                && v.verdict().contains("logs 20-26") && v.verdict().endsWith("all present"), v.verdict());
        assertEquals(26, v.requiredHigh());

        Files.delete(dir.resolve("edb00018.log"));
        LogChain.DatabaseVerdict gap = LogChain.analyzeDirectory(dir, List.of(db)).databases().get(0);
        assertTrue(gap.verdict().contains("missing generations 24 (JET_errMissingRestoreLogFiles -557)"), gap.verdict());

        write("priv.pat", new EseBuilder.Patch(4096).set("dbSignature", DBSIG).set("logSignature", SIG)
                .set("backup.mark", EseBuilder.lgpos(19, 1, 1)).set("backup.low", 19).set("backup.high", 26).bytes());
        LogChain.DatabaseVerdict other = LogChain.analyzeDirectory(dir, List.of(db)).databases().get(0);
        assertTrue(other.verdict().contains("-538") && other.verdict().contains("priv.pat belongs to another backup")
                && other.verdict().contains("-552"), other.verdict());
    }

    @Test
    void anUnreadableLogInTheFolderIsAFinding() throws IOException {
        set(3, 1);
        write("E0000000004.log", new byte[100]);
        write("E00res00001.jrs", new byte[8192]);
        LogChain.Report r = LogChain.analyzeDirectory(dir, List.of());
        assertTrue(r.findings().stream().anyMatch(n -> n.level() == Note.Level.ERROR
                && n.text().contains("unreadable log file") && n.text().contains("E0000000004.log")), r.findings().toString());
        assertTrue(r.findings().stream().noneMatch(n -> n.text().contains("E00res00001.jrs")), "an all-zero reserve log is normal");
        assertFalse(r.softRecoveryCanSucceed());
    }

    @Test
    void corpusSrumSetCanRecover() {
        assumeTrue(Corpus.root().isPresent() && Files.isDirectory(Corpus.root().get().resolve("ese/srum-win11-dirty")));
        Path d = Corpus.root().get().resolve("ese/srum-win11-dirty");
        LogChain.Report r = LogChain.analyzeDirectory(d, List.of(d.resolve("SRUDB.dat")));
        assertEquals("SRU", r.baseName());
        assertEquals(List.of(91L, 92L), r.present());
        assertEquals(92, r.currentGeneration());
        assertEquals(92, r.checkpointGeneration());
        assertTrue(r.softRecoveryCanSucceed(), r.verdict());
        assertTrue(r.ignored().stream().anyMatch(s -> s.contains("SRUtmp.log") && s.contains("temporary")));
        assertTrue(r.ignored().stream().anyMatch(s -> s.contains("SRUres00001.jrs") && s.contains("no valid header")));
        assertEquals(92, r.databases().get(0).requiredLow());
    }

    @Test
    void fileNamesGiveTheRoleTheBaseNameAndTheGeneration() {
        byte[] b = log(3, SIG);
        java.util.function.Function<String, LogChain.Entry> entry = name -> LogNames.classify((LogHeader) EseFile.read(name, b));
        LogChain.Entry current = entry.apply("E00.log");
        assertEquals(LogChain.Role.CURRENT, current.role());
        assertEquals("E00", current.base());
        assertEquals(-1, current.nameGeneration());
        LogChain.Entry archived = entry.apply("E0000000003.log");
        assertEquals(LogChain.Role.ARCHIVED, archived.role());
        assertEquals(3, archived.nameGeneration());
        assertEquals(8, archived.nameDigits());
        LogChain.Entry old = entry.apply("edb0000A.LOG");
        assertEquals(LogChain.Role.ARCHIVED, old.role());
        assertEquals("edb", old.base());
        assertEquals(10, old.nameGeneration());
        assertEquals(5, old.nameDigits());
        assertEquals(LogChain.Role.TEMP, entry.apply("E00tmp.log").role());
        assertEquals(LogChain.Role.RESERVE, entry.apply("E00res00001.jrs").role());
        assertEquals(LogChain.Role.RESERVE, entry.apply("res1.log").role());
        assertEquals(LogChain.Role.OTHER, entry.apply("notes.log").role());
        // which unreadable files are ERROR findings: logs and checkpoints, never reserve or temporary logs
        assertEquals("log", LogNames.unreadableKind("/x/E00.log"));
        assertEquals("log", LogNames.unreadableKind("E0000000003.JTX"));
        assertEquals("checkpoint", LogNames.unreadableKind("E00.chk"));
        assertEquals(null, LogNames.unreadableKind("E00tmp.log"));
        assertEquals(null, LogNames.unreadableKind("res2.log"));
        assertEquals(null, LogNames.unreadableKind("priv1.edb"));
    }
}
