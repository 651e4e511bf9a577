package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.patchlens.model.Source;

/** ESE-05: no generation is missing between the anchor and the last log. */
final class Ese05LogGaps extends LogStreamUnit {
    Ese05LogGaps() {
        super("No gaps in the log sequence", Severity.HIGH, Confidence.CONFIRMED, List.of("Q240145", "Q296787"),
                "Missing Edb<gen>.log: replay cannot pass the gap. Find the log in other backup sets; otherwise keep "
                        + "only logs below the gap, rename the highest of them edb.log and remove all above it (KB "
                        + "Q296787, Q240145).");
    }

    @Override
    List<Finding> check(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (ls.replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_05, "no log headers among the evidence"));
        }
        if (c.restore() == Effective.OFFLINE_PIT) {
            return List.of(Finding.notApplicable(Rule.ESE_05, "point-in-time restore replays no logs"));
        }
        TreeSet<Long> gens = chain(c, s, ls);
        long from = Math.max(anchorGeneration(c, s, ls), gens.first());
        long to = gens.last();
        List<Long> missing = new ArrayList<>();
        for (long g = from; g <= to && missing.size() < 1000; g++) {
            if (!gens.contains(g)) {
                missing.add(g);
            }
        }
        if (missing.isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous", Source.NONE,
                    "generations " + from + " to " + to, Source.NONE));
        }
        long lastGood = missing.get(0) - 1;
        List<String> names = missing.stream().map(StoreView::logName).toList();
        return List.of(Finding.fail(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous from " + from + " to " + to,
                Source.NONE, "missing " + String.join(", ", names) + "; replay stops after generation " + lastGood,
                Source.NONE, remedy("Edb<gen>.log", names.get(0))));
    }
}
