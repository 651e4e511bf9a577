package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule declares what it does at every stage of the restore (issue 15): the build fails on a rule that leaves
 * one out, on a prediction that does not say at which step it shows and what is seen then, and on a
 * not-applicable without its reason. After the restore every rule judges, as the check always did.
 */
class RuleStagesTest {
    @Test
    void everyRuleDeclaresEveryStage() {
        List<String> missing = new ArrayList<>();
        for (Rule r : Rule.values()) {
            for (Stage s : Stage.values()) {
                if (r.role(s) == null) {
                    missing.add(r.id() + " at " + s.label());
                } else {
                    assertEquals(s, r.role(s).stage(), r.id());
                }
            }
        }
        assertEquals(List.of(), missing, "rules without a declaration for a stage (Rule.java)");
        for (Rule r : Rule.values()) {
            assertEquals(java.util.EnumSet.allOf(Stage.class), r.roles().keySet(), r.id() + ": roles() lists them");
        }
    }

    @Test
    void aPredictionSaysTheStepAndTheSymptomANotApplicableItsReason() {
        for (Rule r : Rule.values()) {
            for (StageRole role : r.roles().values()) {
                switch (role.action()) {
                    case PREDICT -> {
                        assertEquals(Stage.BEFORE_RESTORE, role.stage(), r.id() + ": only before the restore");
                        assertNotNull(role.step(), r.id());
                        assertFalse(role.symptom().isBlank(), r.id() + ": what the administrator will see");
                        assertTrue(role.symptom().contains("KB Q"), r.id() + ": the symptom names its source");
                    }
                    case NOT_APPLICABLE -> assertFalse(role.reason().isBlank(), r.id() + ": the reason");
                    case JUDGE -> assertNull(role.step(), r.id());
                }
            }
        }
    }

    @Test
    void afterTheRestoreEveryRuleJudgesAsBefore() {
        for (Rule r : Rule.values()) {
            assertEquals(StageRole.Action.JUDGE, r.role(Stage.AFTER_RESTORE).action(), r.id());
            assertEquals(StageRole.Action.JUDGE, r.role(Stage.AFTER_PATCH).action(), r.id());
        }
    }

    @Test
    void aPredictionReadsAsTheStepTagAndWhatIsSeen() {
        StageRole r = Rule.PRC_02.role(Stage.BEFORE_RESTORE);
        assertEquals("prediction: will fail at the [patch] step (isinteg -patch (offline restore only), after SET "
                + "_CLUSTER_NETWORK_NAME_ in the same prompt) unless the remedy is followed; you would see: \"The "
                + "private store could not be updated. Reason: JET_errKeyDuplicate\" (KB Q178311)", r.prediction());
    }
}
