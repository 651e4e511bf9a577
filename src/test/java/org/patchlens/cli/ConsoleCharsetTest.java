package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * The real {@code main} and its stdout, in a child JVM: under a C locale output is UTF-8 whatever the
 * locale says (Java 17 would write '?' for every character outside ASCII), a file name the platform
 * cannot represent is a usage error on one line, not a stack trace, a reader that closes stdout
 * early ({@code | head}) ends every command quietly with exit 141, and a stdout or -o file that cannot
 * take the output (a full disk) is exit 2 and one line naming it.
 */
class ConsoleCharsetTest {
    private record Result(int exit, byte[] out, String err) {
    }

    private static Result main(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LC_CTYPE");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void aDumpUnderTheCLocaleIsUtf8(@TempDir Path dir) throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Grüße€").sz("Straße", "naïve ™");
        Path hive = b.write(dir.resolve("NTUSER.DAT"));
        Result r = main(dir, "hive", "dump", hive.toString());
        assertEquals(0, r.exit(), r.err());
        String out = new String(r.out(), StandardCharsets.UTF_8);
        assertTrue(out.contains("\"path\":\"\\\\Grüße€\""), out);
        assertTrue(out.contains("\"name\":\"Straße\""), out);
        assertTrue(out.contains("\"value\":\"naïve ™\""), out);
        assertFalse(out.contains("?"), out);
    }

    @Test
    void aFileNameOutsideTheLocaleIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        for (String[] args : List.of(new String[] {"hive", "dump", "/nonexistent/Grüße"},
                new String[] {"hive", "dump", "x", "-o", "/nonexistent/Grüße.jsonl"},
                new String[] {"hive", "info", "/nonexistent/Grüße"})) {
            Result r = main(dir, args);
            assertEquals(2, r.exit(), r.err());
            assertFalse(r.err().contains("Exception in thread") || r.err().contains("\tat "), r.err());
            assertTrue(r.err().startsWith("patchlens: "), r.err());
        }
    }


    @Test
    void aReaderThatClosesStdoutEarlyEndsTheDumpQuietly(@TempDir Path dir) throws Exception {
        Path hive = HiveBuilder.synthetic(5, 2 << 20, 3).write(dir.resolve("SYSTEM"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "hive", "dump", hive.toString())
                .directory(dir.toFile()).start();
        p.getOutputStream().close();
        byte[] first = p.getInputStream().readNBytes(100);
        assertEquals(100, first.length);
        p.getInputStream().close(); // as head does after its first lines
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Main.READER_LEFT, p.exitValue(), err);
        assertEquals("", err);
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Commands that write to stdout in each of its ways: the UTF-8 bytes, the PrintWriter, picocli's help. */
    private static List<String[]> stdoutCommands(Path dir) throws Exception {
        String h = HiveBuilder.synthetic(5, 1 << 20, 3).write(dir.resolve("SYSTEM")).toString();
        String other = HiveBuilder.synthetic(5, 1 << 20, 4).write(dir.resolve("SYSTEM.other")).toString();
        return List.of(new String[] {"hive", "dump", h}, new String[] {"hive", "dump", h, "--format", "listing"},
                new String[] {"hive", "info", h}, new String[] {"hive", "timeline", h},
                new String[] {"hive", "diff", h, other}, new String[] {"rules"}, new String[] {"--help"});
    }

    @Test
    void aReaderThatLeftBeforeAnythingWasWrittenIsExit141ForEveryCommand(@TempDir Path dir) throws Exception {
        for (String[] args : stdoutCommands(dir)) {
            Process p = new ProcessBuilder(java(args)).directory(dir.toFile()).start();
            p.getOutputStream().close();
            p.getInputStream().close(); // no reader at all: the first write is EPIPE, whatever the output's size
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(Main.READER_LEFT, p.exitValue(), String.join(" ", args) + "\n" + err);
            assertEquals("", err, String.join(" ", args));
        }
    }

    @Test
    void aFullStdoutIsExitTwoAndOneLineNamingStdout(@TempDir Path dir) throws Exception {
        java.io.File full = new java.io.File("/dev/full"); // every write: ENOSPC
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "no /dev/full");
        for (String[] args : stdoutCommands(dir)) {
            Process p = new ProcessBuilder(java(args)).directory(dir.toFile()).redirectOutput(full).start();
            p.getOutputStream().close();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), String.join(" ", args) + "\n" + err);
            assertEquals("patchlens: stdout: No space left on device (the output is incomplete)\n", err,
                    String.join(" ", args));
        }
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsNamedAndNothingIsLeftBehind(@TempDir Path dir) throws Exception {
        // a file-size limit (ulimit -f, in 512-byte blocks) fails the write as a full disk would: the JVM
        // ignores SIGXFSZ, so write(2) returns EFBIG ("File too large")
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/bash").canExecute(), "no bash");
        Path hive = HiveBuilder.synthetic(5, 2 << 20, 3).write(Files.createDirectories(dir.resolve("ev")).resolve("SYSTEM"));
        Path out = java.nio.file.Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("x.jsonl"),
                "the earlier file\n");
        for (String format : List.of("jsonl", "csv")) {
            Path target = format.equals("jsonl") ? out : out.resolveSibling("x.csv");
            List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
            cmd.addAll(java("hive", "dump", hive.toString(), "-o", target.toString()));
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            p.getOutputStream().close();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), err);
            assertEquals("patchlens: " + target + ": File too large (the file was not written)\n", err);
            assertEquals("", stdout);
            try (java.util.stream.Stream<Path> left = Files.list(out.getParent())) {
                assertEquals(List.of(out), left.toList(), "no partial output, no temporary file");
            }
            assertEquals("the earlier file\n", Files.readString(out));
        }
    }
}
