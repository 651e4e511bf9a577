package org.patchlens.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run the {@code patchlens} launcher records its class-data archive from (AppCDS,
 * {@code -XX:ArchiveClassesAtExit}), once after each build: the common commands, run in this one
 * JVM on the bundled demo evidence with their output thrown away, so that the archive holds the
 * classes of every one of them. Recorded from whatever command happened to run first instead, the
 * archive of a {@code --version} run would leave a dump loading and verifying its classes from the
 * jar on every run. Prints nothing; exits 0 even if a command fails (the archive is only an aid).
 */
public final class ClassArchiveTraining {
    private ClassArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        train();
    }

    /** Runs the training command lines; returns those that ended in a usage or read error (exit 2). */
    static List<String> train() throws IOException {
        List<String> failed = new java.util.ArrayList<>();
        Path tmp = Files.createTempDirectory("patchlens-cds");
        try {
            Path e = BundledDemo.extractDefault(tmp.resolve("evidence"));
            Path out = Files.createDirectories(tmp.resolve("out"));
            String system = e.resolve("NODE1/system32/config/SYSTEM").toString();
            String software = e.resolve("NODE1/system32/config/SOFTWARE").toString();
            String store = e.resolve("D/exchsrvr/MDBDATA/PRIV.EDB").toString();
            List<List<String>> lines = List.of(
                    List.of("--version"),
                    List.of("--help"),
                    List.of("check", "--demo"),
                    List.of("check", "--demo", "--format", "jsonl"),
                    List.of("check", "--demo", "-o", out.resolve("check.xlsx").toString()),
                    List.of("hive", "dump", system),
                    List.of("hive", "dump", system, "--format", "csv"),
                    List.of("hive", "dump", system, "--format", "text"),
                    List.of("hive", "dump", system, software, "-o", out.resolve("dumps").toString()),
                    List.of("hive", "dump", system, "-o", out.resolve("system.xlsx").toString()),
                    List.of("hive", "info", system),
                    List.of("hive", "ls", system),
                    List.of("hive", "get", system, "Select", "Current"),
                    List.of("hive", "diff", system, software),
                    List.of("ese", "header", store));
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            for (List<String> line : lines) {
                int code;
                try {
                    code = Main.run(line.toArray(String[]::new), nowhere, nowhere);
                } catch (RuntimeException ex) {
                    code = Main.BAD_INPUT; // it still loaded its classes; the real run reports the error
                }
                if (code == Main.BAD_INPUT) {
                    failed.add(String.join(" ", line));
                }
            }
        } finally {
            BundledDemo.deleteTree(tmp);
        }
        return failed;
    }
}
