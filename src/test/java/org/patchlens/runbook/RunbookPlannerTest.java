package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.model.Source;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Status;

/** Which failures block the restore, and how a blocker step reads. */
class RunbookPlannerTest {
    private static Finding finding(Rule r, Severity sev, Status st, String object, String expected, String actual) {
        return new Finding(r, sev, st, object, expected, Source.NONE, actual, Source.NONE, "the remedy", "");
    }

    @Test
    void aBlockerNamesTheObjectOrElseTheRuleAndSaysOnlyWhatIsKnown() {
        Step full = RunbookPlanner.blocker(1, finding(Rule.PRC_04, Severity.HIGH, Status.FAIL, "isinteg version",
                ">= 5.5.2654.62", "5.5.2650.21"), true);
        assertEquals("Do not restore yet: isinteg version: found 5.5.2650.21, expected >= 5.5.2654.62.", full.action());
        assertEquals("the remedy", full.why());
        assertEquals(List.of("PRC-04"), full.rules());
        Step bare = RunbookPlanner.blocker(2, finding(Rule.ESE_05, Severity.HIGH, Status.FAIL, "", "", ""), false);
        assertEquals("Fix first: " + Rule.ESE_05.title() + ".", bare.action());
        assertEquals(2, bare.number());
        assertEquals(Phase.BLOCKER, bare.phase());
    }

    @Test
    void onlyFailuresAtCritOrHighThatNoStepAnswersBlock() {
        assertTrue(RunbookPlanner.blocks(finding(Rule.PRC_04, Severity.HIGH, Status.FAIL, "o", "e", "a")));
        assertTrue(RunbookPlanner.blocks(finding(Rule.ESE_01, Severity.CRIT, Status.FAIL, "o", "e", "a")));
        assertFalse(RunbookPlanner.blocks(finding(Rule.ESE_01, Severity.CRIT, Status.WARN, "o", "e", "a")));
        assertFalse(RunbookPlanner.blocks(finding(Rule.REG_06, Severity.WARN, Status.FAIL, "o", "e", "a")));
        for (Rule answered : RunbookPlanner.ANSWERED) {
            assertFalse(RunbookPlanner.blocks(finding(answered, Severity.CRIT, Status.FAIL, "o", "e", "a")),
                    answered.id() + ": a step of the plan answers it");
        }
    }
}
