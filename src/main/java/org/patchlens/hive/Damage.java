package org.patchlens.hive;

/**
 * One piece of damage found while reading: the structure at {@code fileOffset} was
 * skipped for {@code reason}. {@code keyPath} names the key whose subtree lost it
 * (empty when unknown, e.g. a bad hive bin).
 *
 * <p>One offset base: {@code fileOffset} is a file offset (-1 when the damage names no place in
 * the file: a missing reference, or one into volatile storage), and so is every offset in
 * {@code reason}, except references as the hive stores them, which are labelled
 * {@code cell offset 0x... (file offset 0x...)}; an offset at or past the end of the file is said to be.
 */
public record Damage(String file, long fileOffset, String keyPath, String reason) {
    @Override
    public String toString() {
        String where = keyPath.isEmpty() ? "" : " (key " + keyPath + ")";
        if (fileOffset < 0) {
            return String.format("%s%s: %s", file, where, reason);
        }
        return String.format("%s: at offset 0x%X%s: %s", file, fileOffset, where, reason);
    }
}
