package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.DS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-04: the DS paths are there, and dir.edb has the registered name (KB Q263548). */
final class Reg04DirectoryPaths extends RegUnit {
    Reg04DirectoryPaths() {
        super("DS paths present", Severity.HIGH, Confidence.CONFIRMED, List.of("Q263548"),
                "Re-create `<value>` under MSExchangeDS\\Parameters (KB Q263548).");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        if (v.key(DS) == null) {
            return List.of(Finding.skipped(Rule.REG_04, "no MSExchangeDS\\Parameters key"));
        }
        List<Finding> out = new ArrayList<>();
        for (String name : List.of("DSA Database file", "Database log files path", "DSA Working Directory")) {
            Optional<RegValue> val = v.value(DS, name);
            if (val.isEmpty() || !val.get().isString() || !WinPath.of(val.get().text()).isPlainLocal()) {
                out.add(Finding.fail(Rule.REG_04, DS + " : " + name, "REG_SZ absolute local path", Source.NONE,
                        val.map(RegValue::shown).orElse("missing (the DS stops with event 1016)"),
                        val.map(RegValue::source).orElse(keySource(v, DS)),
                        remedy("<value>", name)));
            }
        }
        Optional<RegValue> dbFile = v.value(DS, "DSA Database file");
        for (Evidence e : c.evidence(EvidenceKind.ESE_DATABASE)) {
            String fn = e.path().getFileName().toString();
            if (dbFile.isPresent() && WinPath.sameFileName(fn, "dir.edb")
                    && !WinPath.sameFileName(fn, WinPath.of(dbFile.get().text()).fileName())) {
                out.add(Finding.fail(Rule.REG_04, DS + " : DSA Database file", WinPath.of(dbFile.get().text())
                        .fileName(), dbFile.get().source(), fn, new Source(e.name(), "file name", -1),
                        "Restore dir.edb to " + dbFile.get().text() + " (KB Q183266)."));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.REG_04, DS, "DSA Database file, Database log files path, DSA Working Directory",
                    Source.NONE, dbFile.get().text(), dbFile.get().source()));
        }
        return out;
    }
}
