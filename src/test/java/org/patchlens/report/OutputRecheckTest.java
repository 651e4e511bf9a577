package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
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

    /** What happens to the target between planning and the rename. */
    private interface Meanwhile {
        void run(Path target) throws Exception;
    }

    /** Plans {@code target}, writes a line, lets {@code meanwhile} act on the target, then commits. */
    private static void planWriteCommit(Path target, Meanwhile meanwhile) throws Exception {
        Output to = Output.plan(SPEC, null, target, false, List.of());
        try (Output.Sink sink = to.open(new PrintWriter(new StringWriter()))) {
            sink.bytes().write("{\"new\":true}\n".getBytes(StandardCharsets.US_ASCII));
            meanwhile.run(target);
            sink.commit();
        }
    }

    /** The commit is refused for holding {@code what}, and the target keeps {@code content}. */
    private void assertNeverReplaced(Path target, Meanwhile meanwhile, String what, byte[] content) throws Exception {
        IOException e = assertThrows(IOException.class, () -> planWriteCommit(target, meanwhile));
        assertTrue(e.getMessage().contains("refusing to replace it: it holds evidence (" + what + ")"), e.getMessage());
        assertArrayEquals(content, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
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
        planWriteCommit(target, t -> { });
        assertEquals("{\"new\":true}\n", Files.readString(target));
        planWriteCommit(target, t -> { }); // again: the same file, checked twice over
        assertEquals("{\"new\":true}\n", Files.readString(target));
    }

    @Test
    void aTargetRewrittenInPlaceAsAHiveIsNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "{\"old\":true}\n");
        byte[] hive = hive();
        assertNeverReplaced(target, t -> Files.write(t, hive), "a registry hive", hive); // the same inode
    }

    @Test
    void aHiveRenamedOverTheTargetIsNeverReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "{\"old\":true}\n");
        byte[] hive = hive();
        assertNeverReplaced(target, t -> Files.move(Files.write(dir.resolve("other"), hive), t,
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE), "a registry hive", hive);
    }

    /**
     * The hardest swap: the same file, the same size, its modification time set back; only the change time
     * (which no user can set) tells. The second check must still read it.
     */
    @Test
    void aSameSizeRewriteWithItsModificationTimeSetBackIsStillCaught() throws Exception {
        byte[] text = "x".repeat(63).concat("\n").getBytes(StandardCharsets.US_ASCII);
        Path target = Files.write(dir.resolve("out.jsonl"), text);
        FileTime mtime = Files.getLastModifiedTime(target);
        byte[] ese = text.clone();
        ByteBuffer.wrap(ese).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x89ABCDEF); // an ESE header's magic
        assertNeverReplaced(target, t -> {
            Thread.sleep(20); // a change time of its own, even on a coarse clock
            try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(ese));
            }
            Files.setLastModifiedTime(t, mtime);
        }, "an ESE header", ese);
        assertEquals(text.length, Files.size(target));
        assertEquals(mtime, Files.getLastModifiedTime(target));
    }
}
