package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.IS_SYSTEM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-03: the IS log and working folders are absolute and agree with the Restore in Progress key. */
final class Reg03LogPaths extends RegUnit {
    Reg03LogPaths() {
        super("IS log and working paths consistent", Severity.WARN, Confidence.CONFIRMED,
                List.of("Q183266", "Q200941", "Q269014"),
                "Registry says <value name> <registered path>; the restore wrote <restored path>. Put the logs and "
                        + ".pat files in <registered path> or re-run the restore with the right paths (KB Q200941).");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        if (v.key(IS_SYSTEM) == null) {
            return List.of(Finding.skipped(Rule.REG_03, "no MSExchangeIS\\ParametersSystem key"));
        }
        List<Finding> out = new ArrayList<>();
        Optional<RegValue> logPath = v.value(IS_SYSTEM, "DB Log Path");
        Optional<RegValue> work = v.value(IS_SYSTEM, "Working Directory");
        for (var pair : List.of(new Object[] {"DB Log Path", logPath}, new Object[] {"Working Directory", work})) {
            String name = (String) pair[0];
            @SuppressWarnings("unchecked")
            Optional<RegValue> val = (Optional<RegValue>) pair[1];
            if (val.isEmpty() || !val.get().isString() || !WinPath.of(val.get().text()).isPlainLocal()) {
                out.add(Finding.fail(Rule.REG_03, IS_SYSTEM + " : " + name, "REG_SZ absolute local folder",
                        Source.NONE, val.map(RegValue::shown).orElse("missing"),
                        val.map(RegValue::source).orElse(keySource(v, IS_SYSTEM)),
                        "Set `" + name + "` under MSExchangeIS\\ParametersSystem to the local folder (KB Q183266)."));
            }
        }
        var rip = c.restoreInProgress("MSExchangeIS");
        if (rip != null && logPath.isPresent() && work.isPresent()) {
            String ripPath = rip.path().substring(1);
            for (String[] m : new String[][] {{"LogPath", "DB Log Path"}, {"BackupLogPath", "DB Log Path"},
                {"CheckpointFilePath", "Working Directory"}}) {
                var rv = rip.value(m[0]);
                if (rv == null) {
                    continue; // RIP-02 reports missing RIP values
                }
                RegValue r = RegValue.of(v.file(), ripPath, rip, rv);
                RegValue reg = m[1].equals("DB Log Path") ? logPath.get() : work.get();
                if (!WinPath.of(r.text()).sameLocal(WinPath.of(reg.text()))) {
                    out.add(Finding.fail(Rule.REG_03, "Restore in Progress : " + m[0], WinPath.of(reg.text()).local(),
                            reg.source(), r.text(), r.source(), remedy("<value name>", m[1], "<registered path>",
                                    reg.text(), "<restored path>", r.text())));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.REG_03, IS_SYSTEM, "DB Log Path and Working Directory: absolute local folders"
                    + (rip != null ? " matching the Restore in Progress paths" : ""), Source.NONE,
                    logPath.get().text() + " ; " + work.get().text(), logPath.get().source()));
        }
        return out;
    }
}
