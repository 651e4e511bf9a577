package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KB scenarios of exchange-restore.md 10.7 through the whole check pipeline. */
class ScenarioTest {
    @TempDir
    Path dir;

    private static TreeSet<String> set(String... ids) {
        return new TreeSet<>(java.util.List.of(ids));
    }

    @Test
    void offlineBaseFixtureIsClean() throws Exception {
        ScenarioRun r = ScenarioRun.of(RestoreScenario.offlineBase(), dir);
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(0, r.exit(), r.dump() + r.err());
    }

    @Test
    void onlineBaseFixtureIsClean() throws Exception {
        ScenarioRun r = ScenarioRun.of(RestoreScenario.onlineBase(), dir);
        assertEquals(set(), r.failing(), r.dump());
        assertEquals(0, r.exit(), r.dump() + r.err());
    }
}
