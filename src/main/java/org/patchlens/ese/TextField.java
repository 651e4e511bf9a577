package org.patchlens.ese;

/**
 * A line of an eseutil dump that the parser did not map to a field, kept in order: a {@code label: value} line,
 * or text without a label (its {@code label} empty, the trimmed line its {@code value}).
 */
public record TextField(int line, String label, String value) {
}
