package org.patchlens.artifacts;

import java.util.List;

/** Programs installed for the machine: the subkeys of {@code Microsoft\Windows\CurrentVersion\Uninstall} and its Wow6432Node copy. */
final class InstalledProgramsSoftware implements Plugin {
    static final Spec SPEC = Spec.of("installed_programs_software", "installed_programs_software",
            HiveType.SOFTWARE, "Installed programs (machine)",
            "every subkey of Microsoft\\Windows\\CurrentVersion\\Uninstall (and Wow6432Node\\...): name, version, "
                    + "publisher, install date and place, uninstall command", Uninstall.FIELDS)
            .checked("the two entries regipy installed_programs_software states for SOFTWARE.xz (not in the corpus), "
                    + "rebuilt (InstalledProgramsSoftwareTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        return Uninstall.read(SPEC, hive, List.of("Microsoft\\Windows\\CurrentVersion\\Uninstall",
                "Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall"));
    }
}
