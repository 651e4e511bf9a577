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
import org.patchlens.evidence.EvidenceKind;
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
import org.patchlens.rules.Finding;
import org.patchlens.rules.Rule;
import org.patchlens.rules.Severity;
import org.patchlens.rules.RuleEngine;
import org.patchlens.rules.Status;
import org.patchlens.runbook.Step;

/**
 * The restore-check workbook: Summary, Findings, Registry, Cluster, Store, Log chain, Evidence and
 * References sheets from a {@link Report}. Sheets and columns: docs/report.md.
 */
public final class ReportWorkbook {
    /** The public KB mirror a KB reference links to (the article number without its Q). */
    public static final String KB_MIRROR = KbArticles.MIRROR;

    /** The sheets, in order. */
    public static final List<String> SHEETS = List.of("Summary", "Runbook", "Findings", "Registry", "Cluster", "Store",
            "Log chain", "Evidence", "References");

    /**
     * The Findings sheet's columns: every column of {@link FindingsWriter#COLUMNS} (the CSV and JSONL of
     * check), each source under its value ("Expected" is the expected value, then "from" its source), plus
     * "#", "Title" and the reviewer's two columns; the long Detail at the right of the printed page. Confidence
     * and the reviewer's columns are on screen only: the printed page is the finding, what was compared, what to
     * do and why ({@link XlsxPrint#LANDSCAPE_CHARS} characters: 90 % on A4).
     */
    public static final List<Column> FINDING_COLUMNS = List.of(
            new Column("#", 3, Kind.NUMBER), // widened to the largest row number
            new Column("Rule", 8, Kind.TEXT), // REG-08 on one line
            new Column("Severity", 8, Kind.SEVERITY),
            new Column("Status", 9, Kind.STATUS), // SKIPPED on one line
            new Column("Title", 13, Kind.WRAP),
            new Column("Object", 16, Kind.WRAP),
            new Column("Expected", 22, Kind.WRAP), // REG_BINARY, then one 8-byte word a line
            new Column("Actual", 22, Kind.WRAP),
            new Column("Remedy", 31, Kind.WRAP),
            new Column("KB", 9, Kind.WRAP),
            new Column("Detail", 19, Kind.WRAP), // a FILETIME's 18 digits on one line
            new Column("Confidence", 11, Kind.TEXT).screenOnly(),
            new Column("Reviewer status", 10, Kind.REVIEW).screenOnly(),
            new Column("Reviewer comment", 14, Kind.WRAP).screenOnly());

    /**
     * The Runbook sheet's columns: the step, what to do, the lines to type (fixed-width, one per line), why, the
     * rules and KB articles behind it, and Done, a drop-down for the person running it (and a box to tick on
     * paper: every column prints).
     */
    public static final List<Column> RUNBOOK_COLUMNS = List.of(
            new Column("Step", 5, Kind.NUMBER),
            new Column("Phase", 9, Kind.TEXT),
            new Column("Action", 28, Kind.WRAP),
            new Column("Command", 65, Kind.MONO), // the longest typical line, cluster res "…" /offline, on one line
            new Column("Why", 29, Kind.WRAP),
            new Column("Rule", 8, Kind.WRAP),
            new Column("KB", 9, Kind.WRAP),
            new Column("Done", 7, Kind.DONE));

    /**
     * The Registry sheet's columns: what was read where, and its value, print; the raw forms (hex, offset, the
     * key's time and its FILETIME) are on screen only, the value itself printing a binary value's bytes.
     */
    public static final List<Column> REGISTRY_COLUMNS = List.of(
            new Column("File", 27, Kind.WRAP), // a checkpoint's GUID folder/0000000N.CPT broken only after a '-'
            new Column("Source", 11, Kind.WRAP),
            new Column("Key", 28, Kind.WRAP),
            new Column("Value name", 16, Kind.WRAP),
            new Column("Present", 8, Kind.TEXT),
            new Column("Type", 17, Kind.TEXT), // REG_EXPAND_SZ on one line
            new Column("Value", 24, Kind.WRAP), // one 8-byte word a line
            new Column("Rules", 9, Kind.WRAP),
            new Column("Note", 20, Kind.WRAP),
            new Column("Hex", 74, Kind.HEX).screenOnly(), // four 8-byte words a line: a row no taller than it must be
            new Column("Value offset", 10, Kind.MONO).screenOnly(),
            new Column("Key last written (UTC)", 22, Kind.DATE).screenOnly(),
            new Column("Key last written FILETIME", 21, Kind.MONO).screenOnly());

