package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class InstalledProgramsNtuserTest {
    /**
     * regipy_tests/validation/validation_tests/installed_programs_ntuser_validation.py states ZoomUMX of
     * NTUSER_with_winscp.DAT.xz (not in the corpus): rebuilt in the NTUSER fixture, read back. regipy copies every
     * value; patchlens keeps its declared fields (NoModify, NoRepair, HelpLink, URLUpdateInfo are in hive dump).
     */
    @Test
    void theEntryRegipyStates() {
        Entry e = run(Catalog.INSTALLED_PROGRAMS_NTUSER, Fixtures.ntuser()).get(0);
        assertEquals("ZoomUMX", e.shown("name"));
        assertEquals("2022-02-28T09:05:31.141524+00:00", regipyTime(e.lastWritten()));
        assertEquals("C:\\Users\\tony\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe", e.shown("displayIcon"));
        assertEquals("Zoom", e.shown("displayName"));
        assertEquals("5.9.3 (3169)", e.shown("displayVersion"));
        assertEquals("10000", e.shown("estimatedSize"));
        assertEquals("https://zoom.us", e.shown("urlInfoAbout"));
        assertEquals("Zoom Video Communications, Inc.", e.shown("publisher"));
        assertEquals("\"C:\\Users\\tony\\AppData\\Roaming\\Zoom\\uninstall\\Installer.exe\" /uninstall",
                e.shown("uninstallString"));
        assertEquals("C:\\Users\\tony\\AppData\\Roaming\\Zoom\\bin", e.shown("installLocation"));
    }

    /** dfwinreg's NTUSER.DAT: Spotify, its values as hive dump lists them, each offset the cell holding it. */
    @Test
    void theProgramOfACorpusHive() {
        Path ntuser = corpus("dfwinreg/NTUSER.DAT");
        List<Entry> e = run(Catalog.INSTALLED_PROGRAMS_NTUSER, ntuser);
        assertEquals(1, e.size());
        Entry s = e.get(0);
        assertEquals("\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Spotify", s.keyPath());
        assertEquals("1.0.38.171.g5e1cd7b2", s.shown("displayVersion"));
        assertEquals("20161005", s.shown("installDate"));
        assertEquals("Spotify AB", s.shown("publisher"));
        assertEquals("https://www.spotify.com", s.shown("urlInfoAbout"));
        assertCellHolds(ntuser, s.field("publisher").orElseThrow(), HiveBuilder.utf16z("Spotify AB"));
    }
}
