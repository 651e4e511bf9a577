package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** CLU-03: the Restore in Progress UNC paths name the virtual server, not a node. */
final class Clu03RestoreTarget extends CluUnit {
    Clu03RestoreTarget() {
        super("RIP UNC paths name the virtual server", Severity.HIGH, Confidence.INFERRED,
                List.of("Q238063", "Q200941"),
                "The restore was directed at <server>, not the Exchange virtual server <VNAME>. Run the online "
                        + "restore again choosing <VNAME> as destination (KB Q238063).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        List<RestoreInProgress> rips = RestoreInProgress.present(c);
        Optional<String> vname = c.virtualServer();
        if (rips.isEmpty() || vname.isEmpty()) {
            return List.of(rips.isEmpty() ? Finding.notApplicable(Rule.CLU_03, "no Restore in Progress key")
                    : Finding.skipped(Rule.CLU_03, "virtual server name unknown"));
        }
        List<Finding> out = new ArrayList<>();
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        for (RestoreInProgress rip : rips) {
            List<String[]> servers = new ArrayList<>();
            for (String name : List.of("LogPath", "BackupLogPath", "CheckpointFilePath")) {
                rip.value(name).ifPresent(v -> servers.add(new String[] {name, WinPath.of(v.text()).server(),
                        v.text()}));
            }
            rip.value("EDB_RstMap").ifPresent(map -> {
                List<String> lines = map.lines();
                for (int i = 1; i < lines.size(); i += 2) {
                    servers.add(new String[] {"EDB_RstMap line " + (i + 1), WinPath.of(lines.get(i)).server(),
                            lines.get(i)});
                }
            });
            for (String[] s : servers) {
                String obj = rip.path() + " : " + s[0];
                Source src = new Source(rip.file(), rip.path() + " : " + s[0].replaceAll(" line \\d+", ""), -1);
                if (s[1].isEmpty() || s[1].equalsIgnoreCase(vname.get())) {
                    if (!s[1].isEmpty()) {
                        out.add(Finding.pass(Rule.CLU_03, obj, vname.get(), vs, s[1], src));
                    }
                    continue;
                }
                String node = c.node().map(RegValue::text).orElse("");
                out.add(Finding.fail(Rule.CLU_03, obj, vname.get(), vs, s[1] + (s[1].equalsIgnoreCase(node)
                        ? " (the node name)" : "") + " in " + s[2], src, remedy("<server>", s[1], "<VNAME>",
                        vname.get())));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.CLU_03, "no UNC paths in the Restore in Progress key"));
        }
        return out;
    }
}
