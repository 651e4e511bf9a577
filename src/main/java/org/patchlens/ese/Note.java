package org.patchlens.ese;

/**
 * One verdict or piece of soft damage found while reading a header: a checksum failure,
 * a shadow copy that differs, a field whose layout is inferred, a value out of range.
 *
 * @param level    how much it matters
 * @param offset   file offset of the bytes concerned, or -1
 * @param text     one line, for people
 */
public record Note(Level level, long offset, String text) {
    /** Severity of a note. INFO never makes a command report findings; WARNING and ERROR do. */
    public enum Level {
        INFO, WARNING, ERROR
    }

    public static Note info(String text) {
        return new Note(Level.INFO, -1, text);
    }

    public static Note warning(long offset, String text) {
        return new Note(Level.WARNING, offset, text);
    }

    public static Note error(long offset, String text) {
        return new Note(Level.ERROR, offset, text);
    }

    public boolean isFinding() {
        return level != Level.INFO;
    }

    @Override
    public String toString() {
        return level + (offset >= 0 ? String.format(" (offset 0x%X)", offset) : "") + ": " + text;
    }
}
