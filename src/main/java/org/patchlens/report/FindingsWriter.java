package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.patchlens.rules.Finding;
import org.patchlens.runbook.Runbook;
import org.patchlens.rules.RuleEngine.CheckResult;
import org.patchlens.rules.Stage;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Status;

/** Writes check findings as a text summary, JSONL (one finding per line) or CSV (the Findings columns). */
public final class FindingsWriter {
    /** The columns of JSONL, CSV and the workbook's Findings sheet, in order. */
    public static final List<String> COLUMNS = List.of("rule", "severity", "status", "confidence", "object", "expected",
            "expectedSource", "actual", "actualSource", "remedy", "kb", "detail");

    private FindingsWriter() {
    }

    public static void jsonl(List<Finding> findings, Writer out) throws IOException {
        jsonl(findings, Runbook.NONE, out);
    }

    /**
     * One finding per line, with the field {@code step} last: the number of the runbook step it belongs to
     * ({@link Runbook#stepOf}), or null.
     */
    public static void jsonl(List<Finding> findings, Runbook runbook, Writer out) throws IOException {
        JsonGenerator g = JsonOut.FACTORY.createGenerator(out);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("rule", f.rule().id());
            g.writeStringField("severity", f.severity().name());
            g.writeStringField("status", f.status().name());
            g.writeStringField("confidence", f.confidence().label());
            g.writeStringField("object", f.object());
            g.writeStringField("expected", f.expected());
            g.writeStringField("expectedSource", f.expectedSource().toString());
            g.writeStringField("actual", f.actual());
            g.writeStringField("actualSource", f.actualSource().toString());
            g.writeStringField("remedy", f.remedy());
            g.writeArrayFieldStart("kb");
            for (String kb : f.kb()) {
                g.writeString(kb);
            }
            g.writeEndArray();
            g.writeStringField("detail", f.detail());
            Integer step = runbook.stepOf(f);
            if (step == null) {
                g.writeNullField("step");
            } else {
                g.writeNumberField("step", step);
            }
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }

    public static void csv(List<Finding> findings, Writer out) throws IOException {
        Csv p = new Csv(out, COLUMNS);
        for (Finding f : findings) {
            p.printRecord(f.rule().id(), f.severity(), f.status(), f.confidence().label(), f.object(), f.expected(),
                    f.expectedSource(), f.actual(), f.actualSource(), f.remedy(), String.join(" ", f.kb()), f.detail());
        }
        p.flush();
    }

    /** As {@link #summary(CheckResult, Severity, int, boolean, Writer)}, without colour. */
    public static void summary(CheckResult r, Severity threshold, int top, Writer out) throws IOException {
        summary(r, threshold, top, false, out);
    }

    /** The verdict's colour on a terminal: bold red, amber (yellow), green; then back to normal. */
    static final String RED = "\u001b[1;31m";
    static final String AMBER = "\u001b[1;33m";
    static final String GREEN = "\u001b[1;32m";
    static final String RESET = "\u001b[0m";

    /**
     * The short stdout summary, in the order of the workbook's Summary sheet: the verdict (coloured red, amber
     * or green when {@code colour}: the caller decides, only for a terminal without NO_COLOR), the restore type
     * and the counts, what to do in order (the Summary sheet's steps, each command on its own line), then the
     * failing findings with their remedies. Every line goes through {@link Printable#of}: objects, values,
     * sources, details and remedies carry evidence text (names, strings, file names), which must neither act on
     * the terminal nor break a line; the colour codes are added around the escaped verdict, never from evidence.
     */
    public static void summary(CheckResult r, Severity threshold, int top, boolean colour, Writer out)
            throws IOException {
        summary(r, Runbook.NONE, threshold, top, colour, out);
    }

    /** As above, with the runbook's section after the counts ({@link RunbookWriter#text}) unless it is empty. */
    public static void summary(CheckResult r, Runbook runbook, Severity threshold, int top, boolean colour,
                               Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Finding> ordered = CheckReport.ordered(r.findings());
        List<Report.Remedy> steps = CheckReport.remedies(ordered);
        String verdict = Printable.of(CheckReport.verdict(r, runbook));
        if (colour) {
            String on = switch (CheckReport.tone(r.findings())) {
                case RED -> RED;
                case AMBER -> AMBER;
                default -> GREEN;
            };
            verdict = on + verdict + RESET;
        }
        sb.append(verdict).append('\n');
        line(sb, "Restore type: " + r.restore().label() + " (" + r.restoreReason() + ")");
        line(sb, "Stage: " + r.stage().label() + " (" + r.stageReason() + ")");
        line(sb, countLine(r.ruleStatusCounts(), r.statusCounts()));
        boolean plan = r.stage() == Stage.BEFORE_RESTORE; // the verdict above refused a missing plan
        if (plan) {
            // before the restore the runbook is what to do, in order: its blockers carry the remedies
            sb.append('\n').append(RunbookWriter.text(runbook));
        }
        if (!plan && !steps.isEmpty()) {
            sb.append('\n');
            line(sb, "What to do, in order:");
            int n = 0;
            for (Report.Remedy m : steps) {
                line(sb, "  " + ReportWorkbook.stepLabel(++n, m) + ": " + m.action());
                for (Report.Command c : m.commands()) {
                    line(sb, "      " + (c.alternative().isEmpty() ? "" : "for " + c.alternative() + ": ") + c.line());
                }
            }
        }
        List<Finding> bad = ordered.stream().filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
                .toList();
        int shown = 0;
        for (Finding f : bad) {
            if (shown++ == top) {
                line(sb, "... " + (bad.size() - top) + " more (use --format jsonl or -o FILE)");
                break;
            }
            sb.append('\n');
            line(sb, f.severity() + " " + f.rule().id() + " " + f.status() + "  " + f.rule().title());
            line(sb, "  object:   " + f.object());
            line(sb, "  expected: " + f.expected() + (f.expectedSource().isNone() ? "" : "   [" + f.expectedSource() + "]"));
            line(sb, "  actual:   " + f.actual() + (f.actualSource().isNone() ? "" : "   [" + f.actualSource() + "]"));
            if (!f.detail().isEmpty()) {
                line(sb, "  detail:   " + f.detail());
            }
            if (!f.remedy().isEmpty()) {
                line(sb, "  remedy:   " + f.remedy());
            }
            if (!f.kb().isEmpty()) {
                line(sb, "  KB:       " + String.join(", ", f.kb()));
            }
        }
        out.write(sb.toString());
        out.flush();
    }

    /**
     * {@code Results (49 rules): 3 FAIL, 0 WARN, 30 PASS, 16 SKIPPED (69 findings: 4 FAIL, 0 WARN, 49 PASS,
     * 16 SKIPPED)}: rules by their worst result (they add up to the rules), then findings per status (a rule
     * may give several, one per checkpointed value, say).
     */
    public static String countLine(Map<Status, Integer> rules, Map<Status, Integer> findings) {
        return String.format("Results (%d rules): %s (%d findings: %s)", total(rules), byStatus(rules),
                total(findings), byStatus(findings));
    }

    private static int total(Map<Status, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String byStatus(Map<Status, Integer> m) {
        StringBuilder sb = new StringBuilder();
        for (Status s : Status.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.getOrDefault(s, 0)).append(' ').append(s);
        }
        return sb.toString();
    }

    /** One line of evidence-bearing text: escaped, then ended. */
    private static void line(StringBuilder sb, String text) {
        sb.append(Printable.of(text)).append('\n');
    }
}
