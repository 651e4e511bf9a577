package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.IS_SYSTEM;

import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-06: circular logging is off when later logs are to be replayed (KB Q296787). */
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
        if (c.restore() != Effective.OFFLINE_ROLLFORWARD) {
            return List.of(Finding.notApplicable(Rule.REG_06, c.restore().label() + " restore replays no later logs"));
        }
        Optional<RegValue> circ = v.value(IS_SYSTEM, "Circular Logging");
        if (circ.isEmpty()) {
            return List.of(Finding.skipped(Rule.REG_06, "no Circular Logging value"));
        }
        if (circ.get().dword() == 0) {
            return List.of(Finding.pass(Rule.REG_06, IS_SYSTEM + " : Circular Logging", "0", Source.NONE, "0",
                    circ.get().source()));
        }
        return List.of(Finding.fail(Rule.REG_06, IS_SYSTEM + " : Circular Logging", "0 (logs kept)", Source.NONE,
                circ.get().shown(), circ.get().source(), remedy()));
    }
}
