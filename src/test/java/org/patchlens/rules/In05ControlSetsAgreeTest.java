package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.model.Source;

/**
 * IN-05 (exchange-restore.md 10.1 and section 3, KB Q102984): every value of {@code Services\MSExchangeIS|DS|SA|MTA}
 * in the current set equals the same path in the Default and LastKnownGood sets when those numbers differ from
 * Current; one FAIL (severity WARN) per difference naming both sets; PASS with one set in use or all equal; SKIPPED
 * when IN-04 did not resolve the current set. A key's last-write time alone is not a different setting.
 */
class In05ControlSetsAgreeTest {
    private static final String PRIV = RegEvidence.IS_PRIVATE;
    private static final String IS_SYSTEM = RegEvidence.IS_SYSTEM;

    @TempDir
    Path dir;

    /** The offline base with ControlSet002 a copy of the live set, and Select numbers as given. */
    private static RestoreScenario twoSets(int current, int defaultSet, int lastKnownGood) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.controlSets.put(2, s.live().copy());
        s.current = current;
        s.defaultSet = defaultSet;
        s.lastKnownGood = lastKnownGood;
        return s;
    }

    private static String remedy(String current, String other, String list) {
        return "The running configuration is " + current + " (Select\\Current). " + other + " holds different Exchange "
                + "values: " + list + ". Do not boot Last Known Good; fix values in the current set only.";
    }

    @Test
    void passesWithOneControlSetInUse() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.offlineBase(), dir), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("Exchange service keys", f.object());
        assertEquals("one control set in use", f.expected());
        assertEquals("Default and LastKnownGood equal Current (1)", f.actual());
        assertEquals(RegEvidence.valueSource(dir, RegEvidence.SYSTEM, "Select", "Current"),
                f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void passesALastKnownGoodSetWithTheSameValuesWrittenAtAnotherTime() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(2).timeBelow("Services", RestoreScenario.BASE_TIME.minus(Duration.ofDays(30)));
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("Exchange service keys", f.object());
        assertEquals("identical in every control set in use", f.expected());
        assertEquals("identical", f.actual());
        assertEquals(Source.NONE, f.actualSource());
    }

    @Test
    void failsAValueTheLastKnownGoodSetHoldsDifferently() throws Exception {
        RestoreScenario s = twoSets(2, 2, 1); // S8: the old values stay in ControlSet001
        s.controlSets.get(1).sz(PRIV, "DB Path", "C:\\exchsrvr\\MDBDATA\\PRIV.EDB");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(PRIV + " : DB Path", f.object());
        assertEquals("REG_SZ \"D:\\exchsrvr\\MDBDATA\\PRIV.EDB\"", f.expected(), "the current set's value");
        assertEquals(RegEvidence.systemValue(dir, 2, PRIV, "DB Path"), f.expectedSource().toString());
        assertEquals("REG_SZ \"C:\\exchsrvr\\MDBDATA\\PRIV.EDB\"", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, PRIV, "DB Path"), f.actualSource().toString());
        assertEquals(remedy("ControlSet002", "ControlSet001", PRIV + " : DB Path"), f.remedy());
    }

    @Test
    void failsAValueTheDefaultSetHoldsDifferently() throws Exception {
        RestoreScenario s = twoSets(1, 2, 1);
        s.controlSets.get(2).dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.FAIL, f.status());
        assertEquals(IS_SYSTEM + " : Circular Logging", f.object());
        assertEquals("REG_DWORD 0", f.expected());
        assertEquals("REG_DWORD 1", f.actual());
        assertEquals(RegEvidence.systemValue(dir, 2, IS_SYSTEM, "Circular Logging"), f.actualSource().toString());
        assertEquals(remedy("ControlSet001", "ControlSet002", IS_SYSTEM + " : Circular Logging"), f.remedy());
    }

    @Test
    void comparesASetThatIsBothDefaultAndLastKnownGoodOnce() throws Exception {
        RestoreScenario s = twoSets(1, 2, 2);
        s.controlSets.get(2).dword(IS_SYSTEM, "Circular Logging", 1);
        assertEquals(1, EngineRun.of(s, dir).of(Rule.IN_05).size());
    }

    @Test
    void failsForDefaultAndLastKnownGoodSeparatelyWhenBothDiffer() throws Exception {
        RestoreScenario s = twoSets(1, 2, 3);
        s.controlSets.put(3, s.controlSets.get(1).copy());
        s.controlSets.get(2).dword(IS_SYSTEM, "Circular Logging", 1);
        s.controlSets.get(3).dword(IS_SYSTEM, "Circular Logging", 1);
        List<Finding> f = EngineRun.of(s, dir).of(Rule.IN_05);
        assertEquals(2, f.size(), f.toString());
        assertEquals(RegEvidence.systemValue(dir, 2, IS_SYSTEM, "Circular Logging"),
                f.get(0).actualSource().toString());
        assertEquals(RegEvidence.systemValue(dir, 3, IS_SYSTEM, "Circular Logging"),
                f.get(1).actualSource().toString());
    }

    @Test
    void ignoresTheFailedSet() throws Exception {
        RestoreScenario s = twoSets(1, 1, 1);
        s.failed = 2;
        s.controlSets.get(2).dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("one control set in use", f.expected());
    }

    @Test
    void ignoresADefaultNumberThatNamesNoSet() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.defaultSet = 3;
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("one control set in use", f.expected());
    }

    @Test
    void ignoresDefaultAndLastKnownGoodWhenSelectLacksThem() throws Exception {
        RestoreScenario s = twoSets(1, 1, 1);
        s.controlSets.get(2).dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(RegEvidence.run(s, dir, d -> RegEvidence.writeSystem(s, d,
                select -> select.dword("Current", 1))), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("one control set in use", f.expected());
    }

    @Test
    void comparesControlSet000WhenSelectNamesIt() throws Exception {
        RestoreScenario s = twoSets(1, 1, 1);
        s.controlSets.put(0, s.controlSets.remove(2)); // Select value N names ControlSet00N, 0 included
        s.controlSets.get(0).dword(IS_SYSTEM, "Circular Logging", 1);
        Finding f = RegEvidence.only(RegEvidence.run(s, dir, d -> RegEvidence.writeSystem(s, d,
                select -> select.dword("Current", 1).dword("Default", 0).dword("LastKnownGood", 1))), Rule.IN_05);
        assertEquals(Status.FAIL, f.status());
        assertEquals(RegEvidence.systemValue(dir, 0, IS_SYSTEM, "Circular Logging"), f.actualSource().toString());
    }

    @Test
    void failsAValuePresentInOnlyOneOfTheSets() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(1).sz(IS_SYSTEM, "Only Current", "x");
        s.controlSets.get(2).sz(IS_SYSTEM, "Only Other", "y");
        List<Finding> f = EngineRun.of(s, dir).of(Rule.IN_05);
        assertEquals(2, f.size(), f.toString());
        Finding onlyOther = f.stream().filter(x -> x.object().endsWith("Only Other")).findFirst().orElseThrow();
        assertEquals("absent", onlyOther.expected());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet001\\" + IS_SYSTEM + " : Only Other",
                onlyOther.expectedSource().toString(), "no offset: not in the current set");
        assertEquals("REG_SZ \"y\"", onlyOther.actual());
        assertEquals(RegEvidence.systemValue(dir, 2, IS_SYSTEM, "Only Other"), onlyOther.actualSource().toString());
        Finding onlyCurrent = f.stream().filter(x -> x.object().endsWith("Only Current")).findFirst().orElseThrow();
        assertEquals("REG_SZ \"x\"", onlyCurrent.expected());
        assertEquals("absent", onlyCurrent.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet002\\" + IS_SYSTEM + " : Only Current",
                onlyCurrent.actualSource().toString());
    }

    @Test
    void failsASubkeyMissingInTheOtherSetAndEachOfItsValues() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(2).removeKey("Services\\MSExchangeIS\\Diagnostics");
        List<Finding> f = EngineRun.of(s, dir).of(Rule.IN_05);
        assertEquals(2, f.size(), f.toString());
        Finding key = f.stream().filter(x -> x.object().equals("Services\\MSExchangeIS\\Diagnostics")).findFirst()
                .orElseThrow();
        assertEquals("key present", key.expected());
        assertEquals("key absent", key.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet001\\Services\\MSExchangeIS\\Diagnostics",
                key.expectedSource().toString());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet002\\Services\\MSExchangeIS\\Diagnostics",
                key.actualSource().toString());
        Finding value = f.stream().filter(x -> x.object().equals("Services\\MSExchangeIS\\Diagnostics : 1 General"))
                .findFirst().orElseThrow();
        assertEquals("REG_DWORD 0", value.expected());
        assertEquals("absent", value.actual());
    }

    @Test
    void failsASubkeyOnlyTheOtherSetHas() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(2).key("Services\\MSExchangeDS\\Restore in Progress");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals("Services\\MSExchangeDS\\Restore in Progress", f.object());
        assertEquals("key absent", f.expected());
        assertEquals("key present", f.actual());
    }

    @Test
    void failsAServiceKeyMissingInTheOtherSet() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(2).removeKey("Services\\MSExchangeMTA");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.FAIL, f.status());
        assertEquals("Services\\MSExchangeMTA", f.object());
        assertEquals("present in ControlSet001", f.expected());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet001\\Services\\MSExchangeMTA", f.expectedSource().toString());
        assertEquals("absent in ControlSet002", f.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet002\\Services\\MSExchangeMTA", f.actualSource().toString());
        assertEquals(remedy("ControlSet001", "ControlSet002", "the whole MSExchangeMTA key"), f.remedy());
    }

    @Test
    void failsAServiceKeyOnlyTheOtherSetHas() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(1).removeKey("Services\\MSExchangeSA");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals("Services\\MSExchangeSA", f.object());
        assertEquals("absent in ControlSet001", f.expected());
        assertEquals("present in ControlSet002", f.actual());
    }

    @Test
    void passesWhenAServiceIsAbsentFromBothSets() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(1).removeKey("Services\\MSExchangeMTA");
        s.controlSets.get(2).removeKey("Services\\MSExchangeMTA");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("identical", f.actual());
    }

    @Test
    void ignoresDifferencesOutsideTheExchangeServices() throws Exception {
        RestoreScenario s = twoSets(1, 1, 2);
        s.controlSets.get(2).dword("Services\\ClusSvc", "Start", 4).sz("Control\\ComputerName\\ComputerName",
                "ComputerName", "NODE2");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.PASS, f.status());
        assertEquals("identical", f.actual());
    }

    @Test
    void isSkippedWhenTheCurrentSetIsMissing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.current = 2;
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_05);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("IN-04 did not resolve the current control set", f.detail());
    }

    @Test
    void isSkippedWithoutASystemHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.SYSTEM))), Rule.IN_05);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("IN-04 did not resolve the current control set", f.detail());
    }
}
