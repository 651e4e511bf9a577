package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class UsbstorTest {
    /**
     * regipy_tests/validation/validation_tests/usbstor_plugin_validation.py states one entry for
     * SYSTEM_WIN_10_1709.xz (not in the corpus), rebuilt in the SYSTEM fixture in the Windows 10 property layout
     * with the FILETIMEs that hive holds (read from it once: regipy's six digits are its rounding of them).
     * regipy's manufacturer, title and version keep the Ven_, Prod_, Rev_ prefixes, patchlens drops them.
     */
    @Test
    void theEntryRegipyStatesForWindows10() {
        List<Entry> all = run(Catalog.USBSTOR, Fixtures.system());
        assertEquals(1, all.size());
        Entry e = all.get(0);
        assertEquals("\\ControlSet001\\Enum\\USBSTOR\\Disk&Ven_SanDisk&Prod_Cruzer&Rev_1.20\\200608767007B7C08A6A&0",
                e.keyPath());
        assertEquals("SanDisk Cruzer USB Device", e.shown("busReportedDeviceDesc")); // device_name
        assertEquals("SanDisk Cruzer USB Device", e.shown("friendlyName"));
        assertEquals("{fc416b61-6437-11ea-bd0c-a483e7c21469}", e.shown("diskId")); // disk_guid
        assertEquals("2020-03-17T14:02:38.955490+00:00", regipyTime(ticks(e, "firstInstallDate")));
        assertEquals("2020-03-17T14:02:38.955490+00:00", regipyTime(ticks(e, "deviceInstallDate"))); // last_installed
        assertEquals("2020-03-17T14:02:38.946628+00:00", regipyTime(ticks(e, "lastArrivalDate"))); // last_connected
        assertEquals("2020-03-17T14:23:45.504690+00:00", regipyTime(ticks(e, "lastRemovalDate")));
        assertEquals("2020-03-17T14:02:38.965050+00:00", regipyTime(e.lastWritten()));
        assertEquals("2020-03-17T14:02:38.9466272Z", e.shown("lastArrivalDate")); // the tick regipy rounds
        assertEquals("Ven_SanDisk", "Ven_" + e.shown("vendor"));
        assertEquals("Prod_Cruzer", "Prod_" + e.shown("product"));
        assertEquals("Rev_1.20", "Rev_" + e.shown("revision"));
        assertEquals("200608767007B7C08A6A&0", e.shown("serial"));
        assertEquals("Disk", e.shown("deviceType"));
        assertEquals("0", e.shown("noUniqueSerial"));
        assertEquals("2020-03-17T14:02:38.9826880Z", e.shown("lastConnectedInferred"));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    /**
     * The corpus SYSTEM (Windows 7) has one device in ControlSet001 and 002. Windows 7 stores the property store
     * as {@code {83da6326-...}\00000064\00000000} with values Type (0x10, DEVPROP_TYPE_FILETIME) and Data: regipy
     * looks for subkeys named {@code 0064} and {@code 0065} and finds none, so it would give no times here, nor
     * device_name (it looks for {@code 0004}, the key is {@code 00000004}). The FILETIMEs are in the bytes: each
     * field's offset is the cell holding {@code e01b2da028f0cb01}, the Data of 00000064 and 00000065 in the oracle.
     * Windows 7 records no arrival or removal (no 0066, 0067); the disk's DeviceClasses key gives the inferred
     * connection, its last-written time as the oracle's K line has it (129461071585923321).
     */
    @Test
    void windows7PropertiesAreReadWhereRegipyFindsNone() {
        Path hive = corpus("regipy/SYSTEM");
        List<Entry> all = run(Catalog.USBSTOR, hive);
        assertEquals(List.of("\\ControlSet001\\Enum\\USBSTOR\\Disk&Ven_HP&Prod_v100w&Rev_1024\\AA951D0000007252&0",
                "\\ControlSet002\\Enum\\USBSTOR\\Disk&Ven_HP&Prod_v100w&Rev_1024\\AA951D0000007252&0"),
                all.stream().map(Entry::keyPath).toList());
        Entry e = all.get(0);
        assertEquals("HP", e.shown("vendor"));
        assertEquals("v100w", e.shown("product"));
        assertEquals("1024", e.shown("revision"));
        assertEquals("AA951D0000007252&0", e.shown("serial"));
        assertEquals("HP v100w USB Device", e.shown("friendlyName"));
        assertEquals("HP v100w USB Device", e.shown("busReportedDeviceDesc"));
        assertEquals("{eba74da4-5bb2-11e0-95d1-000c2971073c}", e.shown("diskId"));
        assertEquals("2011-04-01T04:52:38.6860000Z", e.shown("deviceInstallDate"));
        assertEquals("2011-04-01T04:52:38.6860000Z", e.shown("firstInstallDate"));
        assertCellHolds(hive, e.field("deviceInstallDate").orElseThrow(), Fixtures.hex("e01b2da028f0cb01"));
        assertCellHolds(hive, e.field("firstInstallDate").orElseThrow(), Fixtures.hex("e01b2da028f0cb01"));
        assertNull(e.shown("lastArrivalDate"));
        assertNull(e.shown("lastRemovalDate"));
        assertEquals(129461071585923321L, ticks(e, "lastConnectedInferred"));
        assertEquals("0", e.shown("noUniqueSerial"));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    @Test
    void anXpDeviceWithoutSerialHasItsParentIdPrefixAndOnlyTheInferredTime() {
        HiveBuilder b = Fixtures.system();
        HiveBuilder.K cs = b.key("ControlSet002");
        cs.key("Enum\\USBSTOR\\Disk&Ven_Generic&Prod_Flash_Disk&Rev_8.07\\7&2a6c5c4a&0").sz("ParentIdPrefix",
                "8&1e4b2c3&0").sz("FriendlyName", "Generic Flash Disk USB Device");
        cs.key("Control\\DeviceClasses\\{53f56307-b6bf-11d0-94f2-00a0c91efb8b}\\##?#USBSTOR#Disk&Ven_Generic&"
                + "Prod_Flash_Disk&Rev_8.07#7&2a6c5c4a&0#{53f56307-b6bf-11d0-94f2-00a0c91efb8b}")
                .lastWritten(Fixtures.t("2008-05-01T10:00:00.1234567Z"));
        Entry e = run(Catalog.USBSTOR, b).get(1);
        assertEquals("1", e.shown("noUniqueSerial"));
        assertEquals("8&1e4b2c3&0", e.shown("parentIdPrefix"));
        assertEquals("Flash_Disk", e.shown("product"));
        assertEquals("2008-05-01T10:00:00.1234567Z", e.shown("lastConnectedInferred"));
        assertNull(e.shown("firstInstallDate"));
    }

    @Test
    void propertiesOfTheWrongTypeOrLengthAreNotedWithTheirOffset() {
        HiveBuilder b = Fixtures.system();
        HiveBuilder.K dates = b.key("ControlSet001\\Enum\\USBSTOR\\Disk&Ven_SanDisk&Prod_Cruzer&Rev_1.20\\"
                + "200608767007B7C08A6A&0\\Properties\\{83da6326-97a6-4088-9453-a1923f573b29}");
        dates.key("0064").value("", Fixtures.PROP_FILETIME, new byte[] {1, 2, 3});
        dates.key("0066").value("", Fixtures.PROP_STRING, Fixtures.utf16z("x"));
        dates.key("00000067\\00000000").dword("Type", 0x10).binary("Data", new byte[12]);
        Entry e = run(Catalog.USBSTOR, b).get(0);
        assertNull(e.shown("deviceInstallDate"));
        assertNull(e.shown("lastArrivalDate"));
        assertEquals("1601-01-01T00:00:00.0000000Z", e.shown("lastRemovalDate")); // the Windows 7 layout is read too
        assertEquals("2020-03-17T14:02:38.9554894Z", e.shown("firstInstallDate"));
        assertEquals(3, e.notes().size(), e.notes().toString());
        assertTrue(e.notes().get(0).matches("\"\\(default\\)\" at file offset 0x[0-9A-F]+: 3 bytes, a FILETIME needs 8"),
                e.notes().get(0));
        assertTrue(e.notes().get(1).endsWith("DEVPROP_TYPE 0x12 where a FILETIME (0x10) was expected; lastArrivalDate "
                + "not read"), e.notes().get(1));
        assertTrue(e.notes().get(2).matches("\"Data\" at file offset 0x[0-9A-F]+: 4 bytes after the FILETIME .*"),
                e.notes().get(2));
    }

    @Test
    void aDeviceKeyNameWithoutItsPartsGivesOnlyWhatItHas() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        b.key("ControlSet001\\Enum\\USBSTOR\\Other\\X").sz("FriendlyName", "x");
        b.key("ControlSet001\\Control\\ComputerName\\ComputerName").sz("ComputerName", "A");
        b.key("ControlSet001\\Services");
        Entry e = run(Catalog.USBSTOR, b).get(0);
        assertEquals("Other", e.shown("deviceType"));
        assertNull(e.shown("vendor"));
        assertEquals("X", e.shown("serial"));
        assertEquals("0", e.shown("noUniqueSerial"));
    }
}
