package org.patchlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.PatchHeader;
import org.patchlens.report.EseRender;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "header", mixinStandardHelpOptions = true,
        description = {"Database, streaming-file or patch-file header, like eseutil /mh.",
            "State, Log Required, signatures, backups, versions, page size; checksum verdicts for both header copies "
                + "and every field where they differ."},
        footer = {"", "Exit codes: 0 header verified and consistent; 1 findings (checksum, differing",
            "            copies, damage); 2 unreadable.",
            "", "Examples:", "  patchlens ese header priv1.edb", "  patchlens ese header --format json saved-mh.txt"})
final class EseHeaderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A database, .stm or .pat file, or a saved eseutil /mh dump.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = EseSupport.format("ese header", format);
        PrintWriter out = spec.commandLine().getOut();
        List<EseHeader> all = EseSupport.read(file);
        EseHeader h = all.get(0);
        if (!(h instanceof DatabaseHeader) && !(h instanceof PatchHeader)) {
            String cmd = h.kind() == EseFile.Kind.LOG ? "log" : "checkpoint";
            throw new UsageException(file + ": is " + (h.kind() == EseFile.Kind.LOG ? "a log file" : "a checkpoint")
                    + ", not a database; use 'patchlens ese " + cmd + "'");
        }
        if (fmt == OutputFormat.JSON) {
            JsonGenerator g = EseSupport.json(out);
            EseRender.json(g, h);
            EseSupport.end(g, out);
        } else if (h instanceof DatabaseHeader d) {
            EseRender.database(out, d);
        } else {
            EseRender.patch(out, (PatchHeader) h);
        }
        out.flush();
        return h.findings() ? Main.FINDINGS : Main.OK;
    }
}
