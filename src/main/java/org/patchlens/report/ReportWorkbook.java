package org.patchlens.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.FileTime;
import org.patchlens.model.Source;
import org.patchlens.report.Report.ClusterRow;
import org.patchlens.report.Report.Datum;
import org.patchlens.report.Report.LogEntry;
import org.patchlens.report.Report.RegistryRow;
import org.patchlens.report.Report.Remedy;
import org.patchlens.report.Report.StoreField;
import org.patchlens.report.Report.StoreFile;
import org.patchlens.report.XlsxBook.Column;
import org.patchlens.report.XlsxBook.Kind;
import org.patchlens.report.XlsxBook.Link;
import org.patchlens.report.XlsxBook.Place;
import org.patchlens.report.XlsxBook.Table;
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;
import org.patchlens.rules.RuleEngine;
import org.patchlens.rules.Status;

/**
 * The restore-check workbook: Summary, Findings, Registry, Cluster, Store, Log chain and
 * Evidence sheets from a {@link Report}. Sheets and columns: docs/report.md.
 */
public final class ReportWorkbook {
    /** The public KB mirror a KB reference links to (the article number without its Q). */
    public static final String KB_MIRROR = "https://www.betaarchive.com/wiki/index.php?title=Microsoft_KB_Archive/";

    /** The most KB references any rule of the catalog has: the Findings sheet has that many KB columns. */
    public static final int KB_COLUMNS = java.util.Arrays.stream(Rule.values()).mapToInt(r -> r.kb().size()).max()
            .orElse(1);

    /**
     * The Findings sheet's columns: {@link FindingsWriter#COLUMNS} (the CSV and JSONL of check) in the
     * same order, plus "#", "Title", one column per KB reference and the reviewer's two columns.
     */
    public static final List<Column> FINDING_COLUMNS = findingColumns();

    public static final List<Column> REGISTRY_COLUMNS = List.of(
            new Column("Key", 50, Kind.WRAP),
            new Column("Value name", 24, Kind.WRAP),
            new Column("Source", 22, Kind.TEXT),
            new Column("File", 28, Kind.WRAP),
            new Column("Present", 9, Kind.TEXT),
            new Column("Type", 16, Kind.TEXT),
            new Column("Value", 40, Kind.WRAP),
            new Column("Hex", 30, Kind.MONO),
            new Column("Key last written (UTC)", 24, Kind.DATE),
            new Column("Key last written FILETIME", 20, Kind.MONO),
            new Column("Value offset", 12, Kind.MONO),
            new Column("Compared by", 16, Kind.WRAP),
            new Column("Note", 36, Kind.WRAP));

    public static final List<Column> CLUSTER_COLUMNS = List.of(
            new Column("Record", 11, Kind.TEXT),
            new Column("Cluster hive", 24, Kind.WRAP),
            new Column("Group", 24, Kind.WRAP),
            new Column("Name", 28, Kind.WRAP),
            new Column("GUID / ID", 38, Kind.MONO),
            new Column("Type", 22, Kind.WRAP),
            new Column("Owners / members", 30, Kind.WRAP),
            new Column("Parameters / RegSync value", 28, Kind.WRAP),
            new Column("Checkpointed key (HKLM)", 44, Kind.WRAP),
            new Column("Checkpoint file", 34, Kind.WRAP),
            new Column("Key last written (UTC)", 24, Kind.DATE),
            new Column("Key last written FILETIME", 20, Kind.MONO));

    public static final List<Column> LOG_COLUMNS = List.of(
            new Column("Generation", 11, Kind.NUMBER),
            new Column("Generation (hex)", 12, Kind.MONO),
            new Column("File", 30, Kind.WRAP),
            new Column("State", 10, Kind.STATUS),
            new Column("Signature", 40, Kind.MONO),
            new Column("Created (UTC)", 24, Kind.DATE),
            new Column("Created LOGTIME", 26, Kind.MONO),
            new Column("Note", 50, Kind.WRAP));

    public static final List<Column> EVIDENCE_COLUMNS = List.of(
            new Column("#", 5, Kind.NUMBER),
            new Column("File", 44, Kind.WRAP),
            new Column("Kind", 26, Kind.TEXT),
            new Column("Why this kind", 40, Kind.WRAP),
            new Column("Size (bytes)", 14, Kind.NUMBER),
            new Column("SHA-256", 66, Kind.MONO),
            new Column("Given by", 12, Kind.TEXT),
            new Column("Read errors", 50, Kind.WRAP));

