package org.patchlens.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.RecoveryFailed;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.hive.Key;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/**
 * Everything the rules read: the evidence inventory, the opened models and the operator's
 * facts, plus the facts derived once (restore type, virtual server name, node name).
 */
public final class CheckContext {
    private final List<Evidence> evidence;
    private final CheckOptions options;
    private final SystemView system;
    private final Evidence systemEvidence;
    private final List<ClusterModel> clusters = new ArrayList<>();
    private final Map<String, Hive> checkpoints = new LinkedHashMap<>();
    private final Map<String, Evidence> checkpointEvidence = new LinkedHashMap<>();
    /** Every file at a checkpoint's place (GUID\NNNNNNNN.CPT), readable as a hive or not. */
    private final Map<String, Evidence> checkpointPlaces = new LinkedHashMap<>();
    private final Hive software;
    /**
     * Files identified as hives or store headers that failed when read here (the classifier had read them: a
     * file changed since, or a reader stricter than the classifier), by evidence name; IN-02 reports them.
     */
    private final Map<String, String> readErrors = new LinkedHashMap<>();
    private final Map<String, ReplayLedger> replays = new LinkedHashMap<>();
    private final Map<String, String> replayFailures = new LinkedHashMap<>();
    private final StoreView store;
    private final Effective restore;
    private final String restoreReason;
    private final StageInference.Decision stage;

    public CheckContext(List<Evidence> evidence, CheckOptions options) {
        this.evidence = List.copyOf(evidence);
        this.options = options;
        SystemView sys = null;
        Evidence sysEv = null;
        Hive sw = null;
        for (Evidence e : evidence) {
            String place = Classifier.checkpointId(e.path());
            if (place != null) {
                checkpointPlaces.put(place, e);
            }
            try {
                switch (e.kind()) {
                    case SYSTEM_HIVE -> {
                        if (sys == null) {
                            sys = SystemView.of(open(e), e.name());
                            sysEv = e;
                        }
                    }
                    case CLUSTER_HIVE -> clusters.add(ClusterModel.read(open(e), e.name()));
                    case SOFTWARE_HIVE -> sw = sw == null ? open(e) : sw;
                    case REGISTRY_CHECKPOINT, OTHER_HIVE -> {
                        String id = Classifier.checkpointId(e.path());
                        if (id != null) {
                            checkpoints.put(id, open(e));
                            checkpointEvidence.put(id, e);
                        }
                    }
                    default -> {
                    }
                }
            } catch (HiveException ex) {
                readErrors.put(e.name(), ex.getMessage());
            }
        }
        this.system = sys;
        this.systemEvidence = sysEv;
        this.software = sw;
        this.store = new StoreView(evidence);
        readErrors.putAll(store.errors());
        String[] why = new String[1];
        this.restore = decideRestore(why);
        this.restoreReason = why[0];
        this.stage = StageInference.decide(this);
    }

    /**
     * A hive as Windows would load it, as every hive command opens it ({@link HiveOpener}): with the
     * transaction logs beside it applied when it is dirty. If recovery fails (a log that cannot be
     * read, no usable log, an unreadable result), the file as found, and the failure is kept for IN-03.
     */
    private Hive open(Evidence e) {
        try {
            Hive h = HiveOpener.openWithLogsBeside(e.path(), org.patchlens.hive.HiveOptions.DEFAULTS);
            h.replay().ifPresent(l -> replays.put(e.name(), l));
            return h;
        } catch (RecoveryFailed ex) {
            replayFailures.put(e.name(), ex.reason());
            return Hive.open(e.path());
        }
    }

    /** The log replay of a hive (by evidence name), when logs were beside it. */
    public Optional<ReplayLedger> replay(String evidenceName) {
        return Optional.ofNullable(replays.get(evidenceName));
    }

