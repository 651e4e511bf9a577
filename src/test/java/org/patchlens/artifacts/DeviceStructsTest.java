package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The device and network structures on built bytes, field by field, and their edges. */
class DeviceStructsTest {
    @Test
    void mountedDeviceForms() {
        DeviceStructs.MountData gpt = DeviceStructs.mountData(Fixtures.hex(
                "444d494f3a49443a9fe3576f6f2e454ba75222512bd0187f00"));
        assertEquals("{6F57E39F-2E6F-4B45-A752-22512BD0187F}", gpt.partitionGuid());
        assertEquals("1 bytes after the GUID (25 bytes; 24 used)", gpt.problem());
        DeviceStructs.MountData cut = DeviceStructs.mountData(Fixtures.hex("444d494f3a49443a9fe3"));
        assertEquals(DeviceStructs.MountForm.GPT, cut.form());
        assertNull(cut.partitionGuid());
        DeviceStructs.MountData big = DeviceStructs.mountData(Fixtures.hex("01020304ffffffffffffffff"));
        assertEquals("04030201", big.diskSignature());
        assertEquals("partition offset 18446744073709551615 is past 2^63", big.problem());
        assertEquals(DeviceStructs.MountForm.UNKNOWN, DeviceStructs.mountData(new byte[0]).form());
        assertEquals("no data", DeviceStructs.mountData(new byte[0]).problem());
    }

    @Test
    void devicePathsMustLookLikeOne() {
        assertEquals("\\??\\STORAGE#Volume", DeviceStructs.devicePath(Fixtures.utf16z("\\??\\STORAGE#Volume")));
        assertNull(DeviceStructs.devicePath(Fixtures.utf16z("C:\\Windows")));
        assertNull(DeviceStructs.devicePath(Fixtures.utf16z("\\??\\a\u001bb")));
        assertNull(DeviceStructs.devicePath(Fixtures.hex("5c003f003f005c0000d8"))); // an unpaired surrogate
        assertEquals("\\??\\", DeviceStructs.devicePath(Fixtures.hex("5c003f003f005c00"))); // the prefix alone
    }

    @Test
    void systemTimes() {
        assertEquals("none", DeviceStructs.systemTime(new byte[16]).text());
        assertEquals("2024-02-29T23:59:59.9990000", DeviceStructs.systemTime(
                Fixtures.hex("e807020004001d0017003b003b00e703")).text());
        DeviceStructs.LocalTime feb = DeviceStructs.systemTime(Fixtures.hex("e707020002001d000000000000000000"));
        assertEquals("day 29 is not 1 to 28", feb.problem());
        assertEquals("2 bytes after the SYSTEMTIME (18 bytes; 16 used)",
                DeviceStructs.systemTime(new byte[18]).problem());
    }

    @Test
    void gatewayHardware() {
        DeviceStructs.GatewayHardware g = DeviceStructs.gatewayHardware(Fixtures.hex("c0a80101060000000018f8ea2ea2"));
        assertEquals("192.168.1.1", g.ip());
        assertEquals("00:18:F8:EA:2E:A2", g.mac());
        assertNull(g.problem());
        DeviceStructs.GatewayHardware huge = DeviceStructs.gatewayHardware(Fixtures.hex("c0a80101ffffffff01"));
        assertEquals("01", huge.mac());
        assertEquals("the hardware address length says 4294967295 bytes, 1 follow", huge.problem());
        assertNull(DeviceStructs.gatewayHardware(new byte[7]).ip());
    }
}
