package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.HiveOptions;

class MountedDevicesTest {
    /**
     * regipy_tests/validation/validation_tests/mounted_devices_plugin_validation.py on SYSTEM.xz (in the corpus):
     * 11 entries, \DosDevices\C: with mount point C:, type drive_letter, last write .328124 (the key's FILETIME
     * is .3281250: regipy's float rounding, see ServicesTest). Its data is the 12-byte MBR form: disk signature
     * 0x5CBEA03E, partition at 1 MiB.
     */
    @Test
    void theEntriesRegipyStatesForTheCorpusSystemHive() {
        Path hive = corpus("regipy/SYSTEM");
        List<Entry> all = run(Catalog.MOUNTED_DEVICES, hive);
        assertEquals(11, all.size());
        Entry c = all.get(0);
        assertEquals("\\MountedDevices", c.keyPath());
        assertEquals("\\DosDevices\\C:", c.valueName());
        assertEquals("C:", c.shown("mountPoint"));
        assertEquals("drive letter", c.shown("mountType"));
        assertEquals("2011-07-05T19:33:28.328124+00:00", regipyTime(c.lastWritten()));
        assertEquals("mbr", c.shown("dataForm"));
        assertEquals("5CBEA03E", c.shown("diskSignature"));
        assertEquals("1048576", c.shown("partitionOffset"));
        assertCellHolds(hive, c.field("diskSignature").orElseThrow(), Fixtures.hex("3ea0be5c0000100000000000"));
        assertEquals(List.of("drive letter", "volume"), all.stream().map(e -> e.shown("mountType")).distinct().toList());
        assertTrue(all.stream().allMatch(e -> e.notes().isEmpty()));
    }

    /**
     * regipy's parse_device_data first decodes any data as UTF-16 (errors ignored) and keeps it as a path when
     * anything but NULs is left, so its MBR branch (12 bytes) is never reached for real data: C:'s bytes give
     * the "path" U+A03E U+5CBE NUL U+0010, which is no path. The bytes are the signature and the offset.
     */
    @Test
    void regipyReadsTheMbrFormAsText() {
        byte[] c = Fixtures.hex("3ea0be5c0000100000000000");
        String regipyPath = new String(c, StandardCharsets.UTF_16LE).replaceAll("\0+$", "");
        assertEquals("\ua03e\u5cbe\u0000\u0010", regipyPath);
        DeviceStructs.MountData m = DeviceStructs.mountData(c);
        assertEquals(DeviceStructs.MountForm.MBR, m.form());
        assertEquals("5CBEA03E", m.diskSignature());
        assertEquals(0x100000, m.partitionOffset());
    }

    /** A removable volume's data names its USBSTOR device: the serial the usbstor plugin lists. */
    @Test
    void aUsbVolumeNamesItsUsbstorDevice() {
        Path hive = corpus("regipy/SYSTEM");
        Entry e = run(Catalog.MOUNTED_DEVICES, hive).stream().filter(x -> x.valueName().equals("\\DosDevices\\E:"))
                .findFirst().orElseThrow();
        assertEquals("device path", e.shown("dataForm"));
        assertEquals("_??_USBSTOR#Disk&Ven_HP&Prod_v100w&Rev_1024#AA951D0000007252&0#"
                + "{53f56307-b6bf-11d0-94f2-00a0c91efb8b}", e.shown("devicePath"));
        String serial = run(Catalog.USBSTOR, hive).get(0).shown("serial");
        assertTrue(e.shown("devicePath").contains("#" + serial + "#"));
    }

    /**
     * yarp/System_Delta (a Windows 10 differencing hive, in the corpus; not a whole SYSTEM hive, so the plugin
     * is run on it directly) holds the GPT form: "DMIO:ID:" and the partition GUID. regipy would decode these 24
     * bytes as UTF-16 text too ("DMIO:ID:" is not UTF-16), and its 24-byte GPT branch, which reads a GUID and an
     * offset, is not this layout.
     */
    @Test
    void theGptFormOfAWindows10Hive() {
        try (Hive h = HiveOpener.openWithLogsBeside(corpus("yarp/System_Delta"), HiveOptions.DEFAULTS)) {
            List<Entry> all = Catalog.MOUNTED_DEVICES.plugin().run(new HiveContext(h, HiveType.SYSTEM));
            assertEquals(1, all.size());
            Entry e = all.get(0);
            checkOffsets(e, h.fileSize());
            assertEquals("C:", e.shown("mountPoint"));
            assertEquals("gpt", e.shown("dataForm"));
            assertEquals("{6F57E39F-2E6F-4B45-A752-22512BD0187F}", e.shown("partitionGuid"));
            assertTrue(e.notes().isEmpty());
        }
    }

    @Test
    void theFixturesFormsAndAnUnknownOneKeptAsHex() {
        List<Entry> all = run(Catalog.MOUNTED_DEVICES, Fixtures.system());
        assertEquals(List.of("mbr", "gpt", "device path", "unknown"), shown(all, "dataForm"));
        assertEquals("{5d5e0a3c-0000-0000-0000-100000000000}", all.get(1).shown("mountPoint"));
        assertEquals("volume", all.get(1).shown("mountType"));
        Entry odd = all.get(3);
        assertEquals("other", odd.shown("mountType"));
        assertEquals("#{00000000-0000-0000-0000-000000000000}", odd.shown("mountPoint"));
        assertEquals("0102", odd.shown("dataHex"));
        assertTrue(odd.notes().get(0).endsWith(": 2 bytes in none of the known forms (12-byte MBR, DMIO:ID: GPT, "
                + "UTF-16LE device path)"), odd.notes().toString());
        assertNull(odd.shown("devicePath"));
        assertFalse(all.get(2).shown("devicePath").endsWith("\0"));
    }
}
