package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REG-01 (exchange-restore.md 10.2 and section 2): {@code MSExchangeSA\Parameters}, {@code MSExchangeDS\Parameters},
 * {@code MSExchangeIS\ParametersSystem}, at least one of {@code MSExchangeIS\ParametersPrivate|ParametersPublic}
 * (a private-only or public-only server lacks one, KB Q200941) and {@code MSExchangeMTA\Parameters}, in the current
 * control set. FAIL listing the missing keys; SKIPPED when IN-04 did not resolve the control set.
 */
class Reg01ServiceKeysTest {
    private static final String EXPECTED =
            "SA, DS, IS (System + Private/Public) and MTA parameter keys in ControlSet001";

    @TempDir
    Path dir;

    private Finding reg01(RestoreScenario s) throws Exception {
        return RegEvidence.only(EngineRun.of(s, dir), Rule.REG_01);
    }

    @Test
    void passesWithEveryKeyInTheCurrentSet() throws Exception {
        Finding f = reg01(RestoreScenario.offlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("Exchange service keys", f.object());
        assertEquals(EXPECTED, f.expected());
        assertEquals(RegEvidence.valueSource(dir, RegEvidence.SYSTEM, "Select", "Current"),
                f.expectedSource().toString());
        assertEquals("all present", f.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet001\\Services", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {RegEvidence.SA, RegEvidence.DS, RegEvidence.IS_SYSTEM, RegEvidence.MTA})
    void failsAMissingParameterKey(String key) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(key);
        Finding f = reg01(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(EXPECTED, f.expected());
        assertEquals("missing: " + key, f.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet001\\Services", f.actualSource().toString());
        assertEquals(Rule.REG_01.remedy(), f.remedy());
    }

    @Test
    void listsEveryMissingKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(RegEvidence.SA).removeKey(RegEvidence.MTA);
        assertEquals("missing: " + RegEvidence.SA + ", " + RegEvidence.MTA, reg01(s).actual());
    }

    @ParameterizedTest
    @ValueSource(strings = {RegEvidence.IS_PRIVATE, RegEvidence.IS_PUBLIC})
    void passesAPrivateOnlyOrPublicOnlyServer(String absent) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(absent);
        Finding f = reg01(s);
        assertEquals(Status.PASS, f.status());
    }

    @Test
    void failsWithoutBothThePrivateAndThePublicKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(RegEvidence.IS_PRIVATE).removeKey(RegEvidence.IS_PUBLIC);
        Finding f = reg01(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("missing: " + RegEvidence.IS_PRIVATE + " or " + RegEvidence.IS_PUBLIC, f.actual());
    }

    @Test
    void readsTheSetSelectCurrentNames() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.controlSets.put(2, s.live().copy());
        s.current = 2;
        s.controlSets.get(2).removeKey(RegEvidence.MTA); // ControlSet001 still has it
        Finding f = reg01(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("SA, DS, IS (System + Private/Public) and MTA parameter keys in ControlSet002", f.expected());
        assertEquals("missing: " + RegEvidence.MTA, f.actual());
        assertEquals(RegEvidence.SYSTEM + " : ControlSet002\\Services", f.actualSource().toString());
    }

    @Test
    void isSkippedWithoutASystemHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(RegEvidence.SYSTEM))), Rule.REG_01);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("no SYSTEM hive", f.detail());
    }

    @Test
    void isSkippedWhenTheCurrentSetIsMissing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.current = 2;
        Finding f = reg01(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("IN-04 did not resolve the current control set", f.detail());
    }
}
