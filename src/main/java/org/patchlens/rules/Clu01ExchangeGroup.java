package org.patchlens.rules;

import java.util.List;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.model.Source;

/** CLU-01: the Exchange services have their Generic Service resources, all in one group. */
final class Clu01ExchangeGroup extends CluUnit {
    Clu01ExchangeGroup() {
        super("Exchange group found", Severity.HIGH, Confidence.CONFIRMED, List.of("Q238063"),
                "The cluster hive has no Generic Service resource for <service> in the Exchange group; check in "
                        + "Cluster Administrator that the Exchange resources exist in one group and that this "
                        + "CLUSDB copy is current (CLU-11).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        List<String> missing = missingServices(m);
        Source where = new Source(m.file(), "Resources", -1);
        if (!missing.isEmpty()) {
            return List.of(Finding.fail(Rule.CLU_01, "Exchange Generic Service resources", String.join(", ",
                    ClusterModel.CORE_SERVICES), Source.NONE, "missing: " + String.join(", ", missing), where,
                    remedy("<service>", String.join(", ", missing))));
        }
        if (!inOneGroup(m)) {
            List<String> loose = m.exchangeServices().values().stream().filter(r -> m.groupsOf(r.guid()).isEmpty())
                    .map(ClusterModel.Resource::name).toList();
            return List.of(Finding.fail(Rule.CLU_01, "Exchange group", "SA, DS, IS and MTA in one group", Source.NONE,
                    "spread over " + groupsOfServices(m).size() + " group(s)"
                            + (loose.isEmpty() ? "" : ", in no group: " + String.join(", ", loose)),
                    new Source(m.file(), "Groups", -1),
                    "Put the Exchange resources into one group in Cluster Administrator."));
        }
        ClusterModel.Group g = m.exchangeGroup().orElseThrow();
        return List.of(Finding.pass(Rule.CLU_01, "Exchange group", "SA, DS, IS and MTA in one group", Source.NONE,
                g.name() + " {" + g.guid() + "}", new Source(m.file(), g.key().path().substring(1) + " : Contains",
                        g.key().fileOffset())));
    }
}
