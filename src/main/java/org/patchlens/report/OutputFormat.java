package org.patchlens.report;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Every format a command can write, with the file extension that names it. One rule picks the format
 * of every command ({@link Output#plan}): {@code --format} decides; without it the {@code -o} name's
 * extension decides; without either, the command's default.
 */
public enum OutputFormat {
    TEXT(".txt"),
    JSONL(".jsonl"),
    JSON(".json"),
    CSV(".csv"),
    /** The K/V lines of the corpus oracle format (text, written to .txt files). */
    LISTING(".txt", false),
    XLSX(".xlsx"),
    REG(".reg"),
    MD(".md"),
    /** The Sleuth Kit's body file v3 ({@link TimeEvents}). */
    BODYFILE(".body"),
    /** JSONL events with Timesketch's fields ({@link TimeEvents}), written to .jsonl files. */
    TIMESKETCH(".jsonl", false),
    /** A registry hive image ({@code hive replay -o}): any name that is not one of the other extensions. */
    HIVE(null);

    private final String extension;
    /** Whether the extension alone names it; a variant (listing, timesketch) shares another's and is asked for. */
    private final boolean byName;

    OutputFormat(String extension) {
        this(extension, true);
    }

    OutputFormat(String extension, boolean byName) {
        this.extension = extension;
        this.byName = byName;
    }

    /** The extension that names this format ({@code .jsonl}), or null when none does. */
    public String extension() {
        return extension;
    }

    /** Whether {@code other} is written to names of this format's extension (listing to .txt, timesketch to .jsonl). */
    public boolean sharesExtensionWith(OutputFormat other) {
        return extension != null && extension.equals(other.extension);
    }

    /** The name users type after {@code --format}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named by {@code --format} (any case), or null when none is. */
    public static OutputFormat named(String name) {
        for (OutputFormat f : values()) {
            if (f.label().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        return null;
    }

    /**
     * The format a file name's extension names ({@code .jsonl .json .csv .xlsx .reg .txt .md .body}, any case),
     * or null for any other name. {@code .txt} names TEXT and {@code .jsonl} JSONL (LISTING and TIMESKETCH, written
     * to those names, are asked for with --format).
     */
    public static OutputFormat ofName(Path file) {
        String n = lowerName(file);
        for (OutputFormat f : values()) {
            if (n != null && f.extension != null && f.byName && n.endsWith(f.extension)
                    && n.length() > f.extension.length()) {
                return f;
            }
        }
        return null;
    }

    /** The format whose extension is the whole file name ({@code .csv}: a hidden file, likely a mistake), or null. */
    public static OutputFormat extensionOnly(Path file) {
        String n = lowerName(file);
        for (OutputFormat f : values()) {
            if (n != null && n.equals(f.extension)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The whole file name when it is only an extension, as typed ({@code .pdf}, {@code .CSV}: a hidden file's
     * name that starts with its only dot), or null.
     */
    public static String onlyAnExtension(Path file) {
        String name = file == null || file.getFileName() == null ? null : file.getFileName().toString();
        return name != null && name.length() > 1 && name.lastIndexOf('.') == 0 ? name : null;
    }

    /**
     * Well-known document and archive formats that no command writes: a name ending in one promises a file
     * patchlens does not make (report.pdf would hold the text report), so it is not given the default format.
     */
    private static final Set<String> FOREIGN_EXTENSIONS = Set.of(".pdf", ".doc", ".docx", ".xls", ".xlsm", ".xlsb",
            ".ods", ".odt", ".rtf", ".html", ".htm", ".xml", ".zip", ".gz", ".7z", ".evtx");

    /** One letter from .txt, but the usual name of a text file, not a typo of it. */
    private static final String SPELT_OUT_TEXT = ".text";

    /**
     * The extension of a file's name as typed, with its dot ({@code .PDF}), or null when it has none (a name
     * that starts with its only dot is a hidden file's name, not an extension).
     */
    public static String extensionOf(Path file) {
        String name = file == null || file.getFileName() == null ? null : file.getFileName().toString();
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot);
    }

    /**
     * The format among {@code formats} whose extension {@code extension} misses by one edit (a letter added,
     * dropped or changed, or two neighbours swapped: {@code .xslx .cvs .tsv .txtt}), or null.
     */
    public static OutputFormat nearMiss(String extension, Collection<OutputFormat> formats) {
        String e = extension.toLowerCase(Locale.ROOT);
        if (e.equals(SPELT_OUT_TEXT)) {
            return null;
        }
        for (OutputFormat f : formats) {
            if (f.extension != null && oneEditApart(e, f.extension)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Whether {@code extension} promises a format that is not ours: a document or archive format, or a near
     * miss of an extension some command writes ({@code .jsn} for .json).
     */
    public static boolean promisesAnotherFormat(String extension) {
        return FOREIGN_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))
                || nearMiss(extension, java.util.Arrays.stream(values()).filter(f -> f.byName).toList()) != null;
    }

    /** Whether {@code a} becomes {@code b} by exactly one edit: Damerau-Levenshtein distance 1. */
    static boolean oneEditApart(String a, String b) {
        if (a.length() < b.length()) {
            return oneEditApart(b, a);
        }
        int start = 0;
        while (start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (a.length() == b.length() + 1) { // one letter added to b
            return a.regionMatches(start + 1, b, start, b.length() - start);
        }
        if (a.length() != b.length() || start == a.length()) {
            return false;
        }
        if (a.regionMatches(start + 1, b, start + 1, a.length() - start - 1)) { // one letter changed
            return true;
        }
        return start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1) // two neighbours swapped
                && a.charAt(start + 1) == b.charAt(start)
                && a.regionMatches(start + 2, b, start + 2, a.length() - start - 2);
    }

    private static String lowerName(Path file) {
        return file == null || file.getFileName() == null ? null
                : file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
