package org.patchlens.rules;

import static org.patchlens.rules.ExchangeKeys.IS_SYSTEM;
import static org.patchlens.rules.ExchangeKeys.SA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.model.SystemView;

/** REG-08: the Exchange server-name values name the virtual server (the server, off a cluster). */
final class Reg08ServerName extends RegUnit {
    Reg08ServerName() {
        super("Exchange server-name values equal the virtual server name", Severity.CRIT, Confidence.CONFIRMED,
                List.of("Q238063", "Q299676"),
                "Exchange here is installed as <actual>; the <server kind> is <server name>. Restore only to a "
                        + "server installed with the same name (KB Q238063); do not edit these values to rename a "
                        + "server.");
    }

    @Override
    List<Finding> check(CheckContext c, SystemView v) {
        Optional<String> vname = c.virtualServer();
        Optional<RegValue> node = c.node();
        String expected;
        Source expSrc;
        if (vname.isPresent()) {
            expected = vname.get();
            expSrc = c.virtualServerSource().orElse(Source.NONE);
        } else if (!c.isCluster() && node.isPresent()) {
            expected = node.get().text();
            expSrc = node.get().source();
        } else {
            return List.of(Finding.skipped(Rule.REG_08, c.isCluster()
                    ? "the virtual server name is unknown (no usable cluster hive)" : "the node name is unknown"));
        }
        List<Finding> out = new ArrayList<>();
        String server = CheckOptions.expectedName(c.options().expectServer());
        if (server != null && server.equalsIgnoreCase(expected) && !server.equals(expected)) {
            out.add(Finding.warn(Rule.REG_08, Severity.WARN, "--expect-server", expected, expSrc, server,
                    Source.option("--expect-server"), "Names differ in case only; Exchange directory names are "
                            + "case-sensitive (KB Q299676)."));
        } else if (server != null && !server.equalsIgnoreCase(expected)) {
            out.add(Finding.fail(Rule.REG_08, "--expect-server", expected, expSrc, server,
                    Source.option("--expect-server"), "The backup is from " + prose(server) + "; this "
                            + (vname.isPresent() ? "cluster's Exchange virtual server" : "server") + " is "
                            + prose(expected)
                            + ". Restore only to a server installed with the same name (KB Q238063)."));
        }
        List<Optional<RegValue>> names = List.of(v.value(SA, "Server"), v.value(IS_SYSTEM, "This Server"));
        for (Optional<RegValue> n : names) {
            if (n.isEmpty()) {
                continue;
            }
            RegValue val = n.get();
            String obj = val.source().location();
            if (val.text().equals(expected)) {
                out.add(Finding.pass(Rule.REG_08, obj, expected, expSrc, val.text(), val.source()));
            } else if (val.text().equalsIgnoreCase(expected)) {
                out.add(Finding.warn(Rule.REG_08, Severity.WARN, obj, expected, expSrc, val.text(), val.source(),
                        "Names differ in case only; Exchange directory names are case-sensitive (KB Q299676)."));
            } else {
                out.add(Finding.fail(Rule.REG_08, obj, expected, expSrc, val.text(), val.source(),
                        remedy("<actual>", val.text(), "<server kind>", vname.isPresent()
                                ? "cluster's Exchange virtual server" : "server", "<server name>", expected)));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.skipped(Rule.REG_08, "no SA Server or IS This Server value"));
        }
        return out;
    }
}
