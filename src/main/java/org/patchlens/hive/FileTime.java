package org.patchlens.hive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Windows FILETIME (100 ns ticks since 1601-01-01 UTC), kept exact to the tick. */
public final class FileTime {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    private static final DateTimeFormatter ISO_7 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

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
        return ISO_7.format(toInstant(fileTime));
    }
}
