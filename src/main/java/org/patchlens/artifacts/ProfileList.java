package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The user profiles of the machine: one entry per subkey (a SID) of
 * {@code Microsoft\Windows NT\CurrentVersion\ProfileList}, with the profile's folder, flags and state, and the
 * load and unload times Windows keeps as two DWORD halves of a FILETIME.
 */
final class ProfileList implements Plugin {
    static final Spec SPEC = Spec.of("profilelist", "profilelist_plugin", HiveType.SOFTWARE, "User profiles",
            "every SID subkey of ProfileList: profile folder, flags, state, load and unload times",
            FieldSpec.text("sid", "the key's name: the profile owner's SID"),
            FieldSpec.text("profileImagePath", "ProfileImagePath: the profile folder"),
            FieldSpec.number("flags", "Flags"),
            FieldSpec.number("state", "State (the PROFILE_* bits)"),
            FieldSpec.number("fullProfile", "FullProfile"),
            FieldSpec.time("loadTime", "ProfileLoadTimeHigh and ProfileLoadTimeLow joined into one FILETIME "
                    + "(offset: the Low value's cell)"),
            FieldSpec.time("localLoadTime", "LocalProfileLoadTimeHigh and ...Low joined (Windows 10): when the "
                    + "profile was last loaded"),
            FieldSpec.time("localUnloadTime", "LocalProfileUnloadTimeHigh and ...Low joined (Windows 10): when "
                    + "the profile was last unloaded"))
            .checked("two of the eleven profiles regipy profilelist_plugin states for SOFTWARE.xz (not in the corpus),"
                    + " rebuilt, load time halves included (ProfileListTest)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        Key list = hive.key("Microsoft\\Windows NT\\CurrentVersion\\ProfileList");
        if (list == null) {
            return out;
        }
        for (Key k : list.subkeys()) {
            Entry.Builder b = Entry.of(SPEC, k).keyName("sid");
            b.string("profileImagePath", k, "ProfileImagePath");
            b.number("flags", k, "Flags");
            b.number("state", k, "State");
            b.number("fullProfile", k, "FullProfile");
            halves(b, "loadTime", k, "ProfileLoadTime");
            halves(b, "localLoadTime", k, "LocalProfileLoadTime");
            halves(b, "localUnloadTime", k, "LocalProfileUnloadTime");
            out.add(b.build());
        }
        return out;
    }

    /** {@code <prefix>High} and {@code <prefix>Low}, two DWORDs, as one FILETIME; a lone half is noted. */
    private static void halves(Entry.Builder b, String field, Key k, String prefix) {
        Value low = k.value(prefix + "Low");
        Value high = k.value(prefix + "High");
        if (low == null && high == null) {
            return;
        }
        if (low == null || high == null) {
            Value present = low != null ? low : high;
            b.note(Values.at(present) + ": its other half, " + prefix + (low == null ? "Low" : "High")
                    + ", is missing; no time");
            return;
        }
        Values.Number l = Values.number(low);
        Values.Number h = Values.number(high);
        for (Values.Number n : List.of(l, h)) {
            if (n.note() != null) {
                b.note(n.note());
            }
        }
        if (l.ok() && h.ok()) {
            if ((l.value() & ~0xFFFFFFFFL) != 0 || (h.value() & ~0xFFFFFFFFL) != 0) {
                b.note(Values.at(low) + ": a half of " + prefix + " is wider than 32 bits; no time");
                return;
            }
            b.time(field, h.value() << 32 | l.value(), Values.dataOffset(low));
        }
    }
}
