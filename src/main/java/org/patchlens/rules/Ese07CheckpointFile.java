package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE-07: no edb.chk where replay would start from it. */
final class Ese07CheckpointFile extends RuleUnit {
    Ese07CheckpointFile() {
        super("Checkpoint file placement", Severity.CRIT, "CRIT for offline roll-forward, WARN for online",
                Confidence.CONFIRMED, List.of("Q296787", "Q296229"),
                "Move edb.chk out of the working folder <Working Directory> before starting (KB Q296787 step 9, KB "
                        + "Q296229 step 14).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        StoreView s = c.store();
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.ESE_07, "restore type unknown"));
        }
        if (s.checkpoints().isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_07, "edb.chk", "absent", Source.NONE, "absent", Source.NONE));
        }
        String work = c.system().flatMap(v -> v.value(ExchangeKeys.IS_SYSTEM, "Working Directory")).map(RegValue::text)
                .orElse("<Working Directory>");
        String remedy = remedy("<Working Directory>", work);
        List<Finding> out = new ArrayList<>();
        long anchor = s.anchor();
        for (Item<CheckpointHeader> k : s.checkpoints()) {
            Source src = k.field("Checkpoint", 12);
            String actual = "present, checkpoint " + k.header().checkpoint().eseutil();
            if (c.restore() == Effective.OFFLINE_ROLLFORWARD) {
                boolean mid = anchor >= 0 && k.header().generation() > anchor;
                out.add(new Finding(Rule.ESE_07, Severity.CRIT, Status.FAIL, k.name(), "absent (offline roll-forward)",
                        Source.NONE, actual + (mid ? " above the anchor generation " + anchor + ": replay would start "
                        + "mid-stream" : ""), src, remedy, ""));
            } else {
                out.add(Finding.warn(Rule.ESE_07, Severity.WARN, k.name(), "absent (" + c.restore().label() + ")",
                        Source.NONE, actual, src, remedy + (c.restore() == Effective.ONLINE
                                ? " Hard recovery ignores it while the Restore in Progress key exists." : "")));
            }
        }
        return out;
    }
}
