package org.patchlens.ese;

/**
 * The one exception the ese package throws: the input cannot be read as any ESE header
 * (too short, not an ESE file, an unsupported pre-ESE97 format, an I/O error). Damage
 * inside a header that was recognised (a bad checksum, a differing shadow copy) is never
 * thrown; it is collected as {@link Note}s on the result. The message is one line: file,
 * byte offset (when known) and reason.
 */
public final class EseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String reason;

    public EseException(String file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public EseException(String file, long offset, String reason, Throwable cause) {
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

    static String format(String file, long offset, String reason) {
        String r = reason.replace('\n', ' ').replace('\r', ' ');
        return offset >= 0
                ? String.format("%s: at offset 0x%X: %s", file, offset, r)
                : String.format("%s: %s", file, r);
    }
}
