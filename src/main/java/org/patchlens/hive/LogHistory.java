package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchlens.hive.HiveDiff.Kind;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.LogRecord;
import org.patchlens.hive.ReplayLedger.Outcome;

/**
 * The intermediate states of a dirty hive as its transaction logs rebuild it (docs/replay.md, "History"):
 * the replay ({@link HiveRecovery}) applies the log entries one at a time, and after each one the
 * hive as it then stands is compared with the state before it ({@link HiveDiff}). State 0 is the hive as
 * found; state k is the hive after the k-th applied entry, with the base block the replay would give it
 * if it stopped there, so the last state is exactly the replayed hive. An old-format (DIRT) log has one
 * state: it holds the dirty pages of one flush, not the steps before it.
 *
 * <p>Memory is bounded: two states are held at a time (the one before and the one after an entry),
 * besides the replay's own image, and the changes found, which are self-contained (names, times, data;
 * no state is kept alive by them). Work is bounded by a {@link Budget}: the bytes of the states compared
 * and the bytes the changes hold. When it is spent, the states after are not compared and the history
 * says where it stopped (damage: exit code 1).
 */
public final class LogHistory {
    /** What happened to a key or value at one state. */
    public enum Change { ADDED, DELETED, CHANGED }

    /**
     * One log entry as the history saw it, in the ledger's order (the logs applied, in the order
     * applied, then the others).
     *
     * @param log       the log file, as named
     * @param format    "new" (HvLE) or "old" (DIRT)
     * @param logOffset where the entry starts in the log (old format: where its pages start)
     * @param sequence  its sequence number (old format: the log's header sequence number; -1 when unreadable)
     * @param hash      the ledger's hash verdict
     * @param applied   whether the replay applied it
     * @param reason    "applied", or why not (the ledger's words: a bad hash, a sequence gap, a remnant)
     * @param state     the state it made (1, 2, ...), 0 when not applied
     * @param changes   changes found at that state; -1 when not applied or not compared (see {@link History#stopped})
     * @param note      what to know about it ("" when nothing): an old-format log's single state
     */
    public record Entry(String log, String format, long logOffset, long sequence, String hash, boolean applied,
                        String reason, int state, long changes, String note) {
    }

    /** A value's type and data at one state. */
    public record Data(long typeCode, byte[] bytes) {
    }

    /**
     * One change of one key or value at one state.
     *
     * @param state             the state the change appears at (1, 2, ...)
     * @param log               the log of the entry that made the state
     * @param logOffset         the entry's offset in that log
     * @param sequence          the entry's sequence number
     * @param change            added, deleted or changed
     * @param path              the key's path (for a value: its key's)
     * @param valueName         the value's name ("" for the default value); null for a key
     * @param lastWritten       the key's last-written time (FILETIME) at this state; -1 when it has none (deleted)
     * @param lastWrittenBefore the key's last-written time at the state before; -1 when it did not exist
     * @param detail            for a changed key, what changed (last written, class name); for a changed value,
     *                          {@code data} or the type change
     * @param before            a value's type and data before (null for a key or an added value)
     * @param after             a value's type and data at this state (null for a key or a deleted value)
     */
    public record Item(int state, String log, long logOffset, long sequence, Change change, String path,
                       String valueName, long lastWritten, long lastWrittenBefore, String detail, Data before,
                       Data after) {
        public boolean isKey() {
            return valueName == null;
        }
    }

