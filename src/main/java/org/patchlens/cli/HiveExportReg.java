package org.patchlens.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.report.RegExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export-reg", mixinStandardHelpOptions = true,
        description = {"Export a hive or subtree as a regedit 5.00 .reg file (UTF-16LE with BOM, CRLF).",
            "Values that are not plain strings or 4-byte DWORDs are written as hex(type): so no byte is lost."},
        footer = {"", "Examples:",
            "  patchlens hive export-reg SYSTEM -o system.reg",
            "  patchlens hive export-reg SYSTEM --path 'ControlSet001\\Services\\MSExchangeIS' "
                + "--prefix 'HKEY_LOCAL_MACHINE\\SYSTEM' -o is.reg"})
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

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.reg", required = true, description = "The .reg file to write.")
    Path output;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Hive hive = HiveSupport.open(file, logs)) {
            var start = HiveSupport.key(hive, keyPath);
            String root = prefix.endsWith("\\") ? prefix.substring(0, prefix.length() - 1) : prefix;
            try (OutputStream os = Output.stream(output, force, List.of(file));
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_16LE)) {
                w.write('\uFEFF');
                RegExport.write(hive, start, root, w);
            }
            return HiveSupport.finish(hive, spec.commandLine().getErr());
        }
    }
}
