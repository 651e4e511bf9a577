package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exchange 2000/2003 .edb/.stm pairs, written by the builder, against the engine's pairing rule. */
class StreamingFilesTest {
    @TempDir
    Path dir;

    static final byte[] DBSIG = EseBuilder.sig(606486607L, EseBuilder.time(2002, 12, 30, 16, 51, 49, 0, false), "");
    static final byte[] OTHER_DBSIG = EseBuilder.sig(707070707L, EseBuilder.time(2003, 2, 1, 9, 0, 0, 0, false), "");
    static final byte[] LOGSIG = EseBuilder.sig(607052340L, EseBuilder.time(2002, 12, 30, 17, 1, 27, 0, false), "");
    static final byte[] SLVSIG = EseBuilder.sig(4242L, EseBuilder.time(2002, 12, 30, 16, 51, 50, 0, false), "");

    /** An Exchange 2003 (0x620,9) clean header; attrib 1 makes it the streaming file. */
    static EseBuilder.Database header(int attrib, byte[] dbSig) {
        return EseBuilder.Database.revision(4096, 9, 0).set("attrib", attrib).set("state", 3).set("dbSignature", dbSig)
                .set("logSignature", LOGSIG).set("slvSignature", SLVSIG)
                .set("consistentPosition", EseBuilder.lgpos(0x2B, 0xE8, 0xD0))
                .set("attachPosition", EseBuilder.lgpos(0x2C, 9, 0x86));
    }

    DatabaseHeader write(String name, EseBuilder.Database d) throws IOException {
        Path p = Files.write(dir.resolve(name), d.bytes());
        return EseFile.database(p);
    }

    static LogChain.Report chain(DatabaseHeader... dbs) {
        return LogChain.analyze(List.of(), List.of(), List.of(dbs), List.of());
    }

    @Test
    void aDatabaseAndItsStreamingFileBelongTogether() throws IOException {
        DatabaseHeader edb = write("priv1.edb", header(0, DBSIG));
        DatabaseHeader stm = write("PRIV1.STM", header(1, DBSIG));
        assertFalse(StreamingFiles.isStreamingFile(edb));
        assertTrue(StreamingFiles.isStreamingFile(stm));
        LogChain.Report r = chain(edb, stm);
        assertEquals(1, r.streamingPairs().size());
        StreamingFilePair p = r.streamingPairs().get(0);
        assertEquals(edb.file(), p.database());
        assertEquals(stm.file(), p.streamingFile());
        assertTrue(p.matches(), p.verdict());
        assertTrue(p.slvCompared());
        assertTrue(r.findings().stream().anyMatch(n -> n.level() == Note.Level.INFO
                && n.text().equals(edb.file() + " and its streaming file " + stm.file() + " belong together: the same DB "
                        + "Signature " + edb.dbSignature() + ", SLV signature and Log Signature, the same Last Attach and "
                        + "Last Consistent")), r.findings().toString());
    }

    @Test
    void anotherDatabaseSignatureIsAnErrorNamingBothFilesAndBothSignatures() throws IOException {
        DatabaseHeader edb = write("priv1.edb", header(0, DBSIG));
        DatabaseHeader stm = write("priv1.stm", header(1, OTHER_DBSIG));
        LogChain.Report r = chain(edb, stm);
        StreamingFilePair p = r.streamingPairs().get(0);
        assertEquals(List.of("DB Signature (@24)"), p.signatureDifferences());
        assertFalse(p.signaturesMatch());
        String expected = edb.file() + " and its streaming file " + stm.file() + " do not belong together: DB Signature "
                + "(@24) differ (database " + edb.dbSignature() + ", streaming file " + stm.dbSignature() + ") "
                + "(JET_errDatabaseStreamingFileMismatch -540): restore the .edb and .stm of the same backup";
        assertTrue(r.findings().stream().anyMatch(n -> n.level() == Note.Level.ERROR && n.text().equals(expected)),
                r.findings().toString());
        assertFalse(edb.dbSignature().sameAs(stm.dbSignature()), "the two signatures shown really differ");
        assertTrue(r.hasFindings());
    }

    @Test
    void anotherSlvOrLogSignatureIsAlsoAMismatch() throws IOException {
        DatabaseHeader edb = write("pub1.edb", header(0, DBSIG));
        DatabaseHeader stm = write("pub1.stm", header(1, DBSIG).set("slvSignature", OTHER_DBSIG)
                .set("logSignature", OTHER_DBSIG));
        StreamingFilePair p = chain(edb, stm).streamingPairs().get(0);
        assertEquals(List.of("SLV signature (@252)", "Log Signature (@108)"), p.signatureDifferences());
    }

    @Test
    void positionsThatDifferAreAWarningAndAnOldStreamingFileWithoutThemMatches() throws IOException {
        DatabaseHeader edb = write("priv1.edb", header(0, DBSIG));
        DatabaseHeader moved = write("priv1.stm", header(1, DBSIG).set("attachPosition", EseBuilder.lgpos(0x2D, 1, 2)));
        LogChain.Report r = chain(edb, moved);
        assertEquals(List.of("Last Attach (@80)"), r.streamingPairs().get(0).positionDifferences());
        assertTrue(r.streamingPairs().get(0).signaturesMatch());
        assertTrue(r.findings().stream().anyMatch(n -> n.level() == Note.Level.WARNING && n.text().contains(
                "carry the same signatures, but Last Attach (@80) differ")), r.findings().toString());

        Files.delete(dir.resolve("priv1.stm"));
        DatabaseHeader old = write("priv1.stm", header(1, DBSIG).set("logSignature", new byte[28])
                .set("attachPosition", new byte[8]).set("consistentPosition", new byte[8]));
        assertTrue(chain(edb, old).streamingPairs().get(0).matches());
    }

    @Test
    void aStreamingFileWithoutItsDatabaseIsNotPaired() throws IOException {
        DatabaseHeader stm = write("priv1.stm", header(1, DBSIG));
        DatabaseHeader other = write("pub1.edb", header(0, DBSIG));
        LogChain.Report r = chain(stm, other);
        assertTrue(r.streamingPairs().isEmpty());
        assertTrue(r.findings().stream().anyMatch(n -> n.text().equals(stm.file()
                + ": streaming file without a database named priv1.edb among the files given: not paired")));
    }

    @Test
    void eseLogsOverABackupFolderReportsTheMismatch() throws IOException {
        write("priv1.edb", header(0, DBSIG));
        write("priv1.stm", header(1, OTHER_DBSIG));
        EseCommandsTest.Run r = EseCommandsTest.run("ese", "logs", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("ERROR: " + dir.resolve("priv1.edb") + " and its streaming file "
                + dir.resolve("priv1.stm") + " do not belong together: DB Signature (@24) differ"), r.out());
        EseCommandsTest.Run json = EseCommandsTest.run("ese", "logs", "--format", "json", dir.toString());
        assertTrue(json.out().contains("\"signatureDifferences\" : [ \"DB Signature (@24)\" ]"), json.out());
    }
}
