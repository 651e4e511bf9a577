package org.patchlens.evidence;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchlens.InputException;
import org.patchlens.InputFile;

/**
 * Finds evidence in a restored-backup tree by content, not by name. Symbolic links are never
 * followed (a link could lead out of the tree), and nothing is opened for writing.
 */
public final class EvidenceScanner {
    /**
     * How deep the walk goes: DIR itself is level 0, its entries level 1; entries down to level 32 are looked at, so
     * folders down to level 31 are opened and a folder at level 32 is not (said by {@link #depthCut}).
     */
    public static final int MAX_DEPTH = 32;
    /** Most files looked at in one tree (past it, {@link #fileCut} says so). */
    public static final int MAX_FILES = 100_000;

    private EvidenceScanner() {
    }

    /**
     * The line that says a walk of {@code root} left folders unopened at the depth limit: the first of them (in path
     * order) and how many more, the limit, and what to do.
     */
    public static String depthCut(Path root, Path first, int more) {
        String others = more == 1 ? "; nor was 1 other folder at that level"
                : more > 1 ? "; nor were " + more + " other folders at that level" : "";
        return first + ": folder not opened: it is " + MAX_DEPTH + " levels below " + root + " (level 0), and the walk "
                + "opens folders down to level " + (MAX_DEPTH - 1) + others + "; the files in it were not looked at: "
                + "give it as a folder of its own";
    }

    /** The line that says a walk stopped at the file limit. */
    public static String fileCut(Path root, int limit) {
        return root + ": more than " + limit + " files: only the first " + limit + " the walk met were looked at (at "
                + "most " + limit + " files in one walk): give its subfolders one at a time";
    }

    /**
     * What the limits of one folder walk left out, as its visitor meets them: the folders at {@link #MAX_DEPTH}, which
     * the walk lists but does not open, and the files past the cap. The one account of both walks, check's and the
     * hive commands' ({@code cli/HiveTree}).
     */
    public static final class WalkLimits {
        private final Path root;
        private final int maxFiles;
        private Path deepest; // the first folder not opened, in path order
        private int unopened;
        private boolean full;

        public WalkLimits(Path root, int maxFiles) {
            this.root = root;
            this.maxFiles = maxFiles;
        }

        /**
         * For {@code visitFile}: true when the entry is a folder, which it meets only at {@link #MAX_DEPTH}, where it
         * is not opened (counted here).
         */
        public boolean unopenedFolder(Path file, BasicFileAttributes attrs) {
            if (!attrs.isDirectory()) {
                return false;
            }
            unopened++;
            if (deepest == null || file.compareTo(deepest) < 0) {
                deepest = file;
            }
            return true;
        }

        /** Whether a file may be looked at when {@code taken} are: false past the cap, which is then remembered. */
        public boolean room(int taken) {
            if (taken < maxFiles) {
                return true;
            }
            full = true;
            return false;
        }

        /** The first folder left unopened at the depth limit, or null. */
        public Path deepest() {
            return deepest;
        }

        /** {@link #depthCut} of this walk, or null when no folder was left unopened. */
        public String depthCut() {
            return deepest == null ? null : EvidenceScanner.depthCut(root, deepest, unopened - 1);
        }

        /** {@link #fileCut} of this walk, or null when the cap was not reached. */
        public String fileCut() {
            return full ? EvidenceScanner.fileCut(root, maxFiles) : null;
        }
    }

    /**
     * Every regular file below {@code root}, classified and hashed; unrelated files are included as UNRELATED. Where a
     * limit cut the walk, one record of kind {@link EvidenceKind#NOT_WALKED} says what was not looked at: the first
     * folder left unopened at {@link #MAX_DEPTH} (named by its relative path), the root past {@link #MAX_FILES}; and
     * one more (its path the root, named by the first of them) names the symbolic links, FIFOs and devices the walk
     * met, which it never follows or opens ({@link #isNotFollowed}).
     */
    public static List<Evidence> scan(Path root) throws IOException {
        return scan(root, MAX_FILES);
    }

