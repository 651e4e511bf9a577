package org.patchlens.hive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchlens.format.Regf;
import org.patchlens.hive.DeletedScan.Candidate;

/**
 * The paths of recovered key records ({@link DeletedRecords}), rebuilt through their parent offsets up to a
 * live key or the root record; a path whose upper part is gone starts with {@code <unknown>}. A visited set
 * and a depth cap of 512 bound each walk, and every record's path is worked out once.
 */
final class RecoveredPaths {
    /** A recovered key's path, complete when it reaches the root. */
    record Rebuilt(String path, boolean complete) {
    }

    private final DeletedScan scan;
    private final Map<Long, Rebuilt> memo = new HashMap<>();

    RecoveredPaths(DeletedScan scan) {
        this.scan = scan;
    }

    /** The path of the key record {@code start}: through parents that are live keys or recovered key records. */
    Rebuilt of(Candidate start) {
        Rebuilt known = memo.get(start.pos());
        if (known != null) {
            return known;
        }
        List<Long> chain = new ArrayList<>();
        List<Regf.KeyNode> nodes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Candidate c = start;
        String prefix = null;
        boolean complete = false;
        while (chain.size() < 512) {
            long p = c.pos();
            Regf.KeyNode n = scan.keyNode(c);
            chain.add(p);
            nodes.add(n);
            seen.add(p);
            if (n.flags().hiveEntry() && p != start.pos()) {
                chain.remove(chain.size() - 1);
                nodes.remove(nodes.size() - 1);
                prefix = "";
                complete = true;
                break;
            }
            long parent = n.parentOffset();
            String live = scan.livePath(parent);
            if (live != null) {
                prefix = live.equals("\\") ? "" : live;
                complete = true;
                break;
            }
            long next = parent + 4;
            Rebuilt memoParent = memo.get(next);
            if (memoParent != null) {
                prefix = memoParent.path();
                complete = memoParent.complete();
                break;
            }
            if (scan.key(next) == null || seen.contains(next)) {
                prefix = "<unknown>";
                break;
            }
            c = scan.key(next);
        }
        if (prefix == null) {
            prefix = "<unknown>";
        }
        StringBuilder sb = new StringBuilder(prefix);
        Rebuilt result = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            sb.append('\\').append(DeletedScan.name(nodes.get(i)));
            result = new Rebuilt(sb.toString(), complete);
            memo.put(chain.get(i), result);
        }
        return result;
    }
}
