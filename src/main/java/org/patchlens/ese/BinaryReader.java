package org.patchlens.ese;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.patchlens.format.EseCheckpoint;
import org.patchlens.format.EseCommon;
import org.patchlens.format.EseDbHeader;
import org.patchlens.format.EseLogHeader;

/**
 * Decodes the binary headers. Every structure is parsed by the generated Kaitai classes
 * on a substream bounded by the header copy; the generated classes never leave this
 * class. Detection follows ese-format.md section 1.3.
 */
final class BinaryReader {
    static final long SEED = 0x89ABCDEFL;
    static final int[] PAGE_SIZES = {2048, 4096, 8192, 16384, 32768};
    static final int CHECKPOINT_SIZE = 4096;
    static final int LOG_HEADER_SIZE = 4096;
    static final int ATTACH_AREA = 2048;
    /** An ATTACHINFO is at least 64 bytes, so a 2048-byte area holds at most 32. */
    static final int MAX_ATTACHMENTS = ATTACH_AREA / 64;

    private final String name;
    private final ByteBuffer buf;
    private final long fileSize;
    private final int avail;

    BinaryReader(String name, ByteBuffer buf, long fileSize) {
        this.name = name;
        this.buf = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.fileSize = fileSize;
        this.avail = buf.capacity();
    }

    // ------------------------------------------------------------------ detection

    EseHeader read() {
        return switch (detect()) {
            case DATABASE -> database();
            case PATCH -> patch();
            case CHECKPOINT -> checkpoint();
            case LOG -> log();
        };
    }

    EseFile.Kind detect() {
        String ext = EseFile.extension(name);
        if (avail >= 8 && u32(4) == DatabaseHeader.MAGIC) {
            return ext.equals("pat") ? EseFile.Kind.PATCH : EseFile.Kind.DATABASE;
        }
        if (avail >= 4 && u32(0) == 0x66676572L) {
            throw new EseException(name, 0, "not an ESE file: this is a registry hive (\"regf\" signature)");
        }
        if (shadowDatabasePage() > 0) {
            return ext.equals("pat") ? EseFile.Kind.PATCH : EseFile.Kind.DATABASE;
        }
        if (avail < 2048) {
            throw new EseException(name, -1, "file is " + fileSize
                    + " bytes: too short for any ESE header (database pages are at least 2048 bytes, logs and checkpoints 4096)");
        }
        long ft = avail >= 671 ? u32(667) : 0;
        if (avail >= LOG_HEADER_SIZE && ft == 3) {
            return EseFile.Kind.LOG;
        }
        if (avail >= CHECKPOINT_SIZE && ft == 4) {
            return EseFile.Kind.CHECKPOINT;
        }
        if (avail >= 2 * CHECKPOINT_SIZE && u32(CHECKPOINT_SIZE + 667) == 4
                && xor(CHECKPOINT_SIZE, CHECKPOINT_SIZE) == u32(CHECKPOINT_SIZE)) {
            return EseFile.Kind.CHECKPOINT; // primary damaged, shadow is a good checkpoint
        }
        if ((ext.equals("chk") || ext.equals("jcp")) && avail >= 2 * CHECKPOINT_SIZE
                && u32(CHECKPOINT_SIZE + 667) == 4) {
            return EseFile.Kind.CHECKPOINT; // both copies damaged; the name and the shadow's file type say checkpoint
        }
        if (avail >= LOG_HEADER_SIZE && allZero(0, LOG_HEADER_SIZE)) {
            throw new EseException(name, 0, "no valid header: the first 4096 bytes are all zero"
                    + (ext.equals("jrs") || ext.equals("log") ? " (an unused reserve or pre-formatted log)" : ""));
        }
        preEse97Log();
        if (ft == 0 && avail >= LOG_HEADER_SIZE) {
            boolean sumOk = xor(0, LOG_HEADER_SIZE) == u32(0);
            int cbSec = u16(8);
            long major = u32(32);
            boolean sec = cbSec == 512 || cbSec == 1024 || cbSec == 2048 || cbSec == 4096;
            if (sumOk && sec && (major == 7 || major == 8) || sumOk && looksEse97Log()) {
                return EseFile.Kind.LOG;
            }
            if (sumOk && (fileSize == 8192 || fileSize == 4096) && plausibleSetTime(24)) {
                return EseFile.Kind.CHECKPOINT;
            }
        }
        if (ft == 0 && u32(4) == 0 && (plausibleSetTime(48) || plausibleSetTime(68)) && patchPageSize() > 0) {
            return EseFile.Kind.PATCH;
        }
        if (ft == 0 && ext.equals("pat") && patchPageSize() > 0) {
            return EseFile.Kind.PATCH;
        }
        throw new EseException(name, 4, String.format("not an ESE file: no database magic at offset 4 (found 0x%08X), "
                + "file type at offset 667 is %d, and no log, checkpoint or patch header was recognised", u32(4), ft));
    }

