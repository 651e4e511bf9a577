package org.patchlens;

/**
 * Input that cannot be read at all, from any reader: the message is one line naming the file,
 * the byte offset (when known) and the reason. Each format package throws its own subclass
 * ({@code HiveException}, {@code EseException}) and nothing else; damage inside readable input
 * is collected on the result instead.
 */
public abstract class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String reason;

    protected FormatException(String file, long offset, String reason, Throwable cause) {
        super(format(file, offset, reason), cause);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    /** The file name as given. */
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

    /** {@code file: at offset 0x1A: reason}, always one line. */
    public static String format(String file, long offset, String reason) {
        String r = reason.replace('\n', ' ').replace('\r', ' ');
        return offset >= 0 ? String.format("%s: at offset 0x%X: %s", file, offset, r) : String.format("%s: %s", file, r);
    }
}
