package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.HiveRecovery.Recovery;
import org.patchlens.hive.HiveRecovery.Run;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.Outcome;
import org.patchlens.hive.ReplayLedger.Target;

/**
 * Replay of new-format ("HvLE") logs, Windows 8.1 and later (regf-format.md 8.3 to 8.6): .LOG1 and
 * .LOG2 ordered by their header sequence numbers (u32 wraparound), the entries of each applied while
 * they are valid and their sequence numbers continue exactly, the second log only if it continues
 * where the first stopped; then the entries after the stopping point listed as remnants.
 */
final class NewFormatReplay {
    /** Remnant entries listed per log, at most. */
    static final int MAX_REMNANTS = 1000;

    private NewFormatReplay() {
    }

    /** regf-format.md 8.5: does the log with header sequence {@code s1} hold the earlier entries? */
    static boolean firstIsLog1(long s1, long s2) {
        boolean starting;
        long d;
        if (s1 >= s2) {
            d = s1 - s2;
            starting = false;
        } else {
            d = s2 - s1;
            starting = true;
        }
        return d <= 0x7FFFFFFFL ? starting : !starting;
    }

    static Recovery run(Run r, List<TransactionLog> usable) {
        List<TransactionLog> order = new ArrayList<>(usable);
        if (order.size() == 2 && !firstIsLog1(order.get(0).h.primarySequenceNumber(),
                order.get(1).h.primarySequenceNumber())) {
            order = List.of(order.get(1), order.get(0));
        }
        TransactionLog baseLog = null;
        if (!r.valid) {
            TransactionLog newest = order.get(order.size() - 1);
            if (order.size() == 2) {
                order.get(0).role = "not applied: the hive's base block is invalid, and Windows then uses only "
                        + "the newest log (" + newest.name() + ")";
            }
            order = List.of(newest);
            baseLog = newest;
        } else {
            List<TransactionLog> eligible = new ArrayList<>();
            for (TransactionLog l : order) {
                if (HiveRecovery.before(l.h.primarySequenceNumber(), r.h.secondarySequenceNumber())) {
                    l.role = "not applied: it starts at sequence number " + l.h.primarySequenceNumber() + ", older "
                            + "than the hive's secondary sequence number " + r.h.secondarySequenceNumber()
                            + " (already in the hive)";
                } else {
                    eligible.add(l);
                }
            }
            order = eligible;
        }
        // the base block: the primary's when its checksum is valid, else the newest log's copy
        HiveHeader base = r.valid ? r.h : baseLog.h;
        ByteBuffer src = r.valid ? r.p : baseLog.b;
        int srcLen = r.valid ? 4096 : TransactionLog.HEADER;
        RecoveredImage img = null;
        long expected = -1;
        EntryRecord last = null;
        long lastFlags = 0;
        for (TransactionLog l : order) {
            long s = l.h.primarySequenceNumber();
            if (expected >= 0 && s != expected) {
                l.role = "not applied: its header sequence number " + s + " does not continue the previous log "
                        + "(expected " + expected + ")";
                break;
            }
            long seq = s;
            long pos = TransactionLog.HEADER;
            long resume = -1;
            int applied = 0;
            while (pos < l.size) {
                EntryRecord e = l.entry(pos, seq, true);
                if (!e.reason().equals("valid")) {
                    l.entries.add(e);
                    // a well-formed entry that broke the chain is skipped whole; anything else by 512 bytes
                    resume = pos + (e.hash().equals("ok") ? e.size() : 512);
                    break;
                }
                if (img == null) {
                    img = new RecoveredImage(r.p);
                }
                String stop = growthCheck(e, img);
                if (stop != null) {
                    l.entries.add(new EntryRecord(e.logOffset(), e.sequence(), e.size(), e.hiveBinsDataSize(),
                            e.hash(), e.targets(), false, stop));
                    resume = pos + e.size();
                    break;
                }
                long data = pos + TransactionLog.ENTRY_HEADER + 8L * e.targets().size();
                for (Target t : e.targets()) {
                    img.write(4096 + t.offset(), l.b, data, t.size());
                    data += t.size();
                }
                e = new EntryRecord(e.logOffset(), e.sequence(), e.size(), e.hiveBinsDataSize(), e.hash(),
                        e.targets(), true, "applied");
                l.entries.add(e);
                last = e;
                lastFlags = l.entryHeader(pos).flags();
                if (r.steps != null) {
                    RecoveredImage now = img;
                    EntryRecord done = e;
                    long flags = (base.flags() & ~1L) | (lastFlags & 1);
                    r.steps.applied(l, e, () -> now.snapshot(src, srcLen, done.sequence(), done.hiveBinsDataSize(),
                            flags));
                }
                applied++;
                seq = (seq + 1) & 0xFFFFFFFFL;
                pos += e.size();
            }
            remnants(r, l, resume >= 0 ? resume : pos);
            expected = seq;
            if (applied > 0) {
                l.role = "applied";
                r.appliedOrder.add(l);
            } else {
                l.role = "not applied: no valid entry with sequence number " + s + " at offset 512";
            }
        }
        if (last == null) {
            String why = "no log entry applies: " + r.reasons();
            return r.done(r.valid ? Outcome.NOTHING_APPLIED : Outcome.FAILED, r.valid ? why
                    : "the base block is invalid and " + why, null, -1, -1, "");
        }
        long flags = (base.flags() & ~1L) | (lastFlags & 1);
        byte[] image = img.finish(src, srcLen, last.sequence(),
                last.hiveBinsDataSize(), flags, r.notes);
        long entries = r.appliedOrder.stream().mapToLong(l -> l.entries.stream().filter(EntryRecord::applied).count())
                .sum();
        List<String> names = r.appliedOrder.stream().map(TransactionLog::name).toList();
        return r.done(Outcome.APPLIED, "applied " + entries + " new-format log entr" + (entries == 1 ? "y" : "ies")
                + " from " + String.join(", ", names) + ", up to sequence number " + last.sequence(), image,
                last.sequence(), last.hiveBinsDataSize(), r.valid ? "primary" : baseLog.name());
    }