    /**
     * The history of one hive.
     *
     * @param hive    the hive's name
     * @param ledger  the replay's ledger (the same as {@code hive replay}'s)
     * @param entries every log entry of the ledger, with the state it made
     * @param items   the changes, by key path (keys before their values, values by name), each item's
     *                states in sequence order
     * @param states  the number of states after the hive as found (applied entries)
     * @param notes   what to know about the history as a whole (a state that could not be read, ...)
     * @param damage  damage in the states' trees, each once, naming the state it was first seen at
     * @param stopped why the history stops before the last state (its budget spent), null when complete
     * @param keyPath the subtree the history is limited to (null: the whole hive)
     * @param pathFound whether {@code keyPath} names a key in at least one state (true without one)
     */
    public record History(String hive, ReplayLedger ledger, List<Entry> entries, List<Item> items, int states,
                          List<String> notes, List<String> damage, String stopped, String keyPath,
                          boolean pathFound) {
        /** The keys and values that change, each counted once. */
        public long itemsTouched() {
            return items.stream().map(i -> i.path() + "\u0000" + (i.isKey() ? "" : "\u0001" + i.valueName()))
                    .distinct().count();
        }
    }

    /**
     * What a history may cost. {@code stateBytes}: the work of the states compared, each charged what
     * comparing it can cost at most ({@link #charge}). {@code heldBytes}: what the changes found may hold
     * (their names, details and value data, plus 64 bytes each).
     */
    public record Budget(long stateBytes, long heldBytes) {
        /** States of the hive's size compared, at most, by {@link #of}. */
        public static final int STATES = 256;

        /**
         * For a hive of {@code hiveBytes} with logs of {@code logBytes}: {@link #STATES} states of the
         * hive's size (regipy's UsrClass.dat has 14), and four times the inputs plus 64 MiB of changes.
         */
        public static Budget of(long hiveBytes, long logBytes) {
            return new Budget(STATES * charge(hiveBytes), 4 * (hiveBytes + logBytes) + (64L << 20));
        }

        /**
         * The most that comparing a state of {@code bytes} with the one before can cost: its copy, and the
         * two trees' walks, each reading at most twice a hive's size plus 16 MiB of value data
         * ({@link WalkBudget}); keys and values are bounded by the cells of those bytes.
         */
        public static long charge(long bytes) {
            return 5 * bytes + (32L << 20);
        }
    }

    /** Pieces of damage kept over all states (each state's hive keeps at most {@link HiveOptions#maxDamage}). */
    static final int MAX_DAMAGE = 10_000;

    /** The note on an old-format log's one state. */
    public static final String OLD_FORMAT_NOTE = "old-format log: a single state (a DIRT log holds the dirty "
            + "pages of one flush, not the steps before it)";

    private LogHistory() {
    }

    /**
     * The history of the hive {@code file} with these logs (read-only). A primary that is not a hive, or a
     * clean one whose root cannot be read, throws the reader's own error; a log that cannot be read a
     * {@link RecoveryFailed} at {@link RecoveryFailed.Stage#READING_LOGS}; a replay whose ledger says FAILED a
     * {@link RecoveryFailed} at {@link RecoveryFailed.Stage#REPLAY}, as {@link HiveOpener#open} does.
     */
    public static History of(Path file, List<Path> logs, String keyPath) {
        String name = file.toString();
        ByteBuffer primary;
        try {
            primary = LogFiles.map(file);
        } catch (HiveException e) {
            Hive.open(file).root(); // the reader's own words for a file that is not a hive
            throw e;
        }
        List<LogInput> inputs = LogFiles.read(file, logs);
        long logBytes = inputs.stream().mapToLong(i -> i.bytes().limit()).sum();
        History h;
        try {
            h = of(name, primary, inputs, keyPath, Budget.of(primary.limit(), logBytes));
        } catch (HiveException e) {
            if (e instanceof RecoveryFailed) {
                throw e;
            }
            Hive.open(file).root();
            throw e;
        }
        if (h.ledger().outcome() == Outcome.CLEAN) {
            Hive.open(file).root(); // a clean hive has no states, but one whose root cannot be read is still an error
        }
        return h;
    }

