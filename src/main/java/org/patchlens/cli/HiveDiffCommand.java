package org.patchlens.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.report.DiffWriter;
import org.patchlens.report.HiveWorkbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Keys and values added (+), removed (-) and changed (~) from hive A to hive B.",
            "Exit code 1 when there are differences, 0 when the trees are identical."},
        footer = {"", "Examples:",
            "  patchlens hive diff SYSTEM.before SYSTEM.after",
            "  patchlens hive diff SYSTEM CPT00000002.CPT --path 'ControlSet001\\Services\\MSExchangeIS' --b-path '\\'",
            "  patchlens hive diff A B --format csv -o diff.csv",
            "  patchlens hive diff A B -o diff.xlsx           (an Excel workbook: chosen by the .xlsx name)"})
final class HiveDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The hive before.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The hive after.")
    Path b;

    @Option(names = "--path", paramLabel = "KEYPATH", description = "Compare only this subtree (in both hives).")
    String keyPath;

    @Option(names = "--b-path", paramLabel = "KEYPATH",
            description = "The subtree of B to compare with (default: the same as --path).")
    String bPath;

    @Option(names = "--format", defaultValue = "text", description = "text, jsonl or csv (default: ${DEFAULT-VALUE}).")
    DiffWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed document dates, so the same hives give "
            + "the same bytes.")
    boolean deterministic;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Hive ha = HiveSupport.open(a); Hive hb = HiveSupport.open(b)) {
            var ka = HiveSupport.key(ha, keyPath);
            var kb = HiveSupport.key(hb, bPath != null ? bPath : keyPath);
            long n;
            if (HiveWorkbooks.isXlsx(output)) {
                n = Workbooks.diff(ha, ka, a, hb, kb, b, keyPath, bPath != null ? bPath : keyPath, output, force,
                        deterministic, spec);
            } else {
                try (Writer w = Output.writer(output, force, List.of(a, b), spec.commandLine().getOut());
                     DiffWriter dw = new DiffWriter(format, w)) {
                    n = HiveDiff.compare(ka, kb, dw);
                }
            }
            int da = HiveSupport.finish(ha, spec.commandLine().getErr());
            int db = HiveSupport.finish(hb, spec.commandLine().getErr());
            return n > 0 || da != Main.OK || db != Main.OK ? Main.FINDINGS : Main.OK;
        }
    }
}
