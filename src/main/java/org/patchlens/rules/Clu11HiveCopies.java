package org.patchlens.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.model.Source;

/** CLU-11: the cluster hive copies agree on the Exchange facts (KB Q217147). */
final class Clu11HiveCopies extends CluUnit {
    Clu11HiveCopies() {
        super("Cluster hive copies agree", Severity.WARN, Confidence.CONFIRMED, List.of("Q217147"),
                "The node CLUSDB and the quorum snapshot differ on <items>; the cluster forms from the newest "
                        + "chk*.tmp plus quolog.log (KB Q217147). Analyse with the copy the cluster will use: "
                        + "<file>.");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        List<ClusterModel> copies = c.clusters();
        if (copies.size() < 2) {
            return List.of(Finding.skipped(Rule.CLU_11, "fewer than two cluster hive copies"));
        }
        ClusterModel newest = c.cluster().orElseThrow();
        Map<String, String> ref = facts(newest);
        List<Finding> out = new ArrayList<>();
        for (ClusterModel other : copies) {
            if (other == newest) {
                continue;
            }
            Map<String, String> f = facts(other);
            Set<String> keys = new LinkedHashSet<>(ref.keySet());
            keys.addAll(f.keySet());
            for (String k : keys) {
                String a = ref.getOrDefault(k, "(absent)");
                String b = f.getOrDefault(k, "(absent)");
                if (!a.equals(b)) {
                    out.add(Finding.fail(Rule.CLU_11, k, a, new Source(newest.file(), k, -1), b,
                            new Source(other.file(), k, -1), remedy("<items>", k, "<file>", newest.file())));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_11, "cluster hive copies", "the same Exchange facts", Source.NONE,
                    copies.size() + " copies agree", Source.NONE));
        }
        return out;
    }

    /** The Exchange facts compared across copies, by a readable name. */
    private static Map<String, String> facts(ClusterModel m) {
        Map<String, String> f = new LinkedHashMap<>();
        m.exchangeGroup().ifPresent(g -> f.put("Exchange group members", new TreeSet<>(
                g.contains().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()).toString()));
        m.virtualServerName().ifPresent(n -> f.put("virtual server name", n));
        m.exchangeGroup().ifPresent(g -> m.members(g).stream().filter(r -> r.isType("IP Address")).findFirst()
                .ifPresent(ip -> f.put("IP Address", ip.parameter("Address") + "/" + ip.parameter("SubnetMask"))));
        for (Resource r : m.allExchangeResources()) {
            String p = "resource " + r.serviceName() + " ";
            f.put(p + "GUID", r.guid().toUpperCase(Locale.ROOT));
            f.put(p + "Type", String.valueOf(r.type()));
            f.put(p + "DependsOn", r.dependsOn().toString());
            f.put(p + "PossibleOwners", r.possibleOwners().toString());
            f.put(p + "RegSync", r.checkpoints().stream().map(cp -> cp.valueName() + "=" + cp.path()).toList()
                    .toString());
        }
        return f;
    }
}
