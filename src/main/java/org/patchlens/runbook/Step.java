package org.patchlens.runbook;

import java.util.List;
import java.util.Objects;

/**
 * One step of the runbook.
 *
 * @param number   1, 2, ... in the order they are to be done
 * @param action   what to do, with the names from the evidence filled in
 * @param commands the exact lines to type, in order (may be empty: a step done in a program's window)
 * @param why      why this step, and what the administrator will see when it goes wrong
 * @param rules    the rule IDs behind it ("PRC-05")
 * @param kb       the KB articles behind it ("Q188674")
 */
public record Step(int number, Phase phase, String action, List<String> commands, String why, List<String> rules,
                   List<String> kb) {
    public Step {
        Objects.requireNonNull(phase, "phase");
        action = Objects.requireNonNull(action, "action");
        commands = List.copyOf(commands);
        why = why == null ? "" : why;
        rules = List.copyOf(rules);
        kb = List.copyOf(kb);
    }

    /** The same step under another number (the plan numbers its steps once they are in order). */
    Step numbered(int n) {
        return new Step(n, phase, action, commands, why, rules, kb);
    }
}
