package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE-01: the databases are Consistent after an offline restore. */
final class Ese01DatabaseState extends RuleUnit {
    Ese01DatabaseState() {
        super("Database state fits the restore type", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q296787", "Q185577"),
                "<db> was copied while dirty: the offline backup is not usable as is. Use another backup taken after "
                        + "a clean stop (`eseutil /mh <db> | find /i \"consistent\"` must show Consistent), or "
                        + "supply every log from its Last Attach onward and let soft recovery run; `eseutil /p` "
                        + "only as a last resort (KB Q296787, Q185577).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        StoreView s = c.store();
        if (s.databases().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_01, "no database header among the evidence"));
        }
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.ESE_01, "restore type unknown"));
        }
        // the expectation comes from --restore-type, or from the evidence when the type was decided automatically
        Source expectedSrc = c.options().restoreType() == CheckOptions.RestoreType.AUTO ? Source.NONE
                : Source.option("--restore-type");
        List<Finding> out = new ArrayList<>();
        for (Item<DatabaseHeader> d : s.databases()) {
            DatabaseHeader h = d.header();
            Source src = d.source("State", 52);
            String state = h.stateName() + " (" + h.state() + "), Last Consistent " + h.consistentPosition().eseutil();
            if (c.restore().offline()) {
                if (h.cleanShutdown()) {
                    out.add(Finding.pass(Rule.ESE_01, d.name(), "Consistent (offline restore)", Source.NONE, state,
                            src));
                } else {
                    out.add(Finding.fail(Rule.ESE_01, d.name(), "Consistent (offline restore)",
                            expectedSrc, state, src, remedy("<db>", d.fileName())));
                }
            } else {
                out.add(Finding.pass(Rule.ESE_01, d.name(), "Inconsistent expected (online restore; RIP-07 checks a "
                        + "Consistent one)", Source.NONE, state, src));
            }
        }
        return out;
    }
}
