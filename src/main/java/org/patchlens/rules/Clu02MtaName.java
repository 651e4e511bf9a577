package org.patchlens.rules;

import java.util.List;
import java.util.Optional;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;

/** CLU-02: the MTA's X.500 DN names the virtual server. */
final class Clu02MtaName extends CluUnit {
    Clu02MtaName() {
        super("MTA distinguished name names the virtual server", Severity.HIGH, Confidence.CONFIRMED,
                List.of("Q155509", "Q162384", "Q238063"),
                "The MTA is configured for <cn>, the Exchange virtual server is <VNAME>: this installation does not "
                        + "belong to this virtual server; reinstall against <VNAME> (KB Q238063).");
    }

    @Override
    List<Finding> check(CheckContext c, ClusterModel m) {
        Optional<String> vname = c.virtualServer();
        Optional<RegValue> dn = c.system().flatMap(v -> v.value(ExchangeKeys.MTA, "X500 DN"));
        if (vname.isEmpty() || dn.isEmpty()) {
            return List.of(Finding.skipped(Rule.CLU_02, vname.isEmpty() ? "virtual server name unknown"
                    : "no MSExchangeMTA\\Parameters : X500 DN"));
        }
        String cn = X500.server(dn.get().text());
        Source vs = c.virtualServerSource().orElse(Source.NONE);
        if (cn != null && cn.equals(vname.get())) {
            return List.of(Finding.pass(Rule.CLU_02, "X500 DN cn=", vname.get(), vs, cn, dn.get().source()));
        }
        if (cn != null && cn.equalsIgnoreCase(vname.get())) {
            return List.of(Finding.warn(Rule.CLU_02, Severity.WARN, "X500 DN cn=", vname.get(), vs, cn,
                    dn.get().source(), "The names differ in case only (directory names are case-sensitive)."));
        }
        String configured = cn == null ? dn.get().text() : cn;
        return List.of(Finding.fail(Rule.CLU_02, "X500 DN cn=", vname.get(), vs, configured, dn.get().source(),
                remedy("<cn>", configured, "<VNAME>", vname.get())));
    }
}
