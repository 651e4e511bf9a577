package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.HiveRecovery;
import org.patchlens.hive.RecoveryFailed;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.report.LedgerWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay the transaction logs of a dirty hive in memory and print the ledger.",
            "For each log and entry: its sequence number, hash verdict, target offsets, and whether it was applied",
            "and why.",
            "With -o, write the recovered hive (base block rebuilt: file type 0, equal sequence numbers, checksum).",
            "The hive and its logs are only read. Exit code 0 when the hive is clean or was recovered; 1 when it is",
            "dirty and nothing could be applied, when a log applied is another hive's (its base block copy says",
            "so), or when the hive written has damage; 2 for bad usage, an unreadable hive or log, or a failed",
            "recovery (no usable log). A clean hive has nothing to recover: -o then writes nothing (a note on",
            "stderr), exit code 0. Fields: docs/replay.md."},
        footer = {"", "Examples:",
            "  patchlens hive replay SYSTEM",
            "  patchlens hive replay NTUSER.DAT --ledger-format jsonl",
            "  patchlens hive replay SOFTWARE --log evidence/SOFTWARE.LOG1 \\",
            "      --log evidence/SOFTWARE.LOG2 -o SOFTWARE.recovered"})
final class HiveReplay implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file (the primary).")
    Path file;

    @Mixin
    LogOptions logs;

    static final Output.Spec OUTPUT = Output.Spec.of("hive replay", OutputFormat.HIVE);
    static final Output.Spec LEDGER = Output.Spec.of("hive replay", LedgerWriter.FORMATS);

    @Option(names = "--ledger-format", paramLabel = "FORMAT", description = "The ledger on stdout: text or jsonl "
            + "(default: text).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "NEW_FILE", description = "Write the recovered hive to NEW_FILE.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (logs.noLogs) {
            throw new UsageException("replay with --no-logs has nothing to do");
        }
        List<Path> inputs = HiveSupport.inputs(file, logs); // checks FILE first: not a regular file, no such file, ...
        List<Path> logFiles = inputs.subList(1, inputs.size());
        OutputFormat ledgerFormat;
        try {
            ledgerFormat = Output.format(LEDGER, format, null);
        } catch (org.patchlens.report.OutputException e) {
            // the output layer names --format; this command's option for the ledger is --ledger-format
            throw new UsageException("hive replay: --ledger-format " + format + " is not a format it writes ("
                    + LEDGER.names() + ")");
        }
        Output out = output == null ? null : Output.plan(OUTPUT, null, output, force, inputs);
        HiveRecovery.Recovery r = HiveOpener.recover(file, logFiles); // not a hive: the reader's own error
        ReplayLedger l = r.ledger();
        PrintWriter stdout = spec.commandLine().getOut();
        LedgerWriter.write(l, ledgerFormat, stdout);
        PrintWriter err = spec.commandLine().getErr();
        if (l.outcome() == ReplayLedger.Outcome.FAILED) {
            err.println("patchlens: " + Errors.flat(file + ": " + RecoveryFailed.REPLAY_FAILED + ": " + l.result()));
            err.flush();
            return Main.BAD_INPUT;
        }
        HiveSupport.otherHiveNotes(file.toString(), l, err);
        if (out != null) {
            if (l.outcome() == ReplayLedger.Outcome.CLEAN) {
                err.println("patchlens: note: " + Errors.flat(file + ": clean hive, nothing to recover: " + output
                        + " not written"));
                err.flush();
                return Main.OK;
            }
            if (r.image() == null) {
                err.println("patchlens: " + Errors.flat(file + ": no recovered image written: " + l.result()));
                err.flush();
                return Main.FINDINGS;
            }
            try (Output.Sink sink = out.open(stdout)) {
                sink.bytes().write(r.image());
                sink.commit();
            }
            err.println("patchlens: note: " + Errors.flat("recovered hive written to " + output + " ("
                    + r.image().length + " bytes)"));
            err.flush();
            try (Hive written = Hive.open(output)) {
                for (var k : written.walk()) {
                    k.values().forEach(v -> v.data());
                }
                int code = HiveSupport.finish(written, err);
                if (code != Main.OK) {
                    return code;
                }
            }
        }
        // a log of another hive applied: recovered as Windows would, but the view may not be this hive's
        boolean recovered = l.outcome() == ReplayLedger.Outcome.APPLIED && !l.appliedAnotherHivesLog();
        return recovered || l.outcome() == ReplayLedger.Outcome.CLEAN ? Main.OK : Main.FINDINGS;
    }
}