    /** Why a valid entry must not be applied: its pages reach further past the image than they carry bytes (null: fine). */
    private static String growthCheck(EntryRecord e, RecoveredImage img) {
        long growth = 0;
        long maxEnd = 0;
        for (Target t : e.targets()) {
            maxEnd = Math.max(maxEnd, 4096 + t.offset() + t.size());
            growth += t.size();
        }
        if (maxEnd > TransactionLog.MAX_IMAGE || maxEnd > img.length() + growth) {
            return String.format("stopped: a page reaches hive bins offset 0x%X (hive file offset 0x%X, past the end "
                    + "of the %d-byte hive being rebuilt), further past the end of the hive than the entry carries "
                    + "pages", maxEnd - 4096, maxEnd, img.length());
        }
        return null;
    }

    /**
     * Lists valid entries after the point where replay stopped: evidence, never applied (8.6). Looks
     * for "HvLE" at 512-byte steps; at most {@link #MAX_REMNANTS}, within a hashing budget.
     */
    private static void remnants(Run r, TransactionLog l, long from) {
        long budget = 2 * l.size + (64 << 20);
        int found = 0;
        for (long pos = (from + 511) / 512 * 512; pos + TransactionLog.ENTRY_HEADER <= l.size; ) {
            if (l.b.getInt((int) pos) != HVLE) { // a cheap look for the signature before parsing
                pos += 512;
                continue;
            }
            long size = l.entryHeader(pos).size();
            if (budget < size) {
                r.notes.add(l.name() + ": remnant scan stopped at log file offset " + pos + " (work budget spent)");
                return;
            }
            budget -= Math.min(size, l.size);
            EntryRecord e = l.entry(pos, -1, false);
            if (!e.reason().equals("valid")) {
                pos += 512;
                continue;
            }
            if (++found > MAX_REMNANTS) {
                r.notes.add(l.name() + ": more than " + MAX_REMNANTS + " remnant entries; the rest not listed");
                return;
            }
            l.entries.add(new EntryRecord(e.logOffset(), e.sequence(), e.size(), e.hiveBinsDataSize(), e.hash(),
                    e.targets(), false, "not applied: found after the point where replay stopped (remnant or "
                    + "unreachable entry)"));
            pos += e.size();
        }
    }

    /** "HvLE" read as a little-endian u4. */
    private static final int HVLE = (int) org.patchlens.format.Regf.LogFormat.HVLE.id();
}
