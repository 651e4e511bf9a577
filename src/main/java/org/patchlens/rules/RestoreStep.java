package org.patchlens.rules;

/**
 * The steps of a restore on an Exchange 5.5 cluster, in order (exchange-restore.md 1.4 and 7): where a prediction
 * made before the restore says the problem will show, and what the administrator will see then. The numbers are
 * the ones a prediction prints ("will fail at step 4").
 */
public enum RestoreStep {
    PREPARE("prepare the target: Exchange installed with the backup's names, service pack and isinteg, cluster "
            + "settings"),
    RESTORE("restore the databases (and, online, the logs and patch files) to the registered paths"),
    FIRST_START("first start of the store (offline: it asks for isinteg -patch; online: hard recovery replays the "
            + "logs)"),
    PATCH("isinteg -patch (offline restore only), after SET _CLUSTER_NETWORK_NAME_ in the same prompt"),
    ONLINE("bring the Exchange resources online in Cluster Administrator (the cluster replays its registry "
            + "checkpoints)"),
    VERIFY("verify: the store runs, then Move Group");

    private final String label;

    RestoreStep(String label) {
        this.label = label;
    }

    /** 1 for {@link #PREPARE}, ... */
    public int number() {
        return ordinal() + 1;
    }

    public String label() {
        return label;
    }
}
