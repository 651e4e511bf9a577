package org.patchlens.rules;

import java.util.List;
import java.util.Optional;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** IN-04: {@code Select\\Current} names a control set that exists (KB Q102984). */
final class In04ControlSet extends RuleUnit {
    In04ControlSet() {
        super("Control set resolved", Severity.HIGH, Confidence.CONFIRMED, List.of("Q102984"),
                "The SYSTEM hive has no usable control set; copy the hive again (or `SYSTEM.ALT`).");
    }

    @Override
    List<Finding> check(CheckContext c) {
        Optional<SystemView> s = c.system();
        if (s.isEmpty()) {
            return List.of(Finding.skipped(Rule.IN_04, "no SYSTEM hive"));
        }
        SystemView v = s.get();
        if (v.current() < 0) {
            // the value may be there, but not as the 4-byte REG_DWORD that names a set
            String actual = v.currentSource().offset() < 0 ? "missing" : "not a 4-byte REG_DWORD";
            return List.of(Finding.fail(Rule.IN_04, "Select\\Current", "a REG_DWORD naming a control set", Source.NONE,
                    actual, v.currentSource(), remedy()));
        }
        String facts = "Current " + v.current() + ", Default " + v.defaultSet() + ", LastKnownGood "
                + v.lastKnownGood() + ", Failed " + v.failed() + " (CurrentControlSet is absent offline, as expected)";
        if (v.controlSet() == null) {
            return List.of(Finding.fail(Rule.IN_04, v.controlSetName(), v.controlSetName() + " present",
                    v.currentSource(), "missing", new Source(v.file(), v.controlSetName(), -1), remedy())
                    .withDetail(facts));
        }
        return List.of(Finding.pass(Rule.IN_04, "Select\\Current", v.controlSetName(), v.currentSource(),
                v.controlSetName() + " present", new Source(v.file(), v.controlSetName(), v.controlSet().fileOffset()))
                .withDetail(facts));
    }
}
