package org.patchlens.ese;

import java.util.HexFormat;

/**
 * An ESE LOGTIME, kept exactly as its 8 stored bytes ({@link #raw()}, byte 0 in the low
 * bits). Nothing is normalised: a month byte of 13 stays 13 and is shown as stored.
 * Byte order: seconds, minutes, hours, day, month (1-12), year-1900, then
 * bit 0 = UTC flag with the low 7 millisecond bits above it, then bit 0 = OS-snapshot
 * flag with the high 3 millisecond bits above it.
 */
public record LogTime(long raw) {
    public static final LogTime UNSET = new LogTime(0);

    /** From the 8 stored bytes at {@code off}. */
    public static LogTime of(byte[] b, int off) {
        long r = 0;
        for (int i = 7; i >= 0; i--) {
            r = (r << 8) | (b[off + i] & 0xFF);
        }
        return new LogTime(r);
    }

    /** The bytes an engine would have stored for these calendar fields. */
    public static LogTime of(int year, int month, int day, int hours, int minutes, int seconds, int millis,
            boolean utc) {
        int y = year == 1900 && month == 0 && day == 0 ? 0 : year - 1900;
        byte[] b = new byte[8];
        b[0] = (byte) seconds;
        b[1] = (byte) minutes;
        b[2] = (byte) hours;
        b[3] = (byte) day;
        b[4] = (byte) month;
        b[5] = (byte) y;
        b[6] = (byte) ((utc ? 1 : 0) | ((millis & 0x7F) << 1));
        b[7] = (byte) (((millis >> 7) & 7) << 1);
        return of(b, 0);
    }

    private int b(int i) {
        return (int) (raw >>> (8 * i)) & 0xFF;
    }

    public int seconds() {
        return b(0);
    }

    public int minutes() {
        return b(1);
    }

    public int hours() {
        return b(2);
    }

    public int day() {
        return b(3);
    }

    public int month() {
        return b(4);
    }

    /** Calendar year (stored byte + 1900). */
    public int year() {
        return b(5) + 1900;
    }

    public boolean utc() {
        return (b(6) & 1) != 0;
    }

    public int milliseconds() {
        return (b(6) >> 1) | (((b(7) >> 1) & 7) << 7);
    }

    /** The fReserved bit (OS snapshot marker). */
    public boolean osSnapshot() {
        return (b(7) & 1) != 0;
    }

    /** Bits 4-7 of byte 7, unused by the engine. */
    public int unusedBits() {
        return b(7) >> 4;
    }

    /** False when the date and time bytes are all zero (eseutil prints {@code 00/00/1900 00:00:00}). */
    public boolean isSet() {
        return (raw & 0xFFFF_FFFF_FFFFL) != 0 || utc();
    }

    /** True when every byte is inside its calendar range (or the time is unset). */
    public boolean plausible() {
        if (!isSet()) {
            return true;
        }
        return seconds() < 61 && minutes() < 60 && hours() < 24 && day() >= 1 && day() <= 31 && month() >= 1
                && month() <= 12 && milliseconds() < 1000;
    }

    public byte[] bytes() {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) b(i);
        }
        return out;
    }

    public String rawHex() {
        return HexFormat.of().formatHex(bytes());
    }

    /** {@code 2022-08-19 11:46:32.636 UTC}, or {@code 0 (not set)}; the oracle/ISO-like form. */
    public String iso() {
        if (!isSet()) {
            return "0 (not set)";
        }
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%03d%s", year(), month(), day(), hours(), minutes(),
                seconds(), milliseconds(), utc() ? " UTC" : "");
    }

    /** As current eseutil prints it: {@code 08/19/2022 11:46:32.636 UTC} ({@code LOC} for local time). */
    public String eseutil() {
        return String.format("%02d/%02d/%04d %02d:%02d:%02d.%03d %s", month(), day(), year(), hours(), minutes(),
                seconds(), milliseconds(), utc() ? "UTC" : "LOC");
    }

    @Override
    public String toString() {
        return iso() + " raw=" + rawHex();
    }
}
