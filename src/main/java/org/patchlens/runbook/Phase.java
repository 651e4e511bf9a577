package org.patchlens.runbook;

/** Where a step sits in the restore (exchange-restore.md 1.4), in the order the plan runs them. */
public enum Phase {
    /** "Do not restore yet" ("Fix first" after the restore): a problem no later step answers. */
    BLOCKER("blocker"),
    /** Stop or take offline what must be. */
    PREPARE("prepare"),
    /** Put the databases back (offline) or run the backup program (online). */
    RESTORE("restore"),
    /** Offline only: the first start, which asks for isinteg -patch. */
    ASK("first start"),
    /** Offline only: SET and isinteg -patch. */
    PATCH("patch"),
    /** Start through the service controller before the cluster replays a checkpoint. */
    START("start"),
    /** Bring the resources online (or start the services of a stand-alone server). */
    ONLINE("online"),
    /** The events to expect, and those that mean a step went wrong. */
    VERIFY("verify");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
