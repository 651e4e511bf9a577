package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.patchlens.format.Regf;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.LogRecord;
import org.patchlens.hive.ReplayLedger.Outcome;

/**
 * Transaction-log recovery of a dirty hive, in memory (regf-format.md sections 2.5, 7 and 8): is
 * the hive dirty, which logs apply, and what the ledger says. The evidence is only read: a
 * recovered image is a new byte array.
 *
 * <p>The parts: {@link TransactionLog} reads each log's header through regf.ksy and says whether it
 * is usable; {@link OldFormatReplay} applies an old-format ("DIRT") log, {@link NewFormatReplay}
 * the new-format ("HvLE") entries of .LOG1 and .LOG2 in sequence order; {@link RecoveredImage}
 * is the hive they rebuild. Files are found and read by {@link LogFiles}, and a hive is opened
 * with its logs applied by {@link HiveOpener}. Every decision is recorded in a {@link ReplayLedger}.
 *
 * <p>Bounded on hostile logs: each log is read in one forward pass (entries advance by their
 * size, which is at least 512); hashing costs at most the bytes of the log (plus a fixed budget
 * for the remnant scan); and the recovered image can grow only by as many bytes as the applied
 * pages carry, so a log claiming a huge hive or a page far past the end costs nothing.
 */
public final class HiveRecovery {
    /** Which log a file is, by its name: FILE.LOG, FILE.LOG1, FILE.LOG2. */
    public enum Slot { LOG, LOG1, LOG2 }

    /** A log offered for replay: its name (for the ledger), slot and bytes (read-only is fine). */
    public record LogInput(String name, Slot slot, ByteBuffer bytes) {
    }

    /** The ledger, and the recovered image when log data was applied (else null). */
    public record Recovery(ReplayLedger ledger, byte[] image) {
    }

    /**
     * Sees the hive as a replay rebuilds it, one applied log entry at a time ({@link LogHistory}): the
     * replay calls {@link #applied} after writing each entry's pages (once for an old-format log), in
     * the order applied. {@code state} makes that state's hive on demand: the image so far with the base
     * block the replay would give it if it stopped there. The replay's own result does not depend on it.
     */
    interface Steps {
        void applied(TransactionLog log, EntryRecord entry, java.util.function.Supplier<byte[]> state);
    }

    private HiveRecovery() {
    }

    /** True when sequence number {@code a} comes before {@code b} (u32 serial-number arithmetic). */
    static boolean before(long a, long b) {
        return (int) (a - b) < 0;
    }

    /**
     * Recovers a hive from its primary file and logs. Throws only when the primary is not a
     * hive at all; every problem with the logs is recorded in the ledger.
     */
    public static Recovery recover(String hiveName, ByteBuffer primaryBytes, List<LogInput> inputs) {
        return recover(hiveName, primaryBytes, inputs, null);
    }

    /** {@link #recover}, telling {@code steps} (when not null) of every state the replay goes through. */
    static Recovery recover(String hiveName, ByteBuffer primaryBytes, List<LogInput> inputs, Steps steps) {
        ByteBuffer p = primaryBytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        p.position(0);
        if (p.limit() < 4096) {
            throw new HiveException(hiveName, -1, "file is too small to be a registry hive (" + p.limit()
                    + " bytes, a base block is 4096)");
        }
        Regf.BaseBlock bb;
        try {
            bb = new Regf.BaseBlock(BoundedStream.of(p, 0, TransactionLog.HEADER));
        } catch (io.kaitai.struct.KaitaiStream.ValidationNotEqualError e) {
            throw new HiveException(hiveName, 0, "not a registry hive: no \"regf\" signature");
        }
        Regf.HbinHeader firstBin = Hive.firstBin(p);
        HiveHeader h = HiveHeader.of(bb, HiveHeader.checksum(p, 0), null, firstBin == null ? -1 : firstBin.timestamp());
        boolean valid = h.checksumValid();
        if (valid && h.fileType() != 0) {
            throw new HiveException(hiveName, 28, "base block file type is " + h.fileType()
                    + " (a transaction log), expected 0 (primary hive)");
        }
        List<String> dirty = new ArrayList<>();
        if (!valid) {
            dirty.add(String.format("base block checksum mismatch (stored 0x%08X, computed 0x%08X)",
                    h.storedChecksum(), h.computedChecksum()));
        }
        if (h.primarySequenceNumber() != h.secondarySequenceNumber()) {
            dirty.add("sequence numbers differ (primary " + h.primarySequenceNumber() + ", secondary "
                    + h.secondarySequenceNumber() + (valid ? ")" : "; untrusted)"));
        }
        List<TransactionLog> logs = new ArrayList<>();
        for (LogInput in : inputs) {
            TransactionLog l = TransactionLog.read(in, p.limit());
            if (valid) { // an invalid base block's fields are only hints: nothing to compare a log with
                l.otherHive = l.differenceFrom(h);
            }
            logs.add(l);
        }
        logs.sort(Comparator.comparing(TransactionLog::slot));
        return new Run(hiveName, p, h, firstBin != null, logs, dirty, steps).go();
    }

