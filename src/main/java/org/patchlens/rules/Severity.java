package org.patchlens.rules;

/** How bad a failed rule is, most severe first. */
public enum Severity {
    CRIT, HIGH, WARN, INFO;

    /** True if this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
