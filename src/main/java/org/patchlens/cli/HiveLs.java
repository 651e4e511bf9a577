package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.report.KeyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the subkeys and values of one key (the root by default).",
        footer = {"", "Examples:", "  patchlens hive ls SYSTEM", "  patchlens hive ls SYSTEM 'ControlSet001\\Services'"})
final class HiveLs implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Parameters(index = "1", paramLabel = "KEYPATH", arity = "0..1",
            description = "Key path (default: the root key), e.g. ControlSet001\\Services or HKLM\\SYSTEM\\Select: names "
                    + "separated by \\ or / (a key whose name holds / stays reachable), case-insensitive (an exact-case name "
                    + "first); it may start with \\, the root key's name, HKLM\\SYSTEM, HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, "
                    + "HKU\\<SID>, HKU\\<SID>_Classes or regedit's Computer\\...; CurrentControlSet follows Select\\Current "
                    + "(docs/hive-formats.md).")
    String keyPath;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Hive hive = HiveSupport.open(file, logs)) {
            Key key = HiveSupport.key(hive, keyPath);
            KeyText.listing(out, key);
            out.flush();
            return HiveSupport.finish(hive, spec.commandLine().getErr());
        }
    }
}
