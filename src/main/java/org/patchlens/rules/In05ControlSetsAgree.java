package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** IN-05: the Exchange keys are the same in every control set in use (KB Q102984). */
final class In05ControlSetsAgree extends RuleUnit {
    private static final List<String> EXCHANGE_SERVICES = List.of("MSExchangeIS", "MSExchangeDS", "MSExchangeSA",
            "MSExchangeMTA");

    In05ControlSetsAgree() {
        super("Exchange keys agree across control sets", Severity.WARN, Confidence.INFERRED, List.of("Q102984"),
                "The running configuration is <current set> (Select\\Current). <other set> holds different Exchange "
                        + "values: <list>. Do not boot Last Known Good; fix values in the current set only.");
    }

    @Override
    List<Finding> check(CheckContext c) {
        Optional<SystemView> s = c.system();
        if (s.isEmpty() || s.get().controlSet() == null) {
            return List.of(Finding.skipped(Rule.IN_05, "IN-04 did not resolve the current control set"));
        }
        SystemView v = s.get();
        List<Long> others = new ArrayList<>();
        for (long n : new long[] {v.defaultSet(), v.lastKnownGood()}) {
            if (n >= 0 && n != v.current() && !others.contains(n) && v.keyIn(n, "") != null) {
                others.add(n);
            }
        }
        if (others.isEmpty()) {
            return List.of(Finding.pass(Rule.IN_05, "Exchange service keys", "one control set in use", Source.NONE,
                    "Default and LastKnownGood equal Current (" + v.current() + ")", v.currentSource()));
        }
        List<Finding> out = new ArrayList<>();
        for (long other : others) {
            for (String svc : EXCHANGE_SERVICES) {
                Key a = v.key("Services\\" + svc);
                Key b = v.keyIn(other, "Services\\" + svc);
                if (a == null && b == null) {
                    continue;
                }
                if (a == null || b == null) {
                    out.add(Finding.fail(Rule.IN_05, "Services\\" + svc, present(a, v.controlSetName()),
                            new Source(v.file(), v.controlSetName() + "\\Services\\" + svc, -1),
                            present(b, SystemView.controlSetName(other)),
                            new Source(v.file(), SystemView.controlSetName(other) + "\\Services\\" + svc, -1),
                            remedy(v, other, "the whole " + svc + " key")));
                    continue;
                }
                HiveDiff.compare(b, a, ch -> {
                    if (ch.isKey() && ch.kind() == HiveDiff.Kind.CHANGED) {
                        return; // a different last-write time alone is not a different setting
                    }
                    String rel = ch.path().substring(ch.path().indexOf('\\', 1) + 1);
                    String obj = rel + (ch.isKey() ? "" : " : " + ch.valueName());
                    String inCur = ch.after() != null ? RegValue.of(v.file(), "", ch.keyAfter(), ch.after()).shown()
                            : ch.isKey() ? (ch.keyAfter() != null ? "key present" : "key absent") : "absent";
                    String inOther = ch.before() != null ? RegValue.of(v.file(), "", ch.keyBefore(), ch.before())
                            .shown() : ch.isKey() ? (ch.keyBefore() != null ? "key present" : "key absent") : "absent";
                    out.add(Finding.fail(Rule.IN_05, obj, inCur, new Source(v.file(), v.controlSetName() + "\\" + rel
                                    + (ch.isKey() ? "" : " : " + ch.valueName()), offset(ch.after())), inOther,
                            new Source(v.file(), SystemView.controlSetName(other) + "\\" + rel
                                    + (ch.isKey() ? "" : " : " + ch.valueName()), offset(ch.before())),
                            remedy(v, other, obj)));
                });
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.pass(Rule.IN_05, "Exchange service keys", "identical in every control set in use",
                    Source.NONE, "identical", Source.NONE));
        }
        return out;
    }

    private static long offset(Value v) {
        return v == null ? -1 : v.fileOffset();
    }

    private static String present(Key k, String set) {
        return k == null ? "absent in " + set : "present in " + set;
    }

    private String remedy(SystemView v, long other, String what) {
        return remedy("<current set>", v.controlSetName(), "<other set>", SystemView.controlSetName(other), "<list>",
                what);
    }
}
