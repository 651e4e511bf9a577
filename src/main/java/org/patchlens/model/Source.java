package org.patchlens.model;

/**
 * Where a compared value came from: the file, the key path and value name or header field,
 * and the byte offset in the file (-1 when not tied to one, e.g. an operator option).
 */
public record Source(String file, String location, long offset) {
    public static final Source NONE = new Source("", "", -1);

    public static Source option(String option) {
        return new Source("(command line)", option, -1);
    }

    public boolean isNone() {
        return file.isEmpty() && location.isEmpty();
    }

    /** {@code file : location @0x1A2B}, or "" for none. */
    @Override
    public String toString() {
        if (isNone()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(file);
        if (!location.isEmpty()) {
            sb.append(" : ").append(location);
        }
        if (offset >= 0) {
            sb.append(String.format(" @0x%X", offset));
        }
        return sb.toString();
    }
}
