package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class RecentDocsTest {
    /**
     * regipy's recentdocs plugin has no validation test; its reading (the UTF-16 name up to the first aligned NUL,
     * in MRUListEx order, per key) applied to the corpus regipy/NTUSER.DAT gives these names, key by key. The main
     * key's MRUListEx is 9 10 8 7 6 5 4 2 3 1 0.
     */
    @Test
    void theNamesInMruOrderForTheMainKeyAndItsSubkeys() {
        Path ntuser = corpus("regipy/NTUSER.DAT");
        List<Entry> e = run(Catalog.RECENTDOCS, ntuser);
        assertEquals(22, e.size());
        List<Entry> main = e.subList(0, 11);
        assertEquals(List.of("9", "10", "8", "7", "6", "5", "4", "2", "3", "1", "0"), shown(main, "mruId"));
        assertEquals(List.of("Agents-List-CLASSIFIED-TOP-SECRET", "Undercover-Agents-List-For-United-Kingdom.xls",
                "Undercover-Agents-List-For-United-States.xlsx", "CC R&D Backstopped Accounts",
                "CC-Backstopped-Accounts.xlsx", "HQ", "hq-1.JPG", "Carrier Landing Pad", "clp-2 - Fuel Hookup.JPG",
                "clp-1.JPG", "Downloads"), shown(main, "documentName"));
        assertEquals("Downloads.lnk", main.get(10).shown("lnkName"));
        assertEquals("8", main.get(10).shown("extensionVersion"));
        assertEquals(List.of("hq-1.JPG", "clp-2 - Fuel Hookup.JPG", "clp-1.JPG"), shown(e.subList(11, 14),
                "documentName"));
        assertTrue(e.get(11).keyPath().endsWith("\\RecentDocs\\.JPG"));
        assertEquals(List.of("Undercover-Agents-List-For-United-Kingdom.xls"), shown(e.subList(14, 15), "documentName"));
        assertEquals(List.of("Undercover-Agents-List-For-United-States.xlsx", "CC-Backstopped-Accounts.xlsx"),
                shown(e.subList(15, 17), "documentName"));
        assertEquals(List.of("Agents-List-CLASSIFIED-TOP-SECRET", "CC R&D Backstopped Accounts", "HQ",
                "Carrier Landing Pad", "Downloads"), shown(e.subList(17, 22), "documentName"));
        assertEquals(129780277971607147L, e.get(0).lastWritten()); // the key's K line in NTUSER.DAT.oracle.txt
        // value "0": "Downloads" in UTF-16, its NUL, then the item 64 00 32 00 ... "Downloads.lnk"
        assertCellHolds(ntuser, main.get(10).field("documentName").orElseThrow(),
                "Downloads\0".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(e.stream().allMatch(x -> x.notes().isEmpty()), e.toString());
    }

    @Test
    void aNameWithoutItsNulOrADamagedItemIsNoted() {
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs\\.txt")
                .binary("MRUListEx", Fixtures.mru(0, 1)).binary("0", "abc".getBytes(StandardCharsets.UTF_16LE))
                .binary("1", ShellItemBuilder.cat(HiveBuilder.utf16z("a.txt"), ShellItemBuilder.hex("ff00")));
        List<Entry> e = run(Catalog.RECENTDOCS, b).stream().filter(x -> x.keyPath().endsWith(".txt")).toList();
        assertEquals(List.of("abc", "a.txt"), shown(e, "documentName"));
        assertTrue(e.get(0).notes().get(0).endsWith(": the name has no UTF-16 NUL; no shell item follows"));
        assertTrue(e.get(1).notes().get(0).endsWith(": byte 12 of the data: item size 255 runs past the end of the "
                + "data (2 bytes left); the list cannot be read further"), e.get(1).notes().toString());
    }
}
