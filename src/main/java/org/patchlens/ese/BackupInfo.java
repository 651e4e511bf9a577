package org.patchlens.ese;

/**
 * A BKINFO: one backup's mark and the log generations of its set, with the backup type
 * the database header keeps beside it (0 normal, 1 OS snapshot, 2 snapshot; -1 when the
 * header has no type for this entry).
 */
public record BackupInfo(LogPosition mark, LogTime markTime, long genLow, long genHigh, long type) {
    public static final BackupInfo NONE = new BackupInfo(LogPosition.ZERO, LogTime.UNSET, 0, 0, -1);

    public boolean isSet() {
        return genLow != 0 || genHigh != 0 || !mark.isZero() || markTime.isSet();
    }

    public BackupInfo withType(long t) {
        return new BackupInfo(mark, markTime, genLow, genHigh, t);
    }

    /** eseutil's suffix for the type: "", " - OSSnapshot", " - Snapshot", " - UNKNOWN". */
    public String typeSuffix() {
        if (type <= 0) {
            return "";
        }
        return type == 1 ? " - OSSnapshot" : type == 2 ? " - Snapshot" : " - UNKNOWN";
    }

    @Override
    public String toString() {
        return "mark=" + mark + " time=" + markTime + " genLow=" + genLow + " genHigh=" + genHigh;
    }
}
