package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Hive;

/** Runs the catalog's plugins on a hive. */
public final class Artifacts {
    private Artifacts() {
    }

    /**
     * The plugins of {@code selection} (every plugin when empty) that apply to {@code type}, run on the hive in
     * catalog order. {@code file} and {@code sha256} are carried to the result for the outputs.
     */
    public static HiveResult run(Hive hive, String file, String sha256, HiveType type, List<Catalog> selection) {
        HiveContext context = new HiveContext(hive, type);
        List<Catalog> ran = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Catalog c : Catalog.values()) {
            if (c.spec().hive() == type && (selection.isEmpty() || selection.contains(c))) {
                ran.add(c);
                entries.addAll(c.plugin().run(context));
            }
        }
        return new HiveResult(file, sha256, type, ran, entries);
    }
}
