package org.patchlens.hive;

import io.kaitai.struct.KaitaiStruct;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.patchlens.format.Regf;

/**
 * The scan of {@link DeletedRecords}: the live tree is walked first and every byte it uses is marked; then
 * every position where a cell's data could start, in the bytes left unmarked, is tried as an {@code nk} or
 * {@code vk} that must pass the checks of regf-format.md 9.2. Also the reads of the hive bins that the
 * recovery of the candidates' paths ({@link RecoveredPaths}) and data ({@link RecoveredData}) share, through
 * the regf.ksy types the live walk reads, on streams bounded by the cell or free region a record lies in.
 */
final class DeletedScan {
    /** Most candidate records kept; a hive with more is reported as damage and the scan stops. */
    static final int MAX_ITEMS = 1_000_000;

    /** 1993-01-01, the earliest plausible key time (NT 3.1). */
    static final long MIN_TIME = FileTime.fromInstant(Instant.parse("1993-01-01T00:00:00Z"));

    /**
     * How the scan finds a candidate's extent before reading it, as the bin walk finds a cell's by
     * its size field: the signature ("nk", "vk") and the name length, two u2 fields at their
     * regf.ksy offsets, then the fixed part (76 bytes of {@code key_node}, 20 of {@code key_value})
     * and the name must fit the free region. The record is then read through the spec on exactly
     * those bytes, so a position that holds no record costs two reads, never a parse, an allocation
     * or an exception (a crafted hive can offer millions of them). A key name is at most 512 bytes
     * (9.2); a value name (up to 64 KiB) is a lazy field of the spec, read only once the record's
     * other fields have passed.
     */
    private static final int NK = 0x6B6E;
    private static final int VK = 0x6B76;
    private static final int KEY_NODE_FIXED = 76;
    private static final int KEY_NODE_NAME_LENGTH_AT = 72;
    private static final int KEY_VALUE_FIXED = 20;
    private static final int KEY_VALUE_NAME_LENGTH_AT = 2;
    /** The longest key name a candidate may have (9.2). */
    private static final int MAX_KEY_NAME = 512;
    /** Entries of an offset list parsed at a time (a list in slack or free space can be as long as its cell). */
    private static final int CHUNK = 4096;

    /** A candidate record: its position (record start, bins-relative), its length and where it was found. */
    record Candidate(long pos, long len, String label) {
    }

    private final Hive hive;
    private final ByteBuffer buf;
    private final CellIndex idx;
    private final long limit;
    private final long maxTime;
    private final BitSet used;
    private final Set<Long> referenced = new HashSet<>();
    private final Map<Long, String> livePaths = new HashMap<>();
    private final Map<Long, Candidate> keys = new LinkedHashMap<>();
    private final Map<Long, Candidate> values = new LinkedHashMap<>();
    /** Value record (bins offset) to the path of the key it is tied to. */
    private final Map<Long, String> valueOwner = new HashMap<>();

    private DeletedScan(Hive hive) {
        this.hive = hive;
        this.buf = hive.buffer();
        this.idx = hive.index();
        this.limit = idx.limit();
        this.maxTime = FileTime.fromInstant(Instant.now().plusSeconds(86_400));
        this.used = new BitSet((int) Math.min(Integer.MAX_VALUE, limit));
    }

    /** Marks the live tree and finds the candidates of {@code hive}. */
    static DeletedScan of(Hive hive) {
        DeletedScan s = new DeletedScan(hive);
        s.markLive();
        s.findCandidates();
        return s;
    }

    Hive hive() {
        return hive;
    }

    /** The end of the hive bins (bins-relative). */
    long limit() {
        return limit;
    }

    /** The key records found, in bins order. */
    Collection<Candidate> keys() {
        return keys.values();
    }

    /** The key record found at bins offset {@code pos} (a record start), or null. */
    Candidate key(long pos) {
        return keys.get(pos);
    }

    /** The value records found, in bins order. */
    Collection<Candidate> values() {
        return values.values();
    }

    /** The path of the live key whose cell is at {@code cell}, or null. */
    String livePath(long cell) {
        return livePaths.get(cell);
    }

    /** Whether the live tree uses the cell at {@code cell}. */
    boolean referenced(long cell) {
        return referenced.contains(cell);
    }

