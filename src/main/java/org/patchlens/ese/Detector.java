package org.patchlens.ese;

import org.patchlens.format.EseCommon;

/**
 * Decides which kind of ESE header a file holds, by content (ese-format.md section 1.3), from the
 * fields of {@link EseCommon.HeaderStart} (kaitai/ese_common.ksy) and the header checksums. What is no
 * readable ESE header is refused with one {@link EseException} line: a registry hive, a file too short
 * for any header, an all-zero first page, a pre-ESE97 JET log, or anything no rule recognises. The
 * rules, in the order they are tried:
 * <ol>
 * <li>the database magic at 4, or (a registry hive refused first) a verifying shadow database copy
 * with the magic (the primary damaged): a database, or a patch file when named {@code .pat};
 * <li>file type 3 or 4 at 667: a log or a checkpoint; a verifying shadow checkpoint copy, or a
 * {@code .chk}/{@code .jcp} whose shadow copy says checkpoint: a checkpoint;
 * <li>without a file type, a verifying first page with a log's sector size and version (or an ESE97
 * log's version): a log; with a checkpoint's size and a plausible signature time: a checkpoint;
 * <li>without a file type, a first page that does not verify, named like a log of a set ({@code edb.log},
 * {@code Edb0001F.log}), with an ESE97 log version (6.1503/6.1504 at 32, update at most 15, or at 24) and a
 * generation at 4 from 1 to 0xFFFFF, or with an ESE98 log's sector size and version (7.3700 to 7.3704, update at most 8)
 * and such a generation: a log whose header checksum fails (the reader says so; the rules call it not usable);
 * <li>a page with the marks of a patch header (or a {@code .pat} whose page's checksum matches over some page
 * size, or whose shadow page verifies, not beginning with zeros and with page number 0): a patch file.
 * </ol>
 * Before the size refusals, a file shorter than a log header (4096 bytes) that holds a log's file type 3 at 667, or is
 * named like a log with a log version (ESE97, or a current sector size and format 7/8), and a positive generation at
 * 4, is a log cut short: the reader reads what it holds and says where it ends.
 */
final class Detector {
    /** "regf" at 0: a registry hive. */
    private static final long REGF = 0x66676572L;
    private static final int LOG_HEADER_SIZE = BinaryReader.LOG_HEADER_SIZE;
    private static final int CHECKPOINT_SIZE = BinaryReader.CHECKPOINT_SIZE;

    private final String name;
    private final HeaderBytes bytes;
    private final long fileSize;
    private final String ext;
    private final EseCommon.HeaderStart start;

    Detector(String name, HeaderBytes bytes, long fileSize) {
        this.name = name;
        this.bytes = bytes;
        this.fileSize = fileSize;
        this.ext = EseFile.extension(name);
        this.start = bytes.start();
    }

    EseFile.Kind detect() {
        if (hasDatabaseMagic()) {
            return databaseOrPatch();
        }
        refuseRegistryHive();
        if (bytes.shadowDatabasePage() > 0) {
            return databaseOrPatch();
        }
        if (logCutShort()) {
            return EseFile.Kind.LOG;
        }
        refuseTooShort();
        long fileType = fileType();
        if (bytes.avail >= LOG_HEADER_SIZE && fileType == 3) {
            return EseFile.Kind.LOG;
        }
        if (bytes.avail >= CHECKPOINT_SIZE && fileType == 4) {
            return EseFile.Kind.CHECKPOINT;
        }
        refuseCutShort(fileType);
        if (shadowCheckpointVerifies() || checkpointByNameAndShadowType()) {
            return EseFile.Kind.CHECKPOINT;
        }
        refuseAllZeroFirstPage();
        refusePreEse97Log(name, start);
        if (fileType == 0 && bytes.avail >= LOG_HEADER_SIZE) {
            if (firstPageVerifies() && (currentLogVersion() || looksEse97Log(start))) {
                return EseFile.Kind.LOG;
            }
            if (firstPageVerifies() && checkpointFileSize() && plausibleSetTime(start.checkpointLogSignatureTime())) {
                return EseFile.Kind.CHECKPOINT;
            }
            if (!firstPageVerifies() && LogNames.isLogName(name) && (ese97LogFields(start) || ese98LogFields(start))) {
                return EseFile.Kind.LOG;
            }
        }
        if (fileType == 0 && (patchPageByContent()
                || ext.equals("pat") && (bytes.patchPageChecksumMatches() || bytes.shadowPatchPage() > 0))) {
            return EseFile.Kind.PATCH;
        }
        throw new EseException(name, 4, String.format("not an ESE file: no database magic at offset 4 (found 0x%08X), "
                + "file type at offset 667 is %d, and no log, checkpoint or patch header was recognised",
                start.dbMagic(), fileType));
    }

