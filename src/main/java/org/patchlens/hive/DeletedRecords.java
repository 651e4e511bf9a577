package org.patchlens.hive;

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
 * <p>Labels: {@code deleted} (found in a free cell), {@code recovered-from-slack} (in the unused
 * tail of an allocated cell), {@code unreferenced} (an allocated cell nothing points to),
 * {@code reallocated} (a value whose data cell is in use again: its data is unreliable).
 */
public final class DeletedRecords {
    public static final String DELETED = "deleted";
    public static final String SLACK = "recovered-from-slack";
    public static final String UNREFERENCED = "unreferenced";
    public static final String REALLOCATED = "reallocated";

    /** Most candidate records kept; a hive with more is reported as damage and the scan stops. */
    static final int MAX_ITEMS = 1_000_000;

    /** 1993-01-01, the earliest plausible key time (NT 3.1). */
    static final long MIN_TIME = FileTime.fromInstant(Instant.parse("1993-01-01T00:00:00Z"));

    /**
     * One recovered record.
     *
     * @param kind         "key" or "value"
     * @param label        deleted, recovered-from-slack, unreferenced or reallocated
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

    /** A candidate record: its position (record start, bins-relative) and where it was found. */
    private record Cand(long pos, String label) {
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

    // ------------------------------------------------------------------ raw reads (bins-relative offsets)

    private int u16(long pos) {
        return buf.getShort((int) (Hive.BASE_BLOCK_SIZE + pos)) & 0xFFFF;
    }

    private long u32(long pos) {
        return buf.getInt((int) (Hive.BASE_BLOCK_SIZE + pos)) & 0xFFFFFFFFL;
    }

    private int s32(long pos) {
        return buf.getInt((int) (Hive.BASE_BLOCK_SIZE + pos));
    }

    private long u64(long pos) {
        return buf.getLong((int) (Hive.BASE_BLOCK_SIZE + pos));
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
        int size = s32(cell);
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
            livePaths.put(nk, k.path());
            long nameLen = u16(nk + 4 + 72);
            mark(nk, 76 + nameLen);
            long classOff = u32(nk + 4 + 48);
            mark(classOff, u16(nk + 4 + 74));
            long sk = u32(nk + 4 + 44);
            mark(sk, Long.MAX_VALUE);
            markList(u32(nk + 4 + 28), true);
            long vlist = u32(nk + 4 + 40);
            long vcount = k.valueCount();
            mark(vlist, 4 * vcount);
            long vlen = allocatedLen(vlist);
            if (vlen >= 0) {
                // entries past the count in the list's slack: values deleted from this key
                for (long i = vcount; 4 * (i + 1) <= vlen; i++) {
                    long off = u32(vlist + 4 + 4 * i);
                    if (off != Hive.NIL && off % 8 == 0 && off < limit) {
                        valueOwner.putIfAbsent(off + 4, k.path());
                    }
                }
            }
            for (Value v : k.values()) {
                long vk = v.cellOffset();
                mark(vk, 20 + u16(vk + 4 + 2));
                long size = v.declaredSize();
                if (size == 0 || v.isInline()) {
                    continue;
                }
                long dc = v.rawDataOffset();
                if (hive.minorVersion() >= 4 && size > Hive.BIG_DATA_SEGMENT && allocatedLen(dc) >= 8
                        && u16(dc + 4) == 0x6264) { // "db"
                    mark(dc, 8);
                    long segs = u16(dc + 4 + 2);
                    long list = u32(dc + 4 + 4);
                    mark(list, 4 * segs);
                    long listLen = allocatedLen(list);
                    long left = size;
                    for (long i = 0; i < segs && 4 * (i + 1) <= listLen; i++) {
                        long take = Math.min(Hive.BIG_DATA_SEGMENT, left);
                        mark(u32(list + 4 + 4 * i), take);
                        left -= take;
                    }
                } else {
                    mark(dc, size);
                }
            }
        }
    }

    private void markList(long list, boolean allowRoot) {
        long len = allocatedLen(list);
        if (len < 4) {
            return;
        }
        int sig = u16(list + 4);
        long n = u16(list + 4 + 2);
        if (sig == 0x666C || sig == 0x686C) { // lf, lh
            mark(list, 4 + 8 * n);
        } else if (sig == 0x696C) { // li
            mark(list, 4 + 4 * n);
        } else if (sig == 0x6972 && allowRoot) { // ri
            mark(list, 4 + 4 * n);
            for (long i = 0; i < n && 4 + 4 * (i + 1) <= len; i++) {
                markList(u32(list + 4 + 4 + 4 * i), false);
            }
        }
    }

    // ------------------------------------------------------------------ the scan

