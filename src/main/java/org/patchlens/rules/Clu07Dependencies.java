package org.patchlens.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.model.Source;

/** CLU-07: the Exchange resources depend on each other in the documented order (KB Q278464). */
final class Clu07Dependencies extends CluUnit {
    Clu07Dependencies() {
        super("Dependencies in the documented order", Severity.WARN, Confidence.CONFIRMED, List.of("Q278464"),
                "Cluster Administrator > <resource> > Dependencies: add <missing> (KB Q278464 step 10).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        if (!groupFound(m)) {
            return List.of(Finding.skipped(Rule.CLU_07, "CLU-01 found no Exchange group"));
        }
        Map<String, Resource> svcs = m.exchangeServices();
        ClusterModel.Group g = m.exchangeGroup().orElseThrow();
        List<Resource> members = m.members(g);
        List<Finding> out = new ArrayList<>();
        Resource sa = svcs.get("MSExchangeSA");
        for (String dependent : List.of("MSExchangeIS", "MSExchangeDS", "MSExchangeMTA")) {
            Resource r = svcs.get(dependent);
            boolean direct = dependent.equals("MSExchangeIS");
            boolean ok = direct ? r.dependsOn().stream().anyMatch(d -> d.trim().equalsIgnoreCase(sa.guid()))
                    : reaches(m, r, sa);
            if (!ok) {
                out.add(Finding.fail(Rule.CLU_07, r.name() + " : DependsOn", (direct ? "" : "(transitively) ")
                        + sa.name(), Source.NONE, names(m, r.dependsOn()), resourceSource(m, r, "DependsOn"),
                        remedy("<resource>", r.name(), "<missing>", sa.name())));
            }
        }
        Optional<Resource> nn = m.virtualServerResource();
        if (nn.isPresent() && !reaches(m, sa, nn.get())) {
            out.add(Finding.fail(Rule.CLU_07, sa.name() + " : DependsOn", "(transitively) " + nn.get().name(),
                    Source.NONE, names(m, sa.dependsOn()), resourceSource(m, sa, "DependsOn"),
                    remedy("<resource>", sa.name(), "<missing>", nn.get().name())));
        }
        for (Resource r : svcs.values()) {
            for (String d : r.dependsOn()) {
                Optional<Resource> dep = m.resource(d);
                if (dep.isPresent() && !members.contains(dep.get())) {
                    out.add(Finding.fail(Rule.CLU_07, r.name() + " : DependsOn", "resources of " + g.name(),
                            Source.NONE, dep.get().name() + " (another group)", resourceSource(m, r, "DependsOn"),
                            "Remove the dependency on " + dep.get().name() + " or move it into the Exchange group."));
                }
            }
            if (reaches(m, r, r)) {
                out.add(Finding.fail(Rule.CLU_07, r.name() + " : DependsOn", "no cycle", Source.NONE,
                        "a dependency cycle through " + r.name(), resourceSource(m, r, "DependsOn"),
                        "Break the dependency cycle in Cluster Administrator."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_07, "dependencies", "IS->SA, DS/MTA->SA, SA->Network Name", Source.NONE,
                    "as documented", new Source(m.file(), "Resources", -1)));
        }
        return out;
    }

    private static String names(ClusterModel m, List<String> guids) {
        return guids.stream().map(g -> m.resource(g).map(Resource::name).orElse(g)).toList().toString();
    }

    /** True if {@code to} is reachable from {@code from}'s dependencies (bounded by the resource count). */
    private static boolean reaches(ClusterModel m, Resource from, Resource to) {
        Deque<String> todo = new ArrayDeque<>(from.dependsOn());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String g = todo.pop().trim().toUpperCase(Locale.ROOT);
            if (!seen.add(g)) {
                continue;
            }
            if (g.equalsIgnoreCase(to.guid())) {
                return true;
            }
            m.resource(g).ifPresent(r -> todo.addAll(r.dependsOn()));
        }
        return false;
    }
}
