package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The parts of an MTA {@code X500 DN} (exchange-restore.md 2.4):
 * {@code /o=<org>/ou=<site>/cn=Configuration/cn=Servers/cn=<server>/cn=Microsoft MTA}; attribute names in any case.
 */
class X500Test {
    private static final String DN = "/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=EXVS01/cn=Microsoft MTA";

    @Test
    void readsTheOrganizationAndSite() {
        assertEquals("Contoso", X500.part(DN, "o"));
        assertEquals("HQ", X500.part(DN, "ou"));
        assertEquals("Configuration", X500.part(DN, "cn"), "the first cn=");
    }

    @Test
    void readsAttributeNamesInAnyCaseAndKeepsTheValueAsWritten() {
        assertEquals("contoso", X500.part("/O=contoso/OU=hq", "o"));
        assertEquals("hq", X500.part("/O=contoso/ OU =hq", "ou"));
        assertEquals("a=b", X500.part("/o=a=b", "o"));
    }

    @Test
    void hasNoPartThatIsNotWritten() {
        assertNull(X500.part("/o=Contoso/cn=Configuration", "ou"));
        assertNull(X500.part("/=HQ/ou", "ou"));
        assertNull(X500.part("", "o"));
    }

    @Test
    void readsTheServerAfterCnServers() {
        assertEquals("EXVS01", X500.server(DN));
        assertEquals("node1", X500.server("/O=Contoso/OU=HQ/CN=Configuration/ CN=SERVERS /cn=node1/cn=Microsoft MTA"));
    }

    @Test
    void hasNoServerWithoutAnRdnAfterCnServers() {
        assertNull(X500.server("/o=Contoso/ou=HQ/cn=Configuration/cn=Servers"));
        assertNull(X500.server("/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/EXVS01"));
        assertNull(X500.server("/o=Contoso/ou=HQ/cn=Configuration/cn=Servers/=EXVS01"));
        assertNull(X500.server("/o=Contoso/ou=HQ/cn=Configuration/cn=EXVS01"));
    }
}
