package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.model.Source;

/**
 * IN-01 (exchange-restore.md 10.1): at least one SYSTEM hive and at least one store artifact (database, log, patch,
 * checkpoint or eseutil text); never SKIPPED. The store files of the one-kind cases are taken from the online base
 * scenario, which has every kind.
 */
class In01RequiredEvidenceTest {
    private static final String EXPECTED =
            ">= 1 SYSTEM hive, >= 1 store file (database, log, patch, checkpoint or eseutil text)";

    private static final String COPY = "Copy `%SystemRoot%\\system32\\config\\SYSTEM` (and `SYSTEM.LOG`, "
            + "`SYSTEM.ALT`) from the node that owned the Exchange group, and the headers of priv.edb/pub.edb/dir.edb, "
            + "edb*.log, *.pat, edb.chk (or the output of ";

    @TempDir
    static Path online;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeOnlineStoreFiles() {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.checkpointGen = 0x12;
        s.write(online);
    }

    /** The offline base without its two databases: the hives only. */
    private static RestoreScenario hivesOnly() {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.clear();
        return s;
    }

    @Test
    void passesTheBaseWithItsSystemHiveAndTwoDatabases() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.offlineBase(), dir), Rule.IN_01);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("evidence inventory", f.object());
        assertEquals(EXPECTED, f.expected());
        assertEquals("1 SYSTEM hive(s), 2 store file(s)", f.actual(), "PRIV.EDB and PUB.EDB; SOFTWARE, CLUSDB and "
                + "the .CPT hives are neither");
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals(Source.NONE, f.actualSource());
        assertEquals("", f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"D/exchsrvr/MDBDATA/PRIV.EDB", "F/exchsrvr/MDBDATA/Edb00010.log",
        "F/exchsrvr/MDBDATA/PRIV.pat", "D/exchsrvr/MDBDATA/edb.chk"})
    void passesWithExactlyOneStoreFileOfAnyKind(String storeFile) throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(hivesOnly(), dir, d -> RegEvidence.put(d, storeFile,
                Files.readAllBytes(online.resolve(storeFile)))), Rule.IN_01);
        assertEquals(Status.PASS, f.status());
        assertEquals("1 SYSTEM hive(s), 1 store file(s)", f.actual());
    }

    @Test
    void passesWithSavedEseutilOutputAsTheOnlyStoreFile() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(hivesOnly(), dir, d -> RegEvidence.put(d, "priv-mh.txt",
                RegEvidence.eseutil("mh-55.txt"))), Rule.IN_01);
        assertEquals(Status.PASS, f.status());
        assertEquals("1 SYSTEM hive(s), 1 store file(s)", f.actual());
    }

    @Test
    void failsWithoutAnyStoreFile() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(hivesOnly(), dir), Rule.IN_01);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("evidence inventory", f.object());
        assertEquals(EXPECTED, f.expected());
        assertEquals("1 SYSTEM hive(s), 0 store file(s)", f.actual());
        assertEquals(COPY + "`eseutil /mh D:\\exchsrvr\\MDBDATA\\PRIV.EDB`, `eseutil /mh E:\\exchsrvr\\MDBDATA\\PUB.EDB`"
                + ", and of `/ml` and `/mk`).", f.remedy(), "eseutil /mh names the files the registry gives");
    }

    @Test
    void quotesADbPathWithBlanksAsOneArgument() throws Exception {
        RestoreScenario s = hivesOnly();
        s.live().sz(RegEvidence.IS_PUBLIC, "DB Path", "E:\\Exchange Server\\MDBDATA\\PUB.EDB");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_01);
        assertEquals(COPY + "`eseutil /mh D:\\exchsrvr\\MDBDATA\\PRIV.EDB`, `eseutil /mh \"E:\\Exchange Server\\MDBDATA\\"
                + "PUB.EDB\"`, and of `/ml` and `/mk`).", f.remedy(), "unquoted, eseutil would take two arguments");
    }

    @Test
    void leavesADbPathACommandPromptWouldActOnOutOfTheCommand() throws Exception {
        RestoreScenario s = hivesOnly();
        s.live().sz(RegEvidence.IS_PUBLIC, "DB Path", "E:\\x&calc\\PUB.EDB");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_01);
        assertEquals(COPY + "`eseutil /mh D:\\exchsrvr\\MDBDATA\\PRIV.EDB`, `eseutil /mh <the DB Path of PUB.EDB>`"
                + ", and of `/ml` and `/mk`). The DB Path of PUB.EDB, \"E:\\x&calc\\PUB.EDB\", is left out of the "
                + "command: it holds a character a command prompt would act on (U+0026).", f.remedy());
    }

    @Test
    void failsWithoutTheSystemHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.SYSTEM))), Rule.IN_01);
        assertEquals(Status.FAIL, f.status());
        assertEquals("0 SYSTEM hive(s), 2 store file(s)", f.actual());
        assertEquals(COPY + "`eseutil /mh <the DB Path of PRIV.EDB>`, `eseutil /mh <the DB Path of PUB.EDB>`, and of "
                + "`/ml` and `/mk`).", f.remedy(), "without the registry, the placeholders the runbook uses");
        assertEquals(Rule.IN_01.remedy(), f.remedy());
    }

    @Test
    void isNeverSkippedEvenWithoutAnyEvidence() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.scan(dir, CheckOptions.NONE), Rule.IN_01);
        assertEquals(Status.FAIL, f.status());
        assertEquals("0 SYSTEM hive(s), 0 store file(s)", f.actual());
    }
}
