package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlens.rules.RestoreScenario.NETNAME;
import static org.patchlens.rules.RipCluEvidence.CLUSDB;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLU-02: the server in the MTA's X.500 DN (the cn= after cn=Servers) is the virtual server name, the Exchange
 * group's Network Name {@code Parameters\Name} (KB Q155509, Q162384, Q238063; directory names are case-sensitive,
 * a case-only difference is a WARN). The base: EXVS01 on both sides.
 */
class Clu02MtaNameTest {
    private static final String MTA = "Services\\MSExchangeMTA\\Parameters";
    private static final String DN = "/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=%s/cn=Microsoft MTA";

    @TempDir
    Path dir;

    private Finding clu02(RestoreScenario s) throws Exception {
        return only(s, dir, Rule.CLU_02);
    }

    private static RestoreScenario withDn(String dn) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(MTA, "X500 DN", dn);
        return s;
    }

    private String vnameSource() {
        return valueSource(dir, CLUSDB, "Resources\\" + NETNAME + "\\Parameters", "Name");
    }

    private String dnSource() {
        return valueSource(dir, SYSTEM, "ControlSet001\\" + MTA, "X500 DN");
    }

    @Test
    void passesTheVirtualServerInTheDn() throws Exception {
        Finding f = clu02(RestoreScenario.offlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("X500 DN cn=", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("EXVS01", f.actual());
        assertEquals(dnSource(), f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void warnsOfANameThatDiffersInCaseOnly() throws Exception {
        Finding f = clu02(withDn(String.format(DN, "exvs01")));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("X500 DN cn=", f.object());
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("exvs01", f.actual());
        assertEquals(dnSource(), f.actualSource().toString());
        assertEquals("The names differ in case only (directory names are case-sensitive).", f.remedy());
    }

    @Test
    void failsAnMtaInstalledForTheNode() throws Exception {
        Finding f = clu02(withDn(String.format(DN, "NODE1")));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("EXVS01", f.expected());
        assertEquals(vnameSource(), f.expectedSource().toString());
        assertEquals("NODE1", f.actual());
        assertEquals(dnSource(), f.actualSource().toString());
        assertEquals("The MTA is configured for NODE1, the Exchange virtual server is EXVS01: this installation does "
                + "not belong to this virtual server; reinstall against EXVS01 (KB Q238063).", f.remedy());
    }

    @Test
    void failsADnWithoutAServerAndQuotesTheDn() throws Exception {
        String dn = "/o=Contoso/ou=HQ/cn=Configuration";
        Finding f = clu02(withDn(dn));
        assertEquals(Status.FAIL, f.status());
        assertEquals(dn, f.actual());
        assertEquals("The MTA is configured for " + dn + ", the Exchange virtual server is EXVS01: this installation "
                + "does not belong to this virtual server; reinstall against EXVS01 (KB Q238063).", f.remedy());
    }

    @Test
    void isSkippedWithoutTheVirtualServerName() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.removeValue("Resources\\" + NETNAME + "\\Parameters", "Name");
        Finding f = clu02(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("virtual server name unknown", f.detail());
    }

    @Test
    void isSkippedWithoutTheX500Dn() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(MTA, "X500 DN");
        Finding f = clu02(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no MSExchangeMTA\\Parameters : X500 DN", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = clu02(RestoreScenario.standaloneOffline());
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }
}
