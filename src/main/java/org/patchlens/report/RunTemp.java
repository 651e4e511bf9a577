package org.patchlens.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * The one place a run keeps temporary files (POI's sheet files, the extracted demo evidence): a folder
 * of its own, created on first use under the system temp folder with owner-only permissions, removed at
 * the end of the run ({@link #end}) and at exit. Nothing is shared with other runs or other users: POI's
 * default would use one {@code poifiles} folder for every user of the machine, which fails for the second
 * user when the first one created it.
 */
public final class RunTemp {
    private static Path dir;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunTemp::end, "patchlens-temp-cleanup"));
    }

    private RunTemp() {
    }

    /** POI's side, loaded only when a workbook is made (a dump to stdout never loads POI). */
    private static final class Poi {
        static {
            TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {
                @Override
                public File createTempFile(String prefix, String suffix) throws IOException {
                    return Files.createTempFile(folder(), prefix, suffix).toFile();
                }

                @Override
                public File createTempDirectory(String prefix) throws IOException {
                    return Files.createTempDirectory(folder(), prefix).toFile();
                }
            });
        }

        static void install() {
            // the static initializer does the work, once
        }
    }

    /** Routes POI's temporary files here: called before any workbook is made (further calls do nothing). */
    public static void install() {
        Poi.install();
    }

    /** This run's private folder, created on first use (mode 0700 where the file system has POSIX permissions). */
    public static synchronized Path folder() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(base, "patchlens-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(base, "patchlens-");
        }
        return dir;
    }

    /** Removes the folder and everything in it; the next use makes a new one. */
    public static synchronized void end() {
        Path d = dir;
        dir = null;
        if (d == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort at the end of a run
        }
    }
}
