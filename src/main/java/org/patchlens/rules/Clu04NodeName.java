package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** CLU-04: no Exchange value names the node instead of the virtual server (KB Q178311). */
final class Clu04NodeName extends CluUnit {
    Clu04NodeName() {
        super("Node name is not used as the Exchange name", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q178311", "Q238063"),
                "Exchange values name the node <NODE>; on a cluster they must name <VNAME>. This usually means "
                        + "Exchange was installed or restored against the node; restore to <VNAME>.");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        Optional<String> vname = c.virtualServer();
        Optional<RegValue> node = c.node();
        if (vname.isEmpty() || node.isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_04, vname.isEmpty() ? "virtual server name unknown"
                    : c.system().isEmpty() ? "node name unknown (no SYSTEM hive)"
                    : "node name unknown (no ComputerName in the SYSTEM hive)"));
        }
        String n = node.get().text();
        Source ns = node.get().source();
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        String remedy = remedy("<NODE>", n, "<VNAME>", vname.get());
        List<Finding> out = new ArrayList<>();
        if (vname.get().equalsIgnoreCase(n)) {
            out.add(Finding.fail(Rule.CLU_04, "virtual server name", "a name other than the node " + n, ns,
                    vname.get(), vs, "The Exchange group's Network Name is the node name " + n + ": in Cluster "
                            + "Administrator > Exchange group > Network Name > Parameters the Name must be the "
                            + "Exchange virtual server name, not a node's."));
        }
        boolean listed = m.nodes().stream().anyMatch(x -> n.equalsIgnoreCase(x.name()));
        if (!m.nodes().isEmpty() && !listed) {
            out.add(Finding.fail(Rule.CLU_04, "cluster nodes", n + " listed under Nodes", ns, m.nodes().stream()
                    .map(ClusterModel.Node::name).toList().toString(), new Source(m.file(), "Nodes", -1),
                    "The SYSTEM hive is from " + n + ", which this cluster hive does not list: copy the SYSTEM hive "
                            + "of a node of this cluster."));
        }
        SystemView v = c.system().get();
        List<Optional<RegValue>> names = List.of(v.value(ExchangeKeys.SA, "Server"),
                v.value(ExchangeKeys.IS_SYSTEM, "This Server"));
        for (Optional<RegValue> name : names) {
            if (name.isPresent() && name.get().text().equalsIgnoreCase(n)) {
                out.add(Finding.fail(Rule.CLU_04, name.get().source().location(), vname.get(), vs, n + " (the node)",
                        name.get().source(), remedy));
            }
        }
        v.value(ExchangeKeys.MTA, "X500 DN").ifPresent(dn -> {
            String cn = X500.server(dn.text());
            if (cn != null && cn.equalsIgnoreCase(n)) {
                out.add(Finding.fail(Rule.CLU_04, "X500 DN cn=", vname.get(), vs, n + " (the node)", dn.source(),
                        remedy));
            }
        });
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_04, "node name", "not used as the Exchange name", vs, "node " + n
                    + ", virtual server " + vname.get(), ns));
        }
        return out;
    }
}
