package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * What the two persistence plugins share: a list of autostart places (a key whose every value starts something,
 * or one named value of a key) read into one entry per value, the value's data as the command. Every value of
 * a Run key is listed, an empty one too; a named value (Load, Shell, Userinit ...) only when it holds something.
 */
final class Autostart {
    private Autostart() {
    }

    /** A key below the hive's root, and the one value that matters there (null: every value of the key). */
    record Place(String path, String value) {
        static Place key(String path) {
            return new Place(path, null);
        }

        static Place value(String path, String value) {
            return new Place(path, value);
        }
    }

    static List<Entry> read(Spec spec, HiveContext hive, List<Place> places) {
        List<Entry> out = new ArrayList<>();
        for (Place p : places) {
            Key k = hive.key(p.path());
            if (k == null) {
                continue;
            }
            if (p.value() == null) {
                for (Value v : k.values()) {
                    out.add(Entry.of(spec, k).value(v).string("command", v).build());
                }
            } else {
                for (Value v : k.valuesNamed(p.value())) {
                    // a named value that is there but empty (Windows NT\CurrentVersion\Windows : Load = "") starts nothing
                    if (!Values.shown(v).isEmpty()) {
                        out.add(Entry.of(spec, k).value(v).string("command", v).build());
                    }
                }
            }
        }
        return out;
    }
}
