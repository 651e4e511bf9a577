package org.patchlens.ese;

import java.util.List;

/**
 * How a shadowed header (database, patch, checkpoint) was verified: both copies'
 * checksums, which copy the fields come from, and every field where the copies differ.
 *
 * @param primary           the copy at offset 0
 * @param shadow            the copy at offset = page size (4096 for checkpoints)
 * @param used              "primary", "shadow", or "primary (unverified)" when neither verifies
 * @param pageSize          header page size the checksums cover
 * @param pageSizeConfirmed true when a copy verified with exactly this length and its own page-size field agrees
 * @param differences       fields (with offsets) whose bytes differ between the copies; empty when identical
 */
public record Verification(HeaderCopy primary, HeaderCopy shadow, String used, int pageSize,
        boolean pageSizeConfirmed, List<String> differences) {
    public Verification {
        differences = List.copyOf(differences);
    }

    /** Nothing verified: the header came from text. */
    public static Verification none() {
        return new Verification(HeaderCopy.absent("primary", 0, 0), HeaderCopy.absent("shadow", 0, 0), "text", 0,
                false, List.of());
    }

    /** The file offset of the copy the fields were read from: the shadow's when it was used, else 0. */
    public long fieldsOffset() {
        return used.equals("shadow") ? shadow.offset() : 0;
    }

    public boolean identical() {
        return primary.present() && shadow.present() && differences.isEmpty();
    }
}
