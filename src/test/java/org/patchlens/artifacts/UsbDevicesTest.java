package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsbDevicesTest {
    /**
     * regipy_tests/validation/validation_tests/usb_devices_plugin_validation.py on SYSTEM.xz (in the corpus:
     * regipy/SYSTEM): 14 entries, and the ROOT_HUB one value by value. regipy strips DeviceDesc and Mfg to what
     * follows the last ';' ({@code strip_resource_ref}); patchlens keeps the value as stored, which ends so.
     */
    @Test
    void theEntriesRegipyStatesForTheCorpusSystemHive() {
        List<Entry> all = run(Catalog.USB_DEVICES, corpus("regipy/SYSTEM"));
        assertEquals(14, all.size());
        Entry e = all.get(0);
        assertEquals("\\ControlSet001\\Enum\\USB\\ROOT_HUB\\5&391b2433&0", e.keyPath());
        assertEquals("ROOT_HUB", e.shown("vidPid"));
        assertNull(e.shown("vid"));
        assertNull(e.shown("pid"));
        assertEquals("5&391b2433&0", e.shown("instanceId"));
        assertEquals("2012-04-07T10:31:37.625246+00:00", regipyTime(e.lastWritten()));
        assertEquals("USB\\ROOT_HUB&VID8086&PID7112&REV0000\nUSB\\ROOT_HUB&VID8086&PID7112\nUSB\\ROOT_HUB",
                e.shown("hardwareId"));
        assertEquals("{00000000-0000-0000-ffff-ffffffffffff}", e.shown("containerId"));
        assertEquals("usbhub", e.shown("service"));
        assertEquals("{36fc9e60-c465-11cf-8056-444553540000}", e.shown("classGuid"));
        assertEquals("{36fc9e60-c465-11cf-8056-444553540000}\\0002", e.shown("driver"));
        assertEquals("USB", e.shown("deviceClass"));
        assertEquals("@usbport.inf,%generic.mfg%;(Standard USB Host Controller)", e.shown("mfg"));
        assertEquals("@usbport.inf,%usb\\root_hub.devicedesc%;USB Root Hub", e.shown("deviceDesc"));
        assertEquals("1", e.shown("noUniqueSerial"));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
        Entry disk = all.stream().filter(x -> x.shown("vidPid").equals("VID_03F0&PID_3207")).findFirst().orElseThrow();
        assertEquals("03F0", disk.shown("vid"));
        assertEquals("3207", disk.shown("pid"));
        assertEquals("AA951D0000007252", disk.shown("instanceId")); // the serial USBSTOR shows as AA951D0000007252&0
        assertEquals("0", disk.shown("noUniqueSerial"));
    }

    @Test
    void theFixturesDeviceWithItsWindows10Name() {
        Entry e = run(Catalog.USB_DEVICES, Fixtures.system()).get(0);
        assertEquals("0781", e.shown("vid"));
        assertEquals("5530", e.shown("pid"));
        assertEquals("Cruzer", e.shown("busReportedDeviceDesc"));
        assertEquals("USB\\VID_0781&PID_5530&REV_0120\nUSB\\VID_0781&PID_5530", e.shown("hardwareId"));
    }

    @Test
    void vendorAndProductIdsAreReadFromTheNameWhateverItHolds() {
        assertEquals("0003", UsbDevices.id("VID_0E0F&PID_0003&MI_00", "PID_"));
        assertEquals("0e0f", UsbDevices.id("vid_0e0f&pid_0003", "VID_"));
        assertNull(UsbDevices.id("ROOT_HUB20", "VID_"));
        assertNull(UsbDevices.id("XVID_1", "VID_"));
        assertEquals("", UsbDevices.id("VID_", "VID_"));
        assertEquals("ß", UsbDevices.id("ẞx&VID_ß", "VID_")); // upper-casing would shift the index
    }
}
