package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.model.Source;

/**
 * REG-03 (exchange-restore.md 10.2, 2.1 and 2.6, KB Q183266, Q200941): {@code ParametersSystem\DB Log Path} and
 * {@code Working Directory} present, REG_SZ, absolute local folders; with a Restore in Progress key, the local form
 * of {@code LogPath} and {@code BackupLogPath} equals {@code DB Log Path} and that of {@code CheckpointFilePath}
 * equals {@code Working Directory} (case-insensitive, trailing backslashes removed, {@code \\NAME\X$\rest} is
 * {@code X:\rest}). FAIL (severity WARN) per problem; SKIPPED without ParametersSystem.
 */
class Reg03LogPathsTest {
    private static final String IS_SYSTEM = RegEvidence.IS_SYSTEM;
    private static final String RIP = RegEvidence.IS_RIP;

    @TempDir
    Path dir;

    private List<Finding> reg03(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_03);
    }

    private static String remedy(String valueName, String registered, String restored) {
        return "Registry says " + valueName + " " + registered + "; the restore wrote " + restored + ". Put the logs "
                + "and .pat files in " + registered + " or re-run the restore with the right paths (KB Q200941).";
    }

    @Test
    void passesAbsoluteLocalFoldersWithoutARestoreInProgressKey() throws Exception {
        List<Finding> f = reg03(RestoreScenario.offlineBase());
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.PASS, f.get(0).status());
        assertEquals(Severity.WARN, f.get(0).severity());
        assertEquals(IS_SYSTEM, f.get(0).object());
        assertEquals("DB Log Path and Working Directory: absolute local folders", f.get(0).expected());
        assertEquals(Source.NONE, f.get(0).expectedSource());
        assertEquals("F:\\exchsrvr\\MDBDATA ; D:\\exchsrvr\\MDBDATA", f.get(0).actual());
        assertEquals(RegEvidence.systemValue(dir, 1, IS_SYSTEM, "DB Log Path"), f.get(0).actualSource().toString());
        assertEquals("", f.get(0).remedy());
    }

    @Test
    void passesRestoreInProgressPathsThatNameTheRegisteredFolders() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.onlineBase(), dir), Rule.REG_03);
        assertEquals(Status.PASS, f.status());
        assertEquals("DB Log Path and Working Directory: absolute local folders matching the Restore in Progress "
                + "paths", f.expected());
    }

    @Test
    void passesRestoreInProgressPathsThatDifferOnlyInCaseAndATrailingBackslash() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(RIP, "LogPath", "\\\\exvs01\\f$\\EXCHSRVR\\mdbdata\\")
                .sz(RIP, "CheckpointFilePath", "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\\\");
        assertEquals(Status.PASS, RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03).status());
    }

    @ParameterizedTest
    @CsvSource({"LogPath, DB Log Path, F:\\exchsrvr\\MDBDATA", "BackupLogPath, DB Log Path, F:\\exchsrvr\\MDBDATA",
        "CheckpointFilePath, Working Directory, D:\\exchsrvr\\MDBDATA"})
    void failsARestoreInProgressPathOtherThanTheRegisteredFolder(String ripValue, String registered,
                                                                  String registeredPath) throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        String restored = "\\\\EXVS01\\G$\\restore\\" + ripValue;
        s.live().sz(RIP, ripValue, restored);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("Restore in Progress : " + ripValue, f.object());
        assertEquals(registeredPath, f.expected());
        assertEquals(RegEvidence.systemValue(dir, 1, IS_SYSTEM, registered), f.expectedSource().toString());
        assertEquals(restored, f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, RIP, ripValue), f.actualSource().toString());
        assertEquals(remedy(registered, registeredPath, restored), f.remedy());
    }

    @Test
    void comparesTheKeyUnderItsOtherSpellingToo() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        String other = "Services\\MSExchangeIS\\RestoreInProgress"; // the 5.0 / 2000 spelling (section 2.6)
        s.live().key(other).values.putAll(s.live().key(RIP).values);
        s.live().removeKey(RIP);
        s.live().sz(other, "LogPath", "\\\\EXVS01\\G$\\logs");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals(RegEvidence.systemValue(dir, 1, other, "LogPath"), f.actualSource().toString());
    }

    @Test
    void leavesAMissingRestoreInProgressValueToRip02() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(RIP, "LogPath").removeValue(RIP, "CheckpointFilePath");
        assertEquals(Status.PASS, RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB Log Path", "Working Directory"})
    void failsAMissingFolderValue(String name) throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_SYSTEM, name);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03);
        assertEquals(Status.FAIL, f.status(), "and no comparison with the Restore in Progress paths");
        assertEquals(IS_SYSTEM + " : " + name, f.object());
        assertEquals("REG_SZ absolute local folder", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("missing", f.actual());
        assertEquals(RegEvidence.systemKey(dir, "ControlSet001\\" + IS_SYSTEM), f.actualSource().toString());
        assertEquals("Set `" + name + "` under MSExchangeIS\\ParametersSystem to the local folder (KB Q183266).",
                f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\EXVS01\\F$\\exchsrvr\\MDBDATA", "exchsrvr\\MDBDATA", "F:", ""})
    void failsALogFolderThatIsNotAnAbsoluteLocalFolder(String path) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(IS_SYSTEM, "DB Log Path", path);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03);
        assertEquals(Status.FAIL, f.status(), path);
        assertEquals(IS_SYSTEM + " : DB Log Path", f.object());
        assertEquals("REG_SZ \"" + path + "\"", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, IS_SYSTEM, "DB Log Path"), f.actualSource().toString());
    }

    @Test
    void failsAWorkingDirectoryStoredAsADword() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase(); // KB Q257252 lists REG_DWORD: a typo, it holds a path
        s.live().dword(IS_SYSTEM, "Working Directory", 0);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals(IS_SYSTEM + " : Working Directory", f.object());
        assertEquals("REG_DWORD 0", f.actual());
    }

    @Test
    void isSkippedWithoutParametersSystem() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(IS_SYSTEM);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_03);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no MSExchangeIS\\ParametersSystem key", f.detail());
    }
}
