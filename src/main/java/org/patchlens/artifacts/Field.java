package org.patchlens.artifacts;

import org.patchlens.hive.FileTime;

/**
 * One decoded field of an entry, with the file offset of the cell its bytes came from: the value's data cell
 * (for data of four bytes or less, kept in the value record itself, the value's {@code vk} cell; for big data,
 * its big-data record), the value's {@code vk} cell for a value's name, the key's {@code nk} cell for a key's
 * name. {@code number} holds a NUMBER, or the raw FILETIME of a TIME; {@code text} a TEXT.
 */
public record Field(String name, FieldKind kind, String text, long number, long offset) {

    /** The value as the text and CSV outputs show it: the text, the decimal number, or the ISO-8601 time. */
    public String shown() {
        return switch (kind) {
            case TEXT -> text;
            case NUMBER -> Long.toString(number);
            case TIME -> FileTime.iso(number);
        };
    }
}
