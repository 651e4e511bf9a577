package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RipCluEvidence.DS_RIP;
import static org.patchlens.rules.RipCluEvidence.DS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.keySource;
import static org.patchlens.rules.RipCluEvidence.only;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RIP-02: the Restore in Progress values are complete, typed and well-formed (exchange-restore.md 2.6, KB
 * Q200941; a malformed key stops the store with 1081/0x57, KB Q169859, Q232705). The online base holds a
 * well-formed IS key; each case breaks one value and expects exactly the defect that value has.
 */
class Rip02KeyValuesTest {
    private static final String PRIV = "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String PUB = "\\\\EXVS01\\E$\\exchsrvr\\MDBDATA\\PUB.EDB";
    private static final String REMEDY = "The key is malformed; the store will stop with 1081/0x57. Restore again so "
            + "the backup program rewrites it, or correct the value (KB Q232705).";

    @TempDir
    Path dir;

    private List<Finding> rip02(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.RIP_02);
    }

    /** The defects RIP-02 reports for the IS key, asserting each is a FAIL of that key with the remedy. */
    private List<String> defects(RestoreScenario s) throws Exception {
        List<Finding> f = rip02(s);
        String where = keySource(dir, SYSTEM, IS_RIP_PATH);
        for (Finding x : f) {
            assertEquals(Status.FAIL, x.status(), x.toString());
            assertEquals(Severity.HIGH, x.severity());
            assertEquals(IS_RIP_PATH, x.object());
            assertEquals("well-formed (KB Q200941)", x.expected());
            assertEquals("", x.expectedSource().toString());
            assertEquals(where, x.actualSource().toString());
            assertEquals(REMEDY, x.remedy());
        }
        return f.stream().map(Finding::actual).toList();
    }

    private static RestoreScenario withMap(long size, String... lines) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "EDB_RstMap Size", size).multiSz(IS_RIP, "EDB_RstMap", lines);
        return s;
    }

    @Test
    void passesTheWellFormedKeyOfTheOnlineBase() throws Exception {
        Finding f = only(rip02(RestoreScenario.onlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("every value present, typed and well-formed", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("well-formed", f.actual());
        assertEquals(keySource(dir, SYSTEM, IS_RIP_PATH), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LowLog Number", "HighLog Number", "EDB_RstMap", "EDB_RstMap Size", "LogPath",
        "BackupLogPath", "CheckpointFilePath", "EDB Database recovered"})
    void failsEachMissingValue(String name) throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, name);
        assertEquals(List.of(name + " missing"), defects(s));
    }

    @Test
    void failsALogNumberWrittenAsText() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "LowLog Number", "16");
        assertEquals(List.of("LowLog Number is REG_SZ, expected REG_DWORD"), defects(s));
    }

    @Test
    void failsAHighLogWrittenAsTextOnlyForItsType() throws Exception {
        // a text HighLog has no number to compare LowLog with: no "LowLog above HighLog" on top
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "HighLog Number", "16");
        assertEquals(List.of("HighLog Number is REG_SZ, expected REG_DWORD"), defects(s));
    }

    @Test
    void failsARestoreMapWrittenAsOneString() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "EDB_RstMap", PRIV);
        assertEquals(List.of("EDB_RstMap is REG_SZ, expected REG_MULTI_SZ"), defects(s));
    }

    @Test
    void failsAMapSizeWrittenAsTextOnlyForItsType() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "EDB_RstMap Size", "2");
        assertEquals(List.of("EDB_RstMap Size is REG_SZ, expected REG_DWORD"), defects(s));
    }

    @Test
    void failsALogPathOfAnotherStringType() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().put(IS_RIP, "LogPath", 2, RegTree.utf16z("\\\\EXVS01\\F$\\exchsrvr\\MDBDATA"));
        assertEquals(List.of("LogPath is REG_EXPAND_SZ, expected REG_SZ"), defects(s));
    }

    @Test
    void failsTheRecoveredFlagWrittenAsADword() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "EDB Database recovered", 0);
        assertEquals(List.of("EDB Database recovered is REG_DWORD, expected REG_BINARY",
                "EDB Database recovered is 0, expected one byte 00 or 01"), defects(s));
    }

    @Test
    void passesOneDatabaseMappedByTwoLines() throws Exception {
        assertEquals(Status.PASS, only(rip02(withMap(1, PRIV, PRIV))).status());
    }

    @Test
    void failsAMapSizeOfZero() throws Exception {
        assertEquals(List.of("EDB_RstMap Size is 0, expected 1 or 2"), defects(withMap(0, PRIV, PRIV)));
    }

    @Test
    void failsAMapSizeOfThreeAndItsLineCount() throws Exception {
        assertEquals(List.of("EDB_RstMap Size is 3, expected 1 or 2", "EDB_RstMap has 4 lines, expected 2 x 3"),
                defects(withMap(3, PRIV, PRIV, PUB, PUB)));
    }

    @Test
    void failsAStrayLineAfterThePairsQ169859() throws Exception {
        assertEquals(List.of("EDB_RstMap has 5 lines, expected 2 x 2",
                "EDB_RstMap line \"q\" is not \\\\server\\X$\\...\\name.EDB"), defects(withMap(2, PRIV, PRIV, PUB, PUB,
                "q")));
    }

    @Test
    void failsAPairWithoutItsAfterLine() throws Exception {
        assertEquals(List.of("EDB_RstMap has 3 lines, expected 2 x 2"), defects(withMap(2, PRIV, PRIV, PUB)));
    }

    @Test
    void failsTwoPairsForAMapSizeOfOne() throws Exception {
        assertEquals(List.of("EDB_RstMap has 4 lines, expected 2 x 1"), defects(withMap(1, PRIV, PRIV, PUB, PUB)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"D:\\exchsrvr\\MDBDATA\\PRIV.EDB", "\\\\EXVS01\\exchsrvr\\MDBDATA\\PRIV.EDB",
        "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.STM", "\\\\EXVS01\\D$", "   "})
    void failsAnAfterLineThatIsNotADatabaseOnAnAdminShare(String line) throws Exception {
        assertEquals(List.of("EDB_RstMap line \"" + line + "\" is not \\\\server\\X$\\...\\name.EDB"),
                defects(withMap(2, PRIV, line, PUB, PUB)));
    }

    @Test
    void failsAnEmptyLineInsideTheMap() throws Exception {
        assertEquals(List.of("EDB_RstMap line \"\" is not \\\\server\\X$\\...\\name.EDB"),
                defects(withMap(2, PRIV, "", PUB, PUB)));
    }

    @Test
    void passesDatabaseNamesInLowerCase() throws Exception {
        String priv = "\\\\exvs01\\d$\\exchsrvr\\mdbdata\\priv.edb";
        assertEquals(Status.PASS, only(rip02(withMap(2, priv, priv, PUB, PUB))).status());
    }

    @Test
    void passesTheRecoveredFlagSetAfterTheFirstStart() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().binary(IS_RIP, "EDB Database recovered", (byte) 1);
        assertEquals(Status.PASS, only(rip02(s)).status());
    }

    @Test
    void failsARecoveredFlagOfTwo() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().binary(IS_RIP, "EDB Database recovered", (byte) 2);
        assertEquals(List.of("EDB Database recovered is 02, expected one byte 00 or 01"), defects(s));
    }

    @Test
    void failsARecoveredFlagOfTwoBytes() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().binary(IS_RIP, "EDB Database recovered", (byte) 0, (byte) 0);
        assertEquals(List.of("EDB Database recovered is 0000, expected one byte 00 or 01"), defects(s));
    }

    @Test
    void passesLowLogEqualToHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0x12);
        assertEquals(Status.PASS, only(rip02(s)).status());
    }

    @Test
    void failsLowLogAboveHighLog() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0x13);
        assertEquals(List.of("LowLog Number 19 is above HighLog Number 18"), defects(s));
    }

    @Test
    void judgesTheDsKeyOnItsOwn() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.live().removeValue(DS_RIP, "CheckpointFilePath");
        List<Finding> f = rip02(s);
        assertEquals(2, f.size(), f.toString());
        assertEquals(Status.PASS, f.get(0).status());
        assertEquals(IS_RIP_PATH, f.get(0).object());
        assertEquals(Status.FAIL, f.get(1).status());
        assertEquals(DS_RIP_PATH, f.get(1).object());
        assertEquals("CheckpointFilePath missing", f.get(1).actual());
        assertEquals(keySource(dir, SYSTEM, DS_RIP_PATH), f.get(1).actualSource().toString());
    }

    @Test
    void isSkippedInAnOnlineRestoreWithoutTheKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeKey(IS_RIP);
        Finding f = only(rip02(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no Restore in Progress key", f.detail());
    }

    @Test
    void doesNotApplyToAnOfflineRestore() throws Exception {
        Finding f = only(rip02(RestoreScenario.offlineBase()));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: no Restore in Progress key (offline-pit restore)", f.detail());
    }

    @Test
    void doesNotApplyToAnOfflineRollForward() throws Exception {
        Finding f = only(rip02(RestoreScenario.offlineBase().option("--roll-forward")));
        assertEquals("not applicable: no Restore in Progress key (offline-rollforward restore)", f.detail());
    }
}
