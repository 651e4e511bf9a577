package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Printable#of}, the rendering of evidence text for every text output and stderr line, class by class. */
class PrintableTest {
    private static String hex(int c) {
        return String.format("\\u%04x", c);
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String s = "ControlSet001\\Services\\MSExchangeIS : Store GUID äöü Ключ 日本語 \uD83D\uDE00 \u00a0\u00ad\ufeff";
        assertSame(s, Printable.of(s));
        assertEquals("", Printable.of(""));
    }

    @Test
    void c0ControlsAndDel() {
        assertEquals("a\\nb\\rc\\td", Printable.of("a\nb\rc\td"));
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\r' && c != '\t') {
                assertEquals("x" + hex(c) + "y", Printable.of("x" + (char) c + "y"), "U+" + Integer.toHexString(c));
            }
        }
        assertEquals("\\u001b[2J\\u001b]0;title\\u0007", Printable.of("\u001b[2J\u001b]0;title\u0007"));
        assertEquals("\\u007f", Printable.of("\u007f"));
        assertEquals("\\u0000", Printable.of("\0"));
    }

    @Test
    void c1Controls() {
        for (int c = 0x80; c <= 0x9F; c++) {
            assertEquals(hex(c), Printable.of(String.valueOf((char) c)), "U+" + Integer.toHexString(c));
        }
        assertEquals("\\u009b2J", Printable.of("\u009b2J"), "a one-character CSI");
        assertEquals("\\u0085", Printable.of("\u0085"), "NEL, a line end");
        assertEquals("\u00a0", Printable.of("\u00a0"), "the first character after C1 is kept");
    }

    @Test
    void bidirectionalControls() {
        int[] bidi = {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};
        for (int c : bidi) {
            assertEquals("a" + hex(c) + "b", Printable.of("a" + (char) c + "b"), "U+" + Integer.toHexString(c));
        }
        assertEquals("invoice\\u202efdp.exe", Printable.of("invoice\u202efdp.exe"));
        // neighbours that are not controls are kept
        for (int c : new int[] {0x061B, 0x061D, 0x200D, 0x2010, 0x2065, 0x206A}) {
            String s = String.valueOf((char) c);
            assertEquals(s, Printable.of(s), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void lineAndParagraphSeparators() {
        assertEquals("a\\u2028b\\u2029c", Printable.of("a\u2028b\u2029c"));
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsKept() {
        assertEquals("a\\ud800b", Printable.of("a\uD800b"));
        assertEquals("a\\udc00", Printable.of("a\uDC00"));
        assertEquals("\\ud83d", Printable.of("\uD83D"), "a high surrogate at the end");
        assertEquals("\\ude00\\ud83d", Printable.of("\uDE00\uD83D"), "reversed: two lone ones");
        assertEquals("x\uD83D\uDE00y", Printable.of("x\uD83D\uDE00y"));
        assertEquals("\\u001b\uD83D\uDE00\\ud83d", Printable.of("\u001b\uD83D\uDE00\uD83D"));
        // so the rendering always encodes to UTF-8 and back without loss
        String shown = Printable.of("\uD800\uD83D\uDE00\uDFFF");
        assertEquals(shown, new String(shown.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void escapedNamesEveryClass() {
        for (char c : new char[] {0, 0x1b, '\n', 0x7f, 0x80, 0x9b, 0x9f, 0x061c, 0x200e, 0x200f, 0x202e, 0x2066,
            0x2069, 0x2028, 0x2029, 0xd800, 0xdfff}) {
            assertTrue(Printable.escaped(c), Integer.toHexString(c));
        }
        for (char c : new char[] {' ', '~', 0xa0, 0xff, 0x200b, 0x200d, 0x2027, 0x202f, 0x2065, 0x206a, 0xfeff,
            0xfffd}) {
            assertFalse(Printable.escaped(c), Integer.toHexString(c));
        }
    }

    @Test
    void everyEscapedCharacterLeavesNoneBehind() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        String shown = Printable.of(all.toString());
        shown.chars().forEach(c -> assertFalse(Printable.escaped((char) c) && !Character.isSurrogate((char) c),
                "U+" + Integer.toHexString(c) + " left raw"));
        // the only surrogates left are the pair the input happens to form: U+DBFF then U+DC00
        assertEquals(2, shown.chars().filter(c -> Character.isSurrogate((char) c)).count());
    }
}
