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
import org.patchlens.report.AtomicFile;
import org.patchlens.report.HiveWorkbooks;
import org.patchlens.report.Output;
import org.patchlens.report.XlsxBook;
import picocli.CommandLine.Model.CommandSpec;

/** The .xlsx outputs of the hive commands: the report package's writers into the planned output. */
final class Workbooks {
    private Workbooks() {
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

    static long[] dump(Hive hive, Key start, Path file, Output output, boolean deterministic,
                       CommandSpec spec, List<org.patchlens.hive.DeletedRecords.Item> recovered, Progress progress)
            throws IOException {
        try (AtomicFile out = output.openFile()) {
            return HiveWorkbooks.dump(hive, start, input(file), out,
                    options("patchlens hive dump " + file.getFileName(), deterministic,
                            "the JSONL dump (patchlens hive dump FILE --format jsonl)"), run(spec), recovered, progress::key);
        } finally {
            progress.done();
        }
    }

    static long diff(Hive ha, Key ka, Path a, Hive hb, Key kb, Path b, String pathA, String pathB, Output output,
                     boolean deterministic, CommandSpec spec) throws IOException {
        try (HiveWorkbooks.Diff d = new HiveWorkbooks.Diff(options("patchlens hive diff " + a.getFileName() + " "
                + b.getFileName(), deterministic, "the JSONL diff (patchlens hive diff A B --format jsonl)"));
             AtomicFile out = output.openFile()) {
            long n = HiveDiff.compare(ka, kb, d);
            d.save(ha, input(a), pathA, hb, input(b), pathB, out, run(spec));
            return n;
        }
    }
}
