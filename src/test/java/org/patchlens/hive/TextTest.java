package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {
    /** Little-endian bytes of the code units. */
    private static byte[] units(char... cs) {
        byte[] b = new byte[2 * cs.length];
        for (int i = 0; i < cs.length; i++) {
            b[2 * i] = (byte) cs[i];
            b[2 * i + 1] = (byte) (cs[i] >> 8);
        }
        return b;
    }

    @Test
    void aWellFormedNameIsShownAsItsCodeUnitsWithoutASecondDecoding() {
        for (byte[] raw : new byte[][] {units('R', 'u', 'n'), units(), units('\u00C4', '\u0416', '\uD83D', '\uDE00')}) {
            String stored = Text.utf16leUnits(raw);
            assertSame(stored, Text.shown(stored, raw));
            assertEquals(Text.utf16le(raw), stored);
        }
    }

    @Test
    void aNameWithABadCodeUnitIsShownWithReplacementCharacters() {
        byte[] lone = units('a', '\uD800', 'b');
        assertEquals("a\uFFFDb", Text.shown(Text.utf16leUnits(lone), lone));
        byte[] lowFirst = units('\uDE00', '\uD83D');
        assertEquals("\uFFFD\uFFFD", Text.shown(Text.utf16leUnits(lowFirst), lowFirst));
        byte[] highLast = units('x', '\uD83D');
        assertEquals("x\uFFFD", Text.shown(Text.utf16leUnits(highLast), highLast));
        byte[] odd = {'O', 0, 'd', 0, 0x41};
        assertEquals("Od\uFFFD", Text.shown(Text.utf16leUnits(odd), odd));
    }

    @Test
    void shownAlwaysEqualsTheLenientDecoding() {
        Random r = new Random(17);
        // code units drawn mostly from the surrogate ranges and their edges, so that pairs, lone halves and
        // reversed pairs all occur; odd lengths too
        char[] pool = {'a', '\u00FF', '\u0100', '\uD7FF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFD'};
        for (int n = 0; n < 20_000; n++) {
            byte[] raw = new byte[r.nextInt(13)];
            for (int i = 0; i + 1 < raw.length; i += 2) {
                char c = pool[r.nextInt(pool.length)];
                raw[i] = (byte) c;
                raw[i + 1] = (byte) (c >> 8);
            }
            if ((raw.length & 1) != 0) {
                raw[raw.length - 1] = (byte) r.nextInt(256);
            }
            assertEquals(Text.utf16le(raw), Text.shown(Text.utf16leUnits(raw), raw), () -> java.util.HexFormat.of().formatHex(raw));
        }
    }
}
