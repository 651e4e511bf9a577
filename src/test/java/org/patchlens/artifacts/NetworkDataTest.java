package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.HiveOptions;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

class NetworkDataTest {
    /**
     * regipy_tests/validation/validation_tests/network_data_plugin_validation.py on SYSTEM.xz (in the corpus):
     * three interfaces in each of ControlSet001 and ControlSet002, every value it states. Where they differ:
     * regipy's "domain": 0 is, in the bytes, a REG_SZ of two bytes 00 00, an empty string (the cell holds
     * exactly that); and regipy shows the Dhcp* values only when EnableDHCP is 1, patchlens shows what the key
     * holds (a static interface keeps DhcpServer 255.255.255.255 and, for the second one, an old lease).
     */
    @Test
    void theInterfacesRegipyStatesForTheCorpusSystemHive() {
        Path hive = corpus("regipy/SYSTEM");
        List<Entry> all = run(Catalog.NETWORK_DATA, hive);
        assertEquals(6, all.size());
        for (int cs = 0; cs < 2; cs++) {
            List<Entry> set = all.subList(3 * cs, 3 * cs + 3);
            assertEquals(List.of("{698E50A9-4F58-4D86-B61D-F42E58DCACF6}", "{6AAFC9A9-0542-4DB2-8760-CCFFA953737C}",
                    "{e29ac6c2-7037-11de-816d-806e6f6e6963}"), shown(set, "interfaceGuid"));
            assertTrue(set.get(0).keyPath().startsWith("\\ControlSet00" + (cs + 1) + "\\services\\Tcpip\\"));
            for (Entry e : set) {
                assertEquals("2011-09-17T13:43:23.770078+00:00", regipyTime(e.lastWritten()));
                assertTrue(e.notes().isEmpty(), e.notes().toString());
            }
            assertEquals(List.of("10.3.58.5", "192.168.1.123"), shown(set.subList(0, 2), "ipAddress"));
            assertEquals(List.of("255.255.255.0", "255.255.255.0"), shown(set.subList(0, 2), "subnetMask"));
            assertEquals(List.of("10.3.58.1", "192.168.1.1"), shown(set.subList(0, 2), "defaultGateway"));
            assertEquals(List.of("10.3.58.4", "192.168.1.112"), shown(set.subList(0, 2), "nameServer"));
            assertEquals(List.of("", ""), shown(set.subList(0, 2), "domain"));
            assertEquals(List.of("0", "0"), shown(set.subList(0, 2), "enableDhcp"));
            Entry none = set.get(2); // regipy: dhcp_enabled False (no EnableDHCP value), the rest None
            assertNull(none.shown("enableDhcp"));
            assertNull(none.shown("ipAddress"));
            assertNull(none.shown("domain"));
        }
        assertValueRecord(hive, all.get(0).field("domain").orElseThrow()); // two bytes, kept in the value record
        try (Hive h = HiveOpener.openWithLogsBeside(hive, HiveOptions.DEFAULTS)) {
            Value domain = h.root().subkey("ControlSet001").subkey("services").subkey("Tcpip").subkey("Parameters")
                    .subkey("Interfaces").subkey("{698E50A9-4F58-4D86-B61D-F42E58DCACF6}").value("Domain");
            assertEquals(ValueType.REG_SZ.code(), domain.typeCode());
            assertArrayEquals(new byte[] {0, 0}, domain.data()); // an empty string and its NUL, not the number 0
        }
        Entry lease = all.get(1);
        assertEquals("2010-11-10T17:06:43.0000000Z", lease.shown("leaseObtainedTime")); // 0x4CDAD123 Unix seconds
        assertEquals("2010-11-16T23:06:43.0000000Z", lease.shown("leaseTerminatesTime"));
        assertEquals("540000", lease.shown("leaseSeconds")); // 6.25 days: obtained + Lease = terminates
        assertEquals(540000L * 10_000_000L, ticks(lease, "leaseTerminatesTime") - ticks(lease, "leaseObtainedTime"));
        assertEquals("192.168.1.1", lease.shown("dhcpGatewayIp"));
        assertEquals("00:18:F8:EA:2E:A2", lease.shown("dhcpGatewayMac"));
        assertNull(all.get(0).shown("leaseObtainedTime")); // 0: no lease
    }

    @Test
    void aDhcpInterfaceAndItsPerNetworkSubkey() {
        List<Entry> all = run(Catalog.NETWORK_DATA, Fixtures.system());
        assertEquals(2, all.size());
        Entry e = all.get(0);
        assertEquals("1", e.shown("enableDhcp"));
        assertEquals("192.168.1.123", e.shown("dhcpIpAddress"));
        assertEquals("255.255.255.0", e.shown("dhcpSubnetMask"));
        assertEquals("192.168.1.1", e.shown("dhcpServer"));
        assertEquals("192.168.1.1", e.shown("dhcpDefaultGateway"));
        assertEquals("192.168.1.112", e.shown("dhcpNameServer"));
        assertEquals("shieldbase.local", e.shown("dhcpDomain"));
        assertEquals("2010-11-13T20:06:43.0000000Z", e.shown("t1")); // 0x4CDEEFD3 Unix seconds
        assertEquals("2010-11-16T04:21:43.0000000Z", e.shown("t2"));
        Entry network = all.get(1);
        assertTrue(network.keyPath().endsWith("{6AAFC9A9-0542-4DB2-8760-CCFFA953737C}\\8756F4E33D3B7E8A4F0A4D83E3C1A7F2"));
        assertEquals("10.0.0.7", network.shown("dhcpIpAddress"));
        assertEquals("1970-01-01T00:00:01.0000000Z", network.shown("leaseObtainedTime"));
    }

    @Test
    void hostileValuesAreNotedWithTheirOffsets() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\{6AAFC9A9-0542-4DB2-8760-CCFFA953737C}")
                .binary("DhcpGatewayHardware", Fixtures.hex("0a00000106000000aabb")).sz("T1", "soon")
                .qword("T2", 0x1_0000_0000L);
        Entry e = run(Catalog.NETWORK_DATA, b).get(0);
        assertEquals("10.0.0.1", e.shown("dhcpGatewayIp"));
        assertEquals("AA:BB", e.shown("dhcpGatewayMac"));
        assertNull(e.shown("t1"));
        assertNull(e.shown("t2"));
        assertEquals(3, e.notes().size(), e.notes().toString());
        assertTrue(e.notes().get(0).endsWith("REG_SZ \"soon\" where a number was expected"), e.notes().get(0));
        assertTrue(e.notes().get(1).endsWith(": 4294967296 is not a 32-bit count of Unix seconds"), e.notes().get(1));
        assertTrue(e.notes().get(2).matches("\"DhcpGatewayHardware\" at file offset 0x[0-9A-F]+: the hardware "
                + "address length says 6 bytes, 2 follow"), e.notes().get(2));
    }
}
