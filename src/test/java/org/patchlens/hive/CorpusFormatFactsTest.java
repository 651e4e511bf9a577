package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlens.testing.Corpus;

/**
 * The encodings {@link HiveBuilder} writes, checked against every allocated list and big-data
 * record of the corpus hives written by Windows: lh hashes ({@link WindowsUpcase#nameHash}), lf
 * hints ({@link HiveBuilder#lfHint}), and the db layout (16-byte record, ceil(len / 16344)
 * segments, every segment cell 16,352 bytes). A raw cell scan, independent of the library's walk.
 */
class CorpusFormatFactsTest {
    private int lh;
    private int lf;
    private int db;
    private final List<String> mismatches = new ArrayList<>();

    @Test
    void builderEncodingsMatchWindowsBytes() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        for (Path p : Corpus.hives()) {
            if (Corpus.sibling(p, ".oracle.txt").isEmpty()) {
                continue; // hostile or partial files are not evidence of what Windows writes
            }
            byte[] b = Files.readAllBytes(p);
            if (b.length >= 8192 && b[0] == 'r' && b[1] == 'e' && b[2] == 'g' && b[3] == 'f') {
                scan(Corpus.root().get().relativize(p).toString(), ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
            }
        }
        assertTrue(lh > 30_000 && lf > 10_000 && db > 10, "lh " + lh + ", lf " + lf + ", db " + db);
        // The one exception: yarp's CompHive names a key with the compressed byte 0x9F but its
        // lf hint says 0x81 (the sample was edited after Windows wrote it; see regf-format.md 6.2).
        assertEquals(List.of("hives/yarp/CompHive: lf hint 81000000 for name [9f], expected 9f000000"), mismatches);
    }

    private void scan(String name, ByteBuffer bb) {
        int minor = bb.getInt(24);
        long binsEnd = Math.min(Integer.toUnsignedLong(bb.getInt(40)), bb.capacity() - 4096L);
        Map<Integer, Integer> cells = new HashMap<>();
        for (int pos = 0; pos + 32 <= binsEnd; ) {
            int f = 4096 + pos;
            int size = bb.getInt(f + 8);
            if (bb.getInt(f) != 0x6E696268 || size < 4096 || size % 4096 != 0 || pos + (long) size > binsEnd) {
                break;
            }
            for (int c = pos + 32; c + 4 <= pos + size; ) {
                int s = bb.getInt(4096 + c);
                if (s == 0 || Math.abs(s) % 8 != 0 || c + (long) Math.abs(s) > pos + size) {
                    break;
                }
                cells.put(c, s);
                c += Math.abs(s);
            }
            pos += size;
        }
        for (Map.Entry<Integer, Integer> e : cells.entrySet()) {
            if (e.getValue() >= 0) {
                continue;
            }
            int d = 4096 + e.getKey() + 4;
            int len = -e.getValue() - 4;
            char s0 = (char) bb.get(d);
            char s1 = (char) bb.get(d + 1);
            if (s0 == 'l' && (s1 == 'h' || s1 == 'f')) {
                int n = Short.toUnsignedInt(bb.getShort(d + 2));
                for (int i = 0; i < n && 4 + 8 * (i + 1) <= len; i++) {
                    String child = nkName(bb, cells, bb.getInt(d + 4 + 8 * i));
                    if (child == null) {
                        continue;
                    }
                    if (s1 == 'h') {
                        lh++;
                        int stored = bb.getInt(d + 8 + 8 * i);
                        if (stored != WindowsUpcase.nameHash(child)) {
                            mismatches.add(name + ": lh hash of " + units(child));
                        }
                    } else {
                        lf++;
                        byte[] hint = new byte[4];
                        bb.get(d + 8 + 8 * i, hint);
                        byte[] want = HiveBuilder.lfHint(child);
                        if (!java.util.Arrays.equals(hint, want)) {
                            mismatches.add(name + ": lf hint " + BuiltHives.hex(hint) + " for name " + units(child)
                                    + ", expected " + BuiltHives.hex(want));
                        }
                    }
                }
            } else if (s0 == 'v' && s1 == 'k' && minor >= 4 && len >= 20) {
                long size = Integer.toUnsignedLong(bb.getInt(d + 4));
                int dataCell = bb.getInt(d + 8);
                Integer dc = cells.get(dataCell);
                if (size > HiveBuilder.SEGMENT && size < 0x80000000L && dc != null && dc < 0
                        && bb.get(4096 + dataCell + 4) == 'd' && bb.get(4096 + dataCell + 5) == 'b') {
                    db++;
                    int dp = 4096 + dataCell + 4;
                    int segs = Short.toUnsignedInt(bb.getShort(dp + 2));
                    int list = bb.getInt(dp + 4);
                    StringBuilder sizes = new StringBuilder();
                    for (int i = 0; i < segs; i++) {
                        Integer sc = cells.get(bb.getInt(4096 + list + 4 + 4 * i));
                        if (sc == null || sc != -16352) {
                            sizes.append(' ').append(sc);
                        }
                    }
                    if (dc != -16 || segs != (size + HiveBuilder.SEGMENT - 1) / HiveBuilder.SEGMENT || sizes.length() > 0) {
                        mismatches.add(name + ": db of " + size + " bytes: cell " + dc + ", " + segs + " segments," + sizes);
                    }
                }
            }
        }
    }

    /** The stored name of an allocated nk (Latin-1 bytes or UTF-16 code units as they are), or null. */
    private static String nkName(ByteBuffer bb, Map<Integer, Integer> cells, int off) {
        Integer s = cells.get(off);
        if (s == null || s >= 0) {
            return null;
        }
        int d = 4096 + off + 4;
        if (bb.get(d) != 'n' || bb.get(d + 1) != 'k') {
            return null;
        }
        int flags = Short.toUnsignedInt(bb.getShort(d + 2));
        int len = Short.toUnsignedInt(bb.getShort(d + 72));
        if (76 + len > -s - 4) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if ((flags & Key.KEY_COMP_NAME) != 0) {
            for (int i = 0; i < len; i++) {
                sb.append((char) (bb.get(d + 76 + i) & 0xFF));
            }
        } else {
            for (int i = 0; i + 1 < len; i += 2) {
                sb.append(bb.getChar(d + 76 + i));
            }
        }
        return sb.toString();
    }

    private static String units(String s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length(); i++) {
            sb.append(i == 0 ? "" : " ").append(Integer.toHexString(s.charAt(i)));
        }
        return sb.append(']').toString();
    }
}
