package org.patchlens.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.Signature;
import org.patchlens.model.RegValue;
import org.patchlens.rules.StoreView.Item;

/**
 * An ESE rule about a log stream (ESE-02 to ESE-06): it judges each folder of logs on its own, since the IS and
 * the DS keep separate streams (docs/rules-notes.md), and reports once, skipped, when there are no logs at all.
 */
abstract class LogStreamUnit extends RuleUnit {
    LogStreamUnit(String title, Severity severity, Confidence confidence, List<String> kb, String remedy) {
        super(title, severity, confidence, kb, remedy);
    }

    @Override
    final List<Finding> check(CheckContext c) {
        StoreView s = c.store();
        List<StoreView.LogSet> sets = s.logSets();
        if (sets.isEmpty()) {
            sets = List.of(new StoreView.LogSet("", List.of()));
        }
        List<Finding> out = new ArrayList<>();
        for (StoreView.LogSet ls : sets) {
            out.addAll(check(c, s, ls));
        }
        return out;
    }

    /** The check of one log stream (which may hold no logs). */
    abstract List<Finding> check(CheckContext c, StoreView s, StoreView.LogSet ls);

    /** The logs whose signature is known (ESE97 binary logs do not record it). */
    static List<Item<LogHeader>> signed(StoreView.LogSet ls) {
        return ls.replayLogs().stream().filter(l -> l.header().logSignature() != null
                && !l.header().logSignature().isZero()).toList();
    }

    /** The log the set is anchored at: LowLog (online) or the databases' anchor (roll-forward). */
    static long anchorGeneration(CheckContext c, StoreView s, StoreView.LogSet ls) {
        boolean dir = ls.directory(s);
        if (c.restore() == Effective.ONLINE) {
            return RestoreInProgress.present(c).stream().filter(r -> r.service().equals("MSExchangeDS") == dir)
                    .map(r -> r.value("LowLog Number")).flatMap(Optional::stream)
                    .mapToLong(RegValue::dword).filter(g -> g >= 0).min().orElse(-1);
        }
        return databasesOf(s, ls).stream().mapToLong(d -> d.header().consistentPosition().generation())
                .filter(g -> g > 0).min().orElse(-1);
    }

    /**
     * The databases a log stream serves: dir.edb for the directory's, the others for the store's
     * (docs/rules-notes.md, Log streams). A lone stream that none of them fits is every database's: the logs of a
     * directory restored alone need not show that they are the directory's (ESE97 logs attach nothing).
     */
    static List<Item<DatabaseHeader>> databasesOf(StoreView s, StoreView.LogSet ls) {
        boolean dir = ls.directory(s);
        List<Item<DatabaseHeader>> own = s.databases().stream()
                .filter(d -> d.fileName().equalsIgnoreCase("dir.edb") == dir).toList();
        return own.isEmpty() && s.logSets().size() <= 1 ? s.databases() : own;
    }

    /** " in FOLDER" when there are several log streams, for object names. */
    static String in(StoreView s, StoreView.LogSet ls) {
        return s.logSets().size() > 1 ? " in " + ls.folder() : "";
    }

    /** The signature most logs share (when the anchor is not among them). */
    static Item<LogHeader> majority(List<Item<LogHeader>> logs) {
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

    /**
     * Generations of the logs that share the anchor's signature (all logs when signatures are unknown), damaged ones
     * included ({@link #damaged} tells them). A generation of 0 or less places no log in the sequence: eseutil's
     * text names some logs without giving one (a current log after a damaged one, a log it could not read).
     */
    static TreeSet<Long> chain(CheckContext c, StoreView s, StoreView.LogSet ls) {
        TreeSet<Long> gens = new TreeSet<>();
        for (Item<LogHeader> l : stream(c, s, ls)) {
            gens.add((long) l.header().generation());
        }
        return gens;
    }

    /**
     * The generations of {@link #chain} that are there only in logs whose header checksum does not verify or
     * eseutil's text reports unusable ({@link StoreView#damaged}), each with one of them: replay cannot pass them,
     * though a file is there.
     */
    static TreeMap<Long, Item<LogHeader>> damaged(CheckContext c, StoreView s, StoreView.LogSet ls) {
        TreeMap<Long, Item<LogHeader>> damaged = new TreeMap<>();
        Set<Long> sound = new HashSet<>();
        for (Item<LogHeader> l : stream(c, s, ls)) {
            long g = l.header().generation();
            if (StoreView.damaged(l)) {
                damaged.putIfAbsent(g, l);
            } else {
                sound.add(g);
            }
        }
        damaged.keySet().removeAll(sound);
        return damaged;
    }

    /** The stream's logs of a known generation: those that share the anchor's signature (all when unknown). */
    private static List<Item<LogHeader>> stream(CheckContext c, StoreView s, StoreView.LogSet ls) {
        List<Item<LogHeader>> signed = signed(ls);
        Signature sig = null;
        if (!signed.isEmpty()) {
            long anchor = anchorGeneration(c, s, ls);
            sig = ls.generation(anchor).filter(signed::contains).orElse(majority(signed)).header().logSignature();
        }
        List<Item<LogHeader>> out = new ArrayList<>();
        for (Item<LogHeader> l : ls.replayLogs()) {
            Signature own = l.header().logSignature();
            if (l.header().generation() > 0 && (sig == null || own == null || own.isZero() || own.sameAs(sig))) {
                out.add(l);
            }
        }
        return out;
    }
}
