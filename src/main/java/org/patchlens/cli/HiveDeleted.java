package org.patchlens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.Hive;
import org.patchlens.report.DeletedWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deleted", mixinStandardHelpOptions = true,
        description = {"Keys and values recovered from free cells, cell slack and unreferenced cells.",
            "Each is labelled deleted, stale-copy (a free copy of a live value: name, type and data equal),",
            "recovered-from-slack, unreferenced, or reallocated (its data cell is in use again, so the data is",
            "unreliable). Paths are rebuilt through parent offsets; <unknown> marks a path whose",
            "upper part is gone. A dirty hive is scanned after its logs are replayed (--no-logs: as found).",
            "Exit code 1 when anything was recovered, 0 when nothing was. Fields: docs/replay.md."},
        footer = {"", "Examples:",
            "  patchlens hive deleted NTUSER.DAT",
            "  patchlens hive deleted SYSTEM --format csv -o deleted.csv",
            "  patchlens hive deleted SOFTWARE --no-logs --format text"})
final class HiveDeleted implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Mixin
    LogOptions logs;

    static final Output.Spec OUTPUT = Output.Spec.of("hive deleted", DeletedWriter.FORMATS);

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl, csv or text (default: jsonl, or the -o "
            + "name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (.jsonl, .csv, .txt) instead "
            + "of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output out = Output.plan(OUTPUT, format, output, force, HiveSupport.inputs(file, logs));
        try (Hive hive = HiveSupport.open(file, logs)) {
            List<DeletedRecords.Item> items = DeletedRecords.scan(hive);
            OutputBudget.Exceeded cut = null;
            try (Output.Sink sink = out.open(spec.commandLine().getOut()).limit(OutputBudget.forInput(hive.fileSize()))) {
                try {
                    DeletedWriter.write(items, out.format(), sink.writer());
                } catch (OutputBudget.Exceeded e) {
                    cut = e;
                }
                sink.commit();
            }
            HiveSupport.written(out, items.size() + " recovered record" + (items.size() == 1 ? "" : "s"),
                    spec.commandLine().getOut());
            int code = HiveSupport.finish(hive, spec.commandLine().getErr());
            if (cut != null) {
                code = HiveSupport.cut(cut, hive, spec.commandLine().getErr());
            }
            return code != Main.OK ? code : items.isEmpty() ? Main.OK : Main.FINDINGS;
        }
    }
}
