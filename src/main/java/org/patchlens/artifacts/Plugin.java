package org.patchlens.artifacts;

import java.util.List;

/**
 * One forensic artifact decoder: a pure function of a hive to entries with their provenance. Registered in
 * {@link Catalog}. A plugin treats every byte as hostile: a value of the wrong type, data too short or too long,
 * a structure that does not add up give the entry as far as it could be read plus a note naming the file
 * offset ({@link Entry.Builder#note}), never an exception; a key or value that is simply not there gives no
 * entry and no note.
 */
public interface Plugin {
    Spec spec();

    /** The entries of this hive, in the order the hive lists its keys and values. */
    List<Entry> run(HiveContext hive);
}
