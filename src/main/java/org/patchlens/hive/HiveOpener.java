package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.ReplayLedger.Outcome;

/**
 * The one way a hive is opened as Windows would load it, by every hive command and by the restore
 * check: with its transaction logs applied in memory when it is dirty (docs/replay.md). Without
 * logs it is exactly {@link Hive#open(Path, HiveOptions)}. A recovery that fails is a
 * {@link RecoveryFailed} saying where (the caller may read the hive as found instead); a primary
 * that is not a hive is the reader's own {@link HiveException}.
 */
public final class HiveOpener {
    private HiveOpener() {
    }

    /**
     * The hive with these logs applied when it is dirty (the ledger is attached: {@link Hive#replay()});
     * with no logs, the hive as found and no ledger.
     */
    public static Hive open(Path file, List<Path> logs, HiveOptions options) {
        return open(file, null, logs, options);
    }

    /**
     * As {@link #open(Path, List, HiveOptions)}, with the primary's bytes already read from {@code file}
     * ({@code content}, between its position and its limit; null: mapped from the file, as there): a batch
     * reads each hive once, for its hash and its dump, so that the hash is of the very bytes read, into an
     * array it reuses for the next hive (so the array may be longer than the hive).
     */
    public static Hive open(Path file, ByteBuffer content, List<Path> logs, HiveOptions options) {
        ByteBuffer bytes = content == null ? null : content.slice(); // the hive's bytes alone, 0 to the capacity
        if (logs.isEmpty()) {
            return primary(file, bytes, options);
        }
        return afterReplay(file.toString(), recover(file, bytes, logs), () -> primary(file, bytes, options), options);
    }

    /**
     * {@link #open} for a hive and logs already in memory (a distributed job gets files as bytes, with no
     * local path): the same replay and the same outcomes. Each log's slot comes from its name's suffix
     * ({@link LogFiles#slots}); {@code name} and the logs' names are only for messages.
     */
    public static Hive open(String name, byte[] primary, List<String> logNames, List<byte[]> logs,
                            HiveOptions options) {
        if (logs.isEmpty()) {
            return Hive.fromBytes(name, primary, options);
        }
        List<HiveRecovery.Slot> slots;
        try {
            slots = LogFiles.slots(logNames.stream().map(n -> Path.of(n.substring(n.lastIndexOf('/') + 1))).toList());
        } catch (IllegalArgumentException e) { // two logs for a slot, or a name no path can hold
            throw new RecoveryFailed(RecoveryFailed.Stage.READING_LOGS, name, -1, e.getMessage(), null, null);
        }
        List<LogInput> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            inputs.add(new LogInput(logNames.get(i), slots.get(i), ByteBuffer.wrap(logs.get(i))));
        }
        Recovery r = HiveRecovery.recover(name, ByteBuffer.wrap(primary), inputs);
        return afterReplay(name, r, () -> Hive.fromBytes(name, primary, options), options);
    }

    /**
     * The hive a replay leaves: a failed one thrown, the recovered image when the logs changed something (a
     * {@link RecoveryFailed} when the image is no hive), else the primary as found; with the ledger attached.
     */
    private static Hive afterReplay(String name, Recovery r, java.util.function.Supplier<Hive> asFound,
                                    HiveOptions options) {
        ReplayLedger l = r.ledger();
        if (l.outcome() == Outcome.FAILED) {
            throw RecoveryFailed.replay(name, l);
        }
        Hive h;
        if (r.image() == null) {
            h = asFound.get();
        } else {
            try {
                h = Hive.fromBytes(name, r.image(), options);
            } catch (HiveException e) {
                throw new RecoveryFailed(RecoveryFailed.Stage.RECOVERED_IMAGE, e.file(), e.offset(), e.reason(), l, e);
            }
        }
        h.attachReplay(l);
        return h;
    }

    /** {@link #open} with the logs beside the hive (FILE.LOG, .LOG1, .LOG2, any case: {@link LogFiles#beside}). */
    public static Hive openWithLogsBeside(Path file, HiveOptions options) {
        return open(file, LogFiles.beside(file), options);
    }

    /**
     * Replays these logs into the hive {@code file}, read-only: the ledger and the recovered image.
     * A primary that is not a hive throws the reader's own error; a log that cannot be read (or two
     * for one slot) a {@link RecoveryFailed} at {@link RecoveryFailed.Stage#READING_LOGS}. A ledger
     * that says FAILED is returned, not thrown.
     */
    public static Recovery recover(Path file, List<Path> logs) {
        return recover(file, null, logs);
    }

    private static Recovery recover(Path file, ByteBuffer content, List<Path> logs) {
        String name = file.toString();
        ByteBuffer primary;
        try {
            primary = content != null ? content.duplicate() : LogFiles.map(file);
        } catch (HiveException e) {
            throw readerError(file, content, e);
        }
        List<LogInput> inputs = LogFiles.read(file, logs);
        try {
            return HiveRecovery.recover(name, primary, inputs);
        } catch (HiveException e) {
            throw readerError(file, content, e);
        }
    }

    /** The hive as found: mapped from the file, or from the bytes the caller read from it. */
    private static Hive primary(Path file, ByteBuffer content, HiveOptions options) {
        return content != null ? Hive.fromBytes(file, content, options) : Hive.open(file, options);
    }

    /** The primary is not a hive: the error {@link Hive#open} gives for it, worded as every command words it. */
    private static HiveException readerError(Path file, ByteBuffer content, HiveException e) {
        primary(file, content, HiveOptions.DEFAULTS).root();
        return e;
    }
}
