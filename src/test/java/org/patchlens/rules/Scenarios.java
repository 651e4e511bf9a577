package org.patchlens.rules;

import java.nio.file.Path;
import java.util.List;

/** Whole {@code check} evidence trees for tests outside this package (the CLI tests): written, with their options. */
public final class Scenarios {
    private Scenarios() {
    }

    /** The clean offline base restore ({@link RestoreScenario#offlineBase}) written into {@code dir}; its options. */
    public static List<String> offlineBase(Path dir) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        return List.copyOf(s.options);
    }

    /** The demo evidence ({@link DemoEvidence#scenario}: findings at CRIT) written into {@code dir}; its options. */
    public static List<String> demo(Path dir) {
        RestoreScenario s = DemoEvidence.scenario();
        s.write(dir);
        return List.copyOf(s.options);
    }
}
