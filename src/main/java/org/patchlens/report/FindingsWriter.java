package org.patchlens.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlens.rules.Finding;
import org.patchlens.rules.RuleEngine.CheckResult;
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
        JsonGenerator g = new JsonFactory().createGenerator(out);
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
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }

    public static void csv(List<Finding> findings, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
        for (Finding f : findings) {
            p.printRecord(f.rule().id(), f.severity(), f.status(), f.confidence().label(), f.object(), f.expected(),
                    f.expectedSource(), f.actual(), f.actualSource(), f.remedy(), String.join(" ", f.kb()), f.detail());
        }
        p.flush();
    }

    /** The short stdout summary: verdict, counts, then the failing findings with their remedies. */
    public static void summary(CheckResult r, Severity threshold, int top, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(r.verdict()).append('\n');
        sb.append("Restore type: ").append(r.restore().label()).append(" (").append(r.restoreReason()).append(")\n");
        Map<Status, Integer> st = r.statusCounts();
        sb.append(String.format("Results (%d rules): %d FAIL, %d WARN, %d PASS, %d SKIPPED%n",
                org.patchlens.rules.Rule.values().length, st.get(Status.FAIL), st.get(Status.WARN),
                st.get(Status.PASS), st.get(Status.SKIPPED)));
        List<Finding> bad = r.findings().stream().filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
                .sorted(java.util.Comparator.comparing(Finding::severity)).toList();
        int shown = 0;
        for (Finding f : bad) {
            if (shown++ == top) {
                sb.append("... ").append(bad.size() - top).append(" more (use --format jsonl or -o FILE)\n");
                break;
            }
            sb.append('\n').append(f.severity()).append(' ').append(f.rule().id()).append(' ').append(f.status())
                    .append("  ").append(f.rule().title()).append('\n');
            sb.append("  object:   ").append(Printable.of(f.object())).append('\n');
            sb.append("  expected: ").append(Printable.of(f.expected()));
            if (!f.expectedSource().isNone()) {
                sb.append("   [").append(f.expectedSource()).append(']');
            }
            sb.append('\n').append("  actual:   ").append(Printable.of(f.actual()));
            if (!f.actualSource().isNone()) {
                sb.append("   [").append(f.actualSource()).append(']');
            }
            sb.append('\n');
            if (!f.detail().isEmpty()) {
                sb.append("  detail:   ").append(f.detail()).append('\n');
            }
            if (!f.remedy().isEmpty()) {
                sb.append("  remedy:   ").append(f.remedy()).append('\n');
            }
            if (!f.kb().isEmpty()) {
                sb.append("  KB:       ").append(String.join(", ", f.kb())).append('\n');
            }
        }
        out.write(sb.toString());
        out.flush();
    }
}
