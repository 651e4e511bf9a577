package org.patchlens.artifacts.batch;

/**
 * One entry of a batch file's {@code Keys}, as RECmd reads it ({@code RECmd/ReBatch.cs}).
 *
 * @param line          the line of the entry's first field in the batch file (what the outputs cite)
 * @param valueName     null: every value of each key (a key without values gives one row of its own)
 * @param recmdPlugin   the RECmd plugin the comment below the entry names ({@code # UserAssist plugin - ...}), or
 *                      null; RECmd itself runs a plugin on any key its plugins claim, the comment says which
 * @param disablePlugin RECmd's {@code DisablePlugin}: raw values even where a plugin would decode the key
 */
public record BatchEntry(int line, String description, RecmdHiveType hiveType, String category, String keyPath,
                         String valueName, boolean recursive, boolean includeBinary, BinaryConvert binaryConvert,
                         String comment, boolean disablePlugin, String recmdPlugin) {

    /** A short label for notes: {@code line 42 (Shutdown Time)}. */
    public String label() {
        return "line " + line + " (" + description + ")";
    }
}
