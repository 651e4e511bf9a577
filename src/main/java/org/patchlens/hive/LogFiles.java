package org.patchlens.hive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.patchlens.InputException;
import org.patchlens.InputFile;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Slot;

/**
 * Transaction logs as files: the ones beside a hive, the slot each one fills, and their bytes
 * mapped read-only after the one input check (docs/replay.md, "When logs are used").
 */
public final class LogFiles {
    private LogFiles() {
    }

    /**
     * FILE.LOG, FILE.LOG1 and FILE.LOG2 beside the hive, names compared case-insensitively. Every
     * entry of such a name is returned, also one that is not a regular file (a FIFO, a folder, a
     * dangling link): reading it ({@link #read}) then refuses it with the one-line input check
     * ({@link InputFile#check}), without opening it, so that a log that is there but cannot be read
     * is never passed over in silence.
     */
    public static List<Path> beside(Path hive) {
        Path dir = hive.toAbsolutePath().getParent();
        if (dir == null) {
            return new ArrayList<>();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            return new ArrayList<>();
        }
        return beside(hive, entries);
    }

    /**
     * As {@link #beside(Path)}, from {@code entries}, the entries of the hive's folder as a walk of it
     * listed them (absolute paths): a folder of n hives is listed once, not n times.
     */
    public static List<Path> beside(Path hive, Iterable<Path> entries) {
        String base = hive.getFileName().toString().toUpperCase(Locale.ROOT);
        List<Path> out = new ArrayList<>();
        for (Path f : entries) {
            String n = f.getFileName().toString().toUpperCase(Locale.ROOT);
            if (n.equals(base + ".LOG") || n.equals(base + ".LOG1") || n.equals(base + ".LOG2")) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(f -> f.getFileName().toString().toUpperCase(Locale.ROOT)));
        return out;
    }

    /** The slot of a log by its name's suffix, or null when the name has none of .LOG/.LOG1/.LOG2. */
    public static Slot slotOf(Path log) {
        String n = log.getFileName().toString().toUpperCase(Locale.ROOT);
        return n.endsWith(".LOG1") ? Slot.LOG1 : n.endsWith(".LOG2") ? Slot.LOG2 : n.endsWith(".LOG") ? Slot.LOG
                : null;
    }

    /**
     * Assigns slots to logs: by name suffix; logs without one fill the free slots in the order
     * given (LOG1, LOG2, then LOG; a single unnamed log is LOG). Throws on a slot given twice.
     */
    public static List<Slot> slots(List<Path> logs) {
        List<Slot> out = new ArrayList<>();
        List<Slot> taken = new ArrayList<>();
        for (Path l : logs) {
            Slot s = slotOf(l);
            if (s != null && taken.contains(s)) {
                throw new IllegalArgumentException("two logs for slot ." + s + ": " + l);
            }
            out.add(s);
            if (s != null) {
                taken.add(s);
            }
        }
        long unnamed = out.stream().filter(s -> s == null).count();
        List<Slot> free = new ArrayList<>(unnamed == 1 && logs.size() == 1 ? List.of(Slot.LOG)
                : List.of(Slot.LOG1, Slot.LOG2, Slot.LOG));
        free.removeAll(taken);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                if (free.isEmpty()) {
                    throw new IllegalArgumentException("more than three logs: " + logs.get(i));
                }
                out.set(i, free.remove(0));
            }
        }
        return out;
    }

    /**
     * The logs of {@code hive}, each mapped read-only in its slot. A log that cannot be read, one that is
     * the hive itself, or two logs for one slot, is a {@link RecoveryFailed} at
     * {@link RecoveryFailed.Stage#READING_LOGS}.
     */
    static List<LogInput> read(Path hive, List<Path> logs) {
        List<Slot> slots;
        try {
            slots = slots(logs);
        } catch (IllegalArgumentException e) {
            throw new RecoveryFailed(RecoveryFailed.Stage.READING_LOGS, hive.toString(), -1, e.getMessage(), null,
                    null);
        }
        List<LogInput> out = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            Path log = logs.get(i);
            ByteBuffer b;
            try {
                b = map(log);
            } catch (HiveException e) {
                throw new RecoveryFailed(RecoveryFailed.Stage.READING_LOGS, e.file(), e.offset(), e.reason(), null,
                        e.getCause());
            }
            if (InputFile.sameFile(hive, log)) {
                // read as a log, a dirty hive's own header would only say "sequence numbers differ"
                throw new RecoveryFailed(RecoveryFailed.Stage.READING_LOGS, log.toString(), -1, "is the hive itself"
                        + (log.equals(hive) ? "" : " (the same file as " + hive + ")")
                        + ", not one of its transaction logs", null, null);
            }
            out.add(new LogInput(log.toString(), slots.get(i), b));
        }
        return out;
    }


    /**
     * Maps a file read-only, after the one input check; at most the bytes the check saw. A FIFO,
     * device, folder, missing file or link loop (never opened), a file over 2 GiB or one that
     * cannot be read is a {@link HiveException} naming it.
     */
    static ByteBuffer map(Path file) {
        InputFile in;
        try {
            in = InputFile.check(file);
        } catch (InputException e) {
            throw new HiveException(e.file(), -1, e.reason(), e);
        }
        try {
            if (in.size() > TransactionLog.MAX_IMAGE) {
                throw new IOException(file + " is " + in.size() + " bytes; files over 2 GiB are not supported");
            }
            return in.map(in.size());
        } catch (IOException e) {
            throw new HiveException(file.toString(), -1, "cannot read: " + e.getMessage(), e);
        }
    }
}
