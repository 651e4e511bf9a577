package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/** The last clean shutdown of each control set: {@code ControlSetNNN\Control\Windows : ShutdownTime}, a FILETIME. */
final class Shutdown implements Plugin {
    static final Spec SPEC = Spec.of("shutdown", "shutdown", HiveType.SYSTEM, "Last shutdown time",
            "ShutdownTime of Control\\Windows per control set (a FILETIME written at a clean shutdown)",
            FieldSpec.time("shutdownTime", "when Windows last shut down cleanly"))
            .checked("regipy shutdown on SYSTEM.xz (corpus regipy/SYSTEM): both control sets, the same key time and "
                    + "ShutdownTime (regipy writes the latter to the second) (ShutdownTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key k = HiveContext.below(cs, "Control\\Windows");
            Value v = k == null ? null : k.value("ShutdownTime");
            if (v == null) {
                continue;
            }
            Entry.Builder b = Entry.of(SPEC, k).value(v);
            Structs.FileTimeData t = Structs.fileTime(v.data());
            if (t.problem() != null) {
                b.note(Values.at(v) + ": " + t.problem());
            }
            if (t.ok()) {
                b.time("shutdownTime", t.ticks(), Values.dataOffset(v));
            }
            out.add(b.build());
        }
        return out;
    }
}
