package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Checkpoint;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.hive.Key;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** CLU-09: no checkpoint covers a service root key or a Restore in Progress key (KB Q290651). */
final class Clu09CheckpointCoverage extends CluUnit {
    Clu09CheckpointCoverage() {
        super("Checkpoint list does not cover service root keys or the RIP key", Severity.CRIT,
                "CRIT when a RIP key is inside a checkpointed subtree, else HIGH", Confidence.CONFIRMED,
                List.of("Q188674", "Q290651"),
                "Start <DS/IS> from Services (`net start <service>`), let hard recovery finish, then bring the "
                        + "resource online in Cluster Administrator (ignore ClusSvc 1024) (KB Q188674). Afterwards "
                        + "replace the root checkpoint by the default `...\\Parameters` and `...\\Diagnostics` "
                        + "entries (KB Q290651).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        List<Finding> out = new ArrayList<>();
        Optional<SystemView> v = c.system();
        List<RestoreInProgress> rips = RestoreInProgress.present(c);
        for (Resource r : m.allExchangeResources()) {
            for (Checkpoint cp : r.checkpoints()) {
                String p = cp.path().replace('/', '\\');
                String lower = p.toLowerCase(Locale.ROOT);
                Source src = new Source(m.file(), cp.keyPath() + " : " + cp.valueName(), cp.valueFileOffset());
                boolean root = lower.matches("system\\\\currentcontrolset\\\\services\\\\msexchange[a-z]*\\\\?");
                Key covered = v.map(s -> s.resolveHklm(cp.path())).orElse(null);
                for (RestoreInProgress rip : rips) {
                    String ripPath = rip.key().path().toLowerCase(Locale.ROOT);
                    // the checkpointed subtree holds its own root key too
                    if (covered != null && (ripPath.equals(covered.path().toLowerCase(Locale.ROOT))
                            || ripPath.startsWith(covered.path().toLowerCase(Locale.ROOT) + "\\"))) {
                        out.add(Finding.fail(Rule.CLU_09, cp.path(), "no checkpoint covering " + rip.path(),
                                Source.NONE, "RegSync " + cp.valueName() + " of " + r.name() + " covers it: the key "
                                        + "vanishes when the resource comes online", src,
                                remedy("<DS/IS>", rip.service().substring(10), "<service>", rip.service())));
                    }
                }
                String restored = root && c.beforeRestore() ? restoredInside(c, cp) : null;
                if (restored != null) {
                    // before an online restore: the key the restore writes will lie inside; a start from the
                    // service controller first avoids its loss, so this is a step of the plan, not a blocker
                    out.add(new Finding(Rule.CLU_09, Severity.WARN, Status.WARN, cp.path(), "no checkpoint covering "
                            + "the Restore in Progress key the online restore writes", Source.NONE, "RegSync "
                            + cp.valueName() + " of " + r.name() + ", a service root key, will cover " + restored
                            + "\\Restore in Progress", src, remedy("<DS/IS>", restored.substring(10), "<service>",
                            restored), ""));
                } else if (root) {
                    out.add(new Finding(Rule.CLU_09, Severity.HIGH, Status.FAIL, cp.path(),
                            "Parameters and Diagnostics subkeys only", Source.NONE, "a service root key", src,
                            "Replace the root checkpoint " + cp.path() + " by the default `...\\Parameters` and "
                                    + "`...\\Diagnostics` entries (KB Q290651): a replicated root replays Start and "
                                    + "every subkey at each online.", ""));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_09, "registry checkpoint lists", "no service root key, no Restore in "
                    + "Progress key inside", Source.NONE, "none", new Source(m.file(), "Resources\\*\\RegSync", -1)));
        }
        return out;
    }

    /** Before an online restore: the service whose Restore in Progress key {@code cp} will cover, or null. */
    private static String restoredInside(CheckContext c, Checkpoint cp) {
        return PlannedRestore.covered(c).stream().filter(cv -> cv.checkpoint().equals(cp)
                && cv.writtenKey().endsWith("\\Restore in Progress")).map(cv -> cv.writtenKey().split("\\\\")[3])
                .findFirst().orElse(null);
    }
}
