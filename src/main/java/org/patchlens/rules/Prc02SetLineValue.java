package org.patchlens.rules;

import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** PRC-02: the SET line gives the Exchange virtual server's name (KB Q178311). */
final class Prc02SetLineValue extends RuleUnit {
    Prc02SetLineValue() {
        super("_CLUSTER_NETWORK_NAME_ value is the Exchange virtual server", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q178311", "Q280770"),
                "`SET _CLUSTER_NETWORK_NAME_=<VNAME>` - the Name on the Parameters tab of the Exchange group's "
                        + "Network Name resource - then `isinteg -patch` (KB Q178311).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        String na = EnvLine.notApplicable(c);
        if (na != null) {
            return List.of(Finding.notApplicable(Rule.PRC_02, na));
        }
        String line = c.options().envLine();
        Optional<String> vname = c.virtualServer();
        // the name goes into the SET line only when a command prompt takes it as a name (EnvLine.vname)
        String remedy = withLeftOut(remedy("<VNAME>", EnvLine.vname(c)), EnvLine.leftOut(c));
        if (line == null && c.beforeRestore() && vname.isPresent()) {
            // before the restore the line is still to be typed: it is a step of the plan, with the name filled in
            return List.of(new Finding(Rule.PRC_02, Severity.WARN, Status.WARN, EnvLine.VARIABLE, vname.get(),
                    c.virtualServerSource().orElse(Source.NONE), "not given: to be typed in the prompt that runs "
                    + "isinteg -patch", Source.option("--env-line"), remedy, ""));
        }
        if (line == null) {
            return List.of(Finding.skipped(Rule.PRC_02, "--env-line not given (IN-06)"));
        }
        if (vname.isEmpty()) {
            return List.of(Finding.skipped(Rule.PRC_02, "virtual server name unknown (no usable cluster hive)"));
        }
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        Source opt = Source.option("--env-line");
        String node = c.node().map(RegValue::text).orElse(null);
        if (line.trim().equalsIgnoreCase("none")) {
            return List.of(Finding.fail(Rule.PRC_02, EnvLine.VARIABLE, vname.get(), vs, "not set: isinteg will see "
                    + (node == null ? "the node name" : node) + " (JET_errKeyDuplicate)", opt, remedy));
        }
        if (EnvLine.nameDefect(line) != null) {
            return List.of(Finding.skipped(Rule.PRC_02, "PRC-01 failed on the command or the variable name: the "
                    + "value never reaches isinteg"));
        }
        String value = EnvLine.value(line); // a value PRC-01 finds quoted or spaced reaches isinteg as it is
        if (value.equalsIgnoreCase(vname.get())) {
            return List.of(Finding.pass(Rule.PRC_02, EnvLine.VARIABLE, vname.get(), vs, value, opt));
        }
        String defect = EnvLine.valueDefect(value);
        String what = node != null && value.equalsIgnoreCase(node) ? " (the node name: isinteg fails with "
                + "JET_errKeyDuplicate, KB Q178311)" : value.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? " (an IP address)"
                : defect != null ? " (" + defect + ")" : "";
        return List.of(Finding.fail(Rule.PRC_02, EnvLine.VARIABLE, vname.get(), vs, value + what, opt, remedy));
    }
}
