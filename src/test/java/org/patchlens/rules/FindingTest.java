package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patchlens.model.Source;

/**
 * A finding's status and severity (docs/rules.md, Statuses): FAIL at the rule's severity, WARN below it, PASS, SKIPPED
 * with the reason; only FAIL and WARN count against {@code --fail-on}, at or above the threshold.
 */
class FindingTest {
    private static final Source SRC = new Source("SYSTEM", "Select : Current", 0x20);

    @Test
    void aFailIsAtTheRulesSeverityAndCarriesItsRemedy() {
        Finding f = Finding.fail(Rule.REG_08, "obj", "exp", Source.NONE, "act", SRC, "do this");
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("obj", f.object());
        assertEquals("exp", f.expected());
        assertEquals("act", f.actual());
        assertEquals(SRC, f.actualSource());
        assertEquals("do this", f.remedy());
        assertEquals("", f.detail());
        assertEquals(Confidence.CONFIRMED, f.confidence());
        assertEquals(Rule.REG_08.kb(), f.kb());
    }

    @Test
    void aWarnHasItsOwnSeverity() {
        Finding f = Finding.warn(Rule.REG_08, Severity.WARN, "obj", "exp", SRC, "act", SRC, "fix case");
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(SRC, f.expectedSource());
        assertEquals("fix case", f.remedy());
    }

    @Test
    void aPassHasNoRemedy() {
        Finding f = Finding.pass(Rule.IN_05, "obj", "exp", SRC, "act", Source.NONE);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("", f.remedy());
        assertEquals(Confidence.INFERRED, f.confidence());
    }

    @Test
    void aSkippedResultGivesItsReasonAndANotApplicableOneSaysSo() {
        Finding s = Finding.skipped(Rule.IN_04, "no SYSTEM hive");
        assertEquals(Status.SKIPPED, s.status());
        assertEquals(Severity.HIGH, s.severity());
        assertEquals("no SYSTEM hive", s.detail());
        assertEquals("", s.object());
        assertEquals(Source.NONE, s.expectedSource());
        assertEquals("not applicable: a stand-alone server", Finding.notApplicable(Rule.IN_07,
                "a stand-alone server").detail());
    }

    @Test
    void withDetailChangesOnlyTheDetail() {
        Finding f = Finding.fail(Rule.REG_08, "obj", "exp", SRC, "act", SRC, "do this");
        Finding d = f.withDetail("why");
        assertEquals("why", d.detail());
        assertEquals(new Finding(Rule.REG_08, Severity.CRIT, Status.FAIL, "obj", "exp", SRC, "act", SRC, "do this",
                "why"), d);
    }

    @Test
    void onlyFailuresAndWarningsAtOrAboveTheThresholdCount() {
        Finding high = Finding.fail(Rule.REG_01, "o", "e", SRC, "a", SRC, "r");
        assertTrue(high.reaches(Severity.HIGH));
        assertTrue(high.reaches(Severity.WARN));
        assertFalse(high.reaches(Severity.CRIT));
        Finding warn = Finding.warn(Rule.REG_08, Severity.WARN, "o", "e", SRC, "a", SRC, "r");
        assertTrue(warn.reaches(Severity.WARN));
        assertFalse(warn.reaches(Severity.HIGH));
        assertFalse(Finding.pass(Rule.CLU_08, "o", "e", SRC, "a", SRC).reaches(Severity.INFO));
        assertFalse(Finding.skipped(Rule.CLU_08, "why").reaches(Severity.INFO));
    }
}
