package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.LogHeader;
import org.patchlens.rules.StoreView.Item;

/** ESE-02: each database's log and database signatures match its log stream. */
final class Ese02LogSignature extends LogStreamUnit {
    Ese02LogSignature() {
        super("Database log signature matches the log set", Severity.HIGH, Confidence.CONFIRMED, List.of("Q296787"),
                "These logs belong to another log stream: replay into <db> would stop. Use the logs of the same "
                        + "server and backup generation (KB Q296787).");
    }

    @Override
    List<Finding> check(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (ls.replayLogs().isEmpty() || databasesOf(s, ls).isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_02, s.databases().isEmpty() ? "no database header"
                    : ls.replayLogs().isEmpty() ? ls.noReplayLogs()
                    : "no database header for the logs" + in(s, ls)));
        }
        if (signed(ls).isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_02, "the log headers record no signature (ESE97 binary logs); "
                    + "supply eseutil /ml output of the logs"));
        }
        List<Finding> out = new ArrayList<>();
        long anchor = anchorGeneration(c, s, ls);
        for (Item<DatabaseHeader> d : databasesOf(s, ls)) {
            DatabaseHeader h = d.header();
            long gen = c.restore() == Effective.OFFLINE_ROLLFORWARD ? anchor : h.attachPosition().generation();
            Optional<Item<LogHeader>> log = ls.generation(gen).filter(l -> l.header().logSignature() != null);
            if (log.isEmpty()) {
                log = signed(ls).stream().findFirst();
            }
            Item<LogHeader> l = log.get();
            if (StoreView.same(h.logSignature(), l.header().logSignature())) {
                out.add(Finding.pass(Rule.ESE_02, d.name() + " : Log Signature", StoreView.show(h.logSignature()),
                        d.field("Log Signature", 108), StoreView.show(l.header().logSignature()),
                        l.source("Signature (generation " + l.header().generation() + ")", 44)));
            } else {
                out.add(Finding.fail(Rule.ESE_02, d.name() + " : Log Signature", StoreView.show(h.logSignature()),
                        d.field("Log Signature", 108), StoreView.show(l.header().logSignature()),
                        l.source("Signature (generation " + l.header().generation() + ")", 44),
                        remedy("<db>", d.fileName())));
            }
            for (Item<LogHeader> lg : ls.replayLogs()) {
                for (var a : lg.header().attachments()) {
                    boolean recorded = !a.signature().isZero(); // eseutil /ml text may not show it
                    if (WinPath.sameFileName(WinPath.of(a.path()).fileName(), d.fileName()) && recorded
                            && !StoreView.same(a.signature(), h.dbSignature())) {
                        out.add(Finding.fail(Rule.ESE_02, d.name() + " : DB Signature", StoreView.show(h.dbSignature()),
                                d.field("DB Signature", 24), StoreView.show(a.signature()),
                                lg.source("attached database " + a.path(), a.fileOffset()),
                                "The logs know another incarnation of " + d.fileName() + " (repaired or defragmented "
                                        + "since): replay would stop. Use logs from after that change (KB Q296787)."));
                    }
                }
            }
        }
        return out;
    }
}
