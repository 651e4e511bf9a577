package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.Signature;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE-03: every log of a stream has the anchor log's signature. */
final class Ese03ForeignLogs extends LogStreamUnit {
    Ese03ForeignLogs() {
        super("No foreign logs", Severity.HIGH, Confidence.CONFIRMED, List.of("Q296787"),
                "Move <files> out of the log folder before starting: their signature differs from the anchor log (KB "
                        + "Q296787).");
    }

    @Override
    List<Finding> check(CheckContext c, StoreView s, StoreView.LogSet ls) {
        List<Item<LogHeader>> signed = signed(ls);
        if (ls.replayLogs().size() < 2) {
            return List.of(Finding.skipped(Rule.ESE_03, "fewer than two logs"));
        }
        if (signed.size() < 2) {
            return List.of(Finding.skipped(Rule.ESE_03, "the log headers record no signature (ESE97 binary logs)"));
        }
        long anchor = anchorGeneration(c, s, ls);
        Optional<Item<LogHeader>> anchorLog = ls.generation(anchor).filter(signed::contains);
        Item<LogHeader> ref = anchorLog.orElse(majority(signed));
        String refName = (anchorLog.isPresent() ? "anchor " : "the signature of most logs, ") + ref.fileName();
        Signature sig = ref.header().logSignature();
        List<String> foreign = signed.stream().filter(l -> !l.header().logSignature().sameAs(sig))
                .map(Item::name).toList();
        if (foreign.isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_03, "log set" + in(s, ls), "one signature",
                    ref.source("Signature", 44), signed.size() + " logs with " + StoreView.show(sig), Source.NONE));
        }
        List<Finding> out = new ArrayList<>();
        for (Item<LogHeader> l : signed) {
            if (!l.header().logSignature().sameAs(sig)) {
                out.add(Finding.fail(Rule.ESE_03, l.name(), StoreView.show(sig),
                        ref.source("Signature (" + refName + ")", 44), StoreView.show(l.header().logSignature()),
                        l.source("Signature", 44), remedy("<files>", String.join(", ", foreign))));
            }
        }
        return out;
    }
}
