package org.patchlens.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.LogChain;
import org.patchlens.ese.LogTime;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;
import org.patchlens.report.Report.ClusterFacts;
import org.patchlens.report.Report.ClusterRow;
import org.patchlens.report.Report.Datum;
import org.patchlens.report.Report.LogEntry;
import org.patchlens.report.Report.RegistryRow;
import org.patchlens.report.Report.Remedy;
import org.patchlens.report.Report.StoreField;
import org.patchlens.report.Report.StoreFile;
import org.patchlens.report.Report.StoreHeaders;
import org.patchlens.rules.CheckContext;
import org.patchlens.rules.Finding;
import org.patchlens.rules.RuleEngine.CheckResult;
import org.patchlens.rules.Status;
import org.patchlens.model.ValueReads;

/**
 * Fills a {@link Report} from what {@code check} already has: the context (evidence, opened
 * hives, cluster models) and the rule results. It computes no finding: it orders them, groups
 * their remedies, and looks up each registry source a finding names to show the value as stored.
 * Store headers and the log chain come from the ESE reader's records ({@link #store}, {@link #logChain}).
 */
public final class CheckReport {
    /** The first word of a back-quoted remedy segment that is a command to type. */
    private static final Set<String> COMMAND_WORDS = Set.of("set", "isinteg", "eseutil", "esefile", "cluster", "ren",
            "rename", "move", "copy", "del", "net", "regedt32", "regedit", "reg", "md", "mkdir", "xcopy");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private CheckReport() {
    }

    /** The report of one check run (no store headers or log chain: add them with {@link #withStore}). */
    public static Report of(CheckContext ctx, CheckResult result, Report.Run run) {
        List<Finding> findings = ordered(result.findings());
        return new Report(result.verdict(), findings, remedies(findings),
                new Report.Restore(result.restore().label(), result.restoreReason()), cluster(ctx), ctx.evidence(),
                allRegistry(ctx, findings), clusterRows(ctx), StoreHeaders.NONE, List.of(), run);
    }

    /** The same report with the store headers and the log chain. */
    public static Report withStore(Report r, StoreHeaders store, List<LogEntry> logChain) {
        return new Report(r.verdict(), r.findings(), r.remedies(), r.restore(), r.cluster(), r.evidence(),
                r.registry(), r.clusterRows(), store, logChain, r.run());
    }

    /**
     * Failures and warnings first, by severity (most severe first), then by rule (catalog order); then passes,
     * then skipped, by rule. Findings of one rule keep the order the rule gave them.
     */
    static List<Finding> ordered(List<Finding> in) {
        List<Finding> out = new ArrayList<>(in);
        out.sort(Comparator.comparingInt((Finding f) -> switch (f.status()) {
            case FAIL, WARN -> 0;
            case PASS -> 1;
            case SKIPPED -> 2;
        }).thenComparing(f -> f.status() == Status.FAIL || f.status() == Status.WARN ? f.severity().ordinal() : 0)
                .thenComparing(f -> f.rule().ordinal()));
        return out;
    }

