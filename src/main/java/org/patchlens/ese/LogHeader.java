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
 * @param listed                 for a file {@code eseutil /ml} text names without printing its header (a range
 *                               listing, {@link LogListing}, or a block of a header dump with no {@code lGeneration}
 *                               line, as eseutil prints a log it could not read): eseutil's verdict and where the
 *                               generation comes from; every other field is then 0 or unknown. Null for a header
 *                               read from the file or printed in a header dump.
 * @param eseutilError           for a header printed in an {@code eseutil /ml} dump: the ERROR lines eseutil printed
 *                               after it that say the log is damaged (not only out of sequence), each with the text
 *                               file and its line ({@code ml.txt line 58: ERROR: Log damaged (unusable). ...}), joined
 *                               by {@code "; "}; "" when there are none, and for binary headers and files of
 *                               {@code listed}
 */
public record LogHeader(String file, Source source, long fileSize, long checksum, long computedChecksum,
        int generation, int sectorSize, int headerSectors, int fileSectors, int pageSizeRaw, LogTime created,
        LogTime previousGenerationCreated, long versionMajor, long versionMinor, long versionUpdateMajor,
        long versionUpdateMinor, Signature logSignature, DbmsParams dbms, int logFlags,
        LogPosition checkpointAtCreation, int diskSectorSizeMismatch, long previousLogChecksum,
        long engineFormatVersion, long fileType, List<AttachedDatabase> attachments, boolean layoutInferred,
        Verification verification, List<Note> notes, List<TextField> textFields, ListedLog listed,
        String eseutilError) implements EseHeader {
    public LogHeader {
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
        textFields = List.copyOf(textFields);
        eseutilError = eseutilError == null ? "" : eseutilError;
    }

    /**
     * A binary header of which only the start is known: a log cut short inside its header, or an ESE97 log (whose
     * layout past the version is not published): checksum, generation, sector size, version and file type; every
     * other field 0 or unknown.
     */
    static LogHeader partial(String file, long fileSize, long checksum, long computedChecksum, int generation,
            int sectorSize, long versionMajor, long versionMinor, long versionUpdateMajor, long fileType,
            boolean layoutInferred, Verification verification, List<Note> notes) {
        return new LogHeader(file, Source.BINARY, fileSize, checksum, computedChecksum, generation, sectorSize, 0, 0, 0,
                LogTime.UNSET, LogTime.UNSET, versionMajor, versionMinor, versionUpdateMajor, 0, null, DbmsParams.NONE, 0,
                LogPosition.ZERO, 0, 0, 0, fileType, List.of(), layoutInferred, verification, notes, List.of(), null, "");
    }

    /**
     * A file eseutil's /ml text names without printing its header (a range listing, a dump block with no
     * {@code lGeneration}): its verdict {@code listed} and the generation it gives, no other field known.
     */
    static LogHeader listed(String file, ListedLog listed, List<Note> notes, List<TextField> textFields) {
        return new LogHeader(file, Source.TEXT, -1, 0, 0, (int) listed.generation(), 0, 0, 0, 0, LogTime.UNSET,
                LogTime.UNSET, 0, 0, 0, 0, null, DbmsParams.NONE, 0, LogPosition.ZERO, 0, 0, 0, 0, List.of(), false,
                Verification.none(), notes, textFields, listed, "");
    }

    /**
     * True for a file eseutil's /ml text names without its header (a range listing, or a dump block eseutil printed
     * no header in): only its name and eseutil's verdict are known.
     */
    public boolean fromListing() {
        return listed != null;
    }

    /**
     * Why eseutil's /ml text says this log cannot be replayed, or null: the ERROR it printed for the file (a listed
     * file it reported damaged, or ERROR lines after a header it dumped), or that it names the file with neither a
     * header nor a verdict after it (the text is cut or edited). A log eseutil found only out of sequence is not
     * damaged: its generation is known, and the sequence is judged from it.
     */
    public String eseutilDamage() {
        if (listed != null && !listed.readable()) {
            return listed.status() == ListedLog.Status.DAMAGED
                    ? "eseutil /ml, under line " + listed.line() + ": " + listed.message()
                    : "eseutil /ml names it on line " + listed.line() + " with no verdict after it (the text is cut or "
                            + "edited)";
        }
        return eseutilError.isEmpty() ? null : "eseutil /ml, " + eseutilError;
    }

    /**
     * Why this log cannot be replayed, or null: for a header read from the file, a header checksum that does not
     * verify ({@link #checksumDamage()}); otherwise what eseutil's text says ({@link #eseutilDamage()}).
     */
    public String damage() {
        String checksum = checksumDamage();
        return checksum != null ? checksum : eseutilDamage();
    }

    /**
     * For a header read from the file whose checksum at offset 0 does not verify: the stored and the computed
     * checksum ({@code header checksum at offset 0 stored 0x..., computed 0x...: JET_errLogFileCorrupt -501}), the
     * fields then unverified; for a file that ends inside its header, where ({@code log header cut short at byte N of
     * its 4096 bytes (bytes 0 to 4095): not verifiable}); null otherwise (text headers carry no checksum to verify).
     */
    public String checksumDamage() {
        if (source != Source.BINARY || checksumValid()) {
            return null;
        }
        if (headerCutShort()) {
            HeaderCopy c = verification.primary();
            return String.format("log header cut short at byte %d of its %d bytes (bytes 0 to %d): not verifiable",
                    c.held(), c.length(), c.length() - 1);
        }
        return String.format("header checksum at offset 0 stored 0x%08X, computed 0x%08X: JET_errLogFileCorrupt -501",
                checksum, computedChecksum);
    }

    /** A header read from a file that ends inside it (its checksum never verified; {@link #checksumDamage()} says where). */
    public boolean headerCutShort() {
        return source == Source.BINARY && verification != null && verification.primary().cutShort();
    }

    /** The header's checksum verifies: never for a header cut short, whose checksum was not computed (0). */
    public boolean checksumValid() {
        return !headerCutShort() && checksum == computedChecksum;
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
