package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.patchlens.Echo;
import org.patchlens.InputException;
import org.patchlens.InputFile;
import org.patchlens.hive.Damage;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.HiveOptions;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.KeyPath;
import org.patchlens.hive.RecoveryFailed;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.hive.Key;

/** What the hive commands share: opening, key lookup, the damage summary and the exit code. */
final class HiveSupport {
    private HiveSupport() {
    }

    /** Opens the hive as found, without transaction logs (after the one input check, {@link InputFile#check}). */
    static Hive open(Path file) {
        InputFile.check(file);
        return Hive.open(file);
    }

    /**
     * The one place hive commands open a hive ({@link HiveOpener}): with its transaction logs applied in
     * memory when it is dirty and logs sit beside it or are named (see {@link LogOptions}). A failed
     * replay is a {@link RecoveryFailed} whose one line says how to read the hive as found; so is a log
     * found beside the hive that is not a regular file (a FIFO named SYSTEM.LOG1: refused by the input
     * check, never opened).
     */
    static Hive open(Path file, LogOptions logOptions) {
        return open(file, null, logOptions, null);
    }

    /** One hive of a tree: its logs as the walk found them beside it, unless --log or --no-logs say otherwise. */
    static Hive open(HiveTree.Found hive, LogOptions logOptions) {
        return open(hive.path(), null, logOptions, hive.logs());
    }

    /**
     * As {@link #open(Path, LogOptions)}; {@code content}: the hive's bytes already read from {@code file} (null:
     * mapped); {@code beside}: the logs a walk found beside it (null: the folder is listed for them).
     */
    static Hive open(Path file, java.nio.ByteBuffer content, LogOptions logOptions, List<Path> beside) {
        InputFile.check(file);
        LogOptions options = logOptions == null ? LogOptions.auto() : logOptions;
        List<Path> logs = options.resolve(file, beside);
        try {
            return HiveOpener.open(file, content, logs, HiveOptions.DEFAULTS);
        } catch (RecoveryFailed e) {
            if (e.stage() == RecoveryFailed.Stage.REPLAY) {
                throw e.withReason(e.reason() + " (--no-logs reads the hive as found)");
            }
            if (options.logs.isEmpty() && e.getCause() instanceof InputException
                    && logs.stream().anyMatch(l -> l.toString().equals(e.file()))) {
                throw e.withReason(e.reason() + "; it is a transaction log beside " + file
                        + " (--no-logs reads the hive as found)");
            }
            throw e;
        }
    }

    /** One line about the dirty state and the logs, or null when there is nothing to say. */
    static String replayNote(Hive hive) {
        var ledger = hive.replay();
        if (ledger.isEmpty()) {
            HiveHeader h = hive.header();
            if (!h.dirty()) {
                return null;
            }
            return hive.name() + ": dirty hive (" + (h.checksumValid() ? "sequence numbers differ: primary "
                    + h.primarySequenceNumber() + ", secondary " + h.secondarySequenceNumber() : "bad base block checksum")
                    + ") read as found, without transaction logs: recent changes may be missing";
        }
        ReplayLedger l = ledger.get();
        return switch (l.outcome()) {
            case APPLIED -> hive.name() + ": dirty hive (" + String.join("; ", l.dirtyReasons()) + "); read with its "
                    + "transaction logs applied in memory (the files are unchanged): " + l.result();
            case CLEAN -> l.staleReasons().isEmpty() ? null : hive.name() + ": clean hive, but "
                    + String.join("; ", l.staleReasons());
            case NO_LOGS, NOTHING_APPLIED, FAILED -> hive.name() + ": dirty hive (" + String.join("; ",
                    l.dirtyReasons()) + ") read as found: " + l.result();
        };
    }

    /**
     * The log replay verdict in one word, for a batch's manifest: {@code clean}, {@code applied},
     * {@code nothing-applied}, {@code failed}, {@code no-logs} (dirty, no log beside it), or {@code not-replayed}
     * (dirty, read as found: --no-logs); followed, when a log's base block copy names another hive, by each such
     * log in parentheses: {@code applied (another hive's log SAM.LOG1 applied: RmId ..., the hive's is ...)}.
     */
    static String replayVerdict(Hive hive) {
        var ledger = hive.replay();
        if (ledger.isEmpty()) {
            return hive.header().dirty() ? "not-replayed" : "clean";
        }
        String verdict = ledger.get().outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        // applied, the view may be another hive's; refused, the hive's own log may be missing: either is worth a row
        List<String> others = ledger.get().logs().stream().filter(r -> !r.otherHive().isEmpty())
                .map(r -> "another hive's log " + r.file() + (r.applied() ? " applied: " : " not applied: ")
                        + r.otherHive()).toList();
        return others.isEmpty() ? verdict : verdict + " (" + String.join("; ", others) + ")";
    }