    private boolean looksEse97Log() {
        return u32(32) == 6 && (u32(36) == 1503 || u32(36) == 1504)
                || u32(24) == 6 && (u32(28) == 1503 || u32(28) == 1504);
    }

    /** The engine's own detectors for JET 200/400/500 logs (log.cxx); those are refused. */
    private void preEse97Log() {
        if (avail < 52) {
            return;
        }
        int a24 = s32(24);
        int a28 = s32(28);
        if (a24 == 4 && (a28 == 909 || a28 == 995) && s32(32) == 0) {
            throw new EseException(name, 24, "pre-ESE97 JET log (\"500\" format, " + (a28 == 995 ? "Exchange 4.0/5.0" : "Windows NT")
                    + "): unsupported");
        }
        if (s32(20) == 443 && a24 == 0 && a28 == 0) {
            throw new EseException(name, 20, "pre-ESE97 JET log (\"400\" format): unsupported");
        }
        if (s32(44) == 0 && s32(48) == 0x00CA0001) {
            throw new EseException(name, 44, "pre-ESE97 JET log (\"200\" format): unsupported");
        }
    }

    // ------------------------------------------------------------------ database

    DatabaseHeader database() {
        long base = 0;
        if (avail < 8 || u32(4) != DatabaseHeader.MAGIC) {
            base = shadowDatabasePage();
            if (base <= 0) {
                throw new EseException(name, 4, String.format("not an ESE database: magic at offset 4 is 0x%08X, expected 0x89ABCDEF",
                        avail >= 8 ? u32(4) : 0));
            }
        }
        if (avail < 2048) {
            throw new EseException(name, -1, "file is " + fileSize
                    + " bytes, shorter than the smallest database header page (2048 bytes)");
        }
        long version = u32(base + 8);
        if (version < 0x620) {
            throw new EseException(name, 8, String.format("pre-ESE97 JET database format version 0x%X "
                    + "(JET 200/400/500 era, JET_errDatabase500Format -1212): unsupported", version));
        }
        List<Note> notes = new ArrayList<>();
        Verification v = verifyShadowed(Layout.DATABASE, notes, "database header");
        int ps = v.pageSize();
        long usedOff = v.used().equals("shadow") ? ps : 0;
        EseDbHeader k;
        try {
            k = new EseDbHeader(stream(usedOff, ps));
        } catch (RuntimeException e) {
            throw new EseException(name, usedOff, "unreadable database header: " + e, e);
        }
        Profile profile = Profile.of(k.formatVersion(), k.formatRevision());
        DatabaseHeader.Ese98 e98 = null;
        DatabaseHeader.Ecc ecc = null;
        DatabaseHeader.Current cur = null;
        if (k.ese98() != null) {
            EseDbHeader.ExtEse98 x = k.ese98();
            e98 = new DatabaseHeader.Ese98(HexFormat.of().formatHex(x.slvSignature()), x.scrubDbtime(),
                    time(x.scrubTime()), x.genMinRequired(), x.genMaxRequired(), x.cpgUpgrade55Format(),
                    x.cpgUpgradeFreePages(), x.cpgUpgradeSpaceMapPages(), backup(x.backupSnapshotCurrent(), -1),
                    x.createVersion(), x.createRevision(), time(x.genMaxCreateTime()), x.backupTypeFullPrevious(),
                    x.backupTypeIncrementalPrevious());
        }
        if (k.ecc() != null) {
            EseDbHeader.ExtEcc x = k.ecc();
            ecc = new DatabaseHeader.Ecc(x.repairCountOld(), x.eccFixSuccess(), time(x.eccFixSuccessTime()),
                    x.eccFixSuccessOld(), x.eccFixFail(), time(x.eccFixFailTime()), x.eccFixFailOld(),
                    x.badChecksum(), time(x.badChecksumTime()), x.badChecksumOld());
        }
        if (k.current() != null) {
            EseDbHeader.ExtCurrent x = k.current();
            cur = new DatabaseHeader.Current(x.genMaxCommitted(), backup(x.backupCopyPrevious(), x.backupTypeCopyPrevious()),
                    backup(x.backupDifferentialPrevious(), x.backupTypeDifferentialPrevious()), x.reseedCount(),
                    time(x.reseedTime()), x.reseedCountOld(), x.pagePatchCount(), time(x.pagePatchTime()),
                    x.pagePatchCountOld(), x.sortVersionDefined(), x.sortVersionNls(), time(x.dbscanPreviousFinish()),
                    time(x.dbscanStart()), x.pgnoDbscanHighestContinuous(), x.genRecovering(), x.extendCount(),
                    time(x.extendTime()), x.shrinkCount(), time(x.shrinkTime()), time(x.reattachTime()),
                    pos(x.reattachPosition()), x.trimCount(), sig(x.dbHeaderFlushSignature()),
                    sig(x.flushMapHeaderFlushSignature()), x.genMinConsistent(), x.formatUpdateMinor(),
                    x.efvMaxBinAttach(), x.pgnoDbscanHighest(), pos(x.lastResizePosition()), x.fileType(),
                    time(x.genMaxRequiredTime()), x.genPreRedoMinConsistent(), x.genPreRedoMinRequired(),
                    sig(x.rbsHeaderFlushSignature()), x.revertCount(), time(x.revertFromTime()),
                    time(x.revertToTime()), x.revertPageCount(), pos(x.commitBeforeRevert()));
        }
        long typeFull = e98 == null ? -1 : e98.backupTypeFullPrevious();
        long typeInc = e98 == null ? -1 : e98.backupTypeIncrementalPrevious();
        DatabaseHeader h = new DatabaseHeader(name, Source.BINARY, profile, k.checksum(), k.magic(), k.formatVersion(),
                k.attrib(), k.dbtime(), sig(k.dbSignature()), k.state(), pos(k.consistentPosition()),
                time(k.consistentTime()), time(k.attachTime()), pos(k.attachPosition()), time(k.detachTime()),
                pos(k.detachPosition()), k.dbid(), sig(k.logSignature()), backup(k.backupFullPrevious(), typeFull),
                backup(k.backupIncrementalPrevious(), typeInc), backup(k.backupFullCurrent(), -1), k.dbFlags(),
                k.objidLast(), k.osMajor(), k.osMinor(), k.osBuild(), k.osServicePack(), k.formatRevision(),
                k.pageSizeRaw(), k.repairCount(), time(k.repairTime()), e98, ecc, cur, k.fileTypeRaw(), v, notes,
                List.of());
        notes.addAll(Checks.database(h, k.tailAfterEse97(), usedOff));
        return new DatabaseHeader(h.file(), h.source(), h.profile(), h.checksum(), h.magic(), h.formatVersion(),
                h.attrib(), h.dbtime(), h.dbSignature(), h.state(), h.consistentPosition(), h.consistentTime(),
                h.attachTime(), h.attachPosition(), h.detachTime(), h.detachPosition(), h.dbid(), h.logSignature(),
                h.fullPrevious(), h.incrementalPrevious(), h.fullCurrent(), h.dbFlags(), h.objidLast(), h.osMajor(),
                h.osMinor(), h.osBuild(), h.osServicePack(), h.formatRevision(), h.pageSizeRaw(), h.repairCount(),
                h.repairTime(), h.ese98(), h.ecc(), h.current(), h.fileTypeRaw(), v, notes, List.of());
    }

