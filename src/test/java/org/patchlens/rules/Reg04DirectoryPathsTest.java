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
 * REG-04 (exchange-restore.md 10.2 and 2.3, KB Q263548): {@code MSExchangeDS\Parameters} has
 * {@code DSA Database file}, {@code Database log files path} and {@code DSA Working Directory} as REG_SZ absolute
 * (local) paths, a missing one stopping the DS with event 1016; a supplied dir.edb has the registered file name. Value
 * names are matched case-insensitively ({@code Dsa Database File} is the same value). FAIL per value; SKIPPED
 * without the DS key.
 */
class Reg04DirectoryPathsTest {
    private static final String DS = RegEvidence.DS;

    @TempDir
    Path dir;

    private List<Finding> reg04(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_04);
    }

    /** The offline base with the directory database supplied too. */
    private static RestoreScenario withDirEdb() {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.add(new RestoreScenario.Db("D/exchsrvr/DSADATA", "DIR.EDB", 3, 0x10, 0x10, 0x44495221L));
        return s;
    }

    @Test
    void passesTheBaseDirectoryPaths() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(withDirEdb(), dir), Rule.REG_04);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(DS, f.object());
        assertEquals("DSA Database file, Database log files path, DSA Working Directory", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("D:\\exchsrvr\\DSADATA\\DIR.EDB", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, DS, "DSA Database file"), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void findsTheDatabaseValueWhateverTheCaseOfItsName() throws Exception {
        RestoreScenario s = withDirEdb();
        s.live().removeValue(DS, "DSA Database file").sz(DS, "Dsa Database File", "D:\\exchsrvr\\DSADATA\\DIR.EDB");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(Status.PASS, f.status());
        assertEquals(RegEvidence.systemValue(dir, 1, DS, "Dsa Database File"), f.actualSource().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DSA Database file", "Database log files path", "DSA Working Directory"})
    void failsAMissingValueWithEvent1016(String name) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(DS, name);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(DS + " : " + name, f.object());
        assertEquals("REG_SZ absolute local path", f.expected());
        assertEquals("missing (the DS stops with event 1016)", f.actual());
        assertEquals(RegEvidence.systemKey(dir, "ControlSet001\\" + DS), f.actualSource().toString());
        assertEquals("Re-create `" + name + "` under MSExchangeDS\\Parameters (KB Q263548).", f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\EXVS01\\D$\\exchsrvr\\DSADATA", "DSADATA", "D:DSADATA", ""})
    void failsAPathThatIsNotAbsoluteAndLocal(String path) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(DS, "DSA Working Directory", path);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(Status.FAIL, f.status(), path);
        assertEquals(DS + " : DSA Working Directory", f.object());
        assertEquals("REG_SZ \"" + path + "\"", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, DS, "DSA Working Directory"), f.actualSource().toString());
        assertEquals("Re-create `DSA Working Directory` under MSExchangeDS\\Parameters (KB Q263548).", f.remedy());
    }

    @Test
    void failsAPathStoredAsBinary() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().binary(DS, "Database log files path", (byte) 0x44, (byte) 0x3A);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals("REG_BINARY 443a", f.actual());
    }

    @Test
    void failsASuppliedDirEdbTheRegistryDoesNotName() throws Exception {
        RestoreScenario s = withDirEdb();
        s.live().sz(DS, "DSA Database file", "D:\\exchsrvr\\DSADATA\\DIRECTORY.EDB");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals(DS + " : DSA Database file", f.object());
        assertEquals("DIRECTORY.EDB", f.expected());
        assertEquals(RegEvidence.systemValue(dir, 1, DS, "DSA Database file"), f.expectedSource().toString());
        assertEquals("DIR.EDB", f.actual());
        assertEquals("D/exchsrvr/DSADATA/DIR.EDB : file name", f.actualSource().toString());
        assertEquals("Restore dir.edb to D:\\exchsrvr\\DSADATA\\DIRECTORY.EDB (KB Q183266).", f.remedy());
    }

    @Test
    void comparesOnlyADatabaseNamedDirEdb() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase(); // PRIV.EDB and PUB.EDB only
        s.live().sz(DS, "DSA Database file", "D:\\exchsrvr\\DSADATA\\DIRECTORY.EDB");
        assertEquals(Status.PASS, RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04).status());
    }

    @Test
    void reportsOnlyTheMissingValueWhenTheDatabaseValueIsMissingBesideADirEdb() throws Exception {
        RestoreScenario s = withDirEdb();
        s.live().removeValue(DS, "DSA Database file");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(DS + " : DSA Database file", f.object());
        assertEquals("missing (the DS stops with event 1016)", f.actual());
    }

    @Test
    void isSkippedWithoutTheDirectoryKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(DS);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_04);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no MSExchangeDS\\Parameters key", f.detail());
    }
}
