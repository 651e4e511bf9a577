package org.patchlens.cli;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.patchlens.InputFile;
import org.patchlens.artifacts.HiveType;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.LogFiles;

/**
 * The hives a multi-hive command reads: the files named, and the hives found in the folders named. The one
 * folder walk of the hive commands ({@code dump}, {@code timeline}, {@code deleted}, {@code info},
 * {@code artifacts}, {@code search}, {@code batch}): symbolic links are never followed (a link to a folder named
 * as input is refused, {@link #refuseLinkedFolders}), only regular files are looked at (a FIFO is never
 * opened), at most {@link EvidenceScanner#MAX_DEPTH} levels and {@link EvidenceScanner#MAX_FILES} files (the
 * limits of check's evidence scanner), and a hive is told by its content ({@code regf}, file type 0), so a
 * log ({@code .LOG1}: file type 1 or 2) is kept with its hive and never listed as a hive. It lives in
 * {@code cli} because the hive's type comes from {@code artifacts.HiveType}, a layer above {@code evidence}.
 */
final class HiveTree {
    private HiveTree() {
    }

    /**
     * One hive to read.
     *
     * @param path  as named, or as found below a named folder
     * @param type  its type by its keys (read as found, without logs); null when it cannot be opened (the
     *              command then reports why when it reads it)
     * @param user  for a user hive (NTUSER, UsrClass), the user: the folder below {@code Users} or
     *              {@code Documents and Settings} in its path, else in the file name its base block holds; "" if none
     * @param sid   for a user hive, the SID it holds ({@code S-..._Classes} root key of a UsrClass hive, the one
     *              SID key under {@code Software\Microsoft\Protected Storage System Provider} of an NTUSER hive); ""
     * @param logs  FILE.LOG, .LOG1, .LOG2 beside it (any case)
     * @param found found in a folder (not named)
     */
    record Found(Path path, HiveType type, String user, String sid, List<Path> logs, boolean found) {
        /** The type's label, or "unreadable". */
        String typeLabel() {
            return type == null ? "unreadable" : type.label();
        }
    }

    /**
     * The walk's result: the hives, the folders walked, notes (a folder without hives beside others that have some),
     * and cuts: a line for each limit of the walk that left files unlooked at, naming the folder and the limit.
     */
    record Tree(List<Found> hives, List<Path> folders, List<String> notes, List<String> cuts, List<String> skipped) {
        /** Without links, FIFOs or devices met. */
        Tree(List<Found> hives, List<Path> folders, List<String> notes, List<String> cuts) {
            this(hives, folders, notes, cuts, List.of());
        }

        /**
         * A command's exit code over this tree: at least 1 (findings) when a limit cut the walk, as for an output cut
         * by its budget: the result is incomplete.
         */
        int code(int code) {
            return cuts.isEmpty() ? code : Math.max(code, Main.FINDINGS);
        }

        /**
         * The notes on stderr (a limit reached, a folder without hives beside others that have some); no hive at
         * all is one line and exit code 2: {@code DIR: no hive found in this folder (...)}, after the notes of the
         * limits reached (the hives may be below them).
         */
        Tree require(List<Path> inputs, java.io.PrintWriter err) {
            for (String cut : cuts) {
                err.println("patchlens: note: " + Errors.flat(cut));
            }
            for (String s : skipped) { // said, but no limit: a link is not evidence the walk failed to look at
                err.println("patchlens: note: " + Errors.flat(s));
            }
            err.flush();
            if (hives.isEmpty()) {
                throw new UsageException(inputs.size() == 1 ? inputs.get(0) + ": no hive found in this folder (hives "
                        + "are found by content; symbolic links are not followed)"
                        : "no hive found in " + String.join(", ", inputs.stream().map(Path::toString).toList()));
            }
            for (String note : notes) {
                err.println("patchlens: note: " + Errors.flat(note));
            }
            err.flush();
            return this;
        }

        /** The hives' paths, in walk order. */
        List<Path> paths() {
            return hives.stream().map(Found::path).toList();
        }

        /** What a run over the tree reads, for checking its outputs: the folders walked, each hive and its logs. */
        List<Path> inputs() {
            List<Path> in = new ArrayList<>(folders);
            for (Found h : hives) {
                in.add(h.path());
                in.addAll(h.logs());
            }
            return in;
        }

        /** As {@link #inputs()}, each hive's logs as {@code logs} resolves them (--log, --no-logs, or beside it). */
        List<Path> inputs(LogOptions logs) {
            List<Path> in = new ArrayList<>(folders);
            for (Found h : hives) {
                in.addAll(HiveSupport.inputs(h.path(), logs, h.logs()));
            }
            return in;
        }

