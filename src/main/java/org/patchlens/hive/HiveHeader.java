package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.patchlens.format.Regf;

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
 * @param bootType                offset 4088 (-1 for a log's 512-byte copy, which has no such field)
 * @param bootRecover             offset 4092 (-1 for a log's copy)
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

    /** Byte offsets of the base block fields a recovered image is given (regf.ksy {@code base_block}). */
    static final int PRIMARY_SEQUENCE_AT = 4;
    static final int SECONDARY_SEQUENCE_AT = 8;
    static final int FILE_TYPE_AT = 28;
    static final int HIVE_BINS_DATA_SIZE_AT = 40;
    static final int FLAGS_AT = 144;
    static final int CHECKSUM_AT = 508;

    /**
     * The header from the spec's {@code base_block} (the checksummed 512 bytes, a hive's or a
     * transaction log's copy): {@code computedChecksum} of those bytes, {@code tail} the rest of a
     * hive's base block (null for a log's copy) and the first bin's timestamp (-1 if none).
     */
    static HiveHeader of(Regf.BaseBlock bb, long computedChecksum, Regf.BaseBlockTail tail, long firstBinTimestamp) {
        boolean ofrg = "OfRg".equals(new String(bb.offregSignature(), StandardCharsets.ISO_8859_1))
                || "OfRg".equals(new String(bb.offregSignatureLegacy(), StandardCharsets.ISO_8859_1));
        long flags = (bb.flags().ktmLocked() ? 1 : 0) | (bb.flags().layeredKeysSupported() ? 2 : 0)
                | bb.flags().undefined() << 2;
        return new HiveHeader(bb.primarySequenceNumber(), bb.secondarySequenceNumber(), bb.lastWritten(),
                bb.majorVersion(), bb.minorVersion(), bb.fileType(), bb.fileFormat(), bb.rootCellOffset(),
                bb.hiveBinsDataSize(), bb.clusteringFactor(), cString(bb.fileName()), guid(bb.rmId()),
                guid(bb.logId()), flags, guid(bb.tmId()), Hive.printable(bb.guidSignature()), bb.lastReorganized(),
                ofrg, bb.checksum(), computedChecksum, tail == null ? -1 : tail.bootType(),
                tail == null ? -1 : tail.bootRecover(), firstBinTimestamp);
    }

    private static String cString(byte[] utf16) {
        int end = 0;
        while (end + 1 < utf16.length && (utf16[end] != 0 || utf16[end + 1] != 0)) {
            end += 2;
        }
        return Text.utf16le(utf16, 0, end);
    }

    private static String guid(byte[] b) {
        ByteBuffer g = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        HexFormat h = HexFormat.of();
        return h.toHexDigits(g.getInt(0)) + '-' + h.toHexDigits(g.getShort(4)) + '-' + h.toHexDigits(g.getShort(6))
                + '-' + h.formatHex(b, 8, 10) + '-' + h.formatHex(b, 10, 16);
    }

    /** Checksum of the first 508 bytes of a base block, as Windows computes it. */
    public static long checksum(ByteBuffer le, int base) {
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
