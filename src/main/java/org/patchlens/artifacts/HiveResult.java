package org.patchlens.artifacts;

import java.util.List;

/**
 * What one hive gave: the file as named on the command line, its SHA-256 (of the file as stored, before any
 * log was replayed in memory), its type, the plugins that ran, and their entries in catalog order.
 */
public record HiveResult(String file, String sha256, HiveType type, List<Catalog> ran, List<Entry> entries) {
    public HiveResult {
        ran = List.copyOf(ran);
        entries = List.copyOf(entries);
    }

    /** The number of entries with at least one note. */
    public long noted() {
        return entries.stream().filter(e -> !e.notes().isEmpty()).count();
    }
}
