package org.patchlens.hive;

import java.time.Instant;

/**
 * Every field of a hive's base block, plus the verdicts derived from it. Raw numbers are
 * kept as read (u4 fields as {@code long}); {@link #checksumValid()} says whether any of
 * them can be trusted.
 *
 * @param primarySequenceNumber   offset 4
 * @param secondarySequenceNumber offset 8
 * @param lastWritten             offset 12, raw FILETIME
 * @param majorVersion            offset 20
 * @param minorVersion            offset 24
 * @param fileType                offset 28 (0 primary, 1/2 old log, 6 new log)
 * @param fileFormat              offset 32 (1)
 * @param rootCellOffset          offset 36
 * @param hiveBinsDataSize        offset 40
 * @param clusteringFactor        offset 44
 * @param fileName                offset 48, up to the first NUL
 * @param rmId                    offset 112, GUID text
 * @param logId                   offset 128, GUID text
 * @param flags                   offset 144
 * @param tmId                    offset 148, GUID text
 * @param guidSignature           offset 164 ("rmtm" when the GUIDs are meaningful)
 * @param lastReorganized         offset 168, raw FILETIME (low 2 bits are flags)
 * @param offlineRegistry         "OfRg" marker present at 176 or (legacy) 168
 * @param storedChecksum          offset 508
 * @param computedChecksum        XOR of the words at 0..507 with the 0/-1 substitutions
 * @param bootType                offset 4088
 * @param bootRecover             offset 4092
 * @param firstBinTimestamp       offset 20 of the first hive bin, raw FILETIME (backup of lastWritten), -1 if none
 */
public record HiveHeader(
        long primarySequenceNumber,
        long secondarySequenceNumber,
        long lastWritten,
        long majorVersion,
        long minorVersion,
        long fileType,
        long fileFormat,
        long rootCellOffset,
        long hiveBinsDataSize,
        long clusteringFactor,
        String fileName,
        String rmId,
        String logId,
        long flags,
        String tmId,
        String guidSignature,
        long lastReorganized,
        boolean offlineRegistry,
        long storedChecksum,
        long computedChecksum,
        long bootType,
        long bootRecover,
        long firstBinTimestamp) {

    public boolean checksumValid() {
        return storedChecksum == computedChecksum;
    }

    /** Dirty: the checksum is wrong or the sequence numbers differ (Windows would replay logs). */
    public boolean dirty() {
        return !checksumValid() || primarySequenceNumber != secondarySequenceNumber;
    }

    public Instant lastWrittenInstant() {
        return FileTime.toInstant(lastWritten);
    }

    /** "1.3", "1.5", ... */
    public String version() {
        return majorVersion + "." + minorVersion;
    }

    /** Checksum of the first 508 bytes of a base block, as Windows computes it. */
    public static long checksum(java.nio.ByteBuffer le, int base) {
        int c = 0;
        for (int i = 0; i < 127; i++) {
            c ^= le.getInt(base + 4 * i);
        }
        if (c == -1) {
            c = -2;
        } else if (c == 0) {
            c = 1;
        }
        return Integer.toUnsignedLong(c);
    }
}
