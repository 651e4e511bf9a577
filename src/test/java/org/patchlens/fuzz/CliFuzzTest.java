package org.patchlens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.patchlens.hive.FuzzSeeds;

/**
 * The hive commands end to end on fuzzed files: whatever the bytes, each command exits 0 or 1
 * (with a damage count on stderr when there is damage) or 2 with exactly one line, and never
 * prints a stack trace or an internal error.
 */
@Timeout(10)
class CliFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.hives();
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("patchlens-clifuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String[][] COMMANDS = {
        {"hive", "info", "$H"},
        {"hive", "info", "--format", "json", "$H"},
        {"hive", "ls", "$H"},
        {"hive", "ls", "$H", "ControlSet001\\Services"},
        {"hive", "get", "$H", "\\"},
        {"hive", "get", "$H", "Select", "Current", "--data"},
        {"hive", "dump", "$H"},
        {"hive", "dump", "$H", "--format", "csv"},
        {"hive", "dump", "$H", "--format", "text"},
        {"hive", "dump", "$H", "--format", "listing"},
        {"hive", "timeline", "$H", "--format", "jsonl"},
        {"hive", "export-reg", "$H", "-o", "$O"},
        {"hive", "diff", "$H", "$H"},
        {"hive", "artifacts", "$H"},
        {"hive", "artifacts", "$H", "--format", "text"},
        {"hive", "artifacts", "$H", "--hive-type", "SYSTEM", "--format", "csv"},
        {"hive", "search", "$H", "--literal", "a", "--deleted", "--format", "jsonl"},
    };

    private static final String[][] ESE_COMMANDS = {
        {"ese", "header", "$H"},
        {"ese", "checkpoint", "$H"},
        {"ese", "log", "$H"},
        {"ese", "logs", "$D"},
    };

    /** The ese commands on a fuzzed file (a builder-made header with bytes overwritten, or raw bytes). */
    @FuzzTest(maxDuration = "5m")
    void eseCommands(FuzzedDataProvider in) throws IOException {
        String[] template = ESE_COMMANDS[in.consumeInt(0, ESE_COMMANDS.length - 1)];
        byte[] bytes;
        if (in.consumeBoolean()) {
            byte[][] seeds = {org.patchlens.ese.EseBuilder.Database.current(8192).bytes(),
                new org.patchlens.ese.EseBuilder.Checkpoint().bytes(), org.patchlens.ese.EseBuilder.Log.current().bytes()};
            bytes = seeds[in.consumeInt(0, seeds.length - 1)];
            int n = in.consumeInt(0, 6);
            for (int i = 0; i < n; i++) {
                bytes[in.consumeInt(0, bytes.length - 1)] = in.consumeByte();
            }
        } else {
            bytes = in.consumeRemainingAsBytes();
        }
        Path dir = Files.createDirectories(DIR.resolve("ese"));
        Path file = dir.resolve(template[1].equals("logs") ? "E00.log" : "file.edb");
        Files.write(file, bytes);
        String[] args = new String[template.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = template[i].replace("$H", file.toString()).replace("$D", dir.toString());
        }
        CommandContract.check(args);
        Files.delete(file);
    }

    @FuzzTest(maxDuration = "5m")
    void hiveCommands(FuzzedDataProvider in) throws IOException {
        String[] template = COMMANDS[in.consumeInt(0, COMMANDS.length - 1)];
        byte[] bytes;
        if (in.consumeBoolean()) {
            // a seed with a few bytes overwritten
            bytes = SEEDS.get(in.consumeInt(0, SEEDS.size() - 1)).clone();
            int n = in.consumeInt(0, 6);
            for (int i = 0; i < n; i++) {
                bytes[in.consumeInt(0, bytes.length - 1)] = in.consumeByte();
            }
        } else {
            bytes = in.consumeRemainingAsBytes();
        }
        Path hive = DIR.resolve("evidence").resolve("hive");
        Files.createDirectories(hive.getParent());
        Files.write(hive, bytes);
        Path out = DIR.resolve("out.reg");
        String[] args = new String[template.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = template[i].replace("$H", hive.toString()).replace("$O", out.toString());
        }
        CommandContract.check(args);
    }
}
