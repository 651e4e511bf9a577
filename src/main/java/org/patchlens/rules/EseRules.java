package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.HeaderCopy;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.PatchHeader;
import org.patchlens.ese.Signature;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.rules.StoreView.Item;

/** ESE: the store headers (database, patch, checkpoint and log files). */
final class EseRules {
    /** An empty patch file: two 4 KB header pages (KB Q200941). */
    static final long EMPTY_PATCH = 8192;

    private EseRules() {
    }

    static List<Finding> evaluate(CheckContext c) {
        StoreView s = c.store();
        List<Finding> out = new ArrayList<>();
        out.addAll(ese01(c, s));
        List<StoreView.LogSet> sets = s.logSets();
        if (sets.isEmpty()) {
            sets = List.of(new StoreView.LogSet("", List.of()));
        }
        for (StoreView.LogSet ls : sets) {
            out.addAll(ese02(c, s, ls));
            out.addAll(ese03(c, s, ls));
            out.addAll(ese04(c, s, ls));
            out.addAll(ese05(c, s, ls));
            out.addAll(ese06(c, s, ls));
        }
        out.addAll(ese07(c, s));
        out.addAll(ese08(s));
        out.addAll(ese09(c, s));
        return out;
    }

    static String logName(long gen) {
        return String.format("Edb%05x.log", gen);
    }

