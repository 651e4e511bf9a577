package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.cluster.ClusterModel.Resource;
import org.patchlens.model.Source;

/** CLU-05: the Exchange group has one usable Network Name on an IP Address. */
final class Clu05NetworkName extends CluUnit {
    Clu05NetworkName() {
        super("Network Name and IP Address resources usable", Severity.HIGH, Confidence.CONFIRMED, List.of("Q178311"),
                "Exchange group lacks a usable network name; Cluster Administrator > Exchange group > Network Name > "
                        + "Parameters must show the Exchange server name.");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        if (!groupFound(m)) {
            return List.of(Finding.skipped(Rule.CLU_05, "CLU-01 found no Exchange group"));
        }
        ClusterModel.Group g = m.exchangeGroup().orElseThrow();
        List<Resource> members = m.members(g);
        List<Resource> names = members.stream().filter(r -> r.isType("Network Name")).toList();
        Source gs = new Source(m.file(), g.key().path().substring(1) + " : Contains", g.key().fileOffset());
        String remedy = remedy();
        if (names.size() != 1) {
            return List.of(Finding.fail(Rule.CLU_05, "Network Name resources of " + g.name(), "exactly 1", gs,
                    Integer.toString(names.size()), gs, remedy));
        }
        Resource nn = names.get(0);
        String name = nn.parameter("Name");
        List<Finding> out = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 15) {
            out.add(Finding.fail(Rule.CLU_05, nn.name() + " : Parameters\\Name", "1 to 15 characters", Source.NONE,
                    name == null ? "missing" : "\"" + name + "\"", resourceSource(m, nn, "Parameters\\Name"), remedy));
        }
        Optional<Resource> ip = nn.dependsOn().stream().map(m::resource).flatMap(Optional::stream)
                .filter(r -> r.isType("IP Address") && members.contains(r)).findFirst();
        if (ip.isEmpty()) {
            out.add(Finding.fail(Rule.CLU_05, nn.name() + " : DependsOn", "an IP Address resource of the group",
                    Source.NONE, nn.dependsOn().toString(), resourceSource(m, nn, "DependsOn"), remedy));
        } else if (ip.get().parameter("Address") == null || ip.get().parameter("SubnetMask") == null) {
            out.add(Finding.fail(Rule.CLU_05, ip.get().name() + " : Parameters", "Address and SubnetMask",
                    Source.NONE, ip.get().parameters().keySet().toString(), resourceSource(m, ip.get(), "Parameters"),
                    remedy));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.CLU_05, nn.name(), "Network Name with Name, on an IP Address", Source.NONE,
                    name + " on " + ip.get().parameter("Address") + "/" + ip.get().parameter("SubnetMask"),
                    resourceSource(m, nn, "Parameters\\Name")));
        }
        return out;
    }
}
