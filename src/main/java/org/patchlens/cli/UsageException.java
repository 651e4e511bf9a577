package org.patchlens.cli;

/** A request that cannot be carried out as asked (exit code 2, one line). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
