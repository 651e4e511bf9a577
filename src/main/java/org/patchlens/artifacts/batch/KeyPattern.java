package org.patchlens.artifacts.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;

/**
 * An entry's {@code KeyPath}, found in a hive the way RECmd finds it: names compared without regard to case,
 * {@code \} or {@code /} at either end ignored, the root key's own name allowed in front ({@code ROOT\Select}),
 * and {@code *} standing for any run of characters within one key name ({@code ControlSet00*},
 * {@code Policy\Accounts\*}), never across a {@code \}; {@code *} alone is the root key. Each level keeps a
 * key once (by its cell), so the search costs at most the hive's keys per level, whatever a crafted hive lists.
 */
public final class KeyPattern {
    private final String text;
    private final List<String> segments;
    private final List<Pattern> globs;

    private KeyPattern(String text) {
        this.text = text;
        String trimmed = strip(text);
        this.segments = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\\\", -1));
        List<Pattern> g = new ArrayList<>();
        for (String s : segments) {
            g.add(s.indexOf('*') < 0 ? null : glob(s));
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
        Key root = hive.root();
        if (text.strip().equals("*")) {
            return List.of(root);
        }
        Map<Long, Key> out = new LinkedHashMap<>();
        if (segments.isEmpty()) {
            out.put(root.fileOffset(), root);
            return List.copyOf(out.values());
        }
        for (Key k : from(List.of(root), 0)) {
            out.putIfAbsent(k.fileOffset(), k);
        }
        if (matches(0, root.name())) { // the root key's own name given in front, as RECmd allows
            for (Key k : from(List.of(root), 1)) {
                out.putIfAbsent(k.fileOffset(), k);
            }
        }
        return List.copyOf(out.values());
    }

    private List<Key> from(List<Key> start, int first) {
        List<Key> level = start;
        for (int i = first; i < segments.size() && !level.isEmpty(); i++) {
            Map<Long, Key> next = new LinkedHashMap<>();
            for (Key k : level) {
                List<Key> children = globs.get(i) == null ? k.subkeysNamed(segments.get(i)) : k.subkeys();
                for (Key c : children) {
                    if (globs.get(i) == null || globs.get(i).matcher(c.name()).matches()) {
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
                : globs.get(segment).matcher(name).matches();
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

    /** {@code *} is any run of characters (none too) within the name; the rest literal; any case. */
    static Pattern glob(String segment) {
        StringBuilder re = new StringBuilder();
        int from = 0;
        for (int i = segment.indexOf('*'); i >= 0; i = segment.indexOf('*', from)) {
            if (i > from) {
                re.append(Pattern.quote(segment.substring(from, i)));
            }
            re.append(".*");
            from = i + 1;
        }
        if (from < segment.length()) {
            re.append(Pattern.quote(segment.substring(from)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
