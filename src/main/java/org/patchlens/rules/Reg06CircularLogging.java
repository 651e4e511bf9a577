package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.DS;
import static org.patchlens.rules.ExchangeKeys.IS_SYSTEM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/**
 * REG-06: circular logging is off when later logs are to be replayed (KB Q296787): on an offline roll-forward, and on
 * an online restore with logs beyond HighLog (a no-loss restore); the DS value too when the DS is restored.
 */
final class Reg06CircularLogging extends RegUnit {
    Reg06CircularLogging() {
        super("Circular logging compatible with the restore type", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q296787"),
                "Circular logging was on: logs after the backup no longer exist; only a point-in-time restore is "
                        + "possible (KB Q296787). Turn it off after recovery if roll-forward is wanted next time.");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.REG_06, "restore type unknown"));
        }
        List<String> keys = new ArrayList<>();
        if (c.restore() == Effective.OFFLINE_ROLLFORWARD) {
            keys.add(IS_SYSTEM);
            if (c.store().database("dir.edb").isPresent()) {
                keys.add(DS);
            }
        } else if (c.restore() == Effective.ONLINE) {
            for (RestoreInProgress rip : RestoreInProgress.present(c)) {
                boolean ds = rip.service().equals("MSExchangeDS");
                long high = rip.dword("HighLog Number");
                var set = c.store().logSet(ds);
                if (high >= 0 && set.isPresent() && set.get().replayLogs().stream()
                        .anyMatch(l -> l.header().generation() > high)) {
                    keys.add(ds ? DS : IS_SYSTEM); // logs beyond HighLog: a no-loss restore replays them
                }
            }
        }
        if (keys.isEmpty()) {
            return List.of(Finding.notApplicable(Rule.REG_06, c.restore().label() + " restore replays no later logs"));
        }
        List<Finding> out = new ArrayList<>();
        for (String key : keys) {
            Optional<RegValue> circ = v.value(key, "Circular Logging");
            if (circ.isEmpty()) {
                out.add(Finding.skipped(Rule.REG_06, "no Circular Logging value under " + key));
            } else if (circ.get().dword() == 0) {
                out.add(Finding.pass(Rule.REG_06, key + " : Circular Logging", "0", Source.NONE, "0",
                        circ.get().source()));
            } else {
                out.add(Finding.fail(Rule.REG_06, key + " : Circular Logging", "0 (logs kept)", Source.NONE,
                        circ.get().shown(), circ.get().source(), remedy()));
            }
        }
        return out;
    }
}
