package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The Exchange Server 5.5 virtual server as a cluster hive (CLUSDB, a quorum {@code chk*.tmp}) describes it:
 * the group holding the core Exchange services ({@code cluster.ClusterModel} finds it as {@code check} does), its
 * Network Name (the virtual server name), IP address and subnet mask, the service each Generic Service resource
 * runs and the registry checkpoints it keeps (RegSync), and the cluster's nodes.
 */
final class Exchange55Cluster implements Plugin {
    static final Spec SPEC = Spec.of("exchange55_cluster", "", HiveType.CLUSTER, "Exchange 5.5 virtual server",
            "the Exchange group of a cluster hive: virtual server name and address, service resources and their "
                    + "registry checkpoints, the nodes",
            FieldSpec.text("category", "exchange group, virtual server name, virtual server address, subnet mask, "
                    + "service, registry checkpoint or node (offset: the value's vk cell)"),
            FieldSpec.text("resource", "the resource's (or group's) display name, its Name value"),
            FieldSpec.text("data", "the value: the name, address, service name, checkpointed key path (relative "
                    + "to HKLM) or node name"))
            .checked("no regipy plugin; the demo evidence's CLUSDB (testdata/demo/NODE1/Cluster/CLUSDB) "
                    + "(Exchange55ClusterTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        ClusterModel m = ClusterModel.read(hive.hive(), hive.hive().name());
        Optional<ClusterModel.Group> group = m.exchangeGroup();
        if (group.isPresent()) {
            Key g = group.get().key();
            add(out, g, g.value("Name"), "exchange group", null);
            for (ClusterModel.Resource r : m.members(group.get())) {
                Key k = r.key();
                Value name = k.value("Name");
                Key p = k.subkey("Parameters");
                if (r.isType("Network Name")) {
                    add(out, p, value(p, "Name"), "virtual server name", name);
                } else if (r.isType("IP Address")) {
                    add(out, p, value(p, "Address"), "virtual server address", name);
                    add(out, p, value(p, "SubnetMask"), "subnet mask", name);
                } else if (r.isType("Generic Service")) {
                    add(out, p, value(p, "ServiceName"), "service", name);
                    Key sync = k.subkey("RegSync");
                    if (sync != null) {
                        for (Value v : sync.values()) {
                            add(out, sync, v, "registry checkpoint", name);
                        }
                    }
                }
            }
        }
        for (Key base : List.of(hive.hive().root(), hive.hive().root().subkey("Parameters") == null
                ? hive.hive().root() : hive.hive().root().subkey("Parameters"))) {
            Key nodes = base.subkey("Nodes");
            if (nodes != null) {
                for (Key n : nodes.subkeys()) {
                    add(out, n, n.value("NodeName"), "node", null);
                }
                break;
            }
        }
        return out;
    }

    private static Value value(Key k, String name) {
        return k == null ? null : k.value(name);
    }

    private static void add(List<Entry> out, Key k, Value v, String category, Value resourceName) {
        if (v == null) {
            return;
        }
        Entry.Builder b = Entry.of(SPEC, k).value(v).text("category", category, v.fileOffset());
        if (resourceName != null) {
            b.text("resource", Values.shown(resourceName), Values.dataOffset(resourceName));
        }
        out.add(b.string("data", v).build());
    }
}
