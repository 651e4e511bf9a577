package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's input cut short by another process while it is mapped: the next read of it faults, which the JVM throws
 * as an InternalError that no command catches (picocli lets an Error by). {@link Main#run} makes it the file's one
 * line and exit 2, for every command; {@code hive dump} of one hive cuts its file at a known point
 * ({@link HiveDumpCommand#afterOpen}), on the fast path and through picocli (--debug adds the trace).
 */
class MappedInputCutShortTest {
    @AfterEach
    void noHook() {
        HiveDumpCommand.afterOpen = null;
    }

    private static CliRun cutOnceOpen(Path hive, String... args) {
        HiveDumpCommand.afterOpen = f -> {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return CliRun.of(args);
    }

    @Test
    void aHiveCutShortWhileItIsDumpedIsOneLineNamingIt(@TempDir Path dir, @TempDir Path work) throws Exception {
        Path hive = BatchFolder.small(dir, "SYSTEM", 1);
        long size = Files.size(hive);
        Path out = work.resolve("system.jsonl");
        CliRun r = cutOnceOpen(hive, "hive", "dump", hive.toString(), "-o", out.toString());
        assertEquals("patchlens: " + hive + ": the file became shorter while it was read (" + size
                + " bytes when opened, 0 now)\n", r.err());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(java.util.Set.of(), BatchFolder.names(work), "no output, no temporary file");
    }

    @Test
    void throughPicocliTooWithTheTraceOnDebug(@TempDir Path dir) throws Exception {
        Path hive = BatchFolder.small(dir, "SYSTEM", 1);
        long size = Files.size(hive);
        CliRun r = cutOnceOpen(hive, "--debug", "hive", "dump", hive.toString(), "--format", "text");
        List<String> lines = r.err().lines().toList();
        assertEquals("patchlens: " + hive + ": the file became shorter while it was read (" + size
                + " bytes when opened, 0 now)", lines.get(0));
        assertTrue(r.err().contains("Caused by: java.lang.InternalError: a fault occurred"), r.err());
        assertEquals(2, r.exit());
        assertFalse(r.out().contains("Select"), "the dump stopped at the fault");
    }
}
