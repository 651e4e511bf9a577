package org.patchlens.ese;

import static org.patchlens.ese.KaitaiValues.backup;
import static org.patchlens.ese.KaitaiValues.dbms;
import static org.patchlens.ese.KaitaiValues.pos;
import static org.patchlens.ese.KaitaiValues.sig;
import static org.patchlens.ese.KaitaiValues.time;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.patchlens.format.EseCheckpoint;
import org.patchlens.format.EseCommon;
import org.patchlens.format.EseDbHeader;
import org.patchlens.format.EseLogHeader;

/**
 * Decodes a binary header of the kind {@link Detector} decided. Every structure is parsed by the
 * generated Kaitai classes on a substream bounded by the header copy ({@link HeaderBytes}); the
 * generated classes never leave this package's binary readers ({@code BinaryReader}, {@code Detector},
 * {@code HeaderBytes}, {@code KaitaiValues}).
 */
final class BinaryReader {
    static final int CHECKPOINT_SIZE = 4096;
    static final int LOG_HEADER_SIZE = 4096;
    static final int ATTACH_AREA = 2048;
    /** An ATTACHINFO is at least 64 bytes, so a 2048-byte area holds at most 32. */
    static final int MAX_ATTACHMENTS = ATTACH_AREA / 64;

    private final String name;
    private final HeaderBytes bytes;
    private final long fileSize;
    private final int avail;

    BinaryReader(String name, ByteBuffer buf, long fileSize) {
        this.name = name;
        this.bytes = new HeaderBytes(buf);
        this.fileSize = fileSize;
        this.avail = bytes.avail;
    }

    EseHeader read() {
        return switch (new Detector(name, bytes, fileSize).detect()) {
            case DATABASE -> database();
            case PATCH -> patch();
            case CHECKPOINT -> checkpoint();
            case LOG -> log();
        };
    }

    // ------------------------------------------------------------------ database

    DatabaseHeader database() {
        long base = databaseCopyWithMagic();
        if (avail < HeaderBytes.SMALLEST_PAGE) {
            throw new EseException(name, -1, "file is " + fileSize
                    + " bytes, shorter than the smallest database header page (2048 bytes)");
        }
        long version = bytes.startAt(base).dbFormatVersion();
        if (version < 0x620) {
            throw new EseException(name, 8, String.format("pre-ESE97 JET database format version 0x%X "
                    + "(JET 200/400/500 era, JET_errDatabase500Format -1212): unsupported", version));
        }
        List<Note> notes = new ArrayList<>();
        Verification v = verifyShadowed(Layout.DATABASE, notes, "database header");
        int ps = v.pageSize();
        long usedOff = v.fieldsOffset();
        EseDbHeader k;
        try {
            k = new EseDbHeader(bytes.stream(usedOff, held(v)));
        } catch (RuntimeException e) {
            throw new EseException(name, usedOff, "unreadable database header: " + e, e);
        }
        DatabaseHeader h = databaseHeader(k, v, notes);
        notes.addAll(Checks.database(h, k.tailAfterEse97(), usedOff));
        return h.withNotes(notes);
    }

    /** 0 when the primary has the database magic, else the offset of a verifying shadow copy with it. */
    private long databaseCopyWithMagic() {
        Long magic = bytes.start().dbMagic();
        if (HeaderBytes.is(magic, DatabaseHeader.MAGIC)) {
            return 0;
        }
        int shadow = bytes.shadowDatabasePage();
        if (shadow <= 0) {
            throw new EseException(name, 4, String.format("not an ESE database: magic at offset 4 is 0x%08X, expected 0x89ABCDEF",
                    magic == null ? 0 : magic));
        }
        return shadow;
    }

