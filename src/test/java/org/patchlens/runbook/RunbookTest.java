package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlens.model.Source;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Status;

/** A report made without a plan carries {@link Runbook#NONE}: empty, and the readers of a report tell it by that. */
class RunbookTest {
    @Test
    void noPlanIsEmptyAndAPlanOfOneStepIsNot() {
        assertTrue(Runbook.NONE.isEmpty(), "CheckReport refuses a before-restore verdict without a plan by this");
        assertEquals(0, Runbook.NONE.restoreSteps());
        assertTrue(Runbook.NONE.blockers().isEmpty());
        Finding f = new Finding(Rule.PRC_04, Severity.HIGH, Status.FAIL, "isinteg version", ">= 5.5.2654.62",
                Source.NONE, "5.5.2650.21", Source.NONE, "the remedy", "");
        assertNull(Runbook.NONE.stepOf(f));
        Step verify = new Step(1, Phase.VERIFY, "Check the application log.", List.of(), "why", List.of(), List.of());
        Runbook one = new Runbook("online", List.of(verify), Map.of(), Map.of());
        assertFalse(one.isEmpty());
        assertEquals(1, one.restoreSteps());
    }
}
