package org.patchlens.runbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchlens.rules.CheckContext;
import org.patchlens.rules.Effective;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Status;

/**
 * Makes the {@link Runbook} of one check: the blockers (one step per failing finding that no step answers),
 * then the steps of the restore type ({@link Steps}) with the names of {@link Names}, then which step each rule's
 * findings belong to. The plan is checked against {@link Forbidden} before it is handed out.
 */
public final class RunbookPlanner {
    /**
     * Rules whose failure a step of the plan answers, so they do not block: the SET line is typed as the PATCH step
     * gives it (PRC-01, PRC-02), the checkpoint replay is avoided by the START step (CLU-08, CLU-09, PRC-05), and
     * isinteg -patch is run once where the plan says (PRC-06).
     */
    static final Set<Rule> ANSWERED = Set.of(Rule.PRC_01, Rule.PRC_02, Rule.PRC_05, Rule.PRC_06, Rule.CLU_08,
            Rule.CLU_09);

    /** The phases a rule's findings belong to, in order of preference: the first the plan has wins. */
    private static final Map<Rule, List<Phase>> PHASES = new EnumMap<>(Rule.class);

    static {
        for (Rule r : List.of(Rule.CLU_01, Rule.CLU_05, Rule.CLU_06, Rule.CLU_07, Rule.REG_09)) {
            PHASES.put(r, List.of(Phase.PREPARE));
        }
        for (Rule r : Rule.values()) {
            if (r.family().equals("REG") && r != Rule.REG_09 || r.family().equals("ESE")
                    || r.family().equals("RIP") && r != Rule.RIP_07) {
                PHASES.put(r, List.of(Phase.RESTORE));
            }
        }
        for (Rule r : List.of(Rule.CLU_02, Rule.CLU_03, Rule.CLU_04)) {
            PHASES.put(r, List.of(Phase.RESTORE));
        }
        for (Rule r : List.of(Rule.PRC_01, Rule.PRC_02, Rule.PRC_03, Rule.PRC_04, Rule.PRC_06)) {
            PHASES.put(r, List.of(Phase.PATCH, Phase.START, Phase.ONLINE));
        }
        for (Rule r : List.of(Rule.CLU_08, Rule.CLU_09, Rule.CLU_10, Rule.PRC_05, Rule.RIP_07)) {
            PHASES.put(r, List.of(Phase.START, Phase.ONLINE));
        }
        PHASES.put(Rule.CLU_11, List.of(Phase.ONLINE));
    }

    private RunbookPlanner() {
    }

    /**
     * {@code s}, its "why" ending with why names were left out of the commands, when its commands show a
     * placeholder and some name was left out (one placeholder looks like another: every reason is given).
     */
    static Step withLeftOut(Step s, List<String> leftOut) {
        if (leftOut.isEmpty() || s.commands().stream().noneMatch(c -> c.contains("<"))) {
            return s;
        }
        StringBuilder why = new StringBuilder(s.why());
        for (String reason : leftOut) {
            why.append(why.length() == 0 ? "" : " ").append(Character.toUpperCase(reason.charAt(0)))
                    .append(reason.substring(1)).append('.');
        }
        return new Step(s.number(), s.phase(), s.action(), s.commands(), why.toString(), s.rules(), s.kb());
    }

    /** The runbook for the evidence of {@code ctx} and the findings the rules gave. */
    public static Runbook plan(CheckContext ctx, List<Finding> findings) {
        Names names = Names.of(ctx);
        Effective type = ctx.restore();
        List<Step> steps = new ArrayList<>();
        Map<Finding, Integer> blockers = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (blocks(f)) {
                steps.add(blocker(steps.size() + 1, f, ctx.beforeRestore()));
                blockers.put(f, steps.size());
            }
        }
        for (Step s : Steps.of(type, names)) {
            steps.add(withLeftOut(s, names.unsafe()).numbered(steps.size() + 1));
        }
        Map<Rule, Integer> ruleSteps = new EnumMap<>(Rule.class);
        for (Map.Entry<Rule, List<Phase>> e : PHASES.entrySet()) {
            for (Phase p : e.getValue()) {
                Integer n = steps.stream().filter(s -> s.phase() == p).map(Step::number).findFirst().orElse(null);
                if (n != null) {
                    ruleSteps.put(e.getKey(), n);
                    break;
                }
            }
        }
        return checked(new Runbook(type.label(), steps, blockers, ruleSteps), type == Effective.ONLINE,
                names.cluster());
    }

    /** The plan, once {@link Forbidden} finds nothing in it; a plan that breaks the catalog is never handed out. */
    static Runbook checked(Runbook plan, boolean online, boolean cluster) {
        List<String> bad = Forbidden.violations(plan, online, cluster);
        if (!bad.isEmpty()) {
            throw new IllegalStateException("the runbook breaks the catalog: " + String.join("; ", bad));
        }
        return plan;
    }

    /** A failure at CRIT or HIGH that no step of the plan answers: fix it before restoring. */
    static boolean blocks(Finding f) {
        return f.status() == Status.FAIL && (f.severity() == Severity.CRIT || f.severity() == Severity.HIGH)
                && !ANSWERED.contains(f.rule());
    }

    /**
     * "Do not restore yet: isinteg version: found …, expected …", with the finding's remedy as the why. When the
     * evidence was copied after the restore, the plan is the one to follow again: "Fix first: …".
     */
    static Step blocker(int n, Finding f, boolean beforeRestore) {
        StringBuilder a = new StringBuilder(beforeRestore ? "Do not restore yet: " : "Fix first: ").append(f.object().isEmpty() ? f.rule().title()
                : f.object());
        if (!f.actual().isEmpty()) {
            a.append(": found ").append(f.actual());
        }
        if (!f.expected().isEmpty()) {
            a.append(", expected ").append(f.expected());
        }
        a.append('.');
        return new Step(n, Phase.BLOCKER, a.toString(), List.of(), f.remedy(), List.of(f.rule().id()), f.kb());
    }
}
