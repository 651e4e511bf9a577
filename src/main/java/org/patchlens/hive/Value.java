package org.patchlens.hive;

import java.util.List;
import org.patchlens.format.Regf;

/**
 * A value: name, raw 32-bit type, and data located the way Windows locates it (inline,
 * one cell, or big data for format 1.4 and later). Data is read on first use.
 */
public final class Value {
    public static final int VALUE_COMP_NAME = 0x0001;
    public static final int VALUE_TOMBSTONE = 0x0002;

    private final Key key;
    private final Hive.Cell cell;
    private final Regf.KeyValue vk;
    private final String name;
    private final String storedName;
    private byte[] data;
    private long dataCellOffset = -1;
    /** What the last read of the data found odd about where the bytes come from (null: nothing). */
    private volatile String dataNote;

    Value(Key key, Hive.Cell cell, Regf.KeyValue vk) {
        this.key = key;
        this.cell = cell;
        this.vk = vk;
        byte[] raw = vk.name();
        boolean compressed = vk.flags().compName() && key.hive().compressedNames();
        this.storedName = compressed ? Text.latin1(raw, 0, raw.length) : Text.utf16leUnits(raw);
        this.name = compressed ? storedName : Text.shown(storedName, raw);
        if (!compressed && (raw.length & 1) != 0) {
            key.hive().addDamage(cell.fileOffset(), key.path(), where() + ": value name is UTF-16 but " + raw.length
                    + " bytes long (an odd length); its last byte is shown as U+FFFD");
        }
    }

    /** The name's code units as stored (unpaired surrogates kept), for comparisons. */
    String storedName() {
        return storedName;
    }

    /** Case-insensitive match against the stored name or the displayed one (U+FFFD for bad code units). */
    boolean hasName(String other) {
        return WindowsUpcase.equalsIgnoreCase(storedName, other) || WindowsUpcase.equalsIgnoreCase(name, other);
    }

    /** Whether the name is exactly {@code other}, code unit for code unit (stored or displayed form). */
    boolean hasExactName(String other) {
        return storedName.equals(other) || name.equals(other);
    }

    /** The key holding this value. */
    public Key key() {
        return key;
    }

    /** The value name; "" for the default value. */
    public String name() {
        return name;
    }

    public byte[] rawName() {
        return vk.name().clone();
    }

    /** The raw 32-bit type field, kept as is (unknown codes included). */
    public long typeCode() {
        return vk.dataType();
    }

    public ValueType type() {
        return ValueType.of(vk.dataType());
    }

    /** Flags (VALUE_COMP_NAME, VALUE_TOMBSTONE). */
    public int flags() {
        return vk.flags().raw();
    }

    /** The data size the record declares (without the inline bit). */
    public long declaredSize() {
        return vk.dataSize();
    }

    /** The data size field as stored, inline bit included. */
    public long rawSizeField() {
        return vk.dataSizeRaw();
    }

    public boolean isInline() {
        return vk.isInline();
    }

    /** The data offset field as stored (inline data, a data cell or a big-data record). */
    public long rawDataOffset() {
        return vk.dataOffset();
    }

    /** The {@code key_value} record as parsed (for readers of the same hive, such as {@link DeletedRecords}). */
    Regf.KeyValue record() {
        return vk;
    }

    /** Cell offset of the {@code vk} cell. */
    public long cellOffset() {
        return cell.offset();
    }

    public long fileOffset() {
        return cell.fileOffset();
    }

    /** Cell offset of the data cell (or big-data record), -1 for inline or empty data. */
    public long dataCellOffset() {
        data();
        return dataCellOffset;
    }

    /** Data up to this size is kept on the value; larger data is read again on each call. */
    static final int CACHED_DATA = 256;

    /**
     * The data bytes as Windows would return them; damaged data is returned as far as it is readable.
     * One exception: a big-data record where Windows reads one cell (a format 1.3 hive, or data of at
     * most 16,344 bytes) whose cell cannot hold the data, as chntpw's reged writes them, is read from
     * its segments as hivex and reglookup read it, and {@link #decoded()} says so in its anomalies.
     * Only small data is kept on the value, so a key whose value list names the same large value
     * thousands of times costs memory for one copy at a time, not for all of them.
     */
    public synchronized byte[] data() {
        if (data != null) {
            return data;
        }
        byte[] d = readData();
        if (d.length <= CACHED_DATA) {
            data = d;
        }
        return d;
    }

    /** The number of data bytes {@link #data()} returns. */
    public int size() {
        return data().length;
    }

    /**
     * The decoded form of the data. Its anomalies start with what was odd about where the bytes come
     * from, when anything was: a big-data record Windows would not read ({@link #data()}).
     */
    public DecodedValue decoded() {
        return decoded(data());
    }

    /** The decoded form of {@code data}, as returned by {@link #data()} (saves reading large data twice). */
    public DecodedValue decoded(byte[] data) {
        return DecodedValue.decode(typeCode(), data).withNote(dataNote);
    }

    /** How damage names this value (built only when there is damage to report). */
    String where() {
        return key.path() + " value \"" + name + "\"";
    }