    /**
     * A log's or checkpoint's file type field (at 667, newer engines), in a file that ends before that header
     * does: the file was cut short, which is what to say rather than that no header was recognised.
     */
    private void refuseCutShort(long fileType) {
        int size = fileType == 3 ? LOG_HEADER_SIZE : fileType == 4 ? CHECKPOINT_SIZE : 0;
        if (size > 0 && fileSize < size) {
            throw new EseException(name, 667, String.format("file type %d (%s) at offset 667, but the file is %d bytes, "
                    + "shorter than that header (%d bytes): the file is cut short", fileType,
                    fileType == 3 ? "a log" : "a checkpoint", fileSize, size));
        }
    }

    private EseFile.Kind databaseOrPatch() {
        return ext.equals("pat") ? EseFile.Kind.PATCH : EseFile.Kind.DATABASE;
    }

    private boolean hasDatabaseMagic() {
        return HeaderBytes.is(start.dbMagic(), DatabaseHeader.MAGIC);
    }

    /** A registry hive ("regf" at 0) is refused before the shadow-copy probe. */
    private void refuseRegistryHive() {
        if (HeaderBytes.is(start.checksum(), REGF)) {
            throw new EseException(name, 0, "not an ESE file: this is a registry hive (\"regf\" signature)");
        }
    }

    private void refuseTooShort() {
        if (bytes.avail < HeaderBytes.SMALLEST_PAGE) {
            throw new EseException(name, -1, "file is " + fileSize + (fileSize == 1 ? " byte" : " bytes")
                    + ": too short for any ESE header (database pages are at least 2048 bytes, logs and checkpoints 4096)");
        }
    }

    private void refuseAllZeroFirstPage() {
        if (bytes.avail >= LOG_HEADER_SIZE && bytes.allZero(0, LOG_HEADER_SIZE)) {
            throw new EseException(name, 0, "no valid header: the first 4096 bytes are all zero"
                    + (ext.equals("jrs") || ext.equals("log") ? " (an unused reserve or pre-formatted log)" : ""));
        }
    }

    /** The file type at 667, 0 when the bytes end before it. */
    private long fileType() {
        return start.fileType() == null ? 0 : start.fileType();
    }

    /** The primary checkpoint is damaged, the shadow at 4096 is a good checkpoint. */
    private boolean shadowCheckpointVerifies() {
        return shadowSaysCheckpoint() && bytes.verifies(CHECKPOINT_SIZE, CHECKPOINT_SIZE);
    }

    /** Both copies damaged: the name and the shadow's file type say checkpoint. */
    private boolean checkpointByNameAndShadowType() {
        return (ext.equals("chk") || ext.equals("jcp")) && shadowSaysCheckpoint();
    }

    private boolean shadowSaysCheckpoint() {
        return bytes.avail >= 2 * CHECKPOINT_SIZE && HeaderBytes.is(bytes.startAt(CHECKPOINT_SIZE).fileType(), 4);
    }

    private boolean firstPageVerifies() {
        return bytes.verifies(0, LOG_HEADER_SIZE);
    }

    /** A log sector size and log format 7 or 8. */
    private boolean currentLogVersion() {
        int cbSec = start.logSectorSize();
        long major = start.logVersion().major();
        boolean sector = cbSec == 512 || cbSec == 1024 || cbSec == 2048 || cbSec == 4096;
        return sector && (major == 7 || major == 8);
    }

    private boolean checkpointFileSize() {
        return fileSize == 8192 || fileSize == 4096;
    }

    /** A PATCHHDR page: page number 0, a plausible backup-mark or database-signature time, a checksum that matches. */
    private boolean patchPageByContent() {
        return HeaderBytes.is(start.dbMagic(), 0)
                && (plausibleSetTime(start.patchBackupMarkTime()) || plausibleSetTime(start.patchDbSignatureTime()))
                && bytes.patchPageChecksumMatches();
    }

    /**
     * A file shorter than a log header that is a log by what it holds: file type 3 at 667, or a log's name and a log
     * version (an ESE97 one, or a current sector size with format 7 or 8), and a positive generation at 4 (at most
     * 0xFFFFF for ESE97, the limit of the engines of five-digit names).
     */
    private boolean logCutShort() {
        if (bytes.avail >= LOG_HEADER_SIZE || start.logGeneration() == null) {
            return false;
        }
        if (HeaderBytes.is(start.fileType(), 3)) {
            return start.logGeneration() > 0;
        }
        if (!LogNames.isLogName(name)) {
            return false;
        }
        return ese97LogFields(start) || currentLogVersionHeld() && start.logGeneration() > 0;
    }

