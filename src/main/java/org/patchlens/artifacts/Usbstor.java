package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;

/**
 * USB mass-storage devices: one entry per instance key {@code ControlSetNNN\Enum\USBSTOR\<type&ven&prod&rev>\<serial>}
 * of each control set, with the device's vendor, product and revision from the key's name, its serial (the
 * instance ID) and whether Windows made it up, FriendlyName, ParentIdPrefix, the disk's DiskId, the install,
 * arrival and removal times of its property store ({@link DeviceProperties}) and, labelled inferred, the last
 * connection its DeviceClasses interface key suggests.
 */
final class Usbstor implements Plugin {
    /** GUID_DEVINTERFACE_DISK: the interface a USB disk registers when it arrives. */
    static final String DISK_CLASS = "{53f56307-b6bf-11d0-94f2-00a0c91efb8b}";

    static final Spec SPEC = Spec.of("usbstor", "usbstor_plugin", HiveType.SYSTEM, "USB storage devices (USBSTOR)",
            "every Enum\\USBSTOR\\<device>\\<serial> key per control set: vendor, product, revision, serial, "
                    + "FriendlyName, ParentIdPrefix, DiskId, install / first install / last arrival / last removal "
                    + "times, the DeviceClasses time as an inferred last connection",
            fields())
            .checked("both devices of the corpus SYSTEM (Windows 7: the Properties layout with 00000064\\00000000, "
                    + "which regipy does not read) against the bytes; regipy usbstor_plugin's entry for "
                    + "SYSTEM_WIN_10_1709.xz (not in the corpus) rebuilt in the Windows 10 layout (UsbstorTest)");

    private static List<FieldSpec> fields() {
        List<FieldSpec> f = new ArrayList<>(List.of(
                FieldSpec.text("deviceType", "the part of the device key's name before the first &: Disk, CdRom, "
                        + "Other"),
                FieldSpec.text("vendor", "Ven_ of the device key's name, without the prefix (USB vendor string, up "
                        + "to 8 characters)"),
                FieldSpec.text("product", "Prod_ of the device key's name, without the prefix"),
                FieldSpec.text("revision", "Rev_ of the device key's name, without the prefix"),
                FieldSpec.text("serial", "the instance key's name: the device's serial number followed by &LUN "
                        + "(&0), or an ID Windows made up"),
                FieldSpec.number("noUniqueSerial", "1 when the instance ID's second character is & (Windows made the"
                        + " ID up: the device reported no unique serial number, so it cannot be told apart from "
                        + "another of its model), else 0 (offset: the instance key's cell)"),
                FieldSpec.text("friendlyName", "FriendlyName: the name Explorer shows"),
                FieldSpec.text("parentIdPrefix", "ParentIdPrefix (Windows XP; also in the MountedDevices device "
                        + "path of the volume)"),
                FieldSpec.text("diskId", "Device Parameters\\Partmgr : DiskId, the disk's GUID (regipy's disk_guid)"),
                FieldSpec.text("containerId", "ContainerID: the GUID that ties this device's nodes together (Enum\\USB"
                        + " too)")));
        f.addAll(DeviceProperties.FIELDS);
        f.add(DeviceProperties.INFERRED);
        return f;
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key usbstor = HiveContext.below(cs, "Enum\\USBSTOR");
            if (usbstor == null) {
                continue;
            }
            for (Key device : usbstor.subkeys()) {
                for (Key instance : device.subkeys()) {
                    out.add(entry(cs, device, instance));
                }
            }
        }
        return out;
    }

    private static Entry entry(Key cs, Key device, Key instance) {
        Entry.Builder b = Entry.of(SPEC, instance);
        String[] parts = device.name().split("&");
        b.text("deviceType", parts[0], device.fileOffset());
        for (int i = 1; i < parts.length; i++) {
            part(b, "vendor", "Ven_", parts[i], device);
            part(b, "product", "Prod_", parts[i], device);
            part(b, "revision", "Rev_", parts[i], device);
        }
        b.keyName("serial");
        b.number("noUniqueSerial", DeviceProperties.generatedId(instance.name()) ? 1 : 0, instance.fileOffset());
        b.string("friendlyName", instance, "FriendlyName");
        b.string("parentIdPrefix", instance, "ParentIdPrefix");
        b.string("diskId", HiveContext.below(instance, "Device Parameters\\Partmgr"), "DiskId");
        b.string("containerId", instance, "ContainerID");
        DeviceProperties.addProperties(b, instance);
        DeviceProperties.addInferred(b, cs, DISK_CLASS, "USBSTOR", device, instance);
        return b.build();
    }

    /** One {@code Ven_...} part of the device key's name, the first of its kind only. */
    private static void part(Entry.Builder b, String field, String prefix, String part, Key device) {
        if (part.regionMatches(true, 0, prefix, 0, prefix.length()) && !b.has(field)) {
            b.text(field, part.substring(prefix.length()), device.fileOffset());
        }
    }
}
