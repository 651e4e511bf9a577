package org.patchlens;

/**
 * A path named as input that cannot be read as a file at all: it is missing, a folder, a FIFO, a
 * device, a socket, a symbolic link loop, or not accessible ({@link InputFile#check}). The message is
 * one line, {@code PATH: reason}; the CLI prints it as it is and exits 2.
 */
public final class InputException extends FormatException {
    private static final long serialVersionUID = 1L;

    public InputException(String file, String reason) {
        this(file, reason, null);
    }

    public InputException(String file, String reason, Throwable cause) {
        super(file, -1, reason, cause);
    }
}
