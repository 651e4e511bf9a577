package org.patchlens.artifacts;

import java.util.List;

/**
 * The machine's autostart places: regipy's list of Run keys (Run, RunOnce, RunOnceEx, RunOnce\Setup, the
 * policy Run key, their Wow6432Node copies, Winlogon\Notify; regipy looks for the last under a {@code Software}
 * key the SOFTWARE hive does not have, so it never finds it) plus RunServices, RunServicesOnce and the values
 * {@code Winlogon : Userinit, Shell, Taskman} and {@code Windows : AppInit_DLLs}.
 */
final class SoftwarePersistence implements Plugin {
    static final Spec SPEC = Spec.of("software_persistence", "software_plugin", HiveType.SOFTWARE,
            "Autostart (machine)", "the values of the machine's Run, RunOnce, policy Run and related keys, and the "
                    + "Userinit, Shell, Taskman and AppInit_DLLs values",
            FieldSpec.text("command", "the value's data: what starts"))
            .checked("regipy software_plugin's Run key of SOFTWARE.xz (not in the corpus) rebuilt: the same seven "
                    + "values in order; regipy looks for Winlogon\\Notify under a Software key a SOFTWARE hive does not"
                    + " have, patchlens at Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Notify "
                    + "(SoftwarePersistenceTest)");

    static final List<Autostart.Place> PLACES = List.of(
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\Run"),
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\Run"),
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\RunOnce"),
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\RunOnce\\Setup"),
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\RunOnceEx"),
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\RunServices"),
            Autostart.Place.key("Microsoft\\Windows\\CurrentVersion\\RunServicesOnce"),
            Autostart.Place.key("Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Run"),
            Autostart.Place.key("Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnce"),
            Autostart.Place.key("Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnce\\Setup"),
            Autostart.Place.key("Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnceEx"),
            Autostart.Place.key("Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\Run"),
            Autostart.Place.key("Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Notify"),
            Autostart.Place.value("Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "Userinit"),
            Autostart.Place.value("Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "Shell"),
            Autostart.Place.value("Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "Taskman"),
            Autostart.Place.value("Microsoft\\Windows NT\\CurrentVersion\\Windows", "AppInit_DLLs"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        return Autostart.read(SPEC, hive, PLACES);
    }
}
