package org.patchlens.artifacts.batch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Sid;

/**
 * RECmd's {@code BinaryConvert}: how an entry asks for value data to be read. The names are RECmd's
 * ({@code Key.BinConvert}), taken without regard to case. A conversion never throws: data it cannot read
 * (too short, out of range) gives a {@link Converted} with the reason, and the row keeps the data as it is, as
 * RECmd does. Times are written as RECmd writes them, {@code yyyy-MM-dd HH:mm:ss.fffffff}, to the 100 ns.
 */
public enum BinaryConvert {
    NONE("None"),
    FILETIME("Filetime"),
    IP("Ip"),
    EPOCH("Epoch"),
    SID("Sid"),
    SYSTEMTIME("Systemtime"),
    DATETIMETICKS("DateTimeTicks"),
    OLE("OLE");

    /** RECmd's timestamp layout (its {@code --dt} default), seven fractional digits. */
    static final DateTimeFormatter RECMD_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSS")
            .withZone(ZoneOffset.UTC);
    /** 0001-01-01T00:00:00Z: the origin of .NET ticks. */
    private static final LocalDateTime TICKS_ORIGIN = LocalDateTime.of(1, 1, 1, 0, 0);
    /** The last .NET tick (9999-12-31 23:59:59.9999999). */
    private static final long MAX_TICKS = 3_155_378_975_999_999_999L;
    private static final long MS_PER_DAY = 86_400_000L;
    /** Milliseconds from 0001-01-01 to 1899-12-30, the origin of OLE automation dates. */
    private static final long OLE_ORIGIN_MS = 59_926_435_200_000L;

    private final String recmdName;

    BinaryConvert(String recmdName) {
        this.recmdName = recmdName;
    }

    /** RECmd's spelling. */
    public String recmdName() {
        return recmdName;
    }

    /** The conversion a batch file names, or null. */
    public static BinaryConvert named(String name) {
        for (BinaryConvert c : values()) {
            if (c.recmdName.equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        return null;
    }

    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (BinaryConvert c : values()) {
            out.add(c.name());
        }
        return out;
    }

    /** Whether RECmd applies it to data that is not REG_BINARY too (a DWORD InstallDate read as EPOCH): the times. */
    public boolean appliesToAnyType() {
        return this == FILETIME || this == EPOCH || this == SYSTEMTIME || this == DATETIMETICKS || this == OLE;
    }

    /** The conversion's text, or why there is none ({@code text} null). */
    public record Converted(String text, String failure) {
        static Converted ok(String text) {
            return new Converted(text, null);
        }

        static Converted failed(String why) {
            return new Converted(null, why);
        }

        public boolean ok() {
            return text != null;
        }
    }

    /** Reads {@code data} (little-endian, from its first byte, as RECmd does) this way. */
    public Converted convert(byte[] data) {
        return switch (this) {
            case NONE -> Converted.failed("no conversion");
            case FILETIME -> data.length < 8 ? tooShort(8, data) : Converted.ok(time(FileTime.toInstant(le(data, 8))));
            case EPOCH -> data.length < 4 ? tooShort(4, data) : Converted.ok(time(Instant.ofEpochSecond(le(data, 4))));
            case IP -> data.length < 4 ? tooShort(4, data) : Converted.ok((data[0] & 0xFF) + "." + (data[1] & 0xFF)
                    + "." + (data[2] & 0xFF) + "." + (data[3] & 0xFF));
            case SID -> sid(data);
            case SYSTEMTIME -> systemTime(data);
            case DATETIMETICKS -> ticks(data);
            case OLE -> ole(data);
        };
    }

    private Converted tooShort(int need, byte[] data) {
        return Converted.failed(name() + " needs " + need + " bytes, the data has " + data.length);
    }

    static String time(Instant t) {
        return RECMD_TIME.format(t);
    }

    private static long le(byte[] d, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (d[i] & 0xFFL);
        }
        return v;
    }

    private Converted sid(byte[] d) {
        if (d.length < 8) {
            return tooShort(8, d);
        }
        int revision = d[0] & 0xFF;
        int count = d[1] & 0xFF;
        if (revision != 1 || count > 15) {
            return Converted.failed("not a SID: revision " + revision + ", " + count + " sub-authorities");
        }
        if (d.length < 8 + 4 * count) {
            return Converted.failed("SID with " + count + " sub-authorities needs " + (8 + 4 * count)
                    + " bytes, the data has " + d.length);
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (d[i] & 0xFFL);
        }
        List<Long> subs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = 8 + 4 * i;
            subs.add((d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24);
        }
        return Converted.ok(new Sid(revision, authority, subs).toString());
    }

    /** SYSTEMTIME: year, month, day of week (ignored, as Windows does), day, hour, minute, second, milliseconds. */
    private Converted systemTime(byte[] d) {
        if (d.length < 16) {
            return tooShort(16, d);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (short) ((d[2 * i] & 0xFF) | (d[2 * i + 1] & 0xFF) << 8);
        }
        try {
            if (w[7] < 0 || w[7] > 999) {
                throw new DateTimeException("milliseconds " + w[7]);
            }
            LocalDateTime t = LocalDateTime.of(w[0], w[1], w[3], w[4], w[5], w[6], w[7] * 1_000_000);
            if (w[0] < 1 || w[0] > 9999) {
                throw new DateTimeException("year " + w[0]);
            }
            return Converted.ok(time(t.toInstant(ZoneOffset.UTC)));
        } catch (DateTimeException e) {
            return Converted.failed("not a SYSTEMTIME: " + w[0] + "-" + w[1] + "-" + w[3] + " " + w[4] + ":" + w[5] + ":"
                    + w[6] + "." + w[7]);
        }
    }

    private Converted ticks(byte[] d) {
        if (d.length < 8) {
            return tooShort(8, d);
        }
        long t = le(d, 8);
        if (t < 0 || t > MAX_TICKS) {
            return Converted.failed("not a .NET tick count: " + t);
        }
        return Converted.ok(time(TICKS_ORIGIN.toInstant(ZoneOffset.UTC).plusSeconds(t / 10_000_000L)
                .plusNanos(t % 10_000_000L * 100)));
    }

    /** An OLE automation date: days since 1899-12-30 as a double, rounded to the millisecond as .NET's FromOADate does. */
    private Converted ole(byte[] d) {
        if (d.length < 8) {
            return tooShort(8, d);
        }
        double v = Double.longBitsToDouble(le(d, 8));
        if (!(v < 2_958_466.0) || !(v > -657_435.0)) {
            return Converted.failed("not an OLE automation date: " + v);
        }
        long ms = (long) (v * MS_PER_DAY + (v >= 0 ? 0.5 : -0.5));
        if (ms < 0) {
            ms -= (ms % MS_PER_DAY) * 2; // before 1899-12-30 the fraction still counts forward from midnight
        }
        ms += OLE_ORIGIN_MS;
        return Converted.ok(time(TICKS_ORIGIN.toInstant(ZoneOffset.UTC).plusMillis(ms)));
    }
}
