package org.patchlens.ese;

import java.util.List;

/**
 * The header page of a backup patch file ({@code *.pat}): PATCHHDR (an empty page with
 * page number 0 followed by the backup's BKINFO and the database and log signatures),
 * or, when the page carries the database magic, a DBFILEHDR-format page whose
 * {@code bkinfoFullCur} is the backup (the possible ESE97 variant; then
 * {@link #asDatabaseHeader()} holds it).
 *
 * @param file               file name
 * @param source             always BINARY (eseutil has no patch dump)
 * @param interpretation     "PATCHHDR" or "DBFILEHDR"
 * @param checksum           @0 stored checksum
 * @param pgno               @4
 * @param dbtimeDirtied      @8 PGHDR dbtime
 * @param pageFlags          @36 PGHDR flags
 * @param backup             @40 bkinfo
 * @param dbSignature        @64
 * @param logSignature       @92
 * @param genMinRequired     @120
 * @param genMaxRequired     @124
 * @param genMaxCommitted    @128
 * @param genMaxRequiredTime @132
 * @param genMaxCommittedTime @140
 * @param pagesAfterHeader   whole pages after the header and its shadow (patched database pages)
 * @param asDatabaseHeader   the DBFILEHDR reading, or null
 * @param verification       both copies' checksums
 * @param notes              verdicts
 */
public record PatchHeader(String file, Source source, String interpretation, long checksum, long pgno,
        long dbtimeDirtied, long pageFlags, BackupInfo backup, Signature dbSignature, Signature logSignature,
        long genMinRequired, long genMaxRequired, long genMaxCommitted, LogTime genMaxRequiredTime,
        LogTime genMaxCommittedTime, long pagesAfterHeader, DatabaseHeader asDatabaseHeader,
        Verification verification, List<Note> notes) implements EseHeader {
    public PatchHeader {
        notes = List.copyOf(notes);
    }

    /**
     * The engine's matching rule: the patch belongs to the database iff both signatures
     * are equal and the backup mark equals the database's current-full-backup mark.
     */
    public boolean matches(DatabaseHeader db) {
        return dbSignature.sameAs(db.dbSignature()) && logSignature.sameAs(db.logSignature())
                && backup.mark().equals(db.fullCurrent().mark());
    }

    public boolean hasFindings() {
        return notes.stream().anyMatch(Note::isFinding);
    }
}
