package org.patchlens.hive;

import java.util.List;

/**
 * What transaction-log recovery found and did, log by log and entry by entry
 * (docs/replay.md describes every field).
 *
 * @param hive             the primary file's name
 * @param dirty            the hive as found needs recovery: bad base block checksum or sequence numbers differ
 * @param dirtyReasons     why it is dirty (empty when clean)
 * @param staleReasons     logs that are newer than a clean hive (the hive may be stale; Windows does not replay them)
 * @param logs             every log offered, in LOG, LOG1, LOG2 order
 * @param outcome          what the view is
 * @param result           one line saying what was done (or why nothing could be)
 * @param notes            further findings (e.g. a hive bin that is invalid after replay)
 * @param sequenceNumber   primary = secondary sequence number of the recovered base block (-1 if none)
 * @param hiveBinsDataSize hive bins data size of the recovered base block (-1 if none)
 * @param baseBlockSource  "primary" or the log whose 512-byte header became the base block ("" if none)
 */
public record ReplayLedger(String hive, boolean dirty, List<String> dirtyReasons, List<String> staleReasons,
                           List<LogRecord> logs, Outcome outcome, String result, List<String> notes,
                           long sequenceNumber, long hiveBinsDataSize, String baseBlockSource) {

    public enum Outcome {
        /** The hive is clean: logs (if any) were not applied, the view is the file as found. */
        CLEAN,
        /** The hive is dirty and no log was offered: the view is the file as found, possibly stale. */
        NO_LOGS,
        /** Log data was applied: the view is the recovered image. */
        APPLIED,
        /** Usable logs, but nothing in them applies (stale, or the first entry is invalid): the file as found. */
        NOTHING_APPLIED,
        /** No usable log, or the base block cannot be rebuilt: recovery failed. */
        FAILED
    }

    /**
     * One transaction log file.
     *
     * @param file             its name as given
     * @param slot             LOG, LOG1 or LOG2
     * @param format           "old" (DIRT), "new" (HvLE), or "unknown"
     * @param size             file size in bytes
     * @param primarySequence  its base block copy's primary sequence number (-1 when unreadable)
     * @param secondarySequence its secondary sequence number (-1 when unreadable)
     * @param lastWritten      its base block copy's last written FILETIME (-1 when unreadable)
     * @param hiveBinsDataSize its base block copy's hive bins data size (-1 when unreadable)
     * @param verdict          "usable", or why it is not
     * @param role             "applied", or why it was not applied
     * @param otherHive        what in its base block copy names another hive than this one ("" when nothing does,
     *                         or it was not compared: the hive's base block checksum is bad, or the log's)
     * @param entries          the log entries examined (for an old-format log, one record for its dirty pages)
     */
    public record LogRecord(String file, String slot, String format, long size, long primarySequence,
                            long secondarySequence, long lastWritten, long hiveBinsDataSize, String verdict,
                            String role, String otherHive, List<EntryRecord> entries) {
        public boolean applied() {
            return role.equals("applied");
        }
    }

    /**
     * One log entry (new format) or the dirty-page set of an old-format log.
     *
     * @param logOffset        where it starts in the log file (old format: the first dirty page, P)
     * @param sequence         its sequence number (old format: the log's primary sequence number; -1 unreadable)
     * @param size             its size in bytes (old format: the bytes of dirty pages)
     * @param hiveBinsDataSize the hive bins data size it sets (-1 when unreadable)
     * @param hash             "ok", "bad Hash-1 ...", "bad Hash-2 ...", "not checked" or "n/a" (old format)
     * @param targets          the ranges it writes, as offsets into the hive bins data (file offset - 4096)
     * @param applied          whether its pages were written into the recovered image
     * @param reason           "applied", or why not
     */
    public record EntryRecord(long logOffset, long sequence, long size, long hiveBinsDataSize, String hash,
                              List<Target> targets, boolean applied, String reason) {
    }

    /** A range of the hive bins data written by a log: {@code offset} relative to file offset 4096. */
    public record Target(long offset, long size) {
        @Override
        public String toString() {
            return String.format("0x%X+0x%X", offset, size);
        }
    }

    /**
     * One line per log whose base block copy names another hive: the log, what differs, and what was done with
     * it (docs/replay.md, "A log of another hive").
     */
    public List<String> otherHiveNotes() {
        return logs.stream().filter(r -> !r.otherHive().isEmpty()).map(r -> r.file() + ": its base block copy is "
                + "another hive's (" + r.otherHive() + "): " + (r.applied() ? "applied all the same, as Windows "
                + "would apply it (it checks a log's sequence numbers or timestamp, not whose it is)" : r.role()))
                .toList();
    }

    /** A log whose base block copy names another hive was applied: the view may not be this hive's. */
    public boolean appliedAnotherHivesLog() {
        return logs.stream().anyMatch(r -> r.applied() && !r.otherHive().isEmpty());
    }

    /** The logs whose data was applied, in the order applied. */
    public List<LogRecord> appliedLogs() {
        return logs.stream().filter(LogRecord::applied).toList();
    }
}
