package org.patchlens.artifacts;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.patchlens.format.BamEntry;
import org.patchlens.format.FiletimeValue;
import org.patchlens.format.MruListEx;
import org.patchlens.format.TimeFields;
import org.patchlens.format.WindowsGuid;

/**
 * The binary structures inside value data that the plugins decode, each read through the class Kaitai generates
 * from its spec in {@code kaitai/artifacts/}. Each decoder takes any bytes: it checks the length the structure
 * needs before parsing (the specs have fixed layouts, so a parse of enough bytes cannot fail), and says what was
 * wrong in {@code problem} (null when nothing was), without the value's name or offset, which the plugin adds.
 * Never throws. Each has a Jazzer target ({@code fuzz/ArtifactFuzzTest}).
 */
public final class Structs {
    private Structs() {
    }

    private static ByteBufferKaitaiStream stream(byte[] data, int length) {
        byte[] b = data.length == length ? data : java.util.Arrays.copyOf(data, length);
        return new ByteBufferKaitaiStream(b);
    }

    private static String extra(byte[] data, int used, String what) {
        return data.length > used ? (data.length - used) + " bytes after the " + what + " (" + data.length
                + " bytes; " + used + " used)" : null;
    }

    // ------------------------------------------------------------------ FILETIME (filetime_value.ksy)

    /** A FILETIME stored alone: {@code ok} false when there are fewer than 8 bytes. */
    public record FileTimeData(boolean ok, long ticks, String problem) {
    }

    public static FileTimeData fileTime(byte[] data) {
        if (data.length < 8) {
            return new FileTimeData(false, 0, data.length + " bytes, a FILETIME needs 8");
        }
        FiletimeValue f = new FiletimeValue(stream(data, 8));
        return new FileTimeData(true, f.ticks(), extra(data, 8, "FILETIME"));
    }

    // ------------------------------------------------------------------ BAM / DAM (bam_entry.ksy)

    /**
     * A BAM or DAM record: the last execution time and the undocumented bytes after it (24 bytes in all in the
     * versions seen; any length from 8 on is read); {@code ok} false when there are fewer than 8 bytes.
     */
    public record BamRecord(boolean ok, long lastExecution, byte[] rest, String problem) {
    }

    public static BamRecord bam(byte[] data) {
        if (data.length < 8) {
            return new BamRecord(false, 0, new byte[0], data.length + " bytes, a BAM record starts with an 8-byte "
                    + "FILETIME");
        }
        BamEntry e = new BamEntry(stream(data, data.length));
        return new BamRecord(true, e.lastExecution(), e.rest(), null);
    }

    // ------------------------------------------------------------------ MRUListEx (mru_list_ex.ksy)

    /** The MRU order (value numbers, most recent first, the terminator left out) and what was odd. */
    public record MruOrder(List<Long> order, String problem) {
    }

