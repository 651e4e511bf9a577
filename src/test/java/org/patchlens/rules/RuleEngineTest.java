package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.model.Source;

/**
 * The engine's run and its counts (docs/check.md, Output): every rule runs in catalog order; each rule is counted
 * once by its worst result (FAIL over WARN over PASS over SKIPPED), so the rule counts add up to the rules that
 * reported; FAIL and WARN findings are counted per severity for the verdict line.
 */
class RuleEngineTest {
    @TempDir
    Path dir;

    private static Finding result(Rule r, Status status, Severity severity) {
        return new Finding(r, severity, status, "o", "e", Source.NONE, "a", Source.NONE, "", "");
    }

    private static Map<Status, Integer> counts(int fail, int warn, int pass, int skipped) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        m.put(Status.FAIL, fail);
        m.put(Status.WARN, warn);
        m.put(Status.PASS, pass);
        m.put(Status.SKIPPED, skipped);
        return m;
    }

    private static RuleEngine.CheckResult resultOf(Finding... f) {
        return new RuleEngine.CheckResult(List.of(f), Effective.OFFLINE_PIT, "--restore-type offline");
    }

    @Test
    void runsEveryRuleInCatalogOrder() throws Exception {
        EngineRun r = EngineRun.of(RestoreScenario.offlineBase(), dir);
        List<Rule> order = r.findings().stream().map(Finding::rule).distinct().toList();
        assertEquals(List.of(Rule.values()), order);
        for (int i = 1; i < r.findings().size(); i++) {
            assertTrue(r.findings().get(i - 1).rule().ordinal() <= r.findings().get(i).rule().ordinal(),
                    "a rule's findings stay together, in catalog order");
        }
        RuleEngine.CheckResult result = RuleEngine.run(r.context());
        assertEquals(Effective.OFFLINE_PIT, result.restore());
        assertEquals("--restore-type offline", result.restoreReason());
    }

    @Test
    void countsTheDemoAsDocsCheckMdShowsIt() throws Exception {
        RuleEngine.CheckResult r = RuleEngine.run(EngineRun.of(DemoEvidence.scenario(), dir).context());
        // docs/check.md: "Results (49 rules): 3 FAIL, 0 WARN, 30 PASS, 16 SKIPPED (69 findings: 4 FAIL, 0 WARN,
        // 49 PASS, 16 SKIPPED)"
        assertEquals(counts(3, 0, 30, 16), r.ruleStatusCounts());
        assertEquals(counts(4, 0, 49, 16), r.statusCounts());
        assertTrue(r.verdict().startsWith("Store will not start: "), r.verdict());
    }

    @Test
    void countsEachRuleOnceByItsWorstResult() {
        List<Finding> f = List.of(
                result(Rule.IN_01, Status.PASS, Severity.HIGH), result(Rule.IN_01, Status.FAIL, Severity.HIGH),
                result(Rule.IN_02, Status.FAIL, Severity.HIGH), result(Rule.IN_02, Status.PASS, Severity.HIGH),
                result(Rule.IN_03, Status.PASS, Severity.WARN), result(Rule.IN_03, Status.WARN, Severity.WARN),
                result(Rule.IN_03, Status.SKIPPED, Severity.WARN),
                result(Rule.IN_04, Status.SKIPPED, Severity.HIGH), result(Rule.IN_04, Status.PASS, Severity.HIGH),
                result(Rule.IN_05, Status.SKIPPED, Severity.WARN));
        assertEquals(counts(2, 1, 1, 1), RuleEngine.ruleStatusCounts(f));
        assertEquals(counts(0, 0, 0, 0), RuleEngine.ruleStatusCounts(List.of()), "every status, zero");
    }

    @Test
    void countsFindingsPerStatusAndFailuresPerSeverity() {
        RuleEngine.CheckResult r = resultOf(result(Rule.CLU_08, Status.FAIL, Severity.CRIT),
                result(Rule.CLU_08, Status.FAIL, Severity.CRIT), result(Rule.REG_08, Status.WARN, Severity.WARN),
                result(Rule.REG_01, Status.PASS, Severity.HIGH), result(Rule.REG_02, Status.SKIPPED, Severity.HIGH));
        assertEquals(counts(2, 1, 1, 1), r.statusCounts());
        assertEquals(Map.of(Severity.CRIT, 2, Severity.HIGH, 0, Severity.WARN, 1, Severity.INFO, 0), r.failCounts(),
                "PASS and SKIPPED findings are not failures whatever their severity");
        assertEquals(counts(1, 1, 1, 1), r.ruleStatusCounts());
    }

    @Test
    void listsTheRulesFailingAtOrAboveAThreshold() {
        RuleEngine.CheckResult r = resultOf(result(Rule.CLU_08, Status.FAIL, Severity.CRIT),
                result(Rule.CLU_08, Status.FAIL, Severity.CRIT), result(Rule.REG_01, Status.FAIL, Severity.HIGH),
                result(Rule.REG_08, Status.WARN, Severity.WARN), result(Rule.REG_02, Status.PASS, Severity.HIGH),
                result(Rule.IN_03, Status.SKIPPED, Severity.WARN));
        assertEquals(List.of("CLU-08"), r.failingRules(Severity.CRIT));
        assertEquals(List.of("CLU-08", "REG-01"), r.failingRules(Severity.HIGH));
        assertEquals(List.of("CLU-08", "REG-01", "REG-08"), r.failingRules(Severity.WARN));
    }

    @Test
    void saysTheStoreWillNotStartOnAnyCriticalFailure() {
        assertEquals("Store will not start: 1 CRIT, 2 HIGH, 1 WARN", resultOf(
                result(Rule.CLU_08, Status.FAIL, Severity.CRIT), result(Rule.REG_01, Status.FAIL, Severity.HIGH),
                result(Rule.REG_02, Status.FAIL, Severity.HIGH), result(Rule.REG_08, Status.WARN, Severity.WARN))
                .verdict());
    }

    @Test
    void saysTheStoreIsUnlikelyToStartOnAHighFailure() {
        assertEquals("Store is unlikely to start: 1 HIGH", resultOf(result(Rule.REG_01, Status.FAIL, Severity.HIGH),
                result(Rule.REG_02, Status.PASS, Severity.HIGH)).verdict());
    }

    @Test
    void saysThereAreOnlyWarningsBelowHigh() {
        assertEquals("No blocking findings; warnings: 2 WARN", resultOf(result(Rule.IN_03, Status.FAIL,
                Severity.WARN), result(Rule.REG_08, Status.WARN, Severity.WARN)).verdict());
        assertEquals("No blocking findings; warnings: 1 INFO", resultOf(result(Rule.IN_03, Status.WARN,
                Severity.INFO)).verdict());
    }

    @Test
    void saysThereAreNoFindingsWhenEverythingPassedOrWasSkipped() {
        assertEquals("No findings: every check passed or was skipped with a reason", resultOf(
                result(Rule.REG_01, Status.PASS, Severity.HIGH), result(Rule.REG_02, Status.SKIPPED, Severity.HIGH))
                .verdict());
    }

    @Test
    void theReadinessLineNamesTheFirstThreeBlockersThenCountsTheRest() {
        assertEquals("Ready to restore, with 1 step", RuleEngine.CheckResult.readiness(List.of(), 1));
        assertEquals("Ready to restore, with 7 steps", RuleEngine.CheckResult.readiness(List.of(), 7));
        Finding a = result(Rule.PRC_04, Status.FAIL, Severity.HIGH);
        Finding noObject = new Finding(Rule.ESE_05, Severity.HIGH, Status.FAIL, "", "e", Source.NONE, "a",
                Source.NONE, "", "");
        assertEquals("Not ready to restore: PRC-04 o; ESE-05", RuleEngine.CheckResult.readiness(List.of(a, noObject,
                a), 7), "each blocker once; a finding without an object by its rule");
        List<Finding> four = List.of(a, noObject, result(Rule.REG_07, Status.FAIL, Severity.HIGH),
                result(Rule.ESE_01, Status.FAIL, Severity.CRIT));
        assertEquals("Not ready to restore: PRC-04 o; ESE-05; REG-07 o; and 1 more",
                RuleEngine.CheckResult.readiness(four, 7));
        assertEquals("Not ready to restore: PRC-04 o; ESE-05; REG-07 o", RuleEngine.CheckResult.readiness(
                four.subList(0, 3), 7));
    }

    @Test
    void beforeTheRestoreOnlyFailuresAndWarningsCarryThePrediction() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-runs");
        List<Finding> all = EngineRun.before(s, dir).findings();
        Finding prc05 = all.stream().filter(f -> f.rule() == Rule.PRC_05).findFirst().orElseThrow();
        assertEquals(Status.WARN, prc05.status(), "the start path not given: predicted");
        assertTrue(prc05.detail().startsWith("prediction: will fail at the [online] step"), prc05.detail());
        Finding prc01 = all.stream().filter(f -> f.rule() == Rule.PRC_01).findFirst().orElseThrow();
        assertEquals(Status.PASS, prc01.status(), "the SET line is spelt right: " + prc01);
        assertEquals(StageRole.Action.PREDICT, Rule.PRC_01.role(Stage.BEFORE_RESTORE).action());
        assertTrue(!prc01.detail().contains("prediction:"), prc01.detail());
        assertTrue(all.stream().filter(f -> f.status() == Status.PASS)
                .noneMatch(f -> f.detail().contains("prediction:")), "a pass predicts nothing");
    }
}
