package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class WordWheelQueryTest {
    /**
     * regipy_tests/validation/validation_tests/word_wheel_query_ntuser_validation.py on NTUSER.DAT.xz (corpus
     * regipy/NTUSER.DAT): six entries, the first {mru_id 1, order 0, name "alloy"}, key written
     * 2012-04-04T15:45:18.551340. The order is MRUListEx's: 01 05 04 03 02 00, then FFFFFFFF.
     */
    @Test
    void theEntriesRegipyStatesForItsNtuserHive() {
        Path ntuser = corpus("regipy/NTUSER.DAT");
        List<Entry> e = run(Catalog.WORD_WHEEL_QUERY, ntuser);
        assertEquals(6, e.size());
        assertEquals(List.of("alloy", "test-plan", "vibranium", "accounts", "myron maclain", "adamantium"),
                shown(e, "searchTerm"));
        assertEquals(List.of("1", "5", "4", "3", "2", "0"), shown(e, "mruId"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), shown(e, "order"));
        assertEquals("2012-04-04T15:45:18.551340+00:00", regipyTime(e.get(0).lastWritten()));
        assertCellHolds(ntuser, e.get(0).field("order").orElseThrow(),
                HexFormat.of().parseHex("010000000500000004000000030000000200000000000000ffffffff"));
        assertCellHolds(ntuser, e.get(0).field("searchTerm").orElseThrow(), HiveBuilder.utf16z("alloy"));
        assertTrue(e.stream().allMatch(x -> x.notes().isEmpty()));
    }

    @Test
    void aListThatNamesMissingValuesOrHasNoEndIsNoted() {
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\WordWheelQuery")
                .binary("MRUListEx", HexFormat.of().parseHex("0100000007000000010000000000"))
                .binary("0", HexFormat.of().parseHex("610062"))
                .binary("3", HiveBuilder.utf16z("unlisted"));
        List<Entry> e = run(Catalog.WORD_WHEEL_QUERY, b);
        assertEquals(List.of("alloy", "a", "unlisted"), shown(e, "searchTerm"));
        assertEquals(java.util.Arrays.asList("0", null, null), shown(e, "order")); // "0" and "3" are not in the list
        List<String> notes = e.get(0).notes();
        assertTrue(notes.get(0).matches("\"MRUListEx\" at file offset 0x[0-9A-F]+: no 0xFFFFFFFF terminator; 14 "
                + "bytes, not a multiple of 4 \\(the last 2 ignored\\)"), notes.toString());
        assertTrue(notes.get(1).endsWith(": lists 7, but there is no value \"7\""), notes.toString());
        assertTrue(notes.get(2).endsWith(": lists 1 twice; the first place is used"), notes.toString());
        assertTrue(e.get(1).notes().get(0).matches("\"0\" at file offset 0x[0-9A-F]+: 3 bytes, an odd length for "
                + "UTF-16 text; the last byte is left out"), e.get(1).notes().toString());
        assertEquals(List.of(), e.get(2).notes());
    }
}
