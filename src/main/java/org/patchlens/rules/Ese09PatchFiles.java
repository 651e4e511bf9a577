package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.PatchHeader;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE-09: the patch files fit the restore: one per database online, none offline. */
final class Ese09PatchFiles extends RuleUnit {
    Ese09PatchFiles() {
        super("Patch files fit the restore", Severity.HIGH, Confidence.CONFIRMED, List.of("Q200941", "Q296229"),
                "<db>.pat missing or from another backup: hard recovery cannot run (KB Q200941). Restore the full "
                        + "backup again so database, logs and patch file come from the same set.");
    }

    @Override
    List<Finding> check(CheckContext c) {
        StoreView s = c.store();
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.ESE_09, "restore type unknown"));
        }
        List<Finding> out = new ArrayList<>();
        if (c.restore().offline()) {
            for (Item<PatchHeader> p : s.patches()) {
                out.add(Finding.warn(Rule.ESE_09, Severity.WARN, p.name(), "no patch file (offline restore)",
                        Source.NONE, "present", p.source("file", -1), "Move " + p.fileName() + " away: it belongs to "
                                + "an earlier online restore (KB Q200941)."));
            }
            if (out.isEmpty()) {
                out.add(Finding.pass(Rule.ESE_09, "patch files", "none (offline restore)", Source.NONE, "none",
                        Source.NONE));
            }
            return out;
        }
        if (s.databases().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_09, "no database header: the restored databases are unknown"));
        }
        for (Item<DatabaseHeader> d : s.databases()) {
            String base = d.fileName().replaceAll("(?i)\\.edb$", "");
            Optional<Item<PatchHeader>> pat = s.patches().stream().filter(p -> p.fileName().replaceAll("(?i)\\.pat$",
                    "").equalsIgnoreCase(base)).findFirst();
            String remedy = remedy("<db>", base);
            if (pat.isEmpty()) {
                out.add(Finding.fail(Rule.ESE_09, base + ".pat", "present (online restore)", Source.NONE, "missing",
                        Source.NONE, remedy));
                continue;
            }
            PatchHeader ph = pat.get().header();
            boolean sigOk = StoreView.same(ph.dbSignature(), d.header().dbSignature());
            if (!sigOk) {
                out.add(Finding.fail(Rule.ESE_09, pat.get().name() + " : DB Signature",
                        StoreView.show(d.header().dbSignature()), d.field("DB Signature", 24),
                        StoreView.show(ph.dbSignature()), pat.get().field("DB Signature", 64), remedy));
            } else if (!ph.backup().isSet()) {
                out.add(Finding.fail(Rule.ESE_09, pat.get().name() + " : Current Full Backup", "a log range",
                        Source.NONE, "not set", pat.get().field("backup", 40), remedy));
            } else {
                Finding f = Finding.pass(Rule.ESE_09, pat.get().name(), "signature of " + d.fileName()
                        + " and a full-backup log range", Source.NONE, "Log Gen " + ph.backup().genLow() + "-"
                        + ph.backup().genHigh(), pat.get().field("backup", 40));
                out.add(pat.get().evidence().size() <= StoreView.EMPTY_PATCH ? f.withDetail("empty patch file (8 KB): "
                        + "no pages changed during the backup (INFO)") : f);
            }
        }
        return out;
    }
}
