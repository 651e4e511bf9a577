package org.patchlens.rules;

/** Whether a rule's expectation is documented in its sources (confirmed) or reasoned from them (inferred). */
public enum Confidence {
    CONFIRMED, INFERRED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