    /** The Cluster sheet's columns: the records print; their keys' times are on screen only. */
    public static final List<Column> CLUSTER_COLUMNS = List.of(
            new Column("Record", 10, Kind.TEXT),
            new Column("Cluster hive", 14, Kind.WRAP),
            new Column("Group", 12, Kind.WRAP),
            new Column("Name", 15, Kind.WRAP),
            new Column("GUID / ID", 22, Kind.MONO), // a GUID on two lines, broken after a '-'
            new Column("Type", 12, Kind.WRAP),
            new Column("Owners / members", 14, Kind.WRAP),
            new Column("Parameters / RegSync value", 12, Kind.WRAP),
            new Column("Checkpointed key (HKLM)", 22, Kind.WRAP),
            new Column("Checkpoint file", 27, Kind.WRAP), // GUID folder/0000000N.CPT broken only after a '-'
            new Column("Key last written (UTC)", 22, Kind.DATE).screenOnly(),
            new Column("Key last written FILETIME", 21, Kind.MONO).screenOnly());

    public static final List<Column> LOG_COLUMNS = List.of(
            new Column("Generation", 11, Kind.NUMBER),
            new Column("Generation (hex)", 11, Kind.MONO),
            new Column("File", 24, Kind.WRAP),
            new Column("State", 13, Kind.STATUS), // UNREADABLE on one line
            new Column("Signature", 28, Kind.WRAP),
            new Column("Created (UTC)", 22, Kind.DATE),
            new Column("Created LOGTIME", 26, Kind.MONO), // 8 bytes in hex on one line
            new Column("Note", 25, Kind.WRAP));

    public static final List<Column> EVIDENCE_COLUMNS = List.of(
            new Column("#", 3, Kind.NUMBER), // widened to the largest row number
            new Column("File", 27, Kind.WRAP), // a checkpoint's GUID folder/0000000N.CPT broken only after a '-'
            new Column("Kind", 13, Kind.WRAP),
            new Column("Why this kind", 17, Kind.WRAP),
            new Column("Size (bytes)", 11, Kind.NUMBER),
            new Column("SHA-256", 71, Kind.MONO), // 64 digits on one line
            new Column("Given by", 9, Kind.TEXT),
            new Column("Read errors", 9, Kind.WRAP));

    public static final List<Column> REFERENCE_COLUMNS = List.of(
            new Column("KB", 9, Kind.TEXT),
            new Column("Title", 56, Kind.WRAP),
            new Column("Cited by", 22, Kind.WRAP),
            new Column("Link", 72, Kind.LINK)); // the mirror's URL on one line

    /** The Store sheet's columns: the field, then per file its value and its offsets. */
    static final int STORE_FIELD_WIDTH = 32;
    static final int STORE_VALUE_WIDTH = 30;
    static final int STORE_OFFSET_WIDTH = 12;

    /** The files the Store sheet prints on one page: the fields and three files fit {@link XlsxPrint#LANDSCAPE_CHARS}. */
    static final int STORE_FILES_PER_PAGE = (XlsxPrint.LANDSCAPE_CHARS - STORE_FIELD_WIDTH)
            / (STORE_VALUE_WIDTH + STORE_OFFSET_WIDTH);

    /**
     * Where the Store sheet's printed pages end across: after every {@link #STORE_FILES_PER_PAGE}th file's offset
     * column, so a file's value and its offsets are on one page, the fields repeated on each (none: one page wide).
     */
    static int[] storePageBreaks(int files) {
        int pages = Math.max(1, (files + STORE_FILES_PER_PAGE - 1) / STORE_FILES_PER_PAGE);
        int[] breaks = new int[pages - 1];
        for (int p = 0; p < breaks.length; p++) {
            breaks[p] = 2 * STORE_FILES_PER_PAGE * (p + 1); // field column, then a value and an offset column a file
        }
        return breaks;
    }

    private ReportWorkbook() {
    }

    /** The mirror URL of a KB reference ("Q288562"). */
    public static String kbUrl(String kb) {
        return KbArticles.url(kb);
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
        try (XlsxBook book = new XlsxBook(options.subject().isEmpty() ? options.withSubject(subject(report)) : options)) {
            Written w = fill(book, report);
            book.save(out, report.run().runTime());
            return w;
        }
    }

    /**
     * What the report is about, for the top of every printed page: the Exchange virtual server, else the computer
     * name of the SYSTEM hive ("" when the evidence names neither).
     */
    static String subject(Report r) {
        String vs = r.cluster().virtualServer();
        if (vs != null && !vs.isBlank()) {
            return "Exchange virtual server " + vs;
        }
        String node = r.cluster().nodeName();
        return node == null || node.isBlank() ? "" : "server " + node;
    }

