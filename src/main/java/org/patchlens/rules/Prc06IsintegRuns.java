package org.patchlens.rules;

import java.util.List;
import org.patchlens.model.Source;

/** PRC-06: isinteg -patch was run once after an offline restore, never after an online one. */
final class Prc06IsintegRuns extends RuleUnit {
    Prc06IsintegRuns() {
        super("isinteg -patch applicable and run once", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q149238", "Q296787", "Q231299", "Q288562"),
                "With SA and DS online and the IS stopped: `SET _CLUSTER_NETWORK_NAME_=<VNAME>`, `cd /d "
                        + "<exchsrvr>\\bin`, `isinteg -patch`, then start the IS as in PRC-05. Run it once; if the "
                        + "store asks again, fix the checkpoint drift (CLU-08) instead of re-running (KB Q149238, "
                        + "Q288562).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        int runs = c.options().isintegRuns();
        if (runs < 0) {
            return List.of(Finding.skipped(Rule.PRC_06, "--isinteg-runs not given"));
        }
        Source opt = Source.option("--isinteg-runs");
        String remedy = withLeftOut(remedy("<VNAME>", EnvLine.vname(c)), EnvLine.leftOut(c));
        if (c.restore() == Effective.ONLINE) {
            return List.of(runs == 0 ? Finding.pass(Rule.PRC_06, "isinteg -patch runs", "0 (online restore)",
                    Source.NONE, "0", opt) : Finding.fail(Rule.PRC_06, "isinteg -patch runs", "0 (online restore)",
                    Source.NONE, Integer.toString(runs), opt, Rule.RIP_07.remedy()));
        }
        if (!c.restore().offline()) {
            return List.of(Finding.skipped(Rule.PRC_06, "restore type unknown"));
        }
        if (runs > 1) {
            return List.of(Finding.fail(Rule.PRC_06, "isinteg -patch runs", "1", Source.NONE, runs + " (repeated patch "
                    + "requests are a symptom of checkpoint rollback, see CLU-08, KB Q185942/Q288562)", opt, remedy));
        }
        return List.of(Finding.pass(Rule.PRC_06, "isinteg -patch runs",
                "1 (0 until the store asks with 1087/1011/7202)", Source.NONE, Integer.toString(runs), opt)
                .withDetail(runs == 0 ? "run it only after event 1087/1011/7202 appears" : ""));
    }
}
