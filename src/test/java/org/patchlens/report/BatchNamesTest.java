package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchNames}: the names of a batch's outputs, made from hive file names that may be crafted. Expected
 * names are written out; the decoding the round trip uses is the test's own (percent-decoding of UTF-8 bytes).
 */
class BatchNamesTest {
    @Test
    void plainNamesAreKeptAsTheyAre() {
        for (String s : List.of("SYSTEM", "NTUSER.DAT", "UsrClass.dat", "NTUSER (2).DAT", "x-y.z_1", "Händler-é",
                "Ключ 日本語", "emoji\uD83D\uDE00", "a.b", "~user", "#1", "it's $HOME [a] {b} & c; d!")) {
            assertEquals(s, BatchNames.safe(s), s);
        }
    }

    @Test
    void controlCharactersAreWrittenAsTheirUtf8Bytes() {
        assertEquals("title%1B]0;owned%07", BatchNames.safe("title\u001b]0;owned\u0007"));
        assertEquals("a%0Ab%0Dc%09d%00e%7Ff", BatchNames.safe("a\nb\rc\td\0e\u007ff"));
        assertEquals("csi%C2%9B2J%C2%85", BatchNames.safe("csi\u009b2J\u0085"));
        // every character the text outputs escape is escaped here too, alone and between others
        for (char c = 0; c < 0xFFFF; c++) {
            if (Printable.escaped(c)) {
                String s = BatchNames.safe("a" + c + "b");
                assertTrue(s.startsWith("a%") && s.endsWith("b") && s.indexOf(c) < 0,
                        String.format("U+%04X gave %s", (int) c, s));
            }
        }
    }

    @Test
    void charactersThatDoNotShowAsThemselvesAreEscaped() {
        assertEquals("evil%E2%80%AEgpj.exe", BatchNames.safe("evil\u202egpj.exe")); // right-to-left override
        assertEquals("zero%E2%80%8Bwidth", BatchNames.safe("zero\u200bwidth"));
        assertEquals("%EF%BB%BFbom", BatchNames.safe("\ufeffbom"));
        assertEquals("soft%C2%ADhyphen", BatchNames.safe("soft\u00adhyphen"));
        assertEquals("no%C2%A0break ideographic%E3%80%80space", BatchNames.safe("no\u00a0break ideographic\u3000space"));
        assertEquals("line%E2%80%A8para%E2%80%A9", BatchNames.safe("line\u2028para\u2029"));
        // outside the BMP: a tag character (format), kept apart from a pair that shows (the emoji above)
        assertEquals("tag%F3%A0%80%81", BatchNames.safe("tag\uDB40\uDC01"));
        // a lone surrogate: the three bytes UTF-8's pattern gives it (Java's own encoder would write '?')
        assertEquals("lone%ED%A0%80x", BatchNames.safe("lone\uD800x"));
        assertEquals("lone%ED%B0%80", BatchNames.safe("lone\uDC00"));
    }

    @Test
    void windowsReservedCharactersAndTheEscapeItselfAreEscaped() {
        assertEquals("C%3A%5CWindows%5CSystem32%5Cconfig%5CSAM", BatchNames.safe("C:\\Windows\\System32\\config\\SAM"));
        assertEquals("what%3F%2A%3C%7C%3E%22%2F", BatchNames.safe("what?*<|>\"/"));
        assertEquals("100%25", BatchNames.safe("100%"));
        assertEquals("a%251Bb", BatchNames.safe("a%1Bb"));
    }

    @Test
    void aLeadingDashOrDotIsEscapedOnlyAtTheStart() {
        assertEquals("%2Drf", BatchNames.safe("-rf"));
        assertEquals("%2D-help", BatchNames.safe("--help"));
        assertEquals("%2Ehidden", BatchNames.safe(".hidden"));
        assertEquals("%2E%2E", BatchNames.safe("..")); // and the dot that ends it
        assertEquals("a-b.c-", BatchNames.safe("a-b.c-"));
    }

    /** Windows' device names, as Microsoft's "Naming Files, Paths, and Namespaces" lists them, and the console's. */
    private static final List<String> DEVICES = List.of("CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT0", "LPT1", "LPT2",
            "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3", "CONIN$",
            "CONOUT$");

    /**
     * Whether Windows takes a file of this name for a device (the test's own reading of the rule): the name without
     * the dots and spaces that end it, up to its first dot, without the spaces before that dot, in any case.
     */
    private static boolean windowsDevice(String name) {
        String s = name.replaceFirst("[. ]+$", "");
        int dot = s.indexOf('.');
        String base = (dot < 0 ? s : s.substring(0, dot)).replaceFirst(" +$", "");
        return DEVICES.stream().anyMatch(d -> d.equalsIgnoreCase(base));
    }

