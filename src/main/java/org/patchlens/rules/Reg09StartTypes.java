package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-09: no Exchange service is disabled (KB Q290651). */
final class Reg09StartTypes extends RegUnit {
    Reg09StartTypes() {
        super("Exchange service start types usable", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q290651", "Q296229"),
                "`Start`=4 is replayed from the checkpoint if the service root key is replicated (KB Q290651). "
                        + "Remove the root key from Registry Replication, set Start to Manual with the resource "
                        + "online, then bring it online.");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        List<Finding> out = new ArrayList<>();
        for (String svc : List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS", "MSExchangeMTA")) {
            Optional<RegValue> start = v.value("Services\\" + svc, "Start");
            if (start.isEmpty()) {
                continue;
            }
            long st = start.get().dword();
            String obj = "Services\\" + svc + " : Start";
            if (c.isCluster()) {
                if (st == 4) {
                    out.add(Finding.fail(Rule.REG_09, obj, "3 (manual; the cluster starts it)", Source.NONE,
                            start.get().shown() + " (disabled)", start.get().source(), remedy()));
                } else {
                    out.add(Finding.pass(Rule.REG_09, obj, "not 4 (disabled)", Source.NONE, start.get().shown(),
                            start.get().source()));
                }
            } else if (st == 4) {
                out.add(Finding.warn(Rule.REG_09, Severity.WARN, obj, "2 or 3 once the restore is complete",
                        Source.NONE, start.get().shown() + " (disabled)", start.get().source(),
                        "Set the service back to Automatic after the restore (KB Q296229)."));
            } else {
                out.add(Finding.pass(Rule.REG_09, obj, "not disabled", Source.NONE, start.get().shown(),
                        start.get().source()));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_09, "no Exchange service Start values"));
        }
        return out;
    }
}