    /** As {@link #scan(Path)}, at most {@code maxFiles} files (a small limit for tests). */
    static List<Evidence> scan(Path root, int maxFiles) throws IOException {
        List<Path> files = new ArrayList<>();
        // entries the walk lists but cannot look at (a path too long for the system, a folder it may not open): kept
        // as evidence that cannot be read, with the reason, never dropped without a word
        Map<Path, IOException> failed = new HashMap<>();
        WalkLimits limits = new WalkLimits(root, maxFiles);
        List<String> skipped = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (limits.unopenedFolder(file, attrs)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) { // a link, FIFO, device or socket: said, never followed or opened
                    if (skipped.size() < maxFiles) {
                        skipped.add(root.relativize(file).toString());
                    }
                } else if (limits.room(files.size())) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (file.equals(root)) {
                    throw exc;
                }
                if (limits.room(files.size())) {
                    files.add(file);
                    failed.put(file, exc);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        List<Evidence> out = new ArrayList<>(files.size() + 2);
        for (Path f : files) {
            String name = root.relativize(f).toString();
            IOException e = failed.get(f);
            if (e != null) {
                String reason = InputFile.failure(f, e).reason();
                out.add(new Evidence(f, name, -1, "", EvidenceKind.UNREADABLE, reason, List.of(reason), false));
            } else {
                out.add(examine(f, name, false));
            }
        }
        String why = limits.depthCut();
        if (why != null) {
            out.add(new Evidence(limits.deepest(), root.relativize(limits.deepest()).toString(), -1, "",
                    EvidenceKind.NOT_WALKED, why, List.of(why), false));
        }
        why = limits.fileCut();
        if (why != null) {
            out.add(new Evidence(root, root.toString(), -1, "", EvidenceKind.NOT_WALKED, why, List.of(why), false));
        }
        if (!skipped.isEmpty()) {
            skipped.sort(null);
            why = root + ": " + notFollowed(skipped);
            out.add(new Evidence(root, skipped.get(0), -1, "", EvidenceKind.NOT_WALKED, why, List.of(why), false));
        }
        return out;
    }

    /** How many entries {@link #notFollowed(List)} names before it only counts the others. */
    static final int NAMED = 5;

    private static final String NEVER_FOLLOWED = "never followed or opened";

    /**
     * What a walk says of the symbolic links, FIFOs and devices it met (relative paths in name order): how many, the
     * first {@link #NAMED}, and how to give their files.
     */
    public static String notFollowed(List<String> skipped) {
        return notFollowed(skipped, "by option (--system FILE, --cluster FILE, --store FILE ...)");
    }

    /** As {@link #notFollowed(List)}, saying {@code how} their files are named instead ("on the command line"). */
    public static String notFollowed(List<String> skipped, String how) {
        int n = skipped.size();
        return (n == 1 ? "1 entry is" : n + " entries are") + " a symbolic link, FIFO or device, " + NEVER_FOLLOWED
                + " (" + String.join(", ", skipped.subList(0, Math.min(NAMED, n))) + (n > NAMED ? " and " + (n - NAMED)
                + " more" : "") + "): name " + (n == 1 ? "its file" : "their files") + " " + how + " or copy "
                + (n == 1 ? "it" : "them") + " into the folder";
    }

    /**
     * Whether a {@link EvidenceKind#NOT_WALKED} record of {@link #scan} is the one naming the links, FIFOs and
     * devices it did not follow (rather than what a limit left out): no evidence in itself.
     */
    public static boolean isNotFollowed(Evidence e) {
        return e.kind() == EvidenceKind.NOT_WALKED && e.detail().contains(NEVER_FOLLOWED);
    }

    /**
     * The entries below {@code root} that {@link #scan} neither follows nor opens (symbolic links, FIFOs, devices,
     * sockets), by relative path in name order, within the walk's depth limit: what a folder that gave no evidence
     * may hold instead, so that its refusal can say so.
     */
    public static List<String> notFollowed(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() && !attrs.isDirectory() && out.size() < MAX_FILES) {
                    out.add(root.relativize(file).toString());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // scan keeps these as unreadable evidence
            }
        });
        out.sort(null);
        return out;
    }

    /**
     * The backup set (--backup) in a folder: its store files (databases, patch files, logs, edb.chk, saved eseutil
     * text), each marked as the backup's ({@link Evidence#asBackup}) and named by its full path, so that its log
     * stream is never mixed with a target folder's. Hives and unrelated files in the folder are left out: a backup
     * set is judged by its store headers, and a hive in it is not the target's registry. What a walk limit left out
     * ({@link EvidenceKind#NOT_WALKED}) is kept.
     */
    public static List<Evidence> scanBackup(Path root) throws IOException {
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : scan(root)) {
            if (e.kind().isEse() || e.kind() == EvidenceKind.NOT_WALKED) { // what the walk left out is said
                out.add(new Evidence(e.path(), root.resolve(root.relativize(e.path())).toString(), e.size(), e.sha256(), e.kind(),
                        e.detail(), e.errors(), false).asBackup());
            }
        }
        return out;
    }

    /**
     * One file: hashed first, then classified. Errors are recorded on the record, never thrown, with
     * one exception: a file named explicitly ({@code explicit}, by an option) that is not a regular
     * file, is missing or is a symbolic link loop throws the one-line {@link InputException} of
     * {@link InputFile#check}, since the user named it. An explicitly named symbolic link is followed
     * (once, to its real path); a discovered one is never followed.
     */
    public static Evidence examine(Path file, String name, boolean explicit) {
        List<String> errors = new ArrayList<>();
        long size = -1;
        String sha = "";
        Classifier.Result kind;
        if (!explicit) {
            if (Files.isSymbolicLink(file)) {
                return new Evidence(file, name, -1, "", EvidenceKind.UNREADABLE, "symbolic link (not followed)",
                        List.of("symbolic links are not followed"), explicit);
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return new Evidence(file, name, -1, "", EvidenceKind.UNREADABLE, "not a regular file",
                        List.of(Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "not a regular file" : "no such file"),
                        explicit);
            }
        }
        InputFile in;
        try {
            in = InputFile.check(file);
        } catch (InputException e) {
            if (explicit) {
                throw e;
            }
            return new Evidence(file, name, -1, "", EvidenceKind.UNREADABLE, e.reason(), List.of(e.reason()), false);
        }
        try {
            size = in.size();
            sha = Hashing.sha256(in);
            kind = Classifier.classify(file);
        } catch (IOException | RuntimeException e) {
            errors.add(e.getMessage() == null ? e.toString() : e.getMessage());
            kind = new Classifier.Result(EvidenceKind.UNREADABLE, "cannot be read");
        }
        if (kind.kind() == EvidenceKind.UNREADABLE && errors.isEmpty()) {
            errors.add(kind.detail());
        }
        return new Evidence(file, name, size, sha, kind.kind(), kind.detail(), List.copyOf(errors), explicit);
    }
}