    @Test
    void windowsDeviceNamesAreEscapedAtTheirFirstCharacter() {
        assertEquals("%43ON", BatchNames.safe("CON"));
        assertEquals("%63on", BatchNames.safe("con"));
        assertEquals("%6Eul.dat", BatchNames.safe("nul.dat"));
        assertEquals("%4EUL%2E", BatchNames.safe("NUL.")); // the dot that ends it too
        assertEquals("%41ux .txt", BatchNames.safe("Aux .txt")); // spaces before the dot do not help
        assertEquals("%50RN%20", BatchNames.safe("PRN "));
        assertEquals("%63om1.DAT.bak", BatchNames.safe("com1.DAT.bak"));
        assertEquals("%4CPT9", BatchNames.safe("LPT9"));
        assertEquals("%43OM0", BatchNames.safe("COM0"));
        assertEquals("%43OM\u00b9", BatchNames.safe("COM\u00b9")); // Windows reads a superscript digit as a digit
        assertEquals("%6Cpt\u00b3.x", BatchNames.safe("lpt\u00b3.x"));
        assertEquals("%43ONIN$", BatchNames.safe("CONIN$"));
        assertEquals("%63onout$.log", BatchNames.safe("conout$.log"));
        // every device, in three cases, alone or with what Windows ignores after it or an extension
        for (String d : DEVICES) {
            for (String name : List.of(d, d.toLowerCase(java.util.Locale.ROOT),
                    d.charAt(0) + d.substring(1).toLowerCase(java.util.Locale.ROOT))) {
                for (String tail : List.of("", ".", " ", ". .", "  ", ".dat", " .dat", ".DAT.jsonl", "..x")) {
                    String safe = BatchNames.safe(name + tail);
                    assertTrue(safe.startsWith("%"), name + tail + " gave " + safe);
                    assertFalse(windowsDevice(safe) || windowsDevice(safe + ".jsonl"), safe);
                    assertEquals(name + tail, decode(safe), safe);
                }
            }
        }
        // names that only look like one are kept
        for (String s : List.of("CONSOLE", "COM10", "LPT", "COM", "NULL", "xCON", "CON_", "PRN2", "AUX-1", "CONx.dat",
                "com1a", "COM\u0663", "\uff23ON", "CON$", "CONIN", "CON-.x", "LPT1-")) {
            assertEquals(s, BatchNames.safe(s), s);
        }
    }

    @Test
    void aDotOrSpaceThatEndsTheNameIsEscaped() {
        assertEquals("a%2E", BatchNames.safe("a."));
        assertEquals("a%20", BatchNames.safe("a "));
        assertEquals("NTUSER.DAT%2E", BatchNames.safe("NTUSER.DAT."));
        assertEquals("a. %2E", BatchNames.safe("a. .")); // the last one is enough: what comes before it stays
        assertEquals("%2E", BatchNames.safe("."));
        assertEquals("%20", BatchNames.safe(" "));
        assertEquals(" a", BatchNames.safe(" a"));
        assertEquals("a . b", BatchNames.safe("a . b"));
        // a name cut at the limit that ends in a space: escaped when the escape fits, else cut before it
        assertEquals("A".repeat(176) + "%20", BatchNames.safe("A".repeat(176) + " \uD83D\uDE00"));
        assertEquals("A".repeat(178), BatchNames.safe("A".repeat(178) + " \u00e9"));
        assertEquals("A".repeat(177) + "%20", BatchNames.safe("A".repeat(177) + " .\u00e9"));
        assertEquals("A".repeat(177) + "%2E", BatchNames.safe("A".repeat(177) + "..\u00e9"));
        assertEquals(" ".repeat(177) + "%20", BatchNames.safe(" ".repeat(300)));
    }

