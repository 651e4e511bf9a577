package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RipCluEvidence.DS_RIP;
import static org.patchlens.rules.RipCluEvidence.DS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.IS_RIP;
import static org.patchlens.rules.RipCluEvidence.IS_RIP_PATH;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.keySource;
import static org.patchlens.rules.RipCluEvidence.only;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RIP-01: a Restore in Progress key after an online restore, none after an offline one (KB Q200941, Q181795).
 * Expected values come from the restore type the operator gave; actual values from the SYSTEM hive written.
 */
class Rip01KeyPresenceTest {
    private static final String ANY_KEY = "ControlSet001\\Services\\MSExchangeIS|MSExchangeDS\\Restore in Progress";

    @TempDir
    Path dir;

    @Test
    void passesTheIsKeyOfAnOnlineRestore() throws Exception {
        Finding f = only(RestoreScenario.onlineBase(), dir, Rule.RIP_01);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("present (online restore)", f.expected());
        assertEquals("(command line) : --restore-type", f.expectedSource().toString());
        assertEquals("present as \"Restore in Progress\"", f.actual());
        assertEquals(keySource(dir, SYSTEM, IS_RIP_PATH), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void reportsTheSpellingWithoutSpacesOfExchange50() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        renameIsKey(s, "Services\\MSExchangeIS\\RestoreInProgress");
        Finding f = only(s, dir, Rule.RIP_01);
        assertEquals(Status.PASS, f.status());
        assertEquals("ControlSet001\\Services\\MSExchangeIS\\RestoreInProgress", f.object());
        assertEquals("present as \"RestoreInProgress\"", f.actual());
    }

    @Test
    void passesBothKeysTheIsKeyFirst() throws Exception {
        List<Finding> f = RipCluEvidence.findings(RipCluEvidence.onlineWithDirectory(), dir, Rule.RIP_01);
        assertEquals(2, f.size(), f.toString());
        assertEquals(IS_RIP_PATH, f.get(0).object());
        assertEquals(DS_RIP_PATH, f.get(1).object());
        assertEquals(Status.PASS, f.get(1).status());
        assertEquals(keySource(dir, SYSTEM, DS_RIP_PATH), f.get(1).actualSource().toString());
    }

    @Test
    void passesTheDsKeyAloneOfAnOnlineRestoreOfTheDirectory() throws Exception {
        RestoreScenario s = RipCluEvidence.onlineWithDirectory();
        s.live().removeKey(IS_RIP);
        Finding f = only(s, dir, Rule.RIP_01);
        assertEquals(Status.PASS, f.status());
        assertEquals(DS_RIP_PATH, f.object());
    }

    @Test
    void failsAnOnlineRestoreWithoutTheKey() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeKey(IS_RIP);
        Finding f = only(s, dir, Rule.RIP_01);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("Restore in Progress", f.object());
        assertEquals("present (online restore)", f.expected());
        assertEquals("(command line) : --restore-type", f.expectedSource().toString());
        assertEquals("absent", f.actual());
        assertEquals(SYSTEM + " : " + ANY_KEY, f.actualSource().toString());
        assertEquals("Run the online restore again (do not start from Cluster Administrator), or re-create the key "
                + "from the worksheet in KB Q200941.", f.remedy());
    }

    @Test
    void namesTheCurrentControlSetWhereTheKeyIsMissing() throws Exception {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.live().removeKey(IS_RIP);
        s.controlSets.put(2, s.live());
        s.controlSets.put(1, RestoreScenario.exchangeSet("NODE1"));
        s.current = 2;
        s.defaultSet = 2;
        Finding f = only(s, dir, Rule.RIP_01);
        assertEquals(Status.FAIL, f.status());
        assertEquals(SYSTEM + " : ControlSet002\\Services\\MSExchangeIS|MSExchangeDS\\Restore in Progress",
                f.actualSource().toString());
    }

    @Test
    void passesAnOfflineRestoreWithoutTheKey() throws Exception {
        Finding f = only(RestoreScenario.offlineBase(), dir, Rule.RIP_01);
        assertEquals(Status.PASS, f.status());
        assertEquals("Restore in Progress", f.object());
        assertEquals("absent (offline restore)", f.expected());
        assertEquals("(command line) : --restore-type", f.expectedSource().toString());
        assertEquals("absent", f.actual());
        assertEquals(SYSTEM + " : " + ANY_KEY, f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAKeyLeftOverInAnOfflineRestore() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().dword(IS_RIP, "LowLog Number", 0x10);
        Finding f = only(s, dir, Rule.RIP_01);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(IS_RIP_PATH, f.object());
        assertEquals("absent (offline restore)", f.expected());
        assertEquals("(command line) : --restore-type", f.expectedSource().toString());
        assertEquals("present", f.actual());
        assertEquals(keySource(dir, SYSTEM, IS_RIP_PATH), f.actualSource().toString());
        assertEquals("Export the key with regedit, then delete `" + IS_RIP_PATH + "` before starting (KB Q181795, "
                + "Q200941).", f.remedy());
    }

    @Test
    void failsEveryKeyLeftOverInAnOfflineRollForward() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        s.live().dword(IS_RIP, "LowLog Number", 0x10).dword(DS_RIP, "LowLog Number", 0x20);
        List<Finding> f = RipCluEvidence.findings(s, dir, Rule.RIP_01);
        assertEquals(List.of(IS_RIP_PATH, DS_RIP_PATH), f.stream().map(Finding::object).toList());
        assertEquals(List.of(Status.FAIL, Status.FAIL), f.stream().map(Finding::status).toList());
        assertEquals("Export the key with regedit, then delete `" + DS_RIP_PATH + "` before starting (KB Q181795, "
                + "Q200941).", f.get(1).remedy());
    }

    @Test
    void isSkippedWhenTheRestoreTypeIsLeftToAuto() throws Exception {
        Finding f = only(RestoreScenario.onlineBase().unset("--restore-type"), dir, Rule.RIP_01);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("restore type not given (--restore-type); AUTO decides it from this very key", f.detail());
    }

    @Test
    void isSkippedWithoutASystemHive() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.onlineBase(), dir,
                d -> Files.delete(d.resolve(SYSTEM))).of(Rule.RIP_01));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no SYSTEM hive", f.detail());
    }

    /** Moves every value of the IS key to a key of another name. */
    private static void renameIsKey(RestoreScenario s, String newPath) {
        RegTree.Node old = s.live().key(IS_RIP);
        old.values.values().forEach(v -> s.live().put(newPath, v.name(), v.type(), v.data()));
        s.live().removeKey(IS_RIP);
    }
}
