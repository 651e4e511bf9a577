package org.patchlens.rules;

import java.util.Objects;

/**
 * What one rule does at one {@link Stage}: judge the state the evidence shows, predict (before the restore: the
 * step at which the problem will appear and what the administrator will then see, so that the prediction can be
 * recognised if it comes true), or nothing (SKIPPED, not applicable, with the reason). Declared with each rule in
 * the registry {@link Rule}.
 *
 * @param step    for PREDICT, the step of the restore at which the problem shows; else null
 * @param symptom for PREDICT, what the administrator will see then (events and messages of 1.4); else ""
 * @param reason  for NOT_APPLICABLE, why; else ""
 */
public record StageRole(Stage stage, Action action, RestoreStep step, String symptom, String reason) {

    public enum Action { JUDGE, PREDICT, NOT_APPLICABLE }

    public StageRole {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(action);
        symptom = symptom == null ? "" : symptom;
        reason = reason == null ? "" : reason;
    }

    static StageRole judge(Stage stage) {
        return new StageRole(stage, Action.JUDGE, null, "", "");
    }

    /** Before the restore: the problem will show at {@code step}, where the administrator sees {@code symptom}. */
    static StageRole predict(RestoreStep step, String symptom) {
        return new StageRole(Stage.BEFORE_RESTORE, Action.PREDICT, step, symptom, "");
    }

    static StageRole notApplicable(Stage stage, String reason) {
        return new StageRole(stage, Action.NOT_APPLICABLE, null, "", reason);
    }

    /**
     * The sentence a predicted FAIL or WARN carries: "will fail at the [patch] step (isinteg -patch ...) unless the
     * remedy is followed; you would see: ...".
     */
    public String prediction() {
        return "prediction: will fail at the [" + step.tag() + "] step (" + step.label() + ") unless the remedy is "
                + "followed; you would see: " + symptom;
    }
}
