package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.testing.Corpus;

/**
 * Windows' own uppercase (RtlUpcaseUnicodeChar) for every UTF-16 code unit, from Microsoft's published
 * table ({@code windows-upcase.txt}): known pairs in several scripts, including the ones where Windows
 * and the Unicode data disagree, lookups and subkey-order checks on built hives, and the corpus hives.
 */
class WindowsUpcaseTest {
    private static void up(int from, int to, String what) {
        assertEquals(Integer.toHexString(to), Integer.toHexString(WindowsUpcase.upcase((char) from)), what);
    }

    private static void same(int c, String what) {
        up(c, c, what + " is left alone by Windows");
    }

    @Test
    void knownPairsInSeveralScripts() {
        // Latin-1 and Latin Extended (every compressed name)
        up('a', 'A', "a");
        up(0xFF, 0x178, "ÿ");
        same(0xDF, "ß");
        same(0xB5, "µ");
        same(0x131, "dotless ı");
        same(0x17F, "long ſ");
        up(0x1C6, 0x1C4, "ǆ");
        same(0x1C5, "title-case ǅ");
        up(0x180, 0x243, "ƀ (a pair Unicode 5.0 added, in Windows' table)");
        up(0xA781, 0xA780, "Latin Extended-D ꞁ");
        up(0xA78C, 0xA78B, "ꞌ");
        same(0x23F, "ȿ (paired with U+2C7E only since Unicode 5.2)");
        same(0x265, "ɥ (paired with U+A78D only since Unicode 6.0)");
        // Greek
        up(0x3C3, 0x3A3, "σ");
        same(0x3C2, "final ς");
        up(0x3AC, 0x386, "ά");
        same(0x3F3, "ϳ");
        same(0x1FBE, "prosgegrammeni ι");
        up(0x1F00, 0x1F08, "ἀ (polytonic Greek)");
        // Cyrillic
        up(0x436, 0x416, "ж");
        up(0x450, 0x400, "ѐ");
        up(0x4CF, 0x4C0, "palochka ӏ");
        same(0x1C80, "Cyrillic Extended-C ᲀ");
        // Armenian, Georgian, Cherokee, Glagolitic, Coptic, full-width
        up(0x561, 0x531, "ա");
        same(0x10D0, "Georgian ა");
        same(0x10FD, "Georgian ჽ");
        same(0xAB70, "Cherokee small ꭰ");
        up(0x2C30, 0x2C00, "Glagolitic ⰰ");
        up(0x2C81, 0x2C80, "Coptic ⲁ");
        up(0xFF41, 0xFF21, "full-width ａ");
        up(0x24D0, 0x24B6, "circled ⓐ");
        up(0x2170, 0x2160, "small Roman numeral ⅰ");
        // code units, not code points: a surrogate pair is not upcased (Deseret 𐐨 stays)
        same(0xD801, "high surrogate");
        same(0xDC28, "low surrogate");
        assertTrue(WindowsUpcase.equalsIgnoreCase("\u0416\u0443\u043A", "\u0436\u0423\u041A"), "Жук");
        assertTrue(WindowsUpcase.equalsIgnoreCase("\uA780x", "\uA781X"));
        assertTrue(!WindowsUpcase.equalsIgnoreCase("\u1C80", "\u0412"), "ᲀ is not В for Windows");
        assertTrue(!WindowsUpcase.equalsIgnoreCase("\uAB70", "\u13A0"), "ꭰ is not Ꭰ for Windows");
    }

    /** The resource is Microsoft's table as it was checked (973 pairs), and the Latin-1 fast path agrees with it. */
    @Test
    void everyCodeUnitFollowsMicrosoftsTable() throws Exception {
        List<int[]> pairs = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = WindowsUpcase.class.getResourceAsStream("windows-upcase.txt")) {
            assertNotNull(in);
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    sha.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
                    String[] p = line.split(" ");
                    pairs.add(new int[] {Integer.parseInt(p[0], 16), Integer.parseInt(p[1], 16)});
                }
            }
        }
        assertEquals(973, pairs.size());
        assertEquals("cf0c33b481c51829b08eee79ecf92589cf59c432382c668244780807fd8a922c",
                HexFormat.of().formatHex(sha.digest()), "the pairs as checked against the Linux and yarp copies");
        char[] want = new char[65536];
        for (int c = 0; c < want.length; c++) {
            want[c] = (char) c;
        }
        for (int[] p : pairs) {
            want[p[0]] = (char) p[1];
        }
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c < want.length; c++) {
            if (WindowsUpcase.upcase((char) c) != want[c]) {
                wrong.add(String.format("%04X", c));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void lookupsAndSubkeyOrderFollowWindowsAboveLatin1() {
        HiveBuilder b = HiveBuilder.v15();
        // in Windows' order: Г (U+0413) before ᲀ (U+1C80, which Windows does not upcase to В U+0412)
        HiveBuilder.K parent = b.key("Order").unsorted();
        parent.key("\u0413").dword("v", 1);
        parent.key("\u1C80").dword("v", 2);
        b.key("\uA780").dword("\uA780", 3); // Ꞁ
        Hive h = b.build().open();
        assertEquals(2, h.key("Order\\\u1C80").value("v").decoded().number());
        assertEquals(3, h.key("\uA781").value("\uA781").decoded().number(), "ꞁ finds Ꞁ");
        assertEquals(null, h.key("Order\\\u0412"), "В does not find ᲀ");
        h.walk().forEach(k -> k.values());
        assertEquals(List.of(), h.damage());
    }

    /**
     * Every hive of the corpus that hivex and yarp both read: no subkey list is out of Windows' order,
     * and the names above Latin-1 (Cyrillic, a few symbols, an unpaired surrogate) take part.
     */
    @Test
    void corpusSubkeyListsAreInWindowsOrder() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        int wide = 0;
        List<String> unsorted = new ArrayList<>();
        for (Path p : Corpus.hives()) {
            if (Corpus.sibling(p, ".oracle.txt").isEmpty()) {
                continue;
            }
            try (Hive h = Hive.open(p)) {
                for (Key k : h.walk()) {
                    if (k.name().chars().anyMatch(c -> c > 0xFF)) {
                        wide++;
                    }
                }
                for (Damage d : h.damage()) {
                    if (d.reason().contains("not sorted")) {
                        unsorted.add(p.getFileName() + ": " + d);
                    }
                }
            }
        }
        assertEquals(List.of(), unsorted);
        assertTrue(wide >= 8, "names above Latin-1 in the corpus: " + wide);
    }
}
