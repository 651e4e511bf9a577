package org.patchlens.cli;

import static org.patchlens.cli.BatchFolder.manifest;
import static org.patchlens.cli.BatchFolder.names;
import static org.patchlens.cli.BatchFolder.small;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * {@code hive dump ... -o OUTDIR} when a hive cannot be read or hashed once its turn comes, with failures the system
 * really gives: a file that reads shorter than its size (a sysfs attribute: 4096 bytes by stat, a few by read), a file
 * the process may not open (mode 000, or a write-only sysfs attribute for root), a hive removed, or replaced by a
 * folder, after it passed the input check ({@link HiveDumpCommand#afterCheck} makes that change at that point, not by
 * a race). Each costs its hive only: one stderr line naming the file and the reason, its manifest row with that line
 * and no output, the other hives dumped, exit 2 at the end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BatchInputFailureTest {

    @AfterEach
    void noHook() {
        HiveDumpCommand.afterCheck = null;
        HiveDumpCommand.afterOpen = null;
        HiveDumpCommand.readOnceLimit = HiveDumpCommand.READ_ONCE_LIMIT;
    }

    /**
     * Runs {@code hive dump A BAD C -o OUTDIR} (BAD named on the command line, or found in a folder with A and C) and
     * checks what a hive that cannot be read costs: that line once on stderr, exit 2, A and C dumped, BAD's row.
     */
    private static void costsOnlyItsHive(Path bad, String why, Path out, List<String> args, Path a, Path c)
            throws IOException {
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals("patchlens: " + why + "\n", r.err(), "one line, naming the file and the reason");
        assertEquals(2, r.exit(), r.err());
        assertEquals("2 of 3 hives dumped into " + out + " (jsonl)\n", r.out());
        assertEquals(new TreeSet<>(List.of("A.jsonl", "C.jsonl", "manifest.tsv")), names(out));
        assertEquals(3, Files.readAllLines(out.resolve("A.jsonl")).size());
        assertEquals(3, Files.readAllLines(out.resolve("C.jsonl")).size());
        List<String[]> rows = manifest(out);
        assertEquals(3, rows.size());
        assertEquals(List.of(a.toString(), "A.jsonl", ""), List.of(rows.get(0)[0], rows.get(0)[5], rows.get(0)[10]));
        assertEquals(List.of(bad.toString(), "", "", "", why),
                List.of(rows.get(1)[0], rows.get(1)[1], rows.get(1)[5], rows.get(1)[6], rows.get(1)[10]),
                "not hashed, not dumped: its row says why");
        assertEquals(List.of(c.toString(), "C.jsonl", ""), List.of(rows.get(2)[0], rows.get(2)[5], rows.get(2)[10]));
    }

    /** A sysfs attribute: a regular file of 4096 bytes by stat, of which a read gives only what it holds. */
    private static Path shortFile() throws IOException {
        for (String s : List.of("/sys/kernel/profiling", "/sys/kernel/mm/transparent_hugepage/enabled",
                "/sys/kernel/uevent_helper", "/sys/power/state")) {
            Path p = Path.of(s);
            if (Files.isRegularFile(p) && Files.isReadable(p)) {
                try {
                    if (Files.size(p) > Files.readAllBytes(p).length) {
                        return p;
                    }
                } catch (IOException e) {
                    // not readable after all: the next
                }
            }
        }
        Assumptions.abort("no sysfs attribute that reads shorter than its size");
        return null;
    }

    @Test
    void aHiveThatReadsShorterThanItsSizeCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path shrunk = shortFile();
        Path a = small(dir, "A", 1);
        Path c = small(dir, "C", 3);
        Path out = work.resolve("dumps");
        int read = Files.readAllBytes(shrunk).length;
        String why = shrunk + ": the file became shorter while it was hashed (" + read + " of " + Files.size(shrunk)
                + " bytes read)";
        costsOnlyItsHive(shrunk, why, out, List.of("hive", "dump", a.toString(), shrunk.toString(), c.toString(), "-o",
                out.toString()), a, c);
    }

    /** A file the process may not open although stat sees a regular file: mode 000, or for root a write-only sysfs attribute. */
    private static Path unopenable(Path dir) throws IOException {
        Path f = small(dir, "B", 2);
        Files.setPosixFilePermissions(f, Set.of());
        if (deniedOnOpen(f)) {
            return f;
        }
        for (String s : List.of("/sys/bus/pci/rescan", "/sys/bus/platform/drivers_probe", "/sys/bus/pci/drivers_probe")) {
            Path p = Path.of(s);
            if (Files.isRegularFile(p) && deniedOnOpen(p)) {
                return p;
            }
        }
        Assumptions.abort("every file opens here");
        return null;
    }

    private static boolean deniedOnOpen(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return false;
        } catch (AccessDeniedException e) {
            return true;
        }
    }

    @Test
    void aHiveTheProcessMayNotOpenCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path a = small(dir, "A", 1);
        Path denied = unopenable(dir);
        Path c = small(dir, "C", 3);
        Path out = work.resolve("dumps");
        costsOnlyItsHive(denied, denied + ": permission denied", out, List.of("hive", "dump", a.toString(),
                denied.toString(), c.toString(), "-o", out.toString()), a, c);
    }

    /** A folder A, B, C dumped with {@code change} made to B once it passed the input check. */
    private static void changedAfterTheCheck(Path dir, Path work, Consumer<Path> change, String reason)
            throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        Path a = small(ev, "A", 1);
        Path b = small(ev, "B", 2);
        Path c = small(ev, "C", 3);
        Path out = work.resolve("dumps");
        HiveDumpCommand.afterCheck = f -> {
            if (f.equals(b)) {
                change.accept(f);
            }
        };
        costsOnlyItsHive(b, b + ": " + reason, out, List.of("hive", "dump", ev.toString(), "-o", out.toString()), a, c);
    }

    @Test
    void aHiveRemovedWhenItsTurnCameCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work) throws Exception {
        changedAfterTheCheck(dir, work, f -> {
            try {
                Files.delete(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "no such file; it was removed or renamed after the batch found it");
    }

    /**
     * A hive over the size read into memory is mapped: cut short by another process under its mapping (the limit
     * lowered, so that a small hive is mapped, and B cut to nothing once open), its dump faults (an InternalError).
     */
    @Test
    void aMappedHiveCutShortWhileItIsDumpedCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        Path a = small(ev, "A", 1);
        Path b = small(ev, "B", 2);
        Path c = small(ev, "C", 3);
        long size = Files.size(b);
        Path out = work.resolve("dumps");
        HiveDumpCommand.readOnceLimit = 0;
        HiveDumpCommand.afterOpen = f -> {
            if (f.equals(b)) {
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        costsOnlyItsHive(b, b + ": the file became shorter while it was read (" + size + " bytes when opened, 0 now)",
                out, List.of("hive", "dump", ev.toString(), "-o", out.toString()), a, c);
    }

    @Test
    void aHiveReplacedByAFolderWhenItsTurnCameCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work)
            throws Exception {
        changedAfterTheCheck(dir, work, f -> {
            try {
                Files.delete(f);
                Files.createDirectory(f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "not a regular file (a folder); it was replaced after the batch found it");
    }
}