    /** The state of one recovery, shared by the two replays; {@link #done} makes the ledger. */
    static final class Run {
        final String hive;
        /** The primary's bytes, little-endian, from 0. */
        final ByteBuffer p;
        /** The primary's base block; {@link #valid} says whether its checksum is. */
        final HiveHeader h;
        final boolean valid;
        final boolean hasFirstBin;
        final List<TransactionLog> logs;
        final List<String> dirty;
        final List<String> stale = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<TransactionLog> appliedOrder = new ArrayList<>();
        /** Who sees each state (null: nobody). */
        final Steps steps;

        Run(String hive, ByteBuffer p, HiveHeader h, boolean hasFirstBin, List<TransactionLog> logs, List<String> dirty,
                Steps steps) {
            this.hive = hive;
            this.p = p;
            this.h = h;
            this.valid = h.checksumValid();
            this.hasFirstBin = hasFirstBin;
            this.logs = logs;
            this.dirty = dirty;
            this.steps = steps;
        }

        TransactionLog slot(Slot s) {
            return logs.stream().filter(l -> l.slot() == s).findFirst().orElse(null);
        }

        Recovery done(Outcome outcome, String result, byte[] image, long seq, long size, String source) {
            for (TransactionLog l : logs) {
                if (l.role == null) {
                    l.role = l.usable() ? "not applied" : "not applied: unusable";
                }
            }
            List<LogRecord> recs = new ArrayList<>();
            appliedOrder.forEach(l -> recs.add(l.record()));
            logs.stream().filter(l -> !appliedOrder.contains(l)).forEach(l -> recs.add(l.record()));
            return new Recovery(new ReplayLedger(hive, !dirty.isEmpty(), List.copyOf(dirty), List.copyOf(stale),
                    List.copyOf(recs), outcome, result, List.copyOf(notes), seq, size, source), image);
        }

        /** Every log and why it was not applied (for a result that says nothing could be). */
        String reasons() {
            List<String> r = new ArrayList<>();
            for (TransactionLog l : logs) {
                r.add(l.name() + ": " + (l.problem != null ? l.problem : l.role != null ? l.role : "not applicable"));
            }
            return String.join("; ", r);
        }

        void markOthers(List<TransactionLog> chosen, String why) {
            for (TransactionLog l : logs) {
                if (!chosen.contains(l) && l.role == null && l.usable()) {
                    l.role = why;
                }
            }
        }

        /** regf-format.md 7.5, 8.5: which format's logs are replayed. */
        Recovery go() {
            if (dirty.isEmpty()) {
                for (TransactionLog l : logs) {
                    l.role = "not applied: the hive is clean (logs are replayed only into a dirty hive)";
                    if (l.usable() && l.isNew() && before(l.h.primarySequenceNumber(), h.secondarySequenceNumber())) {
                        l.role += "; the log is older than the hive (sequence " + l.h.primarySequenceNumber() + " < "
                                + h.secondarySequenceNumber() + ")";
                    } else if (l.usable() && l.isOld() && Long.compareUnsigned(l.h.lastWritten(), h.lastWritten()) < 0) {
                        l.role += "; the log is older than the hive (timestamp)";
                    }
                    staleCheck(l);
                }
                return done(Outcome.CLEAN, logs.isEmpty() ? "clean hive" : "clean hive: logs not applied",
                        null, -1, -1, "");
            }
            if (logs.isEmpty()) {
                return done(Outcome.NO_LOGS, "dirty hive and no transaction log: read as found, data may be stale",
                        null, -1, -1, "");
            }
            List<TransactionLog> dual = new ArrayList<>();
            for (Slot s : List.of(Slot.LOG1, Slot.LOG2)) {
                TransactionLog l = slot(s);
                if (l != null && l.usable() && l.isNew()) {
                    dual.add(l);
                }
            }
            TransactionLog single = slot(Slot.LOG);
            String oldNotUsed = "not applied: a new-format log is usable, so old-format logs are not used";
            if (!dual.isEmpty()) {
                if (single != null) {
                    single.role = "not applied: .LOG is used only when .LOG1 and .LOG2 are unusable";
                }
                markOthers(dual, oldNotUsed);
                return NewFormatReplay.run(this, dual);
            }
            if (single != null && single.usable() && single.isNew()) {
                markOthers(List.of(single), oldNotUsed);
                return NewFormatReplay.run(this, List.of(single));
            }
            return OldFormatReplay.run(this);
        }

        /** For a clean hive: is this log newer than it (the hive may be missing changes)? */
        private void staleCheck(TransactionLog l) {
            if (!l.usable() || l.otherHive != null) { // another hive's log says nothing of this hive's changes
                return;
            }
            if (l.isNew()) {
                long s = l.h.primarySequenceNumber();
                if (!before(s, h.secondarySequenceNumber())) {
                    EntryRecord e = l.entry(TransactionLog.HEADER, s, true);
                    if (e.reason().equals("valid")) {
                        stale.add(l.name() + " holds a valid entry with sequence number " + s + ", not older than the "
                                + "hive's secondary sequence number " + h.secondarySequenceNumber()
                                + ": the hive may lack changes that were only logged");
                    }
                }
            } else if (l.isOld() && Long.compareUnsigned(l.h.lastWritten(), h.lastWritten()) > 0) {
                stale.add(l.name() + " was written at " + FileTime.iso(l.h.lastWritten()) + ", after the hive ("
                        + FileTime.iso(h.lastWritten()) + "): the hive may lack changes that were only logged");
            }
        }
    }
}
