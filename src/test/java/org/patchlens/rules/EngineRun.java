package org.patchlens.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;

/**
 * The rule engine run in-process on a written scenario, as {@code check DIR} runs it but without the CLI: the
 * evidence found in the folder, the scenario's operator facts, every finding. For rule tests.
 */
record EngineRun(CheckContext context, List<Finding> findings) {
    static EngineRun of(RestoreScenario s, Path dir) throws IOException {
        s.write(dir);
        CheckContext c = new CheckContext(EvidenceScanner.scan(dir), s.checkOptions());
        return new EngineRun(c, RuleEngine.run(c).findings());
    }

    /**
     * The same before the restore, as {@code check target --backup backup} runs it: the registry in
     * {@code dir/target}, the databases written into the backup set {@code dir/backup} and given as --backup.
     */
    static EngineRun before(RestoreScenario s, Path dir) throws IOException {
        Path target = dir.resolve("target");
        Path backup = dir.resolve("backup");
        s.writeBeforeRestore(target, backup);
        List<Evidence> evidence = new ArrayList<>(EvidenceScanner.scan(target));
        evidence.addAll(EvidenceScanner.scanBackup(backup));
        CheckContext c = new CheckContext(evidence, s.checkOptions());
        return new EngineRun(c, RuleEngine.run(c).findings());
    }

    /** The findings of one rule, in the order it reported them. */
    List<Finding> of(Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }
}
