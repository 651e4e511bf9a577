package org.patchlens.rules;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testdata/demo-before is exactly what {@link BeforeRestoreDemo} builds. Regenerate after a builder change with
 * {@code mvn test -Dtest=BeforeRestoreDemoTest -Dpatchlens.writeDemo=true}.
 */
class BeforeRestoreDemoTest {
    @Test
    void committedBeforeRestoreDemoIsReproducible(@TempDir Path tmp) throws Exception {
        DemoEvidenceTest.assertReproducible(BeforeRestoreDemo.FOLDER, BeforeRestoreDemo::write, tmp);
    }
}
