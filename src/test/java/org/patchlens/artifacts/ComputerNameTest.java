package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

class ComputerNameTest {
    /** regipy_tests/validation/validation_tests/computer_name_plugin_validation.py, on SYSTEM.xz (corpus regipy/SYSTEM). */
    @Test
    void theEntriesRegipyStatesForItsSystemHive() {
        Path system = corpus("regipy/SYSTEM");
        List<Entry> e = run(Catalog.COMPUTER_NAME, system);
        assertEquals(List.of("WKS-WIN732BITA", "WIN-V5T3CSP8U4H"), shown(e, "computerName"));
        assertEquals(List.of("2010-11-10T17:18:08.718750+00:00", "2010-11-10T18:17:36.968750+00:00"),
                e.stream().map(x -> regipyTime(x.lastWritten())).toList());
        // exact to the tick, as hive dump writes it
        assertEquals("2010-11-10T17:18:08.7187500Z", FileTime.iso(e.get(0).lastWritten()));
        assertEquals("\\ControlSet001\\Control\\ComputerName\\ComputerName", e.get(0).keyPath());
        assertEquals("ComputerName", e.get(0).valueName());
        // the offset is the data cell holding the name
        assertCellHolds(system, e.get(0).field("computerName").orElseThrow(), HiveBuilder.utf16z("WKS-WIN732BITA"));
    }

    @Test
    void aNameStoredAsBinaryIsShownAsHexWithANoteNamingItsOffset() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Control\\ComputerName\\ComputerName").binary("ComputerName", 0x41, 0x00, 0x42);
        Entry e = run(Catalog.COMPUTER_NAME, b).get(0);
        assertEquals("410042", e.shown("computerName"));
        assertEquals(1, e.notes().size());
        assertTrue(e.notes().get(0).matches("\"ComputerName\" at file offset 0x[0-9A-F]+: REG_BINARY of 3 bytes where "
                + "a string was expected; shown as hex"), e.notes().get(0));
    }
}
