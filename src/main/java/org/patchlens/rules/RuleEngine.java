package org.patchlens.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every rule of the catalog over one context, in catalog order; each rule reports at least one result. What a
 * rule does depends on the stage of the restore ({@link Rule#role}): it judges, it predicts (its failures then say
 * at which step they will show and what will be seen), or it is not applicable (SKIPPED with the reason).
 */
public final class RuleEngine {
    private RuleEngine() {
    }

    public static CheckResult run(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        for (Rule r : Rule.values()) {
            StageRole role = r.role(c.stage());
            // never empty: RuleRegistryTest fails the build on a rule that reports nothing
            switch (role.action()) {
                case JUDGE -> out.addAll(r.check(c));
                case PREDICT -> r.check(c).forEach(f -> out.add(predicted(f, role)));
                case NOT_APPLICABLE -> out.add(Finding.notApplicable(r, c.stage().label() + ": " + role.reason()));
            }
        }
        return new CheckResult(List.copyOf(out), c.restore(), c.restoreReason(), c.stage(), c.stageReason());
    }

    /** A failure or warning found before the restore, with the step at which it will show and what is seen then. */
    private static Finding predicted(Finding f, StageRole role) {
        if (f.status() != Status.FAIL && f.status() != Status.WARN) {
            return f;
        }
        return f.withDetail(role.prediction() + (f.detail().isEmpty() ? "" : ". " + f.detail()));
    }

    /**
     * The rules that gave at least one of {@code findings}, per status, each rule counted once by its worst
     * result: FAIL over WARN over PASS over SKIPPED (the order of {@link Status}). The counts add up to the
     * number of rules (every rule of the catalog for a whole run, which reports each).
     */
    public static Map<Status, Integer> ruleStatusCounts(List<Finding> findings) {
        Map<Rule, Status> worst = new EnumMap<>(Rule.class);
        for (Finding f : findings) {
            worst.merge(f.rule(), f.status(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        worst.values().forEach(s -> m.merge(s, 1, Integer::sum));
        return m;
    }

    /** The findings of one run, with the restore kind and the stage they were judged against. */
    public record CheckResult(List<Finding> findings, Effective restore, String restoreReason, Stage stage,
                              String stageReason) {
        /** A run judged after the restore (the check as it was before stages). */
        public CheckResult(List<Finding> findings, Effective restore, String restoreReason) {
            this(findings, restore, restoreReason, Stage.AFTER_RESTORE, "");
        }

        public Map<Severity, Integer> failCounts() {
            Map<Severity, Integer> m = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                m.put(s, 0);
            }
            for (Finding f : findings) {
                if (f.status() == Status.FAIL || f.status() == Status.WARN) {
                    m.merge(f.severity(), 1, Integer::sum);
                }
            }
            return m;
        }

        /** Findings per status (a rule may give several findings, e.g. one per checkpointed value). */
        public Map<Status, Integer> statusCounts() {
            Map<Status, Integer> m = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                m.put(s, 0);
            }
            findings.forEach(f -> m.merge(f.status(), 1, Integer::sum));
            return m;
        }

        /** Rules per status, each rule counted once by its worst result ({@link RuleEngine#ruleStatusCounts}). */
        public Map<Status, Integer> ruleStatusCounts() {
            return RuleEngine.ruleStatusCounts(findings);
        }

        /** The rules with at least one FAIL or WARN at or above {@code threshold}. */
        public List<String> failingRules(Severity threshold) {
            return findings.stream().filter(f -> f.reaches(threshold)).map(f -> f.rule().id()).distinct().toList();
        }

        /**
         * The before-the-restore verdict: "Not ready to restore: PRC-04 isinteg version; ..." (the first three
         * blockers by rule and object) or "Ready to restore, with N steps". The runbook passes its own blockers
         * (the failures no step answers) and step count, so the line and the plan agree.
         */
        public static String readiness(List<Finding> blockers, int steps) {
            if (blockers.isEmpty()) {
                return "Ready to restore, with " + steps + (steps == 1 ? " step" : " steps");
            }
            List<String> named = blockers.stream().map(f -> f.rule().id() + (f.object().isEmpty() ? "" : " "
                    + f.object())).distinct().toList();
            return "Not ready to restore: " + String.join("; ", named.subList(0, Math.min(3, named.size())))
                    + (named.size() > 3 ? "; and " + (named.size() - 3) + " more" : "");
        }

        /**
         * The line of the state the evidence shows: "Store will not start: 3 CRIT, 2 HIGH" / "Restore checks
         * passed: ...". Before the restore the verdict is the runbook's readiness ({@link #readiness}), which
         * knows the failures its steps answer.
         */
        public String verdict() {
            Map<Severity, Integer> n = failCounts();
            StringBuilder counts = new StringBuilder();
            for (Severity s : Severity.values()) {
                if (n.get(s) > 0) {
                    counts.append(counts.length() == 0 ? "" : ", ").append(n.get(s)).append(' ').append(s);
                }
            }
            if (n.get(Severity.CRIT) > 0) {
                return "Store will not start: " + counts;
            }
            if (n.get(Severity.HIGH) > 0) {
                return "Store is unlikely to start: " + counts;
            }
            if (counts.length() > 0) {
                return "No blocking findings; warnings: " + counts;
            }
            return "No findings: every check passed or was skipped with a reason";
        }
    }
}
