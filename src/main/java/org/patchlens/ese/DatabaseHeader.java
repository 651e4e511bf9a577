package org.patchlens.ese;

import java.util.List;

/**
 * A database (or streaming / temp database) file header, DBFILEHDR, as read from the
 * copy named in {@link Verification#used()}. Every stored field is kept as stored;
 * numbers are unsigned unless the engine declares them signed. Groups added by later
 * engines are null when the header's format revision predates them ({@link #ese98()} for
 * revision >= 3, {@link #ecc()} >= 11, {@link #current()} >= 12).
 *
 * <p>Offsets in the component docs are byte offsets in the header page.
 *
 * @param file                 file name as given
 * @param source               bytes or eseutil text
 * @param profile              layout the header was read with (ESE97 is inferred)
 * @param checksum             @0 stored checksum
 * @param magic                @4 (0x89ABCDEF)
 * @param formatVersion        @8 (0x620)
 * @param attrib               @12 (0 database, 1 streaming file)
 * @param dbtime               @16 update counter
 * @param dbSignature          @24 signDb
 * @param state                @52 JET_dbstate
 * @param consistentPosition   @56 "Last Consistent"
 * @param consistentTime       @64
 * @param attachTime           @72 "Last Attach"
 * @param attachPosition       @80
 * @param detachTime           @88 "Last Detach"
 * @param detachPosition       @96
 * @param dbid                 @104
 * @param logSignature         @108 signLog
 * @param fullPrevious         @136 "Previous Full Backup" (type from @356)
 * @param incrementalPrevious  @160 "Previous Incremental Backup" (type from @360)
 * @param fullCurrent          @184 "Current Full Backup"
 * @param dbFlags              @208 raw flag bytes
 * @param objidLast            @212 "Last Objid"
 * @param osMajor              @216
 * @param osMinor              @220
 * @param osBuild              @224
 * @param osServicePack        @228
 * @param formatRevision       @232 ulDaeUpdateMajor
 * @param pageSizeRaw          @236 as stored (0 = 4096)
 * @param repairCount          @240
 * @param repairTime           @244
 * @param ese98                @252..363 or null
 * @param ecc                  @364..415 or null
 * @param current              @416..747 or null
 * @param fileTypeRaw          @667 JET_filetype read without version guard (0 in old files)
 * @param verification         checksums of both copies and their differences
 * @param notes                verdicts and soft damage, in the order found
 * @param textFields           lines of an eseutil dump not mapped to a field (empty for binary input)
 */
