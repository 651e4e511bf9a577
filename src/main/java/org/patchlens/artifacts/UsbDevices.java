package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;

/**
 * USB devices of every kind (storage, keyboards, phones, hubs): one entry per instance key
 * {@code ControlSetNNN\Enum\USB\<VID_xxxx&PID_xxxx...>\<instance>} of each control set, with the vendor and product
 * ids from the key's name, the instance ID (the serial number, or one Windows made up), the values Plug and Play
 * keeps, the property store's times ({@link DeviceProperties}) and, labelled inferred, the DeviceClasses time.
 */
final class UsbDevices implements Plugin {
    /** GUID_DEVINTERFACE_USB_DEVICE. */
    static final String USB_DEVICE_CLASS = "{a5dcbf10-6530-11d2-901f-00c04fb951ed}";

    static final Spec SPEC = Spec.of("usb_devices", "usb_devices", HiveType.SYSTEM, "USB devices (Enum\\USB)",
            "every Enum\\USB\\<device>\\<instance> key per control set: VID, PID, instance ID (serial), DeviceDesc, "
                    + "FriendlyName, Mfg, Service, Class, ClassGUID, Driver, ContainerID, HardwareID, ParentIdPrefix,"
                    + " install / arrival / removal times, the DeviceClasses time as an inferred last connection",
            fields())
            .checked("regipy usb_devices on SYSTEM.xz (in the corpus: regipy/SYSTEM): its 14 entries, the ROOT_HUB "
                    + "one value by value; regipy strips DeviceDesc and Mfg to the text after the last ';', patchlens "
                    + "keeps them as stored (UsbDevicesTest)");

    private static List<FieldSpec> fields() {
        List<FieldSpec> f = new ArrayList<>(List.of(
                FieldSpec.text("vidPid", "the device key's name: VID_xxxx&PID_xxxx (&MI_nn for one interface of a "
                        + "composite device), or ROOT_HUB, ROOT_HUB20 ..."),
                FieldSpec.text("vid", "the vendor id, the 4 hex digits after VID_ (absent for a root hub)"),
                FieldSpec.text("pid", "the product id, the 4 hex digits after PID_"),
                FieldSpec.text("instanceId", "the instance key's name: the device's serial number, or an ID Windows "
                        + "made up (see noUniqueSerial)"),
                FieldSpec.number("noUniqueSerial", "1 when the instance ID's second character is & (Windows made the"
                        + " ID up: the device reported no unique serial number, so it cannot be told apart from "
                        + "another of its model), else 0 (offset: the instance key's cell)"),
                FieldSpec.text("deviceDesc", "DeviceDesc as stored (often @file.inf,%name%;Text: regipy shows only "
                        + "the text after the last ;)"),
                FieldSpec.text("friendlyName", "FriendlyName: the name Explorer shows"),
                FieldSpec.text("mfg", "Mfg: the manufacturer, as stored (@file.inf,%name%;Text)"),
                FieldSpec.text("service", "Service: the driver's service name"),
                FieldSpec.text("deviceClass", "Class: the setup class name (USB, HIDClass, WPD, ...)"),
                FieldSpec.text("classGuid", "ClassGUID: the setup class GUID"),
                FieldSpec.text("driver", "Driver: the driver key, {class GUID}\\NNNN"),
                FieldSpec.text("containerId", "ContainerID: the GUID that ties this device's nodes together (Enum\\USB"
                        + " too)"),
                FieldSpec.text("hardwareId", "HardwareID, REG_MULTI_SZ, one id a line"),
                FieldSpec.text("parentIdPrefix", "ParentIdPrefix (Windows XP; also in the MountedDevices device "
                        + "path of the volume)")));
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
            Key usb = HiveContext.below(cs, "Enum\\USB");
            if (usb == null) {
                continue;
            }
            for (Key device : usb.subkeys()) {
                for (Key instance : device.subkeys()) {
                    out.add(entry(cs, device, instance));
                }
            }
        }
        return out;
    }

    private static Entry entry(Key cs, Key device, Key instance) {
        Entry.Builder b = Entry.of(SPEC, instance).keyName("instanceId");
        b.text("vidPid", device.name(), device.fileOffset());
        String id = id(device.name(), "VID_");
        if (id != null) {
            b.text("vid", id, device.fileOffset());
        }
        id = id(device.name(), "PID_");
        if (id != null) {
            b.text("pid", id, device.fileOffset());
        }
        b.number("noUniqueSerial", DeviceProperties.generatedId(instance.name()) ? 1 : 0, instance.fileOffset());
        b.string("deviceDesc", instance, "DeviceDesc");
        b.string("friendlyName", instance, "FriendlyName");
        b.string("mfg", instance, "Mfg");
        b.string("service", instance, "Service");
        b.string("deviceClass", instance, "Class");
        b.string("classGuid", instance, "ClassGUID");
        b.string("driver", instance, "Driver");
        b.string("containerId", instance, "ContainerID");
        b.string("hardwareId", instance, "HardwareID");
        b.string("parentIdPrefix", instance, "ParentIdPrefix");
        DeviceProperties.addProperties(b, instance);
        DeviceProperties.addInferred(b, cs, USB_DEVICE_CLASS, "USB", device, instance);
        return b.build();
    }

    /** What follows {@code prefix} in the device key's name up to the next &, or null when it is not there. */
    static String id(String name, String prefix) {
        int at = -1;
        for (int i = 0; i + prefix.length() <= name.length() && at < 0; i++) {
            if ((i == 0 || name.charAt(i - 1) == '&') && name.regionMatches(true, i, prefix, 0, prefix.length())) {
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        int start = at + prefix.length();
        int end = name.indexOf('&', start);
        return name.substring(start, end < 0 ? name.length() : end);
    }
}