    private void findCandidates() {
        for (long c = idx.nextCellStart(0); c >= 0 && c < limit; c = idx.nextCellStart(c + 8)) {
            int size = s32(c);
            long end = c + Math.abs((long) size);
            String label = size > 0 ? DELETED : referenced.contains(c) ? SLACK : UNREFERENCED;
            long from = c + 4;
            if (size < 0 && referenced.contains(c)) {
                int u = used.nextClearBit((int) from);
                from = u;
            }
            // record starts where a cell's data would start: bins offset = 4 (mod 8)
            long pos = from + ((4 - from % 8) + 8) % 8;
            for (; pos + 20 <= end; pos += 8) {
                if (used.get((int) pos)) {
                    continue;
                }
                long freeEnd = Math.min(end, nextUsed(pos, end));
                int sig = u16(pos);
                if (keys.size() + values.size() >= MAX_ITEMS) {
                    hive.addDamage(Hive.BASE_BLOCK_SIZE + pos, "", "deleted-record scan stopped after " + MAX_ITEMS
                            + " records");
                    return;
                }
                if (sig == 0x6B6E && nk(pos, freeEnd)) { // "nk"
                    keys.put(pos, new Cand(pos, label));
                } else if (sig == 0x6B76 && vk(pos, freeEnd)) { // "vk"
                    values.put(pos, new Cand(pos, label));
                }
            }
        }
    }

    private long nextUsed(long pos, long end) {
        int n = used.nextSetBit((int) pos);
        return n < 0 ? end : n;
    }

    private boolean offsetOk(long off) {
        return off == Hive.NIL || (off % 8 == 0 && off < limit);
    }

    private boolean nk(long pos, long end) {
        if (pos + 76 > end) {
            return false;
        }
        int nameLen = u16(pos + 72);
        int flags = u16(pos + 2);
        if (nameLen < 1 || nameLen > 512 || pos + 76 + nameLen > end || (flags & ~0xF3FF) != 0) {
            return false;
        }
        long t = u64(pos + 4);
        if (Long.compareUnsigned(t, MIN_TIME) < 0 || Long.compareUnsigned(t, maxTime) > 0) {
            return false;
        }
        long parent = u32(pos + 16);
        if (parent % 8 != 0 || parent >= limit) {
            return false;
        }
        if (u32(pos + 20) >= 1 << 20 || u32(pos + 36) >= 1 << 20) {
            return false;
        }
        if (!offsetOk(u32(pos + 28)) || !offsetOk(u32(pos + 40)) || !offsetOk(u32(pos + 44))
                || !offsetOk(u32(pos + 48))) {
            return false;
        }
        return name(pos + 76, nameLen, (flags & Key.KEY_COMP_NAME) != 0) != null;
    }

    private boolean vk(long pos, long end) {
        int nameLen = u16(pos + 2);
        int flags = u16(pos + 16);
        if (pos + 20 + nameLen > end || (flags & ~0x3) != 0) {
            return false;
        }
        long sizeRaw = u32(pos + 4);
        long size = sizeRaw & 0x7FFFFFFFL;
        long off = u32(pos + 8);
        if ((sizeRaw & 0x80000000L) != 0) {
            if (size > 4) {
                return false;
            }
        } else if (size != 0 && (off % 8 != 0 || off >= limit || size > hive.options().maxValueData())) {
            return false;
        }
        return nameLen == 0 || name(pos + 20, nameLen, (flags & Value.VALUE_COMP_NAME) != 0) != null;
    }

    /** The decoded name, or null when it does not decode cleanly (NUL, unpaired surrogate, odd UTF-16 length). */
    private String name(long pos, int len, boolean compressed) {
        byte[] b = bytes(pos, len);
        if (compressed) {
            for (byte x : b) {
                if (x == 0) {
                    return null;
                }
            }
            return Text.latin1(b, 0, b.length);
        }
        if (len % 2 != 0) {
            return null;
        }
        String s = Text.utf16le(b);
        return s.indexOf('\uFFFD') >= 0 || s.indexOf('\0') >= 0 ? null : s;
    }

    // ------------------------------------------------------------------ items

    private List<Item> items() {
        List<Item> out = new ArrayList<>();
        Map<Long, String[]> paths = new HashMap<>();
        for (Cand k : keys.values()) {
            String[] p = path(k.pos(), paths);
            out.add(key(k, p));
            long vlist = u32(k.pos() + 40);
            long vcount = u32(k.pos() + 36);
            long len = vcount > 0 && vlist != Hive.NIL ? freeRegion(vlist) : -1;
            if (len > 0) {
                // the value list of a deleted key, still in free space (if it is in use again, it is someone else's)
                for (long i = 0; i < vcount && 4 * (i + 1) <= len; i++) {
                    long off = u32(vlist + 4 + 4 * i);
                    if (off % 8 == 0 && off < limit) {
                        valueOwner.putIfAbsent(off + 4, p[0]);
                    }
                }
            }
        }
        for (Cand v : values.values()) {
            out.add(value(v, valueOwner.getOrDefault(v.pos(), "")));
        }
        return out;
    }