    private byte[] readData() {
        Hive hive = key.hive();
        long len = vk.dataSize();
        if (len == 0) {
            return new byte[0];
        }
        if (vk.isInline()) {
            if (len > 4) {
                hive.addDamage(cell.fileOffset(), key.path(), where() + ": inline data size " + len
                        + " exceeds 4 bytes; 4 returned");
                len = 4;
            }
            long v = vk.dataOffset();
            byte[] out = new byte[(int) len];
            for (int i = 0; i < len; i++) {
                out[i] = (byte) (v >>> (8 * i));
            }
            return out;
        }
        if (len > hive.options().maxValueData()) {
            hive.addDamage(cell.fileOffset(), key.path(), where() + ": data size " + len + " exceeds the limit of "
                    + hive.options().maxValueData() + " bytes; not read");
            return new byte[0];
        }
        WalkBudget budget = key.budget();
        if (budget != null && !budget.data(len, this)) {
            return new byte[0];
        }
        Hive.Cell dc = hive.allocatedCell(vk.dataOffset());
        if (dc == null) {
            hive.badCell(vk.dataOffset(), key.path(), where() + " data");
            return new byte[0];
        }
        dataCellOffset = dc.offset();
        dataNote = null;
        if (hive.minorVersion() >= 4 && len > Hive.BIG_DATA_SEGMENT) {
            byte[] big = bigData(hive, dc, (int) len, where(), true);
            if (big != null) {
                return big;
            }
        } else if (len > dc.dataLen()) {
            // One cell cannot hold the data: a big-data record Windows would not read (chntpw's reged
            // writes them over 16,336 bytes in any format), read as hivex and reglookup read it.
            byte[] big = bigData(hive, dc, (int) len, where(), false);
            if (big != null) {
                dataNote = "big-data record that Windows would not read (" + (hive.minorVersion() < 4
                        ? "a format 1." + hive.minorVersion() + " hive: Windows reads big data only in format 1.4 "
                        + "and later" : len + " bytes: Windows reads big data only over 16,344 bytes")
                        + "); the data is read from its segments as hivex and reglookup read them";
                return big;
            }
        }
        long n = len;
        if (len > dc.dataLen()) {
            hive.addDamage(dc.fileOffset(), key.path(), where() + ": data size " + len + " exceeds its cell ("
                    + dc.dataLen() + " bytes); truncated");
            n = dc.dataLen();
        }
        return hive.bytes(dc.dataPos(), (int) n);
    }

    /**
     * Big data (5.6). As Windows reads it ({@code windows}): each segment gives min(16344, remaining)
     * bytes, and the value's size is authoritative. A record Windows would not read: each segment gives
     * its cell size minus 8 bytes (what chntpw's reged writes, and hivex and reglookup read), up to the
     * size; null (nothing recorded) when the cell holds no big-data record. Null too, with damage,
     * when Windows would read one and the cell holds none.
     */
    private byte[] bigData(Hive hive, Hive.Cell dc, int len, String where, boolean windows) {
        Regf.BigData db;
        try {
            db = new Regf.BigData(hive.stream(dc.dataPos(), dc.dataLen()));
        } catch (RuntimeException e) {
            if (windows) {
                hive.addDamage(dc.fileOffset(), key.path(), where + ": data over 16344 bytes in a format 1."
                        + hive.minorVersion() + " hive is not a big-data record; read as one cell");
            }
            return null;
        }
        int needed = (len + Hive.BIG_DATA_SEGMENT - 1) / Hive.BIG_DATA_SEGMENT;
        int segments = db.numSegments();
        if (windows && segments != needed) {
            hive.addDamage(dc.fileOffset(), key.path(), where + ": big-data record has " + segments
                    + " segments, the size needs " + needed);
        }
        int use = windows ? Math.min(segments, needed) : segments;
        Hive.Cell lc = hive.cell(db.segmentListOffset(), key.path(), where + " segment list");
        if (lc == null) {
            return new byte[0];
        }
        if (4L * use > lc.dataLen()) {
            hive.addDamage(lc.fileOffset(), key.path(), where + ": segment list cell too small for " + use
                    + " segments");
            use = (int) (lc.dataLen() / 4);
        }
        final int count = use;
        Regf.OffsetList list = hive.parse(lc, key.path(), where + " segment list", io -> new Regf.OffsetList(io, count));
        if (list == null) {
            return new byte[0];
        }
        // Resolve the segments before allocating, so the buffer is what the file holds, not what the size claims.
        List<Long> offs = list.offsets();
        List<Hive.Cell> cells = new java.util.ArrayList<>(offs.size());
        List<Integer> takes = new java.util.ArrayList<>(offs.size());
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long total = 0;
        for (int i = 0; i < offs.size() && total < len; i++) {
            if (!seen.add(offs.get(i))) {
                hive.addDamage(lc.fileOffset(), key.path(), where + ": data segment " + i + " repeats the segment at "
                        + hive.cellRef(offs.get(i)) + "; the data ends before it");
                break;
            }
            Hive.Cell sc = hive.cell(offs.get(i), key.path(), where + " data segment " + i);
            if (sc == null) {
                break;
            }
            int want = (int) Math.min(windows ? Hive.BIG_DATA_SEGMENT : Math.max(0, sc.dataLen() - 4), len - total);
            int take = (int) Math.min(want, sc.dataLen());
            if (take < want) {
                hive.addDamage(sc.fileOffset(), key.path(), where + ": data segment " + i + " is shorter than "
                        + want + " bytes");
            }
            cells.add(sc);
            takes.add(take);
            total += take;
            if (take < want) {
                break;
            }
        }
        if (!windows && total < len && cells.size() == offs.size()) {
            hive.addDamage(dc.fileOffset(), key.path(), where + ": the big-data record's " + offs.size()
                    + " segments hold " + total + " of its " + len + " bytes; truncated");
        }
        byte[] out = new byte[(int) total];
        int got = 0;
        for (int i = 0; i < cells.size(); i++) {
            hive.buffer().get((int) cells.get(i).dataPos(), out, got, takes.get(i));
            got += takes.get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return key.path() + " : " + (name.isEmpty() ? "(default)" : name);
    }
}
