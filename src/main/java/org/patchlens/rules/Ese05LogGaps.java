package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.patchlens.ese.LogHeader;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/**
 * ESE-05: no generation is missing between the anchor and the last log, and none is there only in a log whose header
 * checksum does not verify or eseutil's text reports damaged (or names with no verdict).
 */
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
            return List.of(Finding.skipped(Rule.ESE_05, ls.noReplayLogs()));
        }
        if (c.restore() == Effective.OFFLINE_PIT) {
            return List.of(Finding.notApplicable(Rule.ESE_05, "point-in-time restore replays no logs"));
        }
        TreeSet<Long> gens = chain(c, s, ls);
        if (gens.isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_05, "no log of a known generation among the evidence (eseutil's "
                    + "text can name a log without one)"));
        }
        // a log whose header does not verify, or eseutil's text reports damaged (or names with no verdict), is there, but
        // replay cannot pass it any more
        // than a missing one
        TreeMap<Long, Item<LogHeader>> damaged = damaged(c, s, ls);
        long from = Math.max(anchorGeneration(c, s, ls), gens.first());
        long to = gens.last();
        List<Long> stops = new ArrayList<>();
        for (long g = from; g <= to && stops.size() < 1000; g++) {
            if (!gens.contains(g) || damaged.containsKey(g)) {
                stops.add(g);
            }
        }
        if (stops.isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous", Source.NONE,
                    "generations " + from + " to " + to, Source.NONE));
        }
        long lastGood = stops.get(0) - 1;
        List<String> missing = stops.stream().filter(g -> !damaged.containsKey(g)).map(StoreView::logName).toList();
        List<String> bad = stops.stream().filter(damaged::containsKey).map(g -> StoreView.logName(g) + " ("
                + damaged.get(g).header().damage() + ")").toList();
        String actual = (missing.isEmpty() ? "" : "missing " + String.join(", ", missing) + "; ")
                + (bad.isEmpty() ? "" : "not usable " + String.join(", ", bad) + "; ") + "replay stops after generation "
                + lastGood;
        Item<LogHeader> first = damaged.get(stops.get(0));
        if (first == null) {
            return List.of(Finding.fail(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous from " + from + " to " + to,
                    Source.NONE, actual, Source.NONE, remedy("Edb<gen>.log", missing.get(0))));
        }
        String name = StoreView.logName(stops.get(0));
        return List.of(Finding.fail(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous from " + from + " to " + to,
                Source.NONE, actual, StoreView.damageSource(first), name + " is there, but " + StoreView.damageFinding(
                        first) + ": replay cannot pass it. Check a fresh copy with `eseutil "
                        + "/ml " + name + "`; if it is damaged, find an undamaged copy in other backup sets; otherwise keep "
                        + "only logs below it, rename the highest of them edb.log and remove all above it (KB Q296787, "
                        + "Q240145)."));
    }
}
