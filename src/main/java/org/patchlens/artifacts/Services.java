package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Services and drivers of each control set: one entry per subkey of {@code ControlSetNNN\Services}, with the
 * values the Service Control Manager reads, Start and Type decoded, and the ServiceDll of a shared-process
 * service ({@code Parameters\ServiceDll}, else the service key's own).
 */
final class Services implements Plugin {
    static final Spec SPEC = Spec.of("services", "services", HiveType.SYSTEM, "Services and drivers",
            "every subkey of Services per control set: ImagePath, Start, Type, ServiceDll, account, group",
            FieldSpec.text("name", "the service's key name"),
            FieldSpec.text("displayName", "DisplayName (a name, or an @dll,-N resource reference)"),
            FieldSpec.text("imagePath", "ImagePath, as stored (unexpanded)"),
            FieldSpec.number("start", "Start: 0 boot, 1 system, 2 automatic, 3 manual, 4 disabled"),
            FieldSpec.text("startMode", "Start decoded: boot, system, automatic (delayed when DelayedAutostart is "
                    + "1), manual, disabled"),
            FieldSpec.number("type", "Type, the SERVICE_* bits"),
            FieldSpec.text("typeName", "Type decoded: kernel driver, file system driver, own process, shared "
                    + "process, user service, interactive ..., joined by \" | \""),
            FieldSpec.text("serviceDll", "ServiceDll of Parameters (or of the service key): the DLL svchost loads"),
            FieldSpec.text("objectName", "ObjectName: the account the service runs as"),
            FieldSpec.text("group", "Group: the load-order group"),
            FieldSpec.number("errorControl", "ErrorControl: 0 ignore, 1 normal, 2 severe, 3 critical"),
            FieldSpec.number("tag", "Tag: the load order within the group"))
            .checked("regipy services on corrupted_system_hive.xz (in the corpus): Abiosdsk's values and time; "
                    + "regipy's .328124 is one microsecond off the FILETIME's .3281250 (Python divides the ticks in "
                    + "floating point); regipy reads ControlSet001 and 002 only, patchlens every ControlSetNNN "
                    + "(ServicesTest)");

    private static final String[] START = {"boot", "system", "automatic", "manual", "disabled"};
    private static final String[][] TYPE = {{"1", "kernel driver"}, {"2", "file system driver"},
        {"4", "adapter"}, {"8", "recognizer driver"}, {"16", "own process"}, {"32", "shared process"},
        {"64", "user service"}, {"128", "user service instance"}, {"256", "interactive"},
        {"512", "package service"}};

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key services = cs.subkey("Services");
            if (services == null) {
                continue;
            }
            for (Key k : services.subkeys()) {
                out.add(service(k));
            }
        }
        return out;
    }

    private static Entry service(Key k) {
        Entry.Builder b = Entry.of(SPEC, k).keyName("name");
        b.string("displayName", k, "DisplayName");
        b.string("imagePath", k, "ImagePath");
        Value start = b.number("start", k, "Start");
        if (start != null) {
            Values.Number n = Values.number(start);
            if (n.ok()) {
                String mode = n.value() >= 0 && n.value() < START.length ? START[(int) n.value()]
                        : "unknown (" + n.value() + ")";
                Value delayed = k.value("DelayedAutostart");
                if (n.value() == 2 && delayed != null && Values.number(delayed).ok()
                        && Values.number(delayed).value() == 1) {
                    mode = "automatic (delayed)";
                }
                b.text("startMode", mode, Values.dataOffset(start));
            }
        }
        Value type = b.number("type", k, "Type");
        if (type != null && Values.number(type).ok()) {
            b.text("typeName", typeName(Values.number(type).value()), Values.dataOffset(type));
        }
        Key parameters = k.subkey("Parameters");
        if (b.string("serviceDll", parameters, "ServiceDll") == null) {
            b.string("serviceDll", k, "ServiceDll");
        }
        b.string("objectName", k, "ObjectName");
        b.string("group", k, "Group");
        b.number("errorControl", k, "ErrorControl");
        b.number("tag", k, "Tag");
        return b.build();
    }

    /** The SERVICE_* type bits by name, unknown bits in hex: "own process | interactive". */
    static String typeName(long type) {
        List<String> names = new ArrayList<>();
        long rest = type;
        for (String[] t : TYPE) {
            long bit = Long.parseLong(t[0]);
            if ((type & bit) != 0) {
                names.add(t[1]);
                rest &= ~bit;
            }
        }
        if (rest != 0) {
            names.add(String.format("0x%X", rest));
        }
        return names.isEmpty() ? "none" : String.join(" | ", names);
    }
}
