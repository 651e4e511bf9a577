package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IN-04 (exchange-restore.md 10.1 and section 3, KB Q102984): {@code Select\Current} names the control set the
 * running system used, and {@code ControlSet%03d} of it must exist; the finding reports Current, Default,
 * LastKnownGood and Failed. FAIL when Current or the set it names is missing; SKIPPED without a SYSTEM hive.
 */
class In04ControlSetTest {
    private static final String OFFLINE_NOTE = " (CurrentControlSet is absent offline, as expected)";

    @TempDir
    Path dir;

    @Test
    void passesTheBaseWithControlSet001() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.offlineBase(), dir), Rule.IN_04);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("Select\\Current", f.object());
        assertEquals("ControlSet001", f.expected());
        assertEquals(RegEvidence.valueSource(dir, RegEvidence.SYSTEM, "Select", "Current"),
                f.expectedSource().toString());
        assertEquals("ControlSet001 present", f.actual());
        assertEquals(RegEvidence.systemKey(dir, "ControlSet001"), f.actualSource().toString());
        assertEquals("Current 1, Default 1, LastKnownGood 1, Failed 0" + OFFLINE_NOTE, f.detail());
        assertEquals("", f.remedy());
    }

    @Test
    void passesTheSetSelectCurrentNamesNotControlSet001() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.controlSets.put(2, s.live().copy());
        s.current = 2;
        s.failed = 1;
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_04);
        assertEquals(Status.PASS, f.status());
        assertEquals("ControlSet002", f.expected());
        assertEquals(RegEvidence.systemKey(dir, "ControlSet002"), f.actualSource().toString());
        assertEquals("Current 2, Default 1, LastKnownGood 1, Failed 1" + OFFLINE_NOTE, f.detail());
    }

    @Test
    void failsWhenTheSetSelectCurrentNamesIsMissing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.current = 2; // only ControlSet001 is written
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("ControlSet002", f.object());
        assertEquals("ControlSet002 present", f.expected());
        assertEquals(RegEvidence.valueSource(dir, RegEvidence.SYSTEM, "Select", "Current"),
                f.expectedSource().toString());
        assertEquals("missing", f.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet002", f.actualSource().toString(),
                "no offset: not in the file");
        assertEquals(Rule.IN_04.remedy(), f.remedy());
        assertEquals("Current 2, Default 1, LastKnownGood 1, Failed 0" + OFFLINE_NOTE, f.detail());
    }

    @Test
    void failsWhenSelectCurrentIsZeroAndNoControlSet000Exists() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.current = 0;
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals("ControlSet000", f.object(), "0 is a number that names a set, not a missing value");
        assertEquals("missing", f.actual());
    }

    @Test
    void failsWhenSelectHasNoCurrentValue() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        EngineRun r = RegEvidence.run(s, dir, d -> RegEvidence.writeSystem(s, d,
                select -> select.dword("Default", 1).dword("LastKnownGood", 1).dword("Failed", 0)));
        Finding f = RegEvidence.only(r, Rule.IN_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals("Select\\Current", f.object());
        assertEquals("a REG_DWORD naming a control set", f.expected());
        assertEquals("missing", f.actual());
        assertEquals(RegEvidence.SYSTEM + " : Select : Current", f.actualSource().toString());
        assertEquals(Rule.IN_04.remedy(), f.remedy());
    }

    @Test
    void failsWhenSelectCurrentIsNotADword() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        EngineRun r = RegEvidence.run(s, dir, d -> RegEvidence.writeSystem(s, d,
                select -> select.sz("Current", "1").dword("Default", 1).dword("LastKnownGood", 1)));
        Finding f = RegEvidence.only(r, Rule.IN_04);
        assertEquals(Status.FAIL, f.status());
        assertEquals("a REG_DWORD naming a control set", f.expected());
        assertEquals("not a 4-byte REG_DWORD", f.actual(), "the value is there, of the wrong type");
        assertEquals(RegEvidence.valueSource(dir, RegEvidence.SYSTEM, "Select", "Current"),
                f.actualSource().toString());
    }

    @Test
    void isSkippedWithoutASystemHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.SYSTEM))), Rule.IN_04);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no SYSTEM hive", f.detail());
        assertEquals("", f.object());
    }
}
