package org.patchlens.report;

import java.lang.reflect.RecordComponent;
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
import org.patchlens.ese.LogPosition;
import org.patchlens.ese.LogTime;
import org.patchlens.ese.Signature;
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

    /** Failures and warnings first (most severe first), then passes, then skipped; otherwise in rule order. */
    static List<Finding> ordered(List<Finding> in) {
        List<Finding> out = new ArrayList<>(in);
        out.sort(Comparator.comparingInt((Finding f) -> switch (f.status()) {
            case FAIL, WARN -> 0;
            case PASS -> 1;
            case SKIPPED -> 2;
        }).thenComparing(f -> f.status() == Status.FAIL || f.status() == Status.WARN ? f.severity().ordinal() : 0));
        return out;
    }

    /** One step per distinct remedy of the failed and warned findings, most severe first. */
    static List<Remedy> remedies(List<Finding> ordered) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (Finding f : ordered) {
            if ((f.status() == Status.FAIL || f.status() == Status.WARN) && !f.remedy().isBlank()) {
                rules.computeIfAbsent(f.remedy().strip(), k -> new LinkedHashSet<>()).add(f.rule().id());
            }
        }
        List<Remedy> out = new ArrayList<>();
        rules.forEach((text, ids) -> out.add(new Remedy(text, commands(text), List.copyOf(ids))));
        return out;
    }

    /**
     * The back-quoted segments of a remedy that are commands ({@code SET …}, {@code isinteg -patch}, …),
     * in order. None for a remedy that offers alternatives ("(1) … or (2) …"): its text says which to choose,
     * and a list of lines to type would read as a sequence.
     */
    static List<String> commands(String remedy) {
        List<String> out = new ArrayList<>();
        if (remedy.contains("(1)") && remedy.contains("(2)")) {
            return out;
        }
        Matcher m = QUOTED.matcher(remedy);
        while (m.find()) {
            String c = m.group(1).strip();
            String first = c.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (c.contains(" ") && COMMAND_WORDS.contains(first)) {
                out.add(c);
            }
        }
        return out;
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

    /**
     * Every registry value a finding names as its expected or actual source, looked up in that
     * source (type, data, key last-written time), once per source, with the rules that named it.
     */
    static List<RegistryRow> registry(CheckContext ctx, List<Finding> findings) {
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
                String key = s.file() + "\u0000" + row.key() + " : " + (row.valueName().isEmpty() ? "(default)"
                        : row.valueName());
                rules.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.rule().id());
                rows.putIfAbsent(key, row);
            }
        }
        List<RegistryRow> out = new ArrayList<>();
        rows.forEach((k, r) -> out.add(new RegistryRow(r.role(), r.key(), r.valueName(), r.present(), r.type(),
                r.value(), r.hex(), r.lastWritten(), r.source(), String.join(", ", rules.get(k)), r.note())));
        return out;
    }

    /**
     * The findings' registry sources ({@link #registry(CheckContext, List)}), then every other value of
     * every checkpointed subtree that CLU-08 compares, in the live SYSTEM hive and in the checkpoint
     * file, walked lazily when the workbook is written (a large subtree is never held in memory).
     */
    static Iterable<RegistryRow> allRegistry(CheckContext ctx, List<Finding> findings) {
        List<RegistryRow> named = registry(ctx, findings);
        Set<String> seen = new java.util.HashSet<>();
        for (RegistryRow r : named) {
            seen.add(r.source().file() + "\u0000" + r.key() + " : " + (r.valueName().isEmpty() ? "(default)"
                    : r.valueName()));
        }
        List<Iterable<RegistryRow>> parts = new ArrayList<>();
        parts.add(named);
        Optional<SystemView> sys = ctx.system();
        Optional<ClusterModel> m = ctx.cluster();
        if (sys.isPresent() && m.isPresent()) {
            SystemView v = sys.get();
            for (ClusterModel.Resource r : m.get().allExchangeResources()) {
                for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                    Optional<Hive> cpt = ctx.checkpoint(r.guid(), cp.valueName());
                    String cptName = ctx.checkpointEvidence(r.guid(), cp.valueName()).map(Evidence::name)
                            .orElse(r.guid() + "\\" + cp.valueName() + ".CPT");
                    String note = "checkpointed by " + r.name() + " (RegSync " + cp.valueName() + " = " + cp.path()
                            + ")";
                    parts.add(() -> subtree(v.hive(), safe(() -> v.resolveHklm(cp.path())), null, v.file(),
                            "live SYSTEM", note, seen));
                    cpt.ifPresent(h -> parts.add(() -> subtree(h, safe(h::root), cp.path(), cptName,
                            "checkpoint " + cp.valueName(), note, seen)));
                }
            }
        }
        return () -> parts.stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false))
                .iterator();
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
                if (seen.contains(file + "\u0000" + loc)) {
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
     * The headers side by side: every field of every header record (nested records as
     * {@code group.field}), in the order of first appearance. A LOGTIME marked UTC becomes a date
     * cell; one in the server's local time stays text (its zone is not in the file); the raw bytes
     * are beside both.
     */
    public static StoreHeaders store(List<? extends EseHeader> headers) {
        return store(headers.stream().map(EseHeader::file).toList(), headers);
    }

    /** As {@link #store(List)}, with the names to show for the files (e.g. evidence names). */
    public static StoreHeaders store(List<String> names, List<? extends EseHeader> headers) {
        List<StoreFile> files = new ArrayList<>();
        Map<String, Datum[]> fields = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            EseHeader h = headers.get(i);
            files.add(new StoreFile(names.get(i), h.kind().name().toLowerCase(Locale.ROOT)));
            Map<String, Datum> flat = new LinkedHashMap<>();
            flatten("", h, flat, 0);
            final int col = i;
            flat.forEach((name, d) -> fields.computeIfAbsent(name, n -> new Datum[headers.size()])[col] = d);
        }
        List<StoreField> out = new ArrayList<>();
        fields.forEach((name, ds) -> {
            List<Datum> vs = new ArrayList<>();
            for (Datum d : ds) {
                vs.add(d == null ? Datum.NONE : d);
            }
            out.add(new StoreField(name, vs));
        });
        return new StoreHeaders(files, out);
    }

    private static final Set<String> SKIP = Set.of("file", "source", "textFields", "verification");

    private static void flatten(String prefix, Object o, Map<String, Datum> out, int depth) {
        for (RecordComponent rc : o.getClass().getRecordComponents()) {
            if (depth == 0 && SKIP.contains(rc.getName())) {
                continue;
            }
            Object v;
            try {
                v = rc.getAccessor().invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String name = prefix + rc.getName();
            if (v == null) {
                out.put(name, Datum.NONE);
            } else if (v instanceof LogTime t) {
                out.put(name, time(t));
            } else if (v instanceof Signature s) {
                out.put(name, new Datum(s.toString(), s.rawHex(), -1));
            } else if (v instanceof LogPosition p) {
                out.put(name, Datum.text(p.toString(), -1));
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                out.put(name, Datum.number(((Number) v).longValue(), -1));
            } else if (v instanceof Record r && depth < 3) {
                flatten(name + ".", r, out, depth + 1);
            } else if (v instanceof List<?> l) {
                StringBuilder sb = new StringBuilder();
                for (Object x : l) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(x);
                }
                out.put(name, Datum.text(sb.toString(), -1));
            } else {
                out.put(name, Datum.text(String.valueOf(v), -1));
            }
        }
    }

    /** A LOGTIME: a date cell when it is UTC, else its text; always the raw bytes beside it. */
    static Datum time(LogTime t) {
        if (!t.isSet()) {
            return new Datum("0 (not set)", t.rawHex(), -1);
        }
        if (t.utc() && t.plausible()) {
            try {
                Instant i = LocalDateTime.of(t.year(), t.month(), t.day(), t.hours(), t.minutes(), t.seconds(),
                        t.milliseconds() * 1_000_000).toInstant(ZoneOffset.UTC);
                return Datum.time(i, t.rawHex(), -1);
            } catch (java.time.DateTimeException e) {
                // not a calendar date: shown as text below
            }
        }
        return new Datum(t.iso() + (t.utc() ? "" : " (server local time)"), t.rawHex(), -1);
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
            Datum t = created == null ? Datum.NONE : time(created);
            out.add(new LogEntry(gen, e.file(), state, e.header() == null || e.header().logSignature() == null ? ""
                    : e.header().logSignature().toString(), t.value() instanceof Instant i ? i : null, t.raw(),
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
        List<String> names = new ArrayList<>();
        List<EseHeader> headers = new ArrayList<>();
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
            names.add(e.name());
            headers.add(h);
        }
        for (int i = 0; i < logs.size(); i++) {
            if (logs.size() <= MAX_STORE_LOGS || i < MAX_STORE_LOGS / 2 || i >= logs.size() - MAX_STORE_LOGS / 2) {
                names.add(logNames.get(i));
                headers.add(logs.get(i));
            }
        }
        List<LogEntry> chain = logs.isEmpty() ? List.of() : logChain(LogChain.analyze(logs, cks, dbs, List.of()));
        return withStore(r, store(names, headers), chain);
    }

    /** The evidence kinds whose files are store headers. */
    public static boolean isStore(EvidenceKind k) {
        return k == EvidenceKind.ESE_DATABASE || k == EvidenceKind.ESE_PATCH || k == EvidenceKind.ESE_CHECKPOINT
                || k == EvidenceKind.ESE_LOG;
    }
}