    /** Ties the value record at bins offset {@code pos} to the key at {@code keyPath}, unless it is tied already. */
    void tie(long pos, String keyPath) {
        valueOwner.putIfAbsent(pos, keyPath);
    }

    /** The path of the key a value record is tied to, or "" when none. */
    String owner(long pos) {
        return valueOwner.getOrDefault(pos, "");
    }

    // ------------------------------------------------------------------ reads (bins-relative offsets)

    /** The signed size field of the cell at {@code cell} (its {@code cell_header}), read as the bin walk reads it. */
    int cellSize(long cell) {
        return buf.getInt((int) (Hive.BASE_BLOCK_SIZE + cell));
    }

    /** A spec stream over {@code len} bytes at bins offset {@code pos} (inside the hive bins: checked by the caller). */
    io.kaitai.struct.ByteBufferKaitaiStream stream(long pos, long len) {
        return hive.stream(Hive.BASE_BLOCK_SIZE + pos, len);
    }

    /** Bytes a record's fields take, as the spec read them (the stream starts at the record; no lazy fields). */
    private static long length(KaitaiStruct record) {
        return record._io().pos();
    }

    /** Bytes of a value record: the fixed part and its name (an instance, read after the checks). */
    private static long length(Regf.KeyValue v) {
        return KEY_VALUE_FIXED + v.lenName();
    }

    /** Whether Windows reads data of {@code size} bytes through a big-data record: format 1.4 and later, over 16,344 bytes. */
    boolean windowsBigData(long size) {
        return hive.minorVersion() >= 4 && size > Hive.BIG_DATA_SEGMENT;
    }

    /**
     * Bytes a big-data segment whose cell holds {@code cellDataLen} data bytes gives: 16,344 where Windows
     * reads the record, else its cell size minus 8 (as reged writes and hivex reads); nothing for no cell.
     */
    static long segmentPayload(boolean windows, long cellDataLen) {
        return windows ? Hive.BIG_DATA_SEGMENT : Math.max(0, cellDataLen - 4);
    }

