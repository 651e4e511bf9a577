package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.report.HiveDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print one value (or all values of a key) with type and decoded data.",
            "With a value name and --data, prints only the data: the string, one multi-string entry per line,",
            "the number in decimal, or hex for binary (--hex forces hex)."},
        footer = {"", "Examples:",
            "  patchlens hive get SYSTEM Select Current",
            "  patchlens hive get SYSTEM 'ControlSet001\\Control\\ComputerName\\ComputerName' \\",
            "      ComputerName --data",
            "  patchlens hive get NTUSER.DAT 'Software\\Microsoft' '' --hex   (default value)"})
final class HiveGet implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Parameters(index = "1", paramLabel = "KEYPATH", description = "Key path.")
    String keyPath;

    @Parameters(index = "2", paramLabel = "VALUENAME", arity = "0..1",
            description = "Value name (case-insensitive; '' for the default value).")
    String valueName;

    @Option(names = "--data", description = "Print only the decoded data.")
    boolean dataOnly;

    @Option(names = "--hex", description = "Print only the raw data as hex.")
    boolean hex;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Hive hive = HiveSupport.open(file, logs)) {
            Key key = HiveSupport.key(hive, keyPath);
            if (valueName == null) {
                for (Value v : key.values()) {
                    out.println(HiveDump.valueLine(v));
                }
            } else {
                Value v = key.value(valueName);
                if (v == null) {
                    throw new HiveSupport.NotFound(hive.name() + ": value not found: " + key.path() + " : "
                            + (valueName.isEmpty() ? "(default)" : valueName));
                }
                byte[] data = v.data();
                if (hex) {
                    out.println(HexFormat.of().formatHex(data));
                } else if (dataOnly) {
                    DecodedValue d = v.decoded();
                    out.println(d.kind() == DecodedValue.Kind.NUMBER ? Long.toUnsignedString(d.number()) : d.render(data));
                } else {
                    out.println(HiveDump.valueLine(v));
                }
            }
            out.flush();
            return HiveSupport.finish(hive, spec.commandLine().getErr());
        }
    }
}
