package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/** Paths typed into Explorer's address bar: one entry per value of {@code Explorer\TypedPaths} (url1 is the latest). */
final class TypedPaths implements Plugin {
    static final Spec SPEC = Spec.of("typed_paths", "typed_paths", HiveType.NTUSER, "Typed paths (Explorer)",
            "every value of Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\TypedPaths",
            FieldSpec.text("path", "the path typed"))
            .checked("the sixteen paths regipy typed_paths states for NTUSER_BAGMRU.DAT.xz (not in the corpus), "
                    + "rebuilt; the corpus hives' keys are empty (TypedPathsTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key k = hive.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\TypedPaths");
        if (k != null) {
            for (Value v : k.values()) {
                out.add(Entry.of(SPEC, k).value(v).string("path", v).build());
            }
        }
        return out;
    }
}