    /** The history of {@code primary} with these logs, within {@code budget}; see {@link #of(Path, List, String)}. */
    public static History of(String name, ByteBuffer primary, List<LogInput> inputs, String path, Budget budget) {
        String keyPath = path == null || path.isEmpty() ? null : path;
        Recorder rec = new Recorder(name, primary, keyPath, budget);
        Recovery r = HiveRecovery.recover(name, primary, inputs, rec);
        ReplayLedger ledger = r.ledger();
        if (ledger.outcome() == Outcome.FAILED) {
            throw RecoveryFailed.replay(name, ledger);
        }
        List<Entry> entries = new ArrayList<>();
        for (LogRecord l : ledger.logs()) {
            for (EntryRecord e : l.entries()) {
                Integer seen = e.applied() ? rec.states.get(l.file() + "\u0000" + e.logOffset()) : null;
                int state = seen == null ? 0 : seen;
                long changes = seen == null ? -1 : rec.changes.getOrDefault(state, -1L);
                entries.add(new Entry(l.file(), l.format(), e.logOffset(), e.sequence(), e.hash(), e.applied(),
                        e.reason(), state, changes, l.format().equals("old") && e.applied() ? OLD_FORMAT_NOTE : ""));
            }
        }
        List<Item> items = new ArrayList<>(rec.items);
        items.sort(Comparator.comparing((Item i) -> upper(i.path())).thenComparing(i -> !i.isKey())
                .thenComparing(i -> i.isKey() ? "" : upper(i.valueName())).thenComparingInt(Item::state));
        boolean found = keyPath == null || rec.pathFound || rec.inHiveAsFound();
        return new History(name, ledger, List.copyOf(entries), List.copyOf(items), rec.count, List.copyOf(rec.notes),
                List.copyOf(rec.damage()), rec.stopped, keyPath, found);
    }

    /** Receives each state from the replay and compares it with the one before. */
    private static final class Recorder implements HiveRecovery.Steps {
        final String name;
        final String keyPath;
        final List<Item> items = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> damage = new ArrayList<>();
        /** "log NUL offset" of each applied entry to the state it made. */
        final Map<String, Integer> states = new HashMap<>();
        final Map<Integer, Long> changes = new HashMap<>();
        /** Damage by its place and reason: the state it was first seen at, and its line. */
        final Map<String, Integer> firstSeen = new java.util.LinkedHashMap<>();
        final Map<String, String> damageText = new HashMap<>();
        /** The damage of the last state read. */
        final Set<String> lastDamage = new HashSet<>();
        /** Damage not kept once {@link #MAX_DAMAGE} pieces are. */
        long damageLeftOut;
        /** The last state whose tree was compared (or found byte-identical to the one before). */
        int lastCompared;
        long stateBytes;
        long heldBytes;
        int count;
        String stopped;
        boolean pathFound;
        /** The last state that could be read: its bytes and hive (null until one could). */
        byte[] prevBytes;
        Hive prev;
        int prevState;
        /** State 0 (the hive as found) is read when the first entry is applied: a clean hive costs nothing. */
        final ByteBuffer primary;

        Recorder(String name, ByteBuffer primary, String keyPath, Budget budget) {
            this.name = name;
            this.primary = primary;
            this.keyPath = keyPath;
            this.stateBytes = budget.stateBytes();
            this.heldBytes = budget.heldBytes();
        }

