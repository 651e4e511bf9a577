package org.patchlens.hive;

/**
 * One piece of damage found while reading: the structure at {@code fileOffset} was
 * skipped for {@code reason}. {@code keyPath} names the key whose subtree lost it
 * (empty when unknown, e.g. a bad hive bin).
 */
public record Damage(String file, long fileOffset, String keyPath, String reason) {
    @Override
    public String toString() {
        String where = keyPath.isEmpty() ? "" : " (key " + keyPath + ")";
        return String.format("%s: at offset 0x%X%s: %s", file, fileOffset, where, reason);
    }
}
