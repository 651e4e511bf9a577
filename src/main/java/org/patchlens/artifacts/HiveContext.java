package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;

/** The hive a plugin reads, with its type, and the look-ups the plugins share. */
public record HiveContext(Hive hive, HiveType type) {
    private static final Pattern CONTROL_SET = Pattern.compile("(?i)ControlSet\\d{3}");

    /**
     * Every {@code ControlSetNNN} key at the root, in the order the hive lists them (regipy reads only
     * ControlSet001 and ControlSet002; a SYSTEM hive may hold others, ControlSet003 say, and they are evidence
     * too).
     */
    public List<Key> controlSets() {
        List<Key> out = new ArrayList<>();
        for (Key k : hive.root().subkeys()) {
            if (CONTROL_SET.matcher(k.name()).matches()) {
                out.add(k);
            }
        }
        return out;
    }

    /** The key at {@code path} (names separated by backslashes, case-insensitive) below the root, or null. */
    public Key key(String path) {
        return below(hive.root(), path);
    }

    /** The key at {@code path} below {@code from}, or null (also when {@code from} is null). */
    public static Key below(Key from, String path) {
        Key k = from;
        for (String name : path.split("\\\\")) {
            if (k == null) {
                return null;
            }
            if (!name.isEmpty()) {
                k = k.subkey(name);
            }
        }
        return k;
    }
}
