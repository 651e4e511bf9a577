package org.patchlens.ese;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.InputException;
import org.patchlens.InputFile;

/**
 * The log-chain analysis eseutil does not give off Windows: which generations are
 * present, gaps, file name versus header generation, signature mismatches, the
 * current-log = highest archived + 1 rule, tmPrevGen continuity, the checkpoint, and for
 * each database whether its Log Required range is present with the right signature;
 * then one verdict sentence about soft recovery (ese-format.md sections 6.2 and 9.1).
 * The steps: {@link LogFolderScan} reads a folder, {@link LogNames} classifies logs by
 * name, {@link ChainAnalysis} decides, {@link DatabaseVerdicts} judges each database.
 */
public final class LogChain {
    /** Directory scans stop after this many files. */
    static final int MAX_FILES = 100_000;

    private LogChain() {
    }

    /** Role of a log file, from its name. */
    public enum Role {
        CURRENT, ARCHIVED, TEMP, RESERVE, OTHER
    }

    /**
     * One log file of the set.
     *
     * @param file           name
     * @param role           from the name
     * @param base           3-character base name (empty for reserve/other)
     * @param nameGeneration generation the name's hex digits give, -1 if none
     * @param nameDigits     5 or 8, 0 if none
     * @param header         the header (null when unreadable)
     */
    public record Entry(String file, Role role, String base, long nameGeneration, int nameDigits, LogHeader header) {
        public int generation() {
            return header == null ? -1 : header.generation();
        }
    }

    /** A database's position against the chain. */
    public record DatabaseVerdict(String file, long state, int requiredLow, int requiredHigh, boolean requiredFromHeader,
            boolean signatureMatches, List<Long> missing, boolean ok, String verdict) {
        public DatabaseVerdict {
            missing = List.copyOf(missing);
        }
    }

    /**
     * The result.
     *
     * @param baseName         base name of the set (e.g. E00, edb)
     * @param logs             log files of the set, by generation then name
     * @param ignored          files that are not part of the chain and why
     * @param present          generations present with the set's signature and a good checksum
     * @param currentGeneration generation of the current log, or -1
     * @param checkpointGeneration from the checkpoint, or -1
     * @param neededLow        first generation soft recovery replays
     * @param neededHigh       last generation soft recovery replays
     * @param gaps             missing generations between the lowest and highest present
     * @param databases        per-database verdicts
     * @param findings         every problem found, in order
     * @param softRecoveryCanSucceed the verdict
     * @param missing          names of missing files that block it
     * @param verdict          one sentence
     * @param streamingPairs   each streaming file (.stm) given, paired with the database of its name
     *                         ({@link StreamingFiles}); a pair whose signatures differ is an ERROR finding
     */
    public record Report(String baseName, List<Entry> logs, List<String> ignored, List<Long> present,
            long currentGeneration, long checkpointGeneration, long neededLow, long neededHigh, List<Long> gaps,
            List<DatabaseVerdict> databases, List<Note> findings, boolean softRecoveryCanSucceed, List<String> missing,
            String verdict, List<StreamingFilePair> streamingPairs) {
        public Report {
            logs = List.copyOf(logs);
            ignored = List.copyOf(ignored);
            present = List.copyOf(present);
            gaps = List.copyOf(gaps);
            databases = List.copyOf(databases);
            findings = List.copyOf(findings);
            missing = List.copyOf(missing);
            streamingPairs = List.copyOf(streamingPairs);
        }

        /** A report without streaming files. */
        public Report(String baseName, List<Entry> logs, List<String> ignored, List<Long> present,
                long currentGeneration, long checkpointGeneration, long neededLow, long neededHigh, List<Long> gaps,
                List<DatabaseVerdict> databases, List<Note> findings, boolean softRecoveryCanSucceed, List<String> missing,
                String verdict) {
            this(baseName, logs, ignored, present, currentGeneration, checkpointGeneration, neededLow, neededHigh, gaps,
                    databases, findings, softRecoveryCanSucceed, missing, verdict, List.of());
        }

        public boolean hasFindings() {
            return findings.stream().anyMatch(Note::isFinding);
        }
    }

    /** The base name of a report whose folder has no log file and no checkpoint to take one from. */
    public static final String NO_BASE = "none";

