package org.patchlens.artifacts.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;

/**
 * An entry's {@code KeyPath}, found in a hive the way RECmd finds it: names compared without regard to case,
 * {@code \} or {@code /} at either end ignored, the root key's own name allowed in front ({@code ROOT\Select}),
 * and {@code *} standing for any run of characters within one key name ({@code ControlSet00*},
 * {@code Policy\Accounts\*}), never across a {@code \}; {@code *} alone is the root key. Each level keeps a
 * key once (by its cell), so the search costs at most the hive's keys per level, whatever a crafted hive lists.
 * A name is matched against a segment with {@code *} by finding its literal parts in order ({@link Glob}), never
 * by a backtracking regex: {@code *a*a*a*a*a*a*a*a*a*a*a*a*a*a*b} against a key named {@code aaa...a} costs the
 * name's length times the segment's, not a power of it.
 */
public final class KeyPattern {
    private final String text;
    private final List<String> segments;
    private final List<Glob> globs;

    private KeyPattern(String text) {
        this.text = text;
        String trimmed = strip(text);
        this.segments = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\\\", -1));
        List<Glob> g = new ArrayList<>();
        for (String s : segments) {
            g.add(s.indexOf('*') < 0 ? null : new Glob(s));
        }
        this.globs = g;
    }

    public static KeyPattern of(String keyPath) {
        return new KeyPattern(keyPath);
    }

    /** Whether the path has a wildcard (RECmd treats those a little differently, see {@link BatchRunner}). */
    public boolean hasWildcard() {
        return text.indexOf('*') >= 0;
    }

    /** The keys the path names in {@code hive}, in hive order, each once. */
    public List<Key> find(Hive hive) {
        return find(hive, n -> { });
    }

    /**
     * As {@link #find(Hive)}, telling {@code read} how many subkeys each step reads (every subkey of each key on
     * the way: the search's cost), before it compares them.
     */
    public List<Key> find(Hive hive, LongConsumer read) {
        Key root = hive.root();
        if (text.strip().equals("*")) {
            return List.of(root);
        }
        Map<Long, Key> out = new LinkedHashMap<>();
        if (segments.isEmpty()) {
            out.put(root.fileOffset(), root);
            return List.copyOf(out.values());
        }
        for (Key k : from(List.of(root), 0, read)) {
            out.putIfAbsent(k.fileOffset(), k);
        }
        if (matches(0, root.name())) { // the root key's own name given in front, as RECmd allows
            for (Key k : from(List.of(root), 1, read)) {
                out.putIfAbsent(k.fileOffset(), k);
            }
        }
        return List.copyOf(out.values());
    }

    private List<Key> from(List<Key> start, int first, LongConsumer read) {
        List<Key> level = start;
        for (int i = first; i < segments.size() && !level.isEmpty(); i++) {
            Map<Long, Key> next = new LinkedHashMap<>();
            for (Key k : level) {
                read.accept(k.subkeys().size()); // kept on the key: subkeysNamed reads the same list
                List<Key> children = globs.get(i) == null ? k.subkeysNamed(segments.get(i)) : k.subkeys();
                for (Key c : children) {
                    if (globs.get(i) == null || globs.get(i).matches(c.name())) {
                        next.putIfAbsent(c.fileOffset(), c);
                    }
                }
            }
            level = List.copyOf(next.values());
        }
        return level;
    }

    private boolean matches(int segment, String name) {
        if (segment >= segments.size()) {
            return false;
        }
        return globs.get(segment) == null ? segments.get(segment).equalsIgnoreCase(name)
                : globs.get(segment).matches(name);
    }

    private static String strip(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && (path.charAt(from) == '\\' || path.charAt(from) == '/')) {
            from++;
        }
        while (to > from && (path.charAt(to - 1) == '\\' || path.charAt(to - 1) == '/')) {
            to--;
        }
        return path.substring(from, to);
    }

    /**
     * A segment with {@code *}: any run of characters (none too) within the name, the rest literal, in any case.
     * The literal parts are found in order, each at its first place after the one before (the first at the
     * start, the last at the end), which is the whole answer for a pattern whose only wildcard is {@code *}.
     */
    static final class Glob {
        private final String[] parts;

        Glob(String segment) {
            this.parts = fold(segment).split("\\*", -1);
        }

        boolean matches(String name) {
            String s = fold(name);
            String first = parts[0];
            String last = parts[parts.length - 1];
            if (s.length() < first.length() + last.length() || !s.startsWith(first) || !s.endsWith(last)) {
                return false;
            }
            String middle = s.substring(first.length(), s.length() - last.length());
            int at = 0;
            for (int i = 1; i < parts.length - 1; i++) {
                int found = middle.indexOf(parts[i], at);
                if (found < 0) {
                    return false;
                }
                at = found + parts[i].length();
            }
            return true;
        }

        /** Each character in one case, as a case-insensitive comparison sees it (String.equalsIgnoreCase). */
        private static String fold(String s) {
            char[] c = s.toCharArray();
            for (int i = 0; i < c.length; i++) {
                c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
            }
            return new String(c);
        }
    }
}
