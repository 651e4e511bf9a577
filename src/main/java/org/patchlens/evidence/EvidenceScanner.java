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
    /** Deepest folder level visited below the root. */
    public static final int MAX_DEPTH = 32;
    /** Most files looked at in one tree. */
    public static final int MAX_FILES = 100_000;

    private EvidenceScanner() {
    }

    /** Every regular file below {@code root}, classified and hashed; unrelated files are included as UNRELATED. */
    public static List<Evidence> scan(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        // entries the walk lists but cannot look at (a path too long for the system, a folder it may not open): kept
        // as evidence that cannot be read, with the reason, never dropped without a word
        Map<Path, IOException> failed = new HashMap<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !attrs.isSymbolicLink() && files.size() < MAX_FILES) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (file.equals(root)) {
                    throw exc;
                }
                if (files.size() < MAX_FILES) {
                    files.add(file);
                    failed.put(file, exc);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        List<Evidence> out = new ArrayList<>(files.size());
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
        return out;
    }

    /**
     * The backup set (--backup) in a folder: its store files (databases, patch files, logs, edb.chk, saved eseutil
     * text), each marked as the backup's ({@link Evidence#asBackup}) and named by its full path, so that its log
     * stream is never mixed with a target folder's. Hives and unrelated files in the folder are left out: a backup
     * set is judged by its store headers, and a hive in it is not the target's registry.
     */
    public static List<Evidence> scanBackup(Path root) throws IOException {
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : scan(root)) {
            if (e.kind().isEse()) {
                out.add(new Evidence(e.path(), root.resolve(e.name()).toString(), e.size(), e.sha256(), e.kind(),
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