public record DatabaseHeader(
        String file, Source source, Profile profile,
        long checksum, long magic, long formatVersion, int attrib, long dbtime, Signature dbSignature, long state,
        LogPosition consistentPosition, LogTime consistentTime, LogTime attachTime, LogPosition attachPosition,
        LogTime detachTime, LogPosition detachPosition, long dbid, Signature logSignature,
        BackupInfo fullPrevious, BackupInfo incrementalPrevious, BackupInfo fullCurrent,
        long dbFlags, long objidLast, long osMajor, long osMinor, long osBuild, int osServicePack,
        long formatRevision, long pageSizeRaw, long repairCount, LogTime repairTime,
        Ese98 ese98, Ecc ecc, Current current, long fileTypeRaw,
        Verification verification, List<Note> notes, List<TextField> textFields) implements EseHeader {

    public static final long MAGIC = 0x89ABCDEFL;

    public DatabaseHeader {
        notes = List.copyOf(notes);
        textFields = List.copyOf(textFields);
    }

    /**
     * Offsets 252-363 (ESE98 and later).
     *
     * @param slvSignatureHex        @252 28 bytes, hex
     * @param scrubDbtime            @280
     * @param scrubTime              @288
     * @param genMinRequired         @296 "Log Required" low
     * @param genMaxRequired         @300 "Log Required" high
     * @param cpgUpgrade55Format     @304
     * @param cpgUpgradeFreePages    @308
     * @param cpgUpgradeSpaceMapPages @312
     * @param snapshotCurrent        @316 "Current Shadow copy backup"
     * @param createVersion          @340
     * @param createRevision         @344
     * @param genMaxCreateTime       @348 "Gen. Max. Com. Creation Time"
     * @param backupTypeFullPrevious @356
     * @param backupTypeIncrementalPrevious @360
     */
    public record Ese98(String slvSignatureHex, long scrubDbtime, LogTime scrubTime, int genMinRequired,
            int genMaxRequired, int cpgUpgrade55Format, int cpgUpgradeFreePages, int cpgUpgradeSpaceMapPages,
            BackupInfo snapshotCurrent, long createVersion, long createRevision, LogTime genMaxCreateTime,
            long backupTypeFullPrevious, long backupTypeIncrementalPrevious) {
    }

    /** Offsets 364-415 (revision 11, Exchange 2003 SP1, and later): repair and page-checksum counters. */
    public record Ecc(long repairCountOld, long eccFixSuccess, LogTime eccFixSuccessTime, long eccFixSuccessOld,
            long eccFixFail, LogTime eccFixFailTime, long eccFixFailOld, long badChecksum, LogTime badChecksumTime,
            long badChecksumOld) {
    }

    /**
     * Offsets 416-747 (revision 12, Exchange 2007 / Vista, and later).
     */
    public record Current(int genMaxCommitted, BackupInfo copyPrevious, BackupInfo differentialPrevious,
            long reseedCount, LogTime reseedTime, long reseedCountOld, long pagePatchCount, LogTime pagePatchTime,
            long pagePatchCountOld, long sortVersionDefined, long sortVersionNls, LogTime dbscanPreviousFinish,
            LogTime dbscanStart, long pgnoDbscanHighestContinuous, int genRecovering, long extendCount,
            LogTime extendTime, long shrinkCount, LogTime shrinkTime, LogTime reattachTime,
            LogPosition reattachPosition, long trimCount, Signature dbHeaderFlushSignature,
            Signature flushMapHeaderFlushSignature, int genMinConsistent, long formatUpdateMinor,
            long efvMaxBinAttach, long pgnoDbscanHighest, LogPosition lastResize, long fileType,
            LogTime genMaxRequiredTime, int genPreRedoMinConsistent, int genPreRedoMinRequired,
            Signature rbsHeaderFlushSignature, long revertCount, LogTime revertFromTime, LogTime revertToTime,
            long revertPageCount, LogPosition commitBeforeRevert) {
    }

    /** The same header with other notes (the readers add their checks once the fields are read). */
    DatabaseHeader withNotes(List<Note> newNotes) {
        return new DatabaseHeader(file, source, profile, checksum, magic, formatVersion, attrib, dbtime, dbSignature, state,
                consistentPosition, consistentTime, attachTime, attachPosition, detachTime, detachPosition, dbid,
                logSignature, fullPrevious, incrementalPrevious, fullCurrent, dbFlags, objidLast, osMajor, osMinor, osBuild,
                osServicePack, formatRevision, pageSizeRaw, repairCount, repairTime, ese98, ecc, current, fileTypeRaw,
                verification, newNotes, textFields);
    }

    /** Page size in bytes: the stored value, 0 meaning 4096. */
    public int pageSize() {
        return pageSizeRaw == 0 ? 4096 : (int) Math.min(Integer.MAX_VALUE, pageSizeRaw);
    }

    /** JET_dbstate name as eseutil prints it ("Illegal" for unknown values). */
    public String stateName() {
        return stateName(state);
    }

    public static String stateName(long state) {
        return switch ((int) state) {
            case 1 -> "Just Created";
            case 2 -> "Dirty Shutdown";
            case 3 -> "Clean Shutdown";
            case 4 -> "Being Converted";
            case 5 -> "Force Detach Replay Error";
            case 6 -> "Incremental Reseed In Progress";
            case 7 -> "Dirty and Patched Shutdown";
            case 8 -> "Database Revert in Progress";
            default -> "Illegal";
        };
    }

    /** JET_dbstate constant name without prefix ("CleanShutdown"), or "Unknown". */
    public static String stateConstant(long state) {
        return switch ((int) state) {
            case 1 -> "JustCreated";
            case 2 -> "DirtyShutdown";
            case 3 -> "CleanShutdown";
            case 4 -> "BeingConverted";
            case 5 -> "ForceDetach";
            case 6 -> "IncrementalReseedInProgress";
            case 7 -> "DirtyAndPatchedShutdown";
            case 8 -> "RevertInProgress";
            default -> "Unknown";
        };
    }

    public boolean cleanShutdown() {
        return state == 3;
    }

    /** True when the header records the Log Required range (ESE98 and later). */
    public boolean hasLogRequired() {
        return ese98 != null;
    }

    public int genMinRequired() {
        return ese98 == null ? 0 : ese98.genMinRequired();
    }

    public int genMaxRequired() {
        return ese98 == null ? 0 : ese98.genMaxRequired();
    }

    /** "Log Committed" high, 0 when the header predates it. */
    public int genMaxCommitted() {
        return current == null ? 0 : current.genMaxCommitted();
    }

    /** A copy made by an online (streaming) backup: current full backup has genLow but no genHigh. */
    public boolean onlineBackupCopy() {
        return fullCurrent.genLow() != 0 && fullCurrent.genHigh() == 0;
    }

    /** JET_filetype from @667: 1 database, 2 streaming file, 5 temp database, 0 old file. */
    public long fileType() {
        return current != null ? current.fileType() : fileTypeRaw;
    }

    /** "Database", "Streaming File", "Temp Database" or "Unknown (n)", from @667 or, when 0, from attrib. */
    public String fileTypeName() {
        long ft = fileType();
        if (ft == 0) {
            return attrib == 0 ? "Database" : attrib == 1 ? "Streaming File" : "Unknown (attrib " + attrib + ")";
        }
        return EseFile.fileTypeName(ft);
    }

    public boolean shadowingDisabled() {
        return (dbFlags & 1) != 0;
    }

    public long formatUpdateMinor() {
        return current == null ? 0 : current.formatUpdateMinor();
    }

    /** True when any note is a WARNING or ERROR. */
    public boolean hasFindings() {
        return notes.stream().anyMatch(Note::isFinding);
    }
}