    private DatabaseHeader databaseHeader(EseDbHeader k, Verification v, List<Note> notes) {
        DatabaseHeader.Ese98 e98 = k.ese98() == null ? null : ese98(k.ese98());
        long typeFull = e98 == null ? -1 : e98.backupTypeFullPrevious();
        long typeInc = e98 == null ? -1 : e98.backupTypeIncrementalPrevious();
        return new DatabaseHeader(name, Source.BINARY, Profile.of(k.formatVersion(), k.formatRevision()), k.checksum(),
                k.magic(), k.formatVersion(), k.attrib(), k.dbtime(), sig(k.dbSignature()), k.state(),
                pos(k.consistentPosition()), time(k.consistentTime()), time(k.attachTime()), pos(k.attachPosition()),
                time(k.detachTime()), pos(k.detachPosition()), k.dbid(), sig(k.logSignature()),
                backup(k.backupFullPrevious(), typeFull), backup(k.backupIncrementalPrevious(), typeInc),
                backup(k.backupFullCurrent(), -1), k.dbFlags(), k.objidLast(), k.osMajor(), k.osMinor(), k.osBuild(),
                k.osServicePack(), k.formatRevision(), k.pageSizeRaw(), k.repairCount(), time(k.repairTime()), e98,
                k.ecc() == null ? null : ecc(k.ecc()), k.current() == null ? null : current(k.current()), k.fileTypeRaw(),
                v, notes, List.of());
    }

    private static DatabaseHeader.Ese98 ese98(EseDbHeader.ExtEse98 x) {
        return new DatabaseHeader.Ese98(HexFormat.of().formatHex(x.slvSignature()), x.scrubDbtime(), time(x.scrubTime()),
                x.genMinRequired(), x.genMaxRequired(), x.cpgUpgrade55Format(), x.cpgUpgradeFreePages(),
                x.cpgUpgradeSpaceMapPages(), backup(x.backupSnapshotCurrent(), -1), x.createVersion(), x.createRevision(),
                time(x.genMaxCreateTime()), x.backupTypeFullPrevious(), x.backupTypeIncrementalPrevious());
    }

    private static DatabaseHeader.Ecc ecc(EseDbHeader.ExtEcc x) {
        return new DatabaseHeader.Ecc(x.repairCountOld(), x.eccFixSuccess(), time(x.eccFixSuccessTime()),
                x.eccFixSuccessOld(), x.eccFixFail(), time(x.eccFixFailTime()), x.eccFixFailOld(), x.badChecksum(),
                time(x.badChecksumTime()), x.badChecksumOld());
    }

    private static DatabaseHeader.Current current(EseDbHeader.ExtCurrent x) {
        return new DatabaseHeader.Current(x.genMaxCommitted(), backup(x.backupCopyPrevious(), x.backupTypeCopyPrevious()),
                backup(x.backupDifferentialPrevious(), x.backupTypeDifferentialPrevious()), x.reseedCount(),
                time(x.reseedTime()), x.reseedCountOld(), x.pagePatchCount(), time(x.pagePatchTime()),
                x.pagePatchCountOld(), x.sortVersionDefined(), x.sortVersionNls(), time(x.dbscanPreviousFinish()),
                time(x.dbscanStart()), x.pgnoDbscanHighestContinuous(), x.genRecovering(), x.extendCount(),
                time(x.extendTime()), x.shrinkCount(), time(x.shrinkTime()), time(x.reattachTime()),
                pos(x.reattachPosition()), x.trimCount(), sig(x.dbHeaderFlushSignature()),
                sig(x.flushMapHeaderFlushSignature()), x.genMinConsistent(), x.formatUpdateMinor(), x.efvMaxBinAttach(),
                x.pgnoDbscanHighest(), pos(x.lastResizePosition()), x.fileType(), time(x.genMaxRequiredTime()),
                x.genPreRedoMinConsistent(), x.genPreRedoMinRequired(), sig(x.rbsHeaderFlushSignature()),
                x.revertCount(), time(x.revertFromTime()), time(x.revertToTime()), x.revertPageCount(),
                pos(x.commitBeforeRevert()));
    }

    // ------------------------------------------------------------------ both copies of a shadowed header

    private Verification verifyShadowed(Layout layout, List<Note> notes, String what) {
        boolean patch = layout == Layout.PATCH;
        int ps = patch ? bytes.patchPageSize() : bytes.probeDatabasePage(0);
        boolean confirmed = true;
        if (ps <= 0) {
            ps = shadowPageSize(patch);
        }
        if (ps <= 0) {
            ps = assumedPageSize(patch);
            confirmed = false;
        }
        HeaderCopy primary = copy("primary", 0, ps);
        HeaderCopy shadow = copy("shadow", ps, ps);
        return decide(layout, notes, what, primary, shadow, ps, confirmed);
    }

