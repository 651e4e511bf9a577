package org.patchlens.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file written through a new temporary file in the target's own folder and renamed over the target
 * only when complete. The target is never opened: an existing file is replaced by the rename, so a hard
 * or symbolic link at the target is replaced, never followed into the file it leads to. A run that fails
 * or is interrupted (Ctrl-C: a shutdown hook removes what is pending) leaves no partial output.
 */
public final class AtomicFile implements Closeable {
    /** Checks the target once more just before the rename (it may have changed since it was validated). */
    @FunctionalInterface
    public interface Guard {
        Guard NONE = target -> { };

        void beforeReplace(Path target) throws IOException;
    }

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::removePending, "patchlens-cleanup"));
    }

    private final Path target;
    private final Path temp;
    private final Guard guard;
    private final OutputStream stream;
    private boolean done;

    private AtomicFile(Path target, Path temp, Guard guard, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.guard = guard;
        this.stream = stream;
    }

    /** Creates the temporary file ({@code .NAME.XXXXXXXX.tmp} beside {@code target}, never an existing file). */
    public static AtomicFile create(Path target, Guard guard) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            // CREATE_NEW: never an existing file, nor a link someone placed under the name (no need for a secret name)
            Path temp = dir.resolve("." + abs.getFileName() + "."
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
            OutputStream os;
            try {
                os = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 8) {
                    continue;
                }
                throw e;
            }
            PENDING.add(temp);
            return new AtomicFile(abs, temp, guard, new BufferedOutputStream(naming(os, abs), 1 << 16));
        }
    }

    /** A write to the temporary file that failed (a full disk): named after the target, which the user knows. */
    public static final class WriteFailed extends java.nio.file.FileSystemException {
        private static final long serialVersionUID = 1L;

        WriteFailed(Path target, IOException cause) {
            super(target.toString(), null, (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()) + " (the file was not written)");
            initCause(cause);
        }
    }

    /** {@code os} whose errors name {@code target} (Java's say only "No space left on device"). */
    private static OutputStream naming(OutputStream os, Path target) {
        return new java.io.FilterOutputStream(os) {
            @Override
            public void write(int b) throws IOException {
                named(() -> out.write(b));
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                named(() -> out.write(b, off, len));
            }

            @Override
            public void flush() throws IOException {
                named(out::flush);
            }

            @Override
            public void close() throws IOException {
                named(out::close);
            }

            private void named(Io io) throws IOException {
                try {
                    io.run();
                } catch (IOException e) {
                    throw new WriteFailed(target, e);
                }
            }
        };
    }

    /** A write, flush or close of the stream under {@link #naming}. */
    private interface Io {
        void run() throws IOException;
    }

    /** The stream to write the content to (closed by {@link #commit} or {@link #close}). */
    public OutputStream stream() {
        return stream;
    }

    /** Finishes the file and renames it over the target. */
    public void commit() throws IOException {
        commit(0);
    }

    /** The position just after the last line end in the file (0 when it has none), read backwards in blocks. */
    private static long lastLineEnd(java.nio.channels.FileChannel ch, int unit) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
        long end = ch.size();
        int after = -1; // the byte just after the block being read (-1: none, the end of the file)
        while (end > 0) {
            long start = Math.max(0, end - buf.capacity());
            buf.clear().limit((int) (end - start));
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
                // read the block whole
            }
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                long pos = start + i;
                int next = i + 1 < buf.limit() ? buf.get(i + 1) : after;
                if (buf.get(i) == '\n' && (unit == 1 || (pos & 1) == 0 && next == 0)) {
                    return pos + unit;
                }
            }
            after = buf.get(0);
            end = start;
        }
        return 0;
    }

    /**
     * Finishes the file, cuts it back to the end of its last whole line (an output stopped by its budget: a
     * line longer than what was held back went through in part), and renames it over the target. {@code unit}
     * 2 for UTF-16LE text, whose line end is 0A 00 at an even position.
     */
    public void commitToLastLine(int unit) throws IOException {
        commit(unit);
    }

    private void commit(int lineUnit) throws IOException {
        if (done) {
            return;
        }
        try {
            stream.close();
            if (lineUnit > 0) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(temp,
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    ch.truncate(lastLineEnd(ch, lineUnit));
                }
            }
            guard.beforeReplace(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING); // same folder: rename(2) all the same
            }
            done = true;
            PENDING.remove(temp);
        } finally {
            if (!done) {
                close();
            }
        }
    }

    /** Without {@link #commit}: removes the temporary file; the target is as it was. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException e) {
            // the file is removed anyway
        } finally {
            Files.deleteIfExists(temp);
            PENDING.remove(temp);
        }
    }

    private static void removePending() {
        for (Path p : PENDING) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException e) {
                // exiting anyway
            }
        }
    }
}
