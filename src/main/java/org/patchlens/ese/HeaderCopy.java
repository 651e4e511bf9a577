package org.patchlens.ese;

/**
 * Checksum verdict of one stored copy of a header (database primary/shadow, checkpoint
 * primary/shadow, the log header, a patch page).
 *
 * @param name        "primary", "shadow" or "header"
 * @param offset      file offset of the copy
 * @param length      bytes the checksum covers (the page size, or 4096)
 * @param present     true when the file holds the whole copy
 * @param stored      checksum stored at offset 0 of the copy (0 when absent)
 * @param computed    0x89ABCDEF XOR every u32 from 4 to length; 0 when the copy is not whole
 * @param held        bytes of the copy the file holds: {@code length} when present, fewer when the file ends
 *                    inside it (cut short), 0 when it ends before it
 */
public record HeaderCopy(String name, long offset, int length, boolean present, long stored, long computed, int held) {
    public HeaderCopy {
        if (held < 0 || held > length || present != (length > 0 && held == length)) {
            throw new IllegalArgumentException(name + " copy: " + held + " of " + length + " bytes held, present " + present);
        }
    }

    /** A copy the file holds whole. */
    public static HeaderCopy whole(String name, long offset, int length, long stored, long computed) {
        return new HeaderCopy(name, offset, length, true, stored, computed, length);
    }

    /**
     * A copy the file ends inside: its checksum covers bytes the file does not have, so it is never verified
     * (a partial page's zero tail would otherwise let a smaller length "verify").
     */
    public static HeaderCopy cutShort(String name, long offset, int length, int held, long stored) {
        return new HeaderCopy(name, offset, length, false, stored, 0, held);
    }

    public static HeaderCopy absent(String name, long offset, int length) {
        return new HeaderCopy(name, offset, length, false, 0, 0, 0);
    }

    public boolean valid() {
        return present && stored == computed;
    }

    /** The file ends inside this copy. */
    public boolean cutShort() {
        return held > 0 && !present;
    }

    public boolean zeroChecksum() {
        return present && stored == 0;
    }

    public String verdict() {
        if (cutShort()) {
            return "cut short at byte " + (offset + held) + " of this " + length + "-byte copy (bytes " + offset + " to "
                    + (offset + length - 1) + "): not verifiable";
        }
        if (!present) {
            return "absent (the file ends before byte " + (offset + length) + ", the end of this copy)";
        }
        return valid() ? String.format("ok (0x%08X)", stored)
                : String.format("BAD (stored 0x%08X, computed 0x%08X)", stored, computed);
    }
}
