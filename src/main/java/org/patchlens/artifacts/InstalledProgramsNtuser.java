package org.patchlens.artifacts;

import java.util.List;

/** Programs installed for one user: the subkeys of {@code Software\Microsoft\Windows\CurrentVersion\Uninstall} in NTUSER.DAT. */
final class InstalledProgramsNtuser implements Plugin {
    static final Spec SPEC = Spec.of("installed_programs_ntuser", "installed_programs_ntuser", HiveType.NTUSER,
            "Installed programs (user)",
            "every subkey of Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall: name, version, publisher, "
                    + "install date and place, uninstall command", Uninstall.FIELDS)
            .checked("the entry regipy installed_programs_ntuser states for NTUSER_with_winscp.DAT.xz (not in the "
                    + "corpus), rebuilt; dfwinreg's NTUSER.DAT from its bytes (InstalledProgramsNtuserTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        return Uninstall.read(SPEC, hive, List.of("Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall"));
    }
}
