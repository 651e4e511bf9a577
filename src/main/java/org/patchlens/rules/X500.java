package org.patchlens.rules;

/** The parts of an Exchange X.500 DN such as {@code /o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=EXVS01/...}. */
final class X500 {
    private X500() {
    }

    /** The first value of an attribute (o, ou), or null. Attribute names are case-insensitive. */
    static String part(String dn, String attr) {
        for (String rdn : dn.split("/")) {
            int eq = rdn.indexOf('=');
            if (eq > 0 && rdn.substring(0, eq).trim().equalsIgnoreCase(attr)) {
                return rdn.substring(eq + 1);
            }
        }
        return null;
    }

    /** The server name: the cn= after cn=Servers, or null. */
    static String server(String dn) {
        String[] rdns = dn.split("/");
        for (int i = 0; i + 1 < rdns.length; i++) {
            if (rdns[i].trim().equalsIgnoreCase("cn=Servers")) {
                String next = rdns[i + 1];
                int eq = next.indexOf('=');
                return eq > 0 ? next.substring(eq + 1) : null;
            }
        }
        return null;
    }
}
