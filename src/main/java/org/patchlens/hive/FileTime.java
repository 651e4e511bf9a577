package org.patchlens.hive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Windows FILETIME (100 ns ticks since 1601-01-01 UTC), kept exact to the tick. */
public final class FileTime {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    /** For years past 9999 only: set up on first use, since building it costs a few ms of every start-up. */
    private static final class Wide {
        static final DateTimeFormatter ISO_7 =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    }

    private FileTime() {
    }

    /** The instant of a FILETIME; the raw value is read as unsigned. */
    public static Instant toInstant(long fileTime) {
        long seconds = Long.divideUnsigned(fileTime, 10_000_000L);
        long ticks = Long.remainderUnsigned(fileTime, 10_000_000L);
        return Instant.ofEpochSecond(seconds - EPOCH_DIFF_SECONDS, ticks * 100);
    }

    /** The FILETIME of an instant (truncated to 100 ns). */
    public static long fromInstant(Instant instant) {
        return (instant.getEpochSecond() + EPOCH_DIFF_SECONDS) * 10_000_000L + instant.getNano() / 100;
    }

    /** ISO-8601 UTC with seven fractional digits, e.g. {@code 2010-11-10T17:29:40.1234567Z}. */
    public static String iso(long fileTime) {
        byte[] c = new byte[ISO_LENGTH];
        if (iso(fileTime, c, 0) < 0) {
            return Wide.ISO_7.format(toInstant(fileTime)); // "+10000-..." as java.time writes it
        }
        return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The length of {@link #iso} up to the year 9999. */
    public static final int ISO_LENGTH = 28;

    /**
     * {@link #iso} as ASCII bytes into {@code dst} at {@code at}, for writers that fill a byte buffer (no String
     * per timestamp): returns {@link #ISO_LENGTH}, or -1 (nothing written) for a year past 9999, which
     * {@link #iso(long)} writes.
     */
    public static int iso(long fileTime, byte[] dst, int at) {
        long seconds = Long.divideUnsigned(fileTime, 10_000_000L);
        long ticks = Long.remainderUnsigned(fileTime, 10_000_000L);
        long days = Math.floorDiv(seconds - EPOCH_DIFF_SECONDS, 86_400L);
        int secOfDay = (int) Math.floorMod(seconds - EPOCH_DIFF_SECONDS, 86_400L);
        // civil date from days since 1970-01-01 (proleptic Gregorian, as java.time)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year > 9999) {
            return -1;
        }
        digits(dst, at, (int) year, 4);
        dst[at + 4] = '-';
        digits(dst, at + 5, month, 2);
        dst[at + 7] = '-';
        digits(dst, at + 8, day, 2);
        dst[at + 10] = 'T';
        digits(dst, at + 11, secOfDay / 3600, 2);
        dst[at + 13] = ':';
        digits(dst, at + 14, secOfDay / 60 % 60, 2);
        dst[at + 16] = ':';
        digits(dst, at + 17, secOfDay % 60, 2);
        dst[at + 19] = '.';
        digits(dst, at + 20, (int) ticks, 7);
        dst[at + 27] = 'Z';
        return ISO_LENGTH;
    }

    private static void digits(byte[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
