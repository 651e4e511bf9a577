package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class NtuserPersistenceTest {
    /**
     * regipy_tests/validation/validation_tests/ntuser_persistence_validation.py on NTUSER.DAT.xz (corpus
     * regipy/NTUSER.DAT): one entry, Run : Sidebar, REG_EXPAND_SZ, key written 2012-04-03T21:19:54.837716. The
     * hive's Windows NT\CurrentVersion\Windows : Load (a place patchlens reads and regipy does not) is there but
     * empty, so it starts nothing and gives no entry: the same single entry.
     */
    @Test
    void theEntryRegipyStatesForItsNtuserHive() {
        Path ntuser = corpus("regipy/NTUSER.DAT");
        List<Entry> e = run(Catalog.NTUSER_PERSISTENCE, ntuser);
        assertEquals(1, e.size(), e.toString());
        Entry x = e.get(0);
        assertEquals("\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", x.keyPath());
        assertEquals("Sidebar", x.valueName());
        assertEquals("%ProgramFiles%\\Windows Sidebar\\Sidebar.exe /autoRun", x.shown("command"));
        assertEquals("2012-04-03T21:19:54.837716+00:00", regipyTime(x.lastWritten()));
        assertCellHolds(ntuser, x.field("command").orElseThrow(),
                HiveBuilder.utf16z("%ProgramFiles%\\Windows Sidebar\\Sidebar.exe /autoRun"));
    }

    /** dfwinreg's NTUSER.DAT (regipy has no case for it): its Run key as hive dump lists it. */
    @Test
    void theRunKeyOfAnotherCorpusHive() {
        List<Entry> e = run(Catalog.NTUSER_PERSISTENCE, corpus("dfwinreg/NTUSER.DAT"));
        assertEquals(List.of("Spotify Web Helper", "Spotify"), e.stream().map(Entry::valueName).toList());
        assertEquals("\"C:\\Users\\bperry\\AppData\\Roaming\\Spotify\\Spotify.exe\" -autostart -minimized",
                e.get(1).shown("command"));
    }

    @Test
    void aNamedAutostartValueIsListedWhenItHoldsSomething() {
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows").sz("Load", "C:\\x.exe").sz("Other", "y");
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce").sz("empty", "");
        List<Entry> e = run(Catalog.NTUSER_PERSISTENCE, b);
        assertEquals(List.of("Sidebar", "empty", "Load"), e.stream().map(Entry::valueName).toList());
    }
}
