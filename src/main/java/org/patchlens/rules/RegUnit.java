package org.patchlens.rules;

import java.util.List;
import java.util.Optional;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** A REG rule: it reads the Exchange values below the current control set, and is skipped without one. */
abstract class RegUnit extends RuleUnit {
    RegUnit(String title, Severity severity, Confidence confidence, List<String> kb, String remedy) {
        super(title, severity, confidence, kb, remedy);
    }

    @Override
    final List<Finding> check(CheckContext c) {
        Optional<SystemView> s = c.system();
        if (s.isEmpty() || s.get().controlSet() == null) {
            return List.of(Finding.skipped(rule(), s.isEmpty() ? "no SYSTEM hive"
                    : "IN-04 did not resolve the current control set"));
        }
        return check(c, s.get());
    }

    /** The check, given the SYSTEM hive with its current control set resolved. */
    abstract List<Finding> check(CheckContext c, SystemView v);

    /** Where a key below the current control set is (offset -1 when it is absent). */
    static Source keySource(SystemView v, String rel) {
        var k = v.key(rel);
        return new Source(v.file(), v.controlSetName() + "\\" + rel, k == null ? -1 : k.fileOffset());
    }
}
