package org.patchlens.rules;

import java.util.List;
import java.util.Locale;
import org.patchlens.model.Source;

/** PRC-05: the first start after the restore goes through the service controller. */
final class Prc05StartPath extends RuleUnit {
    Prc05StartPath() {
        super("Start path after the restore", Severity.HIGH, Confidence.CONFIRMED, List.of("Q238063", "Q188674"),
                "1) In Cluster Administrator make sure the Exchange IP Address, Network Name and disks are online; "
                        + "2) `net start MSExchangeSA`, `net start MSExchangeDS`, `net start MSExchangeIS` on the "
                        + "owning node; 3) when the store is up, bring the Exchange resources online in Cluster "
                        + "Administrator (ClusSvc 1024 can be ignored); 4) once running, stop via Control Panel "
                        + "and bring everything online via the cluster, then test Move Group (KB Q238063, Q188674).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        if (!c.isCluster()) {
            return List.of(Finding.notApplicable(Rule.PRC_05, "stand-alone server"));
        }
        if (c.beforeRestore()) {
            return List.of(beforeRestore(c));
        }
        if (c.options().startVia() == null) {
            return List.of(Finding.skipped(Rule.PRC_05,
                    "--start-via not given (the remedy is printed by CLU-08/CLU-09)"));
        }
        boolean rip = !RestoreInProgress.present(c).isEmpty();
        boolean needsServices = rip || c.restore().offline();
        if (needsServices && c.options().startVia() == CheckOptions.StartVia.CLUSTER_ADMIN) {
            return List.of(Finding.fail(Rule.PRC_05, "first start", "net start from the service controller",
                    Source.NONE, "Cluster Administrator", Source.option("--start-via"), remedy()));
        }
        return List.of(Finding.pass(Rule.PRC_05, "first start", needsServices ? "the service controller" : "either",
                Source.NONE, c.options().startVia().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                Source.option("--start-via")));
    }

    /**
     * Before the restore: a start from the service controller first is needed when a checkpoint covers what the
     * restore (online: the Restore in Progress key) or isinteg -patch (offline: the identity keys) will write. Planned
     * from Cluster Administrator, it will fail (FAIL); not said, it is a step of the plan (WARN, naming the
     * checkpoints); planned from the service controller, or not needed, it passes.
     */
    private Finding beforeRestore(CheckContext c) {
        List<String> covering = PlannedRestore.covered(c).stream().map(PlannedRestore.Covered::describe).distinct()
                .toList();
        CheckOptions.StartVia via = c.options().startVia();
        Source opt = via == null ? Source.NONE : Source.option("--start-via");
        String planned = via == null ? "not given" : via.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (covering.isEmpty()) {
            return Finding.pass(Rule.PRC_05, "first start", "either (no checkpoint covers what the restore or "
                    + "isinteg -patch writes)", Source.NONE, planned, opt);
        }
        String why = "checkpoints covering what " + (c.restore() == Effective.ONLINE ? "the online restore"
                : "isinteg -patch") + " writes: " + String.join(", ", covering);
        if (via == CheckOptions.StartVia.SERVICES) {
            return Finding.pass(Rule.PRC_05, "first start", "the service controller", Source.NONE, planned, opt)
                    .withDetail(why);
        }
        if (via == CheckOptions.StartVia.CLUSTER_ADMIN) {
            return Finding.fail(Rule.PRC_05, "first start", "net start from the service controller", Source.NONE,
                    "Cluster Administrator", opt, remedy()).withDetail(why);
        }
        return new Finding(Rule.PRC_05, Severity.WARN, Status.WARN, "first start", "net start from the service "
                + "controller", Source.NONE, "not given: to be made from the service controller", opt, remedy(), why);
    }
}