    /** The copy of {@code len} bytes at {@code off}: whole, cut short where the file ends inside it, or absent. */
    private HeaderCopy copy(String copyName, long off, int len) {
        if (off + len <= avail) {
            return HeaderCopy.whole(copyName, off, len, bytes.startAt(off).checksum(), bytes.xor(off, len));
        }
        if (off >= avail) {
            return HeaderCopy.absent(copyName, off, len);
        }
        Long stored = bytes.startAt(off).checksum(); // null when the file ends inside the checksum itself
        return HeaderCopy.cutShort(copyName, off, len, (int) (avail - off), stored == null ? 0 : stored);
    }

    /** Bytes of the copy the fields are read from that the file holds (fewer than the page when it is cut short). */
    private static int held(Verification v) {
        return v.used().equals("shadow") ? v.shadow().held() : v.primary().held();
    }

    /** The smallest page size whose shadow copy verifies (a database copy also by its own page size), or -1. */
    private int shadowPageSize(boolean patch) {
        for (int c : HeaderBytes.PAGE_SIZES) {
            if (2L * c > avail) {
                break;
            }
            boolean ok = patch ? bytes.xor(c, c) == bytes.startAt(c).checksum() && !bytes.allZero(c, 8)
                    : bytes.probeDatabasePage(c) == c;
            if (ok) {
                return c;
            }
        }
        return -1;
    }

    /**
     * No copy verifies: the page size the header declares (cbDbPage, 0 meaning 4096), else 4096 (a patch page, which
     * declares none and whose size no second copy confirmed, or a cbDbPage that names no page size). Never shrunk to
     * what the file holds, never a smaller size whose checksum happens to match: a file that ends inside this page is
     * cut short, and a smaller length would "verify" a partial page whose tail is zero.
     */
    private int assumedPageSize(boolean patch) {
        int declared = patch ? -1 : declaredPageSize();
        return declared > 0 ? declared : 4096;
    }

    /** The page size cbDbPage (@236) of the primary gives (0 means 4096), or -1 when it names none. */
    private int declaredPageSize() {
        long raw = bytes.start().dbPageSizeRaw();
        long declared = raw == 0 ? 4096 : raw;
        for (int c : HeaderBytes.PAGE_SIZES) {
            if (c == declared) {
                return c;
            }
        }
        return -1;
    }

    /** Where a page size no checksum confirmed comes from, for the notes. */
    private String pageSizeSource(Layout layout, int len) {
        if (layout != Layout.DATABASE) {
            return len + " assumed: a patch header has no page-size field and no second copy confirms one (no shadow "
                    + "copy identical to a primary that verifies, none that verifies itself); 4096 is the page of ESE97 and "
                    + "ESE98, which write .pat files";
        }
        long raw = bytes.start().dbPageSizeRaw();
        if (declaredPageSize() < 0) {
            return len + " assumed: cbDbPage at offset 236 is " + raw + ", which is no page size";
        }
        return raw == 0 ? "cbDbPage at offset 236 is 0, which means 4096" : "cbDbPage at offset 236 is " + raw;
    }

    private Verification decide(Layout layout, List<Note> notes, String what, HeaderCopy primary, HeaderCopy shadow,
            int len, boolean confirmed) {
        String used = primary.valid() ? "primary" : shadow.valid() ? "shadow" : "primary (unverified)";
        List<String> diffs = shadow.present() ? layout.name(bytes.differingOffsets(len)) : List.of();
        if (primary.zeroChecksum()) {
            notes.add(Note.warning(0, "primary " + what + " has a zeroed checksum"));
        }
        if (shadow.zeroChecksum() && !bytes.allZero(shadow.offset(), len)) {
            notes.add(Note.warning(shadow.offset(), "shadow " + what + " has a zeroed checksum"));
        }
        addCopiesVerdict(layout, notes, what, primary, shadow, diffs);
        if (!(primary.valid() && shadow.valid()) && !diffs.isEmpty() && shadow.present()) {
            notes.add(Note.info("bytes differing between the copies: " + String.join(", ", diffs)));
        }
        if (!confirmed && layout == Layout.DATABASE && primary.present()) {
            notes.add(Note.warning(236, "page size not confirmed: no copy verifies with the page size its header declares; assumed "
                    + len));
        }
        return new Verification(primary, shadow, used, len, confirmed, diffs);
    }

