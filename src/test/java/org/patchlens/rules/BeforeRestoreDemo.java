package org.patchlens.rules;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The before-restore demo bundled in patchlens ({@code testdata/demo-before}, run by
 * {@code check --demo before-restore}): scenario P1 of issue 15. The target is the base cluster of
 * exchange-restore.md 10.7 (two nodes, virtual server EXVS01, the IS resource's RegSync covering
 * ParametersSystem, ParametersPrivate and ParametersPublic) before anything was restored: no restored
 * database at the DB Path folders, and the offline backup set's consistent PRIV.EDB and PUB.EDB in
 * {@code backup/MDBDATA}. The isinteg.exe at hand is 5.5.2650.21, older than the KB Q288562 fix: PRC-04
 * blocks the restore until it is upgraded.
 */
final class BeforeRestoreDemo {
    static final Path FOLDER = Path.of("testdata", "demo-before");
    /** Where the backup set lies in the demo tree. */
    static final String BACKUP = "backup/MDBDATA";

    private BeforeRestoreDemo() {
    }

    static RestoreScenario scenario() {
        RestoreScenario s = RestoreScenario.offlineBase();
        for (RestoreScenario.Db d : s.databases) {
            d.folder = BACKUP;
        }
        s.set("--isinteg-version", "5.5.2650.21");
        s.set("--isinteg-runs", "0"); // not run yet: the store has not asked
        return s;
    }

    /** Writes the evidence, the FILES list and check.args into {@code dir}. */
    static void write(Path dir) throws IOException {
        DemoEvidence.write(dir, scenario(), "# operator facts of the before-restore demo (P1), one argument per line");
    }
}
