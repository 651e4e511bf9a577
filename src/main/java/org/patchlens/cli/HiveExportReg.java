package org.patchlens.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.OutputFormat;
import org.patchlens.report.RegExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-reg", mixinStandardHelpOptions = true,
        description = {"Export a hive or subtree as a regedit 5.00 .reg file.",
            "The file is UTF-16LE with a byte order mark and CRLF line ends, as regedit writes it.",
            "Values that are not plain strings or 4-byte DWORDs are written as hex(type): so no byte is lost."},
        footer = {"", "Examples:",
            "  patchlens hive export-reg SYSTEM -o system.reg",
            "  patchlens hive export-reg SYSTEM \\",
            "      --path 'ControlSet001\\Services\\MSExchangeIS' \\",
            "      --prefix 'HKEY_LOCAL_MACHINE\\SYSTEM' -o is.reg"})
final class HiveExportReg implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Export only this subtree. KEYPATH: names separated by \\ or / (a key whose name holds / stays "
                    + "reachable), case-insensitive (an exact-case name first); it may start with \\, the root key's name, "
                    + "HKLM\\SYSTEM, HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, HKU\\<SID>, HKU\\<SID>_Classes or regedit's "
                    + "Computer\\...; CurrentControlSet follows Select\\Current (docs/hive-formats.md).")
    String keyPath;

    @Option(names = "--prefix", paramLabel = "ROOT", defaultValue = "HKEY_LOCAL_MACHINE\\HIVE",
            description = "Registry path the hive root is shown under (default: ${DEFAULT-VALUE}).")
    String prefix;

    static final Output.Spec OUTPUT = Output.Spec.of("hive export-reg", OutputFormat.REG);

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.reg", required = true, description = "The .reg file to write.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Output out = Output.plan(OUTPUT, null, output, force, HiveSupport.inputs(file, logs));
        try (Hive hive = HiveSupport.open(file, logs)) {
            var start = HiveSupport.key(hive, keyPath);
            String root = prefix.endsWith("\\") ? prefix.substring(0, prefix.length() - 1) : prefix;
            RegExport.Result exported;
            OutputBudget.Exceeded cut = null;
            try (Output.Sink sink = out.open(spec.commandLine().getOut()).limit(OutputBudget.forInput(hive.fileSize()))) {
                Writer w = sink.writer(StandardCharsets.UTF_16LE);
                try {
                    w.write('\uFEFF');
                    exported = RegExport.write(hive, start, root, w);
                } catch (OutputBudget.Exceeded e) {
                    cut = e;
                    exported = null;
                }
                sink.commit();
            }
            if (exported != null) {
                HiveSupport.written(out, hive.name() + ": " + exported.keys() + " keys, " + exported.values() + " values",
                        spec.commandLine().getOut());
            }
            int code = HiveSupport.finish(hive, spec.commandLine().getErr());
            if (cut != null) {
                return HiveSupport.cut(cut, hive, spec.commandLine().getErr());
            }
            // Keys and values whose names a .reg cannot carry were left out: damage to the export.
            exported.messages(hive.name()).forEach(m -> spec.commandLine().getErr().println("patchlens: " + m));
            spec.commandLine().getErr().flush();
            return exported.leftOut().isEmpty() ? code : Math.max(code, Main.FINDINGS);
        }
    }
}
