package org.patchlens.hive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes registry hives byte by byte, for tests and demo evidence. Formats 1.2 to 1.6 (1.3 and 1.5
 * are the ones Windows writes for NT 4.0/2000 and XP+). Every structure is laid out the way Windows
 * lays it out (regf-format.md sections 2 to 6):
 *
 * <ul>
 *   <li>base block with sequence numbers, timestamp, root offset, bins size, file name, checksum;
 *   <li>hive bins of 4096 bytes, or a multiple of 4096 sized to fit one big cell; the space left in a
 *       bin is one free cell;
 *   <li>{@code nk} with Latin-1 (compressed) names whenever every character is at most U+00FF, else
 *       UTF-16LE; class names; the "largest ..." fields;
 *   <li>subkey lists sorted by Windows-uppercased name: {@code li} (1.2), {@code lf} with name hints
 *       (1.3/1.4), {@code lh} with hashes (1.5/1.6); an {@code ri} over several leaves when a leaf would
 *       exceed one 4 KiB block (507 lf/lh or 1013 li entries; 1.3/1.4 use li leaves under an ri), or
 *       when forced;
 *   <li>{@code vk} with inline data for up to 4 bytes (0 bytes = 0x80000000), one data cell, or big
 *       data ({@code db}, segment list, 16,352-byte segment cells) over 16,344 bytes in 1.4+; in 1.3
 *       one large cell;
 *   <li>{@code sk} cells with self-relative descriptors (owner, group, DACL, optional SACL), shared by
 *       every key with the same descriptor, reference-counted, in one circular list.
 * </ul>
 *
 * <pre>{@code
 * HiveBuilder b = HiveBuilder.v13().fileName("\\SystemRoot\\System32\\Config\\SYSTEM");
 * b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem")
 *         .sz("Working Directory", "D:\\exchsrvr\\mdbdata").dword("Circular Logging", 1);
 * b.write(path);                       // or b.toBytes(), or b.build() for offsets and patching
 * }</pre>
 *
 * <p>Damage knobs: {@link K#alsoList} (a list entry to any key: cycles, duplicates),
 * {@link K#rawValue} (any size/offset fields), {@link V#singleCell}, {@link #checksum}, and after
 * {@link #build()} the {@link Image} patch methods ({@link Image#free}, {@link Image#putU4} ...) with
 * the cell offsets every {@link K} and {@link V} reports.
 */
public final class HiveBuilder {
    /** 2001-06-15T12:00:00Z, the default time of keys and header: reproducible output. */
    public static final long DEFAULT_TIME = FileTime.fromInstant(Instant.parse("2001-06-15T12:00:00Z"));
    public static final long NIL = 0xFFFFFFFFL;
    public static final int SEGMENT = 16344;
    /** chntpw's VAL_DIRECT_LIMIT (0x3FD0): reged writes big data over it, 16,336 bytes per segment. */
    public static final int REGED_LIMIT = 16336;
    /** Entries of one lf/lh leaf, and of one li leaf, that fit one 4 KiB block (Windows' split points). */
    public static final int FAST_LEAF_MAX = 507;
    public static final int INDEX_LEAF_MAX = 1013;

    public static final long KEY_READ = 0x20019;
    public static final long KEY_ALL_ACCESS = 0xF003F;
    /** ACE flags. */
    public static final int OI = 0x01, CI = 0x02, NP = 0x04, IO = 0x08, INHERITED = 0x10;

    /** Leaf types. */
    public enum ListKind { LI, LF, LH }

    private final int minor;
    private String rootName;
    private long primarySeq = 1;
    private long secondarySeq = 1;
    private long headerTime = DEFAULT_TIME;
    private long keyTime = DEFAULT_TIME;
    private String fileName = "";
    private int binSize = 4096;
    private int leafCapacity = -1;
    private Long checksum;
    private Sd defaultSecurity = Sd.standard();
    private final K root;

    private HiveBuilder(int minor) {
        if (minor < 2 || minor > 6) {
            throw new IllegalArgumentException("minor version " + minor + " (the builder writes 1.2 to 1.6)");
        }
        this.minor = minor;
        this.rootName = minor <= 4 ? "$$$PROTO.HIV" : "CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}";
        this.root = new K(this, null, rootName);
        root.flags |= Key.KEY_HIVE_ENTRY | Key.KEY_NO_DELETE;
    }

    /** Format 1.3: NT 4.0 / Windows 2000 (lf leaves, no big data). */
    public static HiveBuilder v13() {
        return new HiveBuilder(3);
    }

    /** Format 1.5: XP and later (lh leaves, big data). */
    public static HiveBuilder v15() {
        return new HiveBuilder(5);
    }

    /** Format 1.{@code minor}, 2 to 6. */
    public static HiveBuilder version(int minor) {
        return new HiveBuilder(minor);
    }

    public int minor() {
        return minor;
    }

    public K root() {
        return root;
    }

    /** The key at {@code path} below the root (created with its parents if missing); "" is the root. */
    public K key(String path) {
        return root.key(path);
    }

    public HiveBuilder rootName(String name) {
        this.rootName = name;
        root.name = name;
        return this;
    }

    /** Primary and secondary sequence numbers (equal = clean). */
    public HiveBuilder sequence(long primary, long secondary) {
        this.primarySeq = primary;
        this.secondarySeq = secondary;
        return this;
    }

    /** The base block's last-written time (also the first bin's backup copy). */
    public HiveBuilder lastWritten(Instant t) {
        return lastWrittenRaw(FileTime.fromInstant(t));
    }

    public HiveBuilder lastWrittenRaw(long fileTime) {
        this.headerTime = fileTime;
        return this;
    }

    /** The time of every key that does not set its own. */
    public HiveBuilder keyTime(Instant t) {
        this.keyTime = FileTime.fromInstant(t);
        return this;
    }

    /** The base block's file name; only the last 31 characters are stored, as Windows does. */
    public HiveBuilder fileName(String name) {
        this.fileName = name;
        return this;
    }

    /** Size of ordinary bins (a multiple of 4096; a bigger cell still gets a bin sized to fit). */
    public HiveBuilder binSize(int size) {
        if (size < 4096 || size % 4096 != 0) {
            throw new IllegalArgumentException("bin size " + size);
        }
        this.binSize = size;
        return this;
    }

    /** Most entries per leaf before an ri is used (default: Windows' 507 lf/lh, 1013 li). */
    public HiveBuilder leafCapacity(int n) {
        this.leafCapacity = n;
        return this;
    }

    /** Store this checksum instead of the right one (0 and 0xFFFFFFFF are never right). */
    public HiveBuilder checksum(long stored) {
        this.checksum = stored;
        return this;
    }

    /** The descriptor of the root, inherited by every key that sets none. */
    public HiveBuilder security(Sd sd) {
        this.defaultSecurity = sd;
        return this;
    }

    public Sd defaultSecurity() {
        return defaultSecurity;
    }

    public byte[] toBytes() {
        return build().bytes();
    }

    public Path write(Path file) {
        return build().write(file);
    }

    /** Lays the hive out and writes it; the keys and values then report their cell offsets. */
    public Image build() {
        Layout l = new Layout();
        l.allocate();
        return new Image(l.emit());
    }

    /**
     * A SYSTEM-like hive of at least {@code targetBytes} of hive bins, for benchmarks: control sets
     * of services with typical values (strings, expandable paths, DWORDs, multi-strings, binary
     * blobs of 16 to 2,000 bytes, one big value per 64 services), reproducible from {@code seed}.
     */
    public static HiveBuilder synthetic(int minor, long targetBytes, long seed) {
        HiveBuilder b = version(minor).fileName("\\SystemRoot\\System32\\Config\\SYSTEM");
        java.util.Random rnd = new java.util.Random(seed);
        long approx = 0;
        for (int set = 1; approx < targetBytes; set++) {
            K services = b.key(String.format("ControlSet%03d\\Services", set));
            for (int i = 0; i < 5000 && approx < targetBytes; i++) {
                K svc = services.key(String.format("Svc%05d_%s", i, Long.toString(rnd.nextLong() & 0xFFFFFFL, 36)));
                svc.dword("Type", 16).dword("Start", rnd.nextInt(5)).dword("ErrorControl", 1)
                        .expandSz("ImagePath", "%SystemRoot%\\System32\\svc" + i + ".exe")
                        .sz("DisplayName", "Synthetic service number " + i)
                        .sz("ObjectName", "LocalSystem")
                        .multiSz("DependOnService", "RpcSs", "LanmanServer");
                byte[] blob = new byte[16 + rnd.nextInt(2000)];
                rnd.nextBytes(blob);
                svc.binary("FailureActions", blob);
                K params = svc.key("Parameters").dword("Threads", 1 + rnd.nextInt(64))
                        .sz("WorkDir", "D:\\data\\svc" + i);
                approx += 900 + blob.length;
                if (i % 64 == 0) {
                    byte[] big = new byte[20_000 + rnd.nextInt(40_000)];
                    rnd.nextBytes(big);
                    params.binary("Blob", big);
                    approx += big.length + 2 * 4096;
                }
                svc.key("Enum").dword("Count", 1).sz("0", "Root\\LEGACY_SVC" + i + "\\0000");
                approx += 300;
            }
        }
        return b;
    }

    // ============================================================== keys

    /** A key being built. Methods return the key itself so values chain. */
    public static final class K {
        private final HiveBuilder b;
        private final K parent;
        private String name;
        private int flags;
        private boolean utf16Name;
        private long time = -1;
        private String className;
        private Sd security;
        private boolean noSecurity;
        private long predefHandle = -1;
        private final List<K> children = new ArrayList<>(0);
        private Map<String, K> childIndex;
        private final List<V> values = new ArrayList<>(0);
        private final List<K> extraRefs = new ArrayList<>(0);
        private ListKind leafKind;
        private int perLeaf;
        private boolean unsorted;
        // layout results (cell offsets)
        private long nk = -1;
        private long list = NIL;
        private long[] leaves = new long[0];
        private long valueList = NIL;
        private long classCell = NIL;
        private long sk = NIL;
        private List<K> listed;
        private ListKind layoutKind;
        private int layoutPerLeaf;

        private K(HiveBuilder b, K parent, String name) {
            if (name.isEmpty() || name.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("key name \"" + name + "\"");
            }
            this.b = b;
            this.parent = parent;
            this.name = name;
        }

        /** A key named exactly {@code name}, which may hold a backslash or be empty (crafted hives only). */
        private K(HiveBuilder b, K parent, String name, boolean exact) {
            this.b = b;
            this.parent = parent;
            this.name = name;
        }

        /**
         * The subkey named exactly {@code exactName} (created if missing), not split on backslashes: for a
         * crafted hive with a key whose name holds a backslash (or is empty), which Windows never writes.
         */
        public K keyNamed(String exactName) {
            String up = upper(exactName);
            for (K c : children) {
                if (upper(c.name).equals(up)) {
                    return c;
                }
            }
            K c = new K(b, this, exactName, true);
            children.add(c);
            if (childIndex != null) {
                childIndex.put(up, c);
            }
            return c;
        }

        /** The subkey at a relative path (created if missing); case-insensitive like Windows. */
        public K key(String path) {
            K k = this;
            for (String part : path.split("\\\\")) {
                if (!part.isEmpty()) {
                    k = k.child(part);
                }
            }
            return k;
        }

        private K child(String childName) {
            String up = upper(childName);
            K found = null;
            if (childIndex != null) {
                found = childIndex.get(up);
            } else {
                for (K c : children) {
                    if (upper(c.name).equals(up)) {
                        found = c;
                    }
                }
            }
            if (found != null) {
                return found;
            }
            K c = new K(b, this, childName);
            children.add(c);
            if (childIndex == null && children.size() > 8) {
                childIndex = new HashMap<>();
                for (K x : children) {
                    childIndex.put(upper(x.name), x);
                }
            } else if (childIndex != null) {
                childIndex.put(up, c);
            }
            return c;
        }

        /**
         * A new subkey named {@code childName} even when this key already has one of that name ignoring
         * case (siblings that differ only in case, or a name listed twice: crafted hives). {@link #key}
         * then finds one of them; keep the returned key to reach this one.
         */
        public K addKey(String childName) {
            K c = new K(b, this, childName);
            children.add(c);
            return c;
        }

        /** The parent key (null for the root). */
        public K up() {
            return parent;
        }

        public HiveBuilder builder() {
            return b;
        }

        public String name() {
            return name;
        }

        /** Path as the library prints it: {@code \} for the root, else {@code \A\B}. */
        public String path() {
            if (parent == null) {
                return "\\";
            }
            return (parent.parent == null ? "" : parent.path()) + "\\" + name;
        }

        /** Subkeys in the order they were added. */
        public List<K> children() {
            return List.copyOf(children);
        }

        /** Subkeys in list order (sorted by uppercased name unless {@link #unsorted}), extra references included. */
        public List<K> listed() {
            List<K> all = new ArrayList<>(children.size() + extraRefs.size());
            all.addAll(children);
            all.addAll(extraRefs);
            if (!unsorted) {
                all.sort(NAME_ORDER);
            }
            return all;
        }

        public List<V> values() {
            return List.copyOf(values);
        }

        public V val(String valueName) {
            for (V v : values) {
                if (upper(v.name).equals(upper(valueName))) {
                    return v;
                }
            }
            return null;
        }

        public String className() {
            return className;
        }

        /** The key's FILETIME (its own or the builder's default). */
        public long lastWrittenRaw() {
            return time >= 0 ? time : b.keyTime;
        }

        // ------------------------------------------------ knobs

        public K className(String cls) {
            this.className = cls;
            return this;
        }

        public K lastWritten(Instant t) {
            return lastWrittenRaw(FileTime.fromInstant(t));
        }

        public K lastWrittenRaw(long fileTime) {
            this.time = fileTime;
            return this;
        }

        /** This key's descriptor (inherited by subkeys that set none). */
        public K security(Sd sd) {
            this.security = sd;
            return this;
        }

        /** Security offset 0xFFFFFFFF (not what Windows writes). */
        public K noSecurity() {
            this.noSecurity = true;
            return this;
        }

        /** Extra nk flags (KEY_* of {@link Key}); KEY_COMP_NAME is managed by the builder. */
        public K flags(int extra) {
            this.flags |= extra;
            return this;
        }

        /** KEY_PREDEF_HANDLE: the value count field holds {@code handle}, no value list is written. */
        public K predefHandle(long handle) {
            this.flags |= Key.KEY_PREDEF_HANDLE;
            this.predefHandle = handle;
            return this;
        }

        /** KEY_SYM_LINK with its SymbolicLinkValue. */
        public K symlink(String target) {
            this.flags |= Key.KEY_SYM_LINK;
            return link("SymbolicLinkValue", target);
        }

        /** Store the name as UTF-16LE even if it is Latin-1. */
        public K utf16Name() {
            this.utf16Name = true;
            return this;
        }

        /** Use one leaf of this type (an ri over such leaves if it overflows). */
        public K list(ListKind kind) {
            this.leafKind = kind;
            return this;
        }

        /** Force an ri over leaves of {@code kind} with at most {@code perLeaf} entries each. */
        public K ri(ListKind kind, int perLeaf) {
            this.leafKind = kind;
            this.perLeaf = perLeaf;
            return this;
        }

        /** Keep subkeys in insertion order (Windows would not find some of them by binary search). */
        public K unsorted() {
            this.unsorted = true;
            return this;
        }

        /** Also list {@code other} (any key of the hive) among this key's subkeys: an ancestor makes a cycle. */
        public K alsoList(K other) {
            extraRefs.add(other);
            return this;
        }

        // ------------------------------------------------ values

        /** A value of any type code with these bytes (replaces a value of the same name). */
        public K value(String valueName, long type, byte[] data) {
            valueFor(valueName).set(type, data);
            return this;
        }

        /**
         * One more value named {@code valueName} even when the key already has one of that name ignoring
         * case (several values of one name: crafted hives). {@link #val} finds the first of them.
         */
        public K addValue(String valueName, long type, byte[] data) {
            V v = new V(this, valueName);
            v.set(type, data);
            values.add(v);
            return this;
        }

        /** {@link #addValue} of a NUL-terminated REG_SZ. */
        public K addSz(String valueName, String text) {
            return addValue(valueName, 1, utf16z(text));
        }

        /** REG_SZ, NUL-terminated. */
        public K sz(String valueName, String text) {
            return value(valueName, 1, utf16z(text));
        }

        public K expandSz(String valueName, String text) {
            return value(valueName, 2, utf16z(text));
        }

        public K binary(String valueName, byte[] data) {
            return value(valueName, 3, data);
        }

        public K binary(String valueName, int... bytes) {
            byte[] d = new byte[bytes.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) bytes[i];
            }
            return binary(valueName, d);
        }

        public K dword(String valueName, long v) {
            return value(valueName, 4, le((int) v, 4));
        }

        public K dwordBigEndian(String valueName, long v) {
            byte[] d = le((int) v, 4);
            return value(valueName, 5, new byte[] {d[3], d[2], d[1], d[0]});
        }

        public K qword(String valueName, long v) {
            return value(valueName, 11, le(v, 8));
        }

        /** REG_MULTI_SZ: each string NUL-terminated, then an extra NUL. */
        public K multiSz(String valueName, String... strings) {
            StringBuilder sb = new StringBuilder();
            for (String s : strings) {
                sb.append(s).append('\0');
            }
            return value(valueName, 7, utf16z(sb.toString()));
        }

        /** REG_LINK, no terminator. */
        public K link(String valueName, String target) {
            return value(valueName, 6, utf16(target));
        }

        public K none(String valueName) {
            return value(valueName, 0, new byte[0]);
        }

        /** A vk with exactly these size and data-offset fields and no data cell (inline edge cases). */
        public K rawValue(String valueName, long type, long sizeField, long offsetField) {
            V v = valueFor(valueName);
            v.set(type, new byte[0]);
            v.rawSize = sizeField;
            v.rawOffset = offsetField;
            return this;
        }

        private V valueFor(String valueName) {
            V v = val(valueName);
            if (v == null) {
                v = new V(this, valueName);
                values.add(v);
            }
            return v;
        }

        // ------------------------------------------------ layout results

        /** Cell offset of the nk (after build). */
        public long nkOffset() {
            return nk;
        }

        /** Cell offset of the subkey list (a leaf, or the ri), NIL if none. */
        public long subkeyListOffset() {
            return list;
        }

        /** Cell offsets of the leaves under the ri (empty without an ri). */
        public long[] leafOffsets() {
            return leaves.clone();
        }

        public long valueListOffset() {
            return valueList;
        }

        public long classNameOffset() {
            return classCell;
        }

        public long securityOffset() {
            return sk;
        }

        @Override
        public String toString() {
            return path();
        }
    }

    // ============================================================== values

    /** A value being built. */
    public static final class V {
        private final K key;
        private final String name;
        private long type;
        private byte[] data;
        private boolean utf16Name;
        private boolean singleCell;
        private boolean reged;
        private boolean inCell;
        private Long rawSize;
        private long rawOffset;
        // layout results
        private long vk = -1;
        private long dataCell = NIL;
        private long segmentList = NIL;
        private long[] segments = new long[0];

        private V(K key, String name) {
            this.key = key;
            this.name = name;
        }

        private void set(long t, byte[] d) {
            this.type = t;
            this.data = d;
            this.rawSize = null;
        }

        public String name() {
            return name;
        }

        public long type() {
            return type;
        }

        public byte[] data() {
            return data.clone();
        }

        public K key() {
            return key;
        }

        /** Store the name as UTF-16LE even if it is Latin-1. */
        public V utf16Name() {
            this.utf16Name = true;
            return this;
        }

        /** In 1.4+, keep data over 16,344 bytes in one cell instead of big data (pre-upgrade remnant). */
        public V singleCell() {
            this.singleCell = true;
            return this;
        }

        /**
         * Big data the way chntpw's reged writes it (ntreg.c {@code alloc_val_data}, {@code put_buf2val}):
         * for data over 16,336 bytes (its VAL_DIRECT_LIMIT) in any format, a {@code db} record of
         * {@code size / 16336 + 1} segments, each segment cell asked for 16,336 bytes (a 16,344-byte
         * cell) and filled with its cell size minus 8 bytes: 16,336 bytes per segment, not Windows' 16,344.
         */
        public V regedBigData() {
            if (data.length <= REGED_LIMIT) {
                throw new IllegalStateException("reged uses big data only over " + REGED_LIMIT + " bytes");
            }
            this.reged = true;
            return this;
        }

        /** Put data of up to 4 bytes in a data cell instead of inline. */
        public V inCell() {
            this.inCell = true;
            return this;
        }

        public boolean isRaw() {
            return rawSize != null;
        }

        public long vkOffset() {
            return vk;
        }

        /** The data cell, or the db record for big data; NIL for inline data. */
        public long dataOffset() {
            return dataCell;
        }

        public long segmentListOffset() {
            return segmentList;
        }

        public long[] segmentOffsets() {
            return segments.clone();
        }

        boolean isBig() {
            return rawSize == null && (reged || key.b.minor >= 4 && data.length > SEGMENT && !singleCell);
        }

        /** Payload bytes per segment: Windows' 16,344, or reged's 16,336. */
        int segmentPayload() {
            return reged ? REGED_LIMIT : SEGMENT;
        }

        boolean isInline() {
            return rawSize == null && data.length <= 4 && !inCell;
        }
    }

    // ============================================================== security descriptors

    /** A self-relative security descriptor: owner, group, DACL and optional SACL, or raw bytes. */
    public static final class Sd {
        private String owner;
        private String group;
        private List<Object[]> dacl;
        private List<Object[]> sacl;
        private int extraControl;
        private byte[] raw;

        public static Sd of() {
            return new Sd();
        }

        /** Any bytes as the descriptor (hostile tests). */
        public static Sd raw(byte[] bytes) {
            Sd s = new Sd();
            s.raw = bytes.clone();
            return s;
        }

        /** Administrators own, SYSTEM group; full control for SYSTEM, Administrators and CREATOR OWNER, read for Users. */
        public static Sd standard() {
            return of().owner("S-1-5-32-544").group("S-1-5-18")
                    .allow("S-1-5-18", KEY_ALL_ACCESS, CI)
                    .allow("S-1-5-32-544", KEY_ALL_ACCESS, CI)
                    .allow("S-1-3-0", 0x10000000L, CI | IO)
                    .allow("S-1-5-32-545", KEY_READ, CI);
        }

        public Sd owner(String sid) {
            this.owner = sid;
            return this;
        }

        public Sd group(String sid) {
            this.group = sid;
            return this;
        }

        public Sd allow(String sid, long mask, int aceFlags) {
            return ace(0, aceFlags, mask, sid);
        }

        public Sd deny(String sid, long mask, int aceFlags) {
            return ace(1, aceFlags, mask, sid);
        }

        /** A DACL entry of any basic type (mask then SID). */
        public Sd ace(int type, int aceFlags, long mask, String sid) {
            if (dacl == null) {
                dacl = new ArrayList<>();
            }
            dacl.add(new Object[] {type, aceFlags, mask, sid});
            return this;
        }

        /** An empty DACL (present, no entries: nobody has access). */
        public Sd emptyDacl() {
            dacl = new ArrayList<>();
            return this;
        }

        /** A SYSTEM_AUDIT entry in the SACL (success and failure). */
        public Sd audit(String sid, long mask) {
            if (sacl == null) {
                sacl = new ArrayList<>();
            }
            sacl.add(new Object[] {2, 0xC0, mask, sid});
            return this;
        }

        public Sd control(int extra) {
            this.extraControl = extra;
            return this;
        }

        /** The descriptor bytes: header, SACL, DACL, owner, group. */
        public byte[] bytes() {
            if (raw != null) {
                return raw.clone();
            }
            byte[] saclB = acl(sacl);
            byte[] daclB = acl(dacl);
            byte[] ownerB = owner == null ? null : sid(owner);
            byte[] groupB = group == null ? null : sid(group);
            int len = 20 + n(saclB) + n(daclB) + n(ownerB) + n(groupB);
            ByteBuffer out = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
            int control = 0x8000 | extraControl | (daclB != null ? 0x4 : 0) | (saclB != null ? 0x10 : 0);
            out.put((byte) 1).put((byte) 0).putShort((short) control);
            int pos = 20;
            int saclOff = saclB == null ? 0 : pos;
            pos += n(saclB);
            int daclOff = daclB == null ? 0 : pos;
            pos += n(daclB);
            int ownerOff = ownerB == null ? 0 : pos;
            pos += n(ownerB);
            int groupOff = groupB == null ? 0 : pos;
            out.putInt(ownerOff).putInt(groupOff).putInt(saclOff).putInt(daclOff);
            for (byte[] part : new byte[][] {saclB, daclB, ownerB, groupB}) {
                if (part != null) {
                    out.put(part);
                }
            }
            return out.array();
        }

        private static int n(byte[] b) {
            return b == null ? 0 : b.length;
        }

        private static byte[] acl(List<Object[]> aces) {
            if (aces == null) {
                return null;
            }
            List<byte[]> entries = new ArrayList<>();
            int size = 8;
            for (Object[] a : aces) {
                byte[] sid = sid((String) a[3]);
                ByteBuffer e = ByteBuffer.allocate(8 + sid.length).order(ByteOrder.LITTLE_ENDIAN);
                e.put((byte) (int) (Integer) a[0]).put((byte) (int) (Integer) a[1]).putShort((short) (8 + sid.length))
                        .putInt((int) (long) (Long) a[2]).put(sid);
                entries.add(e.array());
                size += e.capacity();
            }
            ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            out.put((byte) 2).put((byte) 0).putShort((short) size).putShort((short) aces.size()).putShort((short) 0);
            entries.forEach(out::put);
            return out.array();
        }

        /** "S-1-5-32-544" as bytes: revision, count, 48-bit big-endian authority, LE sub-authorities. */
        public static byte[] sid(String text) {
            String[] p = text.split("-");
            if (p.length < 3 || !p[0].equals("S")) {
                throw new IllegalArgumentException("SID " + text);
            }
            int subs = p.length - 3;
            ByteBuffer out = ByteBuffer.allocate(8 + 4 * subs).order(ByteOrder.LITTLE_ENDIAN);
            out.put((byte) Integer.parseInt(p[1])).put((byte) subs);
            long auth = Long.parseLong(p[2]);
            for (int i = 5; i >= 0; i--) {
                out.put((byte) (auth >>> (8 * i)));
            }
            for (int i = 3; i < p.length; i++) {
                out.putInt((int) Long.parseLong(p[i]));
            }
            return out.array();
        }
    }

    // ============================================================== the written hive

    /** The written bytes, with patch methods for hostile variants. Cell offsets are relative to file offset 4096. */
    public static final class Image {
        private final byte[] bytes;
        private final ByteBuffer bb;

        private Image(byte[] bytes) {
            this.bytes = bytes;
            this.bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** The hive bytes (live: later patches change them). */
        public byte[] bytes() {
            return bytes;
        }

        public static int fileOffset(long cellOffset) {
            return (int) (4096 + cellOffset);
        }

        /** Writes a u4 at {@code fieldOffset} of the cell's data (the offsets of regf-format.md's tables). */
        public Image putU4(long cellOffset, int fieldOffset, long value) {
            bb.putInt(fileOffset(cellOffset) + 4 + fieldOffset, (int) value);
            return this;
        }

        public Image putU2(long cellOffset, int fieldOffset, int value) {
            bb.putShort(fileOffset(cellOffset) + 4 + fieldOffset, (short) value);
            return this;
        }

        public Image putBytes(long cellOffset, int fieldOffset, byte[] data) {
            System.arraycopy(data, 0, bytes, fileOffset(cellOffset) + 4 + fieldOffset, data.length);
            return this;
        }

        public long getU4(long cellOffset, int fieldOffset) {
            return Integer.toUnsignedLong(bb.getInt(fileOffset(cellOffset) + 4 + fieldOffset));
        }

        /** A u4 of the base block. */
        public long headerU4(int offset) {
            return Integer.toUnsignedLong(bb.getInt(offset));
        }

        /** The raw s4 size field of a cell. */
        public int cellSize(long cellOffset) {
            return bb.getInt(fileOffset(cellOffset));
        }

        public Image setCellSize(long cellOffset, int sizeField) {
            bb.putInt(fileOffset(cellOffset), sizeField);
            return this;
        }

        /** Marks an allocated cell free (positive size), as if it had been deleted. */
        public Image free(long cellOffset) {
            return setCellSize(cellOffset, Math.abs(cellSize(cellOffset)));
        }

        /** Writes a u4 into the base block and fixes the checksum. */
        public Image header(int offset, long value) {
            bb.putInt(offset, (int) value);
            return fixChecksum();
        }

        /** Any bytes at a file offset (no checksum fix). */
        public Image putFile(int fileOffset, byte[] data) {
            System.arraycopy(data, 0, bytes, fileOffset, data.length);
            return this;
        }

        public Image fixChecksum() {
            bb.putInt(508, (int) checksumOf(bytes));
            return this;
        }

        /** File offsets of the hive bins, in order. */
        public List<Integer> binFileOffsets() {
            List<Integer> out = new ArrayList<>();
            long end = 4096L + Integer.toUnsignedLong(bb.getInt(40));
            for (int p = 4096; p + 32 <= Math.min(end, bytes.length); ) {
                out.add(p);
                int size = bb.getInt(p + 8);
                if (size <= 0) {
                    break;
                }
                p += size;
            }
            return out;
        }

        /** The first {@code length} bytes, as a truncated copy. */
        public byte[] truncated(int length) {
            return Arrays.copyOf(bytes, length);
        }

        public Path write(Path file) {
            try {
                Files.write(file, bytes);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Hive open() {
            return Hive.fromBytes("built", bytes);
        }
    }

    /** XOR-32 of the base block's first 127 words, 0 → 1 and 0xFFFFFFFF → 0xFFFFFFFE. */
    public static long checksumOf(byte[] baseBlock) {
        ByteBuffer bb = ByteBuffer.wrap(baseBlock).order(ByteOrder.LITTLE_ENDIAN);
        int c = 0;
        for (int i = 0; i < 508; i += 4) {
            c ^= bb.getInt(i);
        }
        return c == 0 ? 1 : c == -1 ? 0xFFFFFFFEL : Integer.toUnsignedLong(c);
    }

    // ============================================================== layout and emission

    private final class Layout {
        private long[] cells = new long[1024]; // pairs: offset, size field
        private int ncells;
        private final List<long[]> bins = new ArrayList<>(); // offset, size
        private long binStart = -1;
        private long binEnd = -1;
        private long next;
        private final Map<ByteBuffer, Sk> sks = new LinkedHashMap<>();
        private final Map<K, Sk> skOf = new HashMap<>();

        private final class Sk {
            final byte[] descriptor;
            long offset;
            int refs;

            Sk(byte[] d) {
                descriptor = d;
            }
        }

        private long alloc(long dataLen) {
            long size = (dataLen + 4 + 7) & ~7L;
            if (binStart < 0 || next + size > binEnd) {
                closeBin();
                long binLen = Math.max(binSize, (size + 32 + 4095) / 4096 * 4096);
                binStart = bins.isEmpty() ? 0 : bins.get(bins.size() - 1)[0] + bins.get(bins.size() - 1)[1];
                binEnd = binStart + binLen;
                bins.add(new long[] {binStart, binLen});
                next = binStart + 32;
            }
            long off = next;
            record(off, -size);
            next += size;
            return off;
        }

        private void record(long off, long sizeField) {
            if (ncells * 2 + 2 > cells.length) {
                cells = Arrays.copyOf(cells, cells.length * 2);
            }
            cells[ncells * 2] = off;
            cells[ncells * 2 + 1] = sizeField;
            ncells++;
        }

        private void closeBin() {
            if (binStart >= 0 && next < binEnd) {
                record(next, binEnd - next); // the rest of the bin: one free cell
            }
        }

        void allocate() {
            ArrayDeque<K> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                K k = todo.pop();
                allocateKey(k);
                for (int i = k.children.size() - 1; i >= 0; i--) {
                    todo.push(k.children.get(i));
                }
            }
            closeBin();
            if (binStart < 0) {
                throw new IllegalStateException("no cells");
            }
        }

        private void allocateKey(K k) {
            k.list = NIL;
            k.leaves = new long[0];
            k.valueList = NIL;
            k.classCell = NIL;
            k.sk = NIL;
            k.nk = alloc(76 + nameBytes(k.name, k.utf16Name).length);
            if (k.className != null) {
                k.classCell = alloc(2L * k.className.length());
            }
            Sd sd = effectiveSecurity(k);
            if (sd != null) {
                byte[] d = sd.bytes();
                Sk s = sks.computeIfAbsent(ByteBuffer.wrap(d), x -> {
                    Sk n = new Sk(d);
                    n.offset = alloc(20 + d.length);
                    return n;
                });
                s.refs++;
                skOf.put(k, s);
                k.sk = s.offset;
            }
            boolean predef = (k.flags & Key.KEY_PREDEF_HANDLE) != 0;
            if (!k.values.isEmpty() && !predef) {
                k.valueList = alloc(4L * k.values.size());
                for (V v : k.values) {
                    v.vk = alloc(20 + nameBytes(v.name, v.utf16Name).length);
                    allocateData(v);
                }
            }
            k.listed = k.listed();
            int n = k.listed.size();
            if (n > 0) {
                ListKind kind = k.leafKind != null ? k.leafKind : minor <= 2 ? ListKind.LI
                        : minor <= 4 ? ListKind.LF : ListKind.LH;
                int cap = leafCapacity > 0 ? leafCapacity : kind == ListKind.LI ? INDEX_LEAF_MAX : FAST_LEAF_MAX;
                if (k.perLeaf > 0) {
                    cap = k.perLeaf;
                } else if (n > cap && k.leafKind == null && (minor == 3 || minor == 4)) {
                    kind = ListKind.LI; // what Windows writes under an ri in 1.3/1.4
                    cap = leafCapacity > 0 ? leafCapacity : INDEX_LEAF_MAX;
                }
                k.layoutKind = kind;
                if (n <= cap && k.perLeaf == 0) {
                    k.list = alloc(4 + (long) n * entrySize(kind));
                    k.leaves = new long[0];
                } else {
                    int nleaves = (n + cap - 1) / cap;
                    k.list = alloc(4 + 4L * nleaves);
                    k.leaves = new long[nleaves];
                    for (int i = 0; i < nleaves; i++) {
                        int count = Math.min(cap, n - i * cap);
                        k.leaves[i] = alloc(4 + (long) count * entrySize(kind));
                    }
                    k.layoutPerLeaf = cap;
                }
            }
        }

        private Sd effectiveSecurity(K k) {
            for (K a = k; a != null; a = a.parent) {
                if (a.noSecurity && a == k) {
                    return null;
                }
                if (a.security != null) {
                    return a.security;
                }
            }
            return defaultSecurity;
        }

        private void allocateData(V v) {
            v.dataCell = NIL;
            v.segmentList = NIL;
            v.segments = new long[0];
            if (v.rawSize != null || v.isInline()) {
                return;
            }
            int len = v.data.length;
            if (v.isBig()) {
                int per = v.segmentPayload();
                int nseg = v.reged ? len / per + 1 : (len + per - 1) / per;
                v.dataCell = alloc(12); // 16-byte cell, like Windows (and reged)
                v.segmentList = alloc(4L * nseg);
                v.segments = new long[nseg];
                for (int i = 0; i < nseg; i++) {
                    // every segment cell full size: 16,352 bytes (Windows), 16,344 (reged asks for 16,336)
                    v.segments[i] = alloc(v.reged ? per : SEGMENT + 4);
                }
            } else {
                v.dataCell = alloc(len);
            }
        }

        private int entrySize(ListKind kind) {
            return kind == ListKind.LI ? 4 : 8;
        }

        byte[] emit() {
            long[] last = bins.get(bins.size() - 1);
            long binsSize = last[0] + last[1];
            if (binsSize > Integer.MAX_VALUE - 4096) {
                throw new IllegalStateException("hive too large: " + binsSize);
            }
            byte[] out = new byte[(int) (4096 + binsSize)];
            ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            // base block
            bb.put(0, "regf".getBytes(StandardCharsets.US_ASCII));
            bb.putInt(4, (int) primarySeq).putInt(8, (int) secondarySeq).putLong(12, headerTime);
            bb.putInt(20, 1).putInt(24, minor).putInt(28, 0).putInt(32, 1);
            bb.putInt(36, (int) root.nk).putInt(40, (int) binsSize).putInt(44, 1);
            String fn = fileName.length() > 31 ? fileName.substring(fileName.length() - 31) : fileName;
            bb.put(48, utf16(fn));
            bb.putInt(508, (int) (checksum != null ? checksum : checksumOf(out)));
            // bins
            for (long[] bin : bins) {
                int p = (int) (4096 + bin[0]);
                bb.put(p, "hbin".getBytes(StandardCharsets.US_ASCII));
                bb.putInt(p + 4, (int) bin[0]).putInt(p + 8, (int) bin[1]);
                bb.putLong(p + 20, bin[0] == 0 ? headerTime : 0);
            }
            for (int i = 0; i < ncells; i++) {
                bb.putInt((int) (4096 + cells[2 * i]), (int) cells[2 * i + 1]);
            }
            // security records: one circular list in allocation order
            List<Sk> list = new ArrayList<>(sks.values());
            for (int i = 0; i < list.size(); i++) {
                Sk s = list.get(i);
                int p = data(s.offset);
                bb.put(p, "sk".getBytes(StandardCharsets.US_ASCII));
                bb.putInt(p + 4, (int) list.get((i + 1) % list.size()).offset);
                bb.putInt(p + 8, (int) list.get((i + list.size() - 1) % list.size()).offset);
                bb.putInt(p + 12, s.refs).putInt(p + 16, s.descriptor.length);
                bb.put(p + 20, s.descriptor);
            }
            ArrayDeque<K> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                K k = todo.pop();
                emitKey(bb, k);
                for (int i = k.children.size() - 1; i >= 0; i--) {
                    todo.push(k.children.get(i));
                }
            }
            return out;
        }

        private int data(long cellOffset) {
            return (int) (4096 + cellOffset + 4);
        }

        private void emitKey(ByteBuffer bb, K k) {
            byte[] name = nameBytes(k.name, k.utf16Name);
            boolean comp = !k.utf16Name && latin1(k.name);
            int p = data(k.nk);
            bb.put(p, (byte) 'n').put(p + 1, (byte) 'k');
            bb.putShort(p + 2, (short) (k.flags | (comp ? Key.KEY_COMP_NAME : 0)));
            bb.putLong(p + 4, k.lastWrittenRaw());
            bb.putInt(p + 16, (int) (k.parent == null ? NIL : k.parent.nk));
            bb.putInt(p + 20, k.listed.size());
            bb.putInt(p + 28, (int) k.list);
            bb.putInt(p + 32, (int) NIL);
            boolean predef = (k.flags & Key.KEY_PREDEF_HANDLE) != 0;
            bb.putInt(p + 36, (int) (predef ? k.predefHandle : k.values.size()));
            bb.putInt(p + 40, (int) k.valueList);
            bb.putInt(p + 44, (int) k.sk);
            bb.putInt(p + 48, (int) k.classCell);
            int maxName = 0;
            int maxClass = 0;
            for (K c : k.listed) {
                maxName = Math.max(maxName, 2 * c.name.length());
                maxClass = Math.max(maxClass, c.className == null ? 0 : 2 * c.className.length());
            }
            int maxValueName = 0;
            int maxData = 0;
            for (V v : k.values) {
                maxValueName = Math.max(maxValueName, 2 * v.name.length());
                maxData = Math.max(maxData, v.data.length);
            }
            bb.putInt(p + 52, maxName).putInt(p + 56, maxClass).putInt(p + 60, maxValueName).putInt(p + 64, maxData);
            bb.putShort(p + 72, (short) name.length);
            bb.putShort(p + 74, (short) (k.className == null ? 0 : 2 * k.className.length()));
            bb.put(p + 76, name);
            if (k.className != null) {
                bb.put(data(k.classCell), utf16(k.className));
            }
            if (k.valueList != NIL) {
                int lp = data(k.valueList);
                for (int i = 0; i < k.values.size(); i++) {
                    V v = k.values.get(i);
                    bb.putInt(lp + 4 * i, (int) v.vk);
                    emitValue(bb, v);
                }
            }
            if (k.list != NIL) {
                emitLists(bb, k);
            }
        }

        private void emitValue(ByteBuffer bb, V v) {
            byte[] name = nameBytes(v.name, v.utf16Name);
            boolean comp = !v.utf16Name && latin1(v.name);
            int p = data(v.vk);
            bb.put(p, (byte) 'v').put(p + 1, (byte) 'k');
            bb.putShort(p + 2, (short) name.length);
            bb.putInt(p + 12, (int) v.type);
            // Windows leaves VALUE_COMP_NAME clear on the default (unnamed) value
            bb.putShort(p + 16, (short) (comp && !v.name.isEmpty() ? Value.VALUE_COMP_NAME : 0));
            bb.put(p + 20, name);
            int len = v.data.length;
            if (v.rawSize != null) {
                bb.putInt(p + 4, (int) (long) v.rawSize).putInt(p + 8, (int) v.rawOffset);
            } else if (v.isInline()) {
                bb.putInt(p + 4, 0x80000000 | len);
                bb.putInt(p + 8, 0);
                bb.put(p + 8, v.data);
            } else if (v.isBig()) {
                bb.putInt(p + 4, len).putInt(p + 8, (int) v.dataCell);
                int dp = data(v.dataCell);
                bb.put(dp, (byte) 'd').put(dp + 1, (byte) 'b');
                bb.putShort(dp + 2, (short) v.segments.length).putInt(dp + 4, (int) v.segmentList);
                int sl = data(v.segmentList);
                int per = v.segmentPayload();
                for (int i = 0; i < v.segments.length; i++) {
                    bb.putInt(sl + 4 * i, (int) v.segments[i]);
                    int take = Math.max(0, Math.min(per, len - i * per));
                    bb.put(data(v.segments[i]), v.data, i * per, take);
                }
            } else {
                bb.putInt(p + 4, len).putInt(p + 8, (int) v.dataCell);
                bb.put(data(v.dataCell), v.data);
            }
        }

        private void emitLists(ByteBuffer bb, K k) {
            List<K> entries = k.listed;
            if (k.leaves.length == 0) {
                emitLeaf(bb, k.list, k.layoutKind, entries);
                return;
            }
            int p = data(k.list);
            bb.put(p, (byte) 'r').put(p + 1, (byte) 'i').putShort(p + 2, (short) k.leaves.length);
            for (int i = 0; i < k.leaves.length; i++) {
                bb.putInt(p + 4 + 4 * i, (int) k.leaves[i]);
                int from = i * k.layoutPerLeaf;
                emitLeaf(bb, k.leaves[i], k.layoutKind,
                        entries.subList(from, Math.min(entries.size(), from + k.layoutPerLeaf)));
            }
        }

        private void emitLeaf(ByteBuffer bb, long cell, ListKind kind, List<K> entries) {
            int p = data(cell);
            bb.put(p, (byte) 'l').put(p + 1, (byte) (kind == ListKind.LI ? 'i' : kind == ListKind.LF ? 'f' : 'h'));
            bb.putShort(p + 2, (short) entries.size());
            int e = p + 4;
            for (K c : entries) {
                bb.putInt(e, (int) c.nk);
                if (kind == ListKind.LI) {
                    e += 4;
                    continue;
                }
                if (kind == ListKind.LF) {
                    bb.put(e + 4, lfHint(c.name));
                } else {
                    bb.putInt(e + 4, WindowsUpcase.nameHash(c.name));
                }
                e += 8;
            }
        }
    }

    // ============================================================== encodings

    /** Sort order of subkey lists: Windows-uppercased code units, a prefix first. */
    public static final Comparator<K> NAME_ORDER = (a, c) -> compareNames(a.name, c.name);

    public static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = WindowsUpcase.upcase(a.charAt(i)) - WindowsUpcase.upcase(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    /**
     * The lf name hint: the first 4 characters, one byte each, zero-padded; filled from the 4th
     * character backwards, stopping at one above U+00FF, so such a character leaves byte 0 at 0
     * ("no hint") — the way Windows fills it.
     */
    public static byte[] lfHint(String name) {
        byte[] hint = new byte[4];
        for (int i = Math.min(4, name.length()) - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (c > 0xFF) {
                break;
            }
            hint[i] = (byte) c;
        }
        return hint;
    }

    static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    static byte[] nameBytes(String name, boolean forceUtf16) {
        if (!forceUtf16 && latin1(name)) {
            return name.getBytes(StandardCharsets.ISO_8859_1);
        }
        return utf16(name);
    }

    /** UTF-16LE code unit by code unit (unpaired surrogates kept as they are). */
    public static byte[] utf16(String s) {
        byte[] out = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[2 * i] = (byte) s.charAt(i);
            out[2 * i + 1] = (byte) (s.charAt(i) >>> 8);
        }
        return out;
    }

    /** UTF-16LE with a terminating NUL. */
    public static byte[] utf16z(String s) {
        return utf16(s + "\0");
    }

    static byte[] le(long v, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return out;
    }

    private static String upper(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = WindowsUpcase.upcase(c[i]);
        }
        return new String(c);
    }
}
