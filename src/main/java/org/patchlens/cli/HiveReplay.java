package org.patchlens.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveRecovery;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.report.LedgerWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay the transaction logs of a dirty hive in memory and print the ledger: for each log and",
            "entry its sequence number, hash verdict, target offsets, and whether it was applied and why.",
            "With -o, write the recovered hive (base block rebuilt: file type 0, equal sequence numbers, checksum).",
            "The hive and its logs are only read. Exit code 0 when the hive is clean or was recovered, 1 when it is",
            "dirty and nothing could be applied, 2 when recovery failed (no usable log). Fields: docs/replay.md."},
        footer = {"", "Examples:",
            "  patchlens hive replay SYSTEM",
            "  patchlens hive replay NTUSER.DAT --ledger-format jsonl",
            "  patchlens hive replay SOFTWARE --log evidence/SOFTWARE.LOG1 --log evidence/SOFTWARE.LOG2 -o SOFTWARE.recovered"})
final class HiveReplay implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file (the primary).")
    Path file;

    @Mixin
    LogOptions logs;

    @Option(names = "--ledger-format", defaultValue = "text", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    LedgerWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "NEW_FILE", description = "Write the recovered hive to NEW_FILE.")
    Path output;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (logs.noLogs) {
            throw new UsageException("replay with --no-logs has nothing to do");
        }
        org.patchlens.InputFile.check(file); // FILE: not a regular file (a FIFO) | no such file | symbolic link loop
        List<Path> logFiles = logs.resolve(file);
        List<Path> inputs = new ArrayList<>(logFiles);
        inputs.add(file);
        if (output != null) {
            Output.check(output, force, inputs);
        }
        HiveRecovery.Recovery r;
        try {
            r = HiveRecovery.recover(file, logFiles);
        } catch (org.patchlens.hive.HiveException e) {
            Hive.open(file).root(); // not a hive: the reader's own error
            throw e;
        }
        ReplayLedger l = r.ledger();
        PrintWriter out = spec.commandLine().getOut();
        LedgerWriter.write(l, format, out);
        PrintWriter err = spec.commandLine().getErr();
        if (l.outcome() == ReplayLedger.Outcome.FAILED) {
            err.println("patchlens: " + Errors.flat(file + ": " + HiveSupport.RECOVERY_FAILED + ": " + l.result()));
            err.flush();
            return Main.BAD_INPUT;
        }
        if (output != null) {
            if (r.image() == null) {
                err.println("patchlens: " + Errors.flat(file + ": no recovered image written: " + l.result()));
                err.flush();
                return Main.FINDINGS;
            }
            try (OutputStream os = Output.stream(output, force, inputs)) {
                os.write(r.image());
            }
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
        return l.outcome() == ReplayLedger.Outcome.APPLIED || l.outcome() == ReplayLedger.Outcome.CLEAN
                ? Main.OK : Main.FINDINGS;
    }
}
