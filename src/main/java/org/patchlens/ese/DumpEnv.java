package org.patchlens.ese;

/**
 * The engine parameters of an {@code /mk} or {@code /ml} dump: the {@code Env (CircLog,Session,...)}
 * header line with its value line {@code (    off,   1227, ...)} (ESE97 and early ESE98 print no
 * {@code CircLog} item), and {@code /ml}'s {@code Env SystemPath} and {@code Env LogFilePath}. Items
 * that do not read are left 0.
 */
final class DumpEnv {
    String systemPath = "";
    String logFilePath = "";
    /** 1 circular logging on, 0 off; null when no Env line had a CircLog item. */
    Long circularLogging;
    private final long[] counts = new long[7];

    /** True for the header line of the pair ({@code Env (}...); the next line holds the values. */
    static boolean isHeader(String line) {
        return line.trim().startsWith("Env (");
    }

    /** Reads the value line of a pair: the CircLog item when the header names one, then up to seven counts in order. */
    void read(String header, String values) {
        String inner = values.trim();
        if (inner.startsWith("(")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith(")")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        String[] items = inner.split(",");
        int i = 0;
        if (header.contains("CircLog") && items.length > 0) {
            circularLogging = items[0].trim().equalsIgnoreCase("on") ? 1L : 0L;
            i = 1;
        }
        for (int k = 0; k < counts.length && i < items.length; k++, i++) {
            Long n = EseutilValues.num(items[i]);
            if (n != null) {
                counts[k] = n;
            }
        }
    }

    DbmsParams params() {
        return new DbmsParams(systemPath, logFilePath, (int) DumpLines.orZero(circularLogging), counts[0], counts[1],
                counts[2], counts[3], counts[4], counts[5], counts[6]);
    }
}
