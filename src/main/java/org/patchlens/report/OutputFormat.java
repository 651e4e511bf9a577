package org.patchlens.report;

import java.nio.file.Path;
import java.util.Locale;

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

    private static String lowerName(Path file) {
        return file == null || file.getFileName() == null ? null
                : file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
