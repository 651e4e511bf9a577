package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.HiveOptions;
import org.patchlens.hive.Value;

/**
 * regipy_tests/validation/validation_tests/timezone_data_validation.py on SYSTEM.xz (corpus regipy/SYSTEM): two
 * entries (one per control set), and the values of ControlSet001's. regipy lists the values raw; patchlens
 * decodes them, and differs from regipy's reading in three places, each shown here from the bytes.
 */
class TimezoneDataTest {
    private static final String REGIPY_KEY_NAME = "4500610073007400650072006e0020005300740061006e00640061007200640020"
            + "00540069006d00650000001963747614060136f408f101000000000000000000000"
            + "00000000000940af101a80af10102000000040bf101000000007c0bf10100000000"
            + "c80bf1010000000000000000d007f10110df0900d8717476d007f101";

    @Test
    void theValuesRegipyStatesForItsSystemHive() {
        Path system = corpus("regipy/SYSTEM");
        List<Entry> all = run(Catalog.TIMEZONE_DATA, system);
        assertEquals(2, all.size(), "regipy: expected_entries_count = 2");
        Entry e = all.get(0);
        assertEquals("\\ControlSet001\\Control\\TimeZoneInformation", e.keyPath());
        assertEquals("300", e.shown("bias"));
        assertEquals("0", e.shown("standardBias"));
        assertEquals("240", e.shown("activeTimeBias"));
        assertEquals("0", e.shown("dynamicDaylightTimeDisabled"));
        assertEquals("@tzres.dll,-112", e.shown("standardName"));
        assertEquals("@tzres.dll,-111", e.shown("daylightName"));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    /** Difference 1: regipy gives DaylightBias as the unsigned DWORD 4294967236; it is a signed bias, -60 minutes. */
    @Test
    void biasesAreSignedMinutes() {
        Entry e = run(Catalog.TIMEZONE_DATA, corpus("regipy/SYSTEM")).get(0);
        assertEquals(-60, (int) 4294967236L);
        assertEquals("-60", e.shown("daylightBias"));
    }

    /**
     * Difference 2: regipy gives TimeZoneKeyName as hex, having failed to decode all 256 bytes of the REG_SZ as
     * UTF-16; the string ends at its NUL (byte 42), as Windows reads it: "Eastern Standard Time". The 212 bytes
     * after it are left-over memory, not part of the name.
     */
    @Test
    void theTimeZoneKeyNameEndsAtItsNul() {
        Path system = corpus("regipy/SYSTEM");
        Entry e = run(Catalog.TIMEZONE_DATA, system).get(0);
        byte[] regipy = HexFormat.of().parseHex(REGIPY_KEY_NAME);
        assertCellHoldsPrefix(system, e.field("timeZoneKeyName").orElseThrow(), regipy);
        assertEquals("Eastern Standard Time", new String(regipy, 0, 42, StandardCharsets.UTF_16LE));
        assertEquals(0, regipy[42] | regipy[43]);
        assertEquals("Eastern Standard Time", e.shown("timeZoneKeyName"));
    }

    /**
     * Difference 3: StandardStart and DaylightStart are kernel TIME_FIELDS (year, month, day, hour, minute,
     * second, milliseconds, weekday), not SYSTEMTIMEs (whose weekday is the third field). regipy gives the hex;
     * read as TIME_FIELDS the Eastern zone's bytes are the US rule since 2007 (first Sunday of November and second
     * Sunday of March, at 02:00); read as SYSTEMTIME they would be "2nd Monday of November, 00:00", no zone's rule.
     */
    @Test
    void theTransitionsAreTimeFieldsWithTheWeekdayLast() {
        Path system = corpus("regipy/SYSTEM");
        Entry e = run(Catalog.TIMEZONE_DATA, system).get(0);
        assertCellHolds(system, e.field("standardStart").orElseThrow(),
                HexFormat.of().parseHex("00000b00010002000000000000000000"));
        assertCellHolds(system, e.field("daylightStart").orElseThrow(),
                HexFormat.of().parseHex("00000300020002000000000000000000"));
        assertEquals("1st Sunday of November, 02:00:00", e.shown("standardStart"));
        assertEquals("2nd Sunday of March, 02:00:00", e.shown("daylightStart"));
        // the same 16 bytes as a SYSTEMTIME: month 11, weekday 1 (Monday), day 2 (week 2), hour 0
        byte[] b = HexFormat.of().parseHex("00000b00010002000000000000000000");
        assertEquals(List.of(0, 11, 1, 2, 0), List.of(u2(b, 0), u2(b, 2), u2(b, 4), u2(b, 6), u2(b, 8)));
    }

    /** The same reading on another zone's real bytes (python-registry's issue22.hive: W. Europe, last Sundays). */
    @Test
    void westernEuropesTransitionsAreTheLastSundaysOfOctoberAndMarch() {
        try (Hive h = HiveOpener.openWithLogsBeside(corpus("python-registry/issue22.hive"), HiveOptions.DEFAULTS)) {
            Value std = h.root().value("StandardStart");
            Value dst = h.root().value("DaylightStart");
            assertEquals("00000a00050003000000000000000000", HexFormat.of().formatHex(std.data()));
            assertEquals("last Sunday of October, 03:00:00", Structs.transition(std.data()).text());
            assertEquals("last Sunday of March, 02:00:00", Structs.transition(dst.data()).text());
        }
    }

    @Test
    void truncatedOrImpossibleTransitionsAreNotedWithTheirOffset() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Control\\TimeZoneInformation").binary("StandardStart", 0, 0, 11, 0)
                .binary("DaylightStart", HexFormat.of().parseHex("00000d00090019000000000000000900"))
                .sz("Bias", "abc");
        Entry e = run(Catalog.TIMEZONE_DATA, b).get(0);
        assertEquals(null, e.shown("standardStart"));
        assertEquals(null, e.shown("bias"));
        assertEquals("year 0, month 13, day 9, 25:00:00.000, weekday 9", e.shown("daylightStart"));
        assertEquals(3, e.notes().size(), e.notes().toString());
        assertTrue(e.notes().stream().anyMatch(n -> n.matches("\"StandardStart\" at file offset 0x[0-9A-F]+: 4 bytes, "
                + "a TIME_FIELDS needs 16")), e.notes().toString());
        assertTrue(e.notes().stream().anyMatch(n -> n.endsWith("month 13 is not 1 to 12; week 9 is not 1 to 5; hour 25 "
                + "is not 0 to 23; weekday 9 is not 0 to 6")), e.notes().toString());
        assertTrue(e.notes().stream().anyMatch(n -> n.endsWith("REG_SZ \"abc\" where a number was expected")),
                e.notes().toString());
    }

    private static int u2(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
