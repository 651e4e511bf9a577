package org.patchlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.ese.EseHeader;
import org.patchlens.report.EseRender;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Checkpoint file, like eseutil /mk.",
            "Checkpoint position, log signature, backup positions, engine parameters and attached databases; "
                + "checksum verdicts for both copies."},
        footer = {"", "Exit codes: 0 verified, 1 findings, 2 unreadable.", "", "Examples:",
            "  patchlens ese checkpoint E00.chk", "  patchlens ese checkpoint --format json edb.chk"})
final class EseCheckpointCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A checkpoint file or a saved eseutil /mk dump.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = EseSupport.format("ese checkpoint", format);
        PrintWriter out = spec.commandLine().getOut();
        EseHeader h = EseSupport.read(file).get(0);
        if (!(h instanceof CheckpointHeader c)) {
            throw new UsageException(file + ": is not a checkpoint (it reads as " + h.kind().name().toLowerCase() + ")");
        }
        if (fmt == OutputFormat.JSON) {
            JsonGenerator g = EseSupport.json(out);
            EseRender.json(g, c);
            EseSupport.end(g, out);
        } else {
            EseRender.checkpoint(out, c);
        }
        out.flush();
        return c.findings() ? Main.FINDINGS : Main.OK;
    }
}
