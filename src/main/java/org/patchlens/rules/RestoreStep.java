package org.patchlens.rules;

/**
 * The steps of a restore on an Exchange 5.5 cluster, in order (exchange-restore.md 1.4 and 7): where a prediction
 * made before the restore says the problem will show, and what the administrator will see then. A prediction names
 * the step by its tag ("will fail at the [patch] step"), the tag the runbook's step of that phase carries: the
 * runbook numbers its steps after its blockers, so a number here would not match it.
 */
public enum RestoreStep {
    PREPARE("prepare", "prepare the target: Exchange installed with the backup's names, service pack and isinteg, cluster "
            + "settings"),
    RESTORE("restore", "restore the databases (and, online, the logs and patch files) to the registered paths"),
    FIRST_START("first start", "first start of the store (offline: it asks for isinteg -patch; online: hard recovery replays the "
            + "logs)"),
    PATCH("patch", "isinteg -patch (offline restore only), after SET _CLUSTER_NETWORK_NAME_ in the same prompt"),
    ONLINE("online", "bring the Exchange resources online in Cluster Administrator (the cluster replays its registry "
            + "checkpoints)"),
    VERIFY("verify", "verify: the store runs, then Move Group");

    private final String tag;
    private final String label;

    RestoreStep(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    /** The short name the runbook shows in brackets ("[patch]"). */
    public String tag() {
        return tag;
    }

    public String label() {
        return label;
    }
}