    /** Offset (= page size) of a verifying shadow database header with the magic, or -1. */
    private int shadowDatabasePage() {
        for (int c : PAGE_SIZES) {
            if (2L * c > avail) {
                break;
            }
            if (u32(c + 4) == DatabaseHeader.MAGIC && probeDatabasePage(c) == c) {
                return c;
            }
        }
        return -1;
    }

    /** Page size a database copy at {@code base} verifies with (checksum and @236 agree), or -1. */
    private int probeDatabasePage(long base) {
        for (int c : PAGE_SIZES) {
            if (base + c > avail) {
                break;
            }
            long raw = u32(base + 236);
            long declared = raw == 0 ? 4096 : raw;
            if (declared == c && xor(base, c) == u32(base)) {
                return c;
            }
        }
        return -1;
    }

    private Verification verifyShadowed(Layout layout, List<Note> notes, String what) {
        int ps;
        boolean confirmed;
        boolean patch = layout == Layout.PATCH;
        int p = patch ? patchPageSize() : probeDatabasePage(0);
        if (p > 0) {
            ps = p;
            confirmed = true;
        } else {
            int s = -1;
            for (int c : PAGE_SIZES) {
                if (2L * c > avail) {
                    break;
                }
                boolean ok = patch ? xor(c, c) == u32(c) && !allZero(c, 8)
                        : probeDatabasePage(c) == c;
                if (ok) {
                    s = c;
                    break;
                }
            }
            if (s > 0) {
                ps = s;
                confirmed = true;
            } else {
                long raw = patch ? 0 : u32(236);
                long declared = raw == 0 ? 4096 : raw;
                ps = 4096;
                for (int c : PAGE_SIZES) {
                    if (c == declared) {
                        ps = c;
                    }
                }
                while (ps > avail) {
                    ps /= 2;
                }
                confirmed = false;
            }
        }
        HeaderCopy primary = new HeaderCopy("primary", 0, ps, true, u32(0), xor(0, ps));
        HeaderCopy shadow = 2L * ps <= avail
                ? new HeaderCopy("shadow", ps, ps, true, u32(ps), xor(ps, ps))
                : HeaderCopy.absent("shadow", ps, ps);
        return decide(layout, notes, what, primary, shadow, ps, confirmed);
    }

