package org.patchlens.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.report.HiveDump;
import org.patchlens.report.HiveWorkbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Every key and value of a hive (or of one subtree), in pre-order.",
            "jsonl: one object per key; csv: one row per value (RFC 4180); text: indented;",
            "listing: the K/V lines of the corpus oracle format. Schemas: docs/hive-formats.md."},
        footer = {"", "Examples:",
            "  patchlens hive dump SYSTEM -o system.jsonl",
            "  patchlens hive dump SYSTEM --path 'ControlSet001\\Services\\MSExchangeIS' --format text",
            "  patchlens hive dump NTUSER.DAT --format csv -o ntuser.csv",
            "  patchlens hive dump NTUSER.DAT --deleted --format text",
            "  patchlens hive dump SYSTEM -o system.xlsx      (an Excel workbook: chosen by the .xlsx name)"})
final class HiveDumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Option(names = "--path", paramLabel = "KEYPATH", description = "Dump only this subtree.")
    String keyPath;

    @Option(names = "--format", defaultValue = "jsonl",
            description = "jsonl, csv, text or listing (default: ${DEFAULT-VALUE}).")
    HiveDump.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @Option(names = "--deleted", description = {"Also write keys and values recovered from free cells and slack",
        "(as 'patchlens hive deleted' finds them), marked with their label. Not with --format listing."})
    boolean deleted;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed document dates, so the same hive gives "
            + "the same bytes.")
    boolean deterministic;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (deleted && format == HiveDump.Format.LISTING) {
            throw new UsageException("--deleted cannot be used with --format listing (the oracle format lists the live tree only)");
        }
        try (Hive hive = HiveSupport.open(file, logs)) {
            Key start = HiveSupport.key(hive, keyPath);
            if (HiveWorkbooks.isXlsx(output)) {
                if (deleted) {
                    throw new UsageException("--deleted is not written to .xlsx yet: use --format jsonl or text");
                }
                Workbooks.dump(hive, start, file, output, force, deterministic, spec);
                return HiveSupport.finish(hive, spec.commandLine().getErr());
            }
            List<DeletedRecords.Item> recovered = null;
            if (deleted) {
                String prefix = start.isRoot() ? "" : start.path();
                recovered = DeletedRecords.scan(hive).stream().filter(i -> prefix.isEmpty()
                        || i.path().equalsIgnoreCase(prefix) || i.path().regionMatches(true, 0, prefix + "\\", 0,
                        prefix.length() + 1)).toList();
            }
            try (Writer w = Output.writer(output, force, List.of(file), spec.commandLine().getOut())) {
                HiveDump.write(hive, start, format, w, recovered);
            }
            return HiveSupport.finish(hive, spec.commandLine().getErr());
        }
    }
}
