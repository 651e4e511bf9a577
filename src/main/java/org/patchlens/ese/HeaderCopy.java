package org.patchlens.ese;

/**
 * Checksum verdict of one stored copy of a header (database primary/shadow, checkpoint
 * primary/shadow, the log header, a patch page).
 *
 * @param name        "primary", "shadow" or "header"
 * @param offset      file offset of the copy
 * @param length      bytes the checksum covers (the page size, or 4096)
 * @param present     false when the file ends before this copy
 * @param stored      checksum stored at offset 0 of the copy
 * @param computed    0x89ABCDEF XOR every u32 from 4 to length
 */
public record HeaderCopy(String name, long offset, int length, boolean present, long stored, long computed) {
    public static HeaderCopy absent(String name, long offset, int length) {
        return new HeaderCopy(name, offset, length, false, 0, 0);
    }

    public boolean valid() {
        return present && stored == computed;
    }

    public boolean zeroChecksum() {
        return present && stored == 0;
    }

    public String verdict() {
        if (!present) {
            return "absent (the file ends before byte " + (offset + length) + ", the end of this copy)";
        }
        return valid() ? String.format("ok (0x%08X)", stored)
                : String.format("BAD (stored 0x%08X, computed 0x%08X)", stored, computed);
    }
}
