package org.patchlens.hive;

/**
 * Counts from one full read of a hive: every key, value, class name and data, so that all
 * damage reachable from the root is found.
 *
 * @param keys            keys reached from the root
 * @param values          values of those keys
 * @param valueDataBytes  bytes of value data returned
 * @param bins            valid hive bins walked
 * @param cells           cells in those bins
 * @param allocatedBytes  bytes in allocated cells
 * @param freeBytes       bytes in free cells
 * @param maxDepth        deepest key level reached (root = 0)
 */
public record HiveStats(long keys, long values, long valueDataBytes, int bins, int cells, long allocatedBytes,
                        long freeBytes, int maxDepth) {

    public static HiveStats of(Hive hive) {
        long keys = 0;
        long values = 0;
        long bytes = 0;
        int depth = 0;
        for (Key k : hive.walk()) {
            keys++;
            depth = Math.max(depth, k.depth());
            k.className();
            k.security();
            for (Value v : k.values()) {
                values++;
                bytes += v.data().length;
            }
        }
        CellIndex idx = hive.index();
        return new HiveStats(keys, values, bytes, idx.binCount(), idx.cellCount(), idx.allocatedBytes(),
                idx.freeBytes(), depth);
    }

    /** The counts of a hive whose root key cannot be read ({@link Hive#root} throws): its bins and cells alone. */
    public static HiveStats binsOnly(Hive hive) {
        CellIndex idx = hive.index();
        return new HiveStats(0, 0, 0, idx.binCount(), idx.cellCount(), idx.allocatedBytes(), idx.freeBytes(), 0);
    }
}
