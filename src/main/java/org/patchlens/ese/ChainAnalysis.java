package org.patchlens.ese;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * The log-chain analysis over headers already read, in the steps {@link #run} takes in order; each
 * step's name says what it decides, and each adds its findings in that order (ese-format.md sections
 * 6.2 and 9.1). Loops over generation ranges stop at {@link DatabaseVerdicts#MAX_MISSING} entries, and
 * the missing-file list is built with a set beside it, so a crafted header cannot make the analysis slow.
 */
final class ChainAnalysis {
    private final List<LogHeader> logHeaders;
    private final List<CheckpointHeader> checkpoints;
    private final List<DatabaseHeader> databases;
    private final List<PatchHeader> patches;
    /** "no log files", with the folder when there is one. */
    private final String noLogs;

    private final List<Note> findings = new ArrayList<>();
    private final List<String> ignored;
    private final List<LogChain.Entry> entries = new ArrayList<>();
    private CheckpointHeader checkpoint;
    /** The set's base name; {@link LogChain#NO_BASE} when no log or checkpoint gives one. */
    private String base;
    private boolean baseKnown;
    /** The logs of the set, by generation then name. */
    private final List<LogChain.Entry> set = new ArrayList<>();
    private Signature setSignature;
    private String signatureFrom;
    /** Usable generations: good checksum, name matching the header, the set's signature. */
    private final TreeMap<Long, LogChain.Entry> good = new TreeMap<>();
    private long current = -1;
    private LogChain.Entry currentEntry;
    /** A current log named by an eseutil /ml range listing whose generation the listing does not give. */
    private LogChain.Entry currentOfUnknownGeneration;
    private final Map<String, TreeSet<Long>> generationsBySignature = new HashMap<>();
    private long checkpointGeneration = -1;
    private long highestArchived = -1;
    private final List<Long> gaps = new ArrayList<>();
    private long start;
    private long end;
    private final TreeSet<Long> missingGenerations = new TreeSet<>();
    private final List<LogChain.DatabaseVerdict> verdicts = new ArrayList<>();
    private boolean databaseBlocks;
    private final List<String> missing = new ArrayList<>();
    private List<StreamingFilePair> streamingPairs = List.of();

    ChainAnalysis(List<LogHeader> logHeaders, List<CheckpointHeader> checkpoints, List<DatabaseHeader> databases,
            List<PatchHeader> patches, List<String> alreadyIgnored, String folder) {
        this.logHeaders = logHeaders;
        this.checkpoints = checkpoints;
        this.databases = databases;
        this.patches = patches;
        this.ignored = new ArrayList<>(alreadyIgnored);
        this.noLogs = "no log files" + (folder == null ? "" : " in " + folder);
    }

    LogChain.Report run() {
        classifyLogs();
        chooseCheckpoint();
        chooseBaseName();
        selectTheSet();
        chooseSetSignature();
        findUsableGenerations();
        groupGenerationsBySignature();
        takeCheckpointGeneration();
        checkCurrentLogIsHighestPlusOne();
        checkPreviousGenerationTimes();
        noteCircularLogging();
        findGaps();
        decideReplayRange();
        findMissingReplayGenerations();
        judgeDatabases();
        pairStreamingFiles();
        nameMissingFiles();
        return report();
    }

    // ------------------------------------------------------------------ the set

    private void classifyLogs() {
        for (LogHeader h : logHeaders) {
            entries.add(LogNames.classify(h));
        }
    }

    /** The first checkpoint given; more than one is a WARNING. */
    private void chooseCheckpoint() {
        checkpoint = checkpoints.isEmpty() ? null : checkpoints.get(0);
        if (checkpoints.size() > 1) {
            findings.add(Note.warning(-1, checkpoints.size() + " checkpoint files given; using " + checkpoint.file()));
        }
    }

    /** The base name most current and archived logs have, else the checkpoint's; else none (no file name is made up). */
    private void chooseBaseName() {
        Map<String, Integer> votes = new HashMap<>();
        for (LogChain.Entry e : entries) {
            if (e.role() == LogChain.Role.CURRENT || e.role() == LogChain.Role.ARCHIVED) {
                votes.merge(e.base(), 1, Integer::sum);
            }
        }
        String voted = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(checkpoint != null ? LogNames.baseOf(checkpoint.file()) : null);
        baseKnown = voted != null;
        base = baseKnown ? voted : LogChain.NO_BASE;
    }

    /** Temporary and reserve logs, and logs of another base name, are ignored; the rest is the set, sorted. */
    private void selectTheSet() {
        for (LogChain.Entry e : entries) {
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
    }

    /** The set's signature: the checkpoint's, else the current log's, else the most common. */
    private void chooseSetSignature() {
        if (checkpoint != null && !checkpoint.logSignature().isZero()) {
            setSignature = checkpoint.logSignature();
            signatureFrom = "the checkpoint";
            return;
        }
        for (LogChain.Entry e : set) {
            if (e.role() == LogChain.Role.CURRENT && e.header().signatureKnown()) {
                setSignature = e.header().logSignature();
                signatureFrom = "the current log";
            }
        }
        if (setSignature != null) {
            return;
        }
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Signature> byRaw = new HashMap<>();
        for (LogChain.Entry e : set) {
            if (e.header().signatureKnown()) {
                votes.merge(e.header().logSignature().rawHex(), 1, Integer::sum);
                byRaw.put(e.header().logSignature().rawHex(), e.header().logSignature());
            }
        }
        setSignature = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(en -> byRaw.get(en.getKey()))
                .orElse(null);
        signatureFrom = "most log files";
    }

    // ------------------------------------------------------------------ generations

    /** Which logs of the set are usable, the current log, duplicate generations; ESE97 logs' unknown signatures (INFO). */
    private void findUsableGenerations() {
        boolean inferredSignatures = false;
        boolean listedLogs = false;
        for (LogChain.Entry e : set) {
            LogHeader h = e.header();
            long g = h.generation();
            boolean usable = usable(e);
            if (h.fromListing()) {
                listedLogs = true;
            } else if (!h.signatureKnown()) {
                inferredSignatures = true;
            }
            if (e.role() == LogChain.Role.CURRENT && h.fromListing() && g <= 0 && h.listed().readable()) {
                currentOfUnknownGeneration = e;
            }
            if (e.role() == LogChain.Role.CURRENT) {
                if (currentEntry != null) {
                    findings.add(Note.warning(-1, "two current logs: " + currentEntry.file() + " and " + e.file()));
                }
                if (usable) {
                    current = g;
                    currentEntry = e;
                }
            }
            if (usable) {
                addUsable(g, e);
            }
        }
        if (inferredSignatures) {
            findings.add(Note.info("ESE97 log headers: signatures are unavailable and were not compared (confidence: inferred)"));
        }
        if (listedLogs) {
            findings.add(Note.info("logs from an eseutil /ml range listing, or named in /ml text without their header: "
                    + "only names and eseutil's verdicts are known; signatures and creation times were not compared here "
                    + "(eseutil compares each log with the one before it and prints an ERROR when they do not follow)"));
        }
    }

    /** A good checksum (binary headers), the name's generation, the set's signature, a positive generation; each failure is an ERROR. */
    private boolean usable(LogChain.Entry e) {
        LogHeader h = e.header();
        long g = h.generation();
        boolean usable = true;
        if (h.source() == Source.BINARY && !h.checksumValid()) {
            findings.add(Note.error(-1, e.file() + ": " + (h.headerCutShort() ? h.checksumDamage()
                    : "header checksum mismatch (JET_errLogFileCorrupt -501)") + ": generation " + g + " is not usable"));
            usable = false;
        }
        if (h.fromListing() && !h.listed().readable()) {
            String unusable = g > 0 ? "generation " + g + " is not usable" : "not usable";
            findings.add(Note.error(-1, e.file() + ": " + (h.listed().status() == ListedLog.Status.DAMAGED
                    ? "eseutil /ml reported it damaged, " + unusable + " (" + h.listed().message() + ")"
                    : "no eseutil verdict in the /ml listing (line " + h.listed().line() + "; the listing is cut or edited), "
                            + unusable)));
            usable = false;
        }
        if (!h.eseutilError().isEmpty()) {
            // a header eseutil dumped, then found the log damaged (its records, its place): not replayable as it is
            findings.add(Note.error(-1, e.file() + ": eseutil /ml reported it damaged, generation " + g
                    + " is not usable (" + h.eseutilError() + ")"));
            usable = false;
        }
        boolean nameChecked = !h.fromListing() || h.listed().generationFrom() == ListedLog.GenerationFrom.ESEUTIL_MESSAGE;
        if (nameChecked && e.nameGeneration() >= 0 && e.nameGeneration() != g) {
            findings.add(Note.error(-1, String.format("%s: mismatched log generation %d (0x%X) with log file name; expected "
                    + "generation %d (0x%X) (JET_errLogGenerationMismatch -513)", e.file(), g, g, e.nameGeneration(),
                    e.nameGeneration())));
            usable = false;
        }
        if (h.signatureKnown() && setSignature != null && !h.logSignature().sameAs(setSignature)) {
            findings.add(Note.error(-1, e.file() + ": log signature " + h.logSignature() + " differs from " + signatureFrom
                    + " (JET_errBadLogSignature -530): a log of another log stream"));
            usable = false;
        }
        return usable && g > 0;
    }

    /** The first usable log of a generation is kept; a second is a duplicate copy or another history. */
    private void addUsable(long g, LogChain.Entry e) {
        LogChain.Entry prev = good.get(g);
        if (prev == null) {
            good.put(g, e);
        } else if (!prev.header().created().isSet() || !e.header().created().isSet()) {
            findings.add(Note.warning(-1, e.file() + " and " + prev.file() + " both hold generation " + g
                    + " (a creation time is unknown: a duplicate copy or another history)"));
        } else if (prev.header().created().equals(e.header().created())) {
            findings.add(Note.warning(-1, e.file() + " and " + prev.file() + " both hold generation " + g
                    + " (identical creation time: a duplicate copy)"));
        } else {
            findings.add(Note.error(-1, e.file() + " and " + prev.file() + " both hold generation " + g
                    + " with different creation times: two different histories"));
        }
    }

    /** Generations of the folder by log signature (an online-backup copy's restore needs its own stream's). */
    private void groupGenerationsBySignature() {
        for (LogChain.Entry e : set) {
            LogHeader h = e.header();
            boolean nameOk = e.nameGeneration() < 0 || e.nameGeneration() == h.generation();
            if ((h.source() == Source.TEXT || h.checksumValid()) && nameOk && h.signatureKnown() && h.generation() > 0) {
                generationsBySignature.computeIfAbsent(h.logSignature().rawHex(), k -> new TreeSet<>())
                        .add((long) h.generation());
            }
        }
    }

    /** The checkpoint's generation, when a copy verifies and its signature is the logs'. */
    private void takeCheckpointGeneration() {
        if (checkpoint == null) {
            return;
        }
        boolean verifies = checkpoint.source() == Source.TEXT || checkpoint.verification().primary().valid()
                || checkpoint.verification().shadow().valid();
        if (!verifies) {
            findings.add(Note.error(-1, checkpoint.file() + ": both checkpoint copies are bad (JET_errCheckpointCorrupt -533)"));
        } else if (setSignature != null && !checkpoint.logSignature().sameAs(setSignature)
                && !signatureFrom.equals("the checkpoint")) {
            findings.add(Note.error(-1, checkpoint.file()
                    + ": checkpoint signature differs from the logs (JET_errBadCheckpointSignature -532)"));
        } else {
            checkpointGeneration = checkpoint.generation();
        }
    }

    /** The current log must exist and hold the highest archived generation + 1. */
    private void checkCurrentLogIsHighestPlusOne() {
        for (Map.Entry<Long, LogChain.Entry> en : good.entrySet()) {
            if (en.getValue().role() != LogChain.Role.CURRENT) {
                highestArchived = Math.max(highestArchived, en.getKey());
            }
        }
        if (current < 0 && set.isEmpty()) {
            findings.add(Note.error(-1, noLogs));
        } else if (current < 0 && currentOfUnknownGeneration != null) {
            findings.add(Note.error(-1, currentOfUnknownGeneration.file() + ": the current log's generation is not known "
                    + "from the eseutil /ml listing (eseutil checks it only against an OK archived log listed just before "
                    + "it)" + (highestArchived > 0 ? "; it should hold generation " + (highestArchived + 1) : "")));
        } else if (current < 0) {
            findings.add(Note.error(-1, "no current log" + (baseKnown ? " (" + base + ".log)" : "") + " in the set"
                    + (highestArchived > 0 ? "; it should hold generation " + (highestArchived + 1) : "")));
        } else if (highestArchived >= 0 && highestArchived + 1 != current) {
            if (highestArchived >= current) {
                findings.add(Note.error(-1, "archived generation " + highestArchived + " is not below the current log's "
                        + current + " (the current log must be the highest archived + 1)"));
            } else {
                findings.add(Note.warning(-1, "current log is generation " + current + " but the highest archived is "
                        + highestArchived + " (expected " + (highestArchived + 1) + ")"));
            }
        }
    }

    /** Each generation's {@code prev gen time} must be the previous generation's creation time (-515). */
    private void checkPreviousGenerationTimes() {
        Long prevGen = null;
        for (Map.Entry<Long, LogChain.Entry> en : good.entrySet()) {
            long g = en.getKey();
            if (prevGen != null && prevGen == g - 1) {
                LogHeader a = good.get(prevGen).header();
                LogHeader b = en.getValue().header();
                if (a.created().isSet() && b.previousGenerationCreated().isSet()
                        && !b.previousGenerationCreated().equals(a.created())) {
                    findings.add(Note.error(-1, String.format("invalid log sequence: %s (generation %d) says the previous "
                            + "generation was created %s, but %s was created %s (JET_errInvalidLogSequence -515)",
                            en.getValue().file(), g, b.previousGenerationCreated().iso(), good.get(prevGen).file(),
                            a.created().iso())));
                }
            }
            prevGen = g;
        }
    }

    private void noteCircularLogging() {
        for (LogChain.Entry e : good.values()) {
            if (e.header().circularLoggingCurrent() || e.header().dbms().circularLogging()) {
                findings.add(Note.info("circular logging is on: older generations are deleted by design; a roll-forward "
                        + "restore over them is impossible"));
                return;
            }
        }
    }

    /** Generations missing between the lowest and the highest usable one (-528). */
    private void findGaps() {
        if (good.isEmpty()) {
            return;
        }
        for (long g = good.firstKey(); g <= good.lastKey() && gaps.size() < DatabaseVerdicts.MAX_MISSING; g++) {
            if (!good.containsKey(g)) {
                gaps.add(g);
            }
        }
        if (!gaps.isEmpty()) {
            findings.add(Note.error(-1, "generations missing between " + good.firstKey() + " and " + good.lastKey() + ": "
                    + LogChain.ranges(gaps) + " (JET_errMissingLogFile -528)"));
        }
    }

    // ------------------------------------------------------------------ what soft recovery replays

    /**
     * From the checkpoint generation (else the lowest Log Required low of the dirty databases, else the
     * lowest usable log) to the current log (else the highest usable one).
     */
    private void decideReplayRange() {
        end = current >= 0 ? current : good.isEmpty() ? -1 : good.lastKey();
        start = checkpointGeneration > 0 ? checkpointGeneration : -1;
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
    }

    /** Generations of the replay range that are not usable; the checkpoint's own log must be there (-509). */
    private void findMissingReplayGenerations() {
        if (start > 0 && end >= start) {
            for (long g = start; g <= end && missingGenerations.size() < DatabaseVerdicts.MAX_MISSING; g++) {
                if (!good.containsKey(g)) {
                    missingGenerations.add(g);
                }
            }
        }
        if (checkpointGeneration > 0 && !good.containsKey(checkpointGeneration)) {
            findings.add(Note.error(-1, "the log of the checkpoint generation " + checkpointGeneration
                    + " is missing (JET_errMissingPreviousLogFile -509)"));
        }
        if (checkpointGeneration > 0 && end > 0 && checkpointGeneration > end) {
            findings.add(Note.error(-1, "checkpoint generation " + checkpointGeneration + " is beyond the last log " + end));
        }
    }

    /** One verdict per database: an ERROR when it blocks recovery, else an INFO. */
    private void judgeDatabases() {
        for (DatabaseHeader d : databases) {
            LogChain.DatabaseVerdict v = d.onlineBackupCopy()
                    ? DatabaseVerdicts.onlineBackupCopy(d, patches, generationsBySignature, setSignature)
                    : DatabaseVerdicts.softRecovery(d, good, setSignature, start, end);
            verdicts.add(v);
            if (!v.ok()) {
                databaseBlocks = true;
                findings.add(Note.error(-1, v.file() + ": " + v.verdict()));
            } else {
                findings.add(Note.info(v.file() + ": " + v.verdict()));
            }
        }
    }

    /**
     * Each streaming file against the database of its name: signatures that differ are an ERROR, which blocks
     * the verdict (the engine cannot attach the pair, -540, during recovery either).
     */
    private void pairStreamingFiles() {
        streamingPairs = StreamingFiles.pairs(databases);
        findings.addAll(StreamingFiles.notes(databases, streamingPairs));
    }

    /**
     * The files that block recovery, by name: missing generations of the replay range, then each
     * database's, then the current log. Without a base name, generations are named, not files.
     */
    private void nameMissingFiles() {
        int width = LogNames.digits(entries);
        String ext = currentEntry != null ? EseFile.extension(currentEntry.file()) : "log";
        LongFunction<String> fileOf = g -> baseKnown ? base + LogNames.hex(g, width) + "." + ext
                : "the log of generation " + g;
        for (long g : missingGenerations) {
            if (g != current) {
                missing.add(fileOf.apply(g));
            }
        }
        // a set beside the list: a crafted Log Required range names up to 100,000 generations per
        // database, and List.contains made this quadratic (a fuzzed 2 KB header took minutes)
        Set<String> listed = new HashSet<>(missing);
        for (LogChain.DatabaseVerdict v : verdicts) {
            for (long g : v.missing()) {
                String n = fileOf.apply(g);
                if (g != current && listed.add(n)) {
                    missing.add(n);
                }
            }
        }
        if (current < 0 && currentOfUnknownGeneration != null) {
            return; // present, generation unknown: a finding, not a missing file
        }
        if (current < 0 && baseKnown) {
            missing.add(base + "." + ext + " (current log" + (highestArchived > 0 ? ", generation " + (highestArchived + 1) : "")
                    + ")");
        } else if (current < 0 && !set.isEmpty()) {
            missing.add("the current log" + (highestArchived > 0 ? " (generation " + (highestArchived + 1) + ")" : ""));
        }
    }

    // ------------------------------------------------------------------ the verdict

    private LogChain.Report report() {
        List<String> problems = new ArrayList<>();
        for (Note n : findings) {
            if (n.level() == Note.Level.ERROR && !n.text().contains("generations missing between")) {
                problems.add(n.text());
            }
        }
        boolean can = missing.isEmpty() && problems.isEmpty() && !good.isEmpty();
        return new LogChain.Report(base, set, ignored, new ArrayList<>(good.keySet()), current, checkpointGeneration, start,
                end, gaps, verdicts, findings, can && !databaseBlocks, missing, verdict(can, problems), streamingPairs);
    }

    /** The one sentence: soft recovery can succeed (from where, covering what) or cannot (missing what, how many problems). */
    private String verdict(boolean can, List<String> problems) {
        if (good.isEmpty()) {
            return "soft recovery cannot succeed: " + (set.isEmpty() ? noLogs : "no usable log file")
                    + (missing.isEmpty() ? "" : "; missing: " + LogChain.list(missing));
        }
        if (can) {
            boolean anyDirty = databases.stream().anyMatch(d -> !d.cleanShutdown());
            return "soft recovery can succeed: generations " + start + "-" + end + " are present"
                    + (setSignature != null ? " with the set's signature" : " (signatures unknown, not compared)")
                    + (checkpointGeneration > 0 ? ", from the checkpoint at " + checkpointGeneration : "")
                    + (databases.isEmpty() ? "" : anyDirty ? ", covering every database's Log Required range"
                            : "; every database given is already in Clean Shutdown");
        }
        if (missing.isEmpty() && problems.size() == 1 && currentOfUnknownGeneration != null && current < 0) {
            return "soft recovery cannot be confirmed: the current log's generation is not in the eseutil /ml listing "
                    + "(see findings)";
        }
        return "soft recovery cannot succeed" + (missing.isEmpty() ? "" : "; missing: " + LogChain.list(missing))
                + (problems.isEmpty() ? "" : "; problems: " + problems.size() + " (see findings)");
    }
}
