package org.patchlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.patchlens.InputException;
import org.patchlens.artifacts.HiveType;
import org.patchlens.artifacts.batch.BatchEntry;
import org.patchlens.artifacts.batch.BatchFile;
import org.patchlens.artifacts.batch.BatchRunner;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.report.AtomicFile;
import org.patchlens.report.BatchWriter;
import org.patchlens.report.ConsoleOut;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run a RECmd batch file (.reb: Kroll_Batch.reb, DFIRBatch.reb ...) over hives.",
            "Writes RECmd's batch CSV columns (quoted per RFC 4180), JSONL or a workbook. Each hive's type is",
            "told by its keys; the summary on stderr accounts for every entry. Schema: docs/batch.md."},
        footer = {"", "Examples:",
            "  patchlens hive batch Kroll_Batch.reb evidence/ -o kroll.csv",
            "  patchlens hive batch DFIRBatch.reb SYSTEM SOFTWARE NTUSER.DAT \\",
            "      -o dfir.xlsx",
            "  patchlens hive batch my.reb NTUSER.DAT --format jsonl"})
final class HiveBatchCommand implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("hive batch", BatchWriter.FORMATS);

    @Parameters(index = "0", paramLabel = "FILE.reb", description = "The RECmd batch file.")
    Path batchFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "HIVE|DIR",
            description = "Hive files, or folders searched for hives (by content; links are not followed).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, jsonl or xlsx (default: csv, or the -o name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write to OUT (.csv, .jsonl, .xlsx) instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input "
            + "or a file that holds evidence).")
    boolean force;

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed document dates, so the same hives give "
            + "the same bytes.")
    boolean deterministic;

    @picocli.CommandLine.Mixin
    LogOptions logs = LogOptions.auto();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Hives opened and run so far (one cut short by the output budget or stopped by its key budget too: its rows up to
     * there are written).
     */
    private int read;

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(PrintWriter out, PrintWriter err) throws IOException {
        BatchFile batch = BatchFile.read(batchFile);
        HiveTree.Tree tree = HiveTree.named(inputs, err); // the one folder walk of the hive commands
        List<HiveTree.Found> hives = tree.hives();
        logs.requireOneHive(hives.size() > 1);
        List<Path> evidence = new ArrayList<>();
        evidence.add(batchFile);
        evidence.addAll(tree.inputs(logs));
        long total = tree.bytes();
        Output to = Output.plan(OUTPUT, format, output, force, evidence);
        if (to.format() == OutputFormat.XLSX && !to.toFile()) {
            throw new UsageException("a workbook goes to a file: give -o OUT.xlsx");
        }
        batchNotes(batch, err);
        return tree.code(to.format() == OutputFormat.XLSX ? workbook(batch, hives, to, total, out, err)
                : stream(batch, hives, to, total, out, err));
    }

    private int stream(BatchFile batch, List<HiveTree.Found> hives, Output to, long total, PrintWriter out, PrintWriter err)
            throws IOException {
        int[] code = {Main.OK};
        BatchWriter writer = null;
        try (Output.Sink sink = to.open(out).limit(budget(total))) {
            writer = BatchWriter.stream(to.format(), sink.bytes());
            try {
                runAll(batch, hives, writer, code, err);
                writer.finish();
            } catch (OutputBudget.Exceeded e) {
                code[0] = Math.max(code[0], cut(e, total, err));
            }
            if (read > 0) {
                sink.commit();
            }
        } catch (ConsoleOut.Failed e) {
            return code[0]; // stdout cannot take more (| head, a full disk): Main reports it
        }
        if (read > 0) {
            HiveSupport.written(to, writer.written() + " rows from " + read + " hive" + (read == 1 ? "" : "s"), out);
        }
        return code[0];
    }

    private int workbook(BatchFile batch, List<HiveTree.Found> hives, Output to, long total, PrintWriter out,
                         PrintWriter err) throws IOException {
        int[] code = {Main.OK};
        long rows;
        try (BatchWriter writer = BatchWriter.workbook(Workbooks.options("patchlens hive batch "
                + batchFile.getFileName(), deterministic, "the CSV or JSONL output (--format csv|jsonl)"),
                budget(total))) {
            try {
                runAll(batch, hives, writer, code, err);
            } catch (OutputBudget.Exceeded e) {
                code[0] = Math.max(code[0], cut(e, total, err));
            }
            rows = writer.written();
            if (read > 0) {
                try (AtomicFile file = to.openFile()) {
                    writer.save(file, Instant.now());
                }
            }
        }
        if (read > 0) {
            HiveSupport.written(to, rows + " rows from " + read + " hive" + (read == 1 ? "" : "s"), out);
        }
        return code[0];
    }

    /** The output budget (for a workbook: the characters of its cells) of hives of {@code total} bytes. */
    private static long budget(long total) {
        return OutputBudget.forInput(total + ((long) EXTRA_MIB << 20));
    }

    /** MiB added to the hives' size for the output budget: a batch file asks for rows whatever the hives' size. */
    private static final int EXTRA_MIB = 1;

    /** The line of an output cut by its budget: the batch file's entries ask for it, the hives need not be crafted. */
    private int cut(OutputBudget.Exceeded e, long total, PrintWriter err) {
        err.println("patchlens: " + Errors.flat(e.describe("the inputs", total, EXTRA_MIB, "the batch file " + batchFile
                + " asks for far more rows than the hives' size (entries repeating a recursive KeyPath, say)")));
        err.flush();
        return Main.FINDINGS;
    }

    /**
     * The line of a hive's run stopped by its key budget: entries that read the hive over and over without writing
     * (the output budget never sees them), named by the batch file's line where it stopped. Like an output cut by its
     * budget it costs only what is past it: the hive's rows before it are written, and the run goes on with the next
     * hive (the budget is the hive's own); exit code 1.
     */
    private int stopped(BatchRunner.TooCostly e, boolean others, PrintWriter err) {
        err.println("patchlens: " + Errors.flat(batchFile + ": line " + e.entry().line() + ": the run on "
                + e.hivePath() + " stopped at this entry: its entries up to this one read more than " + e.keys()
                + " keys (" + BatchRunner.WALKS + " walks of the hive and " + BatchRunner.KEYS_ANY_HIVE + "); the "
                + "batch file repeats costly entries (a recursive KeyPath, a wildcard on every level); this hive's rows "
                + "before this entry are written" + (others ? ", the other hives are run" : "")));
        err.flush();
        return Main.FINDINGS;
    }

    /** Runs the batch over each hive into {@code writer}, counting in {@link #read} the hives it ran on. */
    private void runAll(BatchFile batch, List<HiveTree.Found> hives, BatchWriter writer, int[] code, PrintWriter err)
            throws IOException {
        for (HiveTree.Found h : hives) {
            Path file = h.path();
            Hive hive;
            try {
                hive = HiveSupport.open(h, logs);
            } catch (HiveException | InputException e) {
                err.println("patchlens: " + Errors.oneLine(e));
                err.flush();
                code[0] = Main.BAD_INPUT;
                continue;
            }
            try (hive) {
                HiveType type = HiveType.of(hive);
                read++;
                try {
                    BatchRunner.Result r = BatchRunner.run(batch, hive, file.toString(), type, writer::row);
                    err.println("patchlens: note: " + Errors.flat(summary(batch, r)));
                    if (r.conversionFailures() > 0) {
                        err.println("patchlens: note: " + Errors.flat(file + ": " + r.conversionFailures() + " row"
                                + (r.conversionFailures() == 1 ? "" : "s") + " kept the data as it is where the "
                                + "entry's BinaryConvert did not apply (ValueData3 says why)"));
                    }
                    err.flush();
                } catch (BatchRunner.TooCostly e) {
                    // this hive's budget: the next hive has its own, and may well be within it
                    code[0] = Math.max(code[0], stopped(e, hives.size() > 1, err));
                }
                code[0] = Math.max(code[0], HiveSupport.finish(hive, err));
            }
        }
    }

    /** One line per hive that accounts for every entry of the batch file. */
    static String summary(BatchFile batch, BatchRunner.Result r) {
        int applies = batch.entries().size() - r.with(BatchRunner.Status.OTHER_TYPE).size();
        List<BatchRunner.Outcome> raw = r.with(BatchRunner.Status.ROWS);
        List<BatchRunner.Outcome> decoded = r.with(BatchRunner.Status.DECODER_ROWS);
        List<BatchRunner.Outcome> absent = r.with(BatchRunner.Status.NOT_PRESENT);
        StringBuilder sb = new StringBuilder(r.hivePath()).append(": ").append(r.type().label()).append(" hive: ")
                .append(applies).append(" of ").append(batch.entries().size()).append(" entries apply");
        if (applies > 0) {
            sb.append(": ").append(raw.size()).append(" gave ").append(rows(raw)).append(" rows");
            if (!decoded.isEmpty()) {
                sb.append(", ").append(decoded.size()).append(" gave ").append(rows(decoded)).append(" decoder rows");
            }
            sb.append(", ").append(absent.size()).append(" not present in this hive");
            if (!absent.isEmpty()) {
                sb.append(" (lines ").append(absent.stream().map(o -> Integer.toString(o.entry().line()))
                        .collect(Collectors.joining(", "))).append(')');
            }
        }
        return sb.toString();
    }

    private static long rows(List<BatchRunner.Outcome> outcomes) {
        return outcomes.stream().mapToLong(BatchRunner.Outcome::rows).sum();
    }

    /** What the batch file holds that no hive can answer here: said once, never dropped silently. */
    private void batchNotes(BatchFile batch, PrintWriter err) {
        List<String> noDecoder = new ArrayList<>();
        Set<String> unknownTypes = new LinkedHashSet<>();
        List<String> unknownLines = new ArrayList<>();
        for (BatchEntry e : batch.entries()) {
            if (e.recmdPlugin() != null && !e.disablePlugin() && !BatchRunner.hasDecoder(e.recmdPlugin())) {
                noDecoder.add("line " + e.line() + " " + e.recmdPlugin());
            }
            if (e.hiveType().matches() == null) {
                unknownTypes.add(e.hiveType().name());
                unknownLines.add(Integer.toString(e.line()));
            }
        }
        if (!noDecoder.isEmpty()) {
            err.println("patchlens: note: " + Errors.flat(batch.file() + ": " + noDecoder.size() + " entr"
                    + (noDecoder.size() == 1 ? "y names a RECmd plugin" : "ies name RECmd plugins")
                    + " patchlens has no decoder for; their raw values are written: " + String.join(", ", noDecoder)));
        }
        if (!unknownLines.isEmpty()) {
            err.println("patchlens: note: " + Errors.flat(batch.file() + ": " + unknownLines.size() + " entr"
                    + (unknownLines.size() == 1 ? "y is" : "ies are") + " for hive types patchlens does not tell by "
                    + "content (" + String.join(", ", unknownTypes) + "), so no hive matches them: lines "
                    + String.join(", ", unknownLines)));
        }
        err.flush();
    }
}
