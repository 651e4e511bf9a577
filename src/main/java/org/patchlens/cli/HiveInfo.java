package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.AlternateHive;
import org.patchlens.hive.Damage;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveStats;
import org.patchlens.hive.RecoveryFailed;
import org.patchlens.report.HiveInfoWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Base block fields, checksum and dirty verdicts, statistics and damage of a hive.",
            "Every damaged structure is listed (the other commands show the first ten)."},
        footer = {"", "Examples:", "  patchlens hive info SYSTEM", "  patchlens hive info --format json NTUSER.DAT"})
final class HiveInfo implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("hive info", OutputFormat.TEXT, OutputFormat.JSON);

    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Output out = Output.plan(OUTPUT, format, null, false, List.of());
        // the one input check before anything reads the path (a FIFO or /dev/zero would block the hash)
        String sha = org.patchlens.evidence.Hashing.sha256(org.patchlens.InputFile.check(file));
        String failure = null;
        Hive opened;
        try {
            opened = HiveSupport.open(file, logs);
        } catch (RecoveryFailed e) {
            if (e.stage() != RecoveryFailed.Stage.REPLAY) {
                throw e;
            }
            failure = e.reason();
            opened = HiveSupport.open(file);
        }
        AlternateHive alt = AlternateHive.compare(file);
        try (Hive hive = opened) {
            HiveInfoWriter.Facts facts = new HiveInfoWriter.Facts(hive, HiveStats.of(hive),
                    java.nio.file.Files.size(file), sha, failure, logs.noLogs, alt);
            if (out.format() == OutputFormat.JSON) {
                HiveInfoWriter.json(stdout, facts);
            } else {
                HiveInfoWriter.text(stdout, facts);
            }
            List<Damage> damage = hive.damage();
            stdout.flush();
            if (damage.isEmpty() && failure == null) {
                return Main.OK;
            }
            // a count on stderr too, as every other hive command gives it, so scripts see it
            PrintWriter err = spec.commandLine().getErr();
            err.println("patchlens: " + Errors.flat(hive.name()) + ": " + damage.size() + " problem"
                    + (damage.size() == 1 ? "" : "s") + " in the hive" + (failure != null ? " and a failed log recovery" : "")
                    + " (listed in the output)");
            err.flush();
            return Main.FINDINGS;
        }
    }
}