    private ReportWorkbook() {
    }

    private static List<Column> findingColumns() {
        List<Column> c = new ArrayList<>(List.of(
                new Column("#", 5, Kind.NUMBER),
                new Column("Rule", 8, Kind.TEXT),
                new Column("Title", 30, Kind.WRAP),
                new Column("Severity", 9, Kind.SEVERITY),
                new Column("Status", 9, Kind.STATUS),
                new Column("Confidence", 11, Kind.TEXT),
                new Column("Object", 40, Kind.WRAP),
                new Column("Expected", 30, Kind.WRAP),
                new Column("Expected source", 36, Kind.WRAP),
                new Column("Actual", 30, Kind.WRAP),
                new Column("Actual source", 36, Kind.WRAP),
                new Column("Remedy", 60, Kind.WRAP)));
        for (int i = 1; i <= KB_COLUMNS; i++) {
            c.add(new Column(i == 1 ? "KB" : "KB " + i, 10, Kind.LINK));
        }
        c.add(new Column("Detail", 36, Kind.WRAP));
        c.add(new Column("Reviewer status", 16, Kind.REVIEW));
        c.add(new Column("Reviewer comment", 36, Kind.WRAP));
        return List.copyOf(c);
    }

    /** The mirror URL of a KB reference ("Q288562"). */
    public static String kbUrl(String kb) {
        String n = kb.trim();
        if (n.length() > 1 && (n.charAt(0) == 'Q' || n.charAt(0) == 'q')) {
            n = n.substring(1);
        }
        return KB_MIRROR + n;
    }

    /** What {@link #write} wrote: the sheet names per table, in order, and rows per table. */
    public record Written(Map<String, List<String>> sheets, Map<String, Long> rows, long truncatedCells) {
    }

    /** Writes the workbook to {@code out} (through a temporary file; no partial file on failure). */
    public static Written write(Report report, Path out, XlsxBook.Options options) throws IOException {
        try (AtomicFile f = AtomicFile.create(out, AtomicFile.Guard.NONE)) {
            return write(report, f, options);
        }
    }

    /** As above, into a file the caller opened (and validated); committed when complete. */
    public static Written write(Report report, AtomicFile out, XlsxBook.Options options) throws IOException {
        try (XlsxBook book = new XlsxBook(options)) {
            Written w = fill(book, report);
            book.save(out, report.run().runTime());
            return w;
        }
    }