    /** A KB article the report cites: its number and the rules whose findings cite it. */
    record Reference(String kb, List<String> rules) {
    }

    /**
     * Every KB article the report cites, by number: the findings' references, and every KB number the
     * findings' texts (remedies, expected and actual values, details) name.
     */
    static List<Reference> references(List<Finding> findings) {
        Map<String, java.util.Set<String>> cited = new java.util.TreeMap<>(
                java.util.Comparator.comparingLong((String q) -> Long.parseLong(q.substring(1))).thenComparing(q -> q));
        for (Finding f : findings) {
            List<String> kbs = new ArrayList<>(f.kb());
            for (String text : List.of(f.remedy(), f.expected(), f.actual(), f.detail())) {
                kbs.addAll(KbArticles.in(text));
            }
            for (String kb : kbs) {
                if (kb.matches("Q\\d{6}")) {
                    cited.computeIfAbsent(kb, k -> new java.util.LinkedHashSet<>()).add(f.rule().id());
                }
            }
        }
        List<Reference> out = new ArrayList<>();
        cited.forEach((kb, rules) -> out.add(new Reference(kb, List.copyOf(rules))));
        return out;
    }

    /**
     * A finding's value and, on the lines below, where it came from; in the fixed-width font with its hex
     * in words of 8 bytes when it holds a hex value ({@link #hexValue}).
     */
    static Object valueAndSource(String value, Source source) {
        String v = hexValue(value);
        String text = source == null || source.isNone() ? v : v.isEmpty() ? "from " + source : v + "\nfrom " + source;
        return v.equals(value) ? text : new XlsxBook.Mono(text);
    }

    /**
     * A registry value as a printed column shows it: a value shown as its bytes (REG_BINARY, or data that is
     * not its type) as {@code bytes}, in the fixed-width font in words of 8 bytes like the screen-only column that
     * holds all of them, cut with a note when its row cannot show them all; any other value exactly as decoded (a
     * string is never changed).
     */
    static Object valueCell(String value, XlsxBook.HexExcerpt bytes) {
        return !value.isEmpty() && value.equals(bytes.hex()) ? bytes : value;
    }

    /**
     * Where every byte of a Registry value is when its Hex cell is cut at {@link XlsxBook#MAX_TEXT} (check's JSONL
     * holds the findings, not the Registry sheet).
     */
    static final String REGISTRY_BYTES = "its hive's JSONL dump (patchlens hive dump FILE --format jsonl)";

    /** A value as a finding shows it: a type name, then its data ({@code RegValue.shown()}). */
    private static final java.util.regex.Pattern TYPED_DATA = java.util.regex.Pattern.compile(
            "(?<![0-9A-Za-z_])REG_([A-Z_]{2,40}) ([0-9a-fA-F]{17,})(?![0-9A-Za-z_])");
    /** The types a finding shows as decoded text or a number, not as bytes. */
    private static final java.util.Set<String> DECODED = java.util.Set.of("SZ", "EXPAND_SZ", "MULTI_SZ", "LINK",
            "DWORD", "DWORD_BIG_ENDIAN", "QWORD");

