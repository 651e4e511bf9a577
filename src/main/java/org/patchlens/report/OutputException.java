package org.patchlens.report;

/**
 * An output that cannot be written as asked: a format the command does not write, a {@code --format}
 * that contradicts the {@code -o} name, a target that is an input or holds evidence, a folder that is
 * missing. Raised before anything is created; the command exits 2 with this one line.
 */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
