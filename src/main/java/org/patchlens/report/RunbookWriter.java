package org.patchlens.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.patchlens.runbook.Runbook;
import org.patchlens.runbook.Step;

/**
 * Writes a {@link Runbook}: the text section of {@code check}'s output (each command on a line of its own,
 * indented, to copy) and the CSV of {@code --runbook FILE.csv}. The Runbook sheet is {@link ReportWorkbook}'s.
 */
public final class RunbookWriter {
    /** The CSV's columns (the Runbook sheet's, without its Done column). */
    public static final List<String> COLUMNS = List.of("step", "phase", "action", "command", "why", "rule", "kb");
    /** How far a command is indented in the text: deeper than its step, so it stands out and copies alone. */
    static final String COMMAND_INDENT = "      ";

    private RunbookWriter() {
    }

    /** "Runbook (offline-pit): 1 blocker first, then 7 steps" / "Runbook (online): 5 steps". */
    public static String heading(Runbook r) {
        int b = r.blockers().size();
        return "Runbook (" + r.restoreType() + "): " + (b == 0 ? "" : b + (b == 1 ? " blocker" : " blockers")
                + " first, then ") + r.restoreSteps() + " steps";
    }

    /**
     * The text section: the heading, then per step "  N. [phase] action", its commands on lines of their own
     * (indented six spaces), then "why" and the rules and KB articles. Every line is escaped ({@link Printable}).
     */
    public static String text(Runbook r) {
        StringBuilder sb = new StringBuilder();
        line(sb, heading(r) + ":");
        for (Step s : r.steps()) {
            line(sb, "  " + s.number() + ". [" + s.phase().label() + "] " + s.action());
            for (String c : s.commands()) {
                line(sb, COMMAND_INDENT + c);
            }
            if (!s.why().isEmpty()) {
                line(sb, "     why: " + s.why());
            }
            if (!s.rules().isEmpty() || !s.kb().isEmpty()) {
                line(sb, "     rules: " + (s.rules().isEmpty() ? "-" : String.join(", ", s.rules())) + "; KB: "
                        + (s.kb().isEmpty() ? "-" : String.join(", ", s.kb())));
            }
        }
        return sb.toString();
    }

    /** The steps as CSV ({@link #COLUMNS}); a step's commands in one cell, one per line. */
    public static void csv(Runbook r, Writer out) throws IOException {
        Csv p = new Csv(out, COLUMNS);
        for (Step s : r.steps()) {
            p.printRecord(s.number(), s.phase().label(), s.action(), String.join("\n", s.commands()), s.why(),
                    String.join(" ", s.rules()), String.join(" ", s.kb()));
        }
        p.flush();
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(Printable.of(text)).append('\n');
    }
}
