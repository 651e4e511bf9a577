package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.Signature;
import org.patchlens.model.Source;

/**
 * RIP-06: every log from LowLog to HighLog is there (its header checksum verifying, and not reported damaged by
 * eseutil's text), with one signature, and nothing else.
 */
final class Rip06TapeLogs extends RipUnit {
    Rip06TapeLogs() {
        super("Tape log range present and clean", Severity.HIGH, Confidence.CONFIRMED, List.of("Q296229", "Q269782"),
                "Move aside <logs> (KB Q269782) and edb.chk (KB Q296229) before starting.");
    }

    @Override
    List<Finding> check(CheckContext c, RestoreInProgress rip) {
        StoreView s = c.store();
        long low = rip.dword("LowLog Number");
        long high = rip.dword("HighLog Number");
        if (low < 0 || high < 0) {
            return List.of(Finding.skipped(Rule.RIP_06, rip.path() + ": no LowLog/HighLog Number (RIP-02)"));
        }
        var set = s.logSet(rip.service().equals("MSExchangeDS"));
        if (set.isEmpty() || set.get().replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_06, "no log headers of " + rip.service() + " among the evidence"));
        }
        List<Finding> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        // there, but only in logs whose header checksum does not verify or eseutil's text reports damaged: hard recovery
        // cannot replay them either
        List<String> damaged = new ArrayList<>();
        List<String> damagedWhy = new ArrayList<>();
        java.util.Set<String> damagedBy = new java.util.TreeSet<>();
        Source damagedSource = Source.NONE;
        for (long g = low; g <= high && missing.size() + damaged.size() < 1000; g++) {
            Optional<StoreView.Item<LogHeader>> log = set.get().generation(g);
            if (log.isEmpty()) {
                missing.add(StoreView.logName(g));
            } else if (set.get().sound(g).isEmpty()) {
                damaged.add(StoreView.logName(g));
                damagedWhy.add(StoreView.logName(g) + " (" + log.get().header().damage() + ")");
                damagedBy.add(StoreView.Damage.of(log.get()).label);
                if (damagedSource == Source.NONE) {
                    damagedSource = StoreView.damageSource(log.get());
                }
            }
        }
        Optional<StoreView.Item<LogHeader>> first = set.get().generation(low);
        Signature sig = first.map(l -> l.header().logSignature()).orElse(null);
        List<String> foreign = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<StoreView.Item<LogHeader>> unknown = new ArrayList<>();
        long next = high + 1;
        for (var l : set.get().replayLogs()) {
            long g = l.header().generation();
            var ls = l.header().logSignature();
            if (StoreView.generationUnknown(l)) {
                unknown.add(l); // its generation reads 0: neither below LowLog nor known to follow HighLog
            } else if (sig != null && ls != null && !ls.isZero() && !sig.isZero() && !ls.sameAs(sig)) {
                foreign.add(l.fileName());
            } else if (g > high) {
                if (g == next) {
                    next++;
                } else {
                    extra.add(l.fileName());
                }
            } else if (g < low) {
                extra.add(l.fileName());
            }
        }
        String aside = foreign.isEmpty() && extra.isEmpty() ? "any logs outside the range"
                : String.join(", ", foreign) + (foreign.isEmpty() || extra.isEmpty() ? "" : ", ")
                + String.join(", ", extra);
        String remedy = (missing.isEmpty() ? "" : "Missing: " + String.join(", ", missing)
                + "; restore them from tape. ") + remedy("<logs>", aside);
        if (!missing.isEmpty()) {
            out.add(Finding.fail(Rule.RIP_06, "tape logs " + low + "-" + high, "every generation present", Source.NONE,
                    "missing " + String.join(", ", missing) + " (error 3355443765)", Source.NONE, remedy));
        }
        if (!damaged.isEmpty()) {
            out.add(Finding.fail(Rule.RIP_06, "tape logs " + low + "-" + high + " usable", "every generation usable",
                    Source.NONE, "not usable " + String.join(", ", damagedWhy), damagedSource, "Not usable (" + String.join(", ", damagedBy) + "): "
                            + String.join(", ", damaged) + "; restore them from tape again and check them with `eseutil "
                            + "/ml`. " + remedy("<logs>", aside)));
        }
        if (!foreign.isEmpty()) {
            out.add(Finding.fail(Rule.RIP_06, "tape log signatures", StoreView.show(sig),
                    first.map(l -> l.source("Signature", 44)).orElse(Source.NONE), "different in "
                            + String.join(", ", foreign), Source.NONE, remedy));
        }
        if (!extra.isEmpty()) {
            out.add(Finding.warn(Rule.RIP_06, Severity.WARN, "logs outside the range", "only LowLog..HighLog and "
                    + "consecutive later logs", Source.NONE, String.join(", ", extra), Source.NONE, remedy));
        }
        if (!unknown.isEmpty()) {
            List<String> names = unknown.stream().map(StoreView.Item::fileName).toList();
            out.add(Finding.warn(Rule.RIP_06, Severity.WARN, "logs of unknown generation", "LowLog..HighLog (" + low
                    + "-" + high + ") or consecutive later logs", Source.NONE, String.join(", ", unknown.stream().map(
                            l -> l.fileName() + " (" + StoreView.unknownGenerationWhy(l) + ")").toList()),
                    unknown.get(0).source(unknown.get(0).fileName() + " (eseutil /ml verdict)", -1),
                    "eseutil's text gives no generation for " + String.join(", ", names) + ": run `eseutil /ml` on "
                            + (names.size() == 1 ? "it" : "them") + " and check that its lGeneration lies in " + low
                            + "-" + high + " or follows them; if not, move it aside. " + remedy));
        }
        for (var k : s.checkpoints()) {
            out.add(Finding.warn(Rule.RIP_06, Severity.WARN, k.name(), "no edb.chk in the working folder",
                    Source.NONE, "present", k.source("file", -1), remedy));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.RIP_06, "tape logs " + low + "-" + high, "present, one signature", Source.NONE,
                    (high - low + 1) + " logs", Source.NONE));
        }
        return out;
    }
}
