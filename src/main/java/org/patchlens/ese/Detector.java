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
 * <li>a page with the marks of a patch header (or a {@code .pat} whose page's checksum matches over some page
 * size): a patch file.
 * </ol>
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
        }
        if (fileType == 0 && (patchPageByContent() || ext.equals("pat") && bytes.patchPageChecksumMatches())) {
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
            throw new EseException(name, -1, "file is " + fileSize
                    + " bytes: too short for any ESE header (database pages are at least 2048 bytes, logs and checkpoints 4096)");
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
