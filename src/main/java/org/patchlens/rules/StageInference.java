package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.Key;
import org.patchlens.model.RegValue;
import org.patchlens.model.SystemView;

/**
 * Decides the {@link Stage} for {@code --stage auto}, as the restore type is decided: from the evidence, saying
 * why. In this order: isinteg -patch has run (--isinteg-runs, or store identity values newer than their
 * checkpoint copies) → after the patch; the restore has run (a Restore in Progress key, or a database the SYSTEM
 * hive's DB Path names among the target's files) → after the restore; those databases absent from the target (or
 * present only in the backup set) → before the restore. Without a SYSTEM hive there is nothing to decide from:
 * after the restore, the check as it always was.
 */
final class StageInference {
    /** The keys isinteg -patch writes new identity values to (exchange-restore.md 1.3, 2.2). */
    private static final List<String> IDENTITY_KEYS = List.of(ExchangeKeys.IS_PRIVATE, ExchangeKeys.IS_PUBLIC);

    record Decision(Stage stage, String reason) {
    }

    private StageInference() {
    }

    static Decision decide(CheckContext c) {
        Stage given = c.options().stage();
        if (given != null) {
            return new Decision(given, "--stage " + given.label());
        }
        if (c.options().isintegRuns() > 0) {
            return new Decision(Stage.AFTER_PATCH, "auto: --isinteg-runs " + c.options().isintegRuns()
                    + " says isinteg -patch has run");
        }
        Optional<String> newer = identityNewerThanCheckpoint(c);
        if (newer.isPresent()) {
            return new Decision(Stage.AFTER_PATCH, "auto: " + newer.get() + " is newer than its checkpoint copy and "
                    + "differs from it (isinteg -patch wrote it)");
        }
        if (c.system().isEmpty()) {
            return new Decision(Stage.AFTER_RESTORE, "auto: no SYSTEM hive to decide from");
        }
        if (!RestoreInProgress.present(c).isEmpty()) {
            return new Decision(Stage.AFTER_RESTORE, "auto: a Restore in Progress key is present (the online restore "
                    + "ran)");
        }
        List<String> registered = registeredDatabases(c.system().get());
        if (registered.isEmpty()) {
            return new Decision(Stage.AFTER_RESTORE, "auto: the SYSTEM hive names no database (no DB Path)");
        }
        List<String> inTarget = new ArrayList<>();
        List<String> inBackup = new ArrayList<>();
        for (StoreView.Item<DatabaseHeader> d : c.store().databases()) {
            if (registered.contains(d.fileName().toUpperCase(Locale.ROOT))) {
                if (d.evidence().fromBackup()) {
                    inBackup.add(d.fileName());
                } else {
                    inTarget.add(d.name());
                }
            }
        }
        if (!inTarget.isEmpty()) {
            return new Decision(Stage.AFTER_RESTORE, "auto: " + String.join(", ", inTarget) + " named by DB Path "
                    + "among the target's files");
        }
        return new Decision(Stage.BEFORE_RESTORE, "auto: the databases DB Path names (" + String.join(", ",
                registered) + ") are absent from the target's files" + (inBackup.isEmpty() ? ""
                : "; the backup set (--backup) holds " + String.join(", ", inBackup)));
    }

    /** The file names (upper case) of ParametersPrivate/Public DB Path and DSA Database file. */
    private static List<String> registeredDatabases(SystemView v) {
        List<String> out = new ArrayList<>();
        for (String[] kv : new String[][] {{ExchangeKeys.IS_PRIVATE, "DB Path"}, {ExchangeKeys.IS_PUBLIC, "DB Path"},
            {ExchangeKeys.DS, "DSA Database file"}}) {
            v.value(kv[0], kv[1]).map(RegValue::text).map(p -> WinPath.of(p).fileName().toUpperCase(Locale.ROOT))
                    .filter(n -> !n.isEmpty() && !out.contains(n)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The first IS identity key (ParametersPrivate, ParametersPublic) whose live copy was written after its
     * checkpoint copy and differs from it in a value: what isinteg -patch leaves behind on a cluster (S1).
     */
    private static Optional<String> identityNewerThanCheckpoint(CheckContext c) {
        Optional<ClusterModel> m = c.cluster();
        if (m.isEmpty() || c.system().isEmpty()) {
            return Optional.empty();
        }
        SystemView v = c.system().get();
        for (ClusterModel.Resource r : m.get().allExchangeResources()) {
            for (ClusterModel.Checkpoint cp : r.checkpoints()) {
                String path = cp.path().replace('/', '\\').toLowerCase(Locale.ROOT);
                boolean identity = IDENTITY_KEYS.stream().anyMatch(k -> path.endsWith(k.toLowerCase(Locale.ROOT)));
                Optional<Hive> cpt = c.checkpoint(r.guid(), cp.valueName());
                Key live = identity ? v.resolveHklm(cp.path()) : null;
                if (live == null || cpt.isEmpty()) {
                    continue;
                }
                try {
                    Key root = cpt.get().root();
                    boolean[] differs = {false};
                    HiveDiff.compare(root, live, ch -> differs[0] |= !ch.isKey());
                    if (differs[0] && live.lastWrittenRaw() > root.lastWrittenRaw()) {
                        return Optional.of(live.path().substring(1));
                    }
                } catch (RuntimeException e) {
                    // an unreadable checkpoint decides nothing; CLU-10 reports it
                }
            }
        }
        return Optional.empty();
    }
}
