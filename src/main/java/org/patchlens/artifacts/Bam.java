package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Background and Desktop Activity Moderator records (Windows 10 1709 and later): one entry per executable value
 * of {@code Services\bam\State\UserSettings\<SID>} (1709 to 1809: {@code bam\UserSettings\<SID>}; the same under
 * {@code dam\}) in each control set, with the FILETIME its data begins with ({@code kaitai/artifacts/bam_entry.ksy})
 * and the SID from the key's name.
 */
final class Bam implements Plugin {
    static final Spec SPEC = Spec.of("bam", "background_activity_moderator", HiveType.SYSTEM,
            "BAM / DAM (last execution per user)",
            "every executable value of the SID keys of Services\\bam\\State\\UserSettings (also bam\\UserSettings "
                    + "and the same under dam) per control set: the last execution FILETIME and the SID",
            FieldSpec.text("sid", "the user's SID: the name of the key the value is in"),
            FieldSpec.text("executable", "the value's name: the program's device path or packaged app name"),
            FieldSpec.time("lastExecution", "the FILETIME the value's data begins with"),
            FieldSpec.number("sequenceNumber", "SequenceNumber of the SID's key"),
            FieldSpec.number("version", "Version of the SID's key"))
            .checked("regipy background_activity_moderator's entry for SYSTEM_WIN_10_1709.xz (not in the corpus) "
                    + "rebuilt as Windows writes it; the corpus SYSTEM hives (Windows 7) have none (BamTest)");

    /** Where the records are, below a control set's Services key, newest layout first. */
    private static final List<String> PLACES = List.of("bam\\State\\UserSettings", "bam\\UserSettings",
            "dam\\State\\UserSettings", "dam\\UserSettings");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            for (String place : PLACES) {
                Key settings = HiveContext.below(cs, "Services\\" + place);
                if (settings == null) {
                    continue;
                }
                for (Key sid : settings.subkeys()) {
                    for (Value v : sid.values()) {
                        if (!v.name().equalsIgnoreCase("SequenceNumber") && !v.name().equalsIgnoreCase("Version")) {
                            out.add(record(sid, v));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Entry record(Key sid, Value v) {
        Entry.Builder b = Entry.of(SPEC, sid).value(v).keyName("sid").valueName("executable", v);
        Structs.BamRecord r = Structs.bam(v.data());
        if (r.problem() != null) {
            b.note(Values.at(v) + ": " + r.problem());
        }
        if (r.ok()) {
            b.time("lastExecution", r.lastExecution(), Values.dataOffset(v));
        }
        b.number("sequenceNumber", sid, "SequenceNumber");
        b.number("version", sid, "Version");
        return b.build();
    }
}