    static Written fill(XlsxBook book, Report r) {
        XlsxBook.Page summary = book.page("Summary", 30, 13, 13, 13, 13, 13, 50);
        Map<String, List<String>> sheets = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();

        // Findings: remember the first row of each severity+status for the Summary links.
        Table findings = book.table("Findings", FINDING_COLUMNS);
        Map<Severity, Map<Status, Place>> first = new EnumMap<>(Severity.class);
        Map<Severity, Map<Status, Long>> counts = new EnumMap<>(Severity.class);
        Map<Status, Place> firstStatus = new EnumMap<>(Status.class);
        long n = 0;
        for (Finding f : r.findings()) {
            List<Object> v = new ArrayList<>(List.of(++n, f.rule().id(), f.rule().title(), f.severity().name(),
                    f.status().name(), f.confidence().label()));
            v.add(f.object());
            v.add(f.expected());
            v.add(source(f.expectedSource()));
            v.add(f.actual());
            v.add(source(f.actualSource()));
            v.add(f.remedy());
            for (int i = 0; i < KB_COLUMNS; i++) {
                v.add(i < f.kb().size() ? Link.url(f.kb().get(i), kbUrl(f.kb().get(i))) : null);
            }
            v.add(f.detail());
            Place p = findings.add(v.toArray());
            first.computeIfAbsent(f.severity(), k -> new EnumMap<>(Status.class)).putIfAbsent(f.status(), p);
            counts.computeIfAbsent(f.severity(), k -> new EnumMap<>(Status.class)).merge(f.status(), 1L, Long::sum);
            firstStatus.putIfAbsent(f.status(), p);
        }
        note(sheets, rows, findings);

        Table registry = book.table("Registry", REGISTRY_COLUMNS);
        for (RegistryRow x : r.registry()) {
            registry.add(x.key(), x.valueName().isEmpty() ? "(default)" : x.valueName(), x.role(), x.source().file(),
                    x.present() ? "yes" : "no", x.type(), x.value(), x.hex(), fileTime(x.lastWritten()),
                    rawFileTime(x.lastWritten()), offset(x.source().offset()), x.rules(), x.note());
        }
        note(sheets, rows, registry);

        Table cluster = book.table("Cluster", CLUSTER_COLUMNS);
        for (ClusterRow c : r.clusterRows()) {
            cluster.add(c.record(), c.clusterHive(), c.group(), c.name(), c.guid(), c.type(), c.owners(), c.detail(),
                    c.path(), c.record().equals("checkpoint") && c.file().isEmpty() ? "(not in the evidence)" : c.file(),
                    fileTime(c.lastWritten()), rawFileTime(c.lastWritten()));
        }
        note(sheets, rows, cluster);

        List<Column> storeCols = new ArrayList<>();
        storeCols.add(new Column("Header field", 30, Kind.WRAP));
        for (StoreFile f : r.store().files()) {
            storeCols.add(new Column(f.name() + " (" + f.kind() + ")", 30, Kind.WRAP));
            storeCols.add(new Column(f.name() + " raw / offset", 26, Kind.MONO));
        }
        Table store = book.table("Store", storeCols);
        for (StoreField f : r.store().fields()) {
            List<Object> v = new ArrayList<>();
            v.add(f.field());
            for (Datum d : f.values()) {
                v.add(d.value());
                String raw = d.raw();
                if (d.offset() >= 0) {
                    raw = raw.isEmpty() ? offset(d.offset()) : raw + " @" + offset(d.offset());
                }
                v.add(raw);
            }
            store.add(v.toArray());
        }
        note(sheets, rows, store);

        Table logs = book.table("Log chain", LOG_COLUMNS);
        for (LogEntry e : r.logChain()) {
            logs.add(e.generation(), String.format("0x%X", e.generation()), e.file(), e.state(), e.signature(),
                    e.created(), e.createdRaw(), e.note());
        }
        note(sheets, rows, logs);

        Table ev = book.table("Evidence", EVIDENCE_COLUMNS);
        long i = 0;
        for (Evidence e : r.evidence()) {
            ev.add(++i, e.name(), e.kind().label(), e.detail(), e.size(), e.sha256(),
                    e.explicit() ? "option" : "discovery", String.join("\n", e.errors()));
            book.property("sha256 " + e.name(), e.sha256());
        }
        note(sheets, rows, ev);

        summary(book, summary, r, counts, first, firstStatus, sheets, rows);
        return new Written(sheets, rows, book.truncatedCells());
    }

    private static void note(Map<String, List<String>> sheets, Map<String, Long> rows, Table t) {
        sheets.put(t.name(), t.sheetNames());
        rows.put(t.name(), t.rows());
    }