        @Override
        public void applied(TransactionLog log, EntryRecord entry, java.util.function.Supplier<byte[]> state) {
            int k = ++count;
            states.put(log.name() + "\u0000" + entry.logOffset(), k);
            if (stopped != null) {
                return;
            }
            long cost = Budget.charge(4096 + entry.hiveBinsDataSize());
            if (cost > stateBytes) {
                stopped = "the history stops before state " + k + " (" + where(log.name(), entry) + "): its work "
                        + "budget (" + Budget.STATES + " states of the hive's size) is spent; the states from there "
                        + "on are not compared (hive diff --replayed shows the last one)";
                return;
            }
            stateBytes -= cost;
            byte[] bytes = state.get();
            if (k == 1) {
                baseline(bytes);
            }
            Hive cur = open(bytes, k, where(log.name(), entry));
            if (cur == null) {
                return; // the next readable state is compared with the last readable one
            }
            if (prev == null) {
                // nothing before to compare with: this state is the baseline
                notes.add("state " + k + " is the first readable state: its keys and values are not listed as added");
                changes.put(k, -1L);
            } else if (prevState > 0 && Arrays.equals(prevBytes, 4096, prevBytes.length, bytes, 4096, bytes.length)) {
                changes.put(k, 0L); // the entry rewrote its pages with the bytes they held: the same tree
                lastCompared = k;
                return;
            } else {
                compare(k, log.name(), entry, cur);
                collectDamage(prev, prevState, false); // what the comparison read of the state before
            }
            lastDamage.clear();
            collectDamage(cur, k, true);
            lastCompared = k;
            prevBytes = bytes;
            prev = cur;
            prevState = k;
        }

        /**
         * State 0: the hive as found; when it cannot be read so (its base block is unusable), its bins as
         * found under the base block the replay rebuilds (state 1's), and the notes say so.
         */
        private void baseline(byte[] first) {
            byte[] found = new byte[primary.limit()];
            primary.get(0, found);
            String why = readable(found);
            if (why != null) {
                notes.add("the hive as found cannot be read (" + why + "): state 0 is its hive bins as found "
                        + "read with the base block the replay rebuilds (inferred)");
                System.arraycopy(first, 0, found, 0, 4096);
            }
            prevBytes = found;
            prev = open(found, 0, "the hive as found");
            prevState = 0;
        }

        /**
         * Whether the key path names a key in state 0, the hive as found: the only state of a history in which no
         * entry applies (a clean hive, no usable log), which so never reads it.
         */
        boolean inHiveAsFound() {
            byte[] found = new byte[primary.limit()];
            primary.get(0, found);
            try {
                return KeyPath.resolve(Hive.fromBytes(name, found, HiveOptions.DEFAULTS), keyPath).key() != null;
            } catch (HiveException e) {
                return false;
            }
        }

        /** Why a hive of these bytes cannot be read, or null. */
        private String readable(byte[] bytes) {
            try {
                Hive.fromBytes(name, bytes, HiveOptions.DEFAULTS).root();
                return null;
            } catch (HiveException e) {
                return e.reason();
            }
        }

        /** The hive of one state, or null (noted) when its root cannot be read. */
        private Hive open(byte[] bytes, int k, String what) {
            Hive h;
            try {
                h = Hive.fromBytes(name, bytes, HiveOptions.DEFAULTS);
                h.root();
            } catch (HiveException e) {
                String line = "state " + k + " (" + what + ") cannot be read: " + e.reason();
                if (k == 0) {
                    notes.add(line); // a dirty hive as found may well be unreadable: that is why it has logs
                } else {
                    damage.add(line + "; its changes appear at the next readable state");
                }
                return null;
            }
            return h;
        }

        private void compare(int k, String log, EntryRecord entry, Hive cur) {
            int before = items.size();
            long[] n = {0};
            try {
                Key a = scope(prev);
                Key b = scope(cur);
                java.util.function.Consumer<HiveDiff.Change> sink = c -> {
                    n[0]++;
                    add(k, log, entry, c);
                };
                if (a != null && b != null) {
                    HiveDiff.compare(a, b, sink);
                } else if (a != null || b != null) {
                    subtree(a != null ? a : b, a != null ? Kind.REMOVED : Kind.ADDED, sink);
                }
                changes.put(k, n[0]);
            } catch (Spent e) {
                items.subList(before, items.size()).clear();
                stopped = "the history stops at state " + k + " (" + where(log, entry) + "): the changes found "
                        + "would hold more than its budget (four times the hive's and logs' sizes plus 64 MiB); "
                        + "that state and the ones after are not listed (hive diff --replayed shows the last one)";
            }
        }

