package org.patchlens.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * What the USB plugins share about a device instance key ({@code Enum\USB...\<device>\<instance>}): its
 * unified device property store (Vista and later) with the install, arrival and removal times, and the reading
 * of an instance ID. The store is {@code Properties\<format GUID>\<property id>} in two layouts:
 * Windows 7 writes {@code ...\00000064\00000000} with the values {@code Type} (the DEVPROP_TYPE) and {@code Data};
 * Windows 8 and later write {@code ...\0064} whose default value holds the data, its registry type
 * {@code 0xFFFF0000} plus the DEVPROP_TYPE. Both are read; the id is matched as a hex number, whatever its width.
 */
final class DeviceProperties {
    private DeviceProperties() {
    }

    /** DEVPKEY_Device_InstallDate (100), FirstInstallDate (101), LastArrivalDate (102), LastRemovalDate (103). */
    static final String DATES = "{83da6326-97a6-4088-9453-a1923f573b29}";
    /** DEVPKEY_Device_BusReportedDeviceDesc is property 4 of this set. */
    static final String BUS = "{540b947e-8b40-45bc-a8a2-6a0b894cbda2}";
    static final int DEVPROP_TYPE_FILETIME = 0x10;
    static final int DEVPROP_TYPE_STRING = 0x12;

    /** The fields the property store fills, declared by both USB plugins. */
    static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.text("busReportedDeviceDesc", "property {540b947e-...}\\0004, DEVPKEY_Device_BusReportedDeviceDesc:"
                    + " the name the device reported (regipy's device_name)"),
            FieldSpec.time("deviceInstallDate", "property {83da6326-...}\\0064, DEVPKEY_Device_InstallDate: when the "
                    + "driver was last installed for the device (Windows 7 and later; regipy's last_installed)"),
            FieldSpec.time("firstInstallDate", "property 0065, DEVPKEY_Device_FirstInstallDate: the first time the "
                    + "device was installed, i.e. first connected (regipy's first_installed)"),
            FieldSpec.time("lastArrivalDate", "property 0066, DEVPKEY_Device_LastArrivalDate: when the device was "
                    + "last connected (Windows 8 and later; regipy's last_connected)"),
            FieldSpec.time("lastRemovalDate", "property 0067, DEVPKEY_Device_LastRemovalDate: when the device was "
                    + "last removed (Windows 8 and later; regipy's last_removed)"));

    /** Adds the property store's fields of {@code instance}, each present one; notes what is there but unreadable. */
    static void addProperties(Entry.Builder b, Key instance) {
        Key props = instance.subkey("Properties");
        if (props == null) {
            return;
        }
        Key bus = props.subkey(BUS);
        Property name = property(bus, 4);
        if (name != null) {
            String text = string(b, name);
            if (text != null) {
                b.text("busReportedDeviceDesc", text, Values.dataOffset(name.data()));
            }
        }
        Key dates = props.subkey(DATES);
        time(b, "deviceInstallDate", property(dates, 0x64));
        time(b, "firstInstallDate", property(dates, 0x65));
        time(b, "lastArrivalDate", property(dates, 0x66));
        time(b, "lastRemovalDate", property(dates, 0x67));
    }

    /** One property: the value holding its data, and its DEVPROP_TYPE (-1 when the store does not say). */
    record Property(Value data, long type) {
    }

    /** Property {@code id} of a format key, in either layout, or null. */
    static Property property(Key format, int id) {
        if (format == null) {
            return null;
        }
        for (Key k : format.subkeys()) {
            if (hexId(k.name()) != id) {
                continue;
            }
            Value own = k.value("");
            if (own != null) { // Windows 8 and later
                long t = own.typeCode();
                return new Property(own, (t & 0xFFFF0000L) == 0xFFFF0000L ? t & 0xFFFF : -1);
            }
            Key zero = k.subkey("00000000"); // Windows 7
            Value data = zero == null ? null : zero.value("Data");
            if (data != null) {
                Value type = zero.value("Type");
                Values.Number n = type == null ? null : Values.number(type);
                return new Property(data, n != null && n.ok() ? n.value() : -1);
            }
        }
        return null;
    }

    /** A property key's name as a hex id ({@code 0064}, {@code 00000064}), or -1. */
    static long hexId(String name) {
        if (name.isEmpty() || name.length() > 8) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.digit(name.charAt(i), 16) < 0) {
                return -1;
            }
        }
        return Long.parseLong(name, 16);
    }

    private static void time(Entry.Builder b, String field, Property p) {
        if (p == null) {
            return;
        }
        Value v = p.data();
        if (p.type() >= 0 && p.type() != DEVPROP_TYPE_FILETIME) {
            b.note(Values.at(v) + ": DEVPROP_TYPE 0x" + Long.toHexString(p.type()) + " where a FILETIME (0x10) was "
                    + "expected; " + field + " not read");
            return;
        }
        Structs.FileTimeData t = Structs.fileTime(v.data());
        if (t.problem() != null) {
            b.note(Values.at(v) + ": " + t.problem());
        }
        if (t.ok()) {
            b.time(field, t.ticks(), Values.dataOffset(v));
        }
    }

    /** A DEVPROP_TYPE_STRING property: UTF-16LE up to its NUL; null (with a note) when of another type. */
    private static String string(Entry.Builder b, Property p) {
        Value v = p.data();
        if (p.type() >= 0 && p.type() != DEVPROP_TYPE_STRING) {
            b.note(Values.at(v) + ": DEVPROP_TYPE 0x" + Long.toHexString(p.type()) + " where a string (0x12) was "
                    + "expected");
            return null;
        }
        byte[] d = v.data();
        String s = new String(d, 0, d.length / 2 * 2, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        if (d.length % 2 != 0) {
            b.note(Values.at(v) + ": " + d.length + " bytes, an odd length for UTF-16 (the last byte ignored)");
        }
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    static final FieldSpec INFERRED = FieldSpec.time("lastConnectedInferred", "INFERRED, not recorded as such: the "
            + "last-written time of the device's interface key under Control\\DeviceClasses (the disk class "
            + "{53f56307-...} for USBSTOR, the USB device class {a5dcbf10-...} for USB), which Windows writes when "
            + "the device arrives; the proxy for the last connection on Windows XP to 7, which record no "
            + "arrival time (offset: that key's cell)");

    /**
     * The interface key of a device under {@code Control\DeviceClasses\<class>} of its control set,
     * {@code ##?#USBSTOR#Disk&Ven_...#serial#{class}}, as the INFERRED last connection; nothing when absent.
     */
    static void addInferred(Entry.Builder b, Key controlSet, String classGuid, String enumerator, Key device,
                            Key instance) {
        Key cls = HiveContext.below(controlSet, "Control\\DeviceClasses\\" + classGuid);
        if (cls == null) {
            return;
        }
        Key k = cls.subkey("##?#" + enumerator + "#" + device.name() + "#" + instance.name() + "#" + classGuid);
        if (k != null) {
            b.time("lastConnectedInferred", k.lastWrittenRaw(), k.fileOffset());
        }
    }

    /**
     * Whether an instance ID was made up by Windows: when the device reports no serial number that is unique,
     * Plug and Play builds the ID from the port, and its second character is an ampersand ({@code 7&2a6c5c4a&0});
     * a real serial is kept as reported, followed by {@code &0} (the LUN) for a USBSTOR disk.
     */
    static boolean generatedId(String instanceId) {
        return instanceId.length() > 1 && instanceId.charAt(1) == '&';
    }
}
