package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlens.model.Source;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Status;

/** Which failures block the restore, how a blocker step reads, and the plan that is never handed out. */
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

    @Test
    void aFindingWithoutARemedyGivesABlockerWithAnEmptyWhyNotNull() {
        Finding noRemedy = new Finding(Rule.ESE_05, Severity.HIGH, Status.FAIL, "log gaps", "none", Source.NONE,
                "0x12", Source.NONE, null, "");
        Step b = RunbookPlanner.blocker(1, noRemedy, true);
        assertEquals("", b.why(), "the text, the sheet and the CSV write the why as it is: never \"null\"");
        assertEquals("Do not restore yet: log gaps: found 0x12, expected none.", b.action());
    }

    @Test
    void aPlanThatBreaksTheCatalogIsRefusedAndASoundOneHandedOut() {
        Step ask = new Step(1, Phase.ASK, "first start", List.of("net start MSExchangeIS"), "", List.of(), List.of());
        Step patch = new Step(2, Phase.PATCH, "patch", List.of("cd /d D:\\exchsrvr\\bin", "isinteg -patch"), "",
                List.of(), List.of());
        Runbook sound = new Runbook("offline-pit", List.of(ask, patch), Map.of(), Map.of());
        assertSame(sound, RunbookPlanner.checked(sound, false, false));
        Runbook early = new Runbook("offline-pit", List.of(patch.numbered(1), ask.numbered(2)), Map.of(), Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunbookPlanner.checked(early, false, false));
        assertEquals("the runbook breaks the catalog: step 1: isinteg -patch before the store asked for it (KB "
                + "Q296787)", e.getMessage());
        IllegalStateException online = assertThrows(IllegalStateException.class,
                () -> RunbookPlanner.checked(sound, true, false), "the sound offline plan read as an online one");
        assertTrue(online.getMessage().contains("step 2: isinteg -patch after an online restore (KB Q231299)"),
                online.getMessage());
    }
}
