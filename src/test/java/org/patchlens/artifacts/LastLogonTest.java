package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * regipy_tests/validation/validation_tests/last_logon_plugin_validation.py states the LogonUI values of SOFTWARE.xz
 * (not in the corpus): rebuilt in the SOFTWARE fixture and read back; Winlogon's DefaultUserName (NT 4.0 to 2003)
 * is a second entry regipy does not have.
 */
class LastLogonTest {
    @Test
    void theValuesRegipyStates() {
        List<Entry> e = run(Catalog.LAST_LOGON, Fixtures.software());
        Entry ui = e.get(0);
        assertEquals("{6F45DC1E-5384-457A-BC13-2CD81B0D28ED}", ui.shown("lastLoggedOnProvider"));
        assertEquals("SHIELDBASE\\rsydow", ui.shown("lastLoggedOnSamUser"));
        assertEquals("SHIELDBASE\\rsydow", ui.shown("lastLoggedOnUser"));
        assertEquals("0", ui.shown("showTabletKeyboard"));
        assertEquals("2012-04-04T12:20:41.453654+00:00", regipyTime(ui.lastWritten()));
        assertEquals(4, ui.fields().size(), "regipy: 5 keys, last_write and these four");
        Entry winlogon = e.get(1);
        assertEquals("rsydow", winlogon.shown("defaultUserName"));
        assertEquals("SHIELDBASE", winlogon.shown("defaultDomainName"));
        assertEquals("\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", winlogon.keyPath());
    }
}
