package org.patchlens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The registry values the rules read, per opened hive, so that the workbook's Registry sheet can show
 * every value a rule read (a reviewer can then verify a PASS too), not only those a finding names.
 * {@link RegValue#of}, through which every rule turns a hive value into a {@link RegValue}, records each
 * one here: its key's path and its name (no data, and nothing that holds the hive, so the record dies with
 * the hive it is kept for). Thread-safe; a check opens its own hives, so runs do not mix.
 */
public final class ValueReads {
    /** One value read: its key's path in its hive (from the root, "\\" separated) and its name. */
    public record Read(String keyPath, String valueName) {
    }

    private static final Map<Hive, Set<Read>> READS = Collections.synchronizedMap(new WeakHashMap<>());

    private ValueReads() {
    }

    static void record(Key key, Value v) {
        if (key == null || v == null) {
            return;
        }
        Set<Read> reads = READS.computeIfAbsent(key.hive(), h -> Collections.synchronizedSet(new LinkedHashSet<>()));
        reads.add(new Read(key.path(), v.name()));
    }

    /** The values read from {@code hive} so far, in the order first read. */
    public static List<Read> of(Hive hive) {
        Set<Read> reads = READS.get(hive);
        if (reads == null) {
            return List.of();
        }
        synchronized (reads) {
            return new ArrayList<>(reads);
        }
    }
}
