package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy_tests/validation/validation_tests/profile_list_plugin_validation.py states eleven profiles of SOFTWARE.xz
 * (not in the corpus); two of them, the system profile (no load time: regipy's None) and rsydow's (load time
 * halves both 0: regipy's "1601-01-01T00:00:00"), rebuilt in the SOFTWARE fixture and read back.
 */
class ProfileListTest {
    @Test
    void theProfilesRegipyStates() {
        List<Entry> e = run(Catalog.PROFILELIST, Fixtures.software());
        Entry system = e.get(0);
        assertEquals("S-1-5-18", system.shown("sid"));
        assertEquals("%systemroot%\\system32\\config\\systemprofile", system.shown("profileImagePath"));
        assertEquals("12", system.shown("flags"));
        assertEquals("0", system.shown("state"));
        assertEquals(null, system.shown("loadTime"));
        assertEquals("2009-07-14T04:41:12.493608+00:00", regipyTime(system.lastWritten()));
        Entry user = e.get(1);
        assertEquals("S-1-5-21-2036804247-3058324640-2116585241-1114", user.shown("sid"));
        assertEquals("256", user.shown("state"));
        assertEquals("1601-01-01T00:00:00+00:00", regipyTime(ticks(user, "loadTime")));
        assertEquals("1601-01-01T00:00:00.0000000Z", user.shown("loadTime"));
    }

    @Test
    void theHalvesMakeOneFiletimeAndALoneHalfIsNoted() {
        HiveBuilder b = Fixtures.software();
        b.key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-18").dword("LocalProfileLoadTimeHigh",
                0x01D5F6A2L).dword("LocalProfileLoadTimeLow", 0x3B9ACA00L).dword("LocalProfileUnloadTimeHigh", 1);
        Entry e = run(Catalog.PROFILELIST, b).get(0);
        assertEquals(0x01D5F6A23B9ACA00L, ticks(e, "localLoadTime"));
        assertEquals(null, e.shown("localUnloadTime"));
        assertTrue(e.notes().get(0).matches("\"LocalProfileUnloadTimeHigh\" at file offset 0x[0-9A-F]+: its other "
                + "half, LocalProfileUnloadTimeLow, is missing; no time"), e.notes().toString());
    }
}
