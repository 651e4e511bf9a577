package org.patchlens.rules;

import java.util.List;

/** A RIP rule that reads the Restore in Progress keys (RIP-02 to RIP-07): without one it does not apply. */
abstract class RipUnit extends RuleUnit {
    RipUnit(String title, Severity severity, Confidence confidence, List<String> kb, String remedy) {
        super(title, severity, confidence, kb, remedy);
    }

    @Override
    final List<Finding> check(CheckContext c) {
        List<RestoreInProgress> rips = RestoreInProgress.present(c);
        if (rips.isEmpty()) {
            return List.of(c.restore() == Effective.ONLINE ? Finding.skipped(rule(), "no Restore in Progress key")
                    : Finding.notApplicable(rule(), "no Restore in Progress key (" + c.restore().label()
                            + " restore)"));
        }
        return check(c, rips);
    }

    /** The check, given the keys present (IS first; at least one). */
    abstract List<Finding> check(CheckContext c, List<RestoreInProgress> rips);
}
