package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.bench.BenchHives;
import org.patchlens.hive.FuzzSeeds;

/**
 * Temporary files, in a process of their own (a fresh JVM, so that nothing an earlier test set up in this
 * one hides the behaviour): each run keeps them in a private, owner-only folder it removes at exit, nothing
 * shared under the system temp folder; and a run stopped half way leaves no partial output.
 */
class TemporaryFilesTest {
    @TempDir
    Path tmp;

    private static Process start(Path systemTemp, Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + systemTemp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not finish");
        return new String(p.getInputStream().readAllBytes());
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }

    @Test
    void workbooksAreWrittenWhenAnotherUserOwnsPoisSharedFolder() throws Exception {
        // Another user made POI's shared "poifiles" folder first: this user cannot create files in it. Simulated
        // with a plain file of that name (which stops root too); POI's default strategy fails on either.
        Path systemTemp = Files.createDirectories(tmp.resolve("systemp"));
        Files.writeString(systemTemp.resolve("poifiles"), "someone else's");
        Path hive = Files.write(Files.createDirectories(tmp.resolve("ev")).resolve("SYSTEM"),
                FuzzSeeds.sampler(5).toBytes());
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (String[] args : List.of(new String[] {"check", "--demo", "-o", out.resolve("check.xlsx").toString()},
                new String[] {"hive", "dump", hive.toString(), "-o", out.resolve("dump.xlsx").toString()},
                new String[] {"hive", "diff", hive.toString(), hive.toString(), "-o", out.resolve("diff.xlsx").toString()})) {
            Process p = start(systemTemp, tmp, args);
            String output = finish(p);
            assertTrue(p.exitValue() <= 1, String.join(" ", args) + ": " + output);
            assertFalse(output.contains("AccessDenied") || output.contains("poifiles"), output);
        }
        for (String name : List.of("check.xlsx", "dump.xlsx", "diff.xlsx")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve(name)))) {
                assertEquals("Summary", wb.getSheetName(0), name);
            }
        }
        // nothing left in the system temp folder but what was there: each run removed its private folder
        assertEquals(List.of(systemTemp.resolve("poifiles")), contents(systemTemp));
    }

    @Test
    void aRunsTemporaryFolderIsPrivateToItsOwner() throws Exception {
        Path systemTemp = Files.createDirectories(tmp.resolve("systemp"));
        // a dump into a workbook large enough to keep POI's sheet file open while we look
        Path big = BenchHives.synthetic(4);
        Process p = start(systemTemp, tmp, "hive", "dump", big.toString(), "-o", tmp.resolve("big.xlsx").toString());
        Path folder = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); folder == null && System.nanoTime() < end; ) {
            try (Stream<Path> s = Files.list(systemTemp)) {
                folder = s.filter(x -> x.getFileName().toString().startsWith("patchlens-")).findFirst().orElse(null);
            }
            Thread.sleep(20);
        }
        assertTrue(folder != null, "the run made no folder of its own under the system temp folder");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
        assertEquals(PosixFilePermissions.fromString("rwx------"), perms, folder.toString());
        String output = finish(p);
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of(), contents(systemTemp), "the private folder is removed at the end of the run");
        assertTrue(Files.size(tmp.resolve("big.xlsx")) > 0);
    }

    @Test
    void aRunStoppedHalfWayLeavesNoPartialOutput() throws Exception {
        Path systemTemp = Files.createDirectories(tmp.resolve("systemp"));
        Path big = BenchHives.synthetic(24);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path target = out.resolve("big.csv");
        Files.writeString(target, "an earlier output\n");
        Process p = start(systemTemp, tmp, "hive", "dump", big.toString(), "-o", target.toString());
        // wait until the temporary file has grown, then stop the run as Ctrl-C or kill would (SIGTERM)
        Path temp = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < end; ) {
            try (Stream<Path> s = Files.list(out)) {
                temp = s.filter(x -> x.getFileName().toString().endsWith(".tmp")).findFirst().orElse(null);
            }
            if (temp != null && Files.exists(temp) && Files.size(temp) > (1 << 20)) {
                break;
            }
            Thread.sleep(10);
        }
        assertTrue(temp != null, "no temporary file seen beside the target");
        assertTrue(p.isAlive(), "the run finished before it could be stopped");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(target), contents(out), "the temporary file is removed; nothing else is left");
        assertEquals("an earlier output\n", Files.readString(target), "the earlier output is as it was");
        assertEquals(List.of(), contents(systemTemp));
    }
}
