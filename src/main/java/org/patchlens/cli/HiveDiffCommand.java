package org.patchlens.cli;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.report.DiffWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Keys and values added (+), removed (-) and changed (~) from hive A to B.",
            "With --replayed and no B: from hive A as found to A with its transaction logs applied.",
            "Both hives are read with the logs beside them (see --log, --no-logs; --log names A's logs).",
            "Exit code 1 when there are differences (or damage, or the output was cut), 0 when the trees are",
            "identical, 2 for bad usage or an unreadable hive."},
        footer = {"", "Examples:",
            "  patchlens hive diff SYSTEM.before SYSTEM.after",
            "  patchlens hive diff NTUSER.DAT --replayed      (what the logs change)",
            "  patchlens hive diff SYSTEM 00000002.CPT \\",
            "      --path 'ControlSet001\\Services\\MSExchangeIS' --b-path '\\'",
            "  patchlens hive diff A B -o diff.csv",
            "  patchlens hive diff A B -o diff.xlsx        (a workbook: by the .xlsx name)"})
final class HiveDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The hive before.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", arity = "0..1", description = "The hive after.")
    Path b;

    @Option(names = "--replayed", description = "Compare A as found with A replayed from its transaction logs.")
    boolean replayed;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Compare only this subtree (in both hives). KEYPATH: names separated by \\ or / (a key whose name "
                    + "holds / stays reachable), case-insensitive (an exact-case name first); it may start with \\, the root "
                    + "key's name, HKLM\\SYSTEM, HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, HKU\\<SID>, HKU\\<SID>_Classes or "
                    + "regedit's Computer\\...; CurrentControlSet follows Select\\Current (docs/hive-formats.md).")
    String keyPath;

    @Option(names = "--b-path", paramLabel = "KEYPATH",
            description = "The subtree of B to compare with (default: the same as --path); KEYPATH as for --path.")
    String bPath;

    static final Output.Spec OUTPUT = Output.Spec.of("hive diff", DiffWriter.FORMATS, OutputFormat.XLSX);

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, jsonl, csv or xlsx (default: text, or the "
            + "-o name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (.txt, .jsonl, .csv, .xlsx) "
            + "instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed document dates, so the same hives give "
            + "the same bytes.")
    boolean deterministic;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (replayed == (b != null)) {
            throw new UsageException(replayed ? "--replayed compares A with its own replay: give no B"
                    : "hive B is required (or --replayed)");
        }
        if (replayed && logs.noLogs) {
            throw new UsageException("--replayed and --no-logs cannot be combined");
        }
        LogOptions bLogs = new LogOptions();
        bLogs.noLogs = logs.noLogs;
        List<Path> inputs = new ArrayList<>(HiveSupport.inputs(a, logs));
        if (b != null) {
            inputs.addAll(HiveSupport.inputs(b, bLogs));
        }
        Output out = Output.plan(OUTPUT, format, output, force, inputs);
        try (Hive ha = replayed ? HiveSupport.open(a) : HiveSupport.open(a, logs);
             Hive hb = replayed ? HiveSupport.open(a, logs) : HiveSupport.open(b, bLogs)) {
            if (replayed) {
                String note = HiveSupport.replayNote(hb);
                spec.commandLine().getErr().println("patchlens: note: " + Errors.flat(note != null ? note : a
                        + (hb.replay().isPresent() ? ": clean hive, logs not applied"
                        : ": no transaction logs beside it or given") + ": the replayed view is the file as found"));
            }
            var ka = HiveSupport.key(ha, keyPath);
            var kb = HiveSupport.key(hb, bPath != null ? bPath : keyPath);
            long n;
            OutputBudget.Exceeded cut = null;
            if (out.format() == OutputFormat.XLSX) {
                n = Workbooks.diff(ha, ka, a, hb, kb, b == null ? a : b, keyPath, bPath != null ? bPath : keyPath,
                        out, deterministic, spec);
            } else {
                try (Output.Sink sink = out.open(spec.commandLine().getOut())
                        .limit(OutputBudget.forInput(ha.fileSize() + hb.fileSize()));
                     DiffWriter dw = new DiffWriter(out.format(), sink.writer())) {
                    try {
                        n = HiveDiff.compare(ka, kb, dw);
                        dw.close();
                        if (n > 0 && out.format() == OutputFormat.JSONL) {
                            // DiffWriter puts LF between records, not after the last: end it as every JSONL ends
                            sink.writer().write('\n');
                        }
                    } catch (java.io.UncheckedIOException e) {
                        if (!(e.getCause() instanceof OutputBudget.Exceeded x)) {
                            throw e;
                        }
                        cut = x;
                        n = 0;
                    }
                    sink.commit();
                }
            }
            if (cut == null) {
                HiveSupport.written(out, n + " difference" + (n == 1 ? "" : "s"), spec.commandLine().getOut());
            }
            // with --replayed, A is read as found on purpose: the note above says what the logs did, once
            int da = replayed ? HiveSupport.damage(ha, spec.commandLine().getErr())
                    : HiveSupport.finish(ha, spec.commandLine().getErr());
            // one file on both sides (A with itself, or its replay) with the same damage: said once, for A
            boolean sameDamage = (replayed || org.patchlens.InputFile.sameFile(a, b))
                    && ha.damage().toString().equals(hb.damage().toString());
            int db = sameDamage ? da
                    : replayed ? (hb.damage().isEmpty() ? Main.OK : HiveSupport.finish(hb, spec.commandLine().getErr()))
                    : HiveSupport.finish(hb, spec.commandLine().getErr());
            if (cut != null) {
                HiveSupport.cut(cut, ha.name() + " and " + hb.name(), ha.fileSize() + hb.fileSize(),
                        spec.commandLine().getErr());
            }
            return n > 0 || cut != null || da != Main.OK || db != Main.OK ? Main.FINDINGS : Main.OK;
        }
    }
}
