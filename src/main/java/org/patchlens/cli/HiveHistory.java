package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.Echo;
import org.patchlens.hive.LogHistory;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.report.HistoryWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List each state of the keys and values a dirty hive's transaction logs change.",
            "The logs are replayed one entry at a time; after each applied entry the hive is compared with the",
            "state before (state 0: the hive as found). For every key and value that changes: each state in",
            "sequence order, with its log entry, the key's last-written time, and what changed (added, deleted,",
            "changed with old and new data). Entries not applied (a bad hash, a gap) are listed with the reason.",
            "An old-format log has a single state. Exit code 0 for a complete history or a clean hive (nothing",
            "to show); 1 for damage (a state unreadable, the work budget spent, the output cut), a dirty hive",
            "without a log or none that applies, or a --path found in no state; 2 for bad usage, an unreadable",
            "hive or log, or a failed recovery (no usable log). Fields: docs/replay.md."},
        footer = {"", "Examples:",
            "  patchlens hive history NTUSER.DAT",
            "  patchlens hive history UsrClass.dat --path 'Local Settings' --format jsonl",
            "  patchlens hive history SOFTWARE --log evidence/SOFTWARE.LOG1 \\",
            "      --log evidence/SOFTWARE.LOG2 -o history.csv"})
final class HiveHistory implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file (the primary).")
    Path file;

    @Mixin
    LogOptions logs;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Only this subtree (as it stands at each state). KEYPATH as for hive dump "
                    + "(docs/hive-formats.md).")
    String keyPath;

    static final Output.Spec OUTPUT = Output.Spec.of("hive history", HistoryWriter.FORMATS);

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, jsonl or csv (default: text, or the -o "
            + "name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (.txt, .jsonl, .csv) instead "
            + "of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (logs.noLogs) {
            throw new UsageException("history with --no-logs has nothing to do");
        }
        List<Path> inputs = HiveSupport.inputs(file, logs); // checks FILE first: not a regular file, no such file, ...
        Output out = Output.plan(OUTPUT, format, output, force, inputs);
        LogHistory.History h = LogHistory.of(file, inputs.subList(1, inputs.size()), keyPath);
        if (!h.pathFound()) {
            throw new HiveSupport.NotFound(file + ": key not found in any state of the history: " + Echo.capped(keyPath));
        }
        PrintWriter err = spec.commandLine().getErr();
        long inputBytes = 0;
        for (Path p : inputs) {
            inputBytes += Files.size(p);
        }
        OutputBudget.Exceeded cut = null;
        try (Output.Sink sink = out.open(spec.commandLine().getOut()).limit(OutputBudget.forInput(inputBytes))) {
            try {
                HistoryWriter.write(h, out.format(), sink.writer());
            } catch (OutputBudget.Exceeded e) {
                cut = e;
            }
            sink.commit();
        }
        HiveSupport.written(out, h.states() + " state" + (h.states() == 1 ? "" : "s") + ", " + h.items().size()
                + " change" + (h.items().size() == 1 ? "" : "s"), spec.commandLine().getOut());
        ReplayLedger l = h.ledger();
        err.println("patchlens: note: " + Errors.flat(note(h)));
        HiveSupport.otherHiveNotes(file.toString(), l, err);
        int code = l.outcome() == ReplayLedger.Outcome.APPLIED || l.outcome() == ReplayLedger.Outcome.CLEAN
                ? Main.OK : Main.FINDINGS;
        if (!h.damage().isEmpty()) {
            err.println("patchlens: " + Errors.flat(file.toString()) + ": " + h.damage().size() + " problem"
                    + (h.damage().size() == 1 ? "" : "s") + " in the states of the history (unreadable structures "
                    + "are skipped, the rest was compared):");
            h.damage().stream().limit(10).forEach(d -> err.println("  " + Errors.flat(d)));
            if (h.damage().size() > 10) {
                err.println("  ... (" + (h.damage().size() - 10) + " more; the history's text or JSONL lists them all)");
            }
            code = Main.FINDINGS;
        }
        if (h.stopped() != null) {
            err.println("patchlens: " + Errors.flat(file + ": " + h.stopped()));
            code = Main.FINDINGS;
        }
        err.flush();
        if (cut != null) {
            code = HiveSupport.cut(cut, file.toString(), inputBytes, err);
        }
        return code;
    }

    /** One line: what the logs did, and how many states the history has. */
    private String note(LogHistory.History h) {
        ReplayLedger l = h.ledger();
        return switch (l.outcome()) {
            case CLEAN -> file + ": clean hive: transaction logs are replayed only into a dirty hive, so there is "
                    + "no history" + (l.staleReasons().isEmpty() ? "" : "; but " + String.join("; ", l.staleReasons()));
            case APPLIED -> file + ": dirty hive (" + String.join("; ", l.dirtyReasons()) + "): " + h.states()
                    + " state" + (h.states() == 1 ? "" : "s") + " from its transaction logs (the files are unchanged): "
                    + l.result();
            case NO_LOGS, NOTHING_APPLIED, FAILED -> file + ": dirty hive (" + String.join("; ", l.dirtyReasons())
                    + "), no history: " + l.result();
        };
    }
}
