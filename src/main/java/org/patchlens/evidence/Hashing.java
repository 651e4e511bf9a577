package org.patchlens.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.patchlens.InputFile;

/** SHA-256 of a file, read once, read-only. */
public final class Hashing {
    private Hashing() {
    }

    /**
     * The SHA-256 of a regular file; anything else (a FIFO, a device, a folder, a missing file) is an
     * {@link org.patchlens.InputException} before anything is opened ({@link InputFile#check}).
     */
    public static String sha256(Path file) throws IOException {
        return sha256(InputFile.check(file));
    }

    /** The SHA-256 of bytes already read (a file read once for its hash and its parsing). */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The SHA-256 of a buffer's bytes between its position and its limit (the buffer itself is not moved). */
    public static String sha256(java.nio.ByteBuffer bytes) {
        MessageDigest md = digest();
        md.update(bytes.duplicate());
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /**
     * The SHA-256 of the {@link InputFile#size} bytes the check saw: a file that grows while it is
     * hashed is hashed as it was at the check (and never read forever); one that shrinks is an
     * {@link IOException}, since its hash would match neither state.
     */
    public static String sha256(InputFile file) throws IOException {
        MessageDigest md = digest();
        long left = file.size();
        try (FileChannel ch = file.open()) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(1, left)));
            while (left > 0) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), left));
                int n = ch.read(buf);
                if (n < 0) {
                    throw new IOException(file.name() + ": the file became shorter while it was hashed ("
                            + (file.size() - left) + " of " + file.size() + " bytes read)");
                }
                md.update(buf.array(), 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
