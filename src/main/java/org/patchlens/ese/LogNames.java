package org.patchlens.ese;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's name says in a log folder: a log's role (current {@code E00.log}, archived
 * {@code E00XXXXX.log} / {@code E00XXXXXXXX.log} with the generation its hex digits give, temporary
 * {@code E00tmp.log}, reserve {@code res1.log} / {@code E00res00001.jrs}), the set's 3-character base
 * name, and the names of missing generations (built with the digit width the set's archived names use).
 */
final class LogNames {
    private static final Pattern CURRENT = Pattern.compile("(?i)^(.{3})\\.(log|jtx)$");
    private static final Pattern ARCHIVED = Pattern.compile("(?i)^(.{3})([0-9a-f]{8}|[0-9a-f]{5})\\.(log|jtx)$");
    private static final Pattern TEMP = Pattern.compile("(?i)^(.{3})tmp\\.(log|jtx)$");
    private static final Pattern RESERVE = Pattern.compile("(?i)^(res[12]\\.log|.{3}res\\d{5}\\.(jrs|log))$");
    private static final Set<String> ESE_EXTENSIONS = Set.of("log", "jtx", "chk", "jcp", "jrs", "edb", "stm", "pat");

    private LogNames() {
    }

    /** The entry of a log header: its role, base name and name generation from the file name. */
    static LogChain.Entry classify(LogHeader h) {
        String name = EseFile.baseName(h.file());
        Matcher m;
        if ((m = TEMP.matcher(name)).matches()) {
            return new LogChain.Entry(h.file(), LogChain.Role.TEMP, m.group(1), -1, 0, h);
        }
        if (RESERVE.matcher(name).matches()) {
            return new LogChain.Entry(h.file(), LogChain.Role.RESERVE, "", -1, 0, h);
        }
        if ((m = CURRENT.matcher(name)).matches()) {
            return new LogChain.Entry(h.file(), LogChain.Role.CURRENT, m.group(1), -1, 0, h);
        }
        if ((m = ARCHIVED.matcher(name)).matches()) {
            return new LogChain.Entry(h.file(), LogChain.Role.ARCHIVED, m.group(1), Long.parseLong(m.group(2), 16),
                    m.group(2).length(), h);
        }
        return new LogChain.Entry(h.file(), LogChain.Role.OTHER, "", -1, 0, h);
    }

    /** The generation an archived log's name gives ({@code E0000000080.log} = 128), else -1; any folder part is ignored. */
    static long nameGeneration(String file) {
        Matcher m = ARCHIVED.matcher(EseFile.baseName(file));
        return m.matches() && !TEMP.matcher(EseFile.baseName(file)).matches() ? Long.parseLong(m.group(2), 16) : -1;
    }

    /** Named like a current log ({@code E00.log}, {@code edb.log}). */
    static boolean isCurrent(String file) {
        return CURRENT.matcher(EseFile.baseName(file)).matches();
    }

    /** Named like a current or archived log of a set (not temporary or reserve). */
    static boolean isLogName(String file) {
        String n = EseFile.baseName(file);
        return !TEMP.matcher(n).matches() && !RESERVE.matcher(n).matches()
                && (CURRENT.matcher(n).matches() || ARCHIVED.matcher(n).matches());
    }

    /** Named like a file of an ESE log folder (an unused all-zero reserve log is still one). */
    static boolean eseName(Path f) {
        return ESE_EXTENSIONS.contains(EseFile.extension(f.getFileName().toString()));
    }

    /**
     * "log" or "checkpoint" when a file of this name that cannot be read is an ERROR finding; null for
     * other names, and for reserve and temporary logs (an unused one is all zero by design).
     */
    static String unreadableKind(String file) {
        String name = EseFile.baseName(file);
        String ext = EseFile.extension(name);
        boolean reserveOrTemp = RESERVE.matcher(name).matches() || TEMP.matcher(name).matches();
        if (reserveOrTemp || !(ext.equals("log") || ext.equals("jtx") || ext.equals("chk") || ext.equals("jcp"))) {
            return null;
        }
        return ext.startsWith("l") || ext.equals("jtx") ? "log" : "checkpoint";
    }

    /** The first three characters of a file name (a checkpoint's name gives the set's base name). */
    static String baseOf(String file) {
        String n = EseFile.baseName(file);
        return n.length() >= 3 ? n.substring(0, 3) : n;
    }

    /** Hex digits of archived names: as the set's archived names have them, else 8 for log formats that use 8, else 5. */
    static int digits(List<LogChain.Entry> entries) {
        for (LogChain.Entry e : entries) {
            if (e.nameDigits() > 0) {
                return e.nameDigits();
            }
        }
        for (LogChain.Entry e : entries) {
            LogHeader h = e.header();
            if (h.versionMajor() == 8 || h.versionMajor() == 7 && h.versionUpdateMajor() >= 10) {
                return 8;
            }
        }
        return 5;
    }

    static String hex(long g, int width) {
        return String.format("%0" + width + "X", g);
    }
}
