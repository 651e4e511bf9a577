package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/** The computer name of each control set: {@code ControlSetNNN\Control\ComputerName\ComputerName : ComputerName}. */
final class ComputerName implements Plugin {
    static final Spec SPEC = Spec.of("computer_name", "computer_name", HiveType.SYSTEM, "Computer name",
            "ComputerName of Control\\ComputerName\\ComputerName, per control set",
            FieldSpec.text("computerName", "the NetBIOS name the machine had when the control set was written"))
            .checked("regipy computer_name on SYSTEM.xz (corpus regipy/SYSTEM): the same two entries, names and key "
                    + "times (regipy rounds times to the microsecond) (ComputerNameTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key k = HiveContext.below(cs, "Control\\ComputerName\\ComputerName");
            Value v = k == null ? null : k.value("ComputerName");
            if (v != null) {
                out.add(Entry.of(SPEC, k).value(v).string("computerName", v).build());
            }
        }
        return out;
    }
}
