package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patchlens.hive.Key;

/**
 * A one-line progress bar on stderr, redrawn in place, for work that takes longer than about a
 * second. Only when the process has a terminal ({@code System.console() != null}) and stderr is one;
 * in tests, pipes and redirections it is {@link #NONE} and prints nothing.
 *
 * <p>For one hive the fraction is the furthest key cell reached in the file (keys are mostly
 * allocated in file order, so it is an estimate); for a batch it is the hives done.
 */
class Progress {
    /** Prints nothing. */
    static final Progress NONE = new Progress(null, 0, "");

    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long total;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long furthest;
    private long keys;
    private boolean drawn;

    Progress(PrintWriter err, long total, String unit) {
        this.err = err;
        this.total = total;
        this.unit = unit;
    }

    /**
     * A terminal to draw on: the JVM has a console (stdin and stdout are terminals) and stderr, where the bar
     * goes, is one too; {@code 2>log.txt} must not fill the log with redrawn bars. Java has no isatty for
     * stderr, so on Linux its descriptor's link is read ({@code /proc/self/fd/2 -> /dev/pts/3}); where that
     * cannot be read, the console decides alone.
     */
    private static boolean terminal() {
        if (System.console() == null) {
            return false;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    /** Whether a descriptor's link names a terminal: {@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/console}. */
    static boolean isTerminalDevice(String link) {
        return link.startsWith("/dev/pts/") || link.startsWith("/dev/tty") || link.equals("/dev/console");
    }

    /** Progress through one hive file (by file offset), or NONE without a terminal. */
    static Progress forTerminal(PrintWriter err, Path hive) {
        if (!terminal()) {
            return NONE;
        }
        try {
            return new Progress(err, Files.size(hive), "keys");
        } catch (java.io.IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** Progress through a batch of hives, or NONE without a terminal. */
    static Progress forTerminalBatch(PrintWriter err, int hives) {
        return terminal() ? new Progress(err, hives, "hives") : NONE;
    }

    /** Progress through a tree of hives (hives done of total, bytes, the hive being read), or NONE without a terminal. */
    static Progress forTerminalTree(PrintWriter err, int hives, long bytes) {
        if (!terminal()) {
            return NONE;
        }
        Progress p = new Progress(err, hives, "hives");
        p.totalBytes = bytes;
        return p;
    }

    private long totalBytes;

    /** {@code done} hives of the tree finished, {@code bytes} of their size; {@code current} the one read next. */
    void tree(int done, long bytes, String current) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print("\r" + treeLine(done, total, bytes, totalBytes, current, (now - start) / 1_000_000_000L));
        err.flush();
    }

    /** {@code [#####.....]  12/40 hives  31.2/80.0 MB  5 s  Users/bob/NTUSER.DAT}, the name cut to fit 100 columns. */
    static String treeLine(long done, long total, long bytes, long totalBytes, String current, long seconds) {
        int width = 20;
        double f = totalBytes <= 0 ? (total <= 0 ? 0 : (double) done / total) : Math.min(1.0, (double) bytes / totalBytes);
        int filled = (int) Math.round(f * width);
        String head = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format(java.util.Locale.ROOT,
                "%,d/%,d hives  %.1f/%.1f MB  %d s  ", done, total, bytes / 1e6, totalBytes / 1e6, seconds);
        String name = org.patchlens.report.Printable.of(current);
        int room = Math.max(10, 100 - head.length());
        if (name.length() > room) {
            name = "..." + name.substring(name.length() - (room - 3));
        }
        return head + name;
    }

    void key(Key k) {
        if (err == null) {
            return;
        }
        keys++;
        if ((keys & 255) == 0) {
            furthest = Math.max(furthest, k.fileOffset());
            draw(furthest, keys);
        }
    }

    void file(int done) {
        if (err != null) {
            draw(done, done);
        }
    }

    private void draw(long at, long count) {
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print("\r" + line(at, total, count, unit, (now - start) / 1_000_000_000L));
        err.flush();
    }

    /** The bar: {@code [#########...........]  45%  12,345 keys  3 s}. */
    static String line(long at, long total, long count, String unit, long seconds) {
        int width = 30;
        double f = total <= 0 ? 0 : Math.min(1.0, (double) at / total);
        int filled = (int) Math.round(f * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format("%3d%%  %,d %s  %d s",
                Math.round(f * 100), count, unit, seconds);
    }

    /** Erases the bar before another line is printed. */
    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(totalBytes > 0 ? 100 : 72) + "\r");
            err.flush();
        }
    }

    void done() {
        clear();
        drawn = false;
    }
}
