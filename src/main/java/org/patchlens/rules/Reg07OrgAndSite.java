package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.MTA;
import static org.patchlens.rules.ExchangeKeys.SA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-07: the organization and site agree across the SA, the MTA DN and the operator's facts. */
final class Reg07OrgAndSite extends RegUnit {
    Reg07OrgAndSite() {
        super("Organization and site identity agree", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q299676", "Q155509", "Q238063"),
                "Exchange was installed with <org/site> <actual>; the backup belongs to <expected>. Reinstall with "
                        + "the exact (case-sensitive) names before restoring (KB Q238063, Q155509).");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        if (v.key(SA) == null && v.key(MTA) == null) {
            return List.of(Finding.skipped(Rule.REG_07, "no MSExchangeSA and no MSExchangeMTA parameters"));
        }
        List<Finding> out = new ArrayList<>();
        Optional<RegValue> dn = v.value(MTA, "X500 DN");
        for (String[] part : new String[][] {{"Enterprise", "o", "org"}, {"Site", "ou", "site"}}) {
            Optional<RegValue> sa = v.value(SA, part[0]);
            String fromDn = dn.map(d -> X500.part(d.text(), part[1])).orElse(null);
            String expected = CheckOptions.expectedName(part[2].equals("org") ? c.options().expectOrg()
                    : c.options().expectSite());
            List<String[]> pairs = new ArrayList<>();
            if (sa.isPresent() && fromDn != null) {
                pairs.add(new String[] {fromDn, "dn", sa.get().text(), "sa"});
            }
            if (expected != null && sa.isPresent()) {
                pairs.add(new String[] {expected, "opt", sa.get().text(), "sa"});
            }
            if (expected != null && fromDn != null && sa.isEmpty()) {
                pairs.add(new String[] {expected, "opt", fromDn, "dn"});
            }
            for (String[] p : pairs) {
                Source es = p[1].equals("dn") ? dn.get().source() : Source.option("--expect-" + part[2]);
                Source as = p[3].equals("sa") ? sa.get().source() : dn.get().source();
                String obj = (p[3].equals("sa") ? part[0] + " (SA)" : "MTA X500 DN " + part[1] + "=") + " vs "
                        + (p[1].equals("dn") ? "MTA X500 DN " + part[1] + "=" : "--expect-" + part[2]);
                if (p[0].equals(p[2])) {
                    out.add(Finding.pass(Rule.REG_07, obj, p[0], es, p[2], as));
                } else {
                    Finding f = Finding.fail(Rule.REG_07, obj, p[0], es, p[2], as,
                            remedy("<org/site>", part[2], "<actual>", p[2], "<expected>", p[0]));
                    out.add(p[0].equalsIgnoreCase(p[2]) ? f.withDetail("differs in case only (names are "
                            + "case-sensitive here, KB Q299676)") : f);
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_07, "nothing to compare: SA Enterprise/Site or MTA X500 DN missing"));
        }
        return out;
    }
}
