package org.patchlens.ese;

import java.util.List;

/**
 * A transaction log file header, LGFILEHDR. For ESE97 (6.x) logs only the checksum,
 * generation and version are known ({@link #layoutInferred()} true, the signature and
 * attachments {@linkplain #signatureKnown() unavailable}).
 *
 * @param file                   file name
 * @param source                 bytes or eseutil /ml text
 * @param fileSize               file size in bytes (-1 for text)
 * @param checksum               @0
 * @param computedChecksum       0x89ABCDEF XOR words 4..4095 (= checksum for text)
 * @param generation             @4 lGeneration
 * @param sectorSize             @8 cbSec
 * @param headerSectors          @10
 * @param fileSectors            @12 csecLGFile
 * @param pageSizeRaw            @14 (0 = 4096)
 * @param created                @16 tmCreate
 * @param previousGenerationCreated @24 tmPrevGen
 * @param versionMajor           @32
 * @param versionMinor           @36
 * @param versionUpdateMajor     @40
 * @param versionUpdateMinor     @648
 * @param logSignature           @44 (null when unknown: ESE97)
 * @param dbms                   @72
 * @param logFlags               @639
 * @param checkpointAtCreation   @640
 * @param diskSectorSizeMismatch @652
 * @param previousLogChecksum    @653
 * @param engineFormatVersion    @661
 * @param fileType               @667
 * @param attachments            list at @671
 * @param layoutInferred         true for ESE97 logs (only checksum, generation, version read)
 * @param verification           the header copy's checksum
 * @param notes                  verdicts
 * @param textFields             unmapped eseutil lines
 * @param listed                 for a file named by an {@code eseutil /ml} range listing ({@link LogListing}):
 *                               eseutil's verdict and where the generation comes from; every other field
 *                               is then 0 or unknown (range mode prints none). Null for a header read
 *                               from the file or from a header dump.
 */
public record LogHeader(String file, Source source, long fileSize, long checksum, long computedChecksum,
        int generation, int sectorSize, int headerSectors, int fileSectors, int pageSizeRaw, LogTime created,
        LogTime previousGenerationCreated, long versionMajor, long versionMinor, long versionUpdateMajor,
        long versionUpdateMinor, Signature logSignature, DbmsParams dbms, int logFlags,
        LogPosition checkpointAtCreation, int diskSectorSizeMismatch, long previousLogChecksum,
        long engineFormatVersion, long fileType, List<AttachedDatabase> attachments, boolean layoutInferred,
        Verification verification, List<Note> notes, List<TextField> textFields, ListedLog listed) implements EseHeader {
    public LogHeader {
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
        textFields = List.copyOf(textFields);
    }

    /** A header read from the file or from a header dump (not from a range listing). */
    public LogHeader(String file, Source source, long fileSize, long checksum, long computedChecksum,
            int generation, int sectorSize, int headerSectors, int fileSectors, int pageSizeRaw, LogTime created,
            LogTime previousGenerationCreated, long versionMajor, long versionMinor, long versionUpdateMajor,
            long versionUpdateMinor, Signature logSignature, DbmsParams dbms, int logFlags,
            LogPosition checkpointAtCreation, int diskSectorSizeMismatch, long previousLogChecksum,
            long engineFormatVersion, long fileType, List<AttachedDatabase> attachments, boolean layoutInferred,
            Verification verification, List<Note> notes, List<TextField> textFields) {
        this(file, source, fileSize, checksum, computedChecksum, generation, sectorSize, headerSectors, fileSectors,
                pageSizeRaw, created, previousGenerationCreated, versionMajor, versionMinor, versionUpdateMajor,
                versionUpdateMinor, logSignature, dbms, logFlags, checkpointAtCreation, diskSectorSizeMismatch,
                previousLogChecksum, engineFormatVersion, fileType, attachments, layoutInferred, verification, notes,
                textFields, null);
    }

    /** True for a file named by an eseutil /ml range listing: only its name and eseutil's verdict are known. */
    public boolean fromListing() {
        return listed != null;
    }

    public boolean checksumValid() {
        return checksum == computedChecksum;
    }

    public boolean signatureKnown() {
        return logSignature != null;
    }

    public int pageSize() {
        return pageSizeRaw == 0 ? 4096 : pageSizeRaw;
    }

    /** {@code 8.4000.90.200}. */
    public String version() {
        return versionMajor + "." + versionMinor + "." + versionUpdateMajor + "." + versionUpdateMinor;
    }

    public boolean reserveLogInUse() {
        return (logFlags & 1) != 0;
    }

    public boolean circularLoggingCurrent() {
        return (logFlags & 2) != 0;
    }

    public boolean circularLoggingHistory() {
        return (logFlags & 4) != 0;
    }

    public boolean hasFindings() {
        return notes.stream().anyMatch(Note::isFinding);
    }
}
