package org.patchlens.hive;

import io.kaitai.struct.KaitaiStruct;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.patchlens.format.Regf;

/**
 * Keys and values recovered from unallocated space (regf-format.md section 9): free cells,
 * the slack of allocated cells, and allocated cells that nothing references.
 *
 * <p>The live tree is walked first and every byte it uses is marked; the scan then looks at
 * every position where a cell's data could start (bins offsets 4, 12, 20, ...) in the unmarked
 * bytes, and accepts an {@code nk} or {@code vk} only when every field passes the checks of 9.2
 * (sizes within the free region, defined flag bits, clean names, plausible time, counts and
 * offsets). Paths are rebuilt through parent offsets (visited set, depth cap 512); values are
 * tied to a key through the slack of live value lists or the value lists of recovered keys.
 *
 * <p>Every record is read through the regf.ksy types the live walk reads ({@code key_node},
 * {@code key_value}, {@code subkey_list}, {@code offset_list}, {@code big_data}), on a stream bounded
 * by the cell or the free region it lies in, so a record that does not fit is no candidate (as the
 * live walk catches a bad cell, per record). A candidate's extent is found first by its signature
 * and name length (see {@link #NK}), so positions that hold no record cost two reads.
 *
 * <p>Labels: {@code deleted} (found in a free cell), {@code stale-copy} (a value in a free cell equal
 * to a live value of its key, or of any key when it is tied to none: left by a writer that reallocates
 * value records), {@code recovered-from-slack} (in the unused tail of an allocated cell),
 * {@code unreferenced} (an allocated cell nothing points to), {@code reallocated} (a value whose data
 * cell is in use again: its data is unreliable).
 */
public final class DeletedRecords {
    public static final String DELETED = "deleted";
    public static final String SLACK = "recovered-from-slack";
    public static final String UNREFERENCED = "unreferenced";
    public static final String REALLOCATED = "reallocated";
    public static final String STALE_COPY = "stale-copy";

    /** Most candidate records kept; a hive with more is reported as damage and the scan stops. */
    static final int MAX_ITEMS = 1_000_000;

    /** 1993-01-01, the earliest plausible key time (NT 3.1). */
    static final long MIN_TIME = FileTime.fromInstant(Instant.parse("1993-01-01T00:00:00Z"));

    /**
     * One recovered record.
     *
     * @param kind         "key" or "value"
     * @param label        deleted, stale-copy, recovered-from-slack, unreferenced or reallocated
     * @param cellOffset   offset of the record's (former) cell in the hive bins data (record start - 4)
     * @param path         a key's own path; a value's key path ("" when no key could be tied to it)
     * @param pathComplete the path reaches the root (else it starts with {@code <unknown>})
     * @param name         the key or value name
     * @param lastWritten  a key's FILETIME (0 for values)
     * @param typeCode     a value's raw type (0 for keys)
     * @param data         a value's data as far as recoverable (empty for keys)
     * @param dataStatus   a value's data verdict: intact, inline, empty, in-coalesced-free-cell, truncated,
     *                     reallocated, unavailable ("" for keys)
     * @param parentOffset a key's parent cell offset (0 for values)
     */
    public record Item(String kind, String label, long cellOffset, String path, boolean pathComplete, String name,
                       long lastWritten, long typeCode, byte[] data, String dataStatus, long parentOffset) {
        public boolean isKey() {
            return kind.equals("key");
        }

        public long fileOffset() {
            return Hive.BASE_BLOCK_SIZE + cellOffset;
        }
    }

    private final Hive hive;
    private final ByteBuffer buf;
    private final CellIndex idx;
    private final long limit;
    private final long maxTime;
    private final BitSet used;
    private final Set<Long> referenced = new HashSet<>();
    private final Map<Long, String> livePaths = new HashMap<>();
    private final Map<Long, Cand> keys = new LinkedHashMap<>();
    private final Map<Long, Cand> values = new LinkedHashMap<>();
    private final Map<Long, String> valueOwner = new HashMap<>();

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
    private record Cand(long pos, long len, String label) {
    }

