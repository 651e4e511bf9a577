package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.model.CommandText;
import org.patchlens.model.Source;

/** CLU-06: every node may own every Exchange resource. */
final class Clu06PossibleOwners extends CluUnit {
    Clu06PossibleOwners() {
        super("Possible owners include the nodes", Severity.WARN, Confidence.INFERRED, List.of(),
                "cluster res \"<resource>\" /addowner:<node> (or Cluster Administrator > resource > General > "
                        + "Possible owners).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        List<String> nodeIds = new ArrayList<>();
        m.nodes().forEach(n -> nodeIds.add(n.id()));
        c.node().ifPresent(n -> m.nodes().stream().filter(x -> n.text().equalsIgnoreCase(x.name())).findFirst()
                .ifPresent(x -> {
                    if (!nodeIds.contains(x.id())) {
                        nodeIds.add(x.id());
                    }
                }));
        if (nodeIds.isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_06, "the cluster hive lists no nodes"));
        }
        List<Resource> check = new ArrayList<>(m.exchangeServices().values());
        m.networkNames().forEach(check::add);
        m.exchangeGroup().ifPresent(g -> m.members(g).stream().filter(r -> r.isType("IP Address"))
                .forEach(check::add));
        List<Finding> out = new ArrayList<>();
        for (Resource r : check) {
            List<String> missing = nodeIds.stream().filter(id -> r.possibleOwners().stream()
                    .noneMatch(o -> o.trim().equalsIgnoreCase(id))).toList();
            if (!missing.isEmpty()) {
                // the names come from the cluster hive: into the command only when cmd.exe takes them as names
                String nodes = String.join(",", missing);
                String remedy = withLeftOut(remedy("<resource>", CommandText.name(r.name(), "the resource's name"),
                        "<node>", CommandText.name(nodes, "the node's ID")), CommandText.leftOut("The resource's "
                        + "name in the cluster hive", r.name()), CommandText.leftOut("The node ID in the cluster hive",
                        nodes));
                out.add(Finding.fail(Rule.CLU_06, r.name() + " : PossibleOwners", "nodes " + nodeIds,
                        new Source(m.file(), "Nodes", -1), r.possibleOwners().toString(),
                        resourceSource(m, r, "PossibleOwners"), remedy));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_06, "possible owners", "every node on every Exchange resource",
                    new Source(m.file(), "Nodes", -1), "nodes " + nodeIds, Source.NONE));
        }
        return out;
    }
}
