package org.patchlens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.InputFile;
import org.patchlens.hive.LogFiles;
import picocli.CommandLine.Option;

/**
 * The transaction-log options every hive command shares (a Picocli mixin): by default the
 * logs beside the hive (FILE.LOG, FILE.LOG1, FILE.LOG2, any case) are replayed in memory when
 * the hive is dirty; {@code --log} names them instead; {@code --no-logs} reads the hive as found.
 */
final class LogOptions {
    @Option(names = "--log", paramLabel = "LOGFILE",
            description = {"A transaction log of the hive (repeatable). Default: FILE.LOG, FILE.LOG1 and FILE.LOG2",
                "beside the hive, names compared case-insensitively. Logs are applied only to a dirty hive.",
                "A log that is not a regular file (a FIFO, a folder) is an error (exit 2), never opened."})
    List<Path> logs = new ArrayList<>();

    @Option(names = "--no-logs", description = "Read the hive as found: do not apply transaction logs.")
    boolean noLogs;

    /** No options given: the logs beside the hive. */
    static LogOptions auto() {
        return new LogOptions();
    }

    /** --log names the logs of one hive: a usage error when the run reads {@code several}. */
    void requireOneHive(boolean several) {
        if (several && !logs.isEmpty()) {
            throw new UsageException("--log names the logs of one hive; with several hives the logs beside each are used");
        }
    }

    /** The logs to use for {@code hive}: none with --no-logs, the named ones, or those found beside it. */
    List<Path> resolve(Path hive) {
        return resolve(hive, null);
    }

    /** As {@link #resolve(Path)}; {@code beside}, when not null, the logs a folder walk found beside the hive. */
    List<Path> resolve(Path hive, List<Path> beside) {
        if (noLogs && !logs.isEmpty()) {
            throw new UsageException("--no-logs and --log cannot be combined");
        }
        if (noLogs) {
            return List.of();
        }
        if (!logs.isEmpty()) {
            for (Path l : logs) {
                InputFile.check(l); // LOGFILE: not a regular file (a FIFO) | no such file | symbolic link loop
            }
            try {
                LogFiles.slots(logs);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return List.copyOf(logs);
        }
        return beside != null ? beside : LogFiles.beside(hive);
    }
}
