package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy_tests/validation/validation_tests/installed_programs_software_plugin_validation.py states two of its 67
 * entries for SOFTWARE.xz (not in the corpus): AddressBook (no values) and Connection Manager (SystemComponent
 * 1), both last written 2009-07-14T04:41:12.758808; rebuilt in the SOFTWARE fixture and read back.
 */
class InstalledProgramsSoftwareTest {
    @Test
    void theEntriesRegipyStates() {
        List<Entry> e = run(Catalog.INSTALLED_PROGRAMS_SOFTWARE, Fixtures.software());
        assertEquals(List.of("AddressBook", "Connection Manager"), shown(e, "name"));
        assertEquals(List.of("name"), e.get(0).fields().stream().map(Field::name).toList());
        assertEquals("1", e.get(1).shown("systemComponent"));
        for (Entry x : e) {
            assertEquals("\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\" + x.shown("name"), x.keyPath());
            assertEquals("2009-07-14T04:41:12.758808+00:00", regipyTime(x.lastWritten()));
        }
    }

    @Test
    void thirtyTwoBitProgramsAreReadFromWow6432Node() {
        HiveBuilder b = Fixtures.software();
        b.key("Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{GUID}").sz("DisplayName", "Old tool")
                .sz("InstallDate", "20010615").sz("EstimatedSize", "12x");
        Entry e = run(Catalog.INSTALLED_PROGRAMS_SOFTWARE, b).get(2);
        assertEquals("Old tool", e.shown("displayName"));
        assertEquals("20010615", e.shown("installDate"));
        assertEquals(null, e.shown("estimatedSize"));
        assertTrue(e.notes().get(0).endsWith("REG_SZ \"12x\" where a number was expected"), e.notes().toString());
    }
}
