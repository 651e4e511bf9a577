package org.patchlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.rules.FuzzEvidence;

/**
 * Evidence discovery on fuzzed files (classification never throws anything but IOException) and on fuzzed
 * folder trees (odd names, deep nesting, links, empty and damaged files of every kind): the scan lists
 * exactly the regular files within its depth, hashed and classified, follows no link, changes nothing, and
 * {@code check} over the tree keeps the command contract.
 */
@Timeout(10)
class EvidenceFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = TempFolders.create("patchlens-evfuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<byte[]> seeds() {
        byte[] ese = new byte[8192];
        ese[4] = (byte) 0xEF;
        ese[5] = (byte) 0xCD;
        ese[6] = (byte) 0xAB;
        ese[7] = (byte) 0x89;
        byte[] log = FuzzSeeds.hives().get(1).clone();
        log[28] = 1; // base block file type: a transaction log
        return Stream.concat(FuzzSeeds.hives().stream(), Stream.of(ese, log,
                "Extensible Storage Engine Utilities\r\nInitiating FILE DUMP mode...\r\n".getBytes()));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5m")
    void classify(byte[] data) throws IOException {
        Path f = DIR.resolve("file");
        Files.write(f, data);
        Classifier.Result r = Classifier.classify(f);
        if (r == null || r.kind() == null || r.detail() == null) {
            throw new AssertionError("no classification");
        }
        Evidence e = EvidenceScanner.examine(f, "file", false);
        if (e.size() != data.length || e.sha256().length() != 64) {
            throw new AssertionError("size or hash missing: " + e);
        }
        if (e.kind() == EvidenceKind.UNREADABLE && e.errors().isEmpty()) {
            throw new AssertionError("unreadable without a reason: " + e);
        }
        List<Evidence> all = EvidenceScanner.scan(DIR);
        if (all.size() != 1) {
            throw new AssertionError("scan found " + all.size() + " files");
        }
    }

    // ------------------------------------------------------------------ folder trees

    /** Contents a tree's files take, with the kind each has when placed intact (null: depends on the bytes). */
    private record Content(byte[] bytes, EvidenceKind kind) {
    }

    private static final List<Content> CONTENTS = contents();
    private static final String GUID = "2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022";
    /** Names a tree's entries take (besides fuzzed text): evidence names, option look-alikes, odd characters. */
    static final String[] NAMES = {"SYSTEM", "CLUSDB", "00000001.CPT", "0000000a.cpt", "{" + GUID + "}",
        GUID.toLowerCase(java.util.Locale.ROOT), "edb.chk", "Edb00010.log", "PRIV.EDB", " ", "-o", "--system", "a b",
        "\t", "line\nbreak", "\r", "\u0001\u001f", "\u007f", "ÿ", "Ключ", "日本語", "\ud83d\ude00", "\u202etxt.exe",
        "x".repeat(200), ".hidden", "...", "a\\b", "C:", "name;rm -rf", "%s%n", "'\"", "_x0041_", "=1+2", "@SUM(A1)",
        "NUL", "con.txt", "\ufeff", "\ufffd", "\u00a0", "~$report.xlsx"};
    private static final Path TREES;

    static {
        try {
            TREES = TempFolders.create("patchlens-treefuzz");
            Files.write(TREES.resolve("outside"), FuzzSeeds.hives().get(0));
            Files.createDirectories(TREES.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Content> contents() {
        Map<String, byte[]> demo = FuzzEvidence.templates().get(0).files();
        List<FuzzEvidence.Template> t = FuzzEvidence.templates();
        Map<String, byte[]> online = t.get(1).files();
        Map<String, byte[]> dirty = t.get(2).files();
        List<Content> c = new ArrayList<>();
        c.add(new Content(new byte[0], EvidenceKind.UNREADABLE));
        c.add(new Content(demo.get("NODE1/system32/config/SYSTEM"), EvidenceKind.SYSTEM_HIVE));
        c.add(new Content(demo.get("NODE1/Cluster/CLUSDB"), EvidenceKind.CLUSTER_HIVE));
        c.add(new Content(demo.get("Q/MSCS/" + GUID + "/00000002.CPT"), null)); // checkpoint or other hive, by place
        c.add(new Content(demo.get("NODE1/system32/config/SOFTWARE"), EvidenceKind.SOFTWARE_HIVE));
        c.add(new Content(demo.get("D/exchsrvr/MDBDATA/PRIV.EDB"), EvidenceKind.ESE_DATABASE));
        c.add(new Content(online.get("F/exchsrvr/MDBDATA/Edb00010.log"), EvidenceKind.ESE_LOG));
        c.add(new Content(online.get("D/exchsrvr/MDBDATA/edb.chk"), EvidenceKind.ESE_CHECKPOINT));
        c.add(new Content(online.get("F/exchsrvr/MDBDATA/PRIV.pat"), EvidenceKind.ESE_PATCH));
        c.add(new Content(online.get("F/exchsrvr/MDBDATA/eseutil-ml.txt"), EvidenceKind.ESEUTIL_TEXT));
        c.add(new Content(dirty.get("NODE1/system32/config/SYSTEM.LOG1"), EvidenceKind.HIVE_LOG));
        return List.copyOf(c);
    }

    // Seed entries, in the encoding buildTree reads.
    private static FuzzBytes.Seed named(FuzzBytes.Seed s, String name) {
        int k = java.util.Arrays.asList(NAMES).indexOf(name);
        return k >= 0 ? s.u8(k) : s.u8(NAMES.length).text(name);
    }

    private static FuzzBytes.Seed fileEntry(FuzzBytes.Seed s, int parent, String name, int content) {
        return named(s.u8(0, parent), name).u8(content);
    }

    private static FuzzBytes.Seed dirEntry(FuzzBytes.Seed s, int parent, String name) {
        return named(s.u8(4, parent), name);
    }

    private static FuzzBytes.Seed linkEntry(FuzzBytes.Seed s, int parent, String name, int target, int relative) {
        return named(s.u8(6, parent), name).u8(target).u8(target == 0 ? new int[] {0, relative} : new int[] {relative});
    }

    static Stream<byte[]> treeSeeds() {
        List<byte[]> out = new ArrayList<>();
        // every content at the root under a plain name; check without options, text output
        FuzzBytes.Seed all = new FuzzBytes.Seed().u8(CONTENTS.size());
        for (int i = 0; i < CONTENTS.size(); i++) {
            fileEntry(all, 0, "file" + i, i);
        }
        out.add(all.u8(0, 0).build());
        // a checkpoint at its place ({GUID}\00000001.CPT), links to it, to the root, out of the tree, to itself,
        // dangling; a workbook
        FuzzBytes.Seed cpt = new FuzzBytes.Seed().u8(7).u8(7, 0, 1, 1, 0, 3);
        linkEntry(cpt, 0, "to-cpt", 0, 1);
        linkEntry(cpt, 1, "loop", 1, 1);
        linkEntry(cpt, 0, "out", 2, 0);
        linkEntry(cpt, 0, "self", 4, 0);
        linkEntry(cpt, 0, "dangling", 5, 0);
        fileEntry(cpt, 1, "00000002.CPT", 1);
        out.add(cpt.u8(0, 1).build());
        // a chain of 40 folders with a SYSTEM hive at the bottom (beyond the scan's depth), one of 31 with a cluster hive
        out.add(new FuzzBytes.Seed().u8(2).u8(5, 0, 39, 1, 1).u8(5, 0, 30, 1, 2).u8(1, 0).build());
        // odd names: newline, control characters, right-to-left override, emoji, a folder named like a GUID;
        // empty, damaged and truncated files; a workbook
        FuzzBytes.Seed odd = new FuzzBytes.Seed().u8(7);
        fileEntry(odd, 0, "line\nbreak", 0);
        fileEntry(odd, 0, "\u0001\u001f", CONTENTS.size() + 1).u8(2, 1).u32(40).u8(0xFF).u32(4100).u8(0);
        dirEntry(odd, 0, "{" + GUID + "}");
        fileEntry(odd, 1, "00000001.CPT", 3);
        fileEntry(odd, 1, "\u202etxt.exe", CONTENTS.size() + 2).u8(4).u32(100);
        fileEntry(odd, 0, "\ud83d\ude00", CONTENTS.size()).bytes("garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        fileEntry(odd, 0, "_x0041_ =1+2", 9);
        out.add(odd.u8(1, 1).build());
        return out.stream();
    }

    /**
     * A folder tree from fuzzed choices, scanned: exactly the regular files at most {@link EvidenceScanner#MAX_DEPTH}
     * levels down, each once, by its relative name, with its size and SHA-256; the first folder at that level (not
     * opened) said by one record; an intact file of a known kind
     * classified as that kind; nothing reached through a link; nothing changed. Then {@code check} over it.
     */
    @MethodSource("treeSeeds")
    @FuzzTest(maxDuration = "5m")
    void scanTree(byte[] data) throws IOException {
        FuzzBytes in = new FuzzBytes(data);
        Path root = Files.createDirectories(TREES.resolve("root"));
        try {
            Map<Path, byte[]> files = new HashMap<>();
            Map<Path, EvidenceKind> kinds = new HashMap<>();
            buildTree(in, root, files, kinds);
            Map<String, String> before = EvidenceState.of(root);
            List<Evidence> all = EvidenceScanner.scan(root);
            TreeSet<String> expected = new TreeSet<>();
            for (Path p : files.keySet()) {
                if (root.relativize(p).getNameCount() <= EvidenceScanner.MAX_DEPTH) {
                    expected.add(root.relativize(p).toString());
                }
            }
            TreeSet<String> got = new TreeSet<>();
            // a folder at MAX_DEPTH is not opened: one record says so, naming the first such folder; a file left out
            // below it is never left out silently
            // the links in the tree are named by one record of their own, not followed
            List<Evidence> cuts = all.stream().filter(e -> e.kind() == EvidenceKind.NOT_WALKED
                    && !EvidenceScanner.isNotFollowed(e)).toList();
            List<Evidence> links = all.stream().filter(EvidenceScanner::isNotFollowed).toList();
            if (links.size() > 1 || links.stream().anyMatch(e -> !e.path().equals(root)
                    || !Files.isSymbolicLink(root.resolve(e.name())))) {
                throw new AssertionError("links not said by one record naming the first: " + links);
            }
            for (Evidence e : cuts) {
                if (root.relativize(e.path()).getNameCount() != EvidenceScanner.MAX_DEPTH
                        || !Files.isDirectory(e.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !e.detail().startsWith(EvidenceScanner.depthCut(root, e.path(), 0).split("; the files")[0])) {
                    throw new AssertionError("not a folder at the depth limit, or not said so: " + e);
                }
            }
            if (cuts.size() > 1 || (cuts.isEmpty() && files.keySet().stream()
                    .anyMatch(p -> root.relativize(p).getNameCount() > EvidenceScanner.MAX_DEPTH))) {
                throw new AssertionError("files below the depth limit, said by " + cuts);
            }
            for (Evidence e : all) {
                if (e.kind() == EvidenceKind.NOT_WALKED) {
                    continue;
                }
                String rel = root.relativize(e.path()).toString();
                if (!got.add(rel)) {
                    throw new AssertionError("scanned twice: " + WorkbookContract.quote(rel));
                }
                if (!rel.equals(e.name())) {
                    throw new AssertionError("name " + WorkbookContract.quote(e.name()) + " for " + WorkbookContract.quote(rel));
                }
                byte[] b = files.get(e.path());
                if (b == null) {
                    throw new AssertionError("scanned what is no regular file of the tree: " + WorkbookContract.quote(rel));
                }
                if (e.size() != b.length || !e.sha256().equals(sha256(b))) {
                    throw new AssertionError("size or hash wrong: " + e);
                }
                if (e.kind() == null || e.detail() == null || (e.kind() == EvidenceKind.UNREADABLE && e.errors().isEmpty())) {
                    throw new AssertionError("no kind or no reason: " + e);
                }
                EvidenceKind k = kinds.get(e.path());
                if (k != null && e.kind() != k) {
                    throw new AssertionError(WorkbookContract.quote(rel) + " is a " + k + ", classified " + e.kind()
                            + " (" + e.detail() + ")");
                }
                Classifier.checkpointId(e.path());
            }
            if (!got.equals(expected)) {
                throw new AssertionError("scanned " + got.size() + " files, expected " + expected.size() + "; missing "
                        + minus(expected, got) + ", extra " + minus(got, expected));
            }
            EvidenceState.same(before, EvidenceState.of(root), "scan");
            TreeSet<String> rows = new TreeSet<>(expected); // the workbook's Evidence sheet: the files, the cut, links
            cuts.forEach(c -> rows.add(c.name()));
            links.forEach(c -> rows.add(c.name()));
            check(in, root, before, rows, cuts.size() + links.size());
        } finally {
            TempFolders.delete(root);
        }
    }

    private static String minus(TreeSet<String> a, TreeSet<String> b) {
        TreeSet<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d.stream().map(WorkbookContract::quote).toList().toString();
    }

    /**
     * check over the tree: the contract, the evidence unchanged, a workbook (when asked) listing the scanned files;
     * stderr empty but for one note per cut of the walk (and one naming the links).
     */
    private static void check(FuzzBytes in, Path root, Map<String, String> before, TreeSet<String> scanned, int cuts)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("check", root.toString()));
        if (in.bool()) {
            args.addAll(List.of("--restore-type", "offline"));
        }
        Path out = in.bool() ? TREES.resolve("out").resolve("report.xlsx") : null;
        if (out != null) {
            args.addAll(List.of("-o", out.toString(), "--deterministic"));
        }
        String[] argv = args.toArray(String[]::new);
        String cmd = String.join(" ", argv);
        try {
            CommandContract.Outcome o = CommandContract.check(argv);
            if (o.exit() != 2 && (o.err().lines().count() != cuts
                    || o.err().lines().anyMatch(l -> !l.startsWith("patchlens: note: ")))) {
                throw new AssertionError(cmd + ": exit " + o.exit() + " with stderr:\n" + o.err());
            }
            EvidenceState.same(before, EvidenceState.of(root), cmd);
            if (o.exit() != 2 && out != null) {
                CheckFuzzTest.workbook(out, List.of(root), scanned, cmd);
            }
        } finally {
            if (out != null) {
                Files.deleteIfExists(out);
            }
        }
    }

    /**
     * Entries one after another: a file (of a known content, damaged or not, or raw bytes), a folder, a chain
     * of folders, a symbolic link, or a checkpoint's place (GUID folder and NNNNNNNN.CPT), each in a folder
     * made before.
     */
    private static void buildTree(FuzzBytes in, Path root, Map<Path, byte[]> files, Map<Path, EvidenceKind> kinds)
            throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(root));
        List<Path> made = new ArrayList<>();
        int n = in.pick(25);
        for (int i = 0; i < n && in.more(); i++) {
            int what = in.pick(8);
            Path parent = dirs.get(in.pick(Math.min(dirs.size(), 256)));
            try {
                switch (what) {
                    case 0, 1, 2, 3 -> {
                        Path p = parent.resolve(name(in));
                        file(in, p, files, kinds);
                        made.add(p);
                    }
                    case 4 -> {
                        Path p = Files.createDirectory(parent.resolve(name(in)));
                        dirs.add(p);
                        made.add(p);
                    }
                    case 5 -> {
                        int depth = 1 + in.pick(48);
                        Path p = parent;
                        for (int d = 0; d < depth; d++) {
                            p = p.resolve(d % 7 == 3 ? " " : "d" + d);
                            if (Files.isSymbolicLink(p)) {
                                throw new FileSystemException(p.toString(), null, "a link: not gone through");
                            }
                            Files.createDirectories(p);
                        }
                        dirs.add(p);
                        if (in.bool()) {
                            file(in, p.resolve("f"), files, kinds);
                        }
                    }
                    case 6 -> {
                        Path p = parent.resolve(name(in));
                        int t = in.pick(6);
                        int m = t == 0 ? in.pick(Math.min(made.size(), 256)) : 0;
                        Path target = switch (t) {
                            case 0 -> made.isEmpty() ? root : made.get(m);
                            case 1 -> root;
                            case 2 -> TREES.resolve("outside");
                            case 3 -> TREES;
                            case 4 -> p; // a link to itself
                            default -> Path.of("no-such-target");
                        };
                        Files.createSymbolicLink(p, in.bool() && t < 4 ? p.getParent().relativize(target) : target);
                        made.add(p);
                    }
                    default -> {
                        String guid = switch (in.pick(3)) {
                            case 0 -> GUID;
                            case 1 -> "{" + GUID + "}";
                            default -> GUID.toLowerCase(java.util.Locale.ROOT);
                        };
                        Path g = parent.resolve(guid);
                        if (!Files.isDirectory(g, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            g = Files.createDirectory(g);
                            dirs.add(g);
                        }
                        Path p = g.resolve(String.format(in.bool() ? "%08X.CPT" : "%08x.cpt", 1 + in.pick(16)));
                        file(in, p, files, kinds);
                        made.add(p);
                    }
                }
            } catch (InvalidPathException | FileSystemException e) {
                // a name the file system does not take, or one already used: no entry
            }
        }
    }

    /** A name: one of {@link #NAMES}, or fuzzed text made a valid file name. */
    static String name(FuzzBytes in) {
        int k = in.pick(NAMES.length + 1);
        String n = k < NAMES.length ? NAMES[k] : CheckFuzzTest.leafName(in.text(240));
        return n.isEmpty() ? "empty" : n;
    }

    private static void file(FuzzBytes in, Path p, Map<Path, byte[]> files, Map<Path, EvidenceKind> kinds)
            throws IOException {
        int c = in.pick(CONTENTS.size() + 3);
        byte[] b;
        EvidenceKind kind = null;
        if (c < CONTENTS.size()) {
            b = CONTENTS.get(c).bytes();
            kind = CONTENTS.get(c).kind();
            if (kind == null) { // the checkpoint hive: a checkpoint at its place, another hive elsewhere
                kind = Classifier.checkpointId(p) != null ? EvidenceKind.REGISTRY_CHECKPOINT : EvidenceKind.OTHER_HIVE;
            }
        } else if (c == CONTENTS.size()) {
            b = in.bytes(4096);
        } else {
            byte[] base = CONTENTS.get(1 + in.pick(CONTENTS.size() - 1)).bytes();
            if (c == CONTENTS.size() + 1) {
                b = base.clone();
                int k = 1 + in.pick(4);
                for (int i = 0; i < k; i++) {
                    b[in.below(b.length)] = (byte) in.u8();
                }
            } else {
                b = java.util.Arrays.copyOf(base, in.below(base.length));
            }
        }
        Files.write(p, b, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        files.put(p, b);
        if (kind != null) {
            kinds.put(p, kind);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
