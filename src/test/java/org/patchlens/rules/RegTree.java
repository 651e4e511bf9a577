package org.patchlens.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

/**
 * A small registry subtree in memory (keys with typed values and last-write times) that test
 * scenarios edit and then write into a {@link HiveBuilder}: the same tree becomes the live
 * SYSTEM keys and the checkpoint (.CPT) hives, so a drift is exactly the edits made to one copy.
 */
final class RegTree {
    record Val(String name, long type, byte[] data) {
    }

    static final class Node {
        final String path;
        long time;
        final Map<String, Val> values = new LinkedHashMap<>();

        Node(String path, long time) {
            this.path = path;
            this.time = time;
        }
    }

    private final Map<String, Node> keys = new LinkedHashMap<>();
    private long defaultTime = HiveBuilder.DEFAULT_TIME;

    private static String norm(String p) {
        String s = p.replace('/', '\\');
        while (s.startsWith("\\")) {
            s = s.substring(1);
        }
        return s;
    }

    Node key(String path) {
        String p = norm(path);
        Node n = keys.get(p.toLowerCase(Locale.ROOT));
        if (n == null) {
            int i = p.lastIndexOf('\\');
            if (i > 0) {
                key(p.substring(0, i));
            }
            n = new Node(p, defaultTime);
            keys.put(p.toLowerCase(Locale.ROOT), n);
        }
        return n;
    }

    boolean has(String path) {
        return keys.containsKey(norm(path).toLowerCase(Locale.ROOT));
    }

    RegTree put(String path, String name, long type, byte[] data) {
        key(path).values.put(name.toLowerCase(Locale.ROOT), new Val(name, type, data));
        return this;
    }

    RegTree sz(String path, String name, String text) {
        return put(path, name, 1, utf16z(text));
    }

    RegTree dword(String path, String name, long v) {
        return put(path, name, 4, new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    RegTree multiSz(String path, String name, String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\0');
        }
        sb.append('\0');
        return put(path, name, 7, utf16(sb.toString()));
    }

    RegTree binary(String path, String name, byte... data) {
        return put(path, name, 3, data);
    }

    RegTree removeValue(String path, String name) {
        key(path).values.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Removes a key and everything below it. */
    RegTree removeKey(String path) {
        String p = norm(path).toLowerCase(Locale.ROOT);
        keys.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "\\"));
        return this;
    }

    RegTree time(String path, Instant t) {
        key(path).time = FileTime.fromInstant(t);
        return this;
    }

    /** Sets the time of every key at or below {@code path}. */
    RegTree timeBelow(String path, Instant t) {
        String p = norm(path).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Node> e : keys.entrySet()) {
            if (e.getKey().equals(p) || e.getKey().startsWith(p + "\\")) {
                e.getValue().time = FileTime.fromInstant(t);
            }
        }
        return this;
    }

    /** A copy of the subtree at {@code prefix}, re-rooted ("" is its root). */
    RegTree subtree(String prefix) {
        String p = norm(prefix).toLowerCase(Locale.ROOT);
        RegTree t = new RegTree();
        t.keys.put("", new Node("", key(prefix).time));
        for (Map.Entry<String, Node> e : keys.entrySet()) {
            String k = e.getKey();
            if (k.equals(p) || k.startsWith(p + "\\")) {
                String rel = k.equals(p) ? "" : e.getValue().path.substring(p.length() + 1);
                Node n = t.keys.computeIfAbsent(rel.toLowerCase(Locale.ROOT), x -> new Node(rel, 0));
                n.time = e.getValue().time;
                e.getValue().values.forEach((vk, vv) -> n.values.put(vk, new Val(vv.name(), vv.type(),
                        vv.data().clone())));
            }
        }
        return t;
    }

    RegTree copy() {
        RegTree t = new RegTree();
        for (Map.Entry<String, Node> e : keys.entrySet()) {
            Node n = new Node(e.getValue().path, e.getValue().time);
            e.getValue().values.forEach((vk, vv) -> n.values.put(vk, new Val(vv.name(), vv.type(), vv.data().clone())));
            t.keys.put(e.getKey(), n);
        }
        return t;
    }

    /** Writes every key below {@code under} ("" = the hive root) into the builder. */
    void writeTo(HiveBuilder b, String under) {
        List<Node> sorted = new ArrayList<>(keys.values());
        for (Node n : sorted) {
            String full = under.isEmpty() ? n.path : n.path.isEmpty() ? under : under + "\\" + n.path;
            HiveBuilder.K k = full.isEmpty() ? b.root() : b.key(full);
            k.lastWrittenRaw(n.time);
            for (Val v : n.values.values()) {
                k.value(v.name(), v.type(), v.data());
            }
        }
    }

    static byte[] utf16(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    }

    static byte[] utf16z(String s) {
        return utf16(s + "\0");
    }
}
