package org.patchlens.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.patchlens.ese.LogHeader;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** RIP-04: the EDB_RstMap "before" paths are the database paths the tape logs recorded (KB Q262041). */
final class Rip04BeforePaths extends RipUnit {
    Rip04BeforePaths() {
        super("EDB_RstMap \"before\" paths equal the database paths in the tape logs", Severity.CRIT,
                Confidence.CONFIRMED, List.of("Q262041", "Q200941"),
                "Logs <range> refer to <log path>, the map says <before>: those logs will be skipped silently and "
                        + "their data lost (KB Q262041). Do not start the store; save the logs and the original "
                        + "database; restore again, or correct the before-line to exactly <log path> (UNC form) "
                        + "with extreme care.");
    }

    @Override
    List<Finding> check(CheckContext c, RestoreInProgress rip) {
        Optional<RegValue> map = rip.value("EDB_RstMap");
        long low = rip.dword("LowLog Number");
        long high = rip.dword("HighLog Number");
        StoreView s = c.store();
        var set = s.logSet(rip.service().equals("MSExchangeDS"));
        List<StoreView.Item<LogHeader>> tape = set.map(StoreView.LogSet::replayLogs)
                .orElse(List.of()).stream().filter(l ->
                l.header().generation() >= low && l.header().generation() <= high).toList();
        if (map.isEmpty() || map.get().typeCode() != 7 || low < 0 || high < 0) {
            return List.of(Finding.skipped(Rule.RIP_04, rip.path() + ": no usable EDB_RstMap or log range (RIP-02)"));
        }
        if (tape.stream().allMatch(l -> l.header().attachments().isEmpty())) {
            return List.of(Finding.skipped(Rule.RIP_04, "no attach lists in the headers of logs " + low + " to " + high
                    + (tape.isEmpty() ? " (none present)"
                            : " (ESE97 binary logs do not record them; supply eseutil /ml output)")));
        }
        List<String> lines = map.get().lines();
        List<WinPath> before = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 2) {
            before.add(WinPath.of(lines.get(i)));
        }
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var l : tape) {
            for (var a : l.header().attachments()) {
                WinPath p = WinPath.of(a.path());
                if (!seen.add(p.local().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                boolean fileInMap = before.stream().anyMatch(b -> WinPath.sameFileName(b.fileName(), p.fileName()));
                boolean dir = p.fileName().equalsIgnoreCase("dir.edb");
                boolean otherService = rip.service().equals("MSExchangeIS") ? dir : !dir;
                if (otherService && !fileInMap) {
                    continue; // another service's database
                }
                Optional<WinPath> match = before.stream().filter(b -> b.sameLocal(p)).findFirst();
                Optional<WinPath> sameName = before.stream().filter(b -> WinPath.sameFileName(b.fileName(),
                        p.fileName())).findFirst();
                Source logSrc = l.source("attached database path", a.fileOffset());
                String obj = rip.path() + " : EDB_RstMap before-line for " + p.fileName();
                if (match.isPresent()) {
                    out.add(Finding.pass(Rule.RIP_04, obj, p.local(), logSrc, match.get().local(), map.get().source()));
                } else {
                    List<String> skipped = tape.stream().filter(x -> x.header().attachments().stream().anyMatch(
                            y -> WinPath.of(y.path()).sameLocal(p))).map(StoreView.Item::fileName).toList();
                    String actual = sameName.map(WinPath::local).orElse("no line for " + p.fileName());
                    out.add(Finding.fail(Rule.RIP_04, obj, p.local(), logSrc, actual, map.get().source(),
                            remedy("<range>", String.join(", ", skipped), "<log path>", p.local(), "<before>",
                                    actual)));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.RIP_04, "the tape logs attach no database of " + rip.service()));
        }
        return out;
    }
}
