package org.patchlens.hive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Differences between two hives (or two subtrees): keys and values added, removed or
 * changed. Keys are matched by name and values by name, both with Windows case-insensitive
 * rules; the walk is one pass over both trees in A's order, then B's additions.
 */
public final class HiveDiff {
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One difference. For a key, {@code valueName} is null and the before/after fields hold
     * the last-written times (raw FILETIME) and class names; for a value they hold type and data.
     */
    public record Change(Kind kind, String path, String valueName, Key keyBefore, Key keyAfter,
                         Value before, Value after, String detail) {
        public boolean isKey() {
            return valueName == null;
        }
    }

    private HiveDiff() {
    }

    /** Reports every difference to {@code sink} in tree order; returns the number of differences. */
    public static long compare(Key a, Key b, Consumer<Change> sink) {
        long[] n = {0};
        Consumer<Change> counting = c -> {
            n[0]++;
            sink.accept(c);
        };
        // one budget per side for the whole comparison, so a crafted hive whose lists share keys
        // costs what its cells allow, however the pairs and added / removed subtrees interleave
        WalkBudget budgetA = WalkBudget.of(a.hive());
        WalkBudget budgetB = WalkBudget.of(b.hive());
        Deque<Key[]> stack = new ArrayDeque<>();
        stack.push(new Key[] {a, b});
        while (!stack.isEmpty()) {
            Key[] pair = stack.pop();
            Key x = pair[0];
            Key y = pair[1];
            if (!budgetA.key(x) | !budgetB.key(y)) {
                break;
            }
            compareKey(x, y, counting);
            compareValues(x, y, counting);
            Map<String, Key> theirs = byName(y.subkeysForWalk(budgetB));
            List<Key[]> next = new ArrayList<>();
            for (Key cx : x.subkeysForWalk(budgetA)) {
                Key cy = theirs.remove(upper(cx.name()));
                if (cy == null) {
                    subtree(cx, budgetA, Kind.REMOVED, counting);
                } else if (cx.depth() < x.hive().options().maxDepth()) {
                    next.add(new Key[] {cx, cy});
                }
            }
            for (Key cy : theirs.values()) {
                subtree(cy, budgetB, Kind.ADDED, counting);
            }
            for (int i = next.size() - 1; i >= 0; i--) {
                stack.push(next.get(i));
            }
        }
        return n[0];
    }

    private static void compareKey(Key x, Key y, Consumer<Change> sink) {
        List<String> what = new ArrayList<>(2);
        if (x.lastWrittenRaw() != y.lastWrittenRaw()) {
            what.add("last written " + FileTime.iso(x.lastWrittenRaw()) + " -> " + FileTime.iso(y.lastWrittenRaw()));
        }
        String cx = x.className();
        String cy = y.className();
        if (cx == null ? cy != null : !cx.equals(cy)) {
            what.add("class name " + cx + " -> " + cy);
        }
        if (!what.isEmpty()) {
            sink.accept(new Change(Kind.CHANGED, y.path(), null, x, y, null, null, String.join("; ", what)));
        }
    }

    private static void compareValues(Key x, Key y, Consumer<Change> sink) {
        // by name, and a name listed several times (a crafted or damaged list) by its n-th occurrence
        Map<String, ArrayDeque<Value>> theirs = new LinkedHashMap<>();
        for (Value v : y.values()) {
            theirs.computeIfAbsent(upper(v.name()), n -> new ArrayDeque<>()).add(v);
        }
        for (Value vx : x.values()) {
            ArrayDeque<Value> same = theirs.get(upper(vx.name()));
            Value vy = same == null ? null : same.poll();
            if (vy == null) {
                sink.accept(new Change(Kind.REMOVED, x.path(), vx.name(), x, y, vx, null, ""));
            } else if (vx.typeCode() != vy.typeCode() || !Arrays.equals(vx.data(), vy.data())) {
                String detail = vx.typeCode() != vy.typeCode()
                        ? "type " + ValueType.name(vx.typeCode()) + " -> " + ValueType.name(vy.typeCode()) : "data";
                sink.accept(new Change(Kind.CHANGED, y.path(), vy.name(), x, y, vx, vy, detail));
            }
        }
        for (ArrayDeque<Value> left : theirs.values()) {
            for (Value vy : left) {
                sink.accept(new Change(Kind.ADDED, y.path(), vy.name(), x, y, null, vy, ""));
            }
        }
    }

    private static void subtree(Key top, WalkBudget budget, Kind kind, Consumer<Change> sink) {
        for (Key k : top.hive().walk(top, budget)) {
            boolean added = kind == Kind.ADDED;
            sink.accept(new Change(kind, k.path(), null, added ? null : k, added ? k : null, null, null, ""));
            for (Value v : k.values()) {
                sink.accept(new Change(kind, k.path(), v.name(), added ? null : k, added ? k : null,
                        added ? null : v, added ? v : null, ""));
            }
        }
    }

    private static Map<String, Key> byName(List<Key> keys) {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : keys) {
            m.putIfAbsent(upper(k.name()), k);
        }
        return m;
    }

    private static String upper(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = WindowsUpcase.upcase(c[i]);
        }
        return new String(c);
    }
}
