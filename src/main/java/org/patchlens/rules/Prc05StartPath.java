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
}
