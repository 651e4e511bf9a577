package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.Echo;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.report.KeyText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print one value (or all values of a key) with type and decoded data.",
            "With a value name and --data, prints only the data: the string, one",
            "multi-string entry per line, the number in decimal, or hex for binary",
            "(--hex forces hex); control characters are shown escaped (\\n, \\u001b).",
            "A key with several values of that name (a crafted hive) shows them all."},
        footer = {"", "Examples:",
            "  patchlens hive get SYSTEM Select Current",
            "  patchlens hive get SYSTEM 'ControlSet001\\Control\\ComputerName\\ComputerName' \\",
            "      ComputerName --data",
            "  patchlens hive get SYSTEM 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip' Start",
            "  patchlens hive get NTUSER.DAT 'HKCU\\Software\\Microsoft' '' --hex  (default)"})
final class HiveGet implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Parameters(index = "1", paramLabel = "KEYPATH",
            description = "Key path: names separated by \\ (or /, where no key name holds one: text/html stays reachable); "
                    + "case-insensitive (an exact-case name wins over siblings that differ only in case). May start with \\, "
                    + "the root key's name, HKLM\\SYSTEM (HKEY_LOCAL_MACHINE, any mount point that fits this hive), HKCU, "
                    + "HKU\\<SID>, HKU\\<SID>_Classes, or regedit's Computer\\; CurrentControlSet is resolved through "
                    + "Select\\Current (said on stderr).")
    String keyPath;

    @Parameters(index = "2", paramLabel = "VALUENAME", arity = "0..1",
            description = "Value name ('' for the default value): the values of exactly that name, or if there is none, "
                    + "those that match it ignoring case.")
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
        PrintWriter err = spec.commandLine().getErr();
        try (Hive hive = HiveSupport.open(file, logs)) {
            Key key = HiveSupport.key(hive, keyPath);
            if (valueName == null) {
                for (Value v : key.values()) {
                    KeyText.value(out, v, false, false);
                }
            } else {
                List<Value> found = key.valuesNamed(valueName);
                if (found.isEmpty()) {
                    throw new HiveSupport.NotFound(hive.name() + ": value not found: " + notFound(key, valueName));
                }
                if (found.size() > 1) {
                    err.println("patchlens: note: " + Errors.flat(hive.name() + ": " + sameName(key, valueName, found)));
                    err.flush();
                }
                for (Value v : found) {
                    KeyText.value(out, v, dataOnly, hex);
                }
            }
            out.flush();
            return HiveSupport.finish(hive, err);
        }
    }

    /**
     * {@code "Nope" under \Select}, {@code the default value under \Select}: the name quoted (a value may be named
     * "(default)", or hold " : "), capped as any argument an error repeats.
     */
    static String notFound(Key key, String valueName) {
        return (valueName.isEmpty() ? "the default value" : "\"" + Echo.capped(valueName) + "\"") + " under "
                + (key.isRoot() ? "the root key" : key.path());
    }

    /** {@code \K has 2 values named "X"; all are shown}, naming the spellings when they differ in case. */
    static String sameName(Key key, String valueName, List<Value> found) {
        String name = valueName.isEmpty() ? "(default)" : valueName;
        boolean exact = found.stream().allMatch(v -> v.name().equals(valueName));
        StringBuilder sb = new StringBuilder(key.path()).append(" has ").append(found.size())
                .append(" values named \"").append(name).append('"');
        if (!exact) {
            sb.append(" ignoring case (");
            for (int i = 0; i < found.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(found.get(i).name()).append('"');
            }
            sb.append(')');
        }
        return sb.append("; all are shown").toString();
    }
}
