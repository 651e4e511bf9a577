package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The mount manager's database: one entry per value of {@code MountedDevices}, the drive letter
 * ({@code \DosDevices\X:}) or volume ({@code \??\Volume{GUID}}) it names, and its data decoded
 * ({@link DeviceStructs#mountData}): an MBR disk signature and partition offset, a GPT partition GUID, or the
 * device path of a removable volume ({@code _??_USBSTOR#Disk&Ven_...}, which ties a drive letter to a USBSTOR
 * device); any other data is kept as hex.
 */
final class MountedDevices implements Plugin {
    static final Spec SPEC = Spec.of("mounted_devices", "mounted_devices", HiveType.SYSTEM,
            "Mounted devices (drive letters and volumes)",
            "every value of MountedDevices: the drive letter or volume GUID, and its data as MBR disk signature and "
                    + "partition offset, GPT partition GUID (DMIO:ID:), or UTF-16LE device path; unknown forms as hex",
            FieldSpec.text("mountPoint", "the drive letter (C:) of a \\DosDevices\\ value, the {GUID} of a "
                    + "\\??\\Volume value, else the value's name"),
            FieldSpec.text("mountType", "drive letter, volume, or other (from the value's name)"),
            FieldSpec.text("dataForm", "mbr (12 bytes), gpt (DMIO:ID: and a GUID), device path (UTF-16LE), unknown"),
            FieldSpec.text("diskSignature", "mbr: the MBR disk signature, 8 hex digits as diskpart's uniqueid shows "
                    + "it (the little-endian u4; regipy writes the bytes in file order)"),
            FieldSpec.number("partitionOffset", "mbr: the partition's byte offset on the disk"),
            FieldSpec.text("partitionGuid", "gpt: the GPT partition's unique GUID"),
            FieldSpec.text("devicePath", "device path: the device the volume was on (\\??\\IDE#CdRom..., "
                    + "_??_USBSTOR#Disk&Ven_...#serial#{GUID})"),
            FieldSpec.text("dataHex", "unknown: the data in lower-case hex"))
            .checked("regipy mounted_devices on SYSTEM.xz (in the corpus: regipy/SYSTEM): its 11 entries, \\DosDevices\\C:"
                    + " value by value; regipy reads the 12-byte MBR and the DMIO:ID: data (yarp/System_Delta) as "
                    + "UTF-16 text, the bytes show the structure (MountedDevicesTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key k = hive.key("MountedDevices");
        if (k == null) {
            return out;
        }
        for (Value v : k.values()) {
            out.add(entry(k, v));
        }
        return out;
    }

    private static Entry entry(Key k, Value v) {
        Entry.Builder b = Entry.of(SPEC, k).value(v);
        String name = v.name();
        long nameAt = v.fileOffset();
        if (name.regionMatches(true, 0, "\\DosDevices\\", 0, 12)) {
            b.text("mountPoint", name.substring(12), nameAt).text("mountType", "drive letter", nameAt);
        } else if (name.regionMatches(true, 0, "\\??\\Volume{", 0, 11)) {
            b.text("mountPoint", name.substring(10), nameAt).text("mountType", "volume", nameAt);
        } else {
            b.text("mountPoint", name, nameAt).text("mountType", "other", nameAt);
        }
        byte[] data = v.data();
        long at = Values.dataOffset(v);
        DeviceStructs.MountData m = DeviceStructs.mountData(data);
        b.text("dataForm", m.form().label, at);
        if (m.problem() != null) {
            b.note(Values.at(v) + ": " + m.problem());
        }
        switch (m.form()) {
            case MBR -> b.text("diskSignature", m.diskSignature(), at).number("partitionOffset", m.partitionOffset(), at);
            case GPT -> {
                if (m.partitionGuid() != null) {
                    b.text("partitionGuid", m.partitionGuid(), at);
                } else {
                    b.text("dataHex", m.hex(), at);
                }
            }
            case DEVICE_PATH -> b.text("devicePath", m.devicePath(), at);
            default -> b.text("dataHex", m.hex(), at);
        }
        return b.build();
    }
}
