package org.patchlens.ese;

/**
 * One ATTACHINFO entry of a log header or checkpoint: a database the log stream had
 * attached when the file was written.
 *
 * @param fileOffset     file offset of the entry
 * @param dbid           database id (1..6)
 * @param flags          raw flags byte (0x20 Unicode names, 0x40 sparse file)
 * @param dbtime         dbtime at attach
 * @param objidLast      last object id
 * @param maxPages       cpgDatabaseSizeMax, 0 = unlimited
 * @param lastAttach     lgposAttach
 * @param lastConsistent lgposConsistent
 * @param signature      the database's signDb
 * @param path           database path (UTF-16LE or ANSI per flag, up to the first NUL)
 */
public record AttachedDatabase(long fileOffset, int dbid, int flags, long dbtime, long objidLast, long maxPages,
        LogPosition lastAttach, LogPosition lastConsistent, Signature signature, String path) {
    public boolean unicodeNames() {
        return (flags & 0x20) != 0;
    }

    public boolean sparse() {
        return (flags & 0x40) != 0;
    }
}