    private Verification decide(Layout layout, List<Note> notes, String what, HeaderCopy primary, HeaderCopy shadow,
            int len, boolean confirmed) {
        String used;
        if (primary.valid()) {
            used = "primary";
        } else if (shadow.valid()) {
            used = "shadow";
        } else {
            used = "primary (unverified)";
        }
        List<String> diffs = List.of();
        if (shadow.present()) {
            List<Integer> offs = new ArrayList<>();
            for (int i = 0; i < len; i++) {
                if (buf.get(i) != buf.get(len + i)) {
                    offs.add(i);
                }
            }
            diffs = layout.name(offs);
        }
        if (primary.zeroChecksum()) {
            notes.add(Note.warning(0, "primary " + what + " has a zeroed checksum"));
        }
        if (shadow.zeroChecksum() && !allZero(shadow.offset(), len)) {
            notes.add(Note.warning(shadow.offset(), "shadow " + what + " has a zeroed checksum"));
        }
        if (primary.valid() && shadow.valid()) {
            if (!diffs.isEmpty()) {
                notes.add(Note.warning(shadow.offset(), "primary " + what + " and shadow " + what
                        + " are not identical; the primary is used (engine rule): differ in " + String.join(", ", diffs)));
            }
        } else if (primary.valid()) {
            if (shadow.present()) {
                notes.add(Note.warning(shadow.offset(), String.format("shadow %s has a checksum error (stored 0x%08X, computed 0x%08X)",
                        what, shadow.stored(), shadow.computed())));
            } else {
                notes.add(Note.warning(shadow.offset(), "no shadow " + what + ": the file ends at " + fileSize
                        + ", before the shadow copy at offset " + shadow.offset()));
            }
        } else if (shadow.valid()) {
            notes.add(Note.warning(0, String.format("primary %s has a checksum error (stored 0x%08X, computed 0x%08X): "
                    + "fields are read from the good shadow copy at offset %d", what, primary.stored(),
                    primary.computed(), shadow.offset())));
        } else {
            notes.add(Note.error(0, String.format("both copies of the %s fail the checksum (primary stored 0x%08X, computed 0x%08X; "
                    + "shadow %s): the engine cannot use this file; the fields shown are unverified", what,
                    primary.stored(), primary.computed(), shadow.present()
                            ? String.format("stored 0x%08X, computed 0x%08X", shadow.stored(), shadow.computed())
                            : "absent")));
        }
        if (!primary.valid() || !shadow.valid()) {
            if (!diffs.isEmpty() && shadow.present() && !(primary.valid() && shadow.valid())) {
                notes.add(Note.info("bytes differing between the copies: " + String.join(", ", diffs)));
            }
        }
        if (!confirmed && layout == Layout.DATABASE) {
            notes.add(Note.warning(236, "page size not confirmed: no copy verifies with the page size its header declares; assumed "
                    + len));
        }
        return new Verification(primary, shadow, used, len, confirmed, diffs);
    }

