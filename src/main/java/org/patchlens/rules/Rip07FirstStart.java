package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** RIP-07: nothing ran against the restored store before its first start (KB Q231299). */
final class Rip07FirstStart extends RipUnit {
    Rip07FirstStart() {
        super("First start not yet attempted by isinteg/eseutil", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q231299", "Q176068"),
                "Do not run isinteg -patch or eseutil /r before the first start after an online restore: start the "
                        + "service (`net start MSExchangeIS`). If it was already run, the store will fail with "
                        + "-552; restore the online backup again and start the service without isinteg (KB "
                        + "Q231299).");
    }

    @Override
    List<Finding> check(CheckContext c, RestoreInProgress rip) {
        Optional<RegValue> rec = rip.value("EDB Database recovered");
        if (rec.isPresent() && rec.get().data().length == 1 && rec.get().data()[0] == 1) {
            return List.of(Finding.pass(Rule.RIP_07, rip.path(), "first start done", Source.NONE,
                    "EDB Database recovered = 01", rec.get().source()));
        }
        int runs = c.options().isintegRuns();
        List<Finding> out = new ArrayList<>();
        boolean ds = rip.service().equals("MSExchangeDS");
        List<String> judged = new ArrayList<>();
        boolean recovered = false;
        for (var d : c.store().databases()) {
            if (d.fileName().equalsIgnoreCase("dir.edb") != ds) {
                continue; // another service's database, judged under its own key
            }
            String base = d.fileName().replaceAll("(?i)\\.edb$", "");
            var pat = c.store().patches().stream().filter(p -> p.fileName().replaceAll("(?i)\\.pat$", "")
                    .equalsIgnoreCase(base)).findFirst();
            if (pat.isEmpty()) {
                continue; // without its patch file the header shows nothing (ESE-09 reports it)
            }
            judged.add(d.fileName());
            if (d.header().cleanShutdown() && pat.get().evidence().size() > StoreView.EMPTY_PATCH) {
                recovered = true;
                out.add(Finding.fail(Rule.RIP_07, d.name(), "Inconsistent (the first start has not happened)",
                        Source.NONE, d.header().stateName() + " while " + pat.get().fileName() + " holds "
                                + pat.get().evidence().size() + " bytes: a soft recovery already ran",
                        d.field("State", 52), remedy()));
            }
        }
        if (runs > 0) {
            out.add(Finding.fail(Rule.RIP_07, rip.path(), "isinteg -patch not run before the first start",
                    Source.NONE, "--isinteg-runs " + runs, Source.option("--isinteg-runs"),
                    remedy()));
        } else if (runs == 0) {
            out.add(Finding.pass(Rule.RIP_07, rip.path(), "isinteg -patch not run before the first start",
                    Source.NONE, "--isinteg-runs 0", Source.option("--isinteg-runs")));
        } else if (!judged.isEmpty()) {
            if (!recovered) {
                out.add(Finding.pass(Rule.RIP_07, rip.path(), "no soft recovery before the first start",
                        Source.NONE, "none shown by " + String.join(", ", judged) + " and their patch files",
                        Source.NONE));
            }
        } else {
            out.add(Finding.skipped(Rule.RIP_07, "--isinteg-runs not given and no database header with its "
                    + "patch file to show the state. Do not run isinteg -patch or eseutil /r before the first "
                    + "start after an online restore (KB Q231299)."));
        }
        return out;
    }
}
