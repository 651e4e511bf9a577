package org.patchlens.ese;

import org.patchlens.FormatException;

/**
 * The one exception the ese package throws: the input cannot be read as any ESE header
 * (too short, not an ESE file, an unsupported pre-ESE97 format, an I/O error). Damage
 * inside a header that was recognised (a bad checksum, a differing shadow copy) is never
 * thrown; it is collected as {@link Note}s on the result. The message is one line: file,
 * byte offset (when known) and reason.
 */
public final class EseException extends FormatException {
    private static final long serialVersionUID = 1L;

    public EseException(String file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public EseException(String file, long offset, String reason, Throwable cause) {
        super(file, offset, reason, cause);
    }
}
