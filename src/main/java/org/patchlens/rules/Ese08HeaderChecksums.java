package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.HeaderCopy;
import org.patchlens.ese.PatchHeader;
import org.patchlens.ese.Verification;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE-08: the store headers' checksums hold, and the shadow copy equals the primary. */
final class Ese08HeaderChecksums extends RuleUnit {
    Ese08HeaderChecksums() {
        super("Header checksums and shadow copy", Severity.HIGH, Confidence.CONFIRMED, List.of("Q261947", "Q296787"),
                "Header of <file> damaged: re-copy the file; if the copy is also damaged, restore another backup "
                        + "(esefile /s to check pages, KB Q296787).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        StoreView s = c.store();
        List<Finding> out = new ArrayList<>();
        List<Item<? extends EseHeader>> headers = new ArrayList<>();
        headers.addAll(s.databases());
        headers.addAll(s.patches());
        headers.addAll(s.checkpoints());
        for (Item<? extends EseHeader> i : headers) {
            if (i.header().source() == org.patchlens.ese.Source.TEXT) {
                continue;
            }
            Verification v = i.header().verification();
            HeaderCopy p = v.primary();
            HeaderCopy sh = v.shadow();
            String remedy = remedy("<file>", i.fileName());
            String assumed = assumedPatchPage(i.header(), v);
            if (!p.present()) {
                // the file ends inside the first header page: no checksum could be verified, and no shadow follows
                out.add(Finding.fail(Rule.ESE_08, i.name() + " : header checksum", "the whole " + p.length()
                        + "-byte header page", Source.NONE, "primary " + p.verdict() + "; shadow " + sh.verdict()
                        + ": the file was cut short" + assumed, i.source("primary header, cut short", p.offset()
                        + p.held()), remedy));
            } else if (!p.valid()) {
                out.add(Finding.fail(Rule.ESE_08, i.name() + " : header checksum", String.format("0x%08X",
                        p.computed()), Source.NONE, String.format("0x%08X", p.stored()) + " (" + p.verdict()
                        + "); shadow " + sh.verdict() + assumed, i.source("header checksum", p.offset()), remedy));
            } else if (sh.present() && (!sh.valid() || !v.identical())) {
                out.add(Finding.fail(Rule.ESE_08, i.name() + " : shadow header", "valid and identical to the primary",
                        Source.NONE, sh.verdict() + (v.identical() ? "" : ", differs from the primary") + assumed,
                        i.source("shadow header", sh.offset()), remedy));
            } else if (!sh.present()) {
                // every database, patch file and checkpoint begins with both copies (an empty .pat is two header
                // pages, KB Q200941; a checkpoint is two 4096-byte CHECKPOINT copies, ese-format.md): a file that
                // ends before the shadow's end was cut short
                out.add(Finding.warn(Rule.ESE_08, Severity.WARN, i.name() + " : shadow header", "present",
                        Source.NONE, "primary " + p.verdict() + "; shadow " + sh.verdict() + ": the file was cut short"
                                + assumed, i.source("shadow header", sh.offset()), remedy));
            } else {
                out.add(Finding.pass(Rule.ESE_08, i.name() + " : header checksums", "valid", Source.NONE,
                        "primary " + p.verdict() + (sh.present() ? ", shadow " + sh.verdict() : ""),
                        i.source("header checksum", p.offset())));
            }
            if (i.header() instanceof DatabaseHeader d && d.repairCount() > 0) {
                out.add(Finding.warn(Rule.ESE_08, Severity.WARN, i.name() + " : Repair Count", "0", Source.NONE,
                        Long.toString(d.repairCount()), i.field("Repair Count", 240), "The database was repaired "
                                + "(eseutil /p): its signature changed and older logs will not replay (KB Q296787, "
                                + "Q261947)."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.ESE_08, "no binary database, patch or checkpoint header"));
        }
        return out;
    }

    /**
     * For a PATCHHDR page whose size no second copy confirmed: which size the checksums were taken over, and why
     * (the page has no page-size field); "" otherwise.
     */
    private static String assumedPatchPage(EseHeader h, Verification v) {
        if (!(h instanceof PatchHeader ph) || !ph.interpretation().equals("PATCHHDR") || v.pageSizeConfirmed()) {
            return "";
        }
        return " (page size " + v.pageSize() + " assumed: a patch header has no page-size field, and no shadow copy "
                + "confirms one)";
    }
}
