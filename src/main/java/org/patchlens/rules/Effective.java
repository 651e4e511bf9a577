package org.patchlens.rules;

/** The restore kind the rules work with, after AUTO was decided from the evidence. */
public enum Effective {
    ONLINE("online"),
    OFFLINE_PIT("offline-pit"),
    OFFLINE_ROLLFORWARD("offline-rollforward"),
    UNKNOWN("unknown");

    private final String label;

    Effective(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean offline() {
        return this == OFFLINE_PIT || this == OFFLINE_ROLLFORWARD;
    }
}
