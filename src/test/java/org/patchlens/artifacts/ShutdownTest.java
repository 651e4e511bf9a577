package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy_tests/validation/validation_tests/shutdown_validation.py on SYSTEM.xz (corpus regipy/SYSTEM): both control
 * sets, key last written 2012-04-04T01:58:40.839250, ShutdownTime "2012-04-04 01:58:40". patchlens gives both
 * exactly: regipy rounds the key's time to the microsecond (8392499 ticks: .839250) and writes ShutdownTime to
 * the second.
 */
class ShutdownTest {
    @Test
    void theEntriesRegipyStatesForItsSystemHive() {
        Path system = corpus("regipy/SYSTEM");
        List<Entry> e = run(Catalog.SHUTDOWN, system);
        assertEquals(List.of("\\ControlSet001\\Control\\Windows", "\\ControlSet002\\Control\\Windows"),
                e.stream().map(Entry::keyPath).toList());
        for (Entry x : e) {
            assertEquals("2012-04-04T01:58:40.839250+00:00", regipyTime(x.lastWritten()));
            assertEquals("2012-04-04T01:58:40.8392499Z", FileTime.iso(x.lastWritten()));
            assertEquals("2012-04-04 01:58:40", regipyTime(ticks(x, "shutdownTime")).substring(0, 19).replace('T', ' '));
            assertEquals("ShutdownTime", x.valueName());
            assertCellHolds(system, x.field("shutdownTime").orElseThrow(), HexFormat.of().parseHex("33d729750612cd01"));
        }
        assertEquals("2012-04-04T01:58:40.8392499Z", e.get(0).shown("shutdownTime")); // the key was written with it
        assertEquals(0x01cd12067529d733L, ticks(e.get(0), "shutdownTime"));
    }

    @Test
    void aShortShutdownTimeIsNotedAndGivesNoTime() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Control\\Windows").binary("ShutdownTime", 1, 2, 3, 4, 5);
        Entry e = run(Catalog.SHUTDOWN, b).get(0);
        assertEquals(null, e.shown("shutdownTime"));
        assertTrue(e.notes().get(0).matches("\"ShutdownTime\" at file offset 0x[0-9A-F]+: 5 bytes, a FILETIME needs 8"),
                e.notes().toString());
    }
}