    /** The note on the two copies' checksums; none when both verify and are identical. */
    private void addCopiesVerdict(Layout layout, List<Note> notes, String what, HeaderCopy primary, HeaderCopy shadow,
            List<String> diffs) {
        if (!primary.present()) {
            // the file ends inside the first page, so before any shadow: nothing here can be verified
            notes.add(Note.error(primary.offset() + primary.held(), String.format("%s: primary %s cut short at byte %d of "
                    + "its %d-byte page (%s): its checksum cannot be verified and there is no shadow copy (bytes %d to %d); "
                    + "the fields shown are unverified", name, what, primary.offset() + primary.held(), primary.length(),
                    pageSizeSource(layout, primary.length()), shadow.offset(), shadow.offset() + shadow.length() - 1)));
        } else if (primary.valid() && shadow.valid()) {
            if (!diffs.isEmpty()) {
                notes.add(Note.warning(shadow.offset(), "primary " + what + " and shadow " + what
                        + " are not identical; the primary is used (engine rule): differ in " + String.join(", ", diffs)));
            }
        } else if (primary.valid() && shadow.present()) {
            notes.add(Note.warning(shadow.offset(), String.format("shadow %s has a checksum error (stored 0x%08X, computed 0x%08X)",
                    what, shadow.stored(), shadow.computed())));
        } else if (primary.valid()) {
            notes.add(Note.warning(shadow.offset(), "no shadow " + what + ": the file ends at " + fileSize
                    + ", before the end of the shadow copy (bytes " + shadow.offset() + " to "
                    + (shadow.offset() + shadow.length() - 1) + ")"));
        } else if (shadow.valid()) {
            notes.add(Note.warning(0, String.format("primary %s has a checksum error (stored 0x%08X, computed 0x%08X): "
                    + "fields are read from the good shadow copy at offset %d", what, primary.stored(),
                    primary.computed(), shadow.offset())));
        } else {
            notes.add(Note.error(0, String.format("both copies of the %s fail the checksum (primary stored 0x%08X, computed 0x%08X; "
                    + "shadow %s): the engine cannot use this file; the fields shown are unverified", what,
                    primary.stored(), primary.computed(), shadow.present()
                            ? String.format("stored 0x%08X, computed 0x%08X", shadow.stored(), shadow.computed())
                            : shadow.verdict())));
        }
    }

    // ------------------------------------------------------------------ patch

    PatchHeader patch() {
        if (avail < HeaderBytes.SMALLEST_PAGE) {
            throw new EseException(name, -1, "file is " + fileSize + " bytes, shorter than a patch header page");
        }
        if (HeaderBytes.is(bytes.start().dbMagic(), DatabaseHeader.MAGIC) || bytes.shadowDatabasePage() > 0) {
            return patchInDatabaseFormat();
        }
        List<Note> notes = new ArrayList<>();
        Verification v = verifyShadowed(Layout.PATCH, notes, "patch header page");
        int ps = v.pageSize();
        long usedOff = v.fieldsOffset();
        EseDbHeader.PatchHeader k;
        try {
            k = new EseDbHeader.PatchHeader(bytes.stream(usedOff, held(v)));
        } catch (RuntimeException e) {
            throw new EseException(name, usedOff, "unreadable patch header: " + e, e);
        }
        notes.add(patchPageSizeNote(v));
        if (k.pgno() != 0) {
            notes.add(Note.warning(usedOff + 4, "patch header page number is " + k.pgno() + ", expected 0"));
        }
        notes.add(Note.info("PATCHHDR layout from the current engine; for ESE97/ESE98 .pat files it is INFERRED"));
        long pages = Math.max(0, (fileSize - 2L * ps) / ps);
        return new PatchHeader(name, Source.BINARY, "PATCHHDR", k.checksum(), k.pgno(), k.dbtimeDirtied(), k.pageFlags(),
                backup(k.backup(), -1), sig(k.dbSignature()), sig(k.logSignature()), k.genMinRequired(),
                k.genMaxRequired(), k.genMaxCommitted(), time(k.genMaxRequiredTime()), time(k.genMaxCommittedTime()),
                pages, null, v, notes);
    }

