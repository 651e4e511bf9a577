package org.patchlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths near the system's limit (PATH_MAX, 4096 bytes with its NUL on Linux): a real way, even as root, to make a
 * file that a walk lists but cannot look at (ENAMETOOLONG), or a folder that takes no file.
 */
public final class LongPaths {
    private LongPaths() {
    }

    /** A folder whose absolute path is exactly {@code length} bytes (ASCII), made of 200-byte names. */
    public static Path deepFolder(Path base, int length) throws IOException {
        Path p = base.toAbsolutePath();
        while (p.toString().length() + 1 + 200 + 1 + 1 < length) {
            p = p.resolve("d".repeat(200));
        }
        p = p.resolve("e".repeat(length - p.toString().length() - 1));
        assertEquals(length, p.toString().length());
        return Files.createDirectories(p);
    }
}
