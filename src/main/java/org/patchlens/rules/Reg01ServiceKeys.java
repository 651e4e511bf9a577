package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.DS;
import static org.patchlens.rules.ExchangeKeys.IS_PRIVATE;
import static org.patchlens.rules.ExchangeKeys.IS_PUBLIC;
import static org.patchlens.rules.ExchangeKeys.IS_SYSTEM;
import static org.patchlens.rules.ExchangeKeys.MTA;
import static org.patchlens.rules.ExchangeKeys.SA;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-01: the Exchange service parameter keys are in the current control set. */
final class Reg01ServiceKeys extends RegUnit {
    Reg01ServiceKeys() {
        super("Exchange service keys present", Severity.HIGH, Confidence.CONFIRMED, List.of("Q257252", "Q238063"),
                "Exchange is not installed in the current control set, or the hive is from the wrong node. Reinstall "
                        + "Exchange with the original org/site names against the virtual server (KB Q238063) "
                        + "before restoring.");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        List<String> missing = new ArrayList<>();
        for (String k : List.of(SA, DS, IS_SYSTEM, MTA)) {
            if (v.key(k) == null) {
                missing.add(k);
            }
        }
        if (v.key(IS_PRIVATE) == null && v.key(IS_PUBLIC) == null) {
            missing.add(IS_PRIVATE + " or " + IS_PUBLIC);
        }
        String expected = "SA, DS, IS (System + Private/Public) and MTA parameter keys in " + v.controlSetName();
        if (missing.isEmpty()) {
            return List.of(Finding.pass(Rule.REG_01, "Exchange service keys", expected, v.currentSource(),
                    "all present", new Source(v.file(), v.controlSetName() + "\\Services", -1)));
        }
        return List.of(Finding.fail(Rule.REG_01, "Exchange service keys", expected, v.currentSource(),
                "missing: " + String.join(", ", missing), new Source(v.file(), v.controlSetName() + "\\Services", -1),
                remedy()));
    }
}