    /** A patch page with the database magic: read as DBFILEHDR, the backup is its current-full-backup entry. */
    private PatchHeader patchInDatabaseFormat() {
        List<Note> notes = new ArrayList<>();
        DatabaseHeader db = database();
        notes.add(Note.info("patch page in DBFILEHDR format (database magic at offset 4): the backup is its current-full-backup "
                + "entry; this interpretation of .pat files is INFERRED (ESE97 variant)"));
        notes.addAll(db.notes());
        long pages = Math.max(0, (fileSize - 2L * db.pageSize()) / db.pageSize());
        return new PatchHeader(name, Source.BINARY, "DBFILEHDR", db.checksum(), 0, db.dbtime(), 0, db.fullCurrent(),
                db.dbSignature(), db.logSignature(), db.genMinRequired(), db.genMaxRequired(), db.genMaxCommitted(),
                db.current() == null ? LogTime.UNSET : db.current().genMaxRequiredTime(),
                LogTime.UNSET, pages, db, db.verification(), notes);
    }

    /**
     * How the page size of a PATCHHDR page was decided: an identical shadow copy, a shadow copy that verifies, or
     * assumed (a WARNING naming the file and why). A checksum of the primary that matches over some length is no
     * confirmation: the page is zero after its 148 bytes, so it matches over any length a cut file still holds.
     */
    private Note patchPageSizeNote(Verification v) {
        int ps = v.pageSize();
        if (!v.pageSizeConfirmed()) {
            return Note.warning(0, name + ": patch page size not confirmed: " + pageSizeSource(Layout.PATCH, ps)
                    + "; a checksum that matches over fewer bytes confirms nothing, the page being zero after its 148 bytes");
        }
        if (!v.identical()) {
            return Note.info("patch page size " + ps + " from the shadow copy at offset " + ps + ", whose checksum verifies "
                    + "over " + ps + " bytes (PATCHHDR has no page-size field)");
        }
        return Note.info("patch page size " + ps + " inferred from the identical shadow copy (PATCHHDR has no page-size field)");
    }

    // ------------------------------------------------------------------ checkpoint

    CheckpointHeader checkpoint() {
        if (avail < CHECKPOINT_SIZE) {
            throw new EseException(name, -1, "file is " + fileSize + " bytes, shorter than a checkpoint (4096)");
        }
        List<Note> notes = new ArrayList<>();
        HeaderCopy primary = copy("primary", 0, CHECKPOINT_SIZE);
        HeaderCopy shadow = copy("shadow", CHECKPOINT_SIZE, CHECKPOINT_SIZE);
        Verification v = decide(Layout.CHECKPOINT, notes, "checkpoint", primary, shadow, CHECKPOINT_SIZE, true);
        if (!primary.valid() && !shadow.valid()) {
            notes.add(Note.error(0, "checkpoint is corrupt (JET_errCheckpointCorrupt -533)"));
        }
        long usedOff = v.fieldsOffset();
        EseCheckpoint k;
        try {
            k = new EseCheckpoint(bytes.stream(usedOff, CHECKPOINT_SIZE));
        } catch (RuntimeException e) {
            throw new EseException(name, usedOff, "unreadable checkpoint: " + e, e);
        }
        checkpointFileNotes(k, usedOff, notes);
        List<AttachedDatabase> att = List.of();
        int stale = 0;
        if ((k.versionFlags() & 1) != 0) {
            att = attachments(usedOff + 679, notes);
        } else {
            stale = staleAttachmentBytes(k.attachArea(), notes);
        }
        if (k.checkpoint().generation() <= 0) {
            notes.add(Note.warning(usedOff + 16, "checkpoint generation " + k.checkpoint().generation() + " is not positive"));
        }
        checkTime(notes, usedOff, 623, k.fullBackupTime());
        checkTime(notes, usedOff, 639, k.incrementalBackupTime());
        checkTime(notes, usedOff, 24, k.logSignature().created());
        return new CheckpointHeader(name, Source.BINARY, k.checksum(), pos(k.lastFullBackupCheckpoint()),
                pos(k.checkpoint()), sig(k.logSignature()), dbms(k.dbmsParam()), pos(k.fullBackupPosition()),
                time(k.fullBackupTime()), pos(k.incrementalBackupPosition()), time(k.incrementalBackupTime()),
                k.versionFlags(), pos(k.dbConsistency()), k.fileType(), att, stale, v, notes, List.of());
    }

