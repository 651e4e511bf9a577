package org.patchlens.hive;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.patchlens.InputException;
import org.patchlens.InputFile;
import org.patchlens.format.Regf;

/**
 * A registry hive file, opened read-only and memory-mapped. Opening reads only the base
 * block; the bins are walked once, lazily, the first time a cell is needed, to build an
 * index of cell starts that every reference is checked against. Keys and values are
 * parsed on demand.
 *
 * <p>Damage in the tree (a bad cell, a dangling offset, a loop) costs one subtree: it is
 * recorded in {@link #damage()} and the rest still reads. Only a file with no usable base
 * block or root key throws {@link HiveException}.
 */
public final class Hive implements AutoCloseable {
    /** Cells start at file offset 4096. */
    public static final int BASE_BLOCK_SIZE = 4096;
    /** Cell offset meaning "no cell". */
    public static final long NIL = 0xFFFFFFFFL;
    /** Payload bytes of one big-data segment. */
    public static final int BIG_DATA_SEGMENT = 16344;

    private final String name;
    private final Path path;
    private final ByteBuffer buf;
    private final long fileSize;
    private final HiveHeader header;
    private final HiveOptions options;
    private final Set<Damage> damage = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<Long, java.util.Optional<SecurityDescriptor>> securityCache = new ConcurrentHashMap<>();
    private volatile CellIndex index;
    private volatile Key root;
    private volatile ReplayLedger replay;

    private Hive(String name, Path path, ByteBuffer buf, HiveOptions options) {
        this.name = name;
        this.path = path;
        this.buf = buf;
        this.fileSize = buf.capacity();
        this.options = options;
        this.header = readHeader();
    }

    /** Opens a hive file read-only with default options. */
    public static Hive open(Path file) {
        return open(file, HiveOptions.DEFAULTS);
    }

