package org.patchlens.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.patchlens.FormatException;
import org.patchlens.report.OutputException;
import org.patchlens.report.Printable;

/** Turns any failure into the one line a user sees, and (with --debug) a stack trace. */
final class Errors {
    private Errors() {
    }

    static String oneLine(Throwable ex) {
        return flat(message(ex));
    }

    /**
     * The same line before {@link #flat}: evidence text in it as it was, for an output that escapes by its own
     * rule (a batch's manifest.tsv), which would otherwise escape the escapes.
     */
    static String message(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String msg;
        if (e instanceof FormatException || e instanceof UsageException || e instanceof OutputException
                || e instanceof org.patchlens.report.AtomicFile.WriteFailed // "FILE: REASON (the file was not written)"
                || e instanceof HiveDumpCommand.BatchStopped) { // that line, why the batch stopped, how far it got
            msg = e.getMessage();
        } else if (e instanceof NoSuchFileException n) {
            msg = n.getFile() + ": " + org.patchlens.InputFile.missing(String.valueOf(n.getFile()), false);
        } else if (e instanceof AccessDeniedException a) {
            msg = a.getFile() + ": permission denied";
        } else if (e instanceof IOException) {
            msg = "I/O error: " + e.getMessage();
        } else if (ioCause(e) != null) {
            // a library that wraps the I/O error of its own temporary files (POI's workbook sheets on a full disk)
            msg = "I/O error: " + ioCause(e).getMessage() + " (in " + e.getClass().getSimpleName()
                    + "; --debug shows where)";
        } else {
            msg = "internal error: " + e + " (please report it; --debug shows where)";
        }
        return msg;
    }

    /** The first I/O error among the causes of {@code e}, or null. */
    private static IOException ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /**
     * A message as one line of printable text: file names, key paths and value names come from the
     * evidence and may hold line breaks, which would split one stderr line into several (or forge one),
     * and other control characters: a tab that makes a name look like a stack-trace line, an escape
     * sequence that a terminal would obey. Each is shown as the text dumps show it ({@code \n},
     * {@code \t}, {@code \u001b}: {@link Printable#of}), so the name stays exact and readable.
     */
    static String flat(String msg) {
        return Printable.of(msg);
    }

    static String trace(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            sb.append(t == ex ? "" : "Caused by: ").append(t).append('\n');
            for (StackTraceElement el : t.getStackTrace()) {
                sb.append("\tat ").append(el).append('\n');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}