    private void checkpointFileNotes(EseCheckpoint k, long usedOff, List<Note> notes) {
        if (k.fileType() != 0 && k.fileType() != 4) {
            notes.add(Note.warning(usedOff + 667, "file type at 667 is " + k.fileType() + " (" + EseFile.fileTypeName(k.fileType())
                    + "), expected 4 (Checkpoint) or 0"));
        }
        if (fileSize != 8192) {
            notes.add(Note.info("checkpoint file is " + fileSize + " bytes (8192 expected)"));
        }
        if (k.fileType() == 0) {
            notes.add(Note.info("old checkpoint (no file type at offset 667, ESE97/ESE98): the layout after offset 615 is INFERRED"));
        }
    }

    /** Counts the non-zero bytes of an attachment area whose list is not valid (flag 0x01 clear); they are not read. */
    private static int staleAttachmentBytes(byte[] area, List<Note> notes) {
        int stale = 0;
        for (byte b : area) {
            if (b != 0) {
                stale++;
            }
        }
        if (stale > 0) {
            notes.add(Note.info("attachment list not valid (version flags bit 0x01 clear, first byte "
                    + (area[0] & 0xFF) + "): the engine ends the list on clean termination; " + stale
                    + " non-zero stale bytes remain in the area and are not interpreted"));
        }
        return stale;
    }

    // ------------------------------------------------------------------ log

    LogHeader log() {
        if (avail < LOG_HEADER_SIZE) {
            return cutShortLog();
        }
        Detector.refusePreEse97Log(name, bytes.start());
        List<Note> notes = new ArrayList<>();
        long stored = bytes.start().checksum();
        long computed = bytes.xor(0, LOG_HEADER_SIZE);
        HeaderCopy copy = HeaderCopy.whole("header", 0, LOG_HEADER_SIZE, stored, computed);
        Verification v = new Verification(copy, HeaderCopy.absent("shadow", 0, 0), stored == computed ? "header"
                : "header (unverified)", LOG_HEADER_SIZE, stored == computed, List.of());
        if (stored != computed) {
            notes.add(Note.error(0, String.format("log header checksum mismatch (stored 0x%08X, computed 0x%08X): "
                    + "JET_errLogFileCorrupt -501; the fields shown are unverified", stored, computed)));
        }
        EseLogHeader k;
        try {
            k = new EseLogHeader(bytes.stream(0, LOG_HEADER_SIZE));
        } catch (RuntimeException e) {
            throw new EseException(name, 0, "unreadable log header: " + e, e);
        }
        EseLogHeader.HeaderV7 x = k.v7();
        if (x == null || Detector.looksEse97Log(bytes.start()) && k.versionMajor() != 7 && k.versionMajor() != 8) {
            return ese97Log(k, copy, v, notes);
        }
        if (stored != computed && !HeaderBytes.is(bytes.start().fileType(), 3)) {
            // without a file type, only Detector.ese98LogFields lets a header that does not verify through
            notes.add(Note.info(name + ": read as an ESE98 log by its name, its sector size at offset 8, its version at "
                    + "offset 32 and its generation at offset 4, its header checksum not verifying"));
        }
        logVersionNotes(k, x, notes);
        logSizeNotes(k, notes);
        if (x.dbmsParam().logFileSectors() != k.fileSectors()) {
            notes.add(Note.info("engine parameter log file size " + x.dbmsParam().logFileSectors()
                    + " sectors differs from this file's " + k.fileSectors()));
        }
        if (k.generation() <= 0) {
            notes.add(Note.warning(4, "generation " + k.generation() + " is not positive"));
        }
        checkTime(notes, 0, 16, k.created());
        checkTime(notes, 0, 24, k.previousGenerationCreated());
        checkTime(notes, 0, 48, x.logSignature().created());
        List<AttachedDatabase> att = attachments(671, notes);
        return new LogHeader(name, Source.BINARY, fileSize, stored, computed, k.generation(), k.sectorSize(),
                k.headerSectors(), k.fileSectors(), k.pageSizeRaw(), time(k.created()), time(k.previousGenerationCreated()),
                k.versionMajor(), k.versionMinor(), k.versionUpdateMajor(), x.versionUpdateMinor(), sig(x.logSignature()),
                dbms(x.dbmsParam()), x.logFlags(), pos(x.checkpointAtCreation()), x.diskSectorSizeMismatch(),
                x.previousLogChecksum(), x.engineFormatVersion(), x.fileType(), att, false, v, notes, List.of(), null, "");
    }