    @Test
    void everyNameReadsBackExactly() {
        Random r = new Random(42);
        int[] pool = {'a', 'Z', '0', '-', '.', '%', ' ', '\\', ':', '*', '\u001b', '\n', 0x7F, 0x85, 0x9B, 0xA0, 0xAD,
            0xE9, 0x41C, 0x202E, 0x2028, 0x3000, 0xFEFF, 0x65E5, 0x1F600, 0xE0001, '2', 'u', 'C', 'o', 'N', '1', 0xB9};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + r.nextInt(12); n > 0; n--) {
                sb.appendCodePoint(pool[r.nextInt(pool.length)]);
            }
            String name = sb.toString();
            String safe = BatchNames.safe(name);
            assertEquals(name, decode(safe), safe);
            assertFalse(safe.startsWith("-") || safe.startsWith("."), safe);
            assertFalse(safe.endsWith(".") || safe.endsWith(" "), safe);
            assertFalse(windowsDevice(safe + ".jsonl"), safe);
            assertEquals(safe, Printable.of(safe), "nothing a text output would escape");
            for (char c : safe.toCharArray()) {
                assertFalse("\\/:*?\"<>|".indexOf(c) >= 0, safe);
            }
        }
    }

    @Test
    void aLongNameIsCutAtACharactersEndWithinTheLimit() {
        assertEquals("A".repeat(BatchNames.MAX_BYTES), BatchNames.safe("A".repeat(240)));
        // never inside an escape: %1B would end 2 bytes past the limit, so the name ends before it
        assertEquals("A".repeat(179), BatchNames.safe("A".repeat(179) + "\u001bZ"));
        assertEquals("A".repeat(177) + "%1B", BatchNames.safe("A".repeat(177) + "\u001bZ"));
        // never inside a character: é is two bytes, a pair four
        assertEquals("A".repeat(178) + "é", BatchNames.safe("A".repeat(178) + "éé"));
        assertEquals("A".repeat(179), BatchNames.safe("A".repeat(179) + "é"));
        assertEquals("A".repeat(176) + "\uD83D\uDE00", BatchNames.safe("A".repeat(176) + "\uD83D\uDE00\uD83D\uDE00"));
        assertEquals("A".repeat(177), BatchNames.safe("A".repeat(177) + "\uD83D\uDE00"));
        Random r = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 100 + r.nextInt(200); n > 0; n--) {
                sb.appendCodePoint(r.nextBoolean() ? 'a' + r.nextInt(26) : 0x80 + r.nextInt(0x3000));
            }
            String safe = BatchNames.safe(sb.toString());
            int bytes = safe.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= BatchNames.MAX_BYTES, bytes + ": " + safe);
            assertTrue(sb.toString().startsWith(decode(safe)), safe); // a beginning of the name, whole characters
            assertFalse(safe.endsWith(".") || safe.endsWith(" "), safe);
        }
    }

    @Test
    void namesTakenInAnyCaseAreNumbered() {
        BatchNames names = new BatchNames(ManifestWriter.NAME);
        assertEquals("SAM.jsonl", names.name("SAM", ".jsonl"));
        assertEquals("sam.2.jsonl", names.name("sam", ".jsonl"));
        assertEquals("SAM.3.jsonl", names.name("SAM", ".jsonl"));
        // a hive named like a numbered output does not take another's name
        assertEquals("SAM.2.2.jsonl", names.name("SAM.2", ".jsonl"));
        assertEquals("MANIFEST.2.tsv", names.name("MANIFEST", ".tsv"));
        // escaped or cut names that meet are numbered as well
        assertEquals("%2Drf.jsonl", names.name("-rf", ".jsonl"));
        assertEquals("%252Drf.jsonl", names.name("%2Drf", ".jsonl"));
        assertEquals("%2DRF.2.jsonl", names.name("-RF", ".jsonl")); // %2DRF: -rf's name in another case
        assertEquals("A".repeat(180) + ".jsonl", names.name("A".repeat(240), ".jsonl"));
        assertEquals("A".repeat(180) + ".2.jsonl", names.name("A".repeat(239) + "B", ".jsonl"));
        // device names: the escape keeps the case of the character it stands for, so con and CON are two names
        assertEquals("%63on.jsonl", names.name("con", ".jsonl"));
        assertEquals("%43ON.jsonl", names.name("CON", ".jsonl"));
        assertEquals("%63on.2.jsonl", names.name("con", ".jsonl"));
        assertEquals("%63on.dat.jsonl", names.name("con.dat", ".jsonl"));
        assertEquals("%63on.dat.2.jsonl", names.name("con.dat", ".jsonl"));
        assertEquals("%4EUL%2E.jsonl", names.name("NUL.", ".jsonl"));
        assertEquals("%4EUL%2E.2.jsonl", names.name("NUL.", ".jsonl"));
        assertEquals("%254EUL%252E.jsonl", names.name("%4EUL%2E", ".jsonl")); // a hive named like NUL.'s output
        assertEquals("a%2E.jsonl", names.name("a.", ".jsonl"));
        assertEquals("a.jsonl", names.name("a", ".jsonl"));
    }

    /** Percent-decoding of UTF-8 bytes, the lone surrogate's three bytes included (as {@link BatchNames} writes them). */
    private static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '%') {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            flush(bytes, out);
            int cp = s.codePointAt(i);
            out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        byte[] b = bytes.toByteArray();
        bytes.reset();
        for (int i = 0; i < b.length; ) {
            int lead = b[i] & 0xFF;
            int n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            int cp = n == 1 ? lead : lead & (0x3F >> (n - 1));
            for (int k = 1; k < n; k++) {
                cp = (cp << 6) | (b[i + k] & 0x3F);
            }
            out.appendCodePoint(cp);
            i += n;
        }
    }
}
