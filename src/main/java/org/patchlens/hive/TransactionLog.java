package org.patchlens.hive;

import io.kaitai.struct.KaitaiStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchlens.format.Regf;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.LogRecord;
import org.patchlens.hive.ReplayLedger.Target;

/**
 * One transaction log as read through regf.ksy: its {@code log_header} (the base block copy and the
 * format signature at offset 512), whether it is usable (regf-format.md 7.3 for the old format, 8.1
 * for the new) and, for the old format, its {@code old_log_dirty_vector}; for the new format, the
 * validation of one {@code log_entry} (8.3). What replay did with it (its role and entries) is kept
 * here for the ledger.
 */
final class TransactionLog {
    /** A log's base block copy: the checksummed 512 bytes. */
    static final int HEADER = 512;
    /** Bytes of {@code log_entry_header}. */
    static final int ENTRY_HEADER = 40;
    /** Hash-2 covers the entry bytes before it (regf.ksy {@code log_entry_header.hash_2}). */
    private static final int HASH_2_COVERS = 32;
    /** Largest image a Java array holds. */
    static final long MAX_IMAGE = Integer.MAX_VALUE - 64;

    final LogInput in;
    /** The log's bytes, little-endian, from 0. */
    final ByteBuffer b;
    final long size;
    String format = "unknown";
    /** Its base block copy, null when unreadable. */
    HiveHeader h;
    /** Why it is not usable, null when it is. */
    String problem;
    /** "applied", or why not (null until replay decides). */
    String role;
    /** What in its base block copy names another hive than the one replayed ({@link #differenceFrom}), or null. */
    String otherHive;
    /** Old format: the log offset of the first dirty page, the number of pages and the bitmap. */
    long dirtyStart;
    long pages;
    byte[] bitmap;
    final List<EntryRecord> entries = new ArrayList<>();

    private TransactionLog(LogInput in) {
        this.in = in;
        ByteBuffer d = in.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        d.position(0);
        this.b = d;
        this.size = b.limit();
    }

