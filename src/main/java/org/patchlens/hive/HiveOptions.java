package org.patchlens.hive;

/**
 * Limits that keep a hostile hive from costing unbounded time or memory. Every limit that is
 * hit is reported as damage, never as a crash.
 *
 * @param maxDepth      deepest key level read (Windows allows 512)
 * @param maxListed     most subkeys or values read from one list
 * @param maxValueData  largest value data returned, in bytes
 * @param maxDamage     most damage records kept per hive
 */
public record HiveOptions(int maxDepth, int maxListed, int maxValueData, int maxDamage) {
    public static final HiveOptions DEFAULTS = new HiveOptions(512, 1_000_000, 64 << 20, 10_000);

    public HiveOptions withMaxDepth(int depth) {
        return new HiveOptions(depth, maxListed, maxValueData, maxDamage);
    }
}
