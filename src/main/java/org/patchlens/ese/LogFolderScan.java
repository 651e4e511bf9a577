package org.patchlens.ese;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.patchlens.InputFile;

/**
 * The scan step of {@link LogChain#analyzeDirectory}: every regular file of the folder (not recursive,
 * at most {@link LogChain#MAX_FILES}, in name order: past it, {@link #cut} says so) and each {@code --database} read and sorted by
 * kind. A file that is no readable ESE header is listed as ignored with the reason, and is an ERROR
 * finding when named like a log or checkpoint.
 */
final class LogFolderScan {
    /** Log headers (a text dump may hold several). */
    final List<LogHeader> logs = new ArrayList<>();
    final List<CheckpointHeader> checkpoints = new ArrayList<>();
    final List<DatabaseHeader> databases = new ArrayList<>();
    final List<PatchHeader> patches = new ArrayList<>();
    /** Files not part of the chain, with the reason. */
    final List<String> ignored = new ArrayList<>();
    /** ERROR findings for logs and checkpoints that cannot be read. */
    final List<Note> unreadable = new ArrayList<>();
    /** The line that says the file limit left files of the folder unread, or null. */
    String cut;

    private LogFolderScan() {
    }

    /**
     * Reads {@code dir} and the databases not in it. A folder with nothing ESE in it (no header read, no
     * unreadable log or checkpoint, no file named like an ESE file) and no database given is an
     * {@link EseException}; so is a given database that cannot be read or is no database. A given database is read
     * once, however it is spelt.
     */
    static LogFolderScan scan(Path dir, List<Path> databases, int maxFiles) {
        LogFolderScan s = new LogFolderScan();
        List<Path> files = s.regularFiles(dir, maxFiles);
        for (Path f : files) {
            s.read(f);
        }
        if (s.nothingRead() && databases.isEmpty() && files.stream().noneMatch(LogNames::eseName)) {
            throw new EseException(dir.toString(), -1, "no log files in the folder, and nothing else ESE (no "
                    + "checkpoint, database, patch file or eseutil dump)");
        }
        List<Path> given = new ArrayList<>();
        for (Path f : databases) {
            List<DatabaseHeader> headers = givenDatabase(f);
            // a database of the folder, or given before, under another spelling (./x.edb, an absolute path) is one file
            if (!sameFile(f, files, dir) && given.stream().noneMatch(g -> InputFile.sameFile(f, g))) {
                s.databases.addAll(headers);
            }
            given.add(f);
        }
        return s;
    }

    /**
     * The headers of a {@code --database} file; one that cannot be read, or holds a log, a checkpoint or a patch
     * file (which would otherwise join the log set unasked), is an {@link EseException}.
     */
    private static List<DatabaseHeader> givenDatabase(Path f) {
        List<DatabaseHeader> headers = new ArrayList<>();
        for (EseHeader h : EseFile.openAll(f)) {
            if (!(h instanceof DatabaseHeader d)) {
                throw new EseException(f.toString(), -1, "given as --database but it is " + EseFile.article(h.kind())
                        + ", not a database (or a saved eseutil /mh dump of one); the logs are read from the folder");
            }
            headers.add(d);
        }
        return headers;
    }

    /** {@code f} is the folder's file of its name (the folder's files were read already). */
    private static boolean sameFile(Path f, List<Path> files, Path dir) {
        Path inFolder = f.getFileName() == null ? null : dir.resolve(f.getFileName());
        return files.contains(f) || inFolder != null && files.contains(inFolder) && InputFile.sameFile(f, inFolder);
    }


    /**
     * The folder's entries that are not folders, in name order, at most {@code maxFiles} ({@link LogChain#MAX_FILES});
     * past it, {@link #cut} says so.
     */
    private List<Path> regularFiles(Path dir, int maxFiles) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            Iterable<Path> sorted = s.sorted()::iterator;
            for (Path f : sorted) {
                if (Files.isDirectory(f)) { // a stat, no open: FIFOs and devices are refused by EseFile's check
                    continue;
                }
                if (files.size() >= maxFiles) {
                    cut = dir + ": more than " + maxFiles + " files: only the first " + maxFiles + " by name were read "
                            + "(at most " + maxFiles + " files of a folder); the log chain was judged without the "
                            + "others: give a folder that holds the log set alone";
                    break;
                }
                files.add(f);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EseException(dir.toString(), -1, "cannot list: " + e.getMessage(), e);
        }
        return files;
    }

    private boolean nothingRead() {
        return logs.isEmpty() && checkpoints.isEmpty() && databases.isEmpty() && patches.isEmpty() && unreadable.isEmpty();
    }

    /** Reads one file of the folder into its list; one that cannot be read is listed as ignored. */
    private void read(Path f) {
        try {
            for (EseHeader h : EseFile.openAll(f)) {
                if (h instanceof LogHeader l) {
                    logs.add(l);
                } else if (h instanceof CheckpointHeader c) {
                    checkpoints.add(c);
                } else if (h instanceof DatabaseHeader d) {
                    databases.add(d);
                } else {
                    patches.add((PatchHeader) h);
                    ignored.add(f + ": patch file, not part of the log chain (checked against online-backup copies)");
                }
            }
        } catch (EseException e) {
            ignored.add(e.getMessage());
            String kind = LogNames.unreadableKind(f.toString());
            if (kind != null) {
                unreadable.add(Note.error(e.offset(), "unreadable " + kind + " file: " + e.getMessage()));
            }
        }
    }
}
