package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** RIP-01: a Restore in Progress key after an online restore, none after an offline one. */
final class Rip01KeyPresence extends RuleUnit {
    Rip01KeyPresence() {
        super("Restore in Progress presence matches the restore type", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q200941", "Q181795", "Q238063"),
                "Export the key with regedit, then delete `<key>` before starting (KB Q181795, Q200941).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        if (c.system().isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_01, "no SYSTEM hive"));
        }
        if (c.options().restoreType() == CheckOptions.RestoreType.AUTO) {
            return List.of(Finding.skipped(Rule.RIP_01, "restore type not given (--restore-type); AUTO decides it from "
                    + "this very key"));
        }
        SystemView v = c.system().get();
        List<RestoreInProgress> rips = RestoreInProgress.present(c);
        String where = v.controlSetName() + "\\Services\\MSExchangeIS|MSExchangeDS\\Restore in Progress";
        if (c.restore() == Effective.ONLINE) {
            if (rips.isEmpty()) {
                return List.of(Finding.fail(Rule.RIP_01, "Restore in Progress", "present (online restore)",
                        Source.option("--restore-type"), "absent", new Source(v.file(), where, -1),
                        "Run the online restore again (do not start from Cluster Administrator), or re-create the key "
                                + "from the worksheet in KB Q200941."));
            }
            List<Finding> out = new ArrayList<>();
            for (RestoreInProgress r : rips) {
                out.add(Finding.pass(Rule.RIP_01, r.path(), "present (online restore)", Source.option("--restore-type"),
                        "present as \"" + r.key().name() + "\"", r.keySource()));
            }
            return out;
        }
        if (rips.isEmpty()) {
            return List.of(Finding.pass(Rule.RIP_01, "Restore in Progress", "absent (offline restore)",
                    Source.option("--restore-type"), "absent", new Source(v.file(), where, -1)));
        }
        List<Finding> out = new ArrayList<>();
        for (RestoreInProgress r : rips) {
            out.add(Finding.fail(Rule.RIP_01, r.path(), "absent (offline restore)", Source.option("--restore-type"),
                    "present", r.keySource(), remedy("<key>", r.path())));
        }
        return out;
    }
}
