package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassArchiveTrainingTest {
    /** A training line that no longer parses would silently leave its command's classes out of the archive. */
    @Test
    void everyTrainingCommandLineRunsOnTheDemoEvidence() throws Exception {
        assertEquals(List.of(), ClassArchiveTraining.train());
    }
}
