package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * An output's target is checked when the output is planned and again just before the rename: a file that turns
 * into evidence in between (rewritten in place, or another file renamed over it) is never replaced, and a target
 * left as it was is replaced.
 */
class OutputRecheckTest {
    @TempDir
    Path dir;

    private static final Output.Spec SPEC = Output.Spec.of("test", OutputFormat.JSONL);

    /** Plans {@code target}, writes a line, lets {@code meanwhile} act on the target, then commits. */
    private static void planWriteCommit(Path target, BiConsumer<Path, Path> meanwhile, Path dir) throws IOException {
        Output to = Output.plan(SPEC, null, target, false, List.of());
        try (Output.Sink sink = to.open(new PrintWriter(new StringWriter()))) {
            sink.bytes().write("{\"new\":true}\n".getBytes(StandardCharsets.US_ASCII));
            meanwhile.accept(target, dir);
            sink.commit();
        }
    }

    private static byte[] hive() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        return b.toBytes();
    }

    @Test
    void aTargetLeftAsItWasIsReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "{\"old\":true}\n");
        planWriteCommit(target, (t, d) -> { }, dir);
        assertEquals("{\"new\":true}\n", Files.readString(target));
        planWriteCommit(target, (t, d) -> { }, dir); // again: the same file, checked twice over
        assertEquals("{\"new\":true}\n", Files.readString(target));
    }

    @Test
    void aTargetRewrittenInPlaceAsAHiveIsNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "{\"old\":true}\n");
        byte[] hive = hive();
        IOException e = assertThrows(IOException.class, () -> planWriteCommit(target, (t, d) -> {
            try {
                Files.write(t, hive); // the same file (inode), new content
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }, dir));
        assertTrue(e.getMessage().contains("refusing to replace it: it holds evidence (a registry hive)"),
                e.getMessage());
        assertArrayEquals(hive, Files.readAllBytes(target));
        assertEquals(List.of(target), Files.list(dir).toList(), "no temporary file left behind");
    }

    @Test
    void aHiveRenamedOverTheTargetIsNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "{\"old\":true}\n");
        byte[] hive = hive();
        IOException e = assertThrows(IOException.class, () -> planWriteCommit(target, (t, d) -> {
            try {
                Path other = Files.write(d.resolve("other"), hive);
                Files.move(other, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }, dir));
        assertTrue(e.getMessage().contains("refusing to replace it: it holds evidence (a registry hive)"),
                e.getMessage());
        assertArrayEquals(hive, Files.readAllBytes(target));
    }

    /**
     * The hardest swap: the same file, the same size, its modification time set back; only the change time
     * (which no user can set) tells. The second check must still read it.
     */
    @Test
    void aSameSizeRewriteWithItsModificationTimeSetBackIsStillCaught() throws Exception {
        byte[] text = "x".repeat(63).concat("\n").getBytes(StandardCharsets.US_ASCII);
        Path target = Files.write(dir.resolve("out.jsonl"), text);
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(target);
        byte[] ese = text.clone();
        java.nio.ByteBuffer.wrap(ese).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 0x89ABCDEF); // an ESE header's magic
        IOException e = assertThrows(IOException.class, () -> planWriteCommit(target, (t, d) -> {
            try {
                Thread.sleep(20); // a change time of its own, even on a coarse clock
                try (var ch = java.nio.channels.FileChannel.open(t, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(ese));
                }
                Files.setLastModifiedTime(t, mtime);
            } catch (IOException | InterruptedException x) {
                throw new IllegalStateException(x);
            }
        }, dir));
        assertEquals(text.length, Files.size(target));
        assertEquals(mtime, Files.getLastModifiedTime(target));
        assertTrue(e.getMessage().contains("refusing to replace it: it holds evidence (an ESE header)"), e.getMessage());
        assertArrayEquals(ese, Files.readAllBytes(target));
    }
}