    /** {@link #currentLogVersion()} when the file holds the version (44 bytes). */
    private boolean currentLogVersionHeld() {
        return start.logVersion() != null && currentLogVersion();
    }

    /**
     * The fields of an ESE97 log that do not depend on its checksum: the version 6.1503/6.1504 at 32 with an update
     * of at most 15 (history: 6.1503.0 to .4, 6.1504.0), or at 24 (INFERRED), and a generation at 4 from 1 to
     * 0xFFFFF. With a log's name, this is the evidence a log whose header does not verify (or is cut short) is read
     * on: 64 bits of version, a bounded generation and the name, never the version alone.
     */
    static boolean ese97LogFields(EseCommon.HeaderStart s) {
        Integer gen = s.logGeneration();
        if (gen == null || gen < 1 || gen > 0xFFFFF) {
            return false;
        }
        EseCommon.LogVersionTriple v = s.logVersion();
        if (v != null && ese97Version(v.major(), v.minor()) && v.updateMajor() <= 15) {
            return true;
        }
        EseCommon.LogVersionPair at24 = s.ese97LogVersionAt24();
        return at24 != null && ese97Version(at24.major(), at24.minor());
    }

    /**
     * The fields of an Exchange 2000/2003 (ESE98) log that do not depend on its checksum: a sector size at 8 (512, 1024,
     * 2048 or 4096), the version 7.3700 to 7.3704 at 32 with an update of at most 8 (the formats of those engines,
     * ese-format.md 6.1; 7.3704.5 and later also write file type 3, which a damaged header may have lost), and a
     * generation at 4 from 1 to 0xFFFFF (five-digit names). With a log's name, the evidence a log of the formats that
     * write no file type is read on when its header does not verify.
     */
    static boolean ese98LogFields(EseCommon.HeaderStart s) {
        Integer gen = s.logGeneration();
        Integer cbSec = s.logSectorSize();
        EseCommon.LogVersionTriple v = s.logVersion();
        if (gen == null || gen < 1 || gen > 0xFFFFF || cbSec == null || v == null) {
            return false;
        }
        boolean sector = cbSec == 512 || cbSec == 1024 || cbSec == 2048 || cbSec == 4096;
        return sector && v.major() == 7 && v.minor() >= 3700 && v.minor() <= 3704 && v.updateMajor() <= 8;
    }

    /** An ESE97 log version (6.1503 or 6.1504) at 32 or, INFERRED, at 24. */
    static boolean looksEse97Log(EseCommon.HeaderStart s) {
        return ese97Version(s.logVersion().major(), s.logVersion().minor())
                || ese97Version(s.ese97LogVersionAt24().major(), s.ese97LogVersionAt24().minor());
    }

    private static boolean ese97Version(long major, long minor) {
        return major == 6 && (minor == 1503 || minor == 1504);
    }

    /** The engine's own detectors for JET 200/400/500 logs (log.cxx); those are refused. */
    static void refusePreEse97Log(String name, EseCommon.HeaderStart s) {
        EseCommon.PreEse97LogWords w = s.preEse97Log();
        if (w == null) {
            return;
        }
        if (w.word24() == 4 && (w.word28() == 909 || w.word28() == 995) && w.word32() == 0) {
            throw new EseException(name, 24, "pre-ESE97 JET log (\"500\" format, " + (w.word28() == 995 ? "Exchange 4.0/5.0"
                    : "Windows NT") + "): unsupported");
        }
        if (w.word20() == 443 && w.word24() == 0 && w.word28() == 0) {
            throw new EseException(name, 20, "pre-ESE97 JET log (\"400\" format): unsupported");
        }
        if (w.word44() == 0 && w.word48() == 0x00CA0001) {
            throw new EseException(name, 44, "pre-ESE97 JET log (\"200\" format): unsupported");
        }
    }

    /** A set LOGTIME that is a calendar time between 1990 and 2155. */
    private static boolean plausibleSetTime(EseCommon.Logtime time) {
        if (time == null) {
            return false;
        }
        LogTime t = KaitaiValues.time(time);
        return t.isSet() && t.plausible() && t.year() >= 1990 && t.year() <= 2155;
    }
}
