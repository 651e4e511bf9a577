package org.patchlens.runbook;

import java.util.List;
import java.util.Map;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.RuleEngine.CheckResult;
import org.patchlens.rules.Status;

/**
 * The ordered plan for one restore on one server: blockers first ("Do not restore yet: …"), then the steps to
 * type, with the names read from the evidence. Made by {@link RunbookPlanner}; {@link Forbidden} guarantees that
 * no step does what the catalog forbids.
 *
 * @param restoreType  the restore type the plan is for ("offline-pit", "online", …)
 * @param steps        every step, numbered from 1
 * @param blockerSteps each blocking finding and the step that names it
 * @param ruleSteps    the step each rule's findings belong to (the step that does what the rule checks)
 */
public record Runbook(String restoreType, List<Step> steps, Map<Finding, Integer> blockerSteps,
                      Map<Rule, Integer> ruleSteps) {
    /** No plan (a report made without one). */
    public static final Runbook NONE = new Runbook("unknown", List.of(), Map.of(), Map.of());

    public Runbook {
        steps = List.copyOf(steps);
        blockerSteps = Map.copyOf(blockerSteps);
        ruleSteps = Map.copyOf(ruleSteps);
    }

    /** True when nothing blocks the restore. */
    public boolean ready() {
        return blockerSteps.isEmpty();
    }

    public List<Step> blockers() {
        return steps.stream().filter(s -> s.phase() == Phase.BLOCKER).toList();
    }

    /**
     * The step a finding belongs to: its blocker step when it blocks, else the step of its rule; null for a
     * finding that belongs to no step (a skipped rule, an evidence rule, a rule whose step this plan has not).
     */
    public Integer stepOf(Finding f) {
        Integer b = blockerSteps.get(f);
        if (b != null) {
            return b;
        }
        return f.status() == Status.SKIPPED ? null : ruleSteps.get(f.rule());
    }

    /** The steps after the blockers (the restore itself). */
    public int restoreSteps() {
        return steps.size() - blockers().size();
    }

    /**
     * The before-the-restore verdict for this plan: "Not ready to restore: PRC-04 isinteg version" (its blockers)
     * or "Ready to restore, with 7 steps" (the steps after the blockers).
     */
    public String readiness() {
        List<Finding> inOrder = blockerSteps.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
        return CheckResult.readiness(inOrder, restoreSteps());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
