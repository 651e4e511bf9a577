package org.patchlens.ese;

/**
 * DBMS_PARAM: the engine parameters recorded in checkpoints and log headers ("Env" lines
 * of eseutil). Paths are ANSI, informational only.
 */
public record DbmsParams(String systemPath, String logFilePath, int flags, long sessionsMax, long openTablesMax,
        long verPagesMax, long cursorsMax, long logBuffers, long logFileSectors, long cacheSizeMax) {
    public static final DbmsParams NONE = new DbmsParams("", "", 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean circularLogging() {
        return (flags & 1) != 0;
    }

    /** eseutil's {@code (    off,   1227, ...)} value line. */
    public String eseutilEnv() {
        return String.format("(%s,%7d,%7d,%7d,%7d,%7d,%7d,%7d)", circularLogging() ? "     on" : "    off", sessionsMax,
                openTablesMax, verPagesMax, cursorsMax, logBuffers, logFileSectors, cacheSizeMax);
    }
}
