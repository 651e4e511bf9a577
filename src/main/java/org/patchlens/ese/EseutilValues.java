package org.patchlens.ese;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value forms eseutil prints, in every form the documented versions use: times with or without
 * milliseconds and UTC/LOC, log positions, signatures, ranges ({@code 44-46} or {@code 44-46 (0x2c-0x2e)}),
 * numbers, hex numbers, counts ({@code none}, {@code found (3)}) and database states by name. Each
 * returns null (or 0 for a state) when the value is not in its form; none throws on a number too large.
 */
final class EseutilValues {
    static final Pattern LABEL = line("^\\s*([^:]+?)\\s*:\\s?(.*)$");
    static final Pattern LGPOS = line("\\(0x([0-9A-Fa-f]+),([0-9A-Fa-f]+),([0-9A-Fa-f]+)\\)");
    private static final Pattern TIME = line(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,3}))?(?:\\s+(UTC|LOC))?");
    private static final Pattern SIG = line("Create time:\\s*(.*?)\\s+Rand:\\s*(\\d+)(?:\\s+Computer:\\s?(.*))?$");
    private static final Pattern RANGE = line("(-?\\d+)\\s*-\\s*(-?\\d+)");
    private static final Pattern NUM = line("(-?\\d+)");
    private static final Pattern HEXNUM = line("0x([0-9A-Fa-f]+)");
    private static final Pattern STATE_WITH_NUMBER = line("^(.*?)\\s*\\((\\d{1,9})\\)$");

    private EseutilValues() {
    }

    /**
     * A pattern for the text of one line of a dump. A line ends only at CR, LF or CR LF ({@link String#lines});
     * Java's regexes also end lines at U+0085, U+2028 and U+2029 ({@code .} stops there, {@code $} matches
     * before one at the end), so a line holding one failed {@link #LABEL} and was lost without a word.
     * UNIX_LINES leaves LF the only line end, which no line holds.
     */
    static Pattern line(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES);
    }

    /**
     * A value without eseutil's padding: the spaces and tabs around it. Not {@code trim()}: a control character at
     * either end (an ESC ending a crafted computer name or path) is text of the value, shown escaped, never dropped.
     */
    static String unpadded(String v) {
        int from = 0;
        int to = v.length();
        while (from < to && (v.charAt(from) == ' ' || v.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (v.charAt(to - 1) == ' ' || v.charAt(to - 1) == '\t')) {
            to--;
        }
        return v.substring(from, to);
    }

    /** The label of a {@code label: value} line, or null. */
    static String label(String line) {
        Matcher m = LABEL.matcher(line);
        return m.matches() ? m.group(1).trim() : null;
    }

    /** {@code MM/DD/YYYY hh:mm:ss[.mmm][ UTC|LOC]}; null if absent. */
    static LogTime time(String v) {
        Matcher m = TIME.matcher(v);
        if (!m.find()) {
            return null;
        }
        int month = Integer.parseInt(m.group(1));
        int day = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        int ms = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        boolean utc = "UTC".equals(m.group(8));
        if (month == 0 && day == 0 && year == 1900 && !utc) {
            return LogTime.UNSET;
        }
        return LogTime.of(year, month, day, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)), ms, utc);
    }

    /** {@code (0x2C,1A3,0)}: generation, sector, byte in hex. */
    static LogPosition lgpos(String v) {
        Matcher m = LGPOS.matcher(v);
        if (!m.find()) {
            return null;
        }
        return new LogPosition((int) Long.parseLong(m.group(1), 16), (int) Long.parseLong(m.group(2), 16),
                (int) Long.parseLong(m.group(3), 16));
    }

    /** {@code Create time:... Rand:... Computer:...}; the computer part may be cut (a wrapped line). */
    static Signature signature(String v) {
        Matcher m = SIG.matcher(v);
        if (!m.find()) {
            return null;
        }
        LogTime t = time(m.group(1));
        return Signature.of(Long.parseLong(m.group(2)) & 0xFFFFFFFFL, t == null ? LogTime.UNSET : t,
                m.group(3) == null ? "" : unpadded(m.group(3)));
    }

    /** Whether the computer name of signature text {@code v}, if any, is Latin-1, as the signature's bytes hold it. */
    static boolean computerNameFits(String v) {
        Matcher m = SIG.matcher(v);
        return !m.find() || m.group(3) == null || m.group(3).chars().allMatch(c -> c <= 0xFF);
    }

    /** {@code low-high}. */
    static long[] range(String v) {
        Matcher m = RANGE.matcher(v);
        try {
            return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first decimal number. */
    static Long num(String v) {
        Matcher m = NUM.matcher(v);
        try {
            return m.find() ? Long.valueOf(m.group(1)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code found (3)} gives 3, {@code none} gives 0. */
    static Long count(String v) {
        if (v.trim().equalsIgnoreCase("none")) {
            return 0L;
        }
        return num(v);
    }

    /** The first {@code 0x} number. */
    static Long hex(String v) {
        Matcher m = HEXNUM.matcher(v);
        try {
            return m.find() ? Long.valueOf(Long.parseUnsignedLong(m.group(1), 16)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 7741906 (0-7741906)} or {@code 1048576 (0x100000)}: the decimal value. */
    static Long dbtime(String v) {
        return num(v);
    }

    /** JET_dbstate by eseutil's name (old and new names, or {@code Name (n)}); 0 when unknown. */
    static long state(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        Matcher n = STATE_WITH_NUMBER.matcher(s);
        if (n.matches()) {
            long byName = state(n.group(1));
            return byName != 0 ? byName : Long.parseLong(n.group(2));
        }
        return switch (s) {
            case "just created" -> 1;
            case "dirty shutdown", "inconsistent" -> 2;
            case "clean shutdown", "consistent" -> 3;
            case "being converted" -> 4;
            case "force detach replay error", "force detach" -> 5;
            case "incremental reseed in progress" -> 6;
            case "dirty and patched shutdown" -> 7;
            case "database revert in progress" -> 8;
            default -> 0;
        };
    }
}
