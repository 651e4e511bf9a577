package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** IN-07: on a cluster node, the cluster hive and every checkpoint file are there. */
final class In07ClusterEvidence extends RuleUnit {
    In07ClusterEvidence() {
        super("Cluster evidence complete", Severity.WARN, Confidence.INFERRED, List.of("Q217147", "Q278464"),
                "Copy `%SystemRoot%\\Cluster\\CLUSDB` from both nodes and the whole `<quorum>:\\MSCS` folder "
                        + "(chk*.tmp, quolog.log, every GUID folder).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        Optional<SystemView> s = c.system();
        boolean clusSvc = s.map(SystemView::isClusterNode).orElse(false);
        if (s.isEmpty() && c.clusters().isEmpty()) {
            return List.of(Finding.skipped(Rule.IN_07, "no SYSTEM hive"));
        }
        if (!clusSvc && c.clusters().isEmpty()) {
            return List.of(Finding.notApplicable(Rule.IN_07, "no Services\\ClusSvc and no cluster hive: a stand-alone "
                    + "server"));
        }
        List<Finding> out = new ArrayList<>();
        if (c.clusters().isEmpty()) {
            out.add(Finding.fail(Rule.IN_07, "cluster hive", ">= 1 CLUSDB or chk*.tmp", Source.NONE, "none",
                    new Source(s.get().file(), s.get().controlSetName() + "\\Services\\ClusSvc", -1),
                    remedy()));
            return out;
        }
        ClusterModel m = c.cluster().orElseThrow();
        List<String> missing = new ArrayList<>();
        for (ClusterModel.Resource r : m.allExchangeResources()) {
            for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                if (c.checkpoint(r.guid(), cp.valueName()).isEmpty()) {
                    missing.add(r.guid() + "\\" + cp.valueName() + ".CPT");
                }
            }
        }
        if (!missing.isEmpty()) {
            out.add(Finding.fail(Rule.IN_07, "registry checkpoint files", "one .CPT per RegSync entry",
                    new Source(m.file(), "Resources\\*\\RegSync", -1), "missing: " + String.join(", ", missing),
                    Source.NONE, remedy()));
        } else {
            out.add(Finding.pass(Rule.IN_07, "cluster evidence", "cluster hive and every checkpoint file",
                    new Source(m.file(), "Resources\\*\\RegSync", -1), c.clusters().size() + " cluster hive(s), "
                            + c.checkpointFiles().size() + " checkpoint file(s)", Source.NONE));
        }
        return out;
    }
}
