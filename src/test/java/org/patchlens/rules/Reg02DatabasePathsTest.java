package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.model.Source;

/**
 * REG-02 (exchange-restore.md 10.2 and 2.2, KB Q183266): {@code ParametersPrivate\DB Path} and
 * {@code ParametersPublic\DB Path} are REG_SZ absolute local paths {@code X:\...\name.EDB}, not UNC; the file name
 * part equals the supplied database's file name. FAIL per malformed value or mismatch; SKIPPED without either IS
 * database key.
 */
class Reg02DatabasePathsTest {
    private static final String PRIV = RegEvidence.IS_PRIVATE;
    private static final String PUB = RegEvidence.IS_PUBLIC;

    @TempDir
    Path dir;

    private List<Finding> reg02(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_02);
    }

    private static RestoreScenario privDbPath(String path) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(PRIV, "DB Path", path);
        return s;
    }

    @Test
    void passesBothRegisteredPathsOfTheBase() throws Exception {
        List<Finding> f = reg02(RestoreScenario.offlineBase());
        assertEquals(2, f.size(), f.toString());
        String[][] expected = {{PRIV, "D:\\exchsrvr\\MDBDATA\\PRIV.EDB"}, {PUB, "E:\\exchsrvr\\MDBDATA\\PUB.EDB"}};
        for (int i = 0; i < 2; i++) {
            assertEquals(Status.PASS, f.get(i).status());
            assertEquals(Severity.HIGH, f.get(i).severity());
            assertEquals(expected[i][0] + " : DB Path", f.get(i).object());
            assertEquals("absolute local .EDB path", f.get(i).expected());
            assertEquals(Source.NONE, f.get(i).expectedSource());
            assertEquals(expected[i][1], f.get(i).actual());
            assertEquals(RegEvidence.systemValue(dir, 1, expected[i][0], "DB Path"),
                    f.get(i).actualSource().toString());
            assertEquals("", f.get(i).remedy());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"d:\\EXCHSRVR\\mdbdata\\priv.edb", "D:/exchsrvr/MDBDATA/PRIV.EDB"})
    void passesAPathThatDiffersOnlyInCaseOrSlashes(String path) throws Exception {
        Finding f = reg02(privDbPath(path)).get(0);
        assertEquals(Status.PASS, f.status());
        assertEquals(path, f.actual());
    }

    @Test
    void passesAnExpandableString() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().put(PRIV, "DB Path", 2, RegTree.utf16z("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"));
        assertEquals(Status.PASS, reg02(s).get(0).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB", "\\\\EXVS01\\mdbdata\\PRIV.EDB",
        "exchsrvr\\MDBDATA\\PRIV.EDB", "\\exchsrvr\\MDBDATA\\PRIV.EDB", "D:exchsrvr\\PRIV.EDB",
        "D:\\exchsrvr\\MDBDATA\\PRIV.DAT", "D:\\exchsrvr\\MDBDATA", "D:\\exchsrvr\\MDBDATA\\PRIV.EDBX", ""})
    void failsADbPathThatIsNotALocalEdbPath(String path) throws Exception {
        Finding f = reg02(privDbPath(path)).get(0);
        assertEquals(Status.FAIL, f.status(), path);
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(PRIV + " : DB Path", f.object());
        assertEquals("REG_SZ absolute local path X:\\...\\PRIV.EDB", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("REG_SZ \"" + path + "\"", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, PRIV, "DB Path"), f.actualSource().toString());
        assertEquals("Set `DB Path` to the local path of the database, e.g. D:\\exchsrvr\\MDBDATA\\PRIV.EDB "
                + "(KB Q183266).", f.remedy());
    }

    @Test
    void failsADbPathThatIsNotAString() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().dword(PUB, "DB Path", 1);
        Finding f = reg02(s).get(1);
        assertEquals(Status.FAIL, f.status());
        assertEquals(PUB + " : DB Path", f.object());
        assertEquals("REG_SZ absolute local path X:\\...\\PUB.EDB", f.expected());
        assertEquals("REG_DWORD 1", f.actual());
        assertEquals("Set `DB Path` to the local path of the database, e.g. D:\\exchsrvr\\MDBDATA\\PUB.EDB "
                + "(KB Q183266).", f.remedy());
    }

    @Test
    void failsAMissingDbPath() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(PRIV, "DB Path");
        List<Finding> f = reg02(s);
        assertEquals(2, f.size(), "the public path still passes: " + f);
        assertEquals(Status.FAIL, f.get(0).status());
        assertEquals(PRIV + " : DB Path", f.get(0).object());
        assertEquals("a REG_SZ path to PRIV.EDB", f.get(0).expected());
        assertEquals("missing", f.get(0).actual());
        assertEquals(RegEvidence.systemKey(dir, "ControlSet001\\" + PRIV), f.get(0).actualSource().toString());
        assertEquals("Re-create `DB Path` under " + PRIV + " with the database's full path (KB Q183266).",
                f.get(0).remedy());
        assertEquals(Status.PASS, f.get(1).status());
    }

    @Test
    void failsWhenTheSuppliedDatabaseIsNotTheFileTheRegistryNames() throws Exception {
        Finding f = reg02(privDbPath("D:\\exchsrvr\\MDBDATA\\PRIVATE.EDB")).get(0);
        assertEquals(Status.FAIL, f.status());
        assertEquals(PRIV + " : DB Path", f.object());
        assertEquals("PRIVATE.EDB", f.expected(), "the registered file name");
        assertEquals(RegEvidence.systemValue(dir, 1, PRIV, "DB Path"), f.expectedSource().toString());
        assertEquals("PRIV.EDB", f.actual(), "the supplied database");
        assertEquals("D/exchsrvr/MDBDATA/PRIV.EDB : file name", f.actualSource().toString());
        assertEquals("Copy PRIV.EDB to D:\\exchsrvr\\MDBDATA\\PRIVATE.EDB - restore to the registered paths "
                + "(KB Q183266).", f.remedy());
    }

    @Test
    void comparesEachDatabaseOnlyWithItsOwnKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.remove(0); // only PUB.EDB is supplied: the private path has nothing to disagree with
        s.live().sz(PRIV, "DB Path", "D:\\exchsrvr\\MDBDATA\\PRIVATE.EDB");
        List<Finding> f = reg02(s);
        assertEquals(List.of(Status.WARN, Status.PASS), f.stream().map(Finding::status).toList());
        assertEquals("PRIVATE.EDB among the evidence", f.get(0).expected(), "not compared with PUB.EDB");
        assertEquals("not among the evidence", f.get(0).actual());
    }

    @Test
    void warnsWhenTheDatabaseTheRegistryNamesIsNotAmongTheEvidence() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.remove(1); // PUB.EDB deleted from the evidence
        List<Finding> f = reg02(s);
        assertEquals(2, f.size(), f.toString());
        assertEquals(Status.PASS, f.get(0).status());
        Finding pub = f.get(1);
        assertEquals(Status.WARN, pub.status(), "it may be in place on the server: said, not a blocker");
        assertEquals(Severity.WARN, pub.severity());
        assertEquals(PUB + " : DB Path", pub.object());
        assertEquals("PUB.EDB among the evidence", pub.expected());
        assertEquals(RegEvidence.systemValue(dir, 1, PUB, "DB Path"), pub.expectedSource().toString());
        assertEquals("not among the evidence", pub.actual());
        assertEquals(Source.NONE, pub.actualSource());
        assertEquals("Copy PUB.EDB to E:\\exchsrvr\\MDBDATA\\PUB.EDB - restore to the registered paths "
                + "(KB Q183266).", pub.remedy());
        assertEquals("no header of PUB.EDB was given (the database file or its eseutil /mh output); if it is in "
                + "place, add it to the evidence", pub.detail());
    }

    @Test
    void checksOnlyTheKeyOfAPrivateOnlyServer() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(PUB);
        s.databases.remove(1);
        List<Finding> f = reg02(s);
        assertEquals(1, f.size(), f.toString());
        assertEquals(PRIV + " : DB Path", f.get(0).object());
        assertEquals(Status.PASS, f.get(0).status());
    }

    @Test
    void isSkippedWithoutAnyIsDatabaseKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(PRIV).removeKey(PUB);
        List<Finding> f = reg02(s);
        assertEquals(1, f.size());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("no MSExchangeIS ParametersPrivate/ParametersPublic key", f.get(0).detail());
    }

    @Test
    void isSkippedWhenTheCurrentSetIsMissing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.current = 3;
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_02);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("IN-04 did not resolve the current control set", f.detail());
    }
}
