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

        /** Throws when the target may not be replaced now, the reason as its message, without the target's name. */
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
                throw new WriteFailed(abs, CREATING, e);
            } catch (IOException e) {
                // the folder is gone or read-only, the name too long for it (ENAMETOOLONG), no inode left
                throw new WriteFailed(abs, CREATING, e);
            }
            PENDING.add(temp);
            return new AtomicFile(abs, temp, guard, new BufferedOutputStream(naming(os, abs), 1 << 16));
        }
    }

    private static final String CREATING = "creating its temporary file beside it";

    /**
     * Below this many bytes free on the target's file system when a write failed, the failure is taken for a full
     * disk ({@link WriteFailed#diskFull}): every later file there would fail too. A file system refuses a write
     * with some blocks still free (reserved for its own metadata), so not 0; 1 MiB is 16 of the stream's buffers.
     */
    static final long FULL_BELOW = 1L << 20;

    /**
     * The target could not be written: its temporary file could not be created, a write to it failed (a full disk, a
     * file too large for the file system), or it could not be renamed into place. Named after the target, which the
     * user knows, never the temporary file: {@code FILE: REASON (the file was not written)}.
     */
    public static final class WriteFailed extends java.nio.file.FileSystemException {
        private static final long serialVersionUID = 1L;

        private final String why;
        private final boolean diskFull;

        WriteFailed(Path target, IOException cause) {
            this(target, null, cause);
        }

        /** {@code doing}: what failed, when not a write ("creating its temporary file beside it"). */
        WriteFailed(Path target, String doing, IOException cause) {
            this(target, doing, cause, reason(cause));
        }

        private WriteFailed(Path target, String doing, IOException cause, String why) {
            super(target.toString(), null, why + " (" + (doing == null ? "" : doing + "; ") + "the file was not written)");
            initCause(cause);
            this.why = why;
            Path folder = target.getParent();
            this.diskFull = folder != null && freeBelow(folder, FULL_BELOW);
        }

        /** The system's reason alone ("No space left on device", "File name too long"). */
        public String why() {
            return why;
        }

        /**
         * Whether the target's file system had less than {@link #FULL_BELOW} bytes free for this process when it
         * failed (measured then, before the temporary file is removed): a full disk, which no later file escapes.
         */
        public boolean diskFull() {
            return diskFull;
        }
    }

    /** The reason of a failed file operation, without the file names Java puts in the message. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Whether the file system holding {@code folder} has less than {@code bytes} free; false when it cannot say. */
    private static boolean freeBelow(Path folder, long bytes) {
        try {
            return Files.getFileStore(folder).getUsableSpace() < bytes;
        } catch (IOException | RuntimeException e) {
            return false; // the folder is gone, say: that is not a full disk
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
                } catch (IOException e) {
                    throw new WriteFailed(target, "cutting its temporary file at its last whole line", e);
                }
            }
            try {
                guard.beforeReplace(target);
            } catch (IOException e) {
                // a file that became evidence, a folder put there: said as what it is, not as an I/O error
                throw new WriteFailed(target, "checked again before the rename: it changed since it was first checked", e);
            }
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING); // same folder: rename(2) all the same
                }
            } catch (IOException e) {
                // a folder put where the file goes, the folder removed meanwhile
                throw new WriteFailed(target, "renaming its temporary file to it", e);
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
