package org.patchlens.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.patchlens.ese.LogHeader;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/**
 * ESE-06: edb.log follows the highest numbered log, its header checksum verifies and eseutil's text does not report it
 * damaged.
 */
final class Ese06CurrentLog extends LogStreamUnit {
    Ese06CurrentLog() {
        super("edb.log is the highest log + 1", Severity.HIGH, Confidence.CONFIRMED, List.of("Q296787"),
                "`ren Edb<highest>.log edb.log` and move away every numbered log above it (KB Q296787 step 7).");
    }

    @Override
    List<Finding> check(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (ls.replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_06, ls.noReplayLogs()));
        }
        if (c.restore() == Effective.OFFLINE_PIT) {
            return List.of(Finding.notApplicable(Rule.ESE_06, "point-in-time restore"));
        }
        // a sound copy first (header verifying, not reported damaged by eseutil's text), when there are two, and one
        // whose generation is known
        Optional<Item<LogHeader>> current = ls.replayLogs().stream().filter(StoreView::isCurrent)
                .sorted(Comparator.comparing(StoreView::damaged).thenComparing(StoreView::generationUnknown))
                .findFirst();
        TreeSet<Long> gens = chain(c, s, ls);
        long highest = ls.replayLogs().stream().filter(l -> !StoreView.isCurrent(l) && gens.contains(
                (long) l.header().generation())).mapToLong(l -> l.header().generation()).max().orElse(-1);
        if (current.isEmpty()) {
            if (c.restore() == Effective.OFFLINE_ROLLFORWARD && highest >= 0) {
                return List.of(Finding.fail(Rule.ESE_06, "edb.log" + in(s, ls), "present, generation " + (highest + 1),
                        Source.NONE, "missing", Source.NONE, remedy("Edb<highest>.log", StoreView.logName(highest))));
            }
            return List.of(Finding.pass(Rule.ESE_06, "edb.log" + in(s, ls), "absent or highest + 1", Source.NONE,
                    c.restore() == Effective.ONLINE ? "absent (online restore: never on tape, KB Q200941)" : "absent",
                    Source.NONE));
        }
        String damage = current.get().header().damage();
        if (damage != null) {
            // replay ends in the current log: one whose header does not verify or eseutil's text reports damaged stops it,
        // whatever its generation
            return List.of(Finding.fail(Rule.ESE_06, "edb.log" + in(s, ls), highest < 0 ? "a log replay can use"
                    : "generation " + (highest + 1) + ", usable", Source.NONE, "not usable (" + damage + ")",
                    StoreView.damageSource(current.get()), "edb.log is there, but " + StoreView.damageFinding(
                            current.get()) + ": check a fresh copy with `eseutil /ml edb.log`; if it is "
                            + "damaged, move it away" + (highest < 0 ? " (KB Q296787 step 6)." : " and `ren "
                            + StoreView.logName(highest) + " edb.log` (KB Q296787 step 7).")));
        }
        long g = current.get().header().generation();
        if (StoreView.generationUnknown(current.get())) {
            String unknown = "generation unknown (" + StoreView.unknownGenerationWhy(current.get()) + ")";
            Source src = current.get().source(current.get().fileName() + " (eseutil /ml verdict)", -1);
            if (highest < 0) {
                return List.of(Finding.pass(Rule.ESE_06, "edb.log" + in(s, ls), "any generation (no numbered log in "
                        + "the stream)", Source.NONE, unknown, src));
            }
            // eseutil verified it against no sound log before it: whether it follows the highest is not known
            return List.of(Finding.warn(Rule.ESE_06, Severity.WARN, "edb.log" + in(s, ls), "generation " + (highest + 1)
                    + " (highest numbered " + StoreView.logName(highest) + " + 1)", Source.NONE, unknown, src,
                    "eseutil's text gives no generation for edb.log: run `eseutil /ml edb.log` and check that its "
                            + "lGeneration is " + (highest + 1) + " (" + StoreView.logName(highest) + " + 1); if it is "
                            + "not, move it away (KB Q296787 step 6), or move away the numbered logs above it."));
        }
        if (highest < 0 || g == highest + 1) {
            return List.of(Finding.pass(Rule.ESE_06, "edb.log" + in(s, ls), highest < 0 ? "any generation (no "
                    + "numbered log in the stream)" : "generation " + (highest + 1), Source.NONE, "generation " + g,
                    current.get().source("lGeneration", 4)));
        }
        return List.of(Finding.fail(Rule.ESE_06, "edb.log" + in(s, ls), "generation " + (highest + 1)
                + " (highest numbered " + StoreView.logName(highest) + " + 1)", Source.NONE, "generation " + g,
                current.get().source("lGeneration", 4), "edb.log (generation " + g + ") does not follow "
                        + StoreView.logName(highest) + ": move it away (KB Q296787 step 6), or move away the numbered "
                        + "logs above it."));
    }
}
