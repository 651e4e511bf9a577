package org.patchlens.ese;

import java.util.List;

/**
 * A checkpoint file (edb.chk, E00.chk), CHECKPOINT, read from the copy named in
 * {@link Verification#used()}.
 *
 * @param file                     file name
 * @param source                   bytes or eseutil /mk text
 * @param checksum                 @0
 * @param lastFullBackupCheckpoint @4 "LastFullBackupCheckpoint"
 * @param checkpoint               @12 "Checkpoint"
 * @param logSignature             @20 "Signature"
 * @param dbms                     @48 "Env"
 * @param fullBackup               @615 "FullBackup"
 * @param fullBackupTime           @623
 * @param incrementalBackup        @631 "IncBackup"
 * @param incrementalBackupTime    @639
 * @param versionFlags             @647 (0x01 attachment list valid)
 * @param dbConsistency            @648 "DbConsistency"
 * @param fileType                 @667 (4; 0 in old files)
 * @param attachments              the attachment list from @679 when valid
 * @param staleAttachmentBytes     non-zero bytes in the attachment area when the list is not valid
 * @param verification             both copies
 * @param notes                    verdicts
 * @param textFields               unmapped eseutil lines
 */
public record CheckpointHeader(String file, Source source, long checksum, LogPosition lastFullBackupCheckpoint,
        LogPosition checkpoint, Signature logSignature, DbmsParams dbms, LogPosition fullBackup,
        LogTime fullBackupTime, LogPosition incrementalBackup, LogTime incrementalBackupTime, int versionFlags,
        LogPosition dbConsistency, long fileType, List<AttachedDatabase> attachments, int staleAttachmentBytes,
        Verification verification, List<Note> notes, List<TextField> textFields) implements EseHeader {
    public CheckpointHeader {
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
        textFields = List.copyOf(textFields);
    }

    public boolean attachInfoPresent() {
        return (versionFlags & 1) != 0;
    }

    /** The generation soft recovery starts at. */
    public int generation() {
        return checkpoint.generation();
    }

    public boolean hasFindings() {
        return notes.stream().anyMatch(Note::isFinding);
    }
}
