package org.patchlens;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one check every reader makes before it opens a path: the path is a regular file (symbolic
 * links followed once, to the real path), else one line naming the path and what it is instead.
 * The check only asks the file system about the path ({@code stat}); it never opens it, so a FIFO,
 * {@code /dev/zero} or a socket cannot make it block or read forever.
 *
 * <p>Readers then open {@link #realPath} (not the name again) and read at most {@link #size} bytes,
 * the size seen here: a file that grows while it is read is read as it was at the check.
 *
 * @param path     the path as given (used in messages)
 * @param realPath the path with every symbolic link resolved
 * @param size     the file size at the check
 */
public record InputFile(Path path, Path realPath, long size) {

    /** Checks that {@code path} is a regular file; throws a one-line {@link InputException} if it is not. */
    public static InputFile check(Path path) {
        String name = path.toString();
        BasicFileAttributes a = attributes(path, false);
        if (!a.isRegularFile()) {
            throw new InputException(name, "not a regular file (" + kind(path, a) + ")");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw failure(path, e, false);
        }
        return new InputFile(path, real, a.size());
    }

    /**
     * Whether {@code a} and {@code b} are one file (the same path, or the same file key: a link, a hard link, another
     * spelling); false when either is null or cannot be looked at.
     */
    public static boolean sameFile(Path a, Path b) {
        try {
            return a != null && b != null && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks that {@code path} is a folder (symbolic links followed once); returns its real path.
     * Messages: {@code DIR: not a folder (a FIFO)}, {@code DIR: no such folder}, {@code DIR: symbolic link loop}.
     */
    public static Path folder(Path path) {
        BasicFileAttributes a = attributes(path, true);
        if (!a.isDirectory()) {
            throw new InputException(path.toString(), "not a folder (" + kind(path, a) + ")");
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw failure(path, e, true);
        }
    }

    /** The name as given, for messages. */
    public String name() {
        return path.toString();
    }

    /** Opens the checked file read-only, by its real path. */
    public FileChannel open() throws IOException {
        return FileChannel.open(realPath, StandardOpenOption.READ);
    }

    /**
     * The first {@code min(size, limit)} bytes mapped read-only (fewer if the file has shrunk since the
     * check; never more than the check saw). An empty buffer for an empty file.
     */
    public ByteBuffer map(long limit) throws IOException {
        try (FileChannel ch = open()) {
            long n = Math.min(Math.min(size, limit), ch.size());
            if (n <= 0) {
                return ByteBuffer.allocate(0);
            }
            ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, n);
            synchronized (MAPPINGS) {
                if (MAPPINGS.size() >= sweepAt) {
                    MAPPINGS.removeIf(m -> m.buffer().get() == null);
                    sweepAt = Math.max(64, 2 * MAPPINGS.size());
                }
                MAPPINGS.addFirst(new Mapping(this, n, Thread.currentThread().getId(), new WeakReference<>(mapped)));
            }
            return mapped;
        }
    }

    /**
     * The mappings {@link #map} made, newest first, for {@link #cutShort} to tell which file a fault came from. The
     * buffer is held weakly: once no slice of it is referenced it is unmapped by the garbage collector, and forgotten.
     */
    private static final Deque<Mapping> MAPPINGS = new ArrayDeque<>();

    /**
     * The size at which the mappings no longer in use are forgotten, doubled past what is left each time: a weak
     * reference is cleared only by a collection, so a scan mapping the headers of 100,000 files would keep thousands,
     * and walking them at every mapping would be quadratic; this way it costs constant time per mapping on average.
     */
    private static int sweepAt = 64;

    private record Mapping(InputFile file, long length, long thread, WeakReference<ByteBuffer> buffer) {
    }

    /**
     * A fault reading a mapped file ({@code InternalError: a fault occurred in ... unsafe memory access operation}):
     * the file was cut short by another process while it was mapped, and a page past its new end was read. As one
     * line naming that file ({@code F: the file became shorter while it was read (8192 bytes when opened, 0 now)}):
     * of the mappings still in use, this thread's first, newest first, the first whose file is now shorter than
     * was mapped. Throws {@code e} itself when it is no such fault, or no mapped file is shorter now (then it is a
     * fault of the JVM's own, to be reported as one).
     */
    public static InputException cutShort(InternalError e) {
        if (e.getMessage() == null || !e.getMessage().contains("unsafe memory access")) {
            throw e;
        }
        long self = Thread.currentThread().getId();
        for (boolean mine : new boolean[] {true, false}) {
            List<Mapping> mappings;
            synchronized (MAPPINGS) {
                mappings = List.copyOf(MAPPINGS);
            }
            for (Mapping m : mappings) {
                if ((m.thread() == self) != mine || m.buffer().get() == null) {
                    continue;
                }
                long now;
                try {
                    now = Files.size(m.file().realPath());
                } catch (IOException x) {
                    continue; // removed or replaced since: that alone does not fault a mapping
                }
                if (now < m.length()) {
                    return new InputException(m.file().name(), "the file became shorter while it was read ("
                            + m.file().size() + " bytes when opened, " + now + " now)", e);
                }
            }
        }
        throw e;
    }

    /**
     * As {@link #read(int)}, into {@code reuse} when it is long enough (else into a new array): the bytes read,
     * from position 0 to the limit of the returned buffer, whose array the caller may pass again for the next
     * file (a batch reads one hive after another without a new array and fresh memory for each).
     */
    public ByteBuffer read(int limit, byte[] reuse) throws IOException {
        try (FileChannel ch = open()) {
            int n = (int) Math.max(0, Math.min(Math.min(size, limit), ch.size()));
            ByteBuffer b = ByteBuffer.wrap(reuse != null && reuse.length >= n ? reuse : new byte[n], 0, n);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // until n bytes or the end of the file
            }
            return b.flip();
        }
    }

    /** The first {@code min(size, limit)} bytes read into memory (fewer if the file has shrunk since the check). */
    public byte[] read(int limit) throws IOException {
        try (FileChannel ch = open()) {
            int n = (int) Math.min(Math.min(size, limit), ch.size());
            ByteBuffer b = ByteBuffer.allocate(Math.max(0, n));
            while (b.hasRemaining() && ch.read(b) > 0) {
                // until n bytes or the end of the file
            }
            return b.position() == b.capacity() ? b.array() : java.util.Arrays.copyOf(b.array(), b.position());
        }
    }

    // ------------------------------------------------------------------ the check

    private static BasicFileAttributes attributes(Path path, boolean folder) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class); // follows links; stat, no open
        } catch (IOException e) {
            throw failure(path, e, folder);
        }
    }

    /**
     * Why a name given as text may not reach the file: U+FFFD is what Java 17 makes of bytes that are not valid
     * UTF-8 in an argument (under the UTF-8 locale the launcher sets), and it cannot be turned back into those
     * bytes, so Java opens, or creates, a file of another name. A folder's listing keeps a name's bytes.
     */
    public static final String NOT_UTF8 = "the name is not valid UTF-8 (shown with U+FFFD) and Java cannot ";

    /** Whether the name as given holds U+FFFD (see {@link #NOT_UTF8}). */
    public static boolean notUtf8(String name) {
        return name.indexOf('\uFFFD') >= 0;
    }

    /** "no such file" (or folder), saying why when the name holds U+FFFD: the file may well be there. */
    public static String missing(String name, boolean folder) {
        String missing = folder ? "no such folder" : "no such file";
        return !notUtf8(name) ? missing : missing + ": " + NOT_UTF8 + "open a file by it " + (folder
                ? "(rename the folder, or give the folder above it: walking a folder finds such names)"
                : "(rename the file, or give its folder: walking a folder finds such files)");
    }

    /** A file that could not be opened or read, as one line naming it: {@link #failure(Path, IOException, boolean)}. */
    public static InputException failure(Path path, IOException e) {
        return failure(path, e, false);
    }

    private static InputException failure(Path path, IOException e, boolean folder) {
        String name = path.toString();
        String missing = missing(name, folder);
        if (e instanceof NoSuchFileException) {
            return new InputException(name, Files.isSymbolicLink(path) ? missing + " (a symbolic link to a missing target)"
                    : missing, e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(name, "permission denied", e);
        }
        if (e instanceof FileSystemException f) {
            if (isLinkLoop(path, f)) {
                return new InputException(name, "symbolic link loop", e);
            }
            String r = f.getReason() == null ? "" : f.getReason().toLowerCase(Locale.ROOT);
            if (r.contains("not a directory")) { // a component of the path is a file: nothing is there
                return new InputException(name, missing, e);
            }
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new InputException(name, "cannot read: " + (reason == null ? e.toString() : reason), e);
    }

    /** ELOOP from the system, or a chain of links that comes back to itself. */
    private static boolean isLinkLoop(Path path, FileSystemException e) {
        String r = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
        if (r.contains("levels of symbolic links") || r.contains("symbolic link loop") || r.contains("eloop")) {
            return true;
        }
        Set<Path> seen = new HashSet<>();
        Path cur = path.toAbsolutePath().normalize();
        try {
            for (int i = 0; i < 64; i++) {
                if (!Files.isSymbolicLink(cur)) {
                    return false;
                }
                if (!seen.add(cur)) {
                    return true;
                }
                Path target = Files.readSymbolicLink(cur);
                Path parent = cur.getParent();
                cur = (parent == null ? target : parent.resolve(target)).toAbsolutePath().normalize();
            }
        } catch (IOException | RuntimeException x) {
            return false;
        }
        return true;
    }

    /** What a path that is not a regular file is: "a folder", "a FIFO", "a character device", ... */
    private static String kind(Path path, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        if (a.isRegularFile()) {
            return "a regular file";
        }
        try {
            Object mode = Files.getAttribute(path, "unix:mode"); // stat again, no open
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "a FIFO";
                    case 0020000:
                        return "a character device";
                    case 0060000:
                        return "a block device";
                    case 0140000:
                        return "a socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // no unix view (Windows): the generic name below
        }
        return a.isSymbolicLink() ? "a symbolic link" : "a device or other special file";
    }
}
