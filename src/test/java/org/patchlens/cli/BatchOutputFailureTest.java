package org.patchlens.cli;

import static org.patchlens.testing.LongPaths.deepFolder;
import static org.patchlens.cli.BatchFolder.earlierManifest;
import static org.patchlens.cli.BatchFolder.manifest;
import static org.patchlens.cli.BatchFolder.names;
import static org.patchlens.cli.BatchFolder.small;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * {@code hive dump DIR -o OUTDIR} when an output cannot be written, with failures the file system really gives
 * (root gets them too): a name too long for the output folder's path (ENAMETOOLONG, when the temporary file is
 * created), a file larger than the process may write (EFBIG under {@code ulimit -f}, as on a FAT32 disk), a full
 * disk (ENOSPC on a small tmpfs, mounted in a mount namespace of the child's own, so no one else sees it). One
 * output's failure costs that hive only; a failure that would cost every hive left stops the batch with one line.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BatchOutputFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSONL output of a batch: every line an object whose source is {@code hive}; the number of keys. */
    private static int keys(Path jsonl, Path hive) throws IOException {
        List<String> lines = Files.readAllLines(jsonl);
        for (String line : lines) {
            assertEquals(hive.toString(), JSON.readTree(line).get("source").asText(), line);
        }
        return lines.size();
    }

    @Test
    void anOutputWhoseNameTheFileSystemRefusesCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        Path longHive = small(ev, "L".repeat(180), 1); // first in path order
        Path software = small(ev, "SOFTWARE", 2);
        Path system = small(ev, "SYSTEM", 3);
        // 4,000 bytes of folder: SYSTEM.jsonl's temporary name fits under PATH_MAX (4,096), the 180-byte name's not
        Path out = deepFolder(work, 4000);
        Path refused = out.resolve("L".repeat(180) + ".jsonl");
        CliRun r = CliRun.of("hive", "dump", ev.toString(), "-o", out.toString());
        String why = refused + ": File name too long (creating its temporary file beside it; the file was not written)";
        assertEquals("patchlens: " + why + "\n", r.err());
        assertEquals(2, r.exit(), r.err());
        assertEquals("2 of 3 hives dumped into " + out + " (jsonl)\n", r.out());
        assertEquals(new TreeSet<>(List.of("SOFTWARE.jsonl", "SYSTEM.jsonl", "manifest.tsv")), names(out));
        assertEquals(3, keys(out.resolve("SOFTWARE.jsonl"), software));
        assertEquals(3, keys(out.resolve("SYSTEM.jsonl"), system));
        List<String[]> rows = manifest(out);
        assertEquals(3, rows.size());
        assertEquals(List.of(longHive.toString(), "", "", "", why),
                List.of(rows.get(0)[0], rows.get(0)[5], rows.get(0)[6], rows.get(0)[7], rows.get(0)[10]),
                "the row of the hive read but not written: its output empty, its counts unknown, the reason");
        assertEquals(List.of(software.toString(), "SOFTWARE.jsonl", "3", ""),
                List.of(rows.get(1)[0], rows.get(1)[5], rows.get(1)[6], rows.get(1)[10]));
        assertEquals(List.of(system.toString(), "SYSTEM.jsonl", "3", ""),
                List.of(rows.get(2)[0], rows.get(2)[5], rows.get(2)[6], rows.get(2)[10]));
    }

    @Test
    void anOutputFolderThatTakesNoFileStopsTheBatchBeforeItsFirstHive(@TempDir Path dir, @TempDir Path work)
            throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        for (int i = 1; i <= 6; i++) {
            small(ev, "H" + i, i);
        }
        // 4,080 bytes of folder: no temporary name fits under PATH_MAX, the manifest's neither (it is written first)
        Path out = deepFolder(work, 4080);
        CliRun r = CliRun.of("hive", "dump", ev.toString(), "-o", out.toString());
        assertEquals("patchlens: " + out.resolve("manifest.tsv") + ": File name too long (creating its temporary file "
                + "beside it; the file was not written); the batch did not start: it writes its manifest first (0 of 6 "
                + "hives dumped into " + out + ")\n", r.err());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(Set.of(), names(out));
    }

    /**
     * B's output turned into evidence (a hive copied to its name) between the batch's planning and B's rename: the
     * check before the rename refuses to replace it, and says so plainly (not "I/O error: ..."); it costs B only, and
     * the evidence is left as it is.
     */
    @Test
    void anOutputThatBecameEvidenceSinceThePlanIsNotReplacedAndSaysWhy(@TempDir Path dir, @TempDir Path work)
            throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        Path a = small(ev, "A", 1);
        Path b = small(ev, "B", 2);
        small(ev, "C", 3);
        Path out = work.resolve("dumps");
        Path target = out.resolve("B.jsonl");
        byte[] hive = Files.readAllBytes(a);
        HiveDumpCommand.afterCheck = f -> {
            if (f.equals(b)) {
                try {
                    Files.write(target, hive);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        CliRun r = CliRun.of("hive", "dump", ev.toString(), "-o", out.toString());
        String why = target + ": refusing to replace it: it holds evidence (a registry hive); outputs never replace "
                + "evidence, even with --force (checked again before the rename: it changed since it was first checked; "
                + "the file was not written)";
        assertEquals("patchlens: " + why + "\n", r.err());
        assertEquals(2, r.exit());
        assertEquals("2 of 3 hives dumped into " + out + " (jsonl)\n", r.out());
        assertArrayEquals(hive, Files.readAllBytes(target), "the evidence left as it is");
        assertEquals(new TreeSet<>(List.of("A.jsonl", "B.jsonl", "C.jsonl", "manifest.tsv")), names(out));
        List<String[]> rows = manifest(out);
        assertEquals(List.of(b.toString(), "", why), List.of(rows.get(1)[0], rows.get(1)[5], rows.get(1)[10]));
    }

    @AfterEach
    void noHook() {
        HiveDumpCommand.afterCheck = null;
    }

    /**
     * The output folder moved away and a file put in its place once A is dumped, as B's turn comes: B's output
     * cannot be created, nor any file there (the batch stops), nor the manifest at the stop. The manifest the batch
     * wrote as it started, moved away with A's output, still says this run did not finish: it is not the one an
     * earlier run left there.
     */
    @Test
    void aBatchStoppedWhereItsManifestCannotBeWrittenLeavesTheOneWrittenAsItStarted(@TempDir Path dir,
            @TempDir Path work) throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        Path a = small(ev, "A", 1);
        Path b = small(ev, "B", 2);
        Path c = small(ev, "C", 3);
        Path out = work.resolve("dumps");
        Path moved = work.resolve("moved");
        earlierManifest(out);
        HiveDumpCommand.afterCheck = f -> {
            try {
                if (f.equals(b)) {
                    waitFor(out.resolve("A.jsonl")); // written by the other core's worker
                    Files.move(out, moved);
                    Files.createFile(out);
                } else if (f.equals(c)) {
                    waitFor(moved); // not written before the move, on whichever worker it runs
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        CliRun r = CliRun.of("hive", "dump", ev.toString(), "-o", out.toString());
        assertEquals("patchlens: " + out.resolve("B.jsonl") + ": Not a directory (creating its temporary file beside it; "
                + "the file was not written); the batch stopped: no file can be created in " + out + " any more (Not a "
                + "directory) (1 of 3 hives dumped into " + out + "; manifest.tsv not written (Not a directory): it stays "
                + "as written when the batch started, saying it did not finish)\n", r.err());
        assertEquals(2, r.exit());
        assertEquals(new TreeSet<>(List.of("A.jsonl", "manifest.tsv")), names(moved));
        List<String[]> rows = manifest(moved);
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            Path h = List.of(a, b, c).get(i);
            assertEquals(List.of(h.toString(), "", "", "", h + ": the batch did not finish: this manifest was written as "
                    + "it started, before this hive's turn"), List.of(rows.get(i)[0], rows.get(i)[1], rows.get(i)[2],
                    rows.get(i)[5], rows.get(i)[10]));
        }
    }

    private static void waitFor(Path p) throws InterruptedException {
        for (int i = 0; i < 2000 && !Files.exists(p); i++) {
            Thread.sleep(5);
        }
    }

    private record Child(int exit, String out, String err) {
    }

    /** The real main in a child JVM run by bash with {@code script} before it ({@code "$@"} is the JVM). */
    private static Child child(Path dir, String script, List<String> jvmOptions, String... args) throws Exception {
        Assumptions.assumeTrue(new java.io.File("/bin/bash").canExecute(), "no bash");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", script, "bash",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C"); // the system's reasons in its own words: English
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        return new Child(p.exitValue(), out, err);
    }

    /** A file-size limit of 32 KiB (ulimit -f counts 512-byte blocks; the JVM ignores SIGXFSZ: write gives EFBIG). */
    private static final String FILE_SIZE_LIMIT = "ulimit -f 64 && exec \"$@\"";

    /** A hive of about 200 KB, whose JSONL is well over 32 KiB. */
    private static byte[] big() {
        return HiveBuilder.synthetic(5, 200_000, 7).toBytes();
    }

    @Test
    void anOutputTooLargeForTheFileSystemCostsOnlyItsHive(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        Path a = small(ev, "A", 1);
        Path b = Files.write(ev.resolve("B"), big());
        Path c = small(ev, "C", 3);
        Path out = work.resolve("dumps");
        Child r = child(dir, FILE_SIZE_LIMIT, List.of(), "hive", "dump", ev.toString(), "-o", out.toString());
        String why = out.resolve("B.jsonl") + ": File too large (the file was not written)";
        assertEquals("patchlens: " + why + "\n", r.err());
        assertEquals(2, r.exit());
        assertEquals("2 of 3 hives dumped into " + out + " (jsonl)\n", r.out());
        assertEquals(new TreeSet<>(List.of("A.jsonl", "C.jsonl", "manifest.tsv")), names(out),
                "no partial output, no temporary file");
        assertEquals(3, keys(out.resolve("A.jsonl"), a));
        assertEquals(3, keys(out.resolve("C.jsonl"), c));
        List<String[]> rows = manifest(out);
        assertEquals(List.of(b.toString(), "", why), List.of(rows.get(1)[0], rows.get(1)[5], rows.get(1)[10]));
        assertEquals(List.of("A.jsonl", "C.jsonl"), List.of(rows.get(0)[5], rows.get(2)[5]));
    }

    /**
     * Over a folder that holds an earlier run's manifest: the manifest is this run's, a row for every hive, those not
     * dumped saying why (the five that failed, their own failure; those after, the stop's reason, or their own failure
     * when they were under way as the batch stopped).
     */
    @Test
    void outputsFailingOneAfterTheOtherStopTheBatchAfterFive(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path ev = Files.createDirectories(dir.resolve("ev"));
        byte[] big = big();
        for (int i = 1; i <= 8; i++) {
            Files.write(ev.resolve("B" + i), big);
        }
        Path out = work.resolve("dumps");
        earlierManifest(out);
        Child r = child(dir, FILE_SIZE_LIMIT, List.of(), "hive", "dump", ev.toString(), "-o", out.toString());
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            want.add("patchlens: " + out.resolve("B" + i + ".jsonl") + ": File too large (the file was not written)");
        }
        String stop = "5 outputs in a row could not be written";
        want.add("patchlens: " + out.resolve("B5.jsonl") + ": File too large (the file was not written); the batch "
                + "stopped: " + stop + " (0 of 8 hives dumped into " + out + "; manifest.tsv says which)");
        assertEquals(want, r.err().lines().toList(), "one line each up to the fifth, which stops the batch");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(Set.of("manifest.tsv"), names(out), "no partial output, no temporary file");
        List<String[]> rows = manifest(out);
        assertEquals(8, rows.size());
        for (int i = 1; i <= 8; i++) {
            String[] row = rows.get(i - 1);
            Path hive = ev.resolve("B" + i);
            String failed = out.resolve("B" + i + ".jsonl") + ": File too large (the file was not written)";
            assertEquals(List.of(hive.toString(), ""), List.of(row[0], row[5]));
            if (i <= 5 || !row[10].equals(failed)) {
                assertEquals(i <= 5 ? failed : hive + ": not dumped: the batch stopped: " + stop, row[10]);
            }
        }
    }

    @Test
    void aFullDiskStopsTheBatchAtOnce(@TempDir Path dir, @TempDir Path work) throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/bin/unshare").canExecute(), "no unshare");
        Path ev = Files.createDirectories(dir.resolve("ev"));
        small(ev, "A", 1);
        // about 2.5 MB of hive: its JSONL does not fit in the 4 MiB tmpfs
        Files.write(ev.resolve("B"), HiveBuilder.synthetic(5, 2_500_000, 11).toBytes());
        for (String name : List.of("C", "D", "E")) {
            small(ev, name, name.charAt(0));
        }
        Path mnt = Files.createDirectories(work.resolve("mnt"));
        Path copy = Files.createDirectories(work.resolve("copy"));
        Path out = mnt.resolve("dumps");
        // a mount namespace of the child's own (gone with it): mount, run, copy what the run left, give its exit code
        // (a manifest.tsv of an earlier run in the folder, put there once the disk is mounted)
        String script = "unshare -m true 2>/dev/null || exit 97; unshare -m /bin/bash -c 'mount -t tmpfs -o size=4m tmpfs \"$0\" || exit 97; "
                + "mkdir \"$0/dumps\" && cp \"$EARLIER\" \"$0/dumps/manifest.tsv\" || exit 96; "
                + "\"$@\"; rc=$?; cp -a \"$0/.\" \"$COPY/\"; exit $rc' \"$MNT\" \"$@\"";
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", script, "bash"));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "hive", "dump", ev.toString(), "-o", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("MNT", mnt.toString());
        pb.environment().put("COPY", copy.toString());
        Path earlier = Files.createDirectories(work.resolve("earlier"));
        earlierManifest(earlier);
        pb.environment().put("EARLIER", earlier.resolve("manifest.tsv").toString());
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        Assumptions.assumeTrue(p.exitValue() != 97, "no mount namespace or tmpfs here: " + err);
        // one worker (one processor): A written, B fills the disk, C, D and E not started
        String full = "the disk holding " + out + " is full";
        String why = out.resolve("B.jsonl") + ": No space left on device (the file was not written)";
        assertEquals("patchlens: " + why + "; the batch stopped: " + full + " (1 of 5 hives dumped into " + out
                + "; manifest.tsv says which)\n", err);
        assertEquals(2, p.exitValue());
        assertEquals("", stdout);
        assertEquals(Set.of("A.jsonl", "manifest.tsv"), names(copy.resolve("dumps")), "no partial output, no temporary file");
        assertEquals(3, keys(copy.resolve("dumps/A.jsonl"), ev.resolve("A")));
        // the disk had room again for the manifest once B's temporary file was removed: it replaced the earlier one
        List<String[]> rows = manifest(copy.resolve("dumps"));
        assertEquals(5, rows.size());
        assertEquals(List.of(ev.resolve("A").toString(), "A.jsonl", ""), List.of(rows.get(0)[0], rows.get(0)[5],
                rows.get(0)[10]));
        assertEquals(List.of(ev.resolve("B").toString(), "", why), List.of(rows.get(1)[0], rows.get(1)[5], rows.get(1)[10]));
        for (int i = 2; i < 5; i++) {
            Path h = ev.resolve(String.valueOf((char) ('A' + i)));
            assertEquals(List.of(h.toString(), "", h + ": not dumped: the batch stopped: " + full),
                    List.of(rows.get(i)[0], rows.get(i)[5], rows.get(i)[10]));
        }
    }
}
