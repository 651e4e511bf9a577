package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.SystemView;

/** RIP-03: the EDB_RstMap "after" paths are the registered database paths. */
final class Rip03AfterPaths extends RipUnit {
    Rip03AfterPaths() {
        super("EDB_RstMap \"after\" paths equal the registered database paths", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q200941", "Q262041"),
                "The restore will write/replay into <after>, but the store opens <DB Path>. Restore again to the "
                        + "registered paths.");
    }

    @Override
    List<Finding> check(CheckContext c, RestoreInProgress rip) {
        Optional<RegValue> map = rip.value("EDB_RstMap");
        if (map.isEmpty() || map.get().typeCode() != 7) {
            return List.of(Finding.skipped(Rule.RIP_03, rip.path() + ": no usable EDB_RstMap (RIP-02)"));
        }
        SystemView v = c.system().get();
        List<RegValue> registered = new ArrayList<>();
        if (rip.service().equals("MSExchangeIS")) {
            v.value(ExchangeKeys.IS_PRIVATE, "DB Path").ifPresent(registered::add);
            v.value(ExchangeKeys.IS_PUBLIC, "DB Path").ifPresent(registered::add);
        } else {
            v.value(ExchangeKeys.DS, "DSA Database file").ifPresent(registered::add);
        }
        if (registered.isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_03, "no registered database path for " + rip.service()));
        }
        List<String> lines = map.get().lines();
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 2) {
            WinPath after = WinPath.of(lines.get(i));
            RegValue match = registered.stream().filter(r -> WinPath.sameFileName(WinPath.of(r.text()).fileName(),
                    after.fileName())).findFirst().orElse(null);
            String obj = rip.path() + " : EDB_RstMap line " + (i + 1);
            if (match == null) {
                out.add(Finding.fail(Rule.RIP_03, obj, "one of the registered database paths", registered.get(0)
                        .source(), lines.get(i), map.get().source(), "The restore will write/replay into "
                        + lines.get(i) + ", but no registered database has that name. Restore again to the registered "
                        + "paths."));
            } else if (!after.sameLocal(WinPath.of(match.text()))) {
                out.add(Finding.fail(Rule.RIP_03, obj, WinPath.of(match.text()).local(), match.source(),
                        lines.get(i) + " (local " + after.local() + ")", map.get().source(),
                        remedy("<after>", after.local(), "<DB Path>", match.text())));
            } else {
                out.add(Finding.pass(Rule.RIP_03, obj, WinPath.of(match.text()).local(), match.source(),
                        lines.get(i), map.get().source()));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.RIP_03, rip.path() + ": no \"after\" line in EDB_RstMap (RIP-02)"));
        }
        return out;
    }
}
