package org.patchlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.InputFile;
import org.patchlens.ese.EseException;
import org.patchlens.ese.LogChain;
import org.patchlens.report.EseRender;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Log-chain verdict for a folder of logs: can soft recovery succeed?",
            "Generations present, gaps, file name vs header generation, signature mismatches, current log = highest "
                + "archived + 1, each database's Log Required range, and one sentence: soft recovery can / cannot "
                + "succeed; missing: ... . Checkpoints, databases and eseutil text dumps in the folder count too "
                + "(a saved eseutil /ml E00 run stands for the logs it names); each .stm streaming file is checked "
                + "against the .edb of its name (the same signatures)."},
        footer = {"", "Exit codes: 0 soft recovery can succeed and nothing is wrong;",
            "  1 findings; also a folder without log files that holds a checkpoint,",
            "    a database, a patch file or an eseutil dump, or with --database",
            "    (verdict: \"soft recovery cannot succeed: no log files in DIR\"),",
            "    and a folder of more than 100000 files: the first 100000 by name",
            "    are read, and a note on stderr says so;",
            "  2 unreadable input: DIR not a folder, a --database that is not a",
            "    readable database (a log or checkpoint given as one), or a folder",
            "    with nothing ESE in it (one line:",
            "    \"DIR: no log files in the folder, and nothing else ESE ...\").",
            "Entries of DIR that are not regular files (FIFOs, devices, dangling links)",
            "are never opened: they are listed as not part of the chain, with the reason.", "",
            "Examples:", "  patchlens ese logs /evidence/mdbdata --database /evidence/mdbdata/priv1.edb",
            "  patchlens ese logs logs/ --database mh-priv1.txt --format json"})
final class EseLogsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder with the log files (and checkpoint).")
    Path dir;

    @Option(names = "--database", paramLabel = "FILE", description = "A database (or saved /mh dump) to check against the logs; repeatable.")
    List<Path> databases = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = EseSupport.format("ese logs", format);
        PrintWriter out = spec.commandLine().getOut();
        InputFile.folder(dir); // DIR: not a folder (a FIFO) | no such folder | symbolic link loop
        for (Path d : databases) {
            InputFile.check(d); // before the folder is read: FILE: not a regular file (a FIFO) | no such file
        }
        LogChain.Report r;
        try {
            // a folder past the file limit: one note on stderr (and an ERROR finding, exit 1)
            r = LogChain.analyzeDirectory(dir, databases, note -> {
                spec.commandLine().getErr().println("patchlens: note: " + Errors.flat(note));
                spec.commandLine().getErr().flush();
            });
        } catch (EseException e) {
            throw new UsageException(e.getMessage());
        }
        if (fmt == OutputFormat.JSON) {
            JsonGenerator g = EseSupport.json(out);
            EseRender.json(g, r);
            EseSupport.end(g, out);
        } else {
            EseRender.chain(out, r);
        }
        out.flush();
        return r.softRecoveryCanSucceed() && !r.hasFindings() ? Main.OK : Main.FINDINGS;
    }
}
