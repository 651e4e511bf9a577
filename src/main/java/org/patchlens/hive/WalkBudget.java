package org.patchlens.hive;

/**
 * What one walk of a hive may read: keys, listed values and value data, each bounded by what
 * the file can hold when no cell is listed twice. Windows never shares a cell between lists, so
 * a real hive never reaches these bounds; a crafted one whose keys all name one large value list
 * (or one large data cell) would otherwise make a dump write without end. Reaching a bound is
 * damage, reported once, and the walk goes on without reading more of that kind.
 */
final class WalkBudget {
    private final Hive hive;
    private long keys;
    private long values;
    private long dataBytes;
    private boolean valuesReported;
    private boolean dataReported;

    private WalkBudget(Hive hive, long keys, long values, long dataBytes) {
        this.hive = hive;
        this.keys = keys;
        this.values = values;
        this.dataBytes = dataBytes;
    }

    /**
     * Keys and values: one per cell of the hive at most. Data: each cell's data is read once, plus
     * at most 4 inline bytes per value; twice the file size leaves room for both, and 16 MiB for
     * a hive too small to matter.
     */
    static WalkBudget of(Hive hive) {
        long cells = Math.max(16, hive.index().cellCount());
        return new WalkBudget(hive, cells, cells, 2 * hive.fileSize() + (16L << 20));
    }

    /** One more key, {@code k}: false once the hive's cells are used up (the walk stops; reported once). */
    synchronized boolean key(Key k) {
        if (--keys >= 0) {
            return true;
        }
        if (keys == -1) {
            hive.addDamage(k.fileOffset(), k.path(), "walk stopped: more keys listed than the hive has cells");
        }
        keys = -2;
        return false;
    }

    /** How many of {@code wanted} listed values of {@code key} may be read. */
    synchronized int values(int wanted, Key key) {
        int allowed = (int) Math.max(0, Math.min(wanted, values));
        values -= allowed;
        if (allowed < wanted && !valuesReported) {
            valuesReported = true;
            hive.addDamage(key.fileOffset(), key.path(), "values not read from here on: the walk has listed as "
                    + "many values as the hive has cells (value lists are shared between keys)");
        }
        return allowed;
    }

    /** Whether {@code n} more bytes of data may be read for {@code value} (reported once when not). */
    synchronized boolean data(long n, Value value) {
        if (n <= dataBytes) {
            dataBytes -= n;
            return true;
        }
        if (!dataReported) {
            dataReported = true;
            Key key = value.key();
            hive.addDamage(key.fileOffset(), key.path(), value.where() + ": value data not read from here on: the "
                    + "walk has read twice as many data bytes as the file holds (data cells are shared between values)");
        }
        return false;
    }
}
