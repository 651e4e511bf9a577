package org.patchlens.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlens.model.Source;

/** IN-06: the operator facts are given and well-formed. */
final class In06OperatorFacts extends RuleUnit {
    In06OperatorFacts() {
        super("Operator facts given and well-formed", Severity.WARN, Confidence.CONFIRMED, List.of(),
                "Give `--restore-type online|offline` (plus `--roll-forward` when later logs are to be replayed) "
                        + "and, on a cluster, `--env-line \"<exact line you typed>\"`.");
    }

    @Override
    List<Finding> check(CheckContext c) {
        CheckOptions o = c.options();
        List<Finding> out = new ArrayList<>();
        if (o.restoreType() == CheckOptions.RestoreType.AUTO) {
            out.add(Finding.fail(Rule.IN_06, "--restore-type", "online or offline", Source.option("--restore-type"),
                    "not given (decided from the evidence: " + c.restore().label() + ", " + c.restoreReason() + ")",
                    Source.option("--restore-type"), remedy()));
        }
        if (o.envLine() != null && (o.envLine().contains("\n") || o.envLine().contains("\r"))) {
            out.add(Finding.fail(Rule.IN_06, "--env-line", "a single line", Source.option("--env-line"),
                    "several lines", Source.option("--env-line"), remedy()));
        }
        if (o.isintegVersion() != null && !o.isintegVersion().trim().matches("5\\.5\\.\\d{4}\\.\\d+")) {
            out.add(Finding.fail(Rule.IN_06, "--isinteg-version", "5.5.NNNN.NN", Source.option("--isinteg-version"),
                    o.isintegVersion(), Source.option("--isinteg-version"),
                    "Give the version shown in the properties of exchsrvr\\bin\\isinteg.exe, e.g. 5.5.2654.62."));
        }
        if (o.exchangeSp() != null && Prc04IsintegVersion.build(o.exchangeSp()) < 0) {
            out.add(Finding.fail(Rule.IN_06, "--exchange-sp", "SP0 to SP4, RTM, 0 to 4, or a build of four digits",
                    Source.option("--exchange-sp"), o.exchangeSp(), Source.option("--exchange-sp"),
                    "Give the service pack (SP4) or the build (2653) shown by Help > About in the Exchange "
                            + "Administrator program, or leave --exchange-sp out."));
        }
        Map<String, String> expects = new LinkedHashMap<>();
        expects.put("--expect-org", o.expectOrg());
        expects.put("--expect-site", o.expectSite());
        expects.put("--expect-server", o.expectServer());
        expects.forEach((k, val) -> {
            if (val != null && val.isBlank()) {
                out.add(Finding.fail(Rule.IN_06, k, "a name", Source.option(k), "empty", Source.option(k),
                        "Give " + k + " the exact (case-sensitive) name, or leave it out."));
            }
        });
        List<String> missing = new ArrayList<>();
        if (o.envLine() == null && c.isCluster()) {
            missing.add("--env-line (PRC-01, PRC-02)");
        }
        if (o.isintegVersion() == null) {
            missing.add("--isinteg-version (PRC-04)");
        }
        if (o.startVia() == null && c.isCluster()) {
            missing.add("--start-via (PRC-05)");
        }
        if (o.isintegRuns() < 0) {
            missing.add("--isinteg-runs (PRC-06)");
        }
        String detail = missing.isEmpty() ? ""
                : "not given, so these checks are skipped: " + String.join(", ", missing);
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.IN_06, "operator facts", "given and well-formed", Source.NONE,
                    "restore type " + c.restore().label(), Source.option("--restore-type")).withDetail(detail));
        } else {
            out.set(0, out.get(0).withDetail(detail));
        }
        return out;
    }
}
