package org.patchlens.ese;

/** A {@code label: value} line of an eseutil dump that the parser did not map to a field, kept in order. */
public record TextField(int line, String label, String value) {
}
