package org.patchlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.patchlens.InputFile;
import org.patchlens.ese.EseException;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;
import org.patchlens.report.JsonOut;
import org.patchlens.report.Output;
import org.patchlens.report.OutputFormat;

/** Shared by the ese commands. */
final class EseSupport {
    /** What every ese command writes on stdout. */
    static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.JSON);

    /** The --format given (null: text) as a format, or the one-line refusal. */
    static OutputFormat format(String command, String option) {
        return Output.format(Output.Spec.of(command, FORMATS), option, null);
    }

    private EseSupport() {
    }

    /**
     * Every header in a file (binary or text); unreadable input becomes a one-line error (exit 2): first
     * the one input check ({@code FILE: not a regular file (a FIFO)}, {@code FILE: no such file}, ...).
     */
    static List<EseHeader> read(Path file) {
        InputFile.check(file);
        try {
            return EseFile.openAll(file);
        } catch (EseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static JsonGenerator json(PrintWriter out) throws IOException {
        return JsonOut.FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    }

    static void end(JsonGenerator g, PrintWriter out) throws IOException {
        g.flush();
        out.println();
        out.flush();
    }
}