    private Item key(Cand k, String[] path) {
        long pos = k.pos();
        int flags = u16(pos + 2);
        String name = name(pos + 76, u16(pos + 72), (flags & Key.KEY_COMP_NAME) != 0);
        return new Item("key", k.label(), pos - 4, path[0], path[1] != null, name, u64(pos + 4), 0, new byte[0], "",
                u32(pos + 16));
    }

    /** {path, "complete" or null}: through parents that are live keys or recovered key records. */
    private String[] path(long pos, Map<Long, String[]> memo) {
        String[] known = memo.get(pos);
        if (known != null) {
            return known;
        }
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long p = pos;
        String prefix = null;
        boolean complete = false;
        while (chain.size() < 512) {
            chain.add(p);
            seen.add(p);
            if ((u16(p + 2) & Key.KEY_HIVE_ENTRY) != 0 && p != pos) {
                chain.remove(chain.size() - 1);
                prefix = "";
                complete = true;
                break;
            }
            long parent = u32(p + 16);
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
            p = next;
        }
        if (prefix == null) {
            prefix = "<unknown>";
        }
        StringBuilder sb = new StringBuilder(prefix);
        String[] result = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            long c = chain.get(i);
            int flags = u16(c + 2);
            sb.append('\\').append(name(c + 76, u16(c + 72), (flags & Key.KEY_COMP_NAME) != 0));
            result = new String[] {sb.toString(), complete ? "complete" : null};
            memo.put(c, result);
        }
        return result;
    }

    private Item value(Cand v, String owner) {
        long pos = v.pos();
        int flags = u16(pos + 16);
        int nameLen = u16(pos + 2);
        String name = nameLen == 0 ? "" : name(pos + 20, nameLen, (flags & Value.VALUE_COMP_NAME) != 0);
        long sizeRaw = u32(pos + 4);
        long size = sizeRaw & 0x7FFFFFFFL;
        long off = u32(pos + 8);
        long type = u32(pos + 12);
        byte[] data;
        String status;
        String label = v.label();
        if (size == 0) {
            data = new byte[0];
            status = "empty";
        } else if ((sizeRaw & 0x80000000L) != 0) {
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
        return new Item("value", label, pos - 4, owner, complete, name, 0, type, data, status, 0);
    }

    /** {bytes, status} of the data at cell offset {@code off}, {@code size} bytes long. */
    private Object[] data(long off, long size) {
        if (referenced.contains(off)) {
            return new Object[] {read(off + 4, Math.min(size, allocatedLen(off))), REALLOCATED};
        }
        if (idx.isCellStart(off)) {
            int cs = s32(off);
            long len = Math.abs((long) cs) - 4;
            if (cs < 0) {
                return new Object[] {read(off + 4, Math.min(size, len)), REALLOCATED};
            }
            if (hive.minorVersion() >= 4 && size > Hive.BIG_DATA_SEGMENT && len >= 8 && u16(off + 4) == 0x6264) {
                return bigData(off, size);
            }
            return len >= size ? new Object[] {read(off + 4, size), "intact"}
                    : new Object[] {read(off + 4, len), "truncated"};
        }
        long c = idx.previousCellStart(off);
        if (c >= 0 && off < limit) {
            int cs = s32(c);
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

    private Object[] bigData(long db, long size) {
        long segs = u16(db + 4 + 2);
        long list = u32(db + 4 + 4);
        if (!idx.isCellStart(list)) {
            return new Object[] {new byte[0], "unavailable"};
        }
        if (s32(list) < 0) {
            return new Object[] {new byte[0], REALLOCATED};
        }
        long listLen = s32(list) - 4L;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long left = size;
        for (long i = 0; i < segs && 4 * (i + 1) <= listLen && left > 0; i++) {
            long seg = u32(list + 4 + 4 * i);
            if (!idx.isCellStart(seg)) {
                return new Object[] {out.toByteArray(), "truncated"};
            }
            if (s32(seg) < 0) {
                return new Object[] {out.toByteArray(), REALLOCATED};
            }
            long take = Math.min(Hive.BIG_DATA_SEGMENT, Math.min(left, s32(seg) - 4L));
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
        int cs = s32(c);
        long end = c + Math.abs((long) cs);
        return cs > 0 && off + 4 < end ? end - (off + 4) : -1;
    }

    private byte[] read(long pos, long len) {
        long n = Math.max(0, Math.min(len, limit - pos));
        return bytes(pos, (int) n);
    }
}
