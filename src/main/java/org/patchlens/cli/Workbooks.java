package org.patchlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.Key;
import org.patchlens.report.HiveWorkbooks;
import org.patchlens.report.XlsxBook;
import picocli.CommandLine.Model.CommandSpec;

/** The -o *.xlsx path of the hive commands: evidence checks, then the report package's writer. */
final class Workbooks {
    private Workbooks() {
    }

    /** Refuses a --format given together with an .xlsx output (the name chooses the format). */
    static void noFormat(CommandSpec spec, Path output) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            throw new UsageException(output + ": an .xlsx output is always a workbook; drop --format");
        }
    }

    static XlsxBook.Options options(String title, boolean deterministic, String jsonlHint) {
        return new XlsxBook.Options(Main.version(), title, deterministic, jsonlHint);
    }

    static HiveWorkbooks.Run run(CommandSpec spec) {
        return new HiveWorkbooks.Run(Main.version(), List.copyOf(spec.commandLine().getParseResult().originalArgs()),
                Instant.now());
    }

    static HiveWorkbooks.Input input(Path file) throws IOException {
        return new HiveWorkbooks.Input(file.toString(), Hashing.sha256(file), Files.size(file));
    }

    static void dump(Hive hive, Key start, Path file, Path output, boolean force, boolean deterministic,
                     CommandSpec spec, List<org.patchlens.hive.DeletedRecords.Item> recovered, Progress progress)
            throws IOException {
        noFormat(spec, output);
        Output.check(output, force, List.of(file));
        try {
            HiveWorkbooks.dump(hive, start, input(file), output,
                    options("patchlens hive dump " + file.getFileName(), deterministic,
                            "the JSONL dump (patchlens hive dump FILE --format jsonl)"), run(spec), recovered, progress::key);
        } finally {
            progress.done();
        }
    }

    static long diff(Hive ha, Key ka, Path a, Hive hb, Key kb, Path b, String pathA, String pathB, Path output,
                     boolean force, boolean deterministic, CommandSpec spec) throws IOException {
        noFormat(spec, output);
        Output.check(output, force, List.of(a, b));
        try (HiveWorkbooks.Diff d = new HiveWorkbooks.Diff(options("patchlens hive diff " + a.getFileName() + " "
                + b.getFileName(), deterministic, "the JSONL diff (patchlens hive diff A B --format jsonl)"))) {
            long n = HiveDiff.compare(ka, kb, d);
            d.save(ha, input(a), pathA, hb, input(b), pathB, output, run(spec));
            return n;
        }
    }
}
