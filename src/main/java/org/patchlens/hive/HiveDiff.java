package org.patchlens.hive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Differences between two hives (or two subtrees): keys and values added, removed or
 * changed. Subkeys and values are paired by exact name first (code unit for code unit), then
 * those left over by name ignoring case (Windows rules), and a name listed several times by its
 * n-th occurrence, so a hive never differs from itself and siblings that differ only in case
 * are each compared with their own counterpart; a pair whose spelling differs is changed
 * ("name A -> a"). The walk is one pass over both trees in A's order, then B's additions.
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
            List<Key> ours = x.subkeysForWalk(budgetA);
            List<Key> theirs = y.subkeysForWalk(budgetB);
            int[] match = pair(ours, theirs, Key::storedName);
            boolean[] taken = new boolean[theirs.size()];
            List<Key[]> next = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                Key cx = ours.get(i);
                if (match[i] < 0) {
                    subtree(cx, budgetA, Kind.REMOVED, counting);
                    continue;
                }
                taken[match[i]] = true;
                if (cx.depth() < x.hive().options().maxDepth()) {
                    next.add(new Key[] {cx, theirs.get(match[i])});
                }
            }
            for (int j = 0; j < theirs.size(); j++) {
                if (!taken[j]) {
                    subtree(theirs.get(j), budgetB, Kind.ADDED, counting);
                }
            }
            for (int i = next.size() - 1; i >= 0; i--) {
                stack.push(next.get(i));
            }
        }
        return n[0];
    }

    private static void compareKey(Key x, Key y, Consumer<Change> sink) {
        List<String> what = new ArrayList<>(3);
        if (!x.isRoot() && !x.storedName().equals(y.storedName())) {
            what.add("name " + x.name() + " -> " + y.name());
        }
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
        List<Value> ours = x.values();
        List<Value> theirs = y.values();
        int[] match = pair(ours, theirs, Value::storedName);
        boolean[] taken = new boolean[theirs.size()];
        for (int i = 0; i < ours.size(); i++) {
            Value vx = ours.get(i);
            if (match[i] < 0) {
                sink.accept(new Change(Kind.REMOVED, x.path(), vx.name(), x, y, vx, null, ""));
                continue;
            }
            taken[match[i]] = true;
            Value vy = theirs.get(match[i]);
            List<String> what = new ArrayList<>(2);
            if (!vx.storedName().equals(vy.storedName())) {
                what.add("name " + vx.name() + " -> " + vy.name());
            }
            if (vx.typeCode() != vy.typeCode()) {
                what.add("type " + ValueType.name(vx.typeCode()) + " -> " + ValueType.name(vy.typeCode()));
            } else if (!Arrays.equals(vx.data(), vy.data())) {
                what.add("data");
            }
            if (!what.isEmpty()) {
                sink.accept(new Change(Kind.CHANGED, y.path(), vy.name(), x, y, vx, vy, String.join("; ", what)));
            }
        }
        for (int j = 0; j < theirs.size(); j++) {
            if (!taken[j]) {
                Value vy = theirs.get(j);
                sink.accept(new Change(Kind.ADDED, y.path(), vy.name(), x, y, null, vy, ""));
            }
        }
    }

    /**
     * For each of {@code ours}, the index of its counterpart in {@code theirs}, or -1: first by exact name
     * (the n-th of a name with the n-th of the same name), then the rest by name ignoring case (Windows
     * rules), again by occurrence, each list in its own order.
     */
    private static <T> int[] pair(List<T> ours, List<T> theirs, Function<T, String> name) {
        int[] match = new int[ours.size()];
        Arrays.fill(match, -1);
        Map<String, ArrayDeque<Integer>> exact = new HashMap<>();
        for (int j = 0; j < theirs.size(); j++) {
            exact.computeIfAbsent(name.apply(theirs.get(j)), n -> new ArrayDeque<>()).add(j);
        }
        boolean[] taken = new boolean[theirs.size()];
        boolean leftOver = false;
        for (int i = 0; i < ours.size(); i++) {
            ArrayDeque<Integer> same = exact.get(name.apply(ours.get(i)));
            Integer j = same == null ? null : same.poll();
            if (j != null) {
                match[i] = j;
                taken[j] = true;
            } else {
                leftOver = true;
            }
        }
        if (!leftOver) {
            return match;
        }
        Map<String, ArrayDeque<Integer>> folded = new HashMap<>();
        for (int j = 0; j < theirs.size(); j++) {
            if (!taken[j]) {
                folded.computeIfAbsent(upper(name.apply(theirs.get(j))), n -> new ArrayDeque<>()).add(j);
            }
        }
        for (int i = 0; i < ours.size(); i++) {
            if (match[i] < 0) {
                ArrayDeque<Integer> same = folded.get(upper(name.apply(ours.get(i))));
                Integer j = same == null ? null : same.poll();
                if (j != null) {
                    match[i] = j;
                }
            }
        }
        return match;
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

    private static String upper(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = WindowsUpcase.upcase(c[i]);
        }
        return new String(c);
    }
}