        /** The key the history is limited to in {@code h}, or null when that state lacks it. */
        private Key scope(Hive h) {
            if (keyPath == null) {
                return h.root();
            }
            Key k = KeyPath.resolve(h, keyPath).key();
            pathFound |= k != null;
            return k;
        }

        /** A whole subtree added or deleted (the limited key exists on one side only). */
        private static void subtree(Key top, Kind kind, java.util.function.Consumer<HiveDiff.Change> sink) {
            boolean added = kind == Kind.ADDED;
            for (Key k : top.hive().walk(top)) {
                sink.accept(new HiveDiff.Change(kind, k.path(), null, added ? null : k, added ? k : null, null, null, ""));
                for (Value v : k.values()) {
                    sink.accept(new HiveDiff.Change(kind, k.path(), v.name(), added ? null : k, added ? k : null,
                            added ? null : v, added ? v : null, ""));
                }
            }
        }

        private void add(int k, String log, EntryRecord e, HiveDiff.Change c) {
            Change change = switch (c.kind()) {
                case ADDED -> Change.ADDED;
                case REMOVED -> Change.DELETED;
                case CHANGED -> Change.CHANGED;
            };
            Data before = c.isKey() || c.before() == null ? null : new Data(c.before().typeCode(), c.before().data());
            Data after = c.isKey() || c.after() == null ? null : new Data(c.after().typeCode(), c.after().data());
            long held = 64 + 2L * (c.path().length() + (c.valueName() == null ? 0 : c.valueName().length())
                    + c.detail().length()) + (before == null ? 0 : before.bytes().length)
                    + (after == null ? 0 : after.bytes().length);
            if (held > heldBytes) {
                throw new Spent();
            }
            heldBytes -= held;
            items.add(new Item(k, log, e.logOffset(), e.sequence(), change, c.path(), c.valueName(),
                    c.keyAfter() == null ? -1 : c.keyAfter().lastWrittenRaw(),
                    c.keyBefore() == null ? -1 : c.keyBefore().lastWrittenRaw(), c.detail(), before, after));
        }

        /** Damage of a state's tree, each piece once, with the state it was first seen at. */
        private void collectDamage(Hive h, int k, boolean last) {
            for (Damage d : h.damage()) {
                String key = d.fileOffset() + "\u0000" + d.keyPath() + "\u0000" + d.reason();
                if (last) {
                    lastDamage.add(key);
                }
                if (!firstSeen.containsKey(key)) {
                    if (firstSeen.size() >= MAX_DAMAGE) {
                        damageLeftOut++;
                        continue;
                    }
                    firstSeen.put(key, k);
                    damageText.put(key, new Damage(name, d.fileOffset(), d.keyPath(), d.reason()).toString());
                }
            }
        }

        /** The damage lines: each with its state, and whether the last state compared still has it. */
        List<String> damage() {
            List<String> out = new ArrayList<>(damage);
            for (Map.Entry<String, Integer> e : firstSeen.entrySet()) {
                int k = e.getValue();
                out.add("state " + k + ": " + damageText.get(e.getKey()) + (k < lastCompared
                        && !lastDamage.contains(e.getKey()) ? " (not in state " + lastCompared + ", the last "
                        + "compared" + (k == 0 ? ")" : ": an intermediate state can mix the hive as found with older "
                        + "log pages, docs/replay.md)") : ""));
            }
            if (damageLeftOut > 0) {
                out.add(damageLeftOut + " more pieces of damage in the states, not listed (at most " + MAX_DAMAGE
                        + " are kept)");
            }
            return out;
        }
    }

    /** The changes of one state would exceed the budget. */
    private static final class Spent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Spent() {
            super(null, null, false, false);
        }
    }

    private static String where(String log, EntryRecord e) {
        return "sequence " + e.sequence() + ", " + log + String.format(" @0x%X", e.logOffset());
    }

    private static String upper(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = WindowsUpcase.upcase(c[i]);
        }
        return new String(c);
    }
}
