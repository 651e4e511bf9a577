package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.HiveRecovery.Run;
import org.patchlens.hive.HiveRecovery.Slot;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.Outcome;
import org.patchlens.hive.ReplayLedger.Target;

/**
 * Replay of an old-format ("DIRT") log, NT 3.1 to Windows 8.0 (regf-format.md 7.3 to 7.5, and
 * docs/replay.md for where patchlens is looser than the format doc): which usable log applies (its
 * timestamp against the hive's), which one of .LOG1/.LOG2 (the later; .LOG only when neither is),
 * and its dirty pages written into the image. Two old-format logs are never merged.
 */
final class OldFormatReplay {
    private OldFormatReplay() {
    }

    static Recovery run(Run r) {
        HiveHeader h = r.h;
        long hiveTs = r.valid ? h.lastWritten() : h.firstBinTimestamp();
        String tsName = r.valid ? "the hive's last written timestamp" : "the hive's first-bin timestamp (its base "
                + "block is invalid)";
        List<TransactionLog> applicable = new ArrayList<>();
        boolean anyUsable = false;
        for (TransactionLog l : r.logs) {
            if (!l.usable() || !l.isOld()) {
                continue;
            }
            anyUsable = true;
            long lt = l.h.lastWritten();
            if (!r.valid && !r.hasFirstBin) {
                applicable.add(l);
                r.notes.add(l.name() + ": the hive has no first bin to compare timestamps with; log accepted");
            } else if (lt == hiveTs) {
                applicable.add(l);
            } else if (Long.compareUnsigned(lt, hiveTs) > 0 && l.otherHive != null) {
                // the leniency below is for a log that is plainly the hive's own: Windows asks for equal timestamps
                l.role = "not applied: log timestamp " + FileTime.iso(lt) + " is newer than " + tsName + " "
                        + FileTime.iso(hiveTs) + " and its base block copy is another hive's (Windows applies an "
                        + "old-format log only when the timestamps are equal)";
            } else if (Long.compareUnsigned(lt, hiveTs) > 0) {
                applicable.add(l);
                r.notes.add(l.name() + ": log timestamp " + FileTime.iso(lt) + " is newer than " + tsName + " "
                        + FileTime.iso(hiveTs) + " (accepted, as yarp does; the Suhanov spec asks for equality)");
            } else {
                l.role = "not applied: log timestamp " + FileTime.iso(lt) + " is older than " + tsName + " "
                        + FileTime.iso(hiveTs);
            }
        }
        TransactionLog chosen = choose(applicable);
        if (chosen == null) {
            if (!anyUsable) {
                return r.done(Outcome.FAILED, "no usable transaction log: " + r.reasons(), null, -1, -1, "");
            }
            if (!r.valid) {
                return r.done(Outcome.FAILED, "the base block is invalid and no log applies to the hive: "
                        + r.reasons(), null, -1, -1, "");
            }
            return r.done(Outcome.NOTHING_APPLIED, "no log applies to the hive: " + r.reasons(), null, -1, -1, "");
        }
        return apply(r, chosen);
    }

    /** The later of the applicable .LOG1 and .LOG2 (LOG1 on a tie), else .LOG; the others' roles say why not. */
    private static TransactionLog choose(List<TransactionLog> applicable) {
        TransactionLog chosen = null;
        for (TransactionLog l : applicable) {
            if (l.slot() != Slot.LOG
                    && (chosen == null || Long.compareUnsigned(l.h.lastWritten(), chosen.h.lastWritten()) > 0)) {
                chosen = l;
            }
        }
        if (chosen == null) {
            return applicable.stream().filter(l -> l.slot() == Slot.LOG).findFirst().orElse(null);
        }
        TransactionLog c = chosen;
        applicable.stream().filter(l -> l != c).forEach(l -> l.role = l.slot() == Slot.LOG
                ? "not applied: .LOG is used only when .LOG1 and .LOG2 are unusable"
                : "not applied: " + c.name() + " is the more recent log (two old-format logs are never merged)");
        return chosen;
    }

    /** Page k of the log goes to file offset 4096 + 512 i for the k-th set bit i (7.4). */
    private static Recovery apply(Run r, TransactionLog l) {
        long binsSize = l.h.hiveBinsDataSize();
        long bits = 8L * l.bitmap.length;
        RecoveredImage img = new RecoveredImage(r.p);
        List<Target> targets = new ArrayList<>();
        long k = 0;
        long runStart = -1;
        for (long i = 0; i <= bits; i++) {
            boolean set = i < bits && (l.bitmap[(int) (i / 8)] >> (i % 8) & 1) != 0;
            if (set) {
                img.write(4096 + 512 * i, l.b, l.dirtyStart + 512 * k, 512);
                k++;
                if (runStart < 0) {
                    runStart = i;
                }
            } else if (runStart >= 0) {
                targets.add(new Target(512 * runStart, 512 * (i - runStart)));
                runStart = -1;
            }
        }
        l.entries.add(new EntryRecord(l.dirtyStart, l.h.primarySequenceNumber(), 512 * k, binsSize,
                "n/a (old format has no hashes)", List.copyOf(targets), true, "applied"));
        long remnant = l.size - (l.dirtyStart + 512 * k);
        if (remnant > 0) {
            r.notes.add(l.name() + ": " + remnant + " bytes after the last dirty page (remnant data, not replayed)");
        }
        l.role = "applied";
        r.appliedOrder.add(l);
        // the base block: the primary's when its checksum is valid, else the log's copy
        HiveHeader base = r.valid ? r.h : l.h;
        ByteBuffer src = r.valid ? r.p : l.b;
        int srcLen = r.valid ? 4096 : TransactionLog.HEADER;
        long seq = base.primarySequenceNumber();
        if (r.steps != null) {
            // one state: a DIRT log holds the dirty pages of one flush, not a sequence of them
            r.steps.applied(l, l.entries.get(0), () -> img.snapshot(src, srcLen, seq, binsSize, l.h.flags()));
        }
        byte[] image = img.finish(src, srcLen, seq, binsSize, l.h.flags(), r.notes);
        return r.done(Outcome.APPLIED, "applied old-format log " + l.name() + " (" + k + " dirty pages of 512 "
                + "bytes, from log offset " + l.dirtyStart + ")", image, seq, binsSize, r.valid ? "primary" : l.name());
    }
}
