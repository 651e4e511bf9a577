package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy_tests/validation/validation_tests/bam_validation.py states its entries for SYSTEM_WIN_10_1709.xz, which
 * the corpus does not have (its SYSTEM hives are Windows 7 and XP: no BAM). Its stated entry is rebuilt in the
 * SYSTEM fixture the way Windows writes it (24 bytes, the FILETIME first) and read back; the corpus hives are
 * read too, to show they hold none.
 */
class BamTest {
    @Test
    void theEntryRegipyStatesRebuiltAsWindowsWritesIt() {
        List<Entry> e = run(Catalog.BAM, Fixtures.system());
        assertEquals(1, e.size());
        Entry x = e.get(0);
        assertEquals("\\ControlSet001\\Services\\bam\\State\\UserSettings\\S-1-5-90-0-1", x.keyPath());
        assertEquals("S-1-5-90-0-1", x.shown("sid"));
        assertEquals("\\Device\\HarddiskVolume2\\Windows\\System32\\dwm.exe", x.shown("executable"));
        assertEquals(x.valueName(), x.shown("executable"));
        assertEquals("2020-04-19T09:09:35.731816+00:00", regipyTime(ticks(x, "lastExecution")));
        assertEquals("9", x.shown("sequenceNumber"));
        assertEquals("1", x.shown("version"));
        assertTrue(x.notes().isEmpty());
    }

    @Test
    void theOlderPlaceAndTheDesktopModeratorAreReadToo() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Services\\bam\\UserSettings\\S-1-5-21-1-2-3-1001").binary("C:\\a.exe", new byte[24]);
        b.key("ControlSet001\\Services\\dam\\State\\UserSettings\\S-1-5-21-1-2-3-1001").binary("Microsoft.App_x",
                new byte[24]);
        List<Entry> e = run(Catalog.BAM, b);
        assertEquals(List.of("\\Device\\HarddiskVolume2\\Windows\\System32\\dwm.exe", "C:\\a.exe", "Microsoft.App_x"),
                shown(e, "executable"));
        assertEquals("1601-01-01T00:00:00.0000000Z", e.get(1).shown("lastExecution"));
    }

    @Test
    void theWindows7CorpusHivesHaveNone() {
        assertEquals(List.of(), run(Catalog.BAM, corpus("regipy/SYSTEM")));
    }

    @Test
    void aRecordTooShortForItsTimeIsNoted() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Services\\bam\\State\\UserSettings\\S-1-5-90-0-1").binary("x.exe", 1, 2, 3, 4, 5)
                .sz("Version", "one");
        Entry e = run(Catalog.BAM, b).stream().filter(x -> x.valueName().equals("x.exe")).findFirst().orElseThrow();
        assertEquals(null, e.shown("lastExecution"));
        assertEquals("S-1-5-90-0-1", e.shown("sid"));
        assertTrue(e.notes().get(0).matches("\"x\\.exe\" at file offset 0x[0-9A-F]+: 5 bytes, a BAM record starts "
                + "with an 8-byte FILETIME"), e.notes().toString());
        assertTrue(e.notes().get(1).endsWith("REG_SZ \"one\" where a number was expected"), e.notes().toString());
    }
}