    /**
     * What to do, in order: one step per action, most severe first. The remedies of several findings of one
     * rule that differ only in the objects they name (CLU-08 for the private and the public store) are one
     * step whose text names them all ({@link RemedyMerge}); the same remedy from several rules is one step
     * with all their IDs.
     */
    static List<Remedy> remedies(List<Finding> ordered) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : ordered) {
            if ((f.status() == Status.FAIL || f.status() == Status.WARN) && !f.remedy().isBlank()) {
                byRule.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
            }
        }
        // text -> (rule IDs, findings)
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        byRule.forEach((id, fs) -> {
            List<String> texts = fs.stream().map(f -> f.remedy().strip()).distinct().toList();
            String merged = texts.size() == 1 ? texts.get(0) : RemedyMerge.merge(texts);
            if (merged != null) {
                rules.computeIfAbsent(merged, k -> new LinkedHashSet<>()).add(id);
                counts.merge(merged, fs.size(), Integer::sum);
            } else {
                for (Finding f : fs) {
                    String t = f.remedy().strip();
                    rules.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(id);
                    counts.merge(t, 1, Integer::sum);
                }
            }
        });
        List<Remedy> out = new ArrayList<>();
        rules.forEach((text, ids) -> out.add(new Remedy(text, commands(text), List.copyOf(ids), counts.get(text))));
        return out;
    }

    /** "(1)", "(2)", ...: the alternatives a remedy offers. */
    private static final Pattern ALTERNATIVE = Pattern.compile("\\((\\d)\\) ");

    /**
     * The back-quoted segments of a remedy that are commands ({@code SET …}, {@code isinteg -patch},
     * {@code net start …}), in order. In a remedy that offers alternatives ("(1) … or (2) …") each command
     * says which alternative it belongs to, so that a list of lines is not read as a sequence.
     */
    static List<Report.Command> commands(String remedy) {
        List<Report.Command> out = new ArrayList<>();
        List<int[]> marks = new ArrayList<>();
        Matcher a = ALTERNATIVE.matcher(remedy);
        while (a.find()) {
            marks.add(new int[] {a.start(), Integer.parseInt(a.group(1))});
        }
        boolean alternatives = marks.size() >= 2;
        Matcher m = QUOTED.matcher(remedy);
        while (m.find()) {
            String c = m.group(1).strip();
            String first = c.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (c.contains(" ") && COMMAND_WORDS.contains(first)) {
                String alt = "";
                if (alternatives) {
                    for (int[] mark : marks) {
                        if (mark[0] < m.start()) {
                            alt = "(" + mark[1] + ")";
                        }
                    }
                }
                out.add(new Report.Command(alt, c));
            }
        }
        return out;
    }

    /** The fill of the verdict: red when a CRIT failed, amber for any other failure or warning, green else. */
    public static XlsxBook.Tone tone(List<Finding> findings) {
        boolean crit = false;
        boolean any = false;
        for (Finding f : findings) {
            if (f.status() == Status.FAIL || f.status() == Status.WARN) {
                any = true;
                crit |= f.severity() == org.patchlens.rules.Severity.CRIT;
            }
        }
        return crit ? XlsxBook.Tone.RED : any ? XlsxBook.Tone.AMBER : XlsxBook.Tone.GREEN;
    }

    /**
     * The one row of an empty Log chain sheet: no logs were among the evidence, and what that means for the
     * restore type (exchange-restore.md 1.2: an offline point-in-time restore needs none; roll-forward needs
     * the unbroken series from the anchor log to edb.log; an online restore replays LowLog..HighLog).
     */
    public static String noLogs(String restoreType) {
        String what = switch (restoreType) {
            case "offline-pit" -> "For an offline point-in-time restore that is as it should be: only the "
                    + "databases are restored, consistent, with every old log, edb.chk and patch file removed, and "
                    + "the store starts a new log series (KB Q296787).";
            case "offline-rollforward" -> "A roll-forward restore needs the unbroken series of logs from the "
                    + "databases' Last Consistent generation (the anchor log) to edb.log: copy the log folder "
                    + "to have the log rules check it (KB Q296787).";
            case "online" -> "An online restore replays the logs LowLog..HighLog of the Restore in Progress key "
                    + "with the patch files: copy the log folder to have the log rules check them (KB Q200941).";
            default -> "The restore type is not known (give --restore-type), so whether logs are needed "
                    + "cannot be said.";
        };
        return "No log files among the evidence. " + what;
    }

    static ClusterFacts cluster(CheckContext ctx) {
        Optional<ClusterModel> m = ctx.cluster();
        String node = ctx.node().map(RegValue::text).orElse("");
        if (m.isEmpty()) {
            return new ClusterFacts("", "", List.of(), node, Source.NONE);
        }
        return new ClusterFacts(ctx.virtualServer().orElse(""),
                m.get().exchangeGroup().map(g -> g.name() == null ? g.guid() : g.name()).orElse(""),
                m.get().nodes().stream().map(n -> n.name() == null ? n.id() : n.name()).toList(), node,
                ctx.virtualServerSource().orElse(Source.NONE));
    }

    static List<ClusterRow> clusterRows(CheckContext ctx) {
        List<ClusterRow> rows = new ArrayList<>();
        for (ClusterModel m : ctx.clusters()) {
            rows.addAll(ClusterRow.of(m, (guid, vn) -> ctx.checkpointEvidence(guid, vn).map(Evidence::name)
                    .orElse(null)));
        }
        return rows;
    }

    /** An opened hive and the role its file plays. */
    /**
     * An opened hive, the role its file plays and, for a registry checkpoint, the HKLM path its root
     * restores (findings name checkpoint keys by that path), else null.
     */
    private record Opened(Hive hive, String role, String rootPath) {
        /** A key path of this hive ("\\A\\B") as the report names it: without the leading "\\", or below the HKLM path a checkpoint restores. */
        String shownPath(String hivePath) {
            String p = hivePath.startsWith("\\") ? hivePath.substring(1) : hivePath;
            if (rootPath == null) {
                return p;
            }
            return p.isEmpty() ? rootPath : rootPath + "\\" + p;
        }

        /** The key a finding's key path names in this hive (null if none). */
        Key key(String keyPath) {
            String p = keyPath;
            if (rootPath != null && p.regionMatches(true, 0, rootPath, 0, rootPath.length())
                    && (p.length() == rootPath.length() || p.charAt(rootPath.length()) == '\\')) {
                p = p.length() == rootPath.length() ? "\\" : p.substring(rootPath.length());
            }
            String q = p;
            return safe(() -> hive.key(q));
        }
    }

    /** The HKLM path each checkpoint evidence file restores (its resource's RegSync entry), by evidence name. */
    private static Map<String, String> checkpointPaths(CheckContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ClusterModel m : ctx.clusters()) {
            for (ClusterModel.Resource r : m.resources()) {
                for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                    ctx.checkpointEvidence(r.guid(), cp.valueName()).ifPresent(e -> out.putIfAbsent(e.name(),
                            cp.path()));
                }
            }
        }
        return out;
    }

    /** The one-row-per-value key of a registry row: file, key path and value name, case-insensitively. */
    static String rowKey(String file, String keyPath, String valueName) {
        return file + "\u0000" + keyPath.toLowerCase(Locale.ROOT) + " : "
                + (valueName.isEmpty() ? "(default)" : valueName.toLowerCase(Locale.ROOT));
    }

    /** What the Registry sheet's Note says of a value a rule read that no finding names. */
    static final String READ_NOTE = "read by a rule; named in no finding";

    /**
     * Every registry value a finding names as its expected or actual source, looked up in that
     * source (type, data, key last-written time), once per source, with the rules that named it; then every
     * other value the rules read ({@link ValueReads}), so that a PASS can be verified too.
     */
    static List<RegistryRow> registry(CheckContext ctx, List<Finding> findings) {
        return registry(ctx, findings, (h, k) -> false);
    }

    /** As above, leaving out the values read where {@code covered} says another part of the sheet shows them. */
    static List<RegistryRow> registry(CheckContext ctx, List<Finding> findings,
                                      java.util.function.BiPredicate<Hive, String> covered) {
        Map<String, Opened> hives = new LinkedHashMap<>();
        ctx.system().map(SystemView::hive).ifPresent(h -> ctx.systemEvidence()
                .ifPresent(e -> hives.put(e.name(), new Opened(h, "live SYSTEM", null))));
        for (ClusterModel m : ctx.clusters()) {
            hives.putIfAbsent(m.file(), new Opened(m.hive(), "cluster hive", null));
        }
        Map<String, String> roots = checkpointPaths(ctx);
        for (Map.Entry<String, Evidence> e : ctx.checkpointFiles().entrySet()) {
            String id = e.getKey();
            int cut = id.lastIndexOf('\\');
            if (cut > 0) {
                ctx.checkpoint(id.substring(0, cut), id.substring(cut + 1)).ifPresent(h -> hives.putIfAbsent(
                        e.getValue().name(), new Opened(h, "checkpoint " + id.substring(cut + 1),
                        roots.get(e.getValue().name()))));
            }
        }
        ctx.software().ifPresent(h -> ctx.evidence(org.patchlens.evidence.EvidenceKind.SOFTWARE_HIVE).stream()
                .findFirst().ifPresent(e -> hives.putIfAbsent(e.name(), new Opened(h, "SOFTWARE", null))));
        Map<String, RegistryRow> rows = new LinkedHashMap<>();
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (Finding f : findings) {
            for (Source s : List.of(f.expectedSource(), f.actualSource())) {
                Opened o = s == null ? null : hives.get(s.file());
                int sep = s == null ? -1 : s.location().lastIndexOf(" : ");
                if (o == null || sep < 0) {
                    continue;
                }
                RegistryRow row = lookup(o, s, s.location().substring(0, sep), s.location().substring(sep + 3));
                // one row per value, however the finding spelt its location
                String key = rowKey(s.file(), row.key(), row.valueName());
                rules.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.rule().id());
                rows.putIfAbsent(key, row);
            }
        }
        List<RegistryRow> out = new ArrayList<>();
        rows.forEach((k, r) -> out.add(new RegistryRow(r.role(), r.key(), r.valueName(), r.present(), r.type(),
                r.value(), r.hex(), r.lastWritten(), r.source(), String.join(", ", rules.get(k)), r.note())));
        hives.forEach((file, o) -> {
            for (ValueReads.Read read : ValueReads.of(o.hive())) {
                if (covered.test(o.hive(), read.keyPath())) {
                    continue;
                }
                Key k = safe(() -> o.hive().key(read.keyPath()));
                Value v = k == null ? null : k.value(read.valueName());
                if (v == null) {
                    continue;
                }
                String path = o.shownPath(read.keyPath());
                if (rows.putIfAbsent(rowKey(file, path, read.valueName()), RegistryRow.absent("", "", "", "", 0, "",
                        "")) == null) {
                    byte[] data = v.data();
                    out.add(new RegistryRow(o.role(), path, v.name(), true, ValueType.name(v.typeCode()),
                            v.decoded().render(data), HexFormat.of().formatHex(data), k.lastWrittenRaw(),
                            new Source(file, path + " : " + (v.name().isEmpty() ? "(default)" : v.name()),
                                    v.fileOffset()), "", READ_NOTE));
                }
            }
        });
        return out;
    }

    /**
     * The findings' registry sources and the other values the rules read ({@link #registry(CheckContext,
     * List, java.util.function.BiPredicate)}), then every value of every checkpointed subtree that CLU-08
     * compares, in the live SYSTEM hive and in the checkpoint file, walked lazily when the workbook is written
     * (a large subtree is never held in memory). A value a rule read inside such a subtree is shown there,
     * as compared by CLU-08.
     */
    static Iterable<RegistryRow> allRegistry(CheckContext ctx, List<Finding> findings) {
        Optional<SystemView> sys = ctx.system();
        Optional<ClusterModel> m = ctx.cluster();
        record Part(Hive hive, Key start, String rootPath, String file, String role, String note) {
        }
        List<Part> subtrees = new ArrayList<>();
        if (sys.isPresent() && m.isPresent()) {
            SystemView v = sys.get();
            for (ClusterModel.Resource r : m.get().allExchangeResources()) {
                for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                    Optional<Hive> cpt = ctx.checkpoint(r.guid(), cp.valueName());
                    String cptName = ctx.checkpointEvidence(r.guid(), cp.valueName()).map(Evidence::name)
                            .orElse(r.guid() + "\\" + cp.valueName() + ".CPT");
                    // the checkpointed path is the row's Key: the note names the resource and its entry
                    String note = "checkpointed by " + r.name() + ", RegSync " + cp.valueName();
                    Key live = safe(() -> v.resolveHklm(cp.path()));
                    if (live != null) {
                        subtrees.add(new Part(v.hive(), live, null, v.file(), "live SYSTEM", note));
                    }
                    cpt.ifPresent(h -> {
                        Key root = safe(h::root);
                        if (root != null) {
                            subtrees.add(new Part(h, root, cp.path(), cptName, "checkpoint " + cp.valueName(), note));
                        }
                    });
                }
            }
        }
        java.util.function.BiPredicate<Hive, String> covered = (h, keyPath) -> subtrees.stream().anyMatch(p ->
                p.hive() == h && under(keyPath, p.start().path()));
        List<RegistryRow> named = registry(ctx, findings, covered);
        Set<String> seen = new java.util.HashSet<>();
        for (RegistryRow r : named) {
            seen.add(rowKey(r.source().file(), r.key(), r.valueName()));
        }
        List<Iterable<RegistryRow>> parts = new ArrayList<>();
        parts.add(named);
        for (Part p : subtrees) {
            parts.add(() -> subtree(p.hive(), p.start(), p.rootPath(), p.file(), p.role(), p.note(), seen));
        }
        return () -> parts.stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false))
                .iterator();
    }

    /** Whether the key path {@code path} is {@code root} or below it (hive paths, case-insensitive). */
    static boolean under(String path, String root) {
        if (root.isEmpty() || root.equals("\\")) {
            return true;
        }
        return path.regionMatches(true, 0, root, 0, root.length())
                && (path.length() == root.length() || path.charAt(root.length()) == '\\');
    }

    private static Key safe(java.util.function.Supplier<Key> k) {
        try {
            return k.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Every value below {@code start} (lazily), skipping the locations already shown; keys named
     * below {@code rootPath} when given (a checkpoint's root is the HKLM path it restores).
     */
    private static java.util.Iterator<RegistryRow> subtree(Hive h, Key start, String rootPath, String file,
                                                           String role, String note, Set<String> seen) {
        if (start == null) {
            return java.util.Collections.emptyIterator();
        }
        return java.util.stream.StreamSupport.stream(h.walk(start).spliterator(), false).flatMap(k -> {
            String path;
            if (rootPath != null) {
                path = k.path().equals("\\") || k.path().isEmpty() ? rootPath : rootPath + k.path();
            } else {
                path = k.path().length() > 1 && k.path().startsWith("\\") ? k.path().substring(1) : k.path();
            }
            List<RegistryRow> rows = new ArrayList<>();
            for (Value v : k.values()) {
                String loc = path + " : " + (v.name().isEmpty() ? "(default)" : v.name());
                if (seen.contains(rowKey(file, path, v.name()))) {
                    continue;
                }
                byte[] data = v.data();
                rows.add(new RegistryRow(role, path, v.name(), true, ValueType.name(v.typeCode()),
                        v.decoded().render(data), HexFormat.of().formatHex(data), k.lastWrittenRaw(),
                        new Source(file, loc, v.fileOffset()), "CLU-08", note));
            }
            return rows.stream();
        }).iterator();
    }

    private static RegistryRow lookup(Opened o, Source s, String keyPath, String valueName) {
        String name = valueName.equals("(default)") ? "" : valueName;
        Key k = o.key(keyPath);
        if (k == null) {
            return new RegistryRow(o.role(), keyPath, name, false, "", "", "", 0, s, "", "key not in this source");
        }
        Value v = k.value(name);
        int slash = name.lastIndexOf('\\');
        if (v == null && slash > 0) {
            // "key : Subkey\\Value" names a value of a subkey
            String subPath = keyPath + "\\" + name.substring(0, slash);
            Key sub = o.key(subPath);
            if (sub != null && sub.value(name.substring(slash + 1)) != null) {
                k = sub;
                keyPath = subPath;
                name = name.substring(slash + 1);
                v = sub.value(name);
            }
        }
        if (v == null) {
            return new RegistryRow(o.role(), keyPath, name, false, "", "", "", k.lastWrittenRaw(), s, "",
                    "value not in this source");
        }
        byte[] data = v.data();
        Source at = s.offset() >= 0 ? s : new Source(s.file(), s.location(), v.fileOffset());
        return new RegistryRow(o.role(), keyPath, name, true, ValueType.name(v.typeCode()),
                v.decoded().render(data), HexFormat.of().formatHex(data), k.lastWrittenRaw(), at, "", "");
    }

    // ------------------------------------------------------------------ store

    /**
     * The headers side by side, one row per field under eseutil's label and in eseutil's format
     * ({@link EseFields}: the text of {@code patchlens ese header}), each with its byte offsets in the file,
     * rows in the order of first appearance.
     */
    public static StoreHeaders store(List<? extends EseHeader> headers) {
        return store(headers.stream().map(EseHeader::file).toList(), headers);
    }

    /** As {@link #store(List)}, with the names to show for the files (e.g. evidence names). */
    public static StoreHeaders store(List<String> names, List<? extends EseHeader> headers) {
        List<StoreFile> files = new ArrayList<>();
        List<List<EseFields.Row>> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            EseHeader h = headers.get(i);
            files.add(new StoreFile(names.get(i), h.kind().name().toLowerCase(Locale.ROOT)));
            columns.add(EseFields.of(h));
        }
        return sideBySide(files, columns);
    }

    /** Rows by field (eseutil's label, with its section) over the columns, in the order of first appearance. */
    static StoreHeaders sideBySide(List<StoreFile> files, List<List<EseFields.Row>> columns) {
        Map<String, Datum[]> fields = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Integer> occurrence = new java.util.HashMap<>();
            for (EseFields.Row r : columns.get(i)) {
                // a label repeated in one section (a backup's two "Mark" lines) is a row per occurrence
                int n = occurrence.merge(r.field(), 1, Integer::sum);
                String key = n == 1 ? r.field() : r.field() + "\u0000" + n;
                fields.computeIfAbsent(key, k -> new Datum[columns.size()])[i] = new Datum(r.value(), r.offsets());
            }
        }
        List<StoreField> out = new ArrayList<>();
        fields.forEach((key, ds) -> {
            List<Datum> vs = new ArrayList<>();
            for (Datum d : ds) {
                vs.add(d == null ? Datum.NONE : d);
            }
            int cut = key.indexOf('\u0000');
            out.add(new StoreField(cut < 0 ? key : key.substring(0, cut), vs));
        });
        return new StoreHeaders(files, out);
    }

    /**
     * A LOGTIME as a date cell when it is UTC and a calendar date; null when it is in the server's local
     * time (Exchange 5.5 writes local times; the file does not say which zone) or not a date.
     */
    static Instant utc(LogTime t) {
        if (!t.isSet() || !t.utc() || !t.plausible()) {
            return null;
        }
        try {
            return LocalDateTime.of(t.year(), t.month(), t.day(), t.hours(), t.minutes(), t.seconds(),
                    t.milliseconds() * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The log chain: every log by generation, each gap as its own row, foreign or damaged logs marked. */
    public static List<LogEntry> logChain(LogChain.Report r) {
        Set<Long> present = new LinkedHashSet<>(r.present());
        Set<Long> gaps = new java.util.TreeSet<>(r.gaps());
        List<LogEntry> out = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        for (long g : gaps) {
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == g - 1) {
                ranges.get(ranges.size() - 1)[1] = g;
            } else {
                ranges.add(new long[] {g, g});
            }
        }
        int next = 0;
        for (LogChain.Entry e : r.logs()) {
            long gen = e.header() == null ? e.nameGeneration() : e.generation();
            while (next < ranges.size() && ranges.get(next)[0] < gen) {
                out.add(gap(ranges.get(next++)));
            }
            String state = e.header() == null ? "UNREADABLE" : present.contains(gen) ? "OK" : "FOREIGN";
            LogTime created = e.header() == null ? null : e.header().created();
            out.add(new LogEntry(gen, e.file(), state, e.header() == null || e.header().logSignature() == null ? ""
                    : e.header().logSignature().toString(), created == null ? null : utc(created),
                    created == null ? "" : created.rawHex(),
                    state.equals("FOREIGN") ? "not part of the set (signature or checksum)" : e.role().name()
                            .toLowerCase(Locale.ROOT)));
        }
        while (next < ranges.size()) {
            out.add(gap(ranges.get(next++)));
        }
        return out;
    }

    private static LogEntry gap(long[] g) {
        return new LogEntry(g[0], "", "GAP", "", null, "", g[0] == g[1] ? String.format("generation 0x%X missing", g[0])
                : String.format("generations 0x%X-0x%X missing", g[0], g[1]));
    }

    /** Log headers shown side by side on the Store sheet at most (the first and last half of them). */
    public static final int MAX_STORE_LOGS = 50;

    /**
     * Reads the store headers of the evidence (databases, patch files, checkpoints, logs) and adds
     * the Store sheet and the log chain to {@code r}. A header that cannot be read is left out
     * (the Evidence sheet and the IN rules report it).
     */
    public static Report withStoreFromEvidence(Report r, List<Evidence> evidence) {
        List<StoreFile> files = new ArrayList<>();
        List<List<EseFields.Row>> columns = new ArrayList<>();
        List<String> logNames = new ArrayList<>();
        List<org.patchlens.ese.LogHeader> logs = new ArrayList<>();
        List<org.patchlens.ese.CheckpointHeader> cks = new ArrayList<>();
        List<org.patchlens.ese.DatabaseHeader> dbs = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!isStore(e.kind())) {
                continue;
            }
            EseHeader h;
            try {
                h = org.patchlens.ese.EseFile.open(e.path());
            } catch (RuntimeException ex) {
                continue;
            }
            if (h instanceof org.patchlens.ese.LogHeader l) {
                logs.add(l);
                logNames.add(e.name());
                continue;
            }
            if (h instanceof org.patchlens.ese.CheckpointHeader c) {
                cks.add(c);
            } else if (h instanceof org.patchlens.ese.DatabaseHeader d) {
                dbs.add(d);
            }
            String kind = h.kind().name().toLowerCase(Locale.ROOT);
            files.add(new StoreFile(e.name(), kind));
            columns.add(EseFields.of(h));
            otherCopy(e, h).ifPresent(o -> {
                files.add(new StoreFile(e.name(), kind, o.copy()));
                columns.add(o.rows());
            });
        }
        for (int i = 0; i < logs.size(); i++) {
            if (logs.size() <= MAX_STORE_LOGS || i < MAX_STORE_LOGS / 2 || i >= logs.size() - MAX_STORE_LOGS / 2) {
                files.add(new StoreFile(logNames.get(i), "log"));
                columns.add(EseFields.of(logs.get(i)));
            }
        }
        List<LogEntry> chain = logs.isEmpty() ? List.of() : logChain(LogChain.analyze(logs, cks, dbs, List.of()));
        return withStore(r, sideBySide(files, columns), chain);
    }

    /** The header copy the reader did not use, as rows, with its name ("shadow copy @0x2000"). */
    private record OtherCopy(String copy, List<EseFields.Row> rows) {
    }

    /**
     * When a shadowed header's two copies differ, the other copy (the one the reader did not use) read on
     * its own, with its rows' offsets moved to where that copy is in the file: both are shown side by side.
     */
    private static Optional<OtherCopy> otherCopy(Evidence e, EseHeader h) {
        org.patchlens.ese.Verification v = h instanceof org.patchlens.ese.DatabaseHeader d ? d.verification()
                : h instanceof org.patchlens.ese.PatchHeader p ? p.verification()
                : h instanceof org.patchlens.ese.CheckpointHeader c ? c.verification() : null;
        if (v == null || v.differences().isEmpty() || !v.primary().present() || !v.shadow().present()) {
            return Optional.empty();
        }
        org.patchlens.ese.HeaderCopy other = v.used().equals("shadow") ? v.primary() : v.shadow();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(e.path(),
                java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(other.length());
            while (buf.hasRemaining() && ch.read(buf, other.offset() + buf.position()) > 0) {
                // read the whole copy
            }
            if (buf.hasRemaining()) {
                return Optional.empty();
            }
            EseHeader alone = org.patchlens.ese.EseFile.read(e.name(), buf.array());
            List<EseFields.Row> rows = new ArrayList<>();
            for (EseFields.Row r : EseFields.of(alone)) {
                if (r.section().equals("Checksum verdicts")) {
                    continue; // the copy read alone has no shadow: its verdicts are the file's, in the used column
                }
                rows.add(new EseFields.Row(r.section(), r.label(), r.value(),
                        r.offsets().stream().map(o -> o + other.offset()).toList()));
            }
            return Optional.of(new OtherCopy(other.name() + String.format(" copy @0x%X, differs in %s", other.offset(),
                    String.join(", ", v.differences())), rows));
        } catch (java.io.IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The evidence kinds whose files are store headers. */
    public static boolean isStore(EvidenceKind k) {
        return k == EvidenceKind.ESE_DATABASE || k == EvidenceKind.ESE_PATCH || k == EvidenceKind.ESE_CHECKPOINT
                || k == EvidenceKind.ESE_LOG;
    }
}
