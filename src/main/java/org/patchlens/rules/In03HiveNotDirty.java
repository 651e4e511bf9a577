package org.patchlens.rules;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.model.Source;

/** IN-03: every hive clean, or recovered from the transaction logs beside it. */
final class In03HiveNotDirty extends RuleUnit {
    In03HiveNotDirty() {
        super("Hive not dirty", Severity.WARN, Confidence.CONFIRMED, List.of(),
                "Supply `<hive>.LOG` from the same folder, or copy the hive after a clean shutdown of the node.");
    }

    @Override
    List<Finding> check(CheckContext c) {
        List<Finding> out = new ArrayList<>();
        for (Evidence e : c.evidence()) {
            if (!e.kind().isHive()) {
                continue;
            }
            HiveHeader h;
            try (Hive hive = Hive.open(e.path())) {
                h = hive.header();
            } catch (RuntimeException ex) {
                continue; // IN-02 reports unreadable files
            }
            Source src = new Source(e.name(), "base block sequence numbers", 4);
            String actual = "primary " + h.primarySequenceNumber() + ", secondary " + h.secondarySequenceNumber()
                    + (h.checksumValid() ? "" : ", checksum INVALID");
            if (!h.dirty()) {
                continue;
            }
            var replay = c.replay(e.name());
            if (replay.isPresent() && replay.get().outcome() == ReplayLedger.Outcome.APPLIED) {
                out.add(Finding.pass(Rule.IN_03, e.name(), "clean, or recovered from its logs", Source.NONE,
                        actual + "; recovered: " + replay.get().result(), src).withDetail("the rules read the "
                        + "hive with its transaction logs applied, as Windows would load it"));
                continue;
            }
            String why = c.replayFailure(e.name()).map(r -> "log recovery failed: " + r)
                    .or(() -> replay.map(l -> "logs beside it: " + l.result()))
                    .orElse(hasLog(e) ? "" : "no transaction log beside it");
            out.add(Finding.fail(Rule.IN_03, e.name(), "equal sequence numbers, valid checksum", Source.NONE,
                    actual, src, remedy("<hive>", e.path().getFileName().toString())).withDetail(why
                    + (why.isEmpty() ? "" : "; ") + "the rules read the hive as found, which may be stale"));
        }
        if (out.isEmpty()) {
            boolean any = c.evidence().stream().anyMatch(e -> e.kind().isHive());
            out.add(any ? Finding.pass(Rule.IN_03, "every hive", "clean", Source.NONE, "clean", Source.NONE)
                    : Finding.skipped(Rule.IN_03, "no hive among the evidence"));
        }
        return out;
    }

    private static boolean hasLog(Evidence e) {
        for (String suffix : List.of(".LOG", ".log", ".LOG1", ".LOG2")) {
            if (Files.exists(e.path().resolveSibling(e.path().getFileName() + suffix))) {
                return true;
            }
        }
        return false;
    }
}
