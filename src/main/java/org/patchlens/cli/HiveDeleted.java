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
            "Exit code 1 when anything was recovered or the hive is damaged, 0 when nothing was, 2 for bad",
            "usage or an unreadable hive. Fields: docs/replay.md.",
            "Several FILEs or folders (searched for hives by content, links not followed) give one output,",
            "each record with its source (the hive's path)."},
        footer = {"", "Examples:",
            "  patchlens hive deleted NTUSER.DAT",
            "  patchlens hive deleted SYSTEM --format csv -o deleted.csv",
            "  patchlens hive deleted SOFTWARE --no-logs --format text",
            "  patchlens hive deleted evidence/ -o deleted.jsonl"})
final class HiveDeleted implements Callable<Integer> {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE|DIR",
            description = "The hive file(s), or folders searched for hives.")
    List<Path> files;

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
        if (files.size() > 1 || java.nio.file.Files.isDirectory(files.get(0))) {
            return many(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        Path file = files.get(0);
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

    /** Several hives (named, or found in folders by {@link HiveTree}): their records in one output, each with its source. */
    private int many(java.io.PrintWriter stdout, java.io.PrintWriter err) throws java.io.IOException {
        HiveTree.Tree tree = HiveTree.walk(files, false).require(files, err);
        logs.requireOneHive(true);
        Output out = Output.plan(OUTPUT, format, output, force, tree.inputs());
        List<DeletedWriter.Sourced> groups = new java.util.ArrayList<>();
        int code = Main.OK;
        long found = 0;
        for (HiveTree.Found h : tree.hives()) {
            try (Hive hive = HiveSupport.open(h, logs)) {
                List<DeletedRecords.Item> items = DeletedRecords.scan(hive);
                groups.add(new DeletedWriter.Sourced(h.path().toString(), items));
                found += items.size();
                code = Math.max(code, HiveSupport.finish(hive, err));
            } catch (RuntimeException e) {
                err.println("patchlens: " + Errors.oneLine(e));
                err.flush();
                code = Main.BAD_INPUT;
            }
        }
        if (groups.isEmpty()) {
            return tree.code(code);
        }
        OutputBudget.Exceeded cut = null;
        try (Output.Sink sink = out.open(stdout).limit(OutputBudget.forInput(tree.bytes()))) {
            try {
                DeletedWriter.writeSourced(groups, out.format(), sink.writer());
            } catch (OutputBudget.Exceeded e) {
                cut = e;
            }
            sink.commit();
        }
        HiveSupport.written(out, found + " recovered record" + (found == 1 ? "" : "s") + " from " + groups.size()
                + " hive" + (groups.size() == 1 ? "" : "s"), stdout);
        if (cut != null) {
            code = Math.max(code, HiveSupport.cut(cut, "the inputs", tree.bytes(), err));
        }
        return tree.code(code != Main.OK ? code : found == 0 ? Main.OK : Main.FINDINGS);
    }
}
