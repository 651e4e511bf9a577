package org.patchlens.rules;

import java.util.Locale;

/**
 * The point in the story of a restore (../shared/docs/exchange-restore.md 1.4) at which the evidence was copied:
 * before the restore (the target as it is, the backup set beside it), after the restore (what it left behind), or
 * after isinteg -patch ran. Each rule declares what it does at each stage ({@link StageRole}).
 */
public enum Stage {
    BEFORE_RESTORE("before-restore"),
    AFTER_RESTORE("after-restore"),
    AFTER_PATCH("after-patch");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** "before-restore", as --stage takes it. */
    public String label() {
        return label;
    }

    /** The stage a --stage word names ("after-patch", any case), or null for one it does not. */
    public static Stage of(String word) {
        for (Stage s : values()) {
            if (s.label.equals(word.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
