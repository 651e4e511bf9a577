package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --stage and --backup given wrong: one line naming the file or the value, exit 2, nothing on stdout. */
class CheckStageOptionsTest {
    @TempDir
    Path tmp;

    private static void refused(String line, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.err());
        assertEquals(line + "\n", r.err(), String.join(" ", args));
        assertEquals("", r.out(), "stdout");
    }

    /** A target folder (its content is read after the backup set is checked). */
    private String target() throws java.io.IOException {
        return Files.createDirectories(tmp.resolve("target")).toString();
    }

    /** --backup and --checkpoint take a file or a folder: a missing one is not only "no such file". */
    @Test
    void aMissingBackupIsNamedWithItsOption() {
        Path none = tmp.resolve("backup-typo");
        refused("patchlens: " + none + ": no such file or folder (given as --backup)", "check", "--demo", "--backup",
                none.toString());
        refused("patchlens: " + none + ": no such file or folder (given as --checkpoint)", "check", "--demo",
                "--checkpoint", none.toString());
    }

    /**
     * The target's folder given as the backup set too (check d --backup d), or a --backup folder holding it, was
     * taken without a word: every store file of the target was then read as the backup set's.
     */
    @Test
    void theTargetFolderIsNotAlsoTheBackupSet() throws Exception {
        String target = target();
        Path holder = tmp;
        refused("patchlens: " + target + ": given as --backup (the backup set, kept apart from the target) but it is "
                + "the target's folder DIR " + target + ": a store file is the target's or the backup set's, not both; "
                + "give the backup set's own folder (a subfolder of DIR that holds only the backup set will do)",
                "check", target, "--backup", target);
        refused("patchlens: " + holder + ": given as --backup (the backup set, kept apart from the target) but it holds "
                + "the target's --logs folder " + target + ": a store file is the target's or the backup set's, not "
                + "both; give the backup set's own folder (a subfolder of DIR that holds only the backup set will do)",
                "check", "--logs", target, "--backup", holder.toString());
    }

    @Test
    void aBackupFolderWithoutAStoreFileIsRefused() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "tape 7 of 9\n");
        refused("patchlens: " + empty + ": given as --backup but the folder holds no store file (no ESE database, "
                + "patch, checkpoint or log, no eseutil output)", "check", target(), "--backup", empty.toString());
    }

    @Test
    void aBackupFileThatIsNotAStoreFileSaysWhatItIs() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "what I did on the night of the restore\n");
        refused("patchlens: " + notes + ": given as --backup (a store file of the backup set) but it is not "
                + "evidence: no registry or ESE header (text file is not an eseutil /mh, /mk or /ml dump (no known "
                + "field labels))", "check", target(), "--backup", notes.toString());
    }

    @Test
    void aFifoAsBackupIsRefusedWithoutWaiting() throws Exception {
        Path fifo = tmp.resolve("pipe");
        try {
            Process pr = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            assumeTrue(pr.waitFor(10, TimeUnit.SECONDS) && pr.exitValue() == 0, "mkfifo failed");
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here");
        }
        refused("patchlens: " + fifo + ": not a regular file (a FIFO) (given as --backup)", "check", "--demo",
                "--backup", fifo.toString());
    }

    @Test
    void anUnknownStageIsAUsageError() {
        CliRun r = CliRun.of("check", "--demo", "--stage", "later");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("patchlens: Invalid value for option '--stage': expected auto, before-restore, "
                + "after-restore or after-patch but was 'later'\n"), r.err());
        assertEquals("", r.out());
    }
}