    /**
     * The key a KEYPATH option names (the grammar of {@link KeyPath}); null or "" is the root. Not
     * found: exit code 1 with one line saying which part of the path is missing. What the resolution
     * decided (CurrentControlSet's control set, a name several siblings match ignoring case) is kept
     * for {@link #finish}, which prints it as notes on stderr.
     */
    static Key key(Hive hive, String path) {
        if (path == null || path.isEmpty()) {
            return hive.root();
        }
        KeyPath.Resolution r = KeyPath.resolve(hive, path);
        if (!r.found()) {
            throw new NotFound(hive.name() + ": key not found: " + Echo.capped(path) + " (" + r.failure() + ")");
        }
        if (!r.notes().isEmpty()) {
            synchronized (NOTES) {
                NOTES.computeIfAbsent(hive, h -> new ArrayList<>()).addAll(r.notes());
            }
        }
        return r.key();
    }

    /** Notes of key resolutions per hive, until {@link #finish} prints them (weak: a hive never finished is let go). */
    private static final Map<Hive, List<String>> NOTES = new WeakHashMap<>();

    /** Prints and forgets the key-resolution notes kept for this hive. */
    static void printNotes(Hive hive, PrintWriter err) {
        List<String> notes;
        synchronized (NOTES) {
            notes = NOTES.remove(hive);
        }
        if (notes != null) {
            for (String n : notes) {
                err.println("patchlens: note: " + Errors.flat(hive.name() + ": " + n));
            }
            err.flush();
        }
    }

    /** Damage goes to stderr as a count plus the first few records; the exit code says whether there was any. */
    static int finish(Hive hive, PrintWriter err) {
        printNotes(hive, err);
        String note = replayNote(hive);
        if (note != null) {
            err.println("patchlens: note: " + Errors.flat(note));
            err.flush();
        }
        hive.replay().ifPresent(l -> otherHiveNotes(hive.name(), l, err));
        return damage(hive, err);
    }

    /** A note line for each log whose base block copy names another hive than {@code hive} (a log paired by mistake). */
    static void otherHiveNotes(String hive, ReplayLedger ledger, PrintWriter err) {
        for (String n : ledger.otherHiveNotes()) {
            err.println("patchlens: note: " + Errors.flat(hive + ": " + n));
        }
        err.flush();
    }

    /** The damage part of {@link #finish} alone (for a hive read as found on purpose: no note about its logs). */
    static int damage(Hive hive, PrintWriter err) {
        List<Damage> damage = hive.damage();
        if (damage.isEmpty()) {
            return Main.OK;
        }
        err.println("patchlens: " + Errors.flat(hive.name()) + ": " + damage.size() + " problem"
                + (damage.size() == 1 ? "" : "s") + " in the hive (unreadable structures are skipped, the rest was read):");
        damage.stream().limit(10).forEach(d -> err.println("  " + Errors.flat(d.toString())));
        if (damage.size() > 10) {
            err.println("  ... (" + (damage.size() - 10) + " more; 'patchlens hive info' lists them all)");
        }
        err.flush();
        return Main.FINDINGS;
    }


    /** What a hive command reads: the hive and the transaction logs it will use (named or found beside it). */
    static List<Path> inputs(Path file, LogOptions logOptions) {
        return inputs(file, logOptions, null);
    }

    /** As {@link #inputs(Path, LogOptions)}; {@code beside}: the logs a walk found beside it, or null. */
    static List<Path> inputs(Path file, LogOptions logOptions, List<Path> beside) {
        InputFile.check(file);
        List<Path> in = new java.util.ArrayList<>();
        in.add(file);
        in.addAll((logOptions == null ? LogOptions.auto() : logOptions).resolve(file, beside));
        return in;
    }

    /**
     * The line for an output cut by its budget ({@link org.patchlens.report.OutputBudget}), reported like damage;
     * returns the exit code to merge (1).
     */
    static int cut(org.patchlens.report.OutputBudget.Exceeded e, Hive hive, PrintWriter err) {
        return cut(e, hive.name(), hive.fileSize(), err);
    }

    static int cut(org.patchlens.report.OutputBudget.Exceeded e, String input, long size, PrintWriter err) {
        err.println("patchlens: " + Errors.flat(e.describe(input, size)));
        err.flush();
        return Main.FINDINGS;
    }

    /** After an output went to a file: one short line on stdout saying what is where. */
    static void written(org.patchlens.report.Output out, String what, PrintWriter stdout) {
        if (out.toFile()) {
            stdout.println(Errors.flat(what + " written to " + out.describe()));
            stdout.flush();
        }
    }

    /** A key or value that is not there: exit code 1 with one line. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }
}
