package org.patchlens.rules;

/** The outcome of one rule check. */
public enum Status {
    /** The check failed at the rule's severity. */
    FAIL,
    /** The check failed at a lower severity than the rule's (a warning). */
    WARN,
    PASS,
    /** The evidence the rule needs is missing, or the rule does not apply; the reason says which. */
    SKIPPED
}
