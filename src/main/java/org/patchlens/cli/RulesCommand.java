package org.patchlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.patchlens.report.CatalogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "The rule catalog: IDs, severities, confidence, KB references, remedies.",
        footer = {"", "Examples:", "  patchlens rules", "  patchlens rules --format md > docs/rules.md"})
final class RulesCommand implements Callable<Integer> {
    enum Format { TEXT, JSONL, MD }

    @Option(names = "--format", defaultValue = "text", description = "text, jsonl or md (default: ${DEFAULT-VALUE}).")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> CatalogWriter.text(out);
            case JSONL -> CatalogWriter.jsonl(out);
            case MD -> CatalogWriter.markdown(out);
        }
        return Main.OK;
    }
}
