package org.patchlens.rules;

import java.util.List;
import org.patchlens.model.Source;

/** PRC-01: the SET line names {@code _CLUSTER_NETWORK_NAME_} exactly (KB Q280770). */
final class Prc01SetLineSpelling extends RuleUnit {
    Prc01SetLineSpelling() {
        super("_CLUSTER_NETWORK_NAME_ line correctly spelt", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q280770", "Q178311"),
                "In the same command prompt type exactly `SET _CLUSTER_NETWORK_NAME_=<VNAME>` and then `isinteg "
                        + "-patch` (KB Q280770).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        String na = EnvLine.notApplicable(c);
        if (na != null) {
            return List.of(Finding.notApplicable(Rule.PRC_01, na));
        }
        String line = c.options().envLine();
        if (line == null) {
            return List.of(Finding.skipped(Rule.PRC_01, "--env-line not given (IN-06)"));
        }
        String vname = EnvLine.vname(c); // the expected line is a line to type too: no crafted name in it
        Source opt = Source.option("--env-line");
        String expected = "SET " + EnvLine.VARIABLE + "=" + vname;
        if (line.trim().equalsIgnoreCase("none")) {
            return List.of(Finding.skipped(Rule.PRC_01, "--env-line none: no line to check (PRC-02 reports it)"));
        }
        String defect = EnvLine.spellingDefect(line);
        String remedy = withLeftOut(remedy("<VNAME>", vname), EnvLine.leftOut(c));
        if (defect != null) {
            return List.of(Finding.fail(Rule.PRC_01, "--env-line", expected,
                    c.virtualServerSource().orElse(Source.NONE), line + "  (" + defect + ")", opt, remedy));
        }
        String typedName = line.trim().substring(3).trim();
        typedName = typedName.substring(0, typedName.indexOf('='));
        if (!typedName.equals(EnvLine.VARIABLE)) {
            return List.of(Finding.warn(Rule.PRC_01, Severity.WARN, "--env-line", expected, Source.NONE, line, opt,
                    "Type the variable name in upper case as KB Q178311 instructs (Windows ignores the case)."));
        }
        return List.of(Finding.pass(Rule.PRC_01, "--env-line", "SET " + EnvLine.VARIABLE + "=<value>", Source.NONE,
                line, opt));
    }
}
