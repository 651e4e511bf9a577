package org.patchlens.report;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.evidence.Evidence;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;
import org.patchlens.model.ValueReads;
import org.patchlens.report.Report.RegistryRow;
import org.patchlens.rules.CheckContext;
import org.patchlens.rules.Finding;

/**
 * The Registry sheet of a check report ({@link CheckReport}): every registry value a finding names, looked up
 * in the hive it names to show the value as stored, then the other values the rules read, then every value of
 * the subtrees CLU-08 compares with their registry checkpoints.
 */
final class RegistryRows {
    private RegistryRows() {
    }

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
    static Iterable<RegistryRow> of(CheckContext ctx, List<Finding> findings) {
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
}