    /** The {@code big_data} record in the {@code len} data bytes of the cell at {@code cell}, or null when it is none. */
    Regf.BigData bigData(long cell, long len) {
        try {
            return new Regf.BigData(stream(cell + 4, len));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Entries {@code from} to {@code to} (exclusive) of the {@code offset_list} whose entries start at
     * bins offset {@code at}, all inside the hive bins (checked by the caller), read a chunk at a time.
     */
    void offsets(long at, long from, long to, LongConsumer each) {
        for (long i = from; i < to; ) {
            int n = (int) Math.min(CHUNK, to - i);
            for (long off : new Regf.OffsetList(stream(at + 4 * i, 4L * n), n).offsets()) {
                each.accept(off);
            }
            i += n;
        }
    }

    private byte[] bytes(long pos, int len) {
        byte[] b = new byte[len];
        buf.get((int) (Hive.BASE_BLOCK_SIZE + pos), b);
        return b;
    }

    /** Data length of the allocated cell at {@code cell}, or -1 when it is not an allocated cell start. */
    long allocatedLen(long cell) {
        if (cell == Hive.NIL || !idx.isCellStart(cell)) {
            return -1;
        }
        int size = cellSize(cell);
        return size < 0 ? -(long) size - 4 : -1;
    }

    private void mark(long cell, long usedLen) {
        long len = allocatedLen(cell);
        if (len < 0) {
            return;
        }
        referenced.add(cell);
        long n = Math.min(len, Math.max(0, usedLen));
        used.set((int) (cell + 4), (int) (cell + 4 + n));
    }

    // ------------------------------------------------------------------ the live tree

    private void markLive() {
        for (Key k : hive.walk()) {
            long nk = k.cellOffset();
            Regf.KeyNode node = k.node();
            livePaths.put(nk, k.path());
            mark(nk, length(node));
            mark(node.classNameOffset(), node.lenClassName());
            mark(node.securityOffset(), Long.MAX_VALUE);
            markList(node.subkeyListOffset(), true);
            long vlist = node.valueListOffset();
            long vcount = k.valueCount();
            mark(vlist, 4 * vcount);
            long vlen = allocatedLen(vlist);
            if (vlen >= 0) {
                // entries past the count in the list's slack: values deleted from this key
                offsets(vlist + 4, vcount, vlen / 4, off -> {
                    if (off != Hive.NIL && off % 8 == 0 && off < limit) {
                        tie(off + 4, k.path());
                    }
                });
            }
            for (Value v : k.values()) {
                mark(v.cellOffset(), length(v.record()));
                long size = v.declaredSize();
                if (size == 0 || v.isInline()) {
                    continue;
                }
                long dc = v.rawDataOffset();
                long dlen = allocatedLen(dc);
                // big data as the live walk reads it (Value.data): Windows' records, and the ones
                // Windows would not read (a cell too small for the data that holds a db record)
                boolean windows = windowsBigData(size);
                Regf.BigData db = dlen >= 0 && (windows || size > dlen) ? bigData(dc, dlen) : null;
                if (db == null) {
                    mark(dc, size);
                    continue;
                }
                mark(dc, length(db));
                long list = db.segmentListOffset();
                mark(list, 4L * db.numSegments());
                long listLen = allocatedLen(list);
                long[] left = {size};
                offsets(list + 4, 0, listLen < 0 ? 0 : Math.min(db.numSegments(), listLen / 4), seg -> {
                    long take = Math.min(segmentPayload(windows, allocatedLen(seg)), left[0]);
                    mark(seg, take);
                    left[0] -= Math.max(0, take);
                });
            }
        }
    }

    /** Marks a live key's subkey list (and, for an {@code ri}, its leaves) as the live walk reads it. */
    private void markList(long list, boolean allowRoot) {
        long len = allocatedLen(list);
        if (len < 4) {
            return;
        }
        Regf.SubkeyList sl;
        try {
            sl = new Regf.SubkeyList(stream(list + 4, len));
        } catch (RuntimeException e) {
            mark(list, len); // its count runs past its cell: all of it is the list
            return;
        }
        Object body = sl.body();
        if (body instanceof Regf.IndexRoot ri) {
            if (allowRoot) {
                mark(list, length(sl));
                for (long leaf : ri.leafOffsets()) {
                    markList(leaf, false);
                }
            }
        } else if (body != null) { // li, lf, lh
            mark(list, length(sl));
        }
    }

    // ------------------------------------------------------------------ the scan

    private void findCandidates() {
        for (long c = idx.nextCellStart(0); c >= 0 && c < limit; c = idx.nextCellStart(c + 8)) {
            int size = cellSize(c);
            long end = c + Math.abs((long) size);
            String label = size > 0 ? DeletedRecords.DELETED : referenced.contains(c) ? DeletedRecords.SLACK
                    : DeletedRecords.UNREFERENCED;
            long from = c + 4;
            if (size < 0 && referenced.contains(c)) {
                int u = used.nextClearBit((int) from);
                from = u;
            }
            // record starts where a cell's data would start: bins offset = 4 (mod 8)
            long pos = from + ((4 - from % 8) + 8) % 8;
            for (; pos + KEY_VALUE_FIXED <= end; pos += 8) {
                if (used.get((int) pos)) {
                    continue;
                }
                long freeEnd = Math.min(end, nextUsed(pos, end));
                int sig = u16(pos, end);
                if (keys.size() + values.size() >= MAX_ITEMS) {
                    hive.addDamage(Hive.BASE_BLOCK_SIZE + pos, "", "deleted-record scan stopped after " + MAX_ITEMS
                            + " records");
                    return;
                }
                if (sig == NK) {
                    long len = KEY_NODE_FIXED + u16(pos + KEY_NODE_NAME_LENGTH_AT, freeEnd);
                    if (len > KEY_NODE_FIXED && len <= KEY_NODE_FIXED + MAX_KEY_NAME && pos + len <= freeEnd
                            && candidate(pos, len, true)) {
                        keys.put(pos, new Candidate(pos, len, label));
                    }
                } else if (sig == VK) {
                    long len = KEY_VALUE_FIXED + u16(pos + KEY_VALUE_NAME_LENGTH_AT, freeEnd);
                    if (pos + len <= freeEnd && candidate(pos, len, false)) {
                        values.put(pos, new Candidate(pos, len, label));
                    }
                }
            }
        }
    }

    /** Whether the {@code len} bytes at {@code pos} are a plausible key node (or value record); unreadable is not. */
    private boolean candidate(long pos, long len, boolean key) {
        try {
            return key ? plausible(new Regf.KeyNode(stream(pos, len))) : plausible(new Regf.KeyValue(stream(pos, len)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The u2 at bins offset {@code at}, or an impossible length (past any region) when it lies at or past {@code end}. */
    private int u16(long at, long end) {
        return at + 2 <= end ? buf.getShort((int) (Hive.BASE_BLOCK_SIZE + at)) & 0xFFFF : Integer.MAX_VALUE / 2;
    }

    private long nextUsed(long pos, long end) {
        int n = used.nextSetBit((int) pos);
        return n < 0 ? end : n;
    }

    private boolean offsetOk(long off) {
        return off == Hive.NIL || (off % 8 == 0 && off < limit);
    }

    /** Section 9.2 for a key node read on its own bytes. */
    private boolean plausible(Regf.KeyNode n) {
        int nameLen = n.lenName();
        int flags = n.flags().raw();
        if (nameLen < 1 || nameLen > MAX_KEY_NAME || (flags & ~0xF3FF) != 0) {
            return false;
        }
        long t = n.lastWritten();
        if (Long.compareUnsigned(t, MIN_TIME) < 0 || Long.compareUnsigned(t, maxTime) > 0) {
            return false;
        }
        long parent = n.parentOffset();
        if (parent % 8 != 0 || parent >= limit) {
            return false;
        }
        if (n.subkeyCount() >= 1 << 20 || n.valueCount() >= 1 << 20) {
            return false;
        }
        if (!offsetOk(n.subkeyListOffset()) || !offsetOk(n.valueListOffset()) || !offsetOk(n.securityOffset())
                || !offsetOk(n.classNameOffset())) {
            return false;
        }
        return name(n) != null;
    }

    /** Section 9.2 for a value record read on its own bytes. */
    private boolean plausible(Regf.KeyValue v) {
        if ((v.flags().raw() & ~0x3) != 0) {
            return false;
        }
        long size = v.dataSize();
        long off = v.dataOffset();
        if (v.isInline()) {
            if (size > 4) {
                return false;
            }
        } else if (size != 0 && (off % 8 != 0 || off >= limit || size > hive.options().maxValueData())) {
            return false;
        }
        return v.lenName() == 0 || name(v) != null;
    }

    /** A key record's name (decoded cleanly: it passed the checks). */
    static String name(Regf.KeyNode n) {
        return name(n.name(), (n.flags().raw() & Key.KEY_COMP_NAME) != 0);
    }

    /** A value record's name (decoded cleanly: it passed the checks). */
    static String name(Regf.KeyValue v) {
        return v.lenName() == 0 ? "" : name(v.name(), (v.flags().raw() & Value.VALUE_COMP_NAME) != 0);
    }

    /** The decoded name, or null when it does not decode cleanly (NUL, unpaired surrogate, odd UTF-16 length). */
    private static String name(byte[] b, boolean compressed) {
        if (compressed) {
            for (byte x : b) {
                if (x == 0) {
                    return null;
                }
            }
            return Text.latin1(b, 0, b.length);
        }
        if (b.length % 2 != 0) {
            return null;
        }
        String s = Text.utf16le(b);
        return s.indexOf('\uFFFD') >= 0 || s.indexOf('\0') >= 0 ? null : s;
    }

    /** A candidate's record, parsed again (it fitted when found): candidates keep only their place. */
    Regf.KeyNode keyNode(Candidate k) {
        return new Regf.KeyNode(stream(k.pos(), k.len()));
    }

    /** Bytes from {@code off + 4} to the end of the free cell that starts at or contains {@code off}; -1 if none. */
    long freeRegion(long off) {
        if (off % 8 != 0 || off >= limit) {
            return -1;
        }
        long c = idx.isCellStart(off) ? off : idx.previousCellStart(off);
        if (c < 0) {
            return -1;
        }
        int cs = cellSize(c);
        long end = c + Math.abs((long) cs);
        return cs > 0 && off + 4 < end ? end - (off + 4) : -1;
    }

    /** Up to {@code len} bytes at bins offset {@code pos}, as far as the hive bins go. */
    byte[] read(long pos, long len) {
        long n = Math.max(0, Math.min(len, limit - pos));
        return bytes(pos, (int) n);
    }
}