    /**
     * Reads every file in {@code dir} (not recursive; subfolders are skipped) and the given databases,
     * then analyses. Every path goes through the one input check first ({@link InputFile}): {@code dir}
     * must be a folder and each database a regular file (else an {@link EseException} with the check's
     * one-line message, before anything is read); an entry of the folder that is not a regular file (a
     * FIFO, a device, a dangling link) is never opened and is listed under "ignored" with the reason
     * (and, named like a log or checkpoint, is an unreadable-file ERROR finding). A folder that holds no
     * log file, no checkpoint, no database, no patch file and no eseutil dump (and no database named)
     * is an {@link EseException}: "no log files in the folder, and nothing else ESE".
     */
    public static Report analyzeDirectory(Path dir, List<Path> databases) {
        return analyzeDirectory(dir, databases, note -> { });
    }

    /**
     * As above; when the folder holds more than {@link #MAX_FILES} files, only the first by name are read, and the
     * line that says so is given to {@code notes} (for stderr) and is an ERROR finding: the verdict cannot be
     * confirmed without the others.
     */
    public static Report analyzeDirectory(Path dir, List<Path> databases, java.util.function.Consumer<String> notes) {
        return analyzeDirectory(dir, databases, notes, MAX_FILES);
    }

    /** As above, at most {@code maxFiles} files of the folder (a small limit for tests). */
    static Report analyzeDirectory(Path dir, List<Path> databases, java.util.function.Consumer<String> notes,
            int maxFiles) {
        try {
            InputFile.folder(dir);
            for (Path d : databases) {
                InputFile.check(d);
            }
        } catch (InputException e) {
            throw new EseException(e.file(), -1, e.reason(), e);
        }
        LogFolderScan scan = LogFolderScan.scan(dir, databases, maxFiles);
        Report r = new ChainAnalysis(scan.logs, scan.checkpoints, scan.databases, scan.patches, scan.ignored,
                dir.toString()).run();
        r = withFolderFindings(r, scan.unreadable, "a log or checkpoint file of the folder is unreadable (see findings)");
        if (scan.cut != null) {
            notes.accept(scan.cut);
            r = withFolderFindings(r, List.of(Note.error(-1, scan.cut)), "files of the folder past the file limit were "
                    + "not read (see findings)");
        }
        return r;
    }

    /**
     * Findings about the folder itself (its unreadable logs and checkpoints, its files past the limit) come first, and
     * an ERROR among them blocks the verdict: soft recovery cannot be confirmed, because of {@code why}.
     */
    private static Report withFolderFindings(Report r, List<Note> folder, String why) {
        if (folder.isEmpty()) {
            return r;
        }
        List<Note> all = new ArrayList<>(folder);
        all.addAll(r.findings());
        boolean blocks = folder.stream().anyMatch(n -> n.level() == Note.Level.ERROR);
        return new Report(r.baseName(), r.logs(), r.ignored(), r.present(), r.currentGeneration(), r.checkpointGeneration(),
                r.neededLow(), r.neededHigh(), r.gaps(), r.databases(), all, r.softRecoveryCanSucceed() && !blocks,
                r.missing(), blocks && r.softRecoveryCanSucceed()
                        ? "soft recovery cannot be confirmed: " + why : r.verdict(), r.streamingPairs());
    }

    /** The analysis over headers already read (binary or text). */
    public static Report analyze(List<LogHeader> logHeaders, List<CheckpointHeader> checkpoints,
            List<DatabaseHeader> databases, List<String> alreadyIgnored) {
        return analyze(logHeaders, checkpoints, databases, List.of(), alreadyIgnored);
    }

    /** The analysis, with patch files to check databases that are online-backup copies against. */
    public static Report analyze(List<LogHeader> logHeaders, List<CheckpointHeader> checkpoints,
            List<DatabaseHeader> databases, List<PatchHeader> patches, List<String> alreadyIgnored) {
        return new ChainAnalysis(logHeaders, checkpoints, databases, patches, alreadyIgnored, null).run();
    }

    /** At most 20 names, then how many more. */
    static String list(List<String> names) {
        if (names.size() <= 20) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 20)) + " and " + (names.size() - 20) + " more";
    }

    /** "3, 5-9, 12". */
    static String ranges(List<Long> gens) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < gens.size()) {
            int j = i;
            while (j + 1 < gens.size() && gens.get(j + 1) == gens.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(gens.get(i));
            if (j > i) {
                sb.append('-').append(gens.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** Generations present, compactly ("91-92"). */
    public static String ranges(Report r) {
        return ranges(r.present());
    }
}