    private DeletedRecords(Hive hive) {
        this.hive = hive;
        this.buf = hive.buffer();
        this.idx = hive.index();
        this.limit = idx.limit();
        this.maxTime = FileTime.fromInstant(Instant.now().plusSeconds(86_400));
        this.used = new BitSet((int) Math.min(Integer.MAX_VALUE, limit));
    }

    /** Scans the hive; the items in bins order, keys before the values tied to them. */
    public static List<Item> scan(Hive hive) {
        DeletedRecords d = new DeletedRecords(hive);
        d.markLive();
        d.findCandidates();
        return d.items();
    }

    // ------------------------------------------------------------------ reads (bins-relative offsets)

    /** The signed size field of the cell at {@code cell} (its {@code cell_header}), read as the bin walk reads it. */
    private int cellSize(long cell) {
        return buf.getInt((int) (Hive.BASE_BLOCK_SIZE + cell));
    }

    /** A spec stream over {@code len} bytes at bins offset {@code pos} (inside the hive bins: checked by the caller). */
    private io.kaitai.struct.ByteBufferKaitaiStream stream(long pos, long len) {
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
    private boolean windowsBigData(long size) {
        return hive.minorVersion() >= 4 && size > Hive.BIG_DATA_SEGMENT;
    }

    /**
     * Bytes a big-data segment whose cell holds {@code cellDataLen} data bytes gives: 16,344 where Windows
     * reads the record, else its cell size minus 8 (as reged writes and hivex reads); nothing for no cell.
     */
    private static long segmentPayload(boolean windows, long cellDataLen) {
        return windows ? Hive.BIG_DATA_SEGMENT : Math.max(0, cellDataLen - 4);
    }

    /** The {@code big_data} record in the {@code len} data bytes of the cell at {@code cell}, or null when it is none. */
    private Regf.BigData bigData(long cell, long len) {
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
    private void offsets(long at, long from, long to, LongConsumer each) {
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
    private long allocatedLen(long cell) {
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
                        valueOwner.putIfAbsent(off + 4, k.path());
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
            String label = size > 0 ? DELETED : referenced.contains(c) ? SLACK : UNREFERENCED;
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
                        keys.put(pos, new Cand(pos, len, label));
                    }
                } else if (sig == VK) {
                    long len = KEY_VALUE_FIXED + u16(pos + KEY_VALUE_NAME_LENGTH_AT, freeEnd);
                    if (pos + len <= freeEnd && candidate(pos, len, false)) {
                        values.put(pos, new Cand(pos, len, label));
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

    private static String name(Regf.KeyNode n) {
        return name(n.name(), (n.flags().raw() & Key.KEY_COMP_NAME) != 0);
    }

    private static String name(Regf.KeyValue v) {
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

    // ------------------------------------------------------------------ items

    /** A candidate's record, parsed again (it fitted when found): candidates keep only their place. */
    private Regf.KeyNode keyNode(Cand k) {
        return new Regf.KeyNode(stream(k.pos(), k.len()));
    }

    private List<Item> items() {
        List<Item> out = new ArrayList<>();
        Map<Long, String[]> paths = new HashMap<>();
        for (Cand k : keys.values()) {
            Regf.KeyNode n = keyNode(k);
            String[] p = path(k, paths);
            out.add(new Item("key", k.label(), k.pos() - 4, p[0], p[1] != null, name(n), n.lastWritten(), 0,
                    new byte[0], "", n.parentOffset()));
            long vlist = n.valueListOffset();
            long vcount = n.valueCount();
            long len = vcount > 0 && vlist != Hive.NIL ? freeRegion(vlist) : -1;
            if (len > 0) {
                // the value list of a deleted key, still in free space (if it is in use again, it is someone else's)
                offsets(vlist + 4, 0, Math.min(vcount, len / 4), off -> {
                    if (off % 8 == 0 && off < limit) {
                        valueOwner.putIfAbsent(off + 4, p[0]);
                    }
                });
            }
        }
        for (Cand v : values.values()) {
            out.add(value(v, valueOwner.getOrDefault(v.pos(), "")));
        }
        labelStaleCopies(out);
        return out;
    }

    /** Data verdicts under which a recovered value's bytes are all of its data, so that equality means something. */
    private static final Set<String> WHOLE = Set.of("intact", "inline", "empty", "in-coalesced-free-cell");

    /**
     * Relabels {@code deleted} values that are copies of live values as {@link #STALE_COPY}: the same name
     * (exactly), type code and data bytes as a live value of the key the record is tied to, or, for a record
     * tied to no key, of any key. Windows and hivex write a new value record (and list) when a value or its
     * key changes, leaving the old record, equal to the live one, in a free cell. A record tied to a key that
     * has no such value (another key's value may be equal) is that key's deleted value, and stays
     * {@code deleted}. One more walk of the live tree, only when there is a candidate; live data is read only
     * for values whose name, type and size match one.
     */
    private void labelStaleCopies(List<Item> items) {
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (!it.isKey() && it.label().equals(DELETED) && WHOLE.contains(it.dataStatus())
                    && (it.path().isEmpty() || it.pathComplete())) {
                byName.computeIfAbsent(it.name(), n -> new ArrayList<>(1)).add(i);
            }
        }
        if (byName.isEmpty()) {
            return;
        }
        Set<Integer> stale = new HashSet<>();
        for (Key k : hive.walk()) {
            for (Value v : k.values()) {
                List<Integer> same = byName.get(v.name());
                if (same == null) {
                    continue;
                }
                byte[] data = null;
                for (int i : same) {
                    Item it = items.get(i);
                    if (stale.contains(i) || it.typeCode() != v.typeCode() || it.data().length != v.declaredSize()
                            || !(it.path().isEmpty() || it.path().equals(k.path()))) {
                        continue;
                    }
                    data = data != null ? data : v.data();
                    if (java.util.Arrays.equals(data, it.data())) {
                        stale.add(i);
                    }
                }
            }
        }
        for (int i : stale) {
            Item it = items.get(i);
            items.set(i, new Item(it.kind(), STALE_COPY, it.cellOffset(), it.path(), it.pathComplete(), it.name(),
                    it.lastWritten(), it.typeCode(), it.data(), it.dataStatus(), it.parentOffset()));
        }
    }

    /** {path, "complete" or null}: through parents that are live keys or recovered key records. */
    private String[] path(Cand start, Map<Long, String[]> memo) {
        String[] known = memo.get(start.pos());
        if (known != null) {
            return known;
        }
        List<Long> chain = new ArrayList<>();
        List<Regf.KeyNode> nodes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Cand c = start;
        String prefix = null;
        boolean complete = false;
        while (chain.size() < 512) {
            long p = c.pos();
            Regf.KeyNode n = keyNode(c);
            chain.add(p);
            nodes.add(n);
            seen.add(p);
            if (n.flags().hiveEntry() && p != start.pos()) {
                chain.remove(chain.size() - 1);
                nodes.remove(nodes.size() - 1);
                prefix = "";
                complete = true;
                break;
            }
            long parent = n.parentOffset();
            String live = livePaths.get(parent);
            if (live != null) {
                prefix = live.equals("\\") ? "" : live;
                complete = true;
                break;
            }
            long next = parent + 4;
            String[] memoParent = memo.get(next);
            if (memoParent != null) {
                prefix = memoParent[0];
                complete = memoParent[1] != null;
                break;
            }
            if (!keys.containsKey(next) || seen.contains(next)) {
                prefix = "<unknown>";
                break;
            }
            c = keys.get(next);
        }
        if (prefix == null) {
            prefix = "<unknown>";
        }
        StringBuilder sb = new StringBuilder(prefix);
        String[] result = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            sb.append('\\').append(name(nodes.get(i)));
            result = new String[] {sb.toString(), complete ? "complete" : null};
            memo.put(chain.get(i), result);
        }
        return result;
    }

    private Item value(Cand c, String owner) {
        Regf.KeyValue v = new Regf.KeyValue(stream(c.pos(), c.len()));
        long size = v.dataSize();
        long off = v.dataOffset();
        byte[] data;
        String status;
        String label = c.label();
        if (size == 0) {
            data = new byte[0];
            status = "empty";
        } else if (v.isInline()) {
            data = new byte[(int) size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) (off >>> (8 * i));
            }
            status = "inline";
        } else {
            Object[] d = data(off, size);
            data = (byte[]) d[0];
            status = (String) d[1];
            if (status.equals(REALLOCATED)) {
                label = REALLOCATED;
            }
        }
        boolean complete = !owner.isEmpty() && !owner.startsWith("<unknown>");
        return new Item("value", label, c.pos() - 4, owner, complete, name(v), 0, v.dataType(), data, status, 0);
    }

    /** {bytes, status} of the data at cell offset {@code off}, {@code size} bytes long. */
    private Object[] data(long off, long size) {
        if (referenced.contains(off)) {
            return new Object[] {read(off + 4, Math.min(size, allocatedLen(off))), REALLOCATED};
        }
        if (idx.isCellStart(off)) {
            int cs = cellSize(off);
            long len = Math.abs((long) cs) - 4;
            if (cs < 0) {
                return new Object[] {read(off + 4, Math.min(size, len)), REALLOCATED};
            }
            boolean windows = windowsBigData(size);
            Regf.BigData db = windows || size > len ? bigData(off, len) : null;
            if (db != null) {
                return bigData(db, size, windows);
            }
            return len >= size ? new Object[] {read(off + 4, size), "intact"}
                    : new Object[] {read(off + 4, len), "truncated"};
        }
        long c = idx.previousCellStart(off);
        if (c >= 0 && off < limit) {
            int cs = cellSize(c);
            long end = c + Math.abs((long) cs);
            if (off + 4 < end) {
                if (cs < 0) {
                    return new Object[] {new byte[0], REALLOCATED};
                }
                long avail = end - (off + 4);
                return avail >= size ? new Object[] {read(off + 4, size), "in-coalesced-free-cell"}
                        : new Object[] {read(off + 4, avail), "truncated"};
            }
        }
        return new Object[] {new byte[0], "unavailable"};
    }

    /**
     * Big data in free cells: its segment list and segments, each still free, give min(16344, left) bytes,
     * or for a record Windows would not read (not {@code windows}) their cell size minus 8, as the live walk.
     */
    private Object[] bigData(Regf.BigData db, long size, boolean windows) {
        long list = db.segmentListOffset();
        if (!idx.isCellStart(list)) {
            return new Object[] {new byte[0], "unavailable"};
        }
        if (cellSize(list) < 0) {
            return new Object[] {new byte[0], REALLOCATED};
        }
        long listLen = cellSize(list) - 4L;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long left = size;
        List<Long> segs = new Regf.OffsetList(stream(list + 4, listLen), Math.min(db.numSegments(), listLen / 4))
                .offsets();
        for (int i = 0; i < segs.size() && left > 0; i++) {
            long seg = segs.get(i);
            if (!idx.isCellStart(seg)) {
                return new Object[] {out.toByteArray(), "truncated"};
            }
            if (cellSize(seg) < 0) {
                return new Object[] {out.toByteArray(), REALLOCATED};
            }
            long take = Math.min(segmentPayload(windows, cellSize(seg) - 4L), Math.min(left, cellSize(seg) - 4L));
            out.writeBytes(read(seg + 4, take));
            left -= take;
        }
        return new Object[] {out.toByteArray(), left == 0 ? "intact" : "truncated"};
    }

    /** Bytes from {@code off + 4} to the end of the free cell that starts at or contains {@code off}; -1 if none. */
    private long freeRegion(long off) {
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

    private byte[] read(long pos, long len) {
        long n = Math.max(0, Math.min(len, limit - pos));
        return bytes(pos, (int) n);
    }
}
