package org.patchlens.hive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.format.Regf;

/**
 * A key node. Name, times, flags and counts come from the {@code nk} record; subkeys,
 * values, class name and security descriptor are read when first asked for.
 */
public final class Key {
    /** Flags of the {@code nk} record (u2 at offset 2). */
    public static final int KEY_VOLATILE = 0x0001;
    public static final int KEY_HIVE_EXIT = 0x0002;
    public static final int KEY_HIVE_ENTRY = 0x0004;
    public static final int KEY_NO_DELETE = 0x0008;
    public static final int KEY_SYM_LINK = 0x0010;
    public static final int KEY_COMP_NAME = 0x0020;
    public static final int KEY_PREDEF_HANDLE = 0x0040;

    private final Hive hive;
    private final Key parent;
    private final Hive.Cell cell;
    private final Regf.KeyNode nk;
    private final String name;
    /** The name's code units as stored (unpaired surrogates kept), for lookups. */
    private final String storedName;
    private final String path;
    private final int depth;
    /** The walk this key was read by (children inherit it), or null outside a walk: no bound. */
    private final WalkBudget budget;
    private List<Key> subkeys;
    private List<Value> values;

    Key(Hive hive, Key parent, Hive.Cell cell, Regf.KeyNode nk, WalkBudget budget) {
        this.hive = hive;
        this.budget = budget;
        this.parent = parent;
        this.cell = cell;
        this.nk = nk;
        byte[] raw = nk.name();
        boolean compressed = nk.flags().compName() && hive.compressedNames();
        this.storedName = compressed ? Text.latin1(raw, 0, raw.length) : Text.utf16leUnits(raw);
        this.name = compressed ? storedName : Text.shown(storedName, raw);
        if (parent == null) {
            this.path = "\\";
            this.depth = 0;
        } else {
            // sized once: the inline string concatenation (pom.xml) would start at 16 chars and grow
            String base = parent.parent == null ? "" : parent.path;
            this.path = new StringBuilder(base.length() + 1 + name.length()).append(base).append('\\')
                    .append(name).toString();
            this.depth = parent.depth + 1;
        }
        if (!compressed && (raw.length & 1) != 0) {
            hive.addDamage(cell.fileOffset(), path, "key name is UTF-16 but " + raw.length
                    + " bytes long (an odd length); its last byte is shown as U+FFFD");
        }
    }

    public Hive hive() {
        return hive;
    }

    /** The key that listed this one, null for the root. */
    public Key parent() {
        return parent;
    }

    /** The key's own name (the root's too, though paths leave it out). */
    public String name() {
        return name;
    }

    /** The raw name bytes as stored. */
    public byte[] rawName() {
        return nk.name().clone();
    }

    /** {@code \} for the root, else {@code \Name1\Name2}; the root key's name is not part of paths. */
    public String path() {
        return path;
    }