    private static List<Finding> ese01(CheckContext c, StoreView s) {
        if (s.databases().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_01, "no database header among the evidence"));
        }
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.ESE_01, "restore type unknown"));
        }
        List<Finding> out = new ArrayList<>();
        for (Item<DatabaseHeader> d : s.databases()) {
            DatabaseHeader h = d.header();
            Source src = d.source("State", 52);
            String state = h.stateName() + " (" + h.state() + "), Last Consistent " + h.consistentPosition().eseutil();
            if (c.restore().offline()) {
                if (h.cleanShutdown()) {
                    out.add(Finding.pass(Rule.ESE_01, d.name(), "Consistent (offline restore)", Source.NONE, state, src));
                } else {
                    out.add(Finding.fail(Rule.ESE_01, d.name(), "Consistent (offline restore)",
                            Source.option("--restore-type"), state, src, d.fileName() + " was copied while dirty: the "
                                    + "offline backup is not usable as is. Use another backup taken after a clean stop "
                                    + "(`eseutil /mh " + d.fileName() + " | find /i \"consistent\"` must show Consistent), "
                                    + "or supply every log from its Last Attach onward and let soft recovery run; "
                                    + "`eseutil /p` only as a last resort (KB Q296787, Q185577)."));
                }
            } else {
                out.add(Finding.pass(Rule.ESE_01, d.name(), "Inconsistent expected (online restore; RIP-07 checks a "
                        + "Consistent one)", Source.NONE, state, src));
            }
        }
        return out;
    }

    /** The logs whose signature is known (ESE97 binary logs do not record it). */
    private static List<Item<LogHeader>> signed(StoreView.LogSet ls) {
        return ls.replayLogs().stream().filter(l -> l.header().logSignature() != null
                && !l.header().logSignature().isZero()).toList();
    }

    /** The log the set is anchored at: LowLog (online) or the databases' anchor (roll-forward). */
    static long anchorGeneration(CheckContext c, StoreView s, StoreView.LogSet ls) {
        boolean dir = ls.directory(s);
        if (c.restore() == Effective.ONLINE) {
            return RipRules.rips(c).stream().filter(r -> r.service().equals("MSExchangeDS") == dir)
                    .map(r -> r.value("LowLog Number")).flatMap(Optional::stream)
                    .mapToLong(RegValue::dword).filter(g -> g >= 0).min().orElse(-1);
        }
        return databasesOf(s, ls).stream().mapToLong(d -> d.header().consistentPosition().generation())
                .filter(g -> g > 0).min().orElse(-1);
    }

    /** The databases a log stream serves: dir.edb for the directory's, the others for the store's. */
    static List<Item<DatabaseHeader>> databasesOf(StoreView s, StoreView.LogSet ls) {
        if (s.logSets().size() <= 1) {
            return s.databases();
        }
        boolean dir = ls.directory(s);
        return s.databases().stream().filter(d -> d.fileName().equalsIgnoreCase("dir.edb") == dir).toList();
    }

    /** " in FOLDER" when there are several log streams, for object names. */
    private static String in(StoreView s, StoreView.LogSet ls) {
        return s.logSets().size() > 1 ? " in " + ls.folder() : "";
    }

    private static List<Finding> ese02(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (ls.replayLogs().isEmpty() || databasesOf(s, ls).isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_02, s.databases().isEmpty() ? "no database header"
                    : "no log headers among the evidence"));
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
                        d.source("Log Signature", 108), StoreView.show(l.header().logSignature()),
                        l.source("Signature (generation " + l.header().generation() + ")", 44)));
            } else {
                out.add(Finding.fail(Rule.ESE_02, d.name() + " : Log Signature", StoreView.show(h.logSignature()),
                        d.source("Log Signature", 108), StoreView.show(l.header().logSignature()),
                        l.source("Signature (generation " + l.header().generation() + ")", 44),
                        "These logs belong to another log stream: replay into " + d.fileName() + " would stop. Use "
                                + "the logs of the same server and backup generation (KB Q296787)."));
            }
            for (Item<LogHeader> lg : ls.replayLogs()) {
                for (var a : lg.header().attachments()) {
                    if (WinPath.sameFileName(WinPath.of(a.path()).fileName(), d.fileName())
                            && !StoreView.same(a.signature(), h.dbSignature())) {
                        out.add(Finding.fail(Rule.ESE_02, d.name() + " : DB Signature", StoreView.show(h.dbSignature()),
                                d.source("DB Signature", 24), StoreView.show(a.signature()),
                                lg.source("attached database " + a.path(), a.fileOffset()),
                                "The logs know another incarnation of " + d.fileName() + " (repaired or defragmented "
                                        + "since): replay would stop. Use logs from after that change (KB Q296787)."));
                    }
                }
            }
        }
        return out;
    }

    private static List<Finding> ese03(CheckContext c, StoreView s, StoreView.LogSet ls) {
        List<Item<LogHeader>> signed = signed(ls);
        if (ls.replayLogs().size() < 2) {
            return List.of(Finding.skipped(Rule.ESE_03, "fewer than two logs"));
        }
        if (signed.size() < 2) {
            return List.of(Finding.skipped(Rule.ESE_03, "the log headers record no signature (ESE97 binary logs)"));
        }
        long anchor = anchorGeneration(c, s, ls);
        Item<LogHeader> ref = ls.generation(anchor).filter(signed::contains).orElse(majority(signed));
        Signature sig = ref.header().logSignature();
        List<String> foreign = signed.stream().filter(l -> !l.header().logSignature().sameAs(sig))
                .map(Item::name).toList();
        if (foreign.isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_03, "log set" + in(s, ls), "one signature", ref.source("Signature", 44),
                    signed.size() + " logs with " + StoreView.show(sig), Source.NONE));
        }
        List<Finding> out = new ArrayList<>();
        for (Item<LogHeader> l : signed) {
            if (!l.header().logSignature().sameAs(sig)) {
                out.add(Finding.fail(Rule.ESE_03, l.name(), StoreView.show(sig), ref.source("Signature (anchor "
                                + ref.fileName() + ")", 44), StoreView.show(l.header().logSignature()),
                        l.source("Signature", 44), "Move " + String.join(", ", foreign) + " out of the log folder "
                                + "before starting: their signature differs from the anchor log (KB Q296787)."));
            }
        }
        return out;
    }

    /** The signature most logs share (when the anchor is not among them). */
    private static Item<LogHeader> majority(List<Item<LogHeader>> logs) {
        Item<LogHeader> best = logs.get(0);
        long bestN = 0;
        for (Item<LogHeader> l : logs) {
            long n = logs.stream().filter(o -> o.header().logSignature().sameAs(l.header().logSignature())).count();
            if (n > bestN) {
                best = l;
                bestN = n;
            }
        }
        return best;
    }

    /** Generations of the logs that share the anchor's signature (all logs when signatures are unknown). */
    private static TreeSet<Long> chain(CheckContext c, StoreView s, StoreView.LogSet ls) {
        List<Item<LogHeader>> signed = signed(ls);
        Signature sig = null;
        if (!signed.isEmpty()) {
            long anchor = anchorGeneration(c, s, ls);
            sig = ls.generation(anchor).filter(signed::contains).orElse(majority(signed)).header().logSignature();
        }
        TreeSet<Long> gens = new TreeSet<>();
        for (Item<LogHeader> l : ls.replayLogs()) {
            Signature own = l.header().logSignature();
            if (sig == null || own == null || own.isZero() || own.sameAs(sig)) {
                gens.add((long) l.header().generation());
            }
        }
        return gens;
    }

    private static List<Finding> ese04(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (c.restore() != Effective.OFFLINE_ROLLFORWARD && c.restore() != Effective.ONLINE) {
            return List.of(Finding.notApplicable(Rule.ESE_04, c.restore().label() + " restore replays no log range"));
        }
        if (ls.replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_04, "no log headers among the evidence"));
        }
        long anchor = anchorGeneration(c, s, ls);
        if (anchor < 0) {
            return List.of(Finding.skipped(Rule.ESE_04, c.restore() == Effective.ONLINE ? "no LowLog Number"
                    : "no database header with a Last Consistent position"));
        }
        String what = c.restore() == Effective.ONLINE ? "LowLog " : "anchor ";
        Optional<Item<LogHeader>> log = ls.generation(anchor);
        if (log.isPresent()) {
            return List.of(Finding.pass(Rule.ESE_04, what + logName(anchor), "present", Source.NONE,
                    log.get().name(), log.get().source("lGeneration", 4)));
        }
        return List.of(Finding.fail(Rule.ESE_04, what + logName(anchor), "present (generation " + anchor + ")",
                Source.NONE, "missing", Source.NONE, "The " + what.trim() + " log " + logName(anchor)
                        + " is missing: do not replay any logs; restore point-in-time instead (KB Q296787)."));
    }

    private static List<Finding> ese05(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (ls.replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_05, "no log headers among the evidence"));
        }
        if (c.restore() == Effective.OFFLINE_PIT) {
            return List.of(Finding.notApplicable(Rule.ESE_05, "point-in-time restore replays no logs"));
        }
        TreeSet<Long> gens = chain(c, s, ls);
        long from = Math.max(anchorGeneration(c, s, ls), gens.first());
        long to = gens.last();
        List<Long> missing = new ArrayList<>();
        for (long g = from; g <= to && missing.size() < 1000; g++) {
            if (!gens.contains(g)) {
                missing.add(g);
            }
        }
        if (missing.isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous", Source.NONE, "generations " + from
                    + " to " + to, Source.NONE));
        }
        long lastGood = missing.get(0) - 1;
        List<String> names = missing.stream().map(EseRules::logName).toList();
        return List.of(Finding.fail(Rule.ESE_05, "log sequence" + in(s, ls), "contiguous from " + from + " to " + to,
                Source.NONE, "missing " + String.join(", ", names) + "; replay stops after generation " + lastGood,
                Source.NONE, "Missing " + names.get(0) + ": replay cannot pass the gap. Find the log in other backup "
                        + "sets; otherwise keep only logs below the gap, rename the highest of them edb.log and remove "
                        + "all above it (KB Q296787, Q240145)."));
    }

    private static List<Finding> ese06(CheckContext c, StoreView s, StoreView.LogSet ls) {
        if (ls.replayLogs().isEmpty()) {
            return List.of(Finding.skipped(Rule.ESE_06, "no log headers among the evidence"));
        }
        if (c.restore() == Effective.OFFLINE_PIT) {
            return List.of(Finding.notApplicable(Rule.ESE_06, "point-in-time restore"));
        }
        Optional<Item<LogHeader>> current = ls.replayLogs().stream().filter(StoreView::isCurrent).findFirst();
        TreeSet<Long> gens = chain(c, s, ls);
        long highest = ls.replayLogs().stream().filter(l -> !StoreView.isCurrent(l) && gens.contains(
                (long) l.header().generation())).mapToLong(l -> l.header().generation()).max().orElse(-1);
        if (current.isEmpty()) {
            if (c.restore() == Effective.OFFLINE_ROLLFORWARD && highest >= 0) {
                return List.of(Finding.fail(Rule.ESE_06, "edb.log" + in(s, ls), "present, generation " + (highest + 1),
                        Source.NONE, "missing", Source.NONE, "`ren " + logName(highest) + " edb.log` and move away "
                                + "every numbered log above it (KB Q296787 step 7)."));
            }
            return List.of(Finding.pass(Rule.ESE_06, "edb.log" + in(s, ls), "absent or highest + 1", Source.NONE, "absent (online "
                    + "restore: never on tape, KB Q200941)", Source.NONE));
        }
        long g = current.get().header().generation();
        if (highest < 0 || g == highest + 1) {
            return List.of(Finding.pass(Rule.ESE_06, "edb.log" + in(s, ls), "generation " + (highest + 1), Source.NONE,
                    "generation " + g, current.get().source("lGeneration", 4)));
        }
        return List.of(Finding.fail(Rule.ESE_06, "edb.log" + in(s, ls), "generation " + (highest + 1) + " (highest numbered "
                        + logName(highest) + " + 1)", Source.NONE, "generation " + g,
                current.get().source("lGeneration", 4), "edb.log (generation " + g + ") does not follow "
                        + logName(highest) + ": move it away (KB Q296787 step 6), or move away the numbered logs above "
                        + "it."));
    }

    private static List<Finding> ese07(CheckContext c, StoreView s) {
        if (c.restore() == Effective.UNKNOWN) {
            return List.of(Finding.skipped(Rule.ESE_07, "restore type unknown"));
        }
        if (s.checkpoints().isEmpty()) {
            return List.of(Finding.pass(Rule.ESE_07, "edb.chk", "absent", Source.NONE, "absent", Source.NONE));
        }
        String work = c.system().flatMap(v -> v.value(RegRules.IS_SYSTEM, "Working Directory")).map(RegValue::text)
                .orElse("<Working Directory>");
        String remedy = "Move edb.chk out of the working folder " + work + " before starting (KB Q296787 step 9, "
                + "KB Q296229 step 14).";
        List<Finding> out = new ArrayList<>();
        long anchor = s.anchor();
        for (Item<CheckpointHeader> k : s.checkpoints()) {
            Source src = k.source("Checkpoint", 12);
            String actual = "present, checkpoint " + k.header().checkpoint().eseutil();
            if (c.restore() == Effective.OFFLINE_ROLLFORWARD) {
                boolean mid = anchor >= 0 && k.header().generation() > anchor;
                out.add(new Finding(Rule.ESE_07, Severity.CRIT, Status.FAIL, k.name(), "absent (offline roll-forward)",
                        Source.NONE, actual + (mid ? " above the anchor generation " + anchor + ": replay would start "
                        + "mid-stream" : ""), src, remedy, ""));
            } else {
                out.add(Finding.warn(Rule.ESE_07, Severity.WARN, k.name(), "absent (" + c.restore().label() + ")",
                        Source.NONE, actual, src, remedy + (c.restore() == Effective.ONLINE
                                ? " Hard recovery ignores it while the Restore in Progress key exists." : "")));
            }
        }
        return out;
    }

    private static List<Finding> ese08(StoreView s) {
        List<Finding> out = new ArrayList<>();
        List<Item<? extends org.patchlens.ese.EseHeader>> headers = new ArrayList<>();
        headers.addAll(s.databases());
        headers.addAll(s.patches());
        headers.addAll(s.checkpoints());
        for (Item<? extends org.patchlens.ese.EseHeader> i : headers) {
            if (i.header().source() == org.patchlens.ese.Source.TEXT) {
                continue;
            }
            org.patchlens.ese.Verification v = i.header() instanceof DatabaseHeader d ? d.verification()
                    : i.header() instanceof PatchHeader ph ? ph.verification()
                    : i.header() instanceof CheckpointHeader k ? k.verification() : null;
            if (v == null) {
                continue;
            }
            HeaderCopy p = v.primary();
            HeaderCopy sh = v.shadow();
            String remedy = "Header of " + i.fileName() + " damaged: re-copy the file; if the copy is also damaged, "
                    + "restore another backup (esefile /s to check pages, KB Q296787).";
            if (!p.valid()) {
                out.add(Finding.fail(Rule.ESE_08, i.name() + " : header checksum", String.format("0x%08X",
                        p.computed()), Source.NONE, String.format("0x%08X", p.stored()) + " (" + p.verdict() + "); shadow "
                        + sh.verdict(), i.source("header checksum", p.offset()), remedy));
            } else if (sh.present() && (!sh.valid() || !v.identical())) {
                out.add(Finding.fail(Rule.ESE_08, i.name() + " : shadow header", "valid and identical to the primary",
                        Source.NONE, sh.verdict() + (v.identical() ? "" : ", differs from the primary"),
                        i.source("shadow header", sh.offset()), remedy));
            } else {
                out.add(Finding.pass(Rule.ESE_08, i.name() + " : header checksums", "valid", Source.NONE,
                        "primary " + p.verdict() + (sh.present() ? ", shadow " + sh.verdict() : ""),
                        i.source("header checksum", p.offset())));
            }
            if (i.header() instanceof DatabaseHeader d && d.repairCount() > 0) {
                out.add(Finding.warn(Rule.ESE_08, Severity.WARN, i.name() + " : Repair Count", "0", Source.NONE,
                        Long.toString(d.repairCount()), i.source("Repair Count", 240), "The database was repaired "
                                + "(eseutil /p): its signature changed and older logs will not replay (KB Q296787, "
                                + "Q261947)."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.ESE_08, "no binary database, patch or checkpoint header"));
        }
        return out;
    }

    private static List<Finding> ese09(CheckContext c, StoreView s) {
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
            String remedy = base + ".pat missing or from another backup: hard recovery cannot run (KB Q200941). "
                    + "Restore the full backup again so database, logs and patch file come from the same set.";
            if (pat.isEmpty()) {
                out.add(Finding.fail(Rule.ESE_09, base + ".pat", "present (online restore)", Source.NONE, "missing",
                        Source.NONE, remedy));
                continue;
            }
            PatchHeader ph = pat.get().header();
            boolean sigOk = StoreView.same(ph.dbSignature(), d.header().dbSignature());
            if (!sigOk) {
                out.add(Finding.fail(Rule.ESE_09, pat.get().name() + " : DB Signature",
                        StoreView.show(d.header().dbSignature()), d.source("DB Signature", 24),
                        StoreView.show(ph.dbSignature()), pat.get().source("DB Signature", 64), remedy));
            } else if (!ph.backup().isSet()) {
                out.add(Finding.fail(Rule.ESE_09, pat.get().name() + " : Current Full Backup", "a log range",
                        Source.NONE, "not set", pat.get().source("backup", 40), remedy));
            } else {
                Finding f = Finding.pass(Rule.ESE_09, pat.get().name(), "signature of " + d.fileName()
                        + " and a full-backup log range", Source.NONE, "Log Gen " + ph.backup().genLow() + "-"
                        + ph.backup().genHigh(), pat.get().source("backup", 40));
                out.add(pat.get().evidence().size() <= EMPTY_PATCH ? f.withDetail("empty patch file (8 KB): no "
                        + "pages changed during the backup (INFO)") : f);
            }
        }
        return out;
    }
}
