package org.patchlens.rules;

import java.util.List;
import java.util.Optional;
import org.patchlens.ese.LogHeader;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/**
 * ESE-04: the log replay starts from (the anchor, or LowLog) is there, its header checksum verifies and eseutil's text
 * does not report it damaged.
 */
final class Ese04AnchorLog extends LogStreamUnit {
    Ese04AnchorLog() {
        super("Required log range present", Severity.HIGH, Confidence.CONFIRMED, List.of("Q296787"),
                "The <anchor/LowLog> log Edb<gen>.log is missing: do not replay any logs; restore point-in-time "
                        + "instead (KB Q296787).");
    }

    @Override
    List<Finding> check(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (c.restore() != Effective.OFFLINE_ROLLFORWARD && c.restore() != Effective.ONLINE) {
            return List.of(Finding.notApplicable(Rule.ESE_04, c.restore().label() + " restore replays no log range"));
        }
        if (ls.replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_04, ls.noReplayLogs()));
        }
        long anchor = anchorGeneration(c, s, ls);
        if (anchor < 0) {
            return List.of(Finding.skipped(Rule.ESE_04, c.restore() == Effective.ONLINE ? "no LowLog Number"
                    : "no database header with a Last Consistent position"));
        }
        String what = c.restore() == Effective.ONLINE ? "LowLog " : "anchor ";
        Optional<Item<LogHeader>> log = ls.sound(anchor);
        if (log.isPresent()) {
            return List.of(Finding.pass(Rule.ESE_04, what + StoreView.logName(anchor), "present", Source.NONE,
                    log.get().name(), log.get().source("lGeneration", 4)));
        }
        Optional<Item<LogHeader>> unusable = ls.generation(anchor);
        if (unusable.isPresent()) {
            // there, but its header checksum does not verify, or eseutil's text reports it damaged (or names it with no
            // verdict): replay cannot start from it
            Item<LogHeader> l = unusable.get();
            String name = StoreView.logName(anchor);
            return List.of(Finding.fail(Rule.ESE_04, what + name, "present (generation " + anchor + ")", Source.NONE,
                    "not usable (" + l.header().damage() + ")", StoreView.damageSource(l), "The " + what + "log " + name
                            + " is there, but " + StoreView.damageFinding(l) + ": check a fresh "
                            + "copy with `eseutil /ml " + name + "`; if it is damaged, do not replay any logs; restore "
                            + "point-in-time instead (KB Q296787)."));
        }
        return List.of(Finding.fail(Rule.ESE_04, what + StoreView.logName(anchor), "present (generation " + anchor
                + ")", Source.NONE, "missing", Source.NONE, remedy("<anchor/LowLog>", what.trim(), "Edb<gen>.log",
                StoreView.logName(anchor))));
    }
}