    private static void logVersionNotes(EseLogHeader k, EseLogHeader.HeaderV7 x, List<Note> notes) {
        if (k.versionMajor() != 7 && k.versionMajor() != 8) {
            notes.add(Note.warning(32, "unknown log format major version " + k.versionMajor() + " (7 and 8 known; 6 is ESE97)"));
        } else if (k.versionMajor() == 7 && k.versionMinor() < 3701) {
            notes.add(Note.warning(36, "log format 7." + k.versionMinor() + " predates the 7.3701 header reorganisation: "
                    + "fields after offset 44 are INFERRED"));
        }
        if (x.fileType() != 0 && x.fileType() != 3) {
            notes.add(Note.warning(667, "file type at 667 is " + x.fileType() + " (" + EseFile.fileTypeName(x.fileType())
                    + "), expected 3 (Log) or 0: JET_errFileInvalidType -1812"));
        }
    }

    private void logSizeNotes(EseLogHeader k, List<Note> notes) {
        int cbSec = k.sectorSize();
        if (cbSec != 512 && cbSec != 1024 && cbSec != 2048 && cbSec != 4096) {
            notes.add(Note.warning(8, "sector size " + cbSec + " is not 512, 1024, 2048 or 4096"));
            return;
        }
        long expect = (long) k.fileSectors() * cbSec;
        if (expect != fileSize) {
            notes.add(Note.warning(12, "file is " + fileSize + " bytes but the header says " + k.fileSectors() + " sectors of "
                    + cbSec + " = " + expect + " (JET_errLogFileSizeMismatch -541 if this is not a partial copy)"));
        }
        if ((long) k.headerSectors() * cbSec < LOG_HEADER_SIZE) {
            notes.add(Note.warning(10, "header sectors " + k.headerSectors() + " x " + cbSec + " bytes is less than 4096"));
        }
    }

    /**
     * A log the file ends inside the header of ({@link Detector} decided it is one: its file type, or its name and
     * version, and a positive generation). Its checksum covers bytes the file does not have, so it is never verified:
     * the generation (at 4) and the version (at 32, or for ESE97 at 24) are read from what the file holds, unverified,
     * and the header's copy is cut short ({@link LogHeader#headerCutShort()}), which makes the log not usable.
     */
    private LogHeader cutShortLog() {
        EseCommon.HeaderStart s = bytes.start();
        HeaderCopy copy = HeaderCopy.cutShort("header", 0, LOG_HEADER_SIZE, avail, s.checksum());
        Verification v = new Verification(copy, HeaderCopy.absent("shadow", 0, 0), "header (unverified)", LOG_HEADER_SIZE,
                false, List.of());
        boolean ese97 = Detector.ese97LogFields(s);
        boolean at32 = s.logVersion() != null && (!ese97 || s.logVersion().major() == 6);
        long major = at32 ? s.logVersion().major() : ese97 ? s.ese97LogVersionAt24().major() : 0;
        long minor = at32 ? s.logVersion().minor() : ese97 ? s.ese97LogVersionAt24().minor() : 0;
        long update = at32 ? s.logVersion().updateMajor() : 0;
        List<Note> notes = new ArrayList<>();
        notes.add(Note.error(avail, String.format("%s: log header cut short at byte %d of its %d bytes (bytes 0 to %d): "
                + "the file is %d bytes; its checksum cannot be verified and the log cannot be replayed; the generation "
                + "(offset 4)%s shown are unverified and nothing else is read", name, avail, LOG_HEADER_SIZE,
                LOG_HEADER_SIZE - 1, fileSize, at32 || ese97 ? " and version (offset " + (at32 ? 32 : 24) + ")" : "")));
        int cbSec = !ese97 && s.logSectorSize() != null ? s.logSectorSize() : 0;
        return LogHeader.partial(name, fileSize, copy.stored(), copy.computed(), s.logGeneration(), cbSec, major, minor,
                update, s.fileType() == null ? 0 : s.fileType(), ese97, v, notes);
    }

