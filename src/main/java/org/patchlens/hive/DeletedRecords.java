package org.patchlens.hive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchlens.format.Regf;
import org.patchlens.hive.DeletedScan.Candidate;

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
 * and name length, so positions that hold no record cost two reads.
 *
 * <p>Labels: {@code deleted} (found in a free cell), {@code stale-copy} (a value in a free cell equal
 * to a live value of its key, or of any key when it is tied to none: left by a writer that reallocates
 * value records), {@code recovered-from-slack} (in the unused tail of an allocated cell),
 * {@code unreferenced} (an allocated cell nothing points to), {@code reallocated} (a value whose data
 * cell is in use again: its data is unreliable).
 *
 * <p>The work is shared by concern: {@link DeletedScan} marks the live tree and finds the candidates,
 * {@link RecoveredPaths} rebuilds a key's path, {@link RecoveredData} a value's data; this class puts them
 * together into {@link Item}s and labels the stale copies.
 */
public final class DeletedRecords {
    public static final String DELETED = "deleted";
    public static final String SLACK = "recovered-from-slack";
    public static final String UNREFERENCED = "unreferenced";
    public static final String REALLOCATED = "reallocated";
    public static final String STALE_COPY = "stale-copy";

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

    private DeletedRecords() {
    }

    /** Scans the hive; the items in bins order, keys before the values tied to them. */
    public static List<Item> scan(Hive hive) {
        DeletedScan scan = DeletedScan.of(hive);
        List<Item> items = items(scan);
        labelStaleCopies(hive, items);
        return items;
    }

    /**
     * The items of {@link #scan} under {@code start}: a key's own path, a value's key path, is {@code start}'s
     * path or below it (case-insensitively); every item when {@code start} is the root.
     */
    public static List<Item> scan(Hive hive, Key start) {
        String prefix = start.isRoot() ? "" : start.path();
        return scan(hive).stream().filter(i -> prefix.isEmpty() || i.path().equalsIgnoreCase(prefix)
                || i.path().regionMatches(true, 0, prefix + "\\", 0, prefix.length() + 1)).toList();
    }

    /** Keys with their paths, then values with their data, tied to a key through the value lists found. */
    private static List<Item> items(DeletedScan scan) {
        List<Item> out = new ArrayList<>();
        RecoveredPaths paths = new RecoveredPaths(scan);
        for (Candidate k : scan.keys()) {
            Regf.KeyNode n = scan.keyNode(k);
            RecoveredPaths.Rebuilt p = paths.of(k);
            out.add(new Item("key", k.label(), k.pos() - 4, p.path(), p.complete(), DeletedScan.name(n),
                    n.lastWritten(), 0, new byte[0], "", n.parentOffset()));
            long vlist = n.valueListOffset();
            long vcount = n.valueCount();
            long len = vcount > 0 && vlist != Hive.NIL ? scan.freeRegion(vlist) : -1;
            if (len > 0) {
                // the value list of a deleted key, still in free space (if it is in use again, it is someone else's)
                scan.offsets(vlist + 4, 0, Math.min(vcount, len / 4), off -> {
                    if (off % 8 == 0 && off < scan.limit()) {
                        scan.tie(off + 4, p.path());
                    }
                });
            }
        }
        RecoveredData data = new RecoveredData(scan);
        for (Candidate v : scan.values()) {
            out.add(value(scan, data, v, scan.owner(v.pos())));
        }
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
    private static void labelStaleCopies(Hive hive, List<Item> items) {
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

    /** A value record as an item: its data as far as recoverable, tied to the key at {@code owner} ("" for none). */
    private static Item value(DeletedScan scan, RecoveredData recovered, Candidate c, String owner) {
        Regf.KeyValue v = new Regf.KeyValue(scan.stream(c.pos(), c.len()));
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
            RecoveredData.Data d = recovered.of(off, size);
            data = d.bytes();
            status = d.status();
            if (status.equals(REALLOCATED)) {
                label = REALLOCATED;
            }
        }
        boolean complete = !owner.isEmpty() && !owner.startsWith("<unknown>");
        return new Item("value", label, c.pos() - 4, owner, complete, DeletedScan.name(v), 0, v.dataType(), data,
                status, 0);
    }
}
