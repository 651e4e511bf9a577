package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The first repeated entry of a value list, for short lists (pairwise) and long ones (sorted). */
class KeyFirstRepeatTest {
    /** The definition: the smallest index whose offset appears at a smaller index. */
    private static int byDefinition(List<Long> offsets) {
        for (int i = 1; i < offsets.size(); i++) {
            if (offsets.subList(0, i).contains(offsets.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void agreesWithTheDefinitionOnListsShortAndLong() {
        Random r = new Random(17);
        int withRepeat = 0;
        for (int round = 0; round < 3000; round++) {
            int n = r.nextInt(300);
            // cell offsets are multiples of 8; a narrow range makes repeats common, a wide one rare
            int range = 1 + r.nextInt(round % 2 == 0 ? 4 * n + 1 : 100_000);
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                offsets.add(0x1020L + 8L * r.nextInt(range));
            }
            int expected = byDefinition(offsets);
            withRepeat += expected >= 0 ? 1 : 0;
            assertEquals(expected, Key.firstRepeat(offsets), offsets.toString());
        }
        assertEquals(true, withRepeat > 500 && withRepeat < 2900, "lists with a repeat: " + withRepeat);
    }

    @Test
    void aLongListWhoseOnlyRepeatIsItsLastEntry() {
        List<Long> offsets = new ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            offsets.add(0x20L + 16 * i);
        }
        assertEquals(-1, Key.firstRepeat(offsets));
        offsets.add(0x20L + 16 * 2500);
        assertEquals(5000, Key.firstRepeat(offsets));
        // two repeated offsets: the first index that repeats an earlier one, not the smallest offset repeated
        offsets.add(3000, 0x20L + 16 * 4000);
        assertEquals(4001, Key.firstRepeat(offsets));
    }
}
