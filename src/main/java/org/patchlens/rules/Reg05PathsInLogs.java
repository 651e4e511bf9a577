package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.DS;
import static org.patchlens.rules.ExchangeKeys.IS_PRIVATE;
import static org.patchlens.rules.ExchangeKeys.IS_PUBLIC;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-05: on an offline roll-forward, the registered database paths are the paths the logs recorded. */
final class Reg05PathsInLogs extends RegUnit {
    Reg05PathsInLogs() {
        super("Registered DB paths equal the paths recorded in the logs", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q296787", "Q190440"),
                "Logs expect <log path>; registry has <DB Path>. Put the database back at <log path> (set the path "
                        + "back with Performance Optimizer on a cluster, KB Q222912/Q278464) before starting, or "
                        + "replay stops at the path change (KB Q296787).");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        if (c.restore() != Effective.OFFLINE_ROLLFORWARD) {
            return List.of(Finding.notApplicable(Rule.REG_05, c.restore().label() + " restore (online restores remap "
                    + "through EDB_RstMap: RIP-04)"));
        }
        List<RegValue> registered = new ArrayList<>();
        v.value(IS_PRIVATE, "DB Path").ifPresent(registered::add);
        v.value(IS_PUBLIC, "DB Path").ifPresent(registered::add);
        v.value(DS, "DSA Database file").ifPresent(registered::add);
        StoreView s = c.store();
        long anchor = s.anchor();
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var l : s.replayLogs()) {
            if (anchor >= 0 && l.header().generation() < anchor) {
                continue;
            }
            for (var a : l.header().attachments()) {
                WinPath p = WinPath.of(a.path());
                if (!seen.add(p.local().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Optional<RegValue> reg = registered.stream().filter(r -> WinPath.sameFileName(
                        WinPath.of(r.text()).fileName(), p.fileName())).findFirst();
                Source ls = l.source("attached database path", a.fileOffset());
                if (reg.isEmpty()) {
                    continue;
                }
                if (WinPath.of(reg.get().text()).sameLocal(p)) {
                    out.add(Finding.pass(Rule.REG_05, reg.get().source().location(), p.local(), ls, reg.get().text(),
                            reg.get().source()));
                } else {
                    out.add(Finding.fail(Rule.REG_05, reg.get().source().location(), p.local(), ls, reg.get().text(),
                            reg.get().source(), remedy("<log path>", p.local(), "<DB Path>", reg.get().text())));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_05, "no log header attach lists among the evidence (Edb00001.log and "
                    + "ESE97 binary logs have none; eseutil /ml output does)"));
        }
        return out;
    }
}
