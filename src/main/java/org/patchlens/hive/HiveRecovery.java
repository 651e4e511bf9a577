package org.patchlens.hive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.patchlens.InputException;
import org.patchlens.InputFile;
import org.patchlens.format.Regf;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.LogRecord;
import org.patchlens.hive.ReplayLedger.Outcome;
import org.patchlens.hive.ReplayLedger.Target;

/**
 * Transaction-log recovery of a dirty hive, in memory (regf-format.md sections 2.5, 7 and 8).
 * The evidence is only read: the primary file and the logs are mapped read-only, and a
 * recovered image is a new byte array.
 *
 * <p>Old-format logs ("DIRT"): the dirty bitmap is {@code HiveBinsDataSize / 4096} bytes long,
 * taken from the log's own base block copy, and the pages start at
 * {@code align_up(516 + bitmap, 512)} (not at a fixed 1024). New-format logs ("HvLE"): every entry
 * is validated (8.3), both Marvin32 hashes included, and applied only if its sequence number
 * continues exactly; .LOG1 and .LOG2 are ordered by their header sequence numbers with u32
 * wraparound, starting at the hive's secondary sequence number. Replay stops at the first invalid
 * entry. Every decision is recorded in a {@link ReplayLedger}.
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

    static final int REGF = 0x66676572;
    static final int DIRT = 0x54524944;
    static final int HVLE = 0x454C7648;
    static final int HBIN = 0x6E696268;
    static final int LOG_HEADER = 512;
    /** Largest image a Java array holds. */
    static final long MAX_IMAGE = Integer.MAX_VALUE - 64;
    /** Remnant entries listed per log, at most. */
    static final int MAX_REMNANTS = 1000;

    private HiveRecovery() {
    }

    // ------------------------------------------------------------------ base blocks

    /** The fields of a base block (or a log's 512-byte copy) that recovery needs. */
    record Header(long primarySeq, long secondarySeq, long lastWritten, long major, long minor, long fileType,
                  long fileFormat, long root, long binsSize, long clustering, long flags, long stored, long computed) {
        boolean checksumOk() {
            return stored == computed;
        }

        static Header read(ByteBuffer b) {
            return new Header(u32(b, 4), u32(b, 8), b.getLong(12), u32(b, 20), u32(b, 24), u32(b, 28), u32(b, 32),
                    u32(b, 36), u32(b, 40), u32(b, 44), u32(b, 144), u32(b, 508), HiveHeader.checksum(b, 0));
        }
    }

    /** A Kaitai stream over {@code len} bytes of {@code b} at {@code pos} (bounds checked by the caller). */
    static io.kaitai.struct.ByteBufferKaitaiStream stream(ByteBuffer b, long pos, long len) {
        return new io.kaitai.struct.ByteBufferKaitaiStream(b.slice((int) pos, (int) len).order(ByteOrder.LITTLE_ENDIAN));
    }

    static long u32(ByteBuffer b, int pos) {
        return b.getInt(pos) & 0xFFFFFFFFL;
    }

    private static ByteBuffer le(ByteBuffer b) {
        ByteBuffer d = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        d.position(0);
        return d;
    }

    /** True when sequence number {@code a} comes before {@code b} (u32 serial-number arithmetic). */
    static boolean before(long a, long b) {
        return (int) (a - b) < 0;
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

    // ------------------------------------------------------------------ logs

    /** One log as parsed: its header verdict, and what replay did with it. */
    private static final class Log {
        final LogInput in;
        final ByteBuffer b;
        final long size;
        String format = "unknown";
        Header h;
        String problem;
        String role;
        long dirtyStart;
        long pages;
        byte[] bitmap;
        final List<EntryRecord> entries = new ArrayList<>();

        Log(LogInput in) {
            this.in = in;
            this.b = le(in.bytes());
            this.size = b.limit();
        }

        boolean usable() {
            return problem == null;
        }

        boolean isNew() {
            return format.equals("new");
        }

        boolean isOld() {
            return format.equals("old");
        }

        String name() {
            return in.name();
        }

        LogRecord record() {
            return new LogRecord(in.name(), in.slot().name(), format, size, h == null ? -1 : h.primarySeq(),
                    h == null ? -1 : h.secondarySeq(), h == null ? -1 : h.lastWritten(),
                    h == null ? -1 : h.binsSize(), problem == null ? "usable" : problem,
                    role == null ? "not applied" : role, List.copyOf(entries));
        }
    }

    private static void parse(Log l, long primarySize) {
        if (l.size == 0) {
            l.problem = "empty file";
            return;
        }
        if (l.size < LOG_HEADER) {
            l.problem = "file is " + l.size + " bytes, shorter than a 512-byte base block copy";
            return;
        }
        if (l.b.getInt(0) != REGF) {
            l.problem = "no \"regf\" signature at offset 0";
            return;
        }
        Header h = Header.read(l.b);
        l.h = h;
        int sig = l.size >= LOG_HEADER + 4 ? l.b.getInt(LOG_HEADER) : 0;
        if (sig == DIRT || (sig != HVLE && (h.fileType() == 1 || h.fileType() == 2))) {
            l.format = "old";
        } else if (sig == HVLE || h.fileType() == 6) {
            l.format = "new";
        }
        if (!h.checksumOk()) {
            l.problem = String.format("base block copy checksum mismatch (stored 0x%08X, computed 0x%08X)",
                    h.stored(), h.computed());
        } else if (h.primarySeq() != h.secondarySeq()) {
            l.problem = "base block copy sequence numbers differ (" + h.primarySeq() + ", " + h.secondarySeq()
                    + "): the log's header write did not complete";
        } else if (l.isOld()) {
            parseOld(l, h, sig, primarySize);
        } else if (l.isNew()) {
            if (h.fileType() != 6) {
                l.problem = "HvLE at offset 512 but file type " + h.fileType() + " (expected 6)";
            } else if (l.size <= LOG_HEADER + 40) {
                l.problem = "file is " + l.size + " bytes, too small to hold a log entry";
            }
        } else {
            l.problem = "neither DIRT nor HvLE at offset 512, and file type " + h.fileType()
                    + " is not a log's (1, 2 or 6)";
        }
    }

    private static void parseOld(Log l, Header h, int sig, long primarySize) {
        if (h.fileType() != 1 && h.fileType() != 2) {
            l.problem = "DIRT at offset 512 but file type " + h.fileType() + " (expected 1 or 2)";
        } else if (sig != DIRT) {
            l.problem = "no DIRT signature at offset 512";
        } else if (h.clustering() != 1) {
            l.problem = "clustering factor " + h.clustering() + " is not supported (only 1 has been observed)";
        } else if (h.binsSize() < 4096 || h.binsSize() % 4096 != 0) {
            l.problem = "hive bins data size " + h.binsSize() + " is not a positive multiple of 4096";
        } else {
            long bitmap = h.binsSize() / 4096;
            if (LOG_HEADER + 4 + bitmap > l.size) {
                l.problem = "the dirty vector (" + bitmap + " bytes for hive bins data of " + h.binsSize()
                        + " bytes) runs past the end of the file (" + l.size + " bytes)";
                return;
            }
            Regf.OldLogDirtyVector dv = new Regf.OldLogDirtyVector(stream(l.b, LOG_HEADER, 4 + bitmap), h.binsSize());
            l.bitmap = dv.bitmap();
            long start = dv.dirtyPagesOffset();
            long pages = 0;
            for (byte x : l.bitmap) {
                pages += Integer.bitCount(x & 0xFF);
            }
            l.dirtyStart = start;
            l.pages = pages;
            if (pages == 0) {
                l.problem = "the dirty vector marks no page";
            } else if (start + 512 * pages > l.size) {
                l.problem = "truncated: the dirty vector marks " + pages + " pages (" + 512 * pages
                        + " bytes from log file offset " + start + ") but the file has " + l.size + " bytes";
            } else {
                // Growth bound: the pages must not reach further past the primary than they carry bytes.
                long last = -1;
                for (int i = (int) bitmap - 1; i >= 0 && last < 0; i--) {
                    int v = l.bitmap[i] & 0xFF;
                    if (v != 0) {
                        last = 8 * i + 31 - Integer.numberOfLeadingZeros(v);
                    }
                }
                long maxEnd = 4096 + 512 * (last + 1);
                if (maxEnd > MAX_IMAGE || maxEnd > primarySize + 512 * pages) {
                    long at = 4096 + 512 * last;
                    l.problem = String.format("a dirty page lies at hive bins offset 0x%X (hive file offset 0x%X%s), "
                            + "further past the end of the hive than the log carries pages", 512 * last, at,
                            at >= primarySize ? ", past the end of the " + primarySize + "-byte primary file" : "");
                }
            }
        }
    }

    // ------------------------------------------------------------------ the image being rebuilt

    /** A growable copy of the primary file. */
    private static final class Image {
        byte[] a;
        long len;

        Image(ByteBuffer primary) {
            len = primary.limit();
            a = new byte[(int) len];
            le(primary).get(0, a, 0, (int) len);
        }

        void write(long pos, ByteBuffer src, long from, long n) {
            long end = pos + n;
            if (end > a.length) {
                a = Arrays.copyOf(a, (int) Math.min(MAX_IMAGE, Math.max(end, a.length + (a.length >> 3))));
            }
            src.get((int) from, a, (int) pos, (int) n);
            len = Math.max(len, end);
        }
    }

    // ------------------------------------------------------------------ recovery

    /**
     * Recovers a hive from its primary file and logs. Throws only when the primary is not a
     * hive at all; every problem with the logs is recorded in the ledger.
     */
    public static Recovery recover(String hiveName, ByteBuffer primaryBytes, List<LogInput> inputs) {
        ByteBuffer p = le(primaryBytes);
        if (p.limit() < 4096) {
            throw new HiveException(hiveName, -1, "file is too small to be a registry hive (" + p.limit()
                    + " bytes, a base block is 4096)");
        }
        if (p.getInt(0) != REGF) {
            throw new HiveException(hiveName, 0, "not a registry hive: no \"regf\" signature");
        }
        Header h = Header.read(p);
        boolean valid = h.checksumOk();
        if (valid && h.fileType() != 0) {
            throw new HiveException(hiveName, 28, "base block file type is " + h.fileType()
                    + " (a transaction log), expected 0 (primary hive)");
        }
        List<String> dirty = new ArrayList<>();
        if (!valid) {
            dirty.add(String.format("base block checksum mismatch (stored 0x%08X, computed 0x%08X)", h.stored(),
                    h.computed()));
        }
        if (h.primarySeq() != h.secondarySeq()) {
            dirty.add("sequence numbers differ (primary " + h.primarySeq() + ", secondary " + h.secondarySeq()
                    + (valid ? ")" : "; untrusted)"));
        }
        boolean hasFirstBin = p.limit() >= 4096 + 32 && p.getInt(4096) == HBIN;
        long firstBinTs = hasFirstBin ? p.getLong(4096 + 20) : 0;

        List<Log> logs = new ArrayList<>();
        for (LogInput in : inputs) {
            Log l = new Log(in);
            parse(l, p.limit());
            logs.add(l);
        }
        logs.sort(Comparator.comparing(l -> l.in.slot()));
        Run run = new Run(hiveName, p, h, valid, hasFirstBin, firstBinTs, logs, dirty);
        return run.go();
    }

    /** The state of one recovery. */
    private static final class Run {
        final String hive;
        final ByteBuffer p;
        final Header h;
        final boolean valid;
        final boolean hasFirstBin;
        final long firstBinTs;
        final List<Log> logs;
        final List<String> dirty;
        final List<String> stale = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<Log> appliedOrder = new ArrayList<>();

        Run(String hive, ByteBuffer p, Header h, boolean valid, boolean hasFirstBin, long firstBinTs, List<Log> logs,
            List<String> dirty) {
            this.hive = hive;
            this.p = p;
            this.h = h;
            this.valid = valid;
            this.hasFirstBin = hasFirstBin;
            this.firstBinTs = firstBinTs;
            this.logs = logs;
            this.dirty = dirty;
        }

        Log slot(Slot s) {
            return logs.stream().filter(l -> l.in.slot() == s).findFirst().orElse(null);
        }

        Recovery done(Outcome outcome, String result, byte[] image, long seq, long size, String source) {
            for (Log l : logs) {
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

        Recovery go() {
            if (dirty.isEmpty()) {
                for (Log l : logs) {
                    l.role = "not applied: the hive is clean (logs are replayed only into a dirty hive)";
                    if (l.usable() && l.isNew() && before(l.h.primarySeq(), h.secondarySeq())) {
                        l.role += "; the log is older than the hive (sequence " + l.h.primarySeq() + " < "
                                + h.secondarySeq() + ")";
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
            List<Log> dual = new ArrayList<>();
            for (Slot s : List.of(Slot.LOG1, Slot.LOG2)) {
                Log l = slot(s);
                if (l != null && l.usable() && l.isNew()) {
                    dual.add(l);
                }
            }
            Log single = slot(Slot.LOG);
            if (!dual.isEmpty()) {
                if (single != null) {
                    single.role = "not applied: .LOG is used only when .LOG1 and .LOG2 are unusable";
                }
                markOthers(dual, "not applied: a new-format log is usable, so old-format logs are not used");
                return replayNew(dual);
            }
            if (single != null && single.usable() && single.isNew()) {
                markOthers(List.of(single), "not applied: a new-format log is usable, so old-format logs are not used");
                return replayNew(List.of(single));
            }
            return replayOld();
        }

        void markOthers(List<Log> chosen, String why) {
            for (Log l : logs) {
                if (!chosen.contains(l) && l.role == null && l.usable()) {
                    l.role = why;
                }
            }
        }

        /** For a clean hive: is this log newer than it (the hive may be missing changes)? */
        void staleCheck(Log l) {
            if (!l.usable()) {
                return;
            }
            if (l.isNew()) {
                long s = l.h.primarySeq();
                if (!before(s, h.secondarySeq())) {
                    EntryRecord e = entry(l, LOG_HEADER, s, true);
                    if (e.reason().equals("valid")) {
                        stale.add(l.name() + " holds a valid entry with sequence number " + s + ", not older than the "
                                + "hive's secondary sequence number " + h.secondarySeq()
                                + ": the hive may lack changes that were only logged");
                    }
                }
            } else if (l.isOld() && Long.compareUnsigned(l.h.lastWritten(), h.lastWritten()) > 0) {
                stale.add(l.name() + " was written at " + FileTime.iso(l.h.lastWritten()) + ", after the hive ("
                        + FileTime.iso(h.lastWritten()) + "): the hive may lack changes that were only logged");
            }
        }

        // -------------------------------------------------------------- old format

        Recovery replayOld() {
            long hiveTs = valid ? h.lastWritten() : firstBinTs;
            String tsName = valid ? "the hive's last written timestamp" : "the hive's first-bin timestamp (its base "
                    + "block is invalid)";
            List<Log> applicable = new ArrayList<>();
            boolean anyUsable = false;
            for (Log l : logs) {
                if (!l.usable() || !l.isOld()) {
                    continue;
                }
                anyUsable = true;
                long lt = l.h.lastWritten();
                if (!valid && !hasFirstBin) {
                    applicable.add(l);
                    notes.add(l.name() + ": the hive has no first bin to compare timestamps with; log accepted");
                } else if (lt == hiveTs) {
                    applicable.add(l);
                } else if (Long.compareUnsigned(lt, hiveTs) > 0) {
                    applicable.add(l);
                    notes.add(l.name() + ": log timestamp " + FileTime.iso(lt) + " is newer than " + tsName + " "
                            + FileTime.iso(hiveTs) + " (accepted, as yarp does; the Suhanov spec asks for equality)");
                } else {
                    l.role = "not applied: log timestamp " + FileTime.iso(lt) + " is older than " + tsName + " "
                            + FileTime.iso(hiveTs);
                }
            }
            Log chosen = null;
            for (Log l : applicable) {
                if (l.in.slot() == Slot.LOG) {
                    continue;
                }
                if (chosen == null || Long.compareUnsigned(l.h.lastWritten(), chosen.h.lastWritten()) > 0) {
                    chosen = l;
                }
            }
            if (chosen == null) {
                chosen = applicable.stream().filter(l -> l.in.slot() == Slot.LOG).findFirst().orElse(null);
            } else {
                Log c = chosen;
                applicable.stream().filter(l -> l != c).forEach(l -> l.role = l.in.slot() == Slot.LOG
                        ? "not applied: .LOG is used only when .LOG1 and .LOG2 are unusable"
                        : "not applied: " + c.name() + " is the more recent log (two old-format logs are never merged)");
            }
            if (chosen == null) {
                if (!anyUsable) {
                    return done(Outcome.FAILED, "no usable transaction log: " + reasons(), null, -1, -1, "");
                }
                if (!valid) {
                    return done(Outcome.FAILED, "the base block is invalid and no log applies to the hive: "
                            + reasons(), null, -1, -1, "");
                }
                return done(Outcome.NOTHING_APPLIED, "no log applies to the hive: " + reasons(), null, -1, -1, "");
            }
            Log l = chosen;
            long binsSize = l.h.binsSize();
            long bitmap = l.bitmap.length;
            Image img = new Image(p);
            List<Target> targets = new ArrayList<>();
            long k = 0;
            long runStart = -1;
            for (long i = 0; i <= bitmap * 8; i++) {
                boolean set = i < bitmap * 8 && (l.bitmap[(int) (i / 8)] >> (i % 8) & 1) != 0;
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
            l.entries.add(new EntryRecord(l.dirtyStart, l.h.primarySeq(), 512 * k, binsSize,
                    "n/a (old format has no hashes)", List.copyOf(targets), true, "applied"));
            long remnant = l.size - (l.dirtyStart + 512 * k);
            if (remnant > 0) {
                notes.add(l.name() + ": " + remnant + " bytes after the last dirty page (remnant data, not replayed)");
            }
            l.role = "applied";
            appliedOrder.add(l);
            ByteBuffer src = valid ? p : l.b;
            long seq = u32(src, 4);
            byte[] image = finish(img, src, valid ? 4096 : LOG_HEADER, seq, binsSize, u32(l.b, 144), false);
            return done(Outcome.APPLIED, "applied old-format log " + l.name() + " (" + k + " dirty pages of 512 "
                    + "bytes, from log offset " + l.dirtyStart + ")", image, seq, binsSize, valid ? "primary" : l.name());
        }

        String reasons() {
            List<String> r = new ArrayList<>();
            for (Log l : logs) {
                r.add(l.name() + ": " + (l.problem != null ? l.problem : l.role != null ? l.role : "not applicable"));
            }
            return String.join("; ", r);
        }

        // -------------------------------------------------------------- new format

        Recovery replayNew(List<Log> usable) {
            List<Log> order = new ArrayList<>(usable);
            if (order.size() == 2 && !firstIsLog1(order.get(0).h.primarySeq(), order.get(1).h.primarySeq())) {
                order = List.of(order.get(1), order.get(0));
            }
            Log baseLog = null;
            if (!valid) {
                Log newest = order.get(order.size() - 1);
                if (order.size() == 2) {
                    order.get(0).role = "not applied: the hive's base block is invalid, and Windows then uses only "
                            + "the newest log (" + newest.name() + ")";
                }
                order = List.of(newest);
                baseLog = newest;
            } else {
                List<Log> eligible = new ArrayList<>();
                for (Log l : order) {
                    if (before(l.h.primarySeq(), h.secondarySeq())) {
                        l.role = "not applied: it starts at sequence number " + l.h.primarySeq() + ", older than the "
                                + "hive's secondary sequence number " + h.secondarySeq() + " (already in the hive)";
                    } else {
                        eligible.add(l);
                    }
                }
                order = eligible;
            }
            Image img = null;
            long expected = -1;
            EntryRecord last = null;
            long lastFlags = 0;
            for (int li = 0; li < order.size(); li++) {
                Log l = order.get(li);
                long s = l.h.primarySeq();
                if (expected >= 0 && s != expected) {
                    l.role = "not applied: its header sequence number " + s + " does not continue the previous log "
                            + "(expected " + expected + ")";
                    break;
                }
                long seq = s;
                long pos = LOG_HEADER;
                long resume = -1;
                int applied = 0;
                while (pos < l.size) {
                    EntryRecord e = entry(l, pos, seq, true);
                    if (!e.reason().equals("valid")) {
                        l.entries.add(e);
                        // a well-formed entry that broke the chain is skipped whole; anything else by 512 bytes
                        resume = pos + (e.hash().equals("ok") ? e.size() : 512);
                        break;
                    }
                    if (img == null) {
                        img = new Image(p);
                    }
                    long growth = 0;
                    long maxEnd = 0;
                    for (Target t : e.targets()) {
                        maxEnd = Math.max(maxEnd, 4096 + t.offset() + t.size());
                        growth += t.size();
                    }
                    if (maxEnd > MAX_IMAGE || maxEnd > img.len + growth) {
                        l.entries.add(new EntryRecord(e.logOffset(), e.sequence(), e.size(), e.hiveBinsDataSize(),
                                e.hash(), e.targets(), false, String.format("stopped: a page reaches hive bins offset "
                                + "0x%X (hive file offset 0x%X, past the end of the %d-byte hive being rebuilt), further "
                                + "past the end of the hive than the entry carries pages", maxEnd - 4096, maxEnd,
                                img.len)));
                        resume = pos + e.size();
                        break;
                    }
                    long data = pos + 40 + 8L * e.targets().size();
                    for (Target t : e.targets()) {
                        img.write(4096 + t.offset(), l.b, data, t.size());
                        data += t.size();
                    }
                    e = new EntryRecord(e.logOffset(), e.sequence(), e.size(), e.hiveBinsDataSize(), e.hash(),
                            e.targets(), true, "applied");
                    l.entries.add(e);
                    last = e;
                    lastFlags = u32(l.b, (int) pos + 8);
                    applied++;
                    seq = (seq + 1) & 0xFFFFFFFFL;
                    pos += e.size();
                }
                remnants(l, resume >= 0 ? resume : pos);
                expected = seq;
                if (applied > 0) {
                    l.role = "applied";
                    appliedOrder.add(l);
                } else {
                    l.role = "not applied: no valid entry with sequence number " + s + " at offset 512";
                }
            }
            if (last == null) {
                String why = "no log entry applies: " + reasons();
                return done(valid ? Outcome.NOTHING_APPLIED : Outcome.FAILED, valid ? why
                        : "the base block is invalid and " + why, null, -1, -1, "");
            }
            ByteBuffer src = valid ? p : baseLog.b;
            long flags = (u32(src, 144) & ~1L) | (lastFlags & 1);
            byte[] image = finish(img, src, valid ? 4096 : LOG_HEADER, last.sequence(), last.hiveBinsDataSize(),
                    flags, true);
            long entries = appliedOrder.stream().mapToLong(l -> l.entries.stream().filter(EntryRecord::applied).count())
                    .sum();
            List<String> names = appliedOrder.stream().map(Log::name).toList();
            return done(Outcome.APPLIED, "applied " + entries + " new-format log entr" + (entries == 1 ? "y" : "ies")
                    + " from " + String.join(", ", names) + ", up to sequence number " + last.sequence(), image,
                    last.sequence(), last.hiveBinsDataSize(), valid ? "primary" : baseLog.name());
        }

        /** Lists valid entries after the point where replay stopped: evidence, never applied. */
        void remnants(Log l, long from) {
            long budget = 2 * l.size + (64 << 20);
            int found = 0;
            for (long pos = (from + 511) / 512 * 512; pos + 40 <= l.size; ) {
                if (l.b.getInt((int) pos) != HVLE) {
                    pos += 512;
                    continue;
                }
                long size = u32(l.b, (int) pos + 4);
                if (budget < size) {
                    notes.add(l.name() + ": remnant scan stopped at log file offset " + pos + " (work budget spent)");
                    return;
                }
                budget -= Math.min(size, l.size);
                EntryRecord e = entry(l, pos, -1, false);
                if (!e.reason().equals("valid")) {
                    pos += 512;
                    continue;
                }
                if (++found > MAX_REMNANTS) {
                    notes.add(l.name() + ": more than " + MAX_REMNANTS + " remnant entries; the rest not listed");
                    return;
                }
                l.entries.add(new EntryRecord(e.logOffset(), e.sequence(), e.size(), e.hiveBinsDataSize(), e.hash(),
                        e.targets(), false, "not applied: found after the point where replay stopped (remnant or "
                        + "unreachable entry)"));
                pos += e.size();
            }
        }

        /**
         * Validates the entry at {@code pos} (8.3). Its reason is "valid", or why not. With
         * {@code checkSeq} false the sequence rule is skipped (remnant scan).
         */
        EntryRecord entry(Log l, long pos, long expected, boolean checkSeq) {
            ByteBuffer b = l.b;
            if (pos + 40 > l.size) {
                return new EntryRecord(pos, -1, -1, -1, "not checked", List.of(), false, "stopped: end of the log ("
                        + (l.size - pos) + " bytes left, an entry header is 40)");
            }
            if (b.getInt((int) pos) != HVLE) {
                return new EntryRecord(pos, -1, -1, -1, "not checked", List.of(), false,
                        "stopped: no HvLE signature (end of the log's entries)");
            }
            long size = u32(b, (int) pos + 4);
            long seq = u32(b, (int) pos + 12);
            long bins = u32(b, (int) pos + 16);
            long n = u32(b, (int) pos + 20);
            String bad = null;
            List<Target> targets = List.of();
            if (size < 512 || size % 512 != 0) {
                bad = "size " + size + " is not a positive multiple of 512";
            } else if (pos + size > l.size) {
                bad = "size " + size + " runs past the end of the log (" + l.size + " bytes)";
            } else if (bins < 4096 || bins % 4096 != 0) {
                bad = "hive bins data size " + bins + " is not a positive multiple of 4096";
            } else if (n < 1 || 40 + 8 * n > size) {
                bad = "dirty page count " + n + " does not fit the entry";
            } else {
                // bounds are checked: the Kaitai type reads the header and references on a stream of exactly Size bytes
                Regf.LogEntry le = new Regf.LogEntry(stream(b, pos, size));
                List<Target> t = new ArrayList<>((int) n);
                long total = 0;
                for (int i = 0; i < n && bad == null; i++) {
                    long off = le.dirtyPages().get(i).offset();
                    long sz = le.dirtyPages().get(i).size();
                    if (off + sz > bins) {
                        bad = String.format("dirty page %d (0x%X bytes at hive bins offset 0x%X, hive file offset "
                                + "0x%X) ends past the hive bins data size %d", i, sz, off, 4096 + off, bins);
                    }
                    total += sz;
                    t.add(new Target(off, sz));
                }
                if (bad == null && 40 + 8 * n + total > size) {
                    bad = "its pages (" + total + " bytes) do not fit the entry size " + size;
                }
                targets = List.copyOf(t);
            }
            if (bad != null) {
                return new EntryRecord(pos, seq, size, bins, "not checked", targets, false, "stopped: invalid entry: "
                        + bad);
            }
            long h2 = Marvin32.hash(b, (int) pos, 32, Marvin32.REGISTRY_SEED);
            long h2s = b.getLong((int) pos + 32);
            if (h2 != h2s) {
                return new EntryRecord(pos, seq, size, bins, String.format("bad Hash-2 (stored 0x%016X, computed "
                        + "0x%016X)", h2s, h2), targets, false, "stopped: bad Hash-2");
            }
            long h1 = Marvin32.hash(b, (int) pos + 40, (int) size - 40, Marvin32.REGISTRY_SEED);
            long h1s = b.getLong((int) pos + 24);
            if (h1 != h1s) {
                return new EntryRecord(pos, seq, size, bins, String.format("bad Hash-1 (stored 0x%016X, computed "
                        + "0x%016X)", h1s, h1), targets, false, "stopped: bad Hash-1");
            }
            if (checkSeq && seq != expected) {
                return new EntryRecord(pos, seq, size, bins, "ok", targets, false, "stopped: sequence number " + seq
                        + ", expected " + expected + (before(expected, seq) ? " (a gap)" : " (an older entry)"));
            }
            return new EntryRecord(pos, seq, size, bins, "ok", targets, false, "valid");
        }

        // -------------------------------------------------------------- the new base block

        /**
         * Builds the recovered image: the base block from {@code src} ({@code srcLen} bytes: the
         * primary's 4096 or a log's 512, zero-padded), file type 0, both sequence numbers
         * {@code seq}, bins size, flags and checksum; the image cut at 4096 + bins size.
         */
        byte[] finish(Image img, ByteBuffer src, int srcLen, long seq, long binsSize, long flags, boolean newFormat) {
            long want = 4096 + binsSize;
            int len = (int) Math.min(img.len, want);
            byte[] out = len == img.a.length ? img.a : Arrays.copyOf(img.a, len);
            Arrays.fill(out, 0, 4096, (byte) 0);
            src.get(0, out, 0, srcLen);
            ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            o.putInt(4, (int) seq);
            o.putInt(8, (int) seq);
            o.putInt(28, 0);
            o.putInt(40, (int) binsSize);
            o.putInt(144, (int) flags);
            o.putInt(508, (int) HiveHeader.checksum(o, 0));
            if (len < want) {
                notes.add("the recovered hive bins data size is " + binsSize + " bytes but only " + (len - 4096)
                        + " exist (neither the primary file nor the logs hold the rest)");
            }
            checkBins(o, Math.min(binsSize, len - 4096L));
            return out;
        }

        /** Walks the bins of the recovered image and notes the first invalid one. */
        void checkBins(ByteBuffer o, long limit) {
            long pos = 0;
            while (pos + 32 <= limit) {
                int fp = (int) (4096 + pos);
                long size = u32(o, fp + 8);
                String bad = null;
                if (o.getInt(fp) != HBIN) {
                    bad = "no hbin signature";
                } else if (u32(o, fp + 4) != pos) {
                    bad = "its offset field is 0x" + Long.toHexString(u32(o, fp + 4));
                } else if (size < 4096 || size % 4096 != 0 || pos + size > limit) {
                    bad = "its size " + size + " is invalid";
                }
                if (bad != null) {
                    notes.add(String.format("after replay, the hive bin at hive bins offset 0x%X (file offset 0x%X) is invalid: "
                            + "%s; Windows would replace it with an empty bin, the reader skips it", pos, pos + 4096,
                            bad));
                    return;
                }
                pos += size;
            }
        }
    }

    // ------------------------------------------------------------------ files

    /**
     * FILE.LOG, FILE.LOG1 and FILE.LOG2 beside the hive, names compared case-insensitively. Every
     * entry of such a name is returned, also one that is not a regular file (a FIFO, a folder, a
     * dangling link): reading it ({@link #recover(Path, List)}) then refuses it with the one-line
     * input check ({@link InputFile#check}), without opening it, so that a log that is there but
     * cannot be read is never passed over in silence.
     */
    public static List<Path> findLogs(Path hive) {
        Path dir = hive.toAbsolutePath().getParent();
        String base = hive.getFileName().toString().toUpperCase(Locale.ROOT);
        List<Path> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                String n = f.getFileName().toString().toUpperCase(Locale.ROOT);
                if (n.equals(base + ".LOG") || n.equals(base + ".LOG1") || n.equals(base + ".LOG2")) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            return out;
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
     * Maps a file read-only, after the one input check (a FIFO, device, folder, missing file or link
     * loop is a {@link HiveException} naming it, never opened); at most the bytes the check saw.
     */
    static ByteBuffer map(Path file) throws IOException {
        InputFile in;
        try {
            in = InputFile.check(file);
        } catch (InputException e) {
            throw new HiveException(e.file(), -1, e.reason(), e);
        }
        if (in.size() > MAX_IMAGE) {
            throw new IOException(file + " is " + in.size() + " bytes; files over 2 GiB are not supported");
        }
        return in.map(in.size());
    }

    /** Recovers the hive {@code file} from these logs (paths), read-only. */
    public static Recovery recover(Path file, List<Path> logPaths) {
        String name = file.toString();
        ByteBuffer primary;
        try {
            primary = map(file);
        } catch (IOException e) {
            throw new HiveException(name, -1, "cannot read: " + e.getMessage(), e);
        }
        List<Slot> slots;
        try {
            slots = slots(logPaths);
        } catch (IllegalArgumentException e) {
            throw new HiveException(name, -1, e.getMessage());
        }
        List<LogInput> inputs = new ArrayList<>();
        for (int i = 0; i < logPaths.size(); i++) {
            ByteBuffer b;
            try {
                b = map(logPaths.get(i));
            } catch (IOException e) {
                throw new HiveException(logPaths.get(i).toString(), -1, "cannot read: " + e.getMessage(), e);
            }
            inputs.add(new LogInput(logPaths.get(i).toString(), slots.get(i), b));
        }
        return recover(name, primary, inputs);
    }

    /**
     * Opens the hive with the logs beside it (FILE.LOG, .LOG1, .LOG2, any case) applied when it
     * is dirty; without logs beside it, exactly {@link Hive#open(Path, HiveOptions)}.
     */
    public static Hive openWithLogsBeside(Path file, HiveOptions options) {
        List<Path> logs = findLogs(file);
        return logs.isEmpty() ? Hive.open(file, options) : open(file, logs, options);
    }

    /**
     * Opens the hive as Windows would load it: with these logs applied when it is dirty
     * (the ledger is attached, {@link Hive#replay()}). Throws a one-line {@link HiveException}
     * when recovery fails (no usable log, or a bad base block that no log can replace).
     */
    public static Hive open(Path file, List<Path> logPaths, HiveOptions options) {
        Recovery r;
        try {
            r = recover(file, logPaths);
        } catch (HiveException e) {
            if (e.file().equals(file.toString())) {
                Hive.open(file, options).root(); // not a hive at all: the reader's own one-line error
            }
            throw e;
        }
        ReplayLedger l = r.ledger();
        if (l.outcome() == Outcome.FAILED) {
            throw new HiveException(file.toString(), -1, "transaction log recovery failed: " + l.result());
        }
        Hive h = r.image() != null ? Hive.fromBytes(file.toString(), r.image(), options) : Hive.open(file, options);
        h.attachReplay(l);
        return h;
    }
}
