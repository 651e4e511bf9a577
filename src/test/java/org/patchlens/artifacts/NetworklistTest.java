package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy_tests/validation/validation_tests/networklist_plugin_validation.py states one profile of SOFTWARE.xz,
 * which the corpus does not have (it has no SOFTWARE hive, and no NetworkList anywhere); it is rebuilt in the
 * SOFTWARE fixture with a signature naming it and one naming no profile.
 */
class NetworklistTest {
    @Test
    void theProfileRegipyStatesJoinedWithItsSignature() {
        List<Entry> all = run(Catalog.NETWORKLIST, Fixtures.software());
        assertEquals(2, all.size());
        Entry e = all.get(0);
        assertEquals("\\Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles\\"
                + "{1EDE3981-5784-4C61-B5A7-CF328A10043E}", e.keyPath());
        assertEquals("{1EDE3981-5784-4C61-B5A7-CF328A10043E}", e.shown("profileGuid"));
        assertEquals("2012-04-04T11:48:39.392750+00:00", regipyTime(e.lastWritten()));
        assertEquals("shieldbase.local", e.shown("profileName"));
        assertEquals("shieldbase.local", e.shown("description"));
        assertEquals("1", e.shown("managed")); // regipy: True
        assertEquals("Domain", e.shown("category"));
        assertEquals("2", e.shown("categoryCode"));
        assertEquals("Wired", e.shown("nameType"));
        assertEquals("6", e.shown("nameTypeCode"));
        assertEquals("2012-04-04T11:48:39.3920000", e.shown("dateCreatedLocal")); // builder-made, local: no zone
        assertEquals("2012-04-07T17:30:09.9990000", e.shown("dateLastConnectedLocal"));
        assertEquals("Managed", e.shown("signatureType"));
        assertEquals("00:18:F8:EA:2E:A2", e.shown("defaultGatewayMac"));
        assertEquals("shieldbase.local", e.shown("dnsSuffix"));
        assertEquals("shieldbase.local", e.shown("firstNetwork"));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
        Entry alone = all.get(1);
        assertTrue(alone.keyPath().contains("\\Signatures\\Unmanaged\\"));
        assertEquals("{00000000-0000-0000-0000-0000000000AA}", alone.shown("profileGuid"));
        assertEquals("Guest", alone.shown("firstNetwork"));
        assertNull(alone.shown("profileName"));
        assertEquals("00:11:22:33:44:55:66", alone.shown("defaultGatewayMac"));
        assertTrue(alone.notes().get(0).endsWith(": 7 bytes, a MAC address has 6"), alone.notes().toString());
    }

    @Test
    void typesAndCategoriesAreDecodedUnknownOnesKept() {
        assertEquals("Wireless", Networklist.nameType(0x47));
        assertEquals("Broadband", Networklist.nameType(0x17));
        assertEquals("Mobile broadband", Networklist.nameType(0xF3));
        assertEquals("unknown (0x1C)", Networklist.nameType(0x1C));
        assertEquals("unknown (0x100000006)", Networklist.nameType(0x100000006L));
        HiveBuilder b = Fixtures.software();
        b.key("Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles\\{1EDE3981-5784-4C61-B5A7-CF328A10043E}")
                .dword("Category", 7).binary("DateCreated", Fixtures.hex("dc070d00030004000b003000270088"))
                .binary("DateLastConnected", Fixtures.hex("dc070d00030020000b00300027008801"));
        Entry e = run(Catalog.NETWORKLIST, b).get(0);
        assertEquals("unknown (7)", e.shown("category"));
        assertNull(e.shown("dateCreatedLocal"));
        assertEquals("year 2012, month 13, weekday 3, day 32, 11:48:39.392", e.shown("dateLastConnectedLocal"));
        assertTrue(e.notes().get(0).matches("\"DateCreated\" at file offset 0x[0-9A-F]+: 15 bytes, a SYSTEMTIME needs 16"),
                e.notes().toString());
        assertTrue(e.notes().get(1).endsWith(": month 13 is not 1 to 12; day 32 is not 1 to 31"), e.notes().toString());
    }
}
