package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** RIP-05: LowLog and HighLog agree with the patch file's backup range (KB Q200941). */
final class Rip05LogRange extends RipUnit {
    Rip05LogRange() {
        super("LowLog/HighLog agree with the patch file", Severity.HIGH, Confidence.CONFIRMED, List.of("Q200941"),
                "LowLog must be <pat low>, never any other number (KB Q200941); HighLog at least <pat high>. Restore "
                        + "the backup sets again in chronological order.");
    }

    @Override
    List<Finding> check(CheckContext c, RestoreInProgress rip) {
        StoreView s = c.store();
        if (s.patches().isEmpty()) {
            return List.of(Finding.skipped(Rule.RIP_05, "no patch file headers among the evidence"));
        }
        Optional<RegValue> low = rip.value("LowLog Number");
        Optional<RegValue> high = rip.value("HighLog Number");
        if (low.isEmpty() || high.isEmpty() || !low.get().isDword() || !high.get().isDword()) {
            return List.of(Finding.skipped(Rule.RIP_05, rip.path() + ": no LowLog/HighLog Number (RIP-02)"));
        }
        List<Finding> out = new ArrayList<>();
        boolean ds = rip.service().equals("MSExchangeDS");
        for (var p : s.patches()) {
            boolean dirPat = p.fileName().equalsIgnoreCase("dir.pat");
            if (dirPat != ds) {
                continue;
            }
            var b = p.header().backup();
            Source ps = p.field("Current Full Backup Log Gen", 40);
            String remedy = remedy("<pat low>", b.genLow() + " (0x" + Long.toHexString(b.genLow()) + ")",
                    "<pat high>", b.genHigh() + " (0x" + Long.toHexString(b.genHigh()) + ")");
            if (low.get().dword() != b.genLow()) {
                out.add(Finding.fail(Rule.RIP_05, rip.path() + " : LowLog Number", b.genLow() + " (0x"
                        + Long.toHexString(b.genLow()) + ")", ps, low.get().dword() + " (0x"
                        + Long.toHexString(low.get().dword()) + ")", low.get().source(), remedy));
            } else if (high.get().dword() < b.genHigh()) {
                out.add(Finding.fail(Rule.RIP_05, rip.path() + " : HighLog Number", ">= " + b.genHigh(), ps,
                        Long.toString(high.get().dword()), high.get().source(), remedy));
            } else {
                out.add(Finding.pass(Rule.RIP_05, rip.path() + " : LowLog/HighLog", b.genLow() + "-" + b.genHigh()
                        + " of " + p.fileName(), ps, low.get().dword() + "-" + high.get().dword(), low.get().source()));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.RIP_05, "no patch file of " + rip.service()));
        }
        return out;
    }
}
