package org.patchlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.LogHeader;
import org.patchlens.report.EseRender;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Transaction log headers, like eseutil /ml.",
            "Generation, creation and previous-generation times, format version, signature, sector size, engine "
                + "parameters and attached databases; checksum verdict."},
        footer = {"", "Exit codes: 0 every header verified, 1 findings, 2 unreadable.", "", "Examples:",
            "  patchlens ese log E00.log", "  patchlens ese log --format json E00*.log saved-ml.txt"})
final class EseLogCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files, or saved eseutil /ml output (header "
            + "dumps, or an /ml E00 run over a log set: one block per file it names).")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = EseSupport.format("ese log", format);
        PrintWriter out = spec.commandLine().getOut();
        List<LogHeader> logs = new ArrayList<>();
        for (Path f : files) {
            for (EseHeader h : EseSupport.read(f)) {
                if (!(h instanceof LogHeader l)) {
                    throw new UsageException(f + ": is not a log file (it reads as " + h.kind().name().toLowerCase() + ")");
                }
                logs.add(l);
            }
        }
        boolean findings = false;
        if (fmt == OutputFormat.JSON) {
            JsonGenerator g = EseSupport.json(out);
            EseRender.json(g, logs);
            EseSupport.end(g, out);
        }
        for (int i = 0; i < logs.size(); i++) {
            if (fmt == OutputFormat.TEXT) {
                if (i > 0) {
                    out.println();
                    out.println("----------------------------------------------------------------");
                }
                EseRender.log(out, logs.get(i));
            }
            findings |= logs.get(i).findings();
        }
        out.flush();
        return findings ? Main.FINDINGS : Main.OK;
    }
}
