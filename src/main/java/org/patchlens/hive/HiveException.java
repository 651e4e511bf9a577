package org.patchlens.hive;

/**
 * The one exception the hive package throws: the file could not be read at all, or a
 * structure that everything else depends on (base block, root key) is unusable.
 * Damage inside the tree is never thrown; it is collected as {@link Damage} instead.
 * The message is one line: file, byte offset (when known) and reason.
 */
public final class HiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String reason;

    public HiveException(String file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public HiveException(String file, long offset, String reason, Throwable cause) {
        super(format(file, offset, reason), cause);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    /** The file name as given to {@link Hive#open}. */
    public String file() {
        return file;
    }

    /** File offset of the offending bytes, or -1 when not tied to an offset. */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }

    static String format(String file, long offset, String reason) {
        return offset >= 0
                ? String.format("%s: at offset 0x%X: %s", file, offset, reason)
                : String.format("%s: %s", file, reason);
    }
}
