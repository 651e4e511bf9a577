package org.patchlens.rules;

import java.util.List;
import java.util.Locale;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** PRC-03: the variable is not set for the whole machine. */
final class Prc03MachineWideVariable extends RuleUnit {
    Prc03MachineWideVariable() {
        super("Variable not set machine-wide", Severity.WARN, Confidence.INFERRED, List.of("Q178311"),
                "Delete the system variable `_CLUSTER_NETWORK_NAME_` (System Properties > Environment); set it only "
                        + "in the command prompt used for isinteg (KB Q178311).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        if (c.system().isEmpty()) {
            return List.of(Finding.skipped(Rule.PRC_03, "no SYSTEM hive"));
        }
        if (c.system().get().controlSet() == null) {
            return List.of(Finding.skipped(Rule.PRC_03, "the SYSTEM hive has no control set that Select\\Current "
                    + "names (IN-04)"));
        }
        SystemView v = c.system().get();
        Key env = v.key("Control\\Session Manager\\Environment");
        if (env == null) {
            return List.of(Finding.pass(Rule.PRC_03, "Session Manager\\Environment", "no " + EnvLine.VARIABLE,
                    Source.NONE, "no Environment key", Source.NONE));
        }
        String rel = v.controlSetName() + "\\Control\\Session Manager\\Environment";
        for (Value val : env.values()) {
            String n = val.name().toUpperCase(Locale.ROOT).replace(" ", "");
            if (n.contains("CLUSTER_NETWORK_NAME") || n.contains("CLUSTERNETWORKNAME")) {
                RegValue r = RegValue.of(v.file(), rel, env, val);
                return List.of(Finding.fail(Rule.PRC_03, rel + " : " + val.name(), "absent (set only in the prompt)",
                        Source.NONE, r.shown(), r.source(), remedy()));
            }
        }
        return List.of(Finding.pass(Rule.PRC_03, rel, "no " + EnvLine.VARIABLE, Source.NONE, "absent",
                new Source(v.file(), rel, env.fileOffset())));
    }
}