    // ------------------------------------------------------------------ patch

    /** Smallest page size whose checksum verifies and whose shadow copy is identical; else the smallest that verifies; else -1. */
    int patchPageSize() {
        int firstOk = -1;
        for (int c : PAGE_SIZES) {
            if (c > avail) {
                break;
            }
            if (xor(0, c) == u32(0) && !allZero(0, 8)) {
                if (firstOk < 0) {
                    firstOk = c;
                }
                if (2L * c <= avail && equalRanges(0, c, c)) {
                    return c;
                }
            }
        }
        return firstOk;
    }

    PatchHeader patch() {
        if (avail < 2048) {
            throw new EseException(name, -1, "file is " + fileSize + " bytes, shorter than a patch header page");
        }
        List<Note> notes = new ArrayList<>();
        if (u32(4) == DatabaseHeader.MAGIC || shadowDatabasePage() > 0) {
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
        Verification v = verifyShadowed(Layout.PATCH, notes, "patch header page");
        int ps = v.pageSize();
        long usedOff = v.used().equals("shadow") ? ps : 0;
        EseDbHeader.PatchHeader k;
        try {
            k = new EseDbHeader.PatchHeader(stream(usedOff, ps));
        } catch (RuntimeException e) {
            throw new EseException(name, usedOff, "unreadable patch header: " + e, e);
        }
        if (!v.pageSizeConfirmed()) {
            notes.add(Note.warning(-1, "patch page size not confirmed (no copy verifies); assumed " + ps));
        } else if (!v.identical()) {
            notes.add(Note.info("patch page size " + ps + " taken from the first checksum that verifies"));
        } else {
            notes.add(Note.info("patch page size " + ps + " inferred from the identical shadow copy (PATCHHDR has no page-size field)"));
        }
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

    // ------------------------------------------------------------------ checkpoint

    CheckpointHeader checkpoint() {
        if (avail < CHECKPOINT_SIZE) {
            throw new EseException(name, -1, "file is " + fileSize + " bytes, shorter than a checkpoint (4096)");
        }
        List<Note> notes = new ArrayList<>();
        HeaderCopy primary = new HeaderCopy("primary", 0, CHECKPOINT_SIZE, true, u32(0), xor(0, CHECKPOINT_SIZE));
        HeaderCopy shadow = avail >= 2 * CHECKPOINT_SIZE
                ? new HeaderCopy("shadow", CHECKPOINT_SIZE, CHECKPOINT_SIZE, true, u32(CHECKPOINT_SIZE),
                        xor(CHECKPOINT_SIZE, CHECKPOINT_SIZE))
                : HeaderCopy.absent("shadow", CHECKPOINT_SIZE, CHECKPOINT_SIZE);
        Verification v = decide(Layout.CHECKPOINT, notes, "checkpoint", primary, shadow, CHECKPOINT_SIZE, true);
        if (!primary.valid() && !shadow.valid()) {
            notes.add(Note.error(0, "checkpoint is corrupt (JET_errCheckpointCorrupt -533)"));
        }
        long usedOff = v.used().equals("shadow") ? CHECKPOINT_SIZE : 0;
        EseCheckpoint k;
        try {
            k = new EseCheckpoint(stream(usedOff, CHECKPOINT_SIZE));
        } catch (RuntimeException e) {
            throw new EseException(name, usedOff, "unreadable checkpoint: " + e, e);
        }
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
        List<AttachedDatabase> att = List.of();
        int stale = 0;
        if ((k.versionFlags() & 1) != 0) {
            att = attachments(usedOff + 679, notes);
        } else {
            for (byte b : k.attachArea()) {
                if (b != 0) {
                    stale++;
                }
            }
            if (stale > 0) {
                notes.add(Note.info("attachment list not valid (version flags bit 0x01 clear, first byte "
                        + (k.attachArea()[0] & 0xFF) + "): the engine ends the list on clean termination; " + stale
                        + " non-zero stale bytes remain in the area and are not interpreted"));
            }
        }
        if (k.checkpoint().generation() <= 0) {
            notes.add(Note.warning(usedOff + 16, "checkpoint generation " + k.checkpoint().generation() + " is not positive"));
        }
        checkTimes(notes, usedOff, new Object[] {623, k.fullBackupTime(), 639, k.incrementalBackupTime(), 24,
            k.logSignature().created()});
        return new CheckpointHeader(name, Source.BINARY, k.checksum(), pos(k.lastFullBackupCheckpoint()),
                pos(k.checkpoint()), sig(k.logSignature()), dbms(k.dbmsParam()), pos(k.fullBackupPosition()),
                time(k.fullBackupTime()), pos(k.incrementalBackupPosition()), time(k.incrementalBackupTime()),
                k.versionFlags(), pos(k.dbConsistency()), k.fileType(), att, stale, v, notes, List.of());
    }

    // ------------------------------------------------------------------ log

    LogHeader log() {
        if (avail < LOG_HEADER_SIZE) {
            throw new EseException(name, -1, "file is " + fileSize + " bytes, shorter than a log file header (4096)");
        }
        preEse97Log();
        List<Note> notes = new ArrayList<>();
        long stored = u32(0);
        long computed = xor(0, LOG_HEADER_SIZE);
        HeaderCopy copy = new HeaderCopy("header", 0, LOG_HEADER_SIZE, true, stored, computed);
        Verification v = new Verification(copy, HeaderCopy.absent("shadow", 0, 0), stored == computed ? "header"
                : "header (unverified)", LOG_HEADER_SIZE, stored == computed, List.of());
        if (stored != computed) {
            notes.add(Note.error(0, String.format("log header checksum mismatch (stored 0x%08X, computed 0x%08X): "
                    + "JET_errLogFileCorrupt -501; the fields shown are unverified", stored, computed)));
        }
        EseLogHeader k;
        try {
            k = new EseLogHeader(stream(0, LOG_HEADER_SIZE));
        } catch (RuntimeException e) {
            throw new EseException(name, 0, "unreadable log header: " + e, e);
        }
        EseLogHeader.HeaderV7 x = k.v7();
        if (x == null || looksEse97Log() && k.versionMajor() != 7 && k.versionMajor() != 8) {
            return ese97Log(copy, v, notes);
        }
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
        int cbSec = k.sectorSize();
        if (cbSec != 512 && cbSec != 1024 && cbSec != 2048 && cbSec != 4096) {
            notes.add(Note.warning(8, "sector size " + cbSec + " is not 512, 1024, 2048 or 4096"));
        } else {
            long expect = (long) k.fileSectors() * cbSec;
            if (expect != fileSize) {
                notes.add(Note.warning(12, "file is " + fileSize + " bytes but the header says " + k.fileSectors() + " sectors of "
                        + cbSec + " = " + expect + " (JET_errLogFileSizeMismatch -541 if this is not a partial copy)"));
            }
            if ((long) k.headerSectors() * cbSec < LOG_HEADER_SIZE) {
                notes.add(Note.warning(10, "header sectors " + k.headerSectors() + " x " + cbSec + " bytes is less than 4096"));
            }
        }
        if (x.dbmsParam().logFileSectors() != k.fileSectors()) {
            notes.add(Note.info("engine parameter log file size " + x.dbmsParam().logFileSectors()
                    + " sectors differs from this file's " + k.fileSectors()));
        }
        if (k.generation() <= 0) {
            notes.add(Note.warning(4, "generation " + k.generation() + " is not positive"));
        }
        checkTimes(notes, 0, new Object[] {16, k.created(), 24, k.previousGenerationCreated(), 48,
            x.logSignature().created()});
        List<AttachedDatabase> att = attachments(671, notes);
        return new LogHeader(name, Source.BINARY, fileSize, stored, computed, k.generation(), cbSec, k.headerSectors(),
                k.fileSectors(), k.pageSizeRaw(), time(k.created()), time(k.previousGenerationCreated()),
                k.versionMajor(), k.versionMinor(), k.versionUpdateMajor(), x.versionUpdateMinor(), sig(x.logSignature()),
                dbms(x.dbmsParam()), x.logFlags(), pos(x.checkpointAtCreation()), x.diskSectorSizeMismatch(),
                x.previousLogChecksum(), x.engineFormatVersion(), x.fileType(), att, false, v, notes, List.of());
    }

    private LogHeader ese97Log(HeaderCopy copy, Verification v, List<Note> notes) {
        boolean at32 = u32(32) == 6;
        int base = at32 ? 32 : 24;
        long major = u32(base);
        long minor = u32(base + 4);
        long update = at32 ? u32(base + 8) : 0;
        notes.add(Note.info("ESE97 log (format " + major + "." + minor + (at32 ? "." + update : "") + ", version found at offset "
                + base + "): only the checksum, generation and version are known; signature, creation times, engine "
                + "parameters and attachments are unavailable (layout not published, INFERRED)"));
        return new LogHeader(name, Source.BINARY, fileSize, copy.stored(), copy.computed(), s32(4), 0, 0, 0, 0, LogTime.UNSET,
                LogTime.UNSET, major, minor, update, 0, null, DbmsParams.NONE, 0, LogPosition.ZERO, 0, 0, 0, u32(667),
                List.of(), true, v, notes, List.of());
    }

    // ------------------------------------------------------------------ attachments

    private List<AttachedDatabase> attachments(long areaOff, List<Note> notes) {
        List<AttachedDatabase> out = new ArrayList<>();
        int pos = 0;
        while (pos < ATTACH_AREA && out.size() <= MAX_ATTACHMENTS) {
            long at = areaOff + pos;
            int dbid = buf.get((int) at) & 0xFF;
            if (dbid == 0) {
                return out;
            }
            if (pos + 64 > ATTACH_AREA) {
                notes.add(Note.warning(at, "attachment entry runs past the 2048-byte attachment area; list cut here"));
                return out;
            }
            EseCommon.AttachInfo ai;
            try {
                ai = new EseCommon.AttachInfo(stream(at, ATTACH_AREA - pos));
            } catch (RuntimeException e) {
                notes.add(Note.warning(at, "attachment entry names (" + u16(at + 2) + " bytes) run past the 2048-byte "
                        + "attachment area; list cut here"));
                return out;
            }
            String path = names(ai.names(), (ai.flags() & 0x20) != 0);
            if (dbid > 7) {
                notes.add(Note.warning(at, "attachment dbid " + dbid + " is out of range (1..6)"));
            }
            out.add(new AttachedDatabase(at, dbid, ai.flags(), ai.dbtime(), ai.objidLast(), ai.cpgDatabaseSizeMax(),
                    pos(ai.lastAttach()), pos(ai.lastConsistent()), sig(ai.dbSignature()), path));
            pos += 64 + ai.lenNames();
        }
        if (pos >= ATTACH_AREA) {
            notes.add(Note.warning(areaOff, "attachment list has no terminating zero byte inside its 2048-byte area"));
        }
        return out;
    }

    static String names(byte[] n, boolean unicode) {
        if (unicode) {
            int end = 0;
            while (end + 1 < n.length && (n[end] != 0 || n[end + 1] != 0)) {
                end += 2;
            }
            return new String(n, 0, end, StandardCharsets.UTF_16LE);
        }
        int end = 0;
        while (end < n.length && n[end] != 0) {
            end++;
        }
        return new String(n, 0, end, StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ helpers

    private void checkTimes(List<Note> notes, long base, Object[] offsetAndTime) {
        for (int i = 0; i < offsetAndTime.length; i += 2) {
            LogTime t = time((EseCommon.Logtime) offsetAndTime[i + 1]);
            if (!t.plausible()) {
                notes.add(Note.warning(base + (Integer) offsetAndTime[i], "time at offset " + offsetAndTime[i]
                        + " is not a calendar time (raw " + t.rawHex() + ")"));
            }
        }
    }

    private boolean plausibleSetTime(int off) {
        if (off + 8 > avail) {
            return false;
        }
        byte[] b = new byte[8];
        buf.get(off, b);
        LogTime t = LogTime.of(b, 0);
        return t.isSet() && t.plausible() && t.year() >= 1990 && t.year() <= 2155;
    }

    private boolean equalRanges(long a, long b, int len) {
        return buf.slice((int) a, len).equals(buf.slice((int) b, len));
    }

    private boolean allZero(long off, int len) {
        for (int i = 0; i < len; i++) {
            if (buf.get((int) off + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** 0x89ABCDEF XOR every u32 at {@code off + 4 .. off + len - 4}. */
    long xor(long off, int len) {
        return checksum(buf, (int) off, len);
    }

    static long checksum(ByteBuffer b, int off, int len) {
        int c = (int) SEED;
        for (int i = 4; i + 4 <= len; i += 4) {
            c ^= b.getInt(off + i);
        }
        return Integer.toUnsignedLong(c);
    }

    private long u32(long off) {
        return Integer.toUnsignedLong(buf.getInt((int) off));
    }

    private int s32(long off) {
        return buf.getInt((int) off);
    }

    private int u16(long off) {
        return buf.getShort((int) off) & 0xFFFF;
    }

    private ByteBufferKaitaiStream stream(long off, int len) {
        return new ByteBufferKaitaiStream(buf.slice((int) off, len).order(ByteOrder.LITTLE_ENDIAN));
    }

    static LogTime time(EseCommon.Logtime t) {
        long r = (long) t.seconds() | (long) t.minutes() << 8 | (long) t.hours() << 16 | (long) t.day() << 24
                | (long) t.month() << 32 | (long) t.year() << 40 | (long) t.utcAndMsLow() << 48
                | (long) t.snapshotAndMsHigh() << 56;
        return new LogTime(r);
    }

    static LogPosition pos(EseCommon.Lgpos p) {
        return new LogPosition(p.generation(), p.isec(), p.ib());
    }

    static Signature sig(EseCommon.Signature s) {
        byte[] b = new byte[Signature.SIZE];
        b[0] = (byte) s.random();
        b[1] = (byte) (s.random() >>> 8);
        b[2] = (byte) (s.random() >>> 16);
        b[3] = (byte) (s.random() >>> 24);
        System.arraycopy(time(s.created()).bytes(), 0, b, 4, 8);
        System.arraycopy(s.computerName(), 0, b, 12, 16);
        return Signature.of(b, 0);
    }

    static BackupInfo backup(EseCommon.Bkinfo b, long type) {
        return new BackupInfo(pos(b.markPosition()), time(b.markTime()), b.genLow(), b.genHigh(), type);
    }

    static DbmsParams dbms(EseCommon.DbmsParam d) {
        return new DbmsParams(names(d.systemPath(), false), names(d.logFilePath(), false), d.flags(), d.sessionsMax(),
                d.openTablesMax(), d.verPagesMax(), d.cursorsMax(), d.logBuffers(), d.logFileSectors(), d.cacheSizeMax());
    }
}
