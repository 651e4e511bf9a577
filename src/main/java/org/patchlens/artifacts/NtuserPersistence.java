package org.patchlens.artifacts;

import java.util.List;

/**
 * The user's autostart places: regipy's list of Run keys (Run, RunOnce, RunOnceEx, RunServices, the policy Run
 * key, the Terminal Server install copies, the Wow6432Node copies, Winlogon\Notify) plus the NT 4.0 / Windows
 * 2000 era values {@code Windows NT\CurrentVersion\Windows : load, run} and {@code Winlogon : Shell}.
 */
final class NtuserPersistence implements Plugin {
    static final Spec SPEC = Spec.of("ntuser_persistence", "ntuser_persistence", HiveType.NTUSER,
            "Autostart (user)", "the values of the user's Run, RunOnce, policy Run and related keys, and the "
                    + "load, run and Shell values",
            FieldSpec.text("command", "the value's data: what starts"))
            .checked("regipy ntuser_persistence on NTUSER.DAT.xz (corpus regipy/NTUSER.DAT): the same single entry; "
                    + "dfwinreg's NTUSER.DAT from its bytes (NtuserPersistenceTest)");

    static final List<Autostart.Place> PLACES = List.of(
            Autostart.Place.key("Software\\Microsoft\\Windows NT\\CurrentVersion\\Run"),
            Autostart.Place.key("Software\\Microsoft\\Windows NT\\CurrentVersion\\Terminal Server\\Install\\Software"
                    + "\\Microsoft\\Windows\\CurrentVersion\\Run"),
            Autostart.Place.key("Software\\Microsoft\\Windows NT\\CurrentVersion\\Terminal Server\\Install\\Software"
                    + "\\Microsoft\\Windows\\CurrentVersion\\RunOnce"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\Run"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\Run"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\RunOnceEx"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce\\Setup"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\RunServices"),
            Autostart.Place.key("Software\\Microsoft\\Windows\\CurrentVersion\\RunServicesOnce"),
            Autostart.Place.key("Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\Run"),
            Autostart.Place.key("Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Run"),
            Autostart.Place.key("Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnce"),
            Autostart.Place.key("Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnceEx"),
            Autostart.Place.key("Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\RunOnce\\Setup"),
            Autostart.Place.key("Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Notify"),
            Autostart.Place.value("Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows", "load"),
            Autostart.Place.value("Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows", "run"),
            Autostart.Place.value("Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon", "Shell"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        return Autostart.read(SPEC, hive, PLACES);
    }
}
