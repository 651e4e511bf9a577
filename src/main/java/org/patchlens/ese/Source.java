package org.patchlens.ese;

/** Where a header's fields came from. */
public enum Source {
    /** Decoded from the file's own bytes. */
    BINARY,
    /** Parsed from saved {@code eseutil /mh}, {@code /mk} or {@code /ml} output (no checksum, fields as printed). */
    TEXT
}
