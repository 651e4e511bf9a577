package org.patchlens.cli;

import picocli.CommandLine.Command;

/** {@code patchlens hive ...}: read registry hive files. */
@Command(name = "hive",
        description = "Read Windows registry hive files (REGF 1.2 to 1.6) without Windows.",
        mixinStandardHelpOptions = true,
        subcommands = {HiveInfo.class, HiveLs.class, HiveGet.class, HiveDumpCommand.class, HiveTimeline.class,
            HiveExportReg.class, HiveDiffCommand.class, HiveReplay.class, HiveHistory.class, HiveDeleted.class,
            HiveArtifactsCommand.class, HiveBatchCommand.class, HiveSearchCommand.class},
        footer = {"", "Examples:",
            "  patchlens hive info SYSTEM",
            "  patchlens hive ls SYSTEM ControlSet001\\\\Services",
            "  patchlens hive get SYSTEM Select Current",
            "  patchlens hive dump SYSTEM --format csv -o system.csv",
            "  patchlens hive timeline SYSTEM --since 2024-01-01",
            "  patchlens hive export-reg SYSTEM --path Select -o select.reg",
            "  patchlens hive diff SYSTEM.before SYSTEM.after",
            "  patchlens hive diff SYSTEM --replayed",
            "  patchlens hive replay SYSTEM -o SYSTEM.recovered",
            "  patchlens hive history NTUSER.DAT",
            "  patchlens hive artifacts evidence/ -o artifacts.csv",
            "  patchlens hive batch Kroll_Batch.reb evidence/ -o kroll.csv",
            "  patchlens hive search evidence/ --data mimikatz -o hits.csv"})
final class HiveCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a hive command is required (see --help)");
    }
}