    private static void summary(XlsxBook book, XlsxBook.Page s, Report r, Map<Severity, Map<Status, Long>> counts,
                                Map<Severity, Map<Status, Place>> first, Map<Status, Place> firstStatus,
                                Map<String, List<String>> sheets, Map<String, Long> rows) {
        s.title(r.verdict());

        // The same numbers as check's text summary: each rule once, by its worst result.
        Map<Status, Integer> byRule = RuleEngine.ruleStatusCounts(r.findings());
        s.heading("Rules by their worst result (FAIL, then WARN, PASS, SKIPPED)", 7);
        List<String> ruleLabels = new ArrayList<>();
        ruleLabels.add("");
        for (Status st : Status.values()) {
            ruleLabels.add(st.name());
        }
        ruleLabels.add("All");
        s.labels(ruleLabels.toArray(String[]::new));
        List<Object> ruleCounts = new ArrayList<>();
        long rules = 0;
        for (Status st : Status.values()) {
            ruleCounts.add((long) byRule.get(st));
            rules += byRule.get(st);
        }
        ruleCounts.add(rules);
        s.counts("Rules", ruleCounts.toArray());

        s.heading("Findings by severity and status (each count links to its first row)", 7);
        List<String> labels = new ArrayList<>();
        labels.add("Severity");
        for (Status st : Status.values()) {
            labels.add(st.name());
        }
        labels.add("All");
        s.labels(labels.toArray(String[]::new));
        int from = s.nextRow();
        for (Severity sev : Severity.values()) {
            List<Object> v = new ArrayList<>();
            long all = 0;
            for (Status st : Status.values()) {
                long c = counts.getOrDefault(sev, Map.of()).getOrDefault(st, 0L);
                all += c;
                Place p = first.getOrDefault(sev, Map.of()).get(st);
                v.add(p == null ? (Object) c : countLink(c, p));
            }
            v.add(all);
            s.counts(sev.name(), v.toArray());
        }
        List<Object> tot = new ArrayList<>();
        long all = 0;
        for (Status st : Status.values()) {
            long c = counts.values().stream().mapToLong(m -> m.getOrDefault(st, 0L)).sum();
            all += c;
            Place p = firstStatus.get(st);
            tot.add(p == null ? (Object) c : countLink(c, p));
        }
        tot.add(all);
        s.counts("All", tot.toArray());
        s.colourLabels(0, from, s.nextRow() - 2);

        s.heading("What to do, in order", 7);
        if (r.remedies().isEmpty()) {
            s.text("", "Nothing: no rule failed.");
        }
        int step = 0;
        for (Remedy m : r.remedies()) {
            s.text("Step " + (++step) + (m.rules().isEmpty() ? "" : " (" + String.join(", ", m.rules()) + ")"),
                    m.action());
            for (String c : m.commands()) {
                s.command(c);
            }
        }

        s.heading("Restore", 7);
        s.text("Restore type", r.restore().type());
        s.text("Why", r.restore().why());

        s.heading("Cluster", 7);
        if (r.cluster().isCluster()) {
            s.text("Exchange virtual server", r.cluster().virtualServer());
            s.text("Read from", source(r.cluster().source()));
            s.text("Exchange group", r.cluster().exchangeGroup());
            s.text("Nodes", String.join(", ", r.cluster().nodes()));
        } else {
            s.text("Cluster", "No cluster hive in the evidence (standalone server, or the cluster files were not copied).");
        }
        if (!r.cluster().nodeName().isEmpty()) {
            s.text("SYSTEM hive's computer name", r.cluster().nodeName());
        }

        s.heading("Sheets", 7);
        s.labels("Sheet", "Rows");
        for (Map.Entry<String, List<String>> e : sheets.entrySet()) {
            List<String> names = e.getValue();
            s.counts(e.getKey(), rows.get(e.getKey()), Link.to("open " + names.get(0), names.get(0), 0, 0));
            if (names.size() > 1) {
                s.text("", "continues on " + String.join(", ", names.subList(1, names.size()))
                        + String.format(" (a sheet holds at most %,d data rows, header repeated)", XlsxBook.MAX_ROWS - 1));
            }
        }
        s.counts("Evidence files", (long) r.evidence().size());

        s.heading("Run", 7);
        boolean det = book.options().deterministic();
        Instant when = det ? XlsxBook.FIXED_TIME : r.run().runTime();
        s.text("Tool", "patchlens " + r.run().toolVersion());
        s.text("Command line", commandLine(r.run().commandLine()));
        s.time("Run time (UTC)", when, when + (det ? "  (fixed by --deterministic)" : ""));
        if (book.truncatedCells() > 0) {
            s.text("Long cells", String.format("%,d cells were longer than %,d characters and were cut with a note; "
                    + "the full values are in %s.", book.truncatedCells(), XlsxBook.MAX_TEXT,
                    book.options().fullValueHint()));
        }
        s.text("Sign-off", "Set \"Reviewer status\" on the Findings sheet (Open / Accepted / Fixed / Not applicable).");
    }

    private static Link countLink(long count, Place p) {
        return Link.count(count, p.sheet(), p.row(), 0);
    }

    static String source(Source s) {
        return s == null ? "" : s.toString();
    }

    /** The Excel date of a FILETIME, or null for 0 (unknown). */
    static Instant fileTime(long raw) {
        return raw == 0 ? null : FileTime.toInstant(raw);
    }

    /** A FILETIME exactly: the decimal ticks as text ("" for 0). */
    static String rawFileTime(long raw) {
        return raw == 0 ? "" : Long.toUnsignedString(raw);
    }

    static String offset(long off) {
        return off < 0 ? "" : String.format("0x%X", off);
    }

    /** Arguments joined with spaces, each with spaces or quotes in it quoted. */
    static String commandLine(List<String> args) {
        StringBuilder sb = new StringBuilder("patchlens");
        for (String a : args) {
            sb.append(' ');
            if (a.isEmpty() || a.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'' || c == '\t')) {
                sb.append('"').append(a.replace("\"", "\\\"")).append('"');
            } else {
                sb.append(a);
            }
        }
        return sb.toString();
    }
}