        long bytes() {
            long n = 0;
            for (Found f : hives) {
                try {
                    n += Files.size(f.path());
                } catch (IOException | RuntimeException e) {
                    // reported when the hive is read
                }
            }
            return n;
        }
    }

    /**
     * {@link #walk} without identifying the hives (the command tells each type when it reads it), after checking
     * that each named file can be read: one line and exit 2 before anything is written; a tree without a hive is
     * refused by {@link Tree#require}.
     */
    static Tree named(List<Path> inputs, java.io.PrintWriter err) throws IOException {
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                org.patchlens.InputFile.check(p);
            }
        }
        return walk(inputs, false).require(inputs, err);
    }

    /**
     * A symbolic link to a folder named as input is refused, naming the folder: the walk does not follow links,
     * not even a named one, and "no hive found in this folder" would hide why a folder full of hives gave none.
     */
    static void refuseLinkedFolders(List<Path> inputs) {
        for (Path p : inputs) {
            if (Files.isSymbolicLink(p) && Files.isDirectory(p)) {
                String real;
                try {
                    real = p.toRealPath().toString();
                } catch (IOException | RuntimeException e) {
                    real = "cannot resolve it: " + e.getMessage();
                }
                throw new UsageException(p + ": a symbolic link to a folder, not followed: give the folder itself ("
                        + real + ")");
            }
        }
    }

    /** Whether any input is a folder (a walk is needed), without following a link named as input. */
    static boolean anyFolder(List<Path> inputs) {
        return inputs.stream().anyMatch(Files::isDirectory);
    }

    /**
     * The hives of {@code inputs}, in the order given; a folder's hives in path order. A named file is kept as
     * named (whatever it holds: the command refuses it with its one line when it reads it); only folders are
     * searched by content.
     */
    static Tree walk(List<Path> inputs) throws IOException {
        return walk(inputs, true);
    }

    /**
     * As above; without {@code identify} the records carry no type, user or SID yet (a command that opens each
     * hive anyway fills them in with {@link #identify}, so that a thousand hives are not opened twice).
     */
    static Tree walk(List<Path> inputs, boolean identify) throws IOException {
        refuseLinkedFolders(inputs);
        List<Found> hives = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                folders.add(p);
                Map<Path, List<Path>> found = hivesUnder(p, cuts, skipped, EvidenceScanner.MAX_FILES);
                if (found.isEmpty()) {
                    notes.add(p + ": no hive found in this folder");
                }
                for (Map.Entry<Path, List<Path>> h : found.entrySet()) {
                    if (seen.add(h.getKey().toAbsolutePath().normalize())) {
                        Found f = new Found(h.getKey(), null, "", "", h.getValue(), true);
                        hives.add(identify ? describe(f) : f);
                    }
                }
            } else {
                seen.add(p.toAbsolutePath().normalize());
                Found f = new Found(p, null, "", "", LogFiles.beside(p), false);
                hives.add(identify ? describe(f) : f);
            }
        }
        return new Tree(hives, folders, notes, cuts, skipped);
    }

    /**
     * The primary hives below a folder, by content, in path order: regular files only, symbolic links never
     * followed, at most {@link EvidenceScanner#MAX_DEPTH} levels and {@link EvidenceScanner#MAX_FILES} files
     * looked at (a line in {@code cuts} says when a limit cut the walk: one per limit, naming the folder, as
     * {@link EvidenceScanner.WalkLimits} says it). A file named as another hive's log is its log,
     * whatever its first bytes say. Each hive maps to its logs ({@link LogFiles#beside}), found in the walk's
     * own listing of its folder: a folder is listed once, however many hives it holds.
     */
    static Map<Path, List<Path>> hivesUnder(Path folder, List<String> cuts) throws IOException {
        return hivesUnder(folder, cuts, EvidenceScanner.MAX_FILES);
    }

    /** As above, at most {@code maxFiles} files (a small limit for tests). */
    static Map<Path, List<Path>> hivesUnder(Path folder, List<String> cuts, int maxFiles) throws IOException {
        return hivesUnder(folder, cuts, new ArrayList<>(), maxFiles);
    }

    /**
     * As above; a line in {@code skipped} names the symbolic links, FIFOs and devices met (never followed or opened,
     * never in silence), but a hive's log of such a kind, which is named with its hive.
     */
    static Map<Path, List<Path>> hivesUnder(Path folder, List<String> cuts, List<String> skipped, int maxFiles)
            throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> notFollowed = new ArrayList<>(); // links, FIFOs, devices: never followed, never silently
        // every entry of every folder walked (also links, FIFOs, folders and unreadable entries: a log of such a
        // kind is still the hive's, and refused when it is read), by folder, as absolute paths
        Map<Path, List<Path>> entries = new HashMap<>();
        java.util.function.Consumer<Path> entry = f -> {
            Path a = f.toAbsolutePath();
            entries.computeIfAbsent(a.getParent(), d -> new ArrayList<>()).add(a);
        };
        EvidenceScanner.WalkLimits limits = new EvidenceScanner.WalkLimits(folder, maxFiles);
        Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), EvidenceScanner.MAX_DEPTH,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(folder)) {
                            entry.accept(dir);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        entry.accept(file);
                        if (attrs.isSymbolicLink() || attrs.isOther()) {
                            notFollowed.add(file);
                        }
                        if (!limits.unopenedFolder(file, attrs) && attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                            if (!limits.room(files.size())) {
                                return FileVisitResult.TERMINATE;
                            }
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        entry.accept(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
        for (String cut : new String[] {limits.depthCut(), limits.fileCut()}) {
            if (cut != null) {
                cuts.add(cut);
            }
        }
        files.sort(null);
        List<Path> hives = new ArrayList<>();
        for (Path f : files) {
            try {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Classifier.isPrimaryHive(f)) {
                    hives.add(f);
                }
            } catch (IOException e) {
                // unreadable: not listed (a hive named explicitly would be reported)
            }
        }
        // a log copied with file type 0 (or renamed) is still its hive's log, not a hive of its own
        Map<Path, List<Path>> withLogs = new LinkedHashMap<>();
        Set<Path> logs = new HashSet<>();
        for (Path h : hives) {
            // a walk cut short may not have listed the whole folder: the folder is listed then
            List<Path> beside = limits.fileCut() != null ? LogFiles.beside(h)
                    : LogFiles.beside(h, entries.getOrDefault(h.toAbsolutePath().getParent(), List.of()));
            withLogs.put(h, beside);
            logs.addAll(beside);
        }
        withLogs.keySet().removeIf(h -> logs.contains(h.toAbsolutePath()));
        // a hive's log of such a kind is named with its hive (and refused when read): only the others are said
        List<String> others = notFollowed.stream().filter(f -> !logs.contains(f.toAbsolutePath()))
                .map(f -> folder.relativize(f).toString()).sorted().toList();
        if (!others.isEmpty()) {
            skipped.add(folder + ": " + EvidenceScanner.notFollowed(others, "on the command line"));
        }
        return withLogs;
    }

    private static final Pattern SID = Pattern.compile("S-1-\\d+(-\\d+){1,14}");
    private static final Pattern CLASSES = Pattern.compile("(?i)(S-1-\\d+(?:-\\d+){1,14})_Classes");

    /** The record of one hive: its type, user and SID read from it as found (no logs); its logs beside it. */
    static Found describe(Found f) {
        try {
            InputFile.check(f.path());
            try (Hive hive = Hive.open(f.path())) {
                return identify(f, hive);
            }
        } catch (RuntimeException e) {
            return f; // not a readable hive: the command reports it with its one line when it reads it
        }
    }

    /** {@code f} with the type, user and SID of {@code hive}, the hive it names as a command opened it. */
    static Found identify(Found f, Hive hive) {
        HiveType type = HiveType.of(hive);
        String sid = "";
        String user = "";
        if (type == HiveType.NTUSER || type == HiveType.USRCLASS) {
            sid = sid(hive.root(), type);
            user = user(f.path(), hive.header().fileName());
        }
        return new Found(f.path(), type, user, sid, f.logs(), f.found());
    }

    private static String sid(Key root, HiveType type) {
        if (type == HiveType.USRCLASS) {
            var m = CLASSES.matcher(root.name());
            return m.matches() ? m.group(1) : "";
        }
        Key pss = org.patchlens.artifacts.HiveContext.below(root, "Software\\Microsoft\\Protected Storage System Provider");
        if (pss == null) {
            return "";
        }
        String only = "";
        for (Key k : pss.subkeys()) {
            if (SID.matcher(k.name()).matches()) {
                if (!only.isEmpty() && !only.equalsIgnoreCase(k.name())) {
                    return ""; // several users' keys: none of them is surely the owner
                }
                only = k.name();
            }
        }
        return only;
    }

    /**
     * The user a hive's path names: the folder after the last {@code Users} or {@code Documents and Settings}
     * (any case) in its path, else in the file name the base block holds ({@code \??\C:\Users\bob\ntuser.dat}).
     */
    static String user(Path file, String embedded) {
        String u = userIn(file.normalize().toString().split("[\\\\/]"));
        if (u.isEmpty() && embedded != null && !embedded.isEmpty()) {
            u = userIn(embedded.split("[\\\\/]"));
        }
        return u;
    }

    private static String userIn(String[] parts) {
        for (int i = parts.length - 3; i >= 0; i--) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            if ((p.equals("users") || p.equals("documents and settings")) && !parts[i + 1].isEmpty()) {
                return parts[i + 1];
            }
        }
        return "";
    }
}