    /**
     * The text with each registry value shown as its bytes ("REG_BINARY 0f161d…", as the rules print a
     * value that is not text) written in words of 8 bytes, so that a wrapped cell never breaks inside a
     * byte; the text unchanged when it holds none (a string value or any other text is never changed).
     */
    static String hexValue(String text) {
        if (text == null || text.length() <= XlsxBook.HEX_WORD) {
            return text == null ? "" : text;
        }
        java.util.regex.Matcher m = TYPED_DATA.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (m.group(2).length() % 2 != 0 || DECODED.contains(m.group(1))) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 16);
            }
            sb.append(text, last, m.start(2)).append(XlsxBook.hexWords(m.group(2)));
            last = m.end(2);
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    static Written fill(XlsxBook book, Report r) {
        XlsxPage summary = book.page("Summary", 28, 10, 10, 10, 10, 10, 30); // A: "SYSTEM hive's computer name" on one line
        Map<String, List<String>> sheets = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<Reference> refs = references(r.findings());

        XlsxTable runbook = book.table("Runbook", RUNBOOK_COLUMNS);
        if (r.runbook().isEmpty()) {
            runbook.add(null, null, "No runbook was made for this report.");
        }
        for (Step st : r.runbook().steps()) {
            runbook.add((long) st.number(), st.phase().label(), st.action(), st.commands().isEmpty() ? null
                    : new XlsxBook.Mono(String.join("\n", st.commands())), st.why(), String.join(", ", st.rules()),
                    String.join(", ", st.kb()));
        }
        note(sheets, rows, runbook);

        // Findings: remember the first row of each severity+status for the Summary links.
        XlsxTable findings = book.table("Findings", FINDING_COLUMNS);
        Map<Severity, Map<Status, Place>> first = new EnumMap<>(Severity.class);
        Map<Severity, Map<Status, Long>> counts = new EnumMap<>(Severity.class);
        Map<Status, Place> firstStatus = new EnumMap<>(Status.class);
        long n = 0;
        for (Finding f : r.findings()) {
            // one cell, plain text: a spreadsheet program does not wrap a link (the References sheet has them)
            String kbCell = String.join(", ", f.kb());
            Place p = findings.add(++n, f.rule().id(), f.severity().name(), f.status().name(), f.rule().title(),
                    f.object(), valueAndSource(f.expected(), f.expectedSource()),
                    valueAndSource(f.actual(), f.actualSource()), f.remedy(), kbCell, hexValue(f.detail()),
                    f.confidence().label());
            first.computeIfAbsent(f.severity(), k -> new EnumMap<>(Status.class)).putIfAbsent(f.status(), p);
            counts.computeIfAbsent(f.severity(), k -> new EnumMap<>(Status.class)).merge(f.status(), 1L, Long::sum);
            firstStatus.putIfAbsent(f.status(), p);
        }
        note(sheets, rows, findings);

        XlsxTable registry = book.table("Registry", REGISTRY_COLUMNS);
        for (RegistryRow x : r.registry()) {
            registry.add(x.source().file(), x.role(), x.key(), x.valueName().isEmpty() ? "(default)" : x.valueName(),
                    x.present() ? "yes" : "no", x.type(), valueCell(x.value(), new XlsxBook.HexExcerpt(x.hex(), "Hex",
                    REGISTRY_BYTES)), x.rules(), x.note(), x.hex(), offset(x.source().offset()),
                    fileTime(x.lastWritten()), rawFileTime(x.lastWritten()));
        }
        note(sheets, rows, registry);

        XlsxTable cluster = book.table("Cluster", CLUSTER_COLUMNS);
        for (ClusterRow c : r.clusterRows()) {
            cluster.add(c.record(), c.clusterHive(), c.group(), c.name(), c.guid(), c.type(), c.owners(), c.detail(),
                    c.path(), c.record().equals("checkpoint") && c.file().isEmpty() ? "(not in the evidence)" : c.file(),
                    fileTime(c.lastWritten()), rawFileTime(c.lastWritten()));
        }
        note(sheets, rows, cluster);

        List<Column> storeCols = new ArrayList<>();
        storeCols.add(new Column("Field (eseutil's label)", STORE_FIELD_WIDTH, Kind.WRAP));
        for (StoreFile f : r.store().files()) {
            storeCols.add(new Column(f.header(), STORE_VALUE_WIDTH, Kind.WRAP));
            String base = f.name().substring(Math.max(f.name().lastIndexOf('/'), f.name().lastIndexOf('\\')) + 1);
            storeCols.add(new Column("offset in " + base + (f.copy().isEmpty() ? "" : " (" + f.copy().split(" ")[0]
                    + ")"), STORE_OFFSET_WIDTH, Kind.MONO));
        }
        XlsxTable store = book.table("Store", storeCols);
        store.pageBreaksAfter(storePageBreaks(r.store().files().size()));
        for (StoreField f : r.store().fields()) {
            List<Object> v = new ArrayList<>();
            v.add(f.field());
            for (Datum d : f.values()) {
                v.add(d.value());
                v.add(d.offsetText());
            }
            store.add(v.toArray());
        }
        note(sheets, rows, store);

        XlsxTable logs = book.table("Log chain", LOG_COLUMNS);
        if (r.logChain().isEmpty()) {
            logs.add(null, null, "(none)", "NO LOGS", null, null, null, CheckReport.noLogs(r.restore().type()));
        }
        for (LogEntry e : r.logChain()) {
            logs.add(e.generation(), String.format("0x%X", e.generation()), e.file(), e.state(), e.signature(),
                    e.created(), e.createdRaw(), e.note());
        }
        note(sheets, rows, logs);

        XlsxTable ev = book.table("Evidence", EVIDENCE_COLUMNS);
        long i = 0;
        for (Evidence e : r.evidence()) {
            // a record of what the walk did not look at is no file: no size, no hash, its reason said once
            boolean file = e.kind() != EvidenceKind.NOT_WALKED;
            ev.add(++i, e.name(), e.kindLabel(), e.detail(), file ? e.size() : null, e.sha256(),
                    e.explicit() ? "option" : "discovery", file ? String.join("\n", e.errors()) : "");
            if (file) {
                book.property("sha256 " + e.name(), e.sha256());
            }
        }
        note(sheets, rows, ev);

        XlsxTable ref = book.table("References", REFERENCE_COLUMNS);
        for (Reference x : refs) {
            ref.add(x.kb(), KbArticles.title(x.kb()), String.join(", ", x.rules()),
                    Link.url(KbArticles.url(x.kb()), KbArticles.url(x.kb())));
        }
        note(sheets, rows, ref);

        summary(book, summary, r, counts, first, firstStatus, sheets, rows);
        return new Written(sheets, rows, book.truncatedCells());
    }

    private static void note(Map<String, List<String>> sheets, Map<String, Long> rows, XlsxTable t) {
        sheets.put(t.name(), t.sheetNames());
        rows.put(t.name(), t.rows());
    }

    private static void summary(XlsxBook book, XlsxPage s, Report r, Map<Severity, Map<Status, Long>> counts,
                                Map<Severity, Map<Status, Place>> first, Map<Status, Place> firstStatus,
                                Map<String, List<String>> sheets, Map<String, Long> rows) {
        s.banner(r.verdict(), CheckReport.tone(r.findings()));

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
        s.colourLabels(0, from, s.nextRow() - 2, 1 + Status.FAIL.ordinal(), 1 + Status.WARN.ordinal());

        s.heading("What to do, in order", 7);
        boolean before = r.restore().stage().equals(org.patchlens.rules.Stage.BEFORE_RESTORE.label());
        boolean plan = before && !r.runbook().isEmpty(); // before the restore the plan is what to do
        if (plan) {
            // its blockers here, every step on the Runbook sheet
            for (Step b : r.runbook().blockers()) {
                s.text("Step " + b.number() + " (" + String.join(", ", b.rules()) + ")", b.action() + " " + b.why());
            }
            int n = r.runbook().restoreSteps();
            s.text(r.runbook().blockers().isEmpty() ? "" : "Then", "The restore, in " + n + (n == 1 ? " step" : " steps")
                    + ", each with the lines to type: the Runbook sheet.");
        } else if (r.remedies().isEmpty()) {
            s.text("", "Nothing: no rule failed.");
        }
        int step = 0;
        for (Remedy m : plan ? List.<Remedy>of() : r.remedies()) {
            s.text(stepLabel(++step, m), m.action());
            for (Report.Command c : m.commands()) {
                s.command(c.alternative().isEmpty() ? "" : "for " + c.alternative(), c.line());
            }
        }

        s.heading("Restore", 7);
        s.text("Restore type", r.restore().type());
        s.text("Why", r.restore().why());
        // after the restore the Summary stays the one page it was; the stage is in the text header
        if (before) {
            s.text("Stage", r.restore().stage() + " (" + r.restore().stageWhy() + ")");
        }

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
            s.counts(e.getKey(), rows.get(e.getKey()), Link.to("open", names.get(0), 0, 0));
            if (names.size() > 1) {
                s.text("", "continues on " + String.join(", ", names.subList(1, names.size()))
                        + String.format(" (a sheet holds at most %,d data rows, header repeated)", XlsxBook.MAX_ROWS - 1));
            }
        }

        s.heading("Run", 7);
        boolean det = book.options().deterministic();
        Instant when = det ? XlsxBook.FIXED_TIME : r.run().runTime();
        s.text("Tool", "patchlens " + r.run().toolVersion());
        s.text("Command line", commandLine(r.run().commandLine()));
        s.text("Run time (UTC)", when + (det ? "  (fixed by --deterministic)" : ""));
        if (book.truncatedCells() > 0) {
            s.text("Long cells", String.format("%,d cells were longer than %,d characters and were cut with a note; "
                    + "the full values are in %s.", book.truncatedCells(), XlsxBook.MAX_TEXT,
                    book.options().fullValueHint()));
        }
        s.text("Sign-off", "Set \"Reviewer status\" on the Findings sheet (Open / Accepted / Fixed / Not applicable).");
    }

    /** "Step 1 (CLU-08)", or "Step 1 (CLU-08, 2 findings)" when one step answers several. */
    static String stepLabel(int step, Remedy m) {
        StringBuilder sb = new StringBuilder("Step ").append(step);
        if (!m.rules().isEmpty()) {
            sb.append(" (").append(String.join(", ", m.rules()));
            if (m.findings() > 1) {
                sb.append(", ").append(m.findings()).append(" findings");
            }
            sb.append(')');
        }
        return sb.toString();
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
