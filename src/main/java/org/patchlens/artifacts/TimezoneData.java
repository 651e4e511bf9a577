package org.patchlens.artifacts;

import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * The time zone of each control set: {@code ControlSetNNN\Control\TimeZoneInformation}, one entry per control
 * set with its values decoded (biases as signed minutes, the transitions as rules).
 */
final class TimezoneData implements Plugin {
    static final Spec SPEC = Spec.of("timezone_data", "timezone_data", HiveType.SYSTEM, "Time zone",
            "Control\\TimeZoneInformation per control set: biases (signed minutes), names, the standard and "
                    + "daylight transitions (TIME_FIELDS rules)",
            FieldSpec.number("bias", "Bias: minutes to add to local standard time to get UTC (300 = UTC-05:00), signed"),
            FieldSpec.text("timeZoneKeyName", "TimeZoneKeyName (Vista and later), up to its terminating NUL"),
            FieldSpec.text("standardName", "StandardName (a name, or an @tzres.dll,-N resource reference)"),
            FieldSpec.number("standardBias", "StandardBias, signed minutes"),
            FieldSpec.text("standardStart", "StandardStart, a kernel TIME_FIELDS (kaitai/artifacts/time_fields.ksy): \"1st Sunday of November, 02:00:00\" (a "
                    + "rule recurring every year), a date, or \"none\""),
            FieldSpec.text("daylightName", "DaylightName"),
            FieldSpec.number("daylightBias", "DaylightBias, signed minutes (-60: one hour ahead in summer)"),
            FieldSpec.text("daylightStart", "DaylightStart, read as StandardStart"),
            FieldSpec.number("activeTimeBias", "ActiveTimeBias: the bias in force when the hive was written, signed"),
            FieldSpec.number("dynamicDaylightTimeDisabled", "DynamicDaylightTimeDisabled (1: automatic daylight "
                    + "saving adjustment off)"))
            .checked("regipy timezone_data on SYSTEM.xz (corpus regipy/SYSTEM): two entries, the same values, which "
                    + "regipy lists raw; three readings differ, each shown from the bytes in TimezoneDataTest: the "
                    + "biases are signed (DaylightBias -60, regipy 4294967236), TimeZoneKeyName ends at its NUL (regipy"
                    + " gives all 256 bytes as hex), and StandardStart / DaylightStart are kernel TIME_FIELDS, the "
                    + "weekday last (regipy gives hex; read as SYSTEMTIME they would name no zone's rule)");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<Entry> run(HiveContext hive) {
        List<Entry> out = new ArrayList<>();
        for (Key cs : hive.controlSets()) {
            Key k = HiveContext.below(cs, "Control\\TimeZoneInformation");
            if (k == null) {
                continue;
            }
            Entry.Builder b = Entry.of(SPEC, k);
            b.number("bias", k, "Bias", true);
            b.string("timeZoneKeyName", k, "TimeZoneKeyName");
            b.string("standardName", k, "StandardName");
            b.number("standardBias", k, "StandardBias", true);
            transition(b, "standardStart", k.value("StandardStart"));
            b.string("daylightName", k, "DaylightName");
            b.number("daylightBias", k, "DaylightBias", true);
            transition(b, "daylightStart", k.value("DaylightStart"));
            b.number("activeTimeBias", k, "ActiveTimeBias", true);
            b.number("dynamicDaylightTimeDisabled", k, "DynamicDaylightTimeDisabled");
            out.add(b.build());
        }
        return out;
    }

    private static void transition(Entry.Builder b, String field, Value v) {
        if (v == null) {
            return;
        }
        Structs.Transition t = Structs.transition(v.data());
        if (t.problem() != null) {
            b.note(Values.at(v) + ": " + t.problem());
        }
        if (t.text() != null) {
            b.text(field, t.text(), Values.dataOffset(v));
        }
    }
}