    public static MruOrder mruListEx(byte[] data) {
        int whole = data.length / 4 * 4;
        List<Long> all = new MruListEx(stream(data, whole)).entries();
        List<Long> order = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int end = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == 0xFFFFFFFFL) {
                end = i;
                break;
            }
            order.add(all.get(i));
        }
        if (end < 0) {
            problems.add("no 0xFFFFFFFF terminator");
        } else if (end < all.size() - 1) {
            problems.add((all.size() - 1 - end) * 4 + " bytes after the 0xFFFFFFFF terminator");
        }
        if (whole != data.length) {
            problems.add(data.length + " bytes, not a multiple of 4 (the last " + (data.length - whole)
                    + " ignored)");
        }
        return new MruOrder(List.copyOf(order), problems.isEmpty() ? null : String.join("; ", problems));
    }

    // ------------------------------------------------------------------ GUID (windows_guid.ksy)

    /** A GUID in its text form {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}; null text when under 16 bytes. */
    public record GuidData(String text, String problem) {
    }

    public static GuidData guid(byte[] data) {
        if (data.length < 16) {
            return new GuidData(null, data.length + " bytes, a GUID needs 16");
        }
        WindowsGuid g = new WindowsGuid(stream(data, 16));
        String d4 = HexFormat.of().withUpperCase().formatHex(g.data4());
        String text = String.format(Locale.ROOT, "{%08X-%04X-%04X-%s-%s}", g.data1(), g.data2(), g.data3(),
                d4.substring(0, 4), d4.substring(4));
        return new GuidData(text, extra(data, 16, "GUID"));
    }

    // ------------------------------------------------------------------ TIME_FIELDS (time_fields.ksy)

    /** The fields of a TIME_FIELDS, in its order (the weekday last). */
    public record TimeFieldsData(int year, int month, int day, int hour, int minute, int second, int milliseconds,
                                 int weekday) {
    }

    /** A time zone transition: its reading ({@link #transition}); null time and text when under 16 bytes. */
    public record Transition(TimeFieldsData time, String text, String problem) {
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    private static final String[] WEEKS = {"1st", "2nd", "3rd", "4th", "last"};

    /**
     * A time zone's StandardStart or DaylightStart, a kernel TIME_FIELDS (the weekday is its last field; see
     * {@code time_fields.ksy}): all zero reads "none" (no daylight saving time); year 0 a rule that recurs every
     * year, "last Sunday of March, 02:00:00" (the day field is the week of the month, 5 = the last); a year one
     * date, "2007-03-11 02:00:00". Fields out of their ranges are named in {@code problem}, and the text then
     * gives every field as stored.
     */
    public static Transition transition(byte[] data) {
        if (data.length < 16) {
            return new Transition(null, null, data.length + " bytes, a TIME_FIELDS needs 16");
        }
        TimeFields s = new TimeFields(stream(data, 16));
        TimeFieldsData t = new TimeFieldsData(s.year(), s.month(), s.day(), s.hour(), s.minute(), s.second(),
                s.milliseconds(), s.weekday());
        List<String> problems = new ArrayList<>();
        String extra = extra(data, 16, "TIME_FIELDS");
        boolean zero = t.year() == 0 && t.month() == 0 && t.day() == 0 && t.hour() == 0 && t.minute() == 0
                && t.second() == 0 && t.milliseconds() == 0 && t.weekday() == 0;
        boolean recurring = t.year() == 0;
        if (!zero) {
            range(problems, "month", t.month(), 1, 12);
            range(problems, recurring ? "week" : "day", t.day(), 1, recurring ? 5 : 31);
            range(problems, "hour", t.hour(), 0, 23);
            range(problems, "minute", t.minute(), 0, 59);
            range(problems, "second", t.second(), 0, 59);
            range(problems, "milliseconds", t.milliseconds(), 0, 999);
            range(problems, "weekday", t.weekday(), 0, 6);
        }
        String text;
        if (zero) {
            text = "none";
        } else if (!problems.isEmpty()) {
            text = String.format(Locale.ROOT, "year %d, month %d, day %d, %02d:%02d:%02d.%03d, weekday %d",
                    t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second(), t.milliseconds(), t.weekday());
        } else {
            String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", t.hour(), t.minute(), t.second())
                    + (t.milliseconds() == 0 ? "" : String.format(Locale.ROOT, ".%03d", t.milliseconds()));
            text = recurring ? WEEKS[t.day() - 1] + " " + DAYS[t.weekday()] + " of " + MONTHS[t.month() - 1] + ", "
                    + clock : String.format(Locale.ROOT, "%04d-%02d-%02d ", t.year(), t.month(), t.day()) + clock;
        }
        if (extra != null) {
            problems.add(0, extra);
        }
        return new Transition(t, text, join(problems));
    }

    private static void range(List<String> problems, String what, int v, int min, int max) {
        if (v < min || v > max) {
            problems.add(what + " " + v + " is not " + min + " to " + max);
        }
    }

    private static String join(List<String> problems) {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