    /** Why log recovery failed for a hive (by evidence name), if it did. */
    public Optional<String> replayFailure(String evidenceName) {
        return Optional.ofNullable(replayFailures.get(evidenceName));
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    public List<Evidence> evidence(EvidenceKind kind) {
        return evidence.stream().filter(e -> e.kind() == kind).toList();
    }

    public CheckOptions options() {
        return options;
    }

    /** The SYSTEM hive, if one was given or found. */
    public Optional<SystemView> system() {
        return Optional.ofNullable(system);
    }

    public Optional<Evidence> systemEvidence() {
        return Optional.ofNullable(systemEvidence);
    }

    public Optional<Hive> software() {
        return Optional.ofNullable(software);
    }

    /** Every cluster hive (node CLUSDB copies and quorum snapshots). */
    public List<ClusterModel> clusters() {
        return clusters;
    }

    /** The cluster hive the rules use: the newest by root key last-written time. */
    public Optional<ClusterModel> cluster() {
        return clusters.stream().max(java.util.Comparator.comparingLong(ClusterModel::rootLastWritten));
    }

    /** The checkpoint hive for "GUID\NNNNNNNN" (GUID upper case, no braces), if present. */
    public Optional<Hive> checkpoint(String resourceGuid, String valueName) {
        return Optional.ofNullable(checkpoints.get(Classifier.normalGuid(resourceGuid) + "\\"
                + valueName.toUpperCase(java.util.Locale.ROOT)));
    }

    public Optional<Evidence> checkpointEvidence(String resourceGuid, String valueName) {
        return Optional.ofNullable(checkpointEvidence.get(Classifier.normalGuid(resourceGuid) + "\\"
                + valueName.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The file at a checkpoint's place even when it is not a readable hive. */
    public Optional<Evidence> checkpointPlace(String resourceGuid, String valueName) {
        return Optional.ofNullable(checkpointPlaces.get(Classifier.normalGuid(resourceGuid) + "\\"
                + valueName.toUpperCase(java.util.Locale.ROOT)));
    }

    public Map<String, Evidence> checkpointFiles() {
        return checkpointEvidence;
    }

    /** The store files' headers (databases, patches, checkpoints, logs, eseutil dumps). */
    public StoreView store() {
        return store;
    }

    /** Why a file identified as evidence could not be read as such here, if it could not. */
    public Optional<String> readError(String evidenceName) {
        return Optional.ofNullable(readErrors.get(evidenceName));
    }

    /** A cluster node: ClusSvc installed, or a cluster hive given. */
    public boolean isCluster() {
        return !clusters.isEmpty() || (system != null && system.isClusterNode());
    }

    /**
     * What a command line shows for the virtual server when its name is unknown or cannot be typed
     * ({@link org.patchlens.model.CommandText}): the runbook's SET line and the PRC rules' remedies alike.
     */
    public static final String VIRTUAL_SERVER_PLACEHOLDER = "the Name of the Exchange group's Network Name resource";

    /** The Exchange virtual server name (VNAME), from the cluster hive. */
    public Optional<String> virtualServer() {
        return cluster().flatMap(ClusterModel::virtualServerName);
    }

    public Optional<Source> virtualServerSource() {
        return cluster().flatMap(c -> c.virtualServerResource().map(r -> {
            Key p = r.key().subkey("Parameters");
            org.patchlens.hive.Value v = p == null ? null : p.value("Name");
            return new Source(c.file(), (p == null ? r.key().path() : p.path()).substring(1) + " : Name",
                    v == null ? -1 : v.fileOffset());
        }));
    }

    /** The node's computer name (NODE). */
    public Optional<RegValue> node() {
        return system().flatMap(SystemView::nodeName);
    }

    /** The restore kind the rules use. */
    public Effective restore() {
        return restore;
    }

    /** Why {@link #restore()} is what it is. */
    public String restoreReason() {
        return restoreReason;
    }

    /** The point of the restore at which the evidence was copied (--stage, or decided from the evidence). */
    public Stage stage() {
        return stage.stage();
    }

    /** Why {@link #stage()} is what it is. */
    public String stageReason() {
        return stage.reason();
    }

    /** True before the restore: rules that predict say at which step their problem will show. */
    public boolean beforeRestore() {
        return stage.stage() == Stage.BEFORE_RESTORE;
    }

    /** The live Restore in Progress key of a service (either spelling), or null. */
    public Key restoreInProgress(String service) {
        if (system == null) {
            return null;
        }
        Key svc = system.key("Services\\" + service);
        if (svc == null) {
            return null;
        }
        Key k = svc.subkey("Restore in Progress");
        return k != null ? k : svc.subkey("RestoreInProgress");
    }

    private Effective decideRestore(String[] why) {
        switch (options.restoreType()) {
            case ONLINE -> {
                why[0] = "--restore-type online";
                return Effective.ONLINE;
            }
            case OFFLINE -> {
                why[0] = "--restore-type offline" + (options.rollForward() ? " --roll-forward" : "");
                return options.rollForward() ? Effective.OFFLINE_ROLLFORWARD : Effective.OFFLINE_PIT;
            }
            default -> {
            }
        }
        if (restoreInProgress("MSExchangeIS") != null || restoreInProgress("MSExchangeDS") != null) {
            why[0] = "auto: a Restore in Progress key is present";
            return Effective.ONLINE;
        }
        if (!evidence(EvidenceKind.ESE_PATCH).isEmpty()) {
            why[0] = "auto: patch files are present";
            return Effective.ONLINE;
        }
        if (system == null) {
            why[0] = "auto: no SYSTEM hive to decide from";
            return Effective.UNKNOWN;
        }
        if (!evidence(EvidenceKind.ESE_LOG).isEmpty() && options.rollForward()) {
            why[0] = "auto: no Restore in Progress key, logs to roll forward";
            return Effective.OFFLINE_ROLLFORWARD;
        }
        why[0] = "auto: no Restore in Progress key and no patch files";
        return Effective.OFFLINE_PIT;
    }
}
