package org.patchlens.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The process's stdout: a PrintWriter for the commands, and, when it encodes UTF-8, the byte stream
 * under it for writers that produce UTF-8 themselves (the JSONL dump), so nothing is encoded twice.
 *
 * <p>A PrintWriter swallows write errors, so every byte goes through one guard that keeps the first
 * error ({@link #failure}): after the command, {@code Main} turns it into the exit code (a reader that
 * left, {@link #readerLeft}, is not a full disk). After an error nothing more is written: the output
 * has a gap, and bytes after it would only hide where the gap is.
 */
public final class ConsoleOut extends PrintWriter {
    private final Guard guard;
    private final Charset charset;

    private ConsoleOut(Guard guard, Charset charset) {
        // one 64 KiB buffer straight to the file descriptor (System.out flushes every write)
        super(new BufferedWriter(new OutputStreamWriter(guard, charset), 1 << 16), false);
        this.guard = guard;
        this.charset = charset;
    }

    public static ConsoleOut stdout(Charset charset) {
        return new ConsoleOut(new Guard(new FileOutputStream(FileDescriptor.out), ConsoleOut::stdoutIsPipe), charset);
    }

    /**
     * A console over any stream (tests: one that fails as a full disk or a closed pipe would);
     * {@code pipe} says whether that stream is a pipe or socket, as {@link #stdout} finds out for fd 1.
     */
    public static ConsoleOut over(OutputStream out, Charset charset, boolean pipe) {
        return new ConsoleOut(new Guard(out, () -> pipe), charset);
    }

    /**
     * A write to stdout failed: its reader went away (a pipe into {@code head}, say) or the disk is full.
     * Commands stop writing when they see it; {@code Main} decides what it means from {@link #failure}.
     */
    public static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(IOException cause) {
            super("stdout: " + reason(cause), cause);
        }
    }

    /** The first write error on stdout, or null when every write went through. */
    public IOException failure() {
        return guard.failure;
    }

    /** Whether that error is the reader of stdout having gone away (EPIPE), not a failure to store the output. */
    public boolean readerLeft() {
        return guard.readerLeft;
    }

    /** Throws {@link Failed} when a write to stdout has failed (a PrintWriter would not say). */
    public void check() throws Failed {
        if (guard.failure != null) {
            throw new Failed(guard.failure);
        }
    }

    /** The reason of a failed write, as the system worded it ("No space left on device"). */
    public static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * The bytes under this writer, or null when it does not encode UTF-8. What was printed before is
     * flushed first; closing the stream flushes it and leaves stdout open. A write to a stdout that
     * failed throws {@link Failed}.
     */
    public OutputStream utf8Bytes() {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return null;
        }
        flush();
        return new BufferedOutputStream(guard, 1 << 16) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Every byte to stdout; keeps the first error and refuses every write after it. */
    private static final class Guard extends java.io.FilterOutputStream {
        private final BooleanSupplier pipe;
        private volatile IOException failure;
        private volatile boolean readerLeft;

        Guard(OutputStream out, BooleanSupplier pipe) {
            super(out);
            this.pipe = pipe;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw new Failed(failure);
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            if (failure != null) {
                throw new Failed(failure);
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // stdout itself stays open
        }

        private synchronized Failed failed(IOException e) {
            if (failure == null) {
                readerLeft = brokenPipe(e) || pipe.getAsBoolean();
                failure = e;
            }
            return new Failed(failure);
        }
    }

    /**
     * EPIPE as Java words it: "Broken pipe" (Linux, macOS), "The pipe is being closed" / "The pipe has
     * been ended" (Windows). The wording follows the C library's locale, hence also {@link #stdoutIsPipe}.
     */
    static boolean brokenPipe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("broken pipe") || m.contains("pipe is being closed") || m.contains("pipe has been ended")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether fd 1 is a pipe or a socket: a write there can only fail because the reader went away
     * (EPIPE, ECONNRESET), whatever language the message is in. A file or device (/dev/full) is not one.
     */
    private static boolean stdoutIsPipe() {
        try {
            int type = (Integer) Files.getAttribute(Path.of("/dev/fd/1"), "unix:mode") & 0170000;
            return type == 0010000 || type == 0140000; // S_IFIFO, S_IFSOCK
        } catch (IOException | RuntimeException e) {
            return false; // no /dev/fd (Windows): the message alone decides
        }
    }
}