    /** 0 for the root. */
    public int depth() {
        return depth;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** The {@code key_node} record as parsed (for readers of the same hive, such as {@link DeletedRecords}). */
    Regf.KeyNode node() {
        return nk;
    }

    /** Cell offset of the {@code nk} cell (relative to the hive bins data). */
    public long cellOffset() {
        return cell.offset();
    }

    /** File offset of the {@code nk} cell's size field. */
    public long fileOffset() {
        return cell.fileOffset();
    }

    /** Raw FILETIME of the last write. */
    public long lastWrittenRaw() {
        return nk.lastWritten();
    }

    /** The last write, exact to 100 ns. */
    public Instant lastWritten() {
        return FileTime.toInstant(nk.lastWritten());
    }

    /** The u2 flags (KEY_* constants). */
    public int flags() {
        return nk.flags().raw();
    }

    public boolean isSymbolicLink() {
        return nk.flags().symLink();
    }

    /** Windows 8+ access bits (offset 12). */
    public long accessBits() {
        return nk.accessBits();
    }

    /** Cell offset of the parent as stored (meaningless for the root). */
    public long parentOffset() {
        return nk.parentOffset();
    }

    /** The number of subkeys the key node claims. */
    public long subkeyCount() {
        return nk.subkeyCount();
    }

    /** The number of values the key node claims (0 for a predefined-handle key). */
    public long valueCount() {
        return nk.flags().predefHandle() ? 0 : nk.valueCount();
    }

    public long securityOffset() {
        return nk.securityOffset();
    }

    public int userFlags() {
        return (int) nk.userFlags();
    }

    public int virtualizationControlFlags() {
        return (int) nk.virtualizationControlFlags();
    }

    public int debugFlags() {
        return nk.debugFlags();
    }

    public long maxSubkeyNameLength() {
        return nk.maxSubkeyNameLength();
    }

    public long maxSubkeyClassNameLength() {
        return nk.maxSubkeyClassNameLength();
    }

    public long maxValueNameLength() {
        return nk.maxValueNameLength();
    }

    public long maxValueDataSize() {
        return nk.maxValueDataSize();
    }

    /** The class name, or null when the key has none. */
    public String className() {
        int len = nk.lenClassName();
        long off = nk.classNameOffset();
        if (len == 0 || off == Hive.NIL) {
            return null;
        }
        Hive.Cell c = hive.cell(off, path, "class name");
        if (c == null) {
            return null;
        }
        int n = len;
        if (len > c.dataLen()) {
            hive.addDamage(c.fileOffset(), path, "class name length " + len + " exceeds its cell ("
                    + c.dataLen() + " bytes); truncated");
            n = (int) c.dataLen();
        }
        if ((n & 1) != 0) {
            hive.addDamage(c.fileOffset(), path, "class name is UTF-16 but " + n + " bytes long (an odd length); its "
                    + "last byte is shown as U+FFFD");
        }
        return Text.utf16le(hive.bytes(c.dataPos(), n));
    }

    /** The decoded security descriptor, or null when the key has none or it is unreadable. */
    public SecurityDescriptor security() {
        return Security.of(hive, nk.securityOffset(), path);
    }

    // ---------------------------------------------------------------- subkeys

    /** The subkeys in subkey-list order; bad entries are skipped and recorded as damage. */
    public synchronized List<Key> subkeys() {
        if (subkeys == null) {
            subkeys = readSubkeys(budget);
        }
        return subkeys;
    }

    /**
     * The subkeys without keeping them on this key, so that a walk holds only the current
     * path and memory stays flat whatever the hive's size; they (and theirs, read later) count
     * against the walk's budget.
     */
    synchronized List<Key> subkeysForWalk(WalkBudget walk) {
        return subkeys != null ? subkeys : readSubkeys(walk);
    }

    WalkBudget budget() {
        return budget;
    }

    /**
     * The subkey with this name, or null: the one whose name is exactly {@code childName} when there
     * is one, else the first (in list order) whose name matches it under Windows' case-insensitive
     * rules. A damaged or crafted hive can hold siblings that differ only in case ({@code Foo} and
     * {@code FOO}); each stays reachable by its own exact name. Before the subkeys are loaded, only
     * the candidates whose {@code lh} hash or {@code lf} hint match are parsed; if none of them is
     * the key, all subkeys are checked.
     */
    public Key subkey(String childName) {
        List<Key> loaded;
        synchronized (this) {
            loaded = subkeys;
        }
        if (loaded == null) {
            int hash = WindowsUpcase.nameHash(childName);
            for (SubkeyRef ref : subkeyRefs()) {
                if (ref.mayBe(childName, hash)) {
                    Key k = readChild(ref.offset(), budget);
                    if (k != null && k.hasExactName(childName)) {
                        return k;
                    }
                }
            }
        }
        // no exact match among the candidates (or a bad hash or hint hid it): every subkey decides
        List<Key> named = subkeysNamed(childName);
        for (Key k : named) {
            if (k.hasExactName(childName)) {
                return k;
            }
        }
        return named.isEmpty() ? null : named.get(0);
    }

    /**
     * Every subkey whose name matches {@code childName} case-insensitively (Windows rules), in list
     * order: one in a sound hive, more when siblings differ only in case or a key is listed twice.
     * Reads all subkeys.
     */
    public List<Key> subkeysNamed(String childName) {
        List<Key> out = new ArrayList<>(1);
        for (Key k : subkeys()) {
            if (k.hasName(childName)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The name's code units as stored (unpaired surrogates kept). */
    String storedName() {
        return storedName;
    }

    /** Whether the name is exactly {@code other}, code unit for code unit (stored or displayed form). */
    boolean hasExactName(String other) {
        return storedName.equals(other) || name.equals(other);
    }

    /** Case-insensitive match against the stored name or the displayed one (U+FFFD for bad code units). */
    boolean hasName(String other) {
        return WindowsUpcase.equalsIgnoreCase(storedName, other) || WindowsUpcase.equalsIgnoreCase(name, other);
    }

    /** One element of a leaf: the subkey's offset and, from lh / lf leaves, its hash or name hint. */
    private record SubkeyRef(long offset, char kind, long hash, byte[] hint) {
        boolean mayBe(String name, int nameHash) {
            if (kind == 'h') {
                return (int) hash == nameHash;
            }
            if (kind == 'f' && hint[0] != 0) {
                for (int i = 0; i < 4; i++) {
                    char h = (char) (hint[i] & 0xFF);
                    if (i >= name.length()) {
                        return h == 0;
                    }
                    if (WindowsUpcase.upcase(h) != WindowsUpcase.upcase(name.charAt(i))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private List<Key> readSubkeys(WalkBudget walk) {
        List<SubkeyRef> refs = subkeyRefs();
        int limit = Math.min(refs.size(), hive.options().maxListed());
        if (limit < refs.size()) {
            hive.addDamage(fileOffset(), path, "only the first " + limit + " of " + refs.size() + " subkeys read");
        }
        List<Key> out = new ArrayList<>(limit);
        String previous = null;
        for (int i = 0; i < limit; i++) {
            Key child = readChild(refs.get(i).offset(), walk);
            if (child == null) {
                continue;
            }
            // Literal reading: such keys are still listed, but Windows would reject or not find them.
            if (child.parentOffset() != cell.offset()) {
                hive.addDamage(child.fileOffset(), child.path, "key's parent offset field is "
                        + hive.cellRef(child.parentOffset()) + ", not the key that lists it, at "
                        + hive.cellRef(cell.offset()));
            }
            if (previous != null) {
                int order = compareNames(previous, child.name);
                if (order == 0) {
                    hive.addDamage(child.fileOffset(), child.path, "subkey listed twice (duplicate name)");
                } else if (order > 0) {
                    hive.addDamage(child.fileOffset(), child.path, "subkey list is not sorted: Windows looks "
                            + "keys up by binary search and may not find this one");
                }
            }
            previous = child.name;
            out.add(child);
        }
        return List.copyOf(out);
    }

    /** Order of subkey lists: uppercased code units compared numerically, a prefix first. */
    static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = WindowsUpcase.upcase(a.charAt(i)) - WindowsUpcase.upcase(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    private List<SubkeyRef> subkeyRefs() {
        long count = nk.subkeyCount();
        if (count == 0) {
            return List.of();
        }
        Hive.Cell listCell = hive.cell(nk.subkeyListOffset(), path, "subkey list");
        if (listCell == null) {
            return List.of();
        }
        Regf.SubkeyList list = hive.parse(listCell, path, "subkey list", Regf.SubkeyList::new);
        if (list == null) {
            return List.of();
        }
        List<SubkeyRef> refs = new ArrayList<>();
        if (list.signature().equals("ri")) {
            java.util.Set<Long> leaves = new java.util.HashSet<>();
            for (long leafOff : ((Regf.IndexRoot) list.body()).leafOffsets()) {
                if (!leaves.add(leafOff)) {
                    // one leaf listed many times would multiply its entries (memory), and Windows never writes it
                    hive.addDamage(listCell.fileOffset(), path, "index root lists the leaf at " + hive.cellRef(leafOff)
                            + " more than once; repeated entry skipped");
                    continue;
                }
                Hive.Cell leafCell = hive.cell(leafOff, path, "subkey leaf");
                Regf.SubkeyList leaf = leafCell == null ? null
                        : hive.parse(leafCell, path, "subkey leaf", Regf.SubkeyList::new);
                if (leaf == null) {
                    continue;
                }
                if (leaf.signature().equals("ri")) {
                    hive.addDamage(leafCell.fileOffset(), path, "index root lists another index root; skipped");
                    continue;
                }
                leafRefs(leaf, leafCell, refs);
            }
        } else {
            leafRefs(list, listCell, refs);
        }
        if (refs.size() != count) {
            hive.addDamage(listCell.fileOffset(), path, "key node claims " + count + " subkeys, its lists hold "
                    + refs.size());
        }
        return refs;
    }

    private void leafRefs(Regf.SubkeyList leaf, Hive.Cell cell, List<SubkeyRef> out) {
        Object body = leaf.body();
        if (body instanceof Regf.FastLeaf lf) {
            for (Regf.FastLeafElement e : lf.elements()) {
                out.add(new SubkeyRef(e.keyNodeOffset(), 'f', 0, e.nameHint()));
            }
        } else if (body instanceof Regf.HashLeaf lh) {
            for (Regf.HashLeafElement e : lh.elements()) {
                out.add(new SubkeyRef(e.keyNodeOffset(), 'h', e.nameHash(), null));
            }
        } else if (body instanceof Regf.IndexLeaf li) {
            for (long off : li.keyNodeOffsets()) {
                out.add(new SubkeyRef(off, 'i', 0, null));
            }
        } else {
            hive.addDamage(cell.fileOffset(), path, "subkey list has unknown signature \"" + leaf.signature() + "\"");
        }
    }

    private Key readChild(long offset, WalkBudget walk) {
        for (Key a = this; a != null; a = a.parent) {
            if (a.cell.offset() == offset) {
                hive.addDamage(Hive.BASE_BLOCK_SIZE + offset, path, "subkey list points back to ancestor "
                        + a.path + " (a cycle); skipped");
                return null;
            }
        }
        Hive.Cell c = hive.cell(offset, path, "subkey");
        if (c == null) {
            return null;
        }
        Regf.KeyNode child = hive.parse(c, path, "subkey node", Regf.KeyNode::new);
        if (child == null) {
            return null;
        }
        if (child.lenName() == 0) {
            hive.addDamage(c.fileOffset(), path, "subkey node has an empty name; skipped");
            return null;
        }
        return new Key(hive, this, c, child, walk);
    }

    // ---------------------------------------------------------------- values

    /** The values in value-list order; bad entries are skipped and recorded as damage. */
    public synchronized List<Value> values() {
        if (values == null) {
            values = readValues();
        }
        return values;
    }

    /**
     * The value with this name ("" is the default value), or null: the first whose name is exactly
     * {@code valueName} when there is one, else the first that matches it case-insensitively.
     */
    public Value value(String valueName) {
        List<Value> named = valuesNamed(valueName);
        return named.isEmpty() ? null : named.get(0);
    }

    /**
     * The values a lookup of {@code valueName} finds, in value-list order: those whose name is exactly
     * {@code valueName} when there is one, else those that match it case-insensitively (Windows
     * rules). One in a sound hive; a crafted or damaged hive can hold several values of one name.
     */
    public List<Value> valuesNamed(String valueName) {
        List<Value> exact = new ArrayList<>(1);
        List<Value> folded = new ArrayList<>(1);
        for (Value v : values()) {
            if (v.hasExactName(valueName)) {
                exact.add(v);
            } else if (v.hasName(valueName)) {
                folded.add(v);
            }
        }
        return exact.isEmpty() ? folded : exact;
    }

    private List<Value> readValues() {
        long count = valueCount();
        if (count == 0) {
            return List.of();
        }
        Hive.Cell listCell = hive.cell(nk.valueListOffset(), path, "value list");
        if (listCell == null) {
            return List.of();
        }
        long fits = listCell.dataLen() / 4;
        if (count > fits) {
            hive.addDamage(listCell.fileOffset(), path, "key node claims " + count + " values, its value list cell "
                    + "holds at most " + fits);
            count = fits;
        }
        int listed = (int) Math.min(count, hive.options().maxListed());
        int n = budget == null ? listed : budget.values(listed, this);
        if (n == 0) {
            return List.of();
        }
        Regf.OffsetList list = hive.parse(listCell, path, "value list", io -> new Regf.OffsetList(io, n));
        if (list == null) {
            return List.of();
        }
        List<Value> out = new ArrayList<>(n);
        List<Long> offsets = list.offsets();
        int repeat = firstRepeat(offsets);
        for (int i = 0; i < offsets.size(); i++) {
            long off = offsets.get(i);
            if (i == repeat) {
                // listed as the structures say (literal reading), but Windows never shares a value cell
                hive.addDamage(listCell.fileOffset(), path, "value list names the value at " + hive.cellRef(off)
                        + " more than once");
            }
            Hive.Cell vc = hive.cell(off, path, "value");
            if (vc == null) {
                continue;
            }
            Regf.KeyValue vk = hive.parse(vc, path, "value record", Key::valueRecord);
            if (vk != null) {
                out.add(new Value(this, vc, vk));
            }
        }
        return List.copyOf(out);
    }

    /** A {@code key_value} with its name read (an instance in the spec): the whole record, or an exception. */
    static Regf.KeyValue valueRecord(io.kaitai.struct.KaitaiStream io) {
        Regf.KeyValue vk = new Regf.KeyValue(io);
        vk.name();
        return vk;
    }

    /** The index of the first entry equal to an earlier one, or -1 (most lists are short: no sorting for them). */
    static int firstRepeat(List<Long> offsets) {
        int n = offsets.size();
        if (n <= 32) {
            for (int i = 1; i < n; i++) {
                long x = offsets.get(i);
                for (int j = 0; j < i; j++) {
                    if (offsets.get(j) == x) {
                        return i;
                    }
                }
            }
            return -1;
        }
        // sorted, a repeat sits beside its twin (no boxed set: cell offsets, all multiples of 8, crowd a
        // HashSet's buckets into trees)
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = offsets.get(i);
        }
        java.util.Arrays.sort(sorted);
        java.util.Set<Long> repeated = null;
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                if (repeated == null) {
                    repeated = new java.util.HashSet<>();
                }
                repeated.add(sorted[i]);
            }
        }
        if (repeated == null) {
            return -1;
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            Long x = offsets.get(i);
            if (repeated.contains(x) && !seen.add(x)) {
                return i;
            }
        }
        return -1; // not reached: a repeated offset is seen twice
    }

    @Override
    public String toString() {
        return path;
    }
}
