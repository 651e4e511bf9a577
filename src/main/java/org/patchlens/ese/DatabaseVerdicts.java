package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One database's position against the log chain: what soft recovery needs of it (its Log Required
 * range, present with the set's signature), or, for a copy made by an online backup, what hard recovery
 * (restore) needs. Missing generations are listed up to 100,000 per database.
 */
final class DatabaseVerdicts {
    /** Generations listed as missing per database, at most (a crafted Log Required range can span billions). */
    static final int MAX_MISSING = 100_000;

    private DatabaseVerdicts() {
    }

    /**
     * A database against the chain.
     *
     * @param good         the usable generations of the set
     * @param setSignature the set's log signature, or null
     * @param start        the first generation soft recovery replays
     * @param end          the last one
     */
    static LogChain.DatabaseVerdict softRecovery(DatabaseHeader d, TreeMap<Long, LogChain.Entry> good, Signature setSignature,
            long start, long end) {
        String file = d.file();
        boolean sigOk = setSignature == null || d.logSignature().sameAs(setSignature);
        if (d.cleanShutdown()) {
            String s = "Clean Shutdown: needs no logs";
            if (!sigOk) {
                s += "; its log signature differs from this log set, so these logs must not be replayed against it "
                        + "(remove them, or replay fails with JET_errDatabaseLogSetMismatch -539 / -530)";
            }
            return new LogChain.DatabaseVerdict(file, d.state(), 0, 0, d.hasLogRequired(), sigOk, List.of(), true, s);
        }
        if (!sigOk) {
            return new LogChain.DatabaseVerdict(file, d.state(), d.genMinRequired(), d.genMaxRequired(), d.hasLogRequired(),
                    false, List.of(), false, "its log signature " + d.logSignature() + " differs from the log set's "
                            + "(JET_errDatabaseLogSetMismatch -539): these logs cannot recover it");
        }
        boolean fromHeader = d.hasLogRequired() && d.genMinRequired() > 0;
        int low = fromHeader ? d.genMinRequired() : (int) Math.max(start, 0);
        int high = fromHeader ? Math.max(d.genMaxRequired(), d.genMinRequired()) : (int) Math.max(end, 0);
        List<Long> missing = new ArrayList<>();
        for (long g = low; g <= high && missing.size() < MAX_MISSING; g++) {
            if (g > 0 && !good.containsKey(g)) {
                missing.add(g);
            }
        }
        String range = low + "-" + high + (fromHeader ? "" : " (no Log Required in the header: checkpoint to current log, INFERRED)");
        String state = DatabaseHeader.stateName(d.state());
        if (!missing.isEmpty()) {
            return new LogChain.DatabaseVerdict(file, d.state(), low, high, fromHeader, true, missing, false, state
                    + ", needs logs " + range + "; missing generations " + LogChain.ranges(missing)
                    + " (JET_errRequiredLogFilesMissing -543)");
        }
        if (d.state() != 2) {
            boolean allows = d.state() == 1 || d.state() == 7;
            return new LogChain.DatabaseVerdict(file, d.state(), low, high, fromHeader, true, missing, allows,
                    state + " (state " + d.state() + "), needs logs " + range + ": all present, but the state itself "
                            + (allows ? "allows recovery" : "may stop the engine"));
        }
        return new LogChain.DatabaseVerdict(file, d.state(), low, high, fromHeader, true, missing, true,
                state + ", needs logs " + range + ": all present with the right signature");
    }

    /**
     * A database restored from an online backup: soft recovery refuses it; what its hard recovery
     * (restore) needs — its matching patch file and the backup's logs with the database's log signature.
     *
     * @param generationsBySignature usable generations of the folder by log signature (raw hex)
     */
    static LogChain.DatabaseVerdict onlineBackupCopy(DatabaseHeader d, List<PatchHeader> patches,
            Map<String, TreeSet<Long>> generationsBySignature, Signature setSignature) {
        boolean sigOk = setSignature == null || d.logSignature().sameAs(setSignature);
        PatchHeader match = null;
        List<String> foreign = new ArrayList<>();
        for (PatchHeader p : patches) {
            if (p.matches(d)) {
                match = match == null ? p : match;
            } else if (p.dbSignature().sameAs(d.dbSignature())) {
                foreign.add(EseFile.baseName(p.file()));
            }
        }
        long low = d.fullCurrent().genLow();
        TreeSet<Long> have = generationsBySignature.getOrDefault(d.logSignature().rawHex(), new TreeSet<>());
        StringBuilder s = new StringBuilder("a copy from an online backup (Current Full Backup genLow " + low
                + "): soft recovery is refused (JET_errSoftRecoveryOnBackupDatabase -544); hard recovery (restore) needs ");
        if (match != null) {
            s.append(withPatchFile(match, low, have));
        } else {
            s.append(withoutPatchFile(d, low, have));
        }
        if (!foreign.isEmpty()) {
            s.append("; ").append(String.join(", ", foreign)).append(" belongs to another backup of this database "
                    + "(JET_errDatabasePatchFileMismatch -552)");
        }
        return new LogChain.DatabaseVerdict(d.file(), d.state(), (int) low, match == null ? 0 : (int) match.backup().genHigh(),
                false, sigOk, List.of(), false, s.toString());
    }

    /** The matching patch file gives the backup's last generation: the logs low-high, present or missing. */
    private static String withPatchFile(PatchHeader match, long low, TreeSet<Long> have) {
        long high = match.backup().genHigh();
        List<Long> miss = new ArrayList<>();
        for (long g = low; g <= high && miss.size() < MAX_MISSING; g++) {
            if (!have.contains(g)) {
                miss.add(g);
            }
        }
        return "its patch file " + EseFile.baseName(match.file()) + " (signatures and backup mark match) and logs "
                + low + '-' + high + " with the database's log signature: "
                + (high < low ? "the patch file's range is empty" : miss.isEmpty() ? "all present"
                        : "missing generations " + LogChain.ranges(miss) + " (JET_errMissingRestoreLogFiles -557)");
    }

    /** No matching patch file (required for ESE97/ESE98): only the backup's first generation is known. */
    private static String withoutPatchFile(DatabaseHeader d, long low, TreeSet<Long> have) {
        boolean needsPatch = d.profile() == Profile.ESE97 || d.profile() == Profile.ESE98
                || d.profile() == Profile.UNUSUAL_0X623;
        return (needsPatch ? "its patch file (.pat), which is not in the folder (JET_errPatchFileMissing -538), and " : "")
                + "the backup's logs from generation " + low
                + " (the last one is recorded only in the patch file or backup set)"
                + (have.contains(low) ? ": generation " + low + " is present" : ": generation " + low + " is not present");
    }
}
