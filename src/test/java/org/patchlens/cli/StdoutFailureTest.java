package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.EseBuilder;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.ConsoleOut;

/**
 * Every command with a stdout that fails, in-process through {@link ConsoleOut} (as {@code main} has it):
 * a full disk is exit 2 and one line naming stdout and the reason, whatever the command and wherever the
 * write fails; a reader that went away (EPIPE) is exit {@link Main#READER_LEFT} and no line. The real
 * process (a /dev/full, a closed pipe) is in {@link ConsoleCharsetTest}.
 */
class StdoutFailureTest {
    private static final String FULL = "patchlens: stdout: No space left on device (the output is incomplete)";

    @TempDir
    static Path tmp;
    static List<String[]> commands = new ArrayList<>();

    @BeforeAll
    static void evidence() throws IOException {
        Path hive = FuzzSeeds.sampler(5).write(tmp.resolve("SYSTEM"));
        HiveBuilder c = FuzzSeeds.sampler(5);
        c.key("Select").dword("Current", 2);
        c.key("NewKey").sz("x", "y");
        Path changed = c.write(tmp.resolve("CHANGED"));
        byte[][] replay = FuzzSeeds.replays().get(0);
        Path dd = Files.createDirectories(tmp.resolve("dirty"));
        Path dirty = Files.write(dd.resolve("SYSTEM"), replay[0]);
        Files.write(dd.resolve("SYSTEM.LOG1"), replay[1]);
        Path logs = Files.createDirectories(tmp.resolve("mdbdata"));
        InputKindsTest.writeLogSet(logs);
        Path db = Files.write(tmp.resolve("priv1.edb"), EseBuilder.Database.current(8192).set("state", 3).bytes());
        String h = hive.toString();
        for (String f : List.of("jsonl", "csv", "listing")) {
            commands.add(new String[] {"hive", "dump", h, "--format", f});
        }
        commands.add(new String[] {"hive", "info", h});
        commands.add(new String[] {"hive", "info", h, "--format", "json"});
        commands.add(new String[] {"hive", "ls", h});
        commands.add(new String[] {"hive", "get", h, "Select"});
        commands.add(new String[] {"hive", "search", h, "--key", "."});
        commands.add(new String[] {"hive", "artifacts", h});
        commands.add(new String[] {"hive", "timeline", h});
        commands.add(new String[] {"hive", "diff", h, changed.toString()});
        commands.add(new String[] {"hive", "replay", dirty.toString()});
        commands.add(new String[] {"hive", "history", dirty.toString()});
        commands.add(new String[] {"check", "--demo"});
        commands.add(new String[] {"ese", "header", db.toString()});
        commands.add(new String[] {"ese", "logs", logs.toString()});
        commands.add(new String[] {"rules"});
        commands.add(new String[] {"rules", "--format", "jsonl"});
        commands.add(new String[] {"hive", "dump", "--help"});
    }

    /** A stdout that takes {@code room} bytes, then fails every write with {@code reason}. */
    private static final class Failing extends OutputStream {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        final long room;
        final String reason;

        Failing(long room, String reason) {
            this.room = room;
            this.reason = reason;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (taken.size() + len > room) {
                throw new IOException(reason);
            }
            taken.write(b, off, len);
        }
    }

    private record Run(int exit, List<String> err) {
    }

    private static Run run(OutputStream stdout, boolean pipe, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, ConsoleOut.over(stdout, StandardCharsets.UTF_8, pipe), new PrintWriter(err));
        return new Run(code, err.toString().lines().toList());
    }

    /** What the command prints on stdout when nothing fails, and its exit code. */
    private static int normal(ByteArrayOutputStream out, String... args) {
        Run r = run(out, false, args);
        assertTrue(r.exit() == 0 || r.exit() == 1, String.join(" ", args) + " " + r);
        assertTrue(out.size() > 0, String.join(" ", args) + ": prints nothing");
        return r.exit();
    }

    @Test
    void aFullDiskIsExitTwoAndOneLineNamingStdoutForEveryCommand() {
        for (String[] args : commands) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            normal(all, args);
            for (long room : new long[] {0, all.size() / 2}) {
                String what = String.join(" ", args) + " (full after " + room + " bytes)";
                Run r = run(new Failing(room, "No space left on device"), false, args);
                assertEquals(2, r.exit(), what + "\n" + r.err());
                assertEquals(FULL, r.err().get(r.err().size() - 1), what);
                assertEquals(1, r.err().stream().filter(l -> l.contains("stdout") || l.contains("I/O error")).count(),
                        what + "\n" + r.err());
            }
        }
    }

    @Test
    void aReaderThatLeftIsExit141AndNoLineForEveryCommand() {
        for (String[] args : commands) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            normal(all, args);
            for (long room : new long[] {0, all.size() / 2}) {
                String what = String.join(" ", args) + " (closed after " + room + " bytes)";
                Run r = run(new Failing(room, "Broken pipe"), false, args);
                assertEquals(Main.READER_LEFT, r.exit(), what + "\n" + r.err());
                assertTrue(r.err().stream().noneMatch(l -> l.contains("stdout") || l.contains("I/O error")
                        || l.contains("pipe")), what + "\n" + r.err());
            }
        }
    }

    @Test
    void aPipeWhoseErrorIsWordedInAnotherLanguageIsStillAReaderThatLeft() {
        // glibc words EPIPE in the locale's language; a write to a pipe can only fail because its reader left
        Run r = run(new Failing(0, "Datenübergabe unterbrochen"), true, "rules");
        assertEquals(Main.READER_LEFT, r.exit(), r.err().toString());
        assertEquals(List.of(), r.err());
        Run file = run(new Failing(0, "Auf dem Gerät ist kein Speicherplatz mehr verfügbar"), false, "rules");
        assertEquals(2, file.exit());
        assertEquals(List.of("patchlens: stdout: Auf dem Gerät ist kein Speicherplatz mehr verfügbar (the output is "
                + "incomplete)"), file.err());
    }

    @Test
    void withDebugAFullDiskAlsoHasTheStackTrace() {
        Run r = run(new Failing(0, "No space left on device"), false, "hive", "info",
                tmp.resolve("SYSTEM").toString(), "--debug");
        assertEquals(2, r.exit());
        assertEquals(FULL, r.err().get(0));
        assertTrue(r.err().size() > 1 && r.err().get(1).startsWith("java.io.IOException: No space left on device"),
                r.err().toString());
    }

    @Test
    void nothingIsWrittenAfterTheFirstFailure() throws IOException {
        // a gap in the middle of the output, with lines after it, would hide where the output is incomplete
        int[] calls = {0};
        OutputStream once = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (calls[0]++ == 0) {
                    throw new IOException("Interrupted system call");
                }
            }
        };
        ConsoleOut out = ConsoleOut.over(once, StandardCharsets.UTF_8, false);
        out.print("a");
        out.flush();
        out.print("b");
        out.flush();
        assertEquals(1, calls[0]);
        assertFalse(out.readerLeft());
        assertEquals("Interrupted system call", out.failure().getMessage());
    }
}
