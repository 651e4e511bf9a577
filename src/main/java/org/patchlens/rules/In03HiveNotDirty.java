package org.patchlens.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.model.Source;

/** IN-03: every hive clean, or recovered from the transaction logs beside it that are its own. */
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
            String others = replay.map(In03HiveNotDirty::anotherHivesLogs).orElse("");
            if (replay.isPresent() && replay.get().appliedAnotherHivesLog()) {
                // not its matching log (catalog: FAIL): Windows would apply it all the same, so the rules read it
                out.add(Finding.fail(Rule.IN_03, e.name(), "clean, or recovered from its own logs", Source.NONE,
                        actual + "; recovered with another hive's log: " + replay.get().result(), src,
                        remedy("<hive>", e.path().getFileName().toString())).withDetail(others + "; the rules read "
                        + "the hive with it applied, as Windows would load it: its values may be another hive's"));
                continue;
            }
            if (replay.isPresent() && replay.get().outcome() == ReplayLedger.Outcome.APPLIED) {
                out.add(Finding.pass(Rule.IN_03, e.name(), "clean, or recovered from its logs", Source.NONE,
                        actual + "; recovered: " + replay.get().result(), src).withDetail("the rules read the "
                        + "hive with its transaction logs applied, as Windows would load it" + (others.isEmpty()
                        ? "" : "; " + others)));
                continue;
            }
            String why = c.replayFailure(e.name()).map(r -> "log recovery failed: " + r)
                    .or(() -> replay.map(l -> "logs beside it: " + l.result()))
                    .orElse(hasLog(e) ? "" : "no transaction log beside it");
            out.add(Finding.fail(Rule.IN_03, e.name(), "equal sequence numbers, valid checksum", Source.NONE,
                    actual, src, remedy("<hive>", e.path().getFileName().toString())).withDetail(why
                    + (why.isEmpty() ? "" : "; ") + (others.isEmpty() ? "" : others + "; ")
                    + "the rules read the hive as found, which may be stale"));
        }
        if (out.isEmpty()) {
            boolean any = c.evidence().stream().anyMatch(e -> e.kind().isHive());
            out.add(any ? Finding.pass(Rule.IN_03, "every hive", "clean", Source.NONE, "clean", Source.NONE)
                    : Finding.skipped(Rule.IN_03, "no hive among the evidence"));
        }
        return out;
    }

    /**
     * Each log beside the hive whose base block copy names another hive (docs/replay.md, "A log of another hive"),
     * by its file name, with what differs and whether it was applied (why not is in the replay's result); "" when
     * none does.
     */
    private static String anotherHivesLogs(ReplayLedger l) {
        return l.logs().stream().filter(r -> !r.otherHive().isEmpty()).map(r -> Path.of(r.file()).getFileName()
                + " is another hive's log (" + r.otherHive() + "), " + (r.applied() ? "applied as Windows would apply "
                + "it" : "not applied")).collect(Collectors.joining("; "));
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
