package org.patchlens.cli;

import picocli.CommandLine.Command;

/** {@code patchlens ese ...}: read Exchange / ESE store headers. */
@Command(name = "ese",
        description = {"Read ESE (JET Blue) store headers without Windows.",
            "Databases (.edb, .stm), patch files (.pat), checkpoints (.chk) and transaction logs (.log, .jtx), or",
            "saved eseutil /mh, /mk, /ml text dumps of them."},
        mixinStandardHelpOptions = true,
        subcommands = {EseHeaderCommand.class, EseCheckpointCommand.class, EseLogCommand.class, EseLogsCommand.class},
        footer = {"", "Examples:",
            "  patchlens ese header priv1.edb",
            "  patchlens ese header mh-dump.txt --format json",
            "  patchlens ese checkpoint E00.chk",
            "  patchlens ese log E00.log E0000000002.log",
            "  patchlens ese logs D:/restore/logs --database priv1.edb --database pub1.edb"})
final class EseCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "an ese command is required (see --help)");
    }
}