    /** An ESE97 log: only the checksum, generation and version (at 32, or INFERRED at 24) are known. */
    private LogHeader ese97Log(EseLogHeader k, HeaderCopy copy, Verification v, List<Note> notes) {
        EseCommon.HeaderStart s = bytes.start();
        boolean at32 = s.logVersion().major() == 6;
        int base = at32 ? 32 : 24;
        long major = at32 ? s.logVersion().major() : s.ese97LogVersionAt24().major();
        long minor = at32 ? s.logVersion().minor() : s.ese97LogVersionAt24().minor();
        long update = at32 ? s.logVersion().updateMajor() : 0;
        if (!copy.valid() && !HeaderBytes.is(s.fileType(), 3)) {
            notes.add(Note.info(name + ": read as an ESE97 log by its name, its version at offset " + base + " and its "
                    + "generation at offset 4, its header checksum not verifying"));
        }
        notes.add(Note.info("ESE97 log (format " + major + "." + minor + (at32 ? "." + update : "") + ", version found at offset "
                + base + "): only the checksum, generation and version are known; signature, creation times, engine "
                + "parameters and attachments are unavailable (layout not published, INFERRED)"));
        return LogHeader.partial(name, fileSize, copy.stored(), copy.computed(), k.generation(), 0, major, minor, update,
                s.fileType(), true, v, notes);
    }

    // ------------------------------------------------------------------ attachments

    /** The ATTACHINFO list of the 2048-byte area at {@code areaOff}, entry by entry, cut with a note where it is damaged. */
    private List<AttachedDatabase> attachments(long areaOff, List<Note> notes) {
        List<AttachedDatabase> out = new ArrayList<>();
        int pos = 0;
        while (pos < ATTACH_AREA && out.size() <= MAX_ATTACHMENTS) {
            long at = areaOff + pos;
            EseCommon.AttachEntryStart entry = new EseCommon.AttachEntryStart(bytes.stream(at, ATTACH_AREA - pos));
            int dbid = entry.dbid();
            if (dbid == 0) {
                return out;
            }
            if (pos + 64 > ATTACH_AREA) {
                notes.add(Note.warning(at, "attachment entry runs past the 2048-byte attachment area; list cut here"));
                return out;
            }
            EseCommon.AttachInfo ai;
            try {
                ai = new EseCommon.AttachInfo(bytes.stream(at, ATTACH_AREA - pos));
            } catch (RuntimeException e) {
                notes.add(Note.warning(at, "attachment entry names (" + entry.lenNames() + " bytes) run past the 2048-byte "
                        + "attachment area; list cut here"));
                return out;
            }
            if (dbid > 7) {
                notes.add(Note.warning(at, "attachment dbid " + dbid + " is out of range (1..6)"));
            }
            out.add(new AttachedDatabase(at, dbid, ai.flags(), ai.dbtime(), ai.objidLast(), ai.cpgDatabaseSizeMax(),
                    pos(ai.lastAttach()), pos(ai.lastConsistent()), sig(ai.dbSignature()),
                    KaitaiValues.names(ai.names(), (ai.flags() & 0x20) != 0)));
            pos += 64 + ai.lenNames();
        }
        if (pos >= ATTACH_AREA) {
            notes.add(Note.warning(areaOff, "attachment list has no terminating zero byte inside its 2048-byte area"));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** A WARNING when the time at {@code offset} of the copy at {@code base} is not a calendar time. */
    private static void checkTime(List<Note> notes, long base, int offset, EseCommon.Logtime time) {
        LogTime t = time(time);
        if (!t.plausible()) {
            notes.add(Note.warning(base + offset, "time at offset " + offset + " is not a calendar time (raw " + t.rawHex() + ")"));
        }
    }
}
