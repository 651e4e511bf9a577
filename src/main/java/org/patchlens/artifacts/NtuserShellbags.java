package org.patchlens.artifacts;

import java.util.List;

/**
 * ShellBags in NTUSER.DAT: the folders Explorer showed (Windows XP keeps them here, under Shell and
 * ShellNoRoam; later versions keep the desktop's and network folders', the rest in UsrClass.dat,
 * {@link UsrclassShellbags}). The walk and the fields are {@link BagMru}'s.
 */
final class NtuserShellbags implements Plugin {
    static final Spec SPEC = Spec.of("ntuser_shellbag_plugin", "ntuser_shellbag_plugin", HiveType.NTUSER,
            "ShellBags (NTUSER)", "Software\\Microsoft\\Windows\\Shell\\BagMRU and ...\\ShellNoRoam\\BagMRU (XP): "
                    + BagMru.DECODES, BagMru.FIELDS)
            .checked("regipy ntuser_shellbag_plugin's entry for NTUSER_BAGMRU.DAT.xz (not in the corpus; the values "
                    + "of its path rebuilt from its bytes), and the corpus regipy/NTUSER.DAT, whose BagMRU is "
                    + "empty (NtuserShellbagsTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        return BagMru.walk(SPEC, hive, "Software\\Microsoft\\Windows\\Shell\\BagMRU",
                "Software\\Microsoft\\Windows\\ShellNoRoam\\BagMRU");
    }
}
