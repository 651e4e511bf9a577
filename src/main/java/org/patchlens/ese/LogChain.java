package org.patchlens.ese;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.patchlens.InputException;
import org.patchlens.InputFile;

/**
 * The log-chain analysis eseutil does not give off Windows: which generations are
 * present, gaps, file name versus header generation, signature mismatches, the
 * current-log = highest archived + 1 rule, tmPrevGen continuity, the checkpoint, and for
 * each database whether its Log Required range is present with the right signature;
 * then one verdict sentence about soft recovery (ese-format.md sections 6.2 and 9.1).
 */
public final class LogChain {
    private static final Pattern CURRENT = Pattern.compile("(?i)^(.{3})\\.(log|jtx)$");
    private static final Pattern ARCHIVED = Pattern.compile("(?i)^(.{3})([0-9a-f]{8}|[0-9a-f]{5})\\.(log|jtx)$");
    private static final Pattern TEMP = Pattern.compile("(?i)^(.{3})tmp\\.(log|jtx)$");
    private static final Pattern RESERVE = Pattern.compile("(?i)^(res[12]\\.log|.{3}res\\d{5}\\.(jrs|log))$");
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
     */
    public record Report(String baseName, List<Entry> logs, List<String> ignored, List<Long> present,
            long currentGeneration, long checkpointGeneration, long neededLow, long neededHigh, List<Long> gaps,
            List<DatabaseVerdict> databases, List<Note> findings, boolean softRecoveryCanSucceed, List<String> missing,
            String verdict) {
        public Report {
            logs = List.copyOf(logs);
            ignored = List.copyOf(ignored);
            present = List.copyOf(present);
            gaps = List.copyOf(gaps);
            databases = List.copyOf(databases);
            findings = List.copyOf(findings);
            missing = List.copyOf(missing);
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
        try {
            InputFile.folder(dir);
            for (Path d : databases) {
                InputFile.check(d);
            }
        } catch (InputException e) {
            throw new EseException(e.file(), -1, e.reason(), e);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            Iterable<Path> sorted = s.sorted()::iterator;
            for (Path f : sorted) {
                if (files.size() >= MAX_FILES) {
                    break;
                }
                if (!Files.isDirectory(f)) { // a stat, no open: FIFOs and devices are refused by EseFile's check
                    files.add(f);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new EseException(dir.toString(), -1, "cannot list: " + e.getMessage(), e);
        }
        List<LogHeader> logs = new ArrayList<>();
        List<CheckpointHeader> chks = new ArrayList<>();
        List<DatabaseHeader> dbs = new ArrayList<>();
        List<PatchHeader> patches = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Note> unreadable = new ArrayList<>();
        for (Path f : files) {
            collect(f, logs, chks, dbs, patches, ignored, unreadable, false);
        }
        if (logs.isEmpty() && chks.isEmpty() && dbs.isEmpty() && patches.isEmpty() && unreadable.isEmpty()
                && databases.isEmpty() && files.stream().noneMatch(LogChain::eseName)) {
            throw new EseException(dir.toString(), -1, "no log files in the folder, and nothing else ESE (no "
                    + "checkpoint, database, patch file or eseutil dump)");
        }
        for (Path f : databases) {
            if (files.contains(f)) {
                continue;
            }
            collect(f, logs, chks, dbs, patches, ignored, unreadable, true);
        }
        Report r = analyze(logs, chks, dbs, patches, ignored, dir.toString());
        if (unreadable.isEmpty()) {
            return r;
        }
        List<Note> all = new ArrayList<>(unreadable);
        all.addAll(r.findings());
        boolean blocks = unreadable.stream().anyMatch(n -> n.level() == Note.Level.ERROR);
        return new Report(r.baseName(), r.logs(), r.ignored(), r.present(), r.currentGeneration(), r.checkpointGeneration(),
                r.neededLow(), r.neededHigh(), r.gaps(), r.databases(), all, r.softRecoveryCanSucceed() && !blocks,
                r.missing(), blocks && r.softRecoveryCanSucceed()
                        ? "soft recovery cannot be confirmed: a log or checkpoint file of the folder is unreadable (see findings)"
                        : r.verdict());
    }

    /** Named like a file of an ESE log folder (an unused all-zero reserve log is still one). */
    private static boolean eseName(Path f) {
        return java.util.Set.of("log", "jtx", "chk", "jcp", "jrs", "edb", "stm", "pat")
                .contains(EseFile.extension(f.getFileName().toString()));
    }

    private static void collect(Path f, List<LogHeader> logs, List<CheckpointHeader> chks, List<DatabaseHeader> dbs,
            List<PatchHeader> patches, List<String> ignored, List<Note> unreadable, boolean mustBeDatabase) {
        try {
            for (EseHeader h : EseFile.openAll(f)) {
                if (h instanceof LogHeader l) {
                    logs.add(l);
                } else if (h instanceof CheckpointHeader c) {
                    chks.add(c);
                } else if (h instanceof DatabaseHeader d) {
                    dbs.add(d);
                } else {
                    patches.add((PatchHeader) h);
                    ignored.add(f + ": patch file, not part of the log chain (checked against online-backup copies)");
                }
            }
        } catch (EseException e) {
            if (mustBeDatabase) {
                throw e;
            }
            ignored.add(e.getMessage());
            String name = EseFile.baseName(f.toString());
            String ext = EseFile.extension(name);
            boolean reserveOrTemp = RESERVE.matcher(name).matches() || TEMP.matcher(name).matches();
            if (!reserveOrTemp && (ext.equals("log") || ext.equals("jtx") || ext.equals("chk") || ext.equals("jcp"))) {
                unreadable.add(Note.error(e.offset(), "unreadable " + (ext.startsWith("l") || ext.equals("jtx") ? "log" : "checkpoint")
                        + " file: " + e.getMessage()));
            }
        }
    }

    /** The analysis over headers already read (binary or text). */
    public static Report analyze(List<LogHeader> logHeaders, List<CheckpointHeader> checkpoints,
            List<DatabaseHeader> databases, List<String> alreadyIgnored) {
        return analyze(logHeaders, checkpoints, databases, List.of(), alreadyIgnored);
    }

    /** The analysis, with patch files to check databases that are online-backup copies against. */
    public static Report analyze(List<LogHeader> logHeaders, List<CheckpointHeader> checkpoints,
            List<DatabaseHeader> databases, List<PatchHeader> patches, List<String> alreadyIgnored) {
        return analyze(logHeaders, checkpoints, databases, patches, alreadyIgnored, null);
    }

    /** The analysis; {@code folder} (or null) is where the logs were looked for, named when there are none. */
    private static Report analyze(List<LogHeader> logHeaders, List<CheckpointHeader> checkpoints,
            List<DatabaseHeader> databases, List<PatchHeader> patches, List<String> alreadyIgnored, String folder) {
        String noLogs = "no log files" + (folder == null ? "" : " in " + folder);
        List<Note> f = new ArrayList<>();
        List<String> ignored = new ArrayList<>(alreadyIgnored);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> baseVotes = new HashMap<>();
        for (LogHeader h : logHeaders) {
            Entry e = classify(h);
            entries.add(e);
            if (e.role() == Role.CURRENT || e.role() == Role.ARCHIVED) {
                baseVotes.merge(e.base(), 1, Integer::sum);
            }
        }
        CheckpointHeader chk = checkpoints.isEmpty() ? null : checkpoints.get(0);
        if (checkpoints.size() > 1) {
            f.add(Note.warning(-1, checkpoints.size() + " checkpoint files given; using " + chk.file()));
        }
        String voted = baseVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(chk != null ? baseOf(chk.file()) : null);
        // without a log or checkpoint named after it the set's base name is unknown: no file name is made up
        boolean baseKnown = voted != null;
        String base = baseKnown ? voted : NO_BASE;
        List<Entry> set = new ArrayList<>();
        for (Entry e : entries) {
            switch (e.role()) {
                case TEMP -> ignored.add(e.file() + ": temporary log (next generation being prepared), ignored");
                case RESERVE -> ignored.add(e.file() + ": reserve log, ignored");
                default -> {
                    if (!e.base().isEmpty() && !e.base().equalsIgnoreCase(base)) {
                        ignored.add(e.file() + ": base name " + e.base() + " is not the set's " + base);
                    } else {
                        set.add(e);
                    }
                }
            }
        }
        set.sort((a, b) -> a.generation() != b.generation() ? Integer.compare(a.generation(), b.generation())
                : a.file().compareTo(b.file()));

        // The set's signature: the checkpoint's, else the current log's, else the most common.
        Signature setSig = null;
        String sigFrom = null;
        if (chk != null && !chk.logSignature().isZero()) {
            setSig = chk.logSignature();
            sigFrom = "the checkpoint";
        }
        if (setSig == null) {
            for (Entry e : set) {
                if (e.role() == Role.CURRENT && e.header().signatureKnown()) {
                    setSig = e.header().logSignature();
                    sigFrom = "the current log";
                }
            }
        }
        if (setSig == null) {
            Map<String, Integer> votes = new HashMap<>();
            Map<String, Signature> byRaw = new HashMap<>();
            for (Entry e : set) {
                if (e.header().signatureKnown()) {
                    votes.merge(e.header().logSignature().rawHex(), 1, Integer::sum);
                    byRaw.put(e.header().logSignature().rawHex(), e.header().logSignature());
                }
            }
            setSig = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(en -> byRaw.get(en.getKey()))
                    .orElse(null);
            sigFrom = "most log files";
        }

        TreeMap<Long, Entry> good = new TreeMap<>();
        long current = -1;
        Entry currentEntry = null;
        boolean inferredSignatures = false;
        for (Entry e : set) {
            LogHeader h = e.header();
            long g = h.generation();
            boolean usable = true;
            if (h.source() == Source.BINARY && !h.checksumValid()) {
                f.add(Note.error(-1, e.file() + ": header checksum mismatch (JET_errLogFileCorrupt -501): generation "
                        + g + " is not usable"));
                usable = false;
            }
            if (e.nameGeneration() >= 0 && e.nameGeneration() != g) {
                f.add(Note.error(-1, String.format("%s: mismatched log generation %d (0x%X) with log file name; expected "
                        + "generation %d (0x%X) (JET_errLogGenerationMismatch -513)", e.file(), g, g, e.nameGeneration(),
                        e.nameGeneration())));
                usable = false;
            }
            if (!h.signatureKnown()) {
                inferredSignatures = true;
            } else if (setSig != null && !h.logSignature().sameAs(setSig)) {
                f.add(Note.error(-1, e.file() + ": log signature " + h.logSignature() + " differs from " + sigFrom
                        + " (JET_errBadLogSignature -530): a log of another log stream"));
                usable = false;
            }
            if (g <= 0) {
                usable = false;
            }
            if (e.role() == Role.CURRENT) {
                if (currentEntry != null) {
                    f.add(Note.warning(-1, "two current logs: " + currentEntry.file() + " and " + e.file()));
                }
                if (usable) {
                    current = g;
                    currentEntry = e;
                }
            }
            if (usable) {
                Entry prev = good.get(g);
                if (prev != null) {
                    if (prev.header().created().equals(h.created())) {
                        f.add(Note.warning(-1, e.file() + " and " + prev.file() + " both hold generation " + g
                                + " (identical creation time: a duplicate copy)"));
                    } else {
                        f.add(Note.error(-1, e.file() + " and " + prev.file() + " both hold generation " + g
                                + " with different creation times: two different histories"));
                    }
                } else {
                    good.put(g, e);
                }
            }
        }
        Map<String, TreeSet<Long>> gensBySig = new HashMap<>();
        for (Entry e : set) {
            LogHeader h = e.header();
            boolean nameOk = e.nameGeneration() < 0 || e.nameGeneration() == h.generation();
            if ((h.source() == Source.TEXT || h.checksumValid()) && nameOk && h.signatureKnown() && h.generation() > 0) {
                gensBySig.computeIfAbsent(h.logSignature().rawHex(), k -> new TreeSet<>()).add((long) h.generation());
            }
        }
        if (inferredSignatures) {
            f.add(Note.info("ESE97 log headers: signatures are unavailable and were not compared (confidence: inferred)"));
        }

        // Checkpoint.
        long chkGen = -1;
        if (chk != null) {
            boolean chkOk = chk.source() == Source.TEXT || chk.verification().primary().valid()
                    || chk.verification().shadow().valid();
            if (!chkOk) {
                f.add(Note.error(-1, chk.file() + ": both checkpoint copies are bad (JET_errCheckpointCorrupt -533)"));
            } else if (setSig != null && !chk.logSignature().sameAs(setSig) && !sigFrom.equals("the checkpoint")) {
                f.add(Note.error(-1, chk.file() + ": checkpoint signature differs from the logs (JET_errBadCheckpointSignature -532)"));
            } else {
                chkGen = chk.generation();
            }
        }

        // Current log rule and continuity.
        long highestArchived = -1;
        for (Map.Entry<Long, Entry> en : good.entrySet()) {
            if (en.getValue().role() != Role.CURRENT) {
                highestArchived = Math.max(highestArchived, en.getKey());
            }
        }
        if (current < 0 && set.isEmpty()) {
            f.add(Note.error(-1, noLogs));
        } else if (current < 0) {
            f.add(Note.error(-1, "no current log" + (baseKnown ? " (" + base + ".log)" : "") + " in the set"
                    + (highestArchived > 0 ? "; it should hold generation " + (highestArchived + 1) : "")));
        } else if (highestArchived >= 0 && highestArchived + 1 != current) {
            if (highestArchived >= current) {
                f.add(Note.error(-1, "archived generation " + highestArchived + " is not below the current log's " + current
                        + " (the current log must be the highest archived + 1)"));
            } else {
                f.add(Note.warning(-1, "current log is generation " + current + " but the highest archived is "
                        + highestArchived + " (expected " + (highestArchived + 1) + ")"));
            }
        }
        Long prevGen = null;
        for (Map.Entry<Long, Entry> en : good.entrySet()) {
            long g = en.getKey();
            if (prevGen != null && prevGen == g - 1) {
                LogHeader a = good.get(prevGen).header();
                LogHeader b = en.getValue().header();
                if (a.created().isSet() && b.previousGenerationCreated().isSet()
                        && !b.previousGenerationCreated().equals(a.created())) {
                    f.add(Note.error(-1, String.format("invalid log sequence: %s (generation %d) says the previous generation was "
                            + "created %s, but %s was created %s (JET_errInvalidLogSequence -515)", en.getValue().file(), g,
                            b.previousGenerationCreated().iso(), good.get(prevGen).file(), a.created().iso())));
                }
            }
            prevGen = g;
        }
        for (Entry e : good.values()) {
            if (e.header().circularLoggingCurrent() || e.header().dbms().circularLogging()) {
                f.add(Note.info("circular logging is on: older generations are deleted by design; a roll-forward restore "
                        + "over them is impossible"));
                break;
            }
        }

        List<Long> gaps = new ArrayList<>();
        if (!good.isEmpty()) {
            for (long g = good.firstKey(); g <= good.lastKey() && gaps.size() < 100_000; g++) {
                if (!good.containsKey(g)) {
                    gaps.add(g);
                }
            }
        }
        if (!gaps.isEmpty()) {
            f.add(Note.error(-1, "generations missing between " + good.firstKey() + " and " + good.lastKey() + ": "
                    + ranges(gaps) + " (JET_errMissingLogFile -528)"));
        }

        // What soft recovery replays.
        long end = current >= 0 ? current : good.isEmpty() ? -1 : good.lastKey();
        long start = chkGen > 0 ? chkGen : -1;
        if (start < 0) {
            for (DatabaseHeader d : databases) {
                if (!d.cleanShutdown() && d.genMinRequired() > 0 && (start < 0 || d.genMinRequired() < start)) {
                    start = d.genMinRequired();
                }
            }
        }
        if (start < 0 && !good.isEmpty()) {
            start = good.firstKey();
        }
        TreeSet<Long> missingGens = new TreeSet<>();
        if (start > 0 && end >= start) {
            for (long g = start; g <= end && missingGens.size() < 100_000; g++) {
                if (!good.containsKey(g)) {
                    missingGens.add(g);
                }
            }
        }
        if (chkGen > 0 && !good.containsKey(chkGen)) {
            f.add(Note.error(-1, "the log of the checkpoint generation " + chkGen + " is missing (JET_errMissingPreviousLogFile -509)"));
        }
        if (chkGen > 0 && end > 0 && chkGen > end) {
            f.add(Note.error(-1, "checkpoint generation " + chkGen + " is beyond the last log " + end));
        }

        // Databases.
        List<DatabaseVerdict> dbv = new ArrayList<>();
        boolean dbBlocks = false;
        for (DatabaseHeader d : databases) {
            DatabaseVerdict v = d.onlineBackupCopy() ? backupCopy(d, patches, gensBySig, setSig)
                    : database(d, good, setSig, start, end, missingGens);
            dbv.add(v);
            if (!v.ok()) {
                dbBlocks = true;
                f.add(Note.error(-1, v.file() + ": " + v.verdict()));
            } else {
                f.add(Note.info(v.file() + ": " + v.verdict()));
            }
        }

        // Verdict.
        int width = digits(entries);
        String ext = currentEntry != null ? EseFile.extension(currentEntry.file()) : "log";
        java.util.function.LongFunction<String> fileOf = g -> baseKnown ? base + hex(g, width) + "." + ext
                : "the log of generation " + g;
        List<String> missing = new ArrayList<>();
        for (long g : missingGens) {
            if (g != current) {
                missing.add(fileOf.apply(g));
            }
        }
        // a set beside the list: a crafted Log Required range names up to 100,000 generations per
        // database, and List.contains made this quadratic (a fuzzed 2 KB header took minutes)
        java.util.Set<String> listed = new java.util.HashSet<>(missing);
        for (DatabaseVerdict v : dbv) {
            for (long g : v.missing()) {
                String n = fileOf.apply(g);
                if (g != current && listed.add(n)) {
                    missing.add(n);
                }
            }
        }
        if (current < 0 && baseKnown) {
            missing.add(base + "." + ext + " (current log" + (highestArchived > 0 ? ", generation " + (highestArchived + 1) : "")
                    + ")");
        } else if (current < 0 && !set.isEmpty()) {
            missing.add("the current log" + (highestArchived > 0 ? " (generation " + (highestArchived + 1) + ")" : ""));
        }
        boolean anyDirty = databases.stream().anyMatch(d -> !d.cleanShutdown());
        List<String> problems = new ArrayList<>();
        for (Note n : f) {
            if (n.level() == Note.Level.ERROR && !n.text().contains("generations missing between")) {
                problems.add(n.text());
            }
        }
        boolean can = missing.isEmpty() && problems.isEmpty() && !good.isEmpty();
        String verdict;
        if (good.isEmpty()) {
            verdict = "soft recovery cannot succeed: " + (set.isEmpty() ? noLogs : "no usable log file")
                    + (missing.isEmpty() ? "" : "; missing: " + list(missing));
        } else if (can) {
            verdict = "soft recovery can succeed: generations " + start + "-" + end + " are present with the set's signature"
                    + (chkGen > 0 ? ", from the checkpoint at " + chkGen : "")
                    + (databases.isEmpty() ? "" : anyDirty ? ", covering every database's Log Required range"
                            : "; every database given is already in Clean Shutdown");
        } else {
            verdict = "soft recovery cannot succeed" + (missing.isEmpty() ? "" : "; missing: " + list(missing))
                    + (problems.isEmpty() ? "" : "; problems: " + problems.size() + " (see findings)");
        }
        List<Long> present = new ArrayList<>(good.keySet());
        return new Report(base, set, ignored, present, current, chkGen, start, end, gaps, dbv, f, can && !dbBlocks,
                missing, verdict);
    }

    /** A database restored from an online backup: what its hard recovery (restore) needs. */
    private static DatabaseVerdict backupCopy(DatabaseHeader d, List<PatchHeader> patches, Map<String, TreeSet<Long>> gensBySig,
            Signature setSig) {
        boolean sigOk = setSig == null || d.logSignature().sameAs(setSig);
        PatchHeader match = null;
        List<String> foreign = new ArrayList<>();
        for (PatchHeader p : patches) {
            if (p.matches(d)) {
                match = match == null ? p : match;
            } else if (p.dbSignature().sameAs(d.dbSignature())) {
                foreign.add(EseFile.baseName(p.file()));
            }
        }
        boolean needsPatch = d.profile() == Profile.ESE97 || d.profile() == Profile.ESE98
                || d.profile() == Profile.UNUSUAL_0X623;
        long low = d.fullCurrent().genLow();
        TreeSet<Long> have = gensBySig.getOrDefault(d.logSignature().rawHex(), new TreeSet<>());
        StringBuilder s = new StringBuilder("a copy from an online backup (Current Full Backup genLow " + low
                + "): soft recovery is refused (JET_errSoftRecoveryOnBackupDatabase -544); hard recovery (restore) needs ");
        if (match != null) {
            long high = match.backup().genHigh();
            List<Long> miss = new ArrayList<>();
            for (long g = low; g <= high && miss.size() < 100_000; g++) {
                if (!have.contains(g)) {
                    miss.add(g);
                }
            }
            s.append("its patch file ").append(EseFile.baseName(match.file())).append(" (signatures and backup mark match) and logs ")
                    .append(low).append('-').append(high).append(" with the database's log signature: ")
                    .append(high < low ? "the patch file's range is empty" : miss.isEmpty() ? "all present"
                            : "missing generations " + ranges(miss) + " (JET_errMissingRestoreLogFiles -557)");
        } else {
            if (needsPatch) {
                s.append("its patch file (.pat), which is not in the folder (JET_errPatchFileMissing -538), and ");
            }
            s.append("the backup's logs from generation ").append(low)
                    .append(" (the last one is recorded only in the patch file or backup set)")
                    .append(have.contains(low) ? ": generation " + low + " is present" : ": generation " + low + " is not present");
        }
        if (!foreign.isEmpty()) {
            s.append("; ").append(String.join(", ", foreign)).append(" belongs to another backup of this database "
                    + "(JET_errDatabasePatchFileMismatch -552)");
        }
        return new DatabaseVerdict(d.file(), d.state(), (int) low, match == null ? 0 : (int) match.backup().genHigh(), false,
                sigOk, List.of(), false, s.toString());
    }

    private static DatabaseVerdict database(DatabaseHeader d, TreeMap<Long, Entry> good, Signature setSig, long start,
            long end, TreeSet<Long> missingChain) {
        String file = d.file();
        boolean sigOk = setSig == null || d.logSignature().sameAs(setSig);
        if (d.cleanShutdown()) {
            String s = "Clean Shutdown: needs no logs";
            if (!sigOk) {
                s += "; its log signature differs from this log set, so these logs must not be replayed against it "
                        + "(remove them, or replay fails with JET_errDatabaseLogSetMismatch -539 / -530)";
            }
            return new DatabaseVerdict(file, d.state(), 0, 0, d.hasLogRequired(), sigOk, List.of(), true, s);
        }
        if (!sigOk) {
            return new DatabaseVerdict(file, d.state(), d.genMinRequired(), d.genMaxRequired(), d.hasLogRequired(), false,
                    List.of(), false, "its log signature " + d.logSignature() + " differs from the log set's "
                            + "(JET_errDatabaseLogSetMismatch -539): these logs cannot recover it");
        }
        int low;
        int high;
        boolean fromHeader;
        if (d.hasLogRequired() && d.genMinRequired() > 0) {
            low = d.genMinRequired();
            high = Math.max(d.genMaxRequired(), d.genMinRequired());
            fromHeader = true;
        } else {
            low = (int) Math.max(start, 0);
            high = (int) Math.max(end, 0);
            fromHeader = false;
        }
        List<Long> missing = new ArrayList<>();
        for (long g = low; g <= high && missing.size() < 100_000; g++) {
            if (g > 0 && !good.containsKey(g)) {
                missing.add(g);
            }
        }
        String range = low + "-" + high + (fromHeader ? "" : " (no Log Required in the header: checkpoint to current log, INFERRED)");
        String state = DatabaseHeader.stateName(d.state());
        if (!missing.isEmpty()) {
            return new DatabaseVerdict(file, d.state(), low, high, fromHeader, true, missing, false, state
                    + ", needs logs " + range + "; missing generations " + ranges(missing)
                    + " (JET_errRequiredLogFilesMissing -543)");
        }
        if (d.state() != 2) {
            return new DatabaseVerdict(file, d.state(), low, high, fromHeader, true, missing, d.state() == 1 || d.state() == 7,
                    state + " (state " + d.state() + "), needs logs " + range + ": all present, but the state itself "
                            + (d.state() == 1 || d.state() == 7 ? "allows recovery" : "may stop the engine"));
        }
        return new DatabaseVerdict(file, d.state(), low, high, fromHeader, true, missing, true,
                state + ", needs logs " + range + ": all present with the right signature");
    }

    static Entry classify(LogHeader h) {
        String name = EseFile.baseName(h.file());
        Matcher m;
        if ((m = TEMP.matcher(name)).matches()) {
            return new Entry(h.file(), Role.TEMP, m.group(1), -1, 0, h);
        }
        if (RESERVE.matcher(name).matches()) {
            return new Entry(h.file(), Role.RESERVE, "", -1, 0, h);
        }
        if ((m = CURRENT.matcher(name)).matches()) {
            return new Entry(h.file(), Role.CURRENT, m.group(1), -1, 0, h);
        }
        if ((m = ARCHIVED.matcher(name)).matches()) {
            return new Entry(h.file(), Role.ARCHIVED, m.group(1), Long.parseLong(m.group(2), 16), m.group(2).length(), h);
        }
        return new Entry(h.file(), Role.OTHER, "", -1, 0, h);
    }

    /** At most 20 names, then how many more. */
    static String list(List<String> names) {
        if (names.size() <= 20) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 20)) + " and " + (names.size() - 20) + " more";
    }

    static String baseOf(String file) {
        String n = EseFile.baseName(file);
        return n.length() >= 3 ? n.substring(0, 3) : n;
    }

    private static int digits(List<Entry> entries) {
        for (Entry e : entries) {
            if (e.nameDigits() > 0) {
                return e.nameDigits();
            }
        }
        for (Entry e : entries) {
            LogHeader h = e.header();
            if (h.versionMajor() == 8 || h.versionMajor() == 7 && h.versionUpdateMajor() >= 10) {
                return 8;
            }
        }
        return 5;
    }

    static String hex(long g, int width) {
        return String.format("%0" + width + "X", g);
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
