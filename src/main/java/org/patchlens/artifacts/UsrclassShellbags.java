package org.patchlens.artifacts;

import java.util.List;

/** ShellBags in UsrClass.dat (Windows Vista and later): the walk and the fields are {@link BagMru}'s. */
final class UsrclassShellbags implements Plugin {
    static final Spec SPEC = Spec.of("usrclass_shellbag_plugin", "usrclass_shellbag_plugin", HiveType.USRCLASS,
            "ShellBags (UsrClass)", "Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU: " + BagMru.DECODES,
            BagMru.FIELDS)
            .checked("regipy usrclass_shellbag_plugin on UsrClass.dat.xz (corpus regipy/UsrClass.dat): its Dropbox "
                    + "entry, and every entry's path and MRU order (UsrclassShellbagsTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        return BagMru.walk(SPEC, hive, "Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU");
    }
}
