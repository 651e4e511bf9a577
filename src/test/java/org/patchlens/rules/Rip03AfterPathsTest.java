package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RipCluEvidence.DS_RIP;
import static org.patchlens.rules.RipCluEvidence.DS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RIP-03: each even ("after") line of EDB_RstMap, in local form, is the registered path of the database of that
 * name: ParametersPrivate/ParametersPublic {@code DB Path} for the IS, {@code DSA Database file} for the DS (KB
 * Q200941, Q262041). The online base maps PRIV.EDB and PUB.EDB onto their registered paths.
 */
class Rip03AfterPathsTest {
    private static final String PRIV_AT_D = "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV.EDB";
    private static final String PUB_AT_E = "\\\\EXVS01\\E$\\exchsrvr\\MDBDATA\\PUB.EDB";
    private static final String PRIV_KEY = "ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate";

    @TempDir
    Path dir;

    private List<Finding> rip03(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.RIP_03);
    }

    private static RestoreScenario withMap(String... lines) {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().multiSz(IS_RIP, "EDB_RstMap", lines);
        return s;
    }

    private String mapSource() {
        return valueSource(dir, SYSTEM, IS_RIP_PATH, "EDB_RstMap");
    }

    @Test
    void passesEachAfterLineEqualToTheRegisteredPath() throws Exception {
        List<Finding> f = rip03(RestoreScenario.onlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = f.get(0);
        assertEquals(Status.PASS, priv.status());
        assertEquals(Severity.CRIT, priv.severity());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap line 2", priv.object());
        assertEquals("D:\\exchsrvr\\MDBDATA\\PRIV.EDB", priv.expected());
        assertEquals(valueSource(dir, SYSTEM, PRIV_KEY, "DB Path"), priv.expectedSource().toString());
        assertEquals(PRIV_AT_D, priv.actual());
        assertEquals(mapSource(), priv.actualSource().toString());
        assertEquals("", priv.remedy());
        Finding pub = f.get(1);
        assertEquals(Status.PASS, pub.status());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap line 4", pub.object());
        assertEquals("E:\\exchsrvr\\MDBDATA\\PUB.EDB", pub.expected());
        assertEquals(valueSource(dir, SYSTEM, "ControlSet001\\Services\\MSExchangeIS\\ParametersPublic", "DB Path"),
                pub.expectedSource().toString());
    }

    @Test
    void failsAnAfterLineInAnotherFolderThanTheRegisteredPath() throws Exception {
        String privAtG = "\\\\EXVS01\\G$\\exchsrvr\\MDBDATA\\PRIV.EDB";
        List<Finding> f = rip03(withMap(PRIV_AT_D, privAtG, PUB_AT_E, PUB_AT_E));
        Finding priv = f.get(0);
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.CRIT, priv.severity());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap line 2", priv.object());
        assertEquals("D:\\exchsrvr\\MDBDATA\\PRIV.EDB", priv.expected());
        assertEquals(valueSource(dir, SYSTEM, PRIV_KEY, "DB Path"), priv.expectedSource().toString());
        assertEquals(privAtG + " (local G:\\exchsrvr\\MDBDATA\\PRIV.EDB)", priv.actual());
        assertEquals(mapSource(), priv.actualSource().toString());
        assertEquals("The restore will write/replay into G:\\exchsrvr\\MDBDATA\\PRIV.EDB, but the store opens "
                + "D:\\exchsrvr\\MDBDATA\\PRIV.EDB. Restore again to the registered paths.", priv.remedy());
        assertEquals(Status.PASS, f.get(1).status(), "PUB.EDB is still mapped onto its registered path");
    }

    @Test
    void failsAnAfterLineNamingNoRegisteredDatabase() throws Exception {
        String other = "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\PRIV2.EDB";
        Finding f = rip03(withMap(PRIV_AT_D, other, PUB_AT_E, PUB_AT_E)).get(0);
        assertEquals(Status.FAIL, f.status());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap line 2", f.object());
        assertEquals("one of the registered database paths", f.expected());
        assertEquals(valueSource(dir, SYSTEM, PRIV_KEY, "DB Path"), f.expectedSource().toString());
        assertEquals(other, f.actual());
        assertEquals(mapSource(), f.actualSource().toString());
        assertEquals("The restore will write/replay into " + other + ", but no registered database has that name. "
                + "Restore again to the registered paths.", f.remedy());
    }

    @Test
    void failsThePublicLineWhenOnlyThePrivateDatabaseIsRegistered() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue("Services\\MSExchangeIS\\ParametersPublic", "DB Path");
        List<Finding> f = rip03(s);
        assertEquals(List.of(Status.PASS, Status.FAIL), f.stream().map(Finding::status).toList());
        assertEquals(IS_RIP_PATH + " : EDB_RstMap line 4", f.get(1).object());
        assertEquals("one of the registered database paths", f.get(1).expected());
        assertEquals(PUB_AT_E, f.get(1).actual());
    }

    @Test
    void comparesThePathsIgnoringCase() throws Exception {
        String lower = "\\\\exvs01\\d$\\EXCHSRVR\\mdbdata\\priv.edb";
        Finding f = rip03(withMap(PRIV_AT_D, lower, PUB_AT_E, PUB_AT_E)).get(0);
        assertEquals(Status.PASS, f.status());
        assertEquals(lower, f.actual());
    }

    @Test
    void leavesTheBeforeLinesToRip04() throws Exception {
        String privAtG = "\\\\EXVS01\\G$\\exchsrvr\\MDBDATA\\PRIV.EDB";
        List<Finding> f = rip03(withMap(privAtG, PRIV_AT_D, privAtG, PUB_AT_E));
        assertEquals(List.of(Status.PASS, Status.PASS), f.stream().map(Finding::status).toList());
    }

    @Test
    void comparesTheDirectoryWithTheDsaDatabaseFile() throws Exception {
        List<Finding> f = rip03(RipCluEvidence.onlineWithDirectory());
        assertEquals(3, f.size(), f.toString());
        Finding ds = f.get(2);
        assertEquals(Status.PASS, ds.status());
        assertEquals(DS_RIP_PATH + " : EDB_RstMap line 2", ds.object());
        assertEquals("D:\\exchsrvr\\DSADATA\\DIR.EDB", ds.expected());
        assertEquals(valueSource(dir, SYSTEM, "ControlSet001\\Services\\MSExchangeDS\\Parameters",
                "DSA Database file"), ds.expectedSource().toString());
        assertEquals(valueSource(dir, SYSTEM, DS_RIP_PATH, "EDB_RstMap"), ds.actualSource().toString());
    }

    @Test
    void failsADirectoryMappedOntoAnInformationStorePath() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.live().multiSz(DS_RIP, "EDB_RstMap", "\\\\EXVS01\\D$\\exchsrvr\\DSADATA\\DIR.EDB",
                "\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\DIR.EDB");
        Finding ds = rip03(s).get(2);
        assertEquals(Status.FAIL, ds.status());
        assertEquals("D:\\exchsrvr\\DSADATA\\DIR.EDB", ds.expected());
        assertEquals("\\\\EXVS01\\D$\\exchsrvr\\MDBDATA\\DIR.EDB (local D:\\exchsrvr\\MDBDATA\\DIR.EDB)", ds.actual());
    }

    @Test
    void isSkippedWithoutARestoreMap() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue(IS_RIP, "EDB_RstMap");
        Finding f = only(rip03(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals(IS_RIP_PATH + ": no usable EDB_RstMap (RIP-02)", f.detail());
    }

    @Test
    void isSkippedForARestoreMapWrittenAsOneString() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().sz(IS_RIP, "EDB_RstMap", PRIV_AT_D);
        assertEquals(IS_RIP_PATH + ": no usable EDB_RstMap (RIP-02)", only(rip03(s)).detail());
    }

    @Test
    void isSkippedWithoutARegisteredDatabasePath() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeValue("Services\\MSExchangeIS\\ParametersPrivate", "DB Path")
                .removeValue("Services\\MSExchangeIS\\ParametersPublic", "DB Path");
        Finding f = only(rip03(s));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no registered database path for MSExchangeIS", f.detail());
    }

    @Test
    void isSkippedForTheDirectoryWithoutItsDsaDatabaseFile() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.live().removeValue("Services\\MSExchangeDS\\Parameters", "DSA Database file");
        Finding f = rip03(s).get(2);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no registered database path for MSExchangeDS", f.detail());
    }

    @Test
    void isSkippedForAMapWithoutAnAfterLine() throws Exception {
        Finding f = only(rip03(withMap(PRIV_AT_D)));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals(IS_RIP_PATH + ": no \"after\" line in EDB_RstMap (RIP-02)", f.detail());
    }

    @Test
    void doesNotApplyToAnOfflineRestore() throws Exception {
        Finding f = only(rip03(RestoreScenario.offlineBase()));
        assertEquals("not applicable: no Restore in Progress key (offline-pit restore)", f.detail());
    }
}