    /**
     * Opens a hive file read-only: first the one input check ({@link InputFile#check}: a FIFO, device,
     * folder, missing file or link loop is refused without being opened, as a {@link HiveException}
     * with the check's one-line message), then at most the bytes the check saw are mapped.
     */
    public static Hive open(Path file, HiveOptions options) {
        String name = file.toString();
        InputFile in;
        try {
            in = InputFile.check(file);
        } catch (InputException e) {
            throw new HiveException(e.file(), -1, e.reason(), e);
        }
        if (in.size() > Integer.MAX_VALUE) {
            throw new HiveException(name, -1, "file is " + in.size() + " bytes; hives over 2 GiB are not supported");
        }
        try {
            ByteBuffer mapped = in.map(in.size());
            return new Hive(name, file, mapped.order(ByteOrder.LITTLE_ENDIAN), options);
        } catch (IOException e) {
            throw new HiveException(name, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A hive whose bytes were read from {@code file} by the caller (a batch reads each file once, for its
     * hash and its dump), those of {@code bytes} between its position and its limit (part of an array a
     * batch reuses from hive to hive): the same hive as {@link #open(Path, HiveOptions)} of an unchanged file.
     */
    public static Hive fromBytes(Path file, ByteBuffer bytes, HiveOptions options) {
        return new Hive(file.toString(), file, bytes.slice().order(ByteOrder.LITTLE_ENDIAN), options);
    }

    /** Reads a hive from bytes already in memory (tests, replayed images). */
    public static Hive fromBytes(String name, byte[] bytes, HiveOptions options) {
        return new Hive(name, null, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), options);
    }

    public static Hive fromBytes(String name, byte[] bytes) {
        return fromBytes(name, bytes, HiveOptions.DEFAULTS);
    }

    /** The name the hive was opened under (its path as given). */
    public String name() {
        return name;
    }

    /** The file, or null for an in-memory hive. */
    public Path path() {
        return path;
    }

    /**
     * The cells of the hive's bins, allocated and free: a bound on what a reading that lists each cell once can
     * meet (keys, values, lists), as {@code WalkBudget} uses it.
     */
    public int cellCount() {
        return index().cellCount();
    }

    public long fileSize() {
        return fileSize;
    }

    public HiveHeader header() {
        return header;
    }

    public HiveOptions options() {
        return options;
    }

    /** Minor format version (3 for NT 4.0 / 2000, 5 for XP and later). */
    public int minorVersion() {
        return (int) header.minorVersion();
    }

    /**
     * How transaction logs were considered when this hive was opened through
     * {@link HiveOpener#open} with logs; empty when it was opened directly.
     */
    public java.util.Optional<ReplayLedger> replay() {
        return java.util.Optional.ofNullable(replay);
    }

    void attachReplay(ReplayLedger ledger) {
        this.replay = ledger;
    }

    /** All damage found so far (grows as more of the tree is read), in the order found. */
    public List<Damage> damage() {
        synchronized (damage) {
            return List.copyOf(damage);
        }
    }

    @Override
    public void close() {
        // A mapped buffer is released by the garbage collector; nothing else is held open.
    }

    // ---------------------------------------------------------------- header

    private HiveHeader readHeader() {
        if (fileSize < 512) {
            throw new HiveException(name, -1, "file is too small to be a registry hive (" + fileSize + " bytes)");
        }
        if (buf.getInt(0) != 0x66676572) { // "regf"
            byte[] sig = new byte[4];
            buf.get(0, sig);
            throw new HiveException(name, 0, "not a registry hive: signature is " + printable(sig) + ", expected \"regf\"");
        }
        if (fileSize < BASE_BLOCK_SIZE) {
            throw new HiveException(name, -1, "file is too small to be a registry hive (" + fileSize
                    + " bytes, a base block is 4096)");
        }
        Regf.BaseBlock bb;
        Regf.BaseBlockTail tail;
        try {
            ByteBufferKaitaiStream io = stream(0, BASE_BLOCK_SIZE);
            bb = new Regf.BaseBlock(io);
            tail = new Regf.BaseBlockTail(io);
        } catch (RuntimeException e) {
            throw new HiveException(name, 0, "unreadable base block: " + e.getMessage(), e);
        }
        Regf.HbinHeader firstBin = firstBin(buf);
        HiveHeader h = HiveHeader.of(bb, HiveHeader.checksum(buf, 0), tail, firstBin == null ? -1 : firstBin.timestamp());
        if (h.fileType() != 0) {
            String what = (h.fileType() == 1 || h.fileType() == 2 || h.fileType() == 6)
                    ? "a transaction log" : "not a primary hive";
            throw new HiveException(name, 28, "base block file type is " + h.fileType() + " (" + what
                    + "), expected 0 (primary hive)");
        }
        if (h.checksumValid()) {
            if (h.majorVersion() != 1 || h.minorVersion() < 1 || h.minorVersion() > 6) {
                throw new HiveException(name, 20, "unsupported hive format version " + h.version()
                        + " (supported: 1.1 to 1.6)");
            }
        } else if (h.majorVersion() != 1 || h.minorVersion() < 1 || h.minorVersion() > 6 || h.fileFormat() != 1
                || (h.minorVersion() == 1 && !looksLikeFormat11())) {
            throw new HiveException(name, 508, String.format("base block is unusable: checksum mismatch (stored "
                    + "0x%08X, computed 0x%08X) and its version %s / file format %d do not match the hive bins; "
                    + "its transaction logs may restore it", h.storedChecksum(), h.computedChecksum(), h.version(),
                    h.fileFormat()));
        } else {
            addDamage(0, "", String.format("base block checksum mismatch (stored 0x%08X, computed 0x%08X): "
                    + "header fields are only hints", h.storedChecksum(), h.computedChecksum()));
        }
        return h;
    }

    /** The header of the first hive bin of a hive's bytes, or null when there is none (no "hbin" at file offset 4096). */
    static Regf.HbinHeader firstBin(ByteBuffer file) {
        if (file.limit() < BASE_BLOCK_SIZE + 32) {
            return null;
        }
        Regf.HbinHeader bin = new Regf.HbinHeader(BoundedStream.of(file, BASE_BLOCK_SIZE, 32));
        return Arrays.equals(bin.signature(), HBIN) ? bin : null;
    }

    /** The signature of a hive bin, as regf.ksy's {@code hbin_header} documents it. */
    static final byte[] HBIN = {'h', 'b', 'i', 'n'};

    static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            int c = x & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.append('"').toString();
    }

    // ---------------------------------------------------------------- bins and cells

    /** The cell-start index, built by one walk over the bins the first time it is needed. */
    CellIndex index() {
        CellIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = CellIndex.build(this);
                    index = i;
                }
            }
        }
        return i;
    }

    /** Bytes of hive bins data the reader walks: the header's size, or what the file holds. */
    long binsLimit() {
        long available = Math.max(0, fileSize - BASE_BLOCK_SIZE);
        if (!header.checksumValid()) {
            // The header is untrusted: read every bin the file holds (cut at the first bad bin).
            return available / 4096 * 4096;
        }
        long declared = header.hiveBinsDataSize();
        if (declared > available) {
            addDamage(40, "", "hive bins data size " + declared + " exceeds the " + available
                    + (available == 1 ? " byte" : " bytes") + " after the base block: the file is truncated");
            return available;
        }
        return declared;
    }

    /** Why the root may be unreadable when the file holds less than its header declares, or "". */
    private String cutShort() {
        long available = Math.max(0, fileSize - BASE_BLOCK_SIZE);
        long declared = header.hiveBinsDataSize();
        return declared > available ? " (the file is " + fileSize + " bytes and its header declares " + declared
                + " bytes of hive bins after the " + BASE_BLOCK_SIZE + "-byte base block: the file is cut short)" : "";
    }

    Map<Long, java.util.Optional<SecurityDescriptor>> securityCache() {
        return securityCache;
    }

    ByteBuffer buffer() {
        return buf;
    }

    /** A Kaitai stream over {@code len} bytes at file offset {@code pos}, sharing the mapped bytes. */
    ByteBufferKaitaiStream stream(long pos, long len) {
        return BoundedStream.of(buf, pos, len);
    }

    /**
     * Resolves a reference to an allocated cell, or records why it is not one and returns
     * null. {@code what} names the reference for the damage text.
     */
    Cell cell(long cellOffset, String keyPath, String what) {
        Cell c = allocatedCell(cellOffset);
        return c != null ? c : badCell(cellOffset, keyPath, what);
    }

    /** The allocated cell at {@code cellOffset}, or null (nothing recorded): for hot paths that name the reference only when it is bad. */
    Cell allocatedCell(long cellOffset) {
        if ((cellOffset & 0x80000000L) != 0 || !index().isCellStart(cellOffset)) {
            return null;
        }
        long fileOff = BASE_BLOCK_SIZE + cellOffset;
        int size = buf.getInt((int) fileOff);
        return size >= 0 ? null : new Cell(cellOffset, fileOff + cellHeaderSize(), -(long) size - cellHeaderSize());
    }

    /** Records why {@code cellOffset}, which {@link #allocatedCell} refused, is not an allocated cell; returns null. */
    Cell badCell(long cellOffset, String keyPath, String what) {
        long fileOff = BASE_BLOCK_SIZE + cellOffset;
        if (cellOffset == NIL) {
            addDamage(-1, keyPath, what + " is missing (cell offset 0xFFFFFFFF)");
        } else if ((cellOffset & 0x80000000L) != 0) {
            addDamage(-1, keyPath, what + " at " + cellRef(cellOffset) + " has the volatile bit set");
        } else if (!index().isCellStart(cellOffset)) {
            addDamage(fileOff, keyPath, what + " at " + cellRef(cellOffset) + " is not the start of a cell");
        } else {
            addDamage(fileOff, keyPath, what + " at " + cellRef(cellOffset) + " is a free cell");
        }
        return null;
    }

    /**
     * How messages name a cell offset (a reference as the hive stores it, relative to the hive bins
     * data): {@code cell offset 0x20 (file offset 0x1020)}, saying when the file offset lies past the
     * end of the file or of the hive bins data; a volatile reference (high bit set) names no place
     * in the file, and 0xFFFFFFFF no cell at all.
     */
    String cellRef(long cellOffset) {
        String cell = String.format("cell offset 0x%X", cellOffset);
        if (cellOffset == NIL) {
            return cell + " (none)";
        }
        if ((cellOffset & 0x80000000L) != 0) {
            return cell + " (volatile storage, not in the file)";
        }
        String place = fileOffsetText(BASE_BLOCK_SIZE + cellOffset);
        CellIndex i = index;
        if (BASE_BLOCK_SIZE + cellOffset < fileSize && i != null && cellOffset >= i.limit()) {
            place += String.format(", past the end of the hive bins data at file offset 0x%X",
                    BASE_BLOCK_SIZE + i.limit());
        }
        return cell + " (" + place + ")";
    }

    /** {@code file offset 0x1020}, with {@code , past the end of the 8192-byte file} when it is. */
    String fileOffsetText(long fileOffset) {
        return String.format("file offset 0x%X", fileOffset) + (fileOffset >= fileSize
                ? ", past the end of the " + fileSize + "-byte file" : "");
    }

    /** Bytes before a cell's data: the size field, plus the "last" field in format 1.1. */
    int cellHeaderSize() {
        return header.minorVersion() == 1 ? 8 : 4;
    }

    /** Whether names may be stored compressed (Latin-1): format 1.2 and later. */
    boolean compressedNames() {
        return header.minorVersion() >= 2;
    }

    /**
     * A claimed format 1.1 (8-byte cell headers) is believable only if the first cell of the
     * first bin has a 1.1 "last" field (0xFFFFFFFF for the first cell of a bin).
     */
    private boolean looksLikeFormat11() {
        return fileSize >= BASE_BLOCK_SIZE + 40 && buf.getInt(BASE_BLOCK_SIZE + 36) == -1;
    }

    /** An allocated cell: its offset, the file offset of its data, and the data length. */
    record Cell(long offset, long dataPos, long dataLen) {
        long fileOffset() {
            return dataPos - 4;
        }
    }

    /** Parses a record on a stream bounded by the cell; a parse failure is damage. */
    <T> T parse(Cell c, String keyPath, String what, Function<ByteBufferKaitaiStream, T> parser) {
        try {
            return parser.apply(stream(c.dataPos(), c.dataLen()));
        } catch (RuntimeException e) {
            addDamage(c.fileOffset(), keyPath, what + " is unreadable: " + describe(e));
            return null;
        }
    }

    static String describe(RuntimeException e) {
        if (e instanceof io.kaitai.struct.KaitaiStream.ValidationNotEqualError) {
            return "wrong signature";
        }
        if (e instanceof java.nio.BufferUnderflowException || e instanceof IndexOutOfBoundsException
                || e instanceof IllegalArgumentException) {
            return "runs past the end of its cell";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /**
     * Records damage at a file offset (-1: not tied to a place in the file). Offsets in {@code reason}
     * are file offsets, or cell offsets labelled as such ({@link #cellRef}); a damage offset past the
     * end of the file is said to be so, whatever the reason says.
     */
    void addDamage(long fileOffset, String keyPath, String reason) {
        if (damage.size() < options.maxDamage()) {
            String r = fileOffset >= fileSize && !reason.contains("past the end of the " + fileSize + "-byte file")
                    ? reason + " (" + fileOffsetText(fileOffset) + ")" : reason;
            damage.add(new Damage(name, fileOffset, keyPath, r));
        }
    }

    byte[] bytes(long filePos, int len) {
        byte[] out = new byte[len];
        buf.get((int) filePos, out);
        return out;
    }

    // ---------------------------------------------------------------- keys

    /** The root key. Throws when the base block's root offset does not name a usable key node. */
    public Key root() {
        Key r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = readRoot();
                    root = r;
                }
            }
        }
        return r;
    }

    private Key readRoot() {
        long off = header.rootCellOffset();
        long fileOff = BASE_BLOCK_SIZE + off;
        CellIndex idx = index();
        if (off == NIL) {
            throw new HiveException(name, 36, "root cell offset is 0xFFFFFFFF (none)");
        }
        if ((off & 0x80000000L) != 0) {
            throw new HiveException(name, 36, "root " + cellRef(off) + " has the volatile bit set");
        }
        if (!idx.isCellStart(off)) {
            throw new HiveException(name, 36, "root " + cellRef(off) + " is not the start of a cell" + cutShort());
        }
        if (buf.getInt((int) fileOff) >= 0) {
            throw new HiveException(name, fileOff, "root cell at " + cellRef(off) + " is a free cell");
        }
        Cell c = new Cell(off, fileOff + cellHeaderSize(), -(long) buf.getInt((int) fileOff) - cellHeaderSize());
        Regf.KeyNode nk;
        try {
            nk = new Regf.KeyNode(stream(c.dataPos(), c.dataLen()));
        } catch (RuntimeException e) {
            throw new HiveException(name, fileOff, "root key node is unreadable: " + describe(e), e);
        }
        if (!nk.flags().hiveEntry()) {
            addDamage(fileOff, "\\", "root key node lacks the KEY_HIVE_ENTRY flag");
        }
        return new Key(this, null, c, nk, null);
    }

    /**
     * The key at a path such as {@code ControlSet001\Services\Tcpip}, or null if absent. The path is
     * read as users type it ({@link KeyPath}): a leading backslash, the root key's own name, a root
     * alias with the hive's mount point ({@code HKLM\SYSTEM\...}, {@code HKCU\...}, regedit's
     * {@code Computer\...}), {@code /} as a separator where no key name holds it ({@code text/html}
     * stays reachable), and {@code CurrentControlSet} through {@code Select\Current}. Names are
     * case-insensitive, Windows rules; an exact-case name wins over siblings differing only in case.
     * {@link KeyPath#resolve} also says why a key was not found and what was resolved.
     */
    public Key key(String keyPath) {
        return KeyPath.resolve(this, keyPath).key();
    }

    /**
     * Every key of the subtree at {@code start} in pre-order, children in subkey-list order.
     * Iterative, with depth and cycle guards; a key that appears in several lists is listed
     * wherever it appears (literal reading), bounded by the number of cells in the hive.
     */
    public Iterable<Key> walk(Key start) {
        return () -> new Walker(start, WalkBudget.of(this));
    }

    /** A walk that shares {@code budget} with the caller's other walks of this hive (one diff, say). */
    Iterable<Key> walk(Key start, WalkBudget budget) {
        return () -> new Walker(start, budget);
    }

    public Iterable<Key> walk() {
        return walk(root());
    }

    private final class Walker implements Iterator<Key> {
        private final ArrayList<Iterator<Key>> stack = new ArrayList<>();
        private Key next;
        private final WalkBudget budget;

        Walker(Key start, WalkBudget budget) {
            next = start;
            this.budget = budget;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            while (!stack.isEmpty()) {
                Iterator<Key> top = stack.get(stack.size() - 1);
                if (top.hasNext()) {
                    next = top.next();
                    return true;
                }
                stack.remove(stack.size() - 1);
            }
            return false;
        }

        @Override
        public Key next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Key k = next;
            next = null;
            if (!budget.key(k)) {
                stack.clear();
                return k;
            }
            if (k.depth() >= options.maxDepth()) {
                if (k.subkeyCount() > 0) {
                    addDamage(k.fileOffset(), k.path(), "subkeys not read: depth limit " + options.maxDepth());
                }
            } else {
                List<Key> children = k.subkeysForWalk(budget);
                if (!children.isEmpty()) {
                    stack.add(children.iterator());
                }
            }
            return k;
        }
    }
}