    /** Reads the log's header and decides whether it is usable; nothing of it is applied yet. */
    static TransactionLog read(LogInput in, long primarySize) {
        TransactionLog l = new TransactionLog(in);
        l.parse(primarySize);
        return l;
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

    HiveRecovery.Slot slot() {
        return in.slot();
    }

    LogRecord record() {
        return new LogRecord(in.name(), in.slot().name(), format, size, h == null ? -1 : h.primarySequenceNumber(),
                h == null ? -1 : h.secondarySequenceNumber(), h == null ? -1 : h.lastWritten(),
                h == null ? -1 : h.hiveBinsDataSize(), problem == null ? "usable" : problem,
                role == null ? "not applied" : role, otherHive == null ? "" : otherHive, List.copyOf(entries));
    }

    /**
     * What in this log's base block copy says it is another hive's log than {@code hive}'s (a primary's base
     * block with a valid checksum), or null when nothing does or the copy cannot be trusted. Windows finds a
     * hive's logs by their names and checks no identity (regf-format.md 7.3, 8.5): these fields are the
     * only evidence. The RmId, LogId and TmId GUIDs stay with a hive for its life, also when it is loaded from
     * another path; they are compared when both copies carry them ("rmtm" and a non-null RmId). The
     * embedded file name (the tail of the path the hive was loaded from) is compared ignoring case.
     */
    String differenceFrom(HiveHeader hive) {
        if (h == null || !h.checksumValid()) {
            return null;
        }
        if (hasGuids(h) && hasGuids(hive)) {
            String[][] ids = {{"RmId", h.rmId(), hive.rmId()}, {"LogId", h.logId(), hive.logId()},
                {"TmId", h.tmId(), hive.tmId()}};
            for (String[] id : ids) {
                if (!id[1].equals(id[2])) {
                    return id[0] + " " + id[1] + ", the hive's is " + id[2];
                }
            }
        }
        if (!h.fileName().isEmpty() && !hive.fileName().isEmpty()
                && !h.fileName().toLowerCase(Locale.ROOT).equals(hive.fileName().toLowerCase(Locale.ROOT))) {
            return "embedded file name \"" + h.fileName() + "\", the hive's is \"" + hive.fileName() + "\"";
        }
        return null;
    }

    /** RmId, LogId and TmId are meaningful: the "rmtm" signature and a non-null RmId (regf-format.md 2.2). */
    private static boolean hasGuids(HiveHeader b) {
        return b.guidSignature().equals("\"rmtm\"") && !b.rmId().equals("00000000-0000-0000-0000-000000000000");
    }

    /** A spec stream over {@code len} bytes of the log at {@code pos} (inside the file: checked by the caller). */
    KaitaiStream stream(long pos, long len) {
        return BoundedStream.of(b, pos, len);
    }

    // ------------------------------------------------------------------ the header

    private void parse(long primarySize) {
        if (size == 0) {
            problem = "empty file";
            return;
        }
        if (size < HEADER) {
            problem = "file is " + size + " bytes, shorter than a 512-byte base block copy";
            return;
        }
        Regf.LogHeader lh;
        try {
            lh = new Regf.LogHeader(stream(0, Math.min(size, HEADER + 4)));
        } catch (KaitaiStream.ValidationNotEqualError e) {
            problem = "no \"regf\" signature at offset 0";
            return;
        }
        h = HiveHeader.of(lh.baseBlock(), HiveHeader.checksum(b, 0), null, -1);
        Regf.LogFormat sig = lh.formatSignature();
        long type = h.fileType();
        if (sig == Regf.LogFormat.DIRT || (sig != Regf.LogFormat.HVLE && (type == 1 || type == 2))) {
            format = "old";
        } else if (sig == Regf.LogFormat.HVLE || type == 6) {
            format = "new";
        }
        if (!h.checksumValid()) {
            problem = String.format("base block copy checksum mismatch (stored 0x%08X, computed 0x%08X)",
                    h.storedChecksum(), h.computedChecksum());
        } else if (h.primarySequenceNumber() != h.secondarySequenceNumber()) {
            problem = "base block copy sequence numbers differ (" + h.primarySequenceNumber() + ", "
                    + h.secondarySequenceNumber() + "): the log's header write did not complete";
        } else if (isOld()) {
            parseOld(sig, primarySize);
        } else if (isNew()) {
            if (type != 6) {
                problem = "HvLE at offset 512 but file type " + type + " (expected 6)";
            } else if (size <= HEADER + ENTRY_HEADER) {
                problem = "file is " + size + " bytes, too small to hold a log entry";
            }
        } else {
            problem = "neither DIRT nor HvLE at offset 512, and file type " + type + " is not a log's (1, 2 or 6)";
        }
    }

    /** regf-format.md 7.2, 7.3: the dirty vector, the pages it marks, and whether the file holds them. */
    private void parseOld(Regf.LogFormat sig, long primarySize) {
        long type = h.fileType();
        long binsSize = h.hiveBinsDataSize();
        if (type != 1 && type != 2) {
            problem = "DIRT at offset 512 but file type " + type + " (expected 1 or 2)";
        } else if (sig != Regf.LogFormat.DIRT) {
            problem = "no DIRT signature at offset 512";
        } else if (h.clusteringFactor() != 1) {
            problem = "clustering factor " + h.clusteringFactor() + " is not supported (only 1 has been observed)";
        } else if (binsSize < 4096 || binsSize % 4096 != 0) {
            problem = "hive bins data size " + binsSize + " is not a positive multiple of 4096";
        } else {
            long len = binsSize / 4096;
            if (HEADER + 4 + len > size) {
                problem = "the dirty vector (" + len + " bytes for hive bins data of " + binsSize
                        + " bytes) runs past the end of the file (" + size + " bytes)";
                return;
            }
            Regf.OldLogDirtyVector dv = new Regf.OldLogDirtyVector(stream(HEADER, 4 + len), binsSize);
            bitmap = dv.bitmap();
            dirtyStart = dv.dirtyPagesOffset();
            for (byte x : bitmap) {
                pages += Integer.bitCount(x & 0xFF);
            }
            if (pages == 0) {
                problem = "the dirty vector marks no page";
            } else if (dirtyStart + 512 * pages > size) {
                problem = "truncated: the dirty vector marks " + pages + " pages (" + 512 * pages
                        + " bytes from log file offset " + dirtyStart + ") but the file has " + size + " bytes";
            } else {
                // Growth bound: the pages must not reach further past the primary than they carry bytes.
                long last = lastDirtyPage();
                long maxEnd = 4096 + 512 * (last + 1);
                if (maxEnd > MAX_IMAGE || maxEnd > primarySize + 512 * pages) {
                    long at = 4096 + 512 * last;
                    problem = String.format("a dirty page lies at hive bins offset 0x%X (hive file offset 0x%X%s), "
                            + "further past the end of the hive than the log carries pages", 512 * last, at,
                            at >= primarySize ? ", past the end of the " + primarySize + "-byte primary file" : "");
                }
            }
        }
    }

    /** The index of the last page the bitmap marks (-1 if none). */
    private long lastDirtyPage() {
        for (int i = bitmap.length - 1; i >= 0; i--) {
            int v = bitmap[i] & 0xFF;
            if (v != 0) {
                return 8L * i + 31 - Integer.numberOfLeadingZeros(v);
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ new-format entries

    /** The header of the entry at {@code pos} (40 bytes inside the file: checked by the caller); throws if not "HvLE". */
    Regf.LogEntryHeader entryHeader(long pos) {
        return new Regf.LogEntryHeader(stream(pos, ENTRY_HEADER));
    }

    /**
     * Validates the entry at {@code pos} (regf-format.md 8.3, in its order). Its reason is "valid",
     * or why not. With {@code checkSeq} false the sequence rule is skipped (remnant scan).
     */
    EntryRecord entry(long pos, long expected, boolean checkSeq) {
        if (pos + ENTRY_HEADER > size) {
            return new EntryRecord(pos, -1, -1, -1, "not checked", List.of(), false, "stopped: end of the log ("
                    + (size - pos) + " bytes left, an entry header is 40)");
        }
        Regf.LogEntryHeader eh;
        try {
            eh = entryHeader(pos);
        } catch (KaitaiStream.ValidationNotEqualError e) {
            return new EntryRecord(pos, -1, -1, -1, "not checked", List.of(), false,
                    "stopped: no HvLE signature (end of the log's entries)");
        }
        long len = eh.size();
        long seq = eh.sequenceNumber();
        long bins = eh.hiveBinsDataSize();
        long n = eh.numDirtyPages();
        String bad = null;
        List<Target> targets = List.of();
        if (len < 512 || len % 512 != 0) {
            bad = "size " + len + " is not a positive multiple of 512";
        } else if (pos + len > size) {
            bad = "size " + len + " runs past the end of the log (" + size + " bytes)";
        } else if (bins < 4096 || bins % 4096 != 0) {
            bad = "hive bins data size " + bins + " is not a positive multiple of 4096";
        } else if (n < 1 || ENTRY_HEADER + 8 * n > len) {
            bad = "dirty page count " + n + " does not fit the entry";
        } else {
            // the counts are checked: the entry's references are read on a stream of exactly its size
            Regf.LogEntry le = new Regf.LogEntry(stream(pos, len));
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
            if (bad == null && ENTRY_HEADER + 8 * n + total > len) {
                bad = "its pages (" + total + " bytes) do not fit the entry size " + len;
            }
            targets = List.copyOf(t);
        }
        if (bad != null) {
            return new EntryRecord(pos, seq, len, bins, "not checked", targets, false, "stopped: invalid entry: " + bad);
        }
        long h2 = Marvin32.hash(b, (int) pos, HASH_2_COVERS, Marvin32.REGISTRY_SEED);
        if (h2 != eh.hash2()) {
            return new EntryRecord(pos, seq, len, bins, String.format("bad Hash-2 (stored 0x%016X, computed "
                    + "0x%016X)", eh.hash2(), h2), targets, false, "stopped: bad Hash-2");
        }
        long h1 = Marvin32.hash(b, (int) pos + ENTRY_HEADER, (int) len - ENTRY_HEADER, Marvin32.REGISTRY_SEED);
        if (h1 != eh.hash1()) {
            return new EntryRecord(pos, seq, len, bins, String.format("bad Hash-1 (stored 0x%016X, computed "
                    + "0x%016X)", eh.hash1(), h1), targets, false, "stopped: bad Hash-1");
        }
        if (checkSeq && seq != expected) {
            return new EntryRecord(pos, seq, len, bins, "ok", targets, false, "stopped: sequence number " + seq
                    + ", expected " + expected + (HiveRecovery.before(expected, seq) ? " (a gap)" : " (an older entry)"));
        }
        return new EntryRecord(pos, seq, len, bins, "ok", targets, false, "valid");
    }
}
