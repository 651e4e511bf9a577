package org.patchlens.rules;

import java.util.ArrayList;
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
        List<Finding> out = new ArrayList<>();
        for (RestoreInProgress rip : rips) {
            out.addAll(check(c, rip));
        }
        return out;
    }

    /** The check of one Restore in Progress key (each key present is checked in turn, IS first). */
    abstract List<Finding> check(CheckContext c, RestoreInProgress rip);
}
