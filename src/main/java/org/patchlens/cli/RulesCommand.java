package org.patchlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.patchlens.report.CatalogWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "The rule catalog: IDs, severities, confidence, KB references, remedies.",
        footer = {"", "Examples:", "  patchlens rules", "  patchlens rules --format md > docs/rules.md"})
final class RulesCommand implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("rules", OutputFormat.TEXT, OutputFormat.JSONL, OutputFormat.MD);

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, jsonl or md (default: text).")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (Output.format(OUTPUT, format, null)) {
            case JSONL -> CatalogWriter.jsonl(out);
            case MD -> CatalogWriter.markdown(out);
            default -> CatalogWriter.text(out);
        }
        return Main.OK;
    }
}
