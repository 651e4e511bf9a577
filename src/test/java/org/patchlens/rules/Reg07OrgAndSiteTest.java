package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REG-07 (exchange-restore.md 10.2 and 2.4, KB Q299676, Q155509, Q238063): {@code MSExchangeSA\Parameters\Enterprise}
 * = the {@code o=} of {@code MSExchangeMTA\Parameters\X500 DN} = {@code --expect-org}, and {@code Site} = {@code ou=}
 * = {@code --expect-site}; compared case-sensitively, a case-only difference said as such. FAIL per disagreeing
 * pair; SKIPPED when the SA and MTA keys are both missing.
 */
class Reg07OrgAndSiteTest {
    private static final String SA = RegEvidence.SA;
    private static final String MTA = RegEvidence.MTA;
    private static final String ORG_DN = "Enterprise (SA) vs MTA X500 DN o=";
    private static final String ORG_OPT = "Enterprise (SA) vs --expect-org";
    private static final String SITE_DN = "Site (SA) vs MTA X500 DN ou=";
    private static final String SITE_OPT = "Site (SA) vs --expect-site";

    @TempDir
    Path dir;

    private List<Finding> reg07(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_07);
    }

    private static Finding named(List<Finding> f, String object) {
        return f.stream().filter(x -> x.object().equals(object)).findFirst().orElseThrow(() -> new AssertionError(
                object + " not in " + f));
    }

    private static String remedy(String orgOrSite, String actual, String expected) {
        return "Exchange was installed with " + orgOrSite + " " + actual + "; the backup belongs to " + expected
                + ". Reinstall with the exact (case-sensitive) names before restoring (KB Q238063, Q155509).";
    }

    @Test
    void passesOrgAndSiteThatAgreeEverywhere() throws Exception {
        List<Finding> f = reg07(RestoreScenario.offlineBase());
        assertEquals(List.of(ORG_DN, ORG_OPT, SITE_DN, SITE_OPT), f.stream().map(Finding::object).toList());
        for (Finding x : f) {
            assertEquals(Status.PASS, x.status(), x.object());
            assertEquals(Severity.HIGH, x.severity());
            assertEquals("", x.remedy());
        }
        assertEquals("Contoso", f.get(0).expected());
        assertEquals(RegEvidence.systemValue(dir, 1, MTA, "X500 DN"), f.get(0).expectedSource().toString());
        assertEquals("Contoso", f.get(0).actual());
        assertEquals(RegEvidence.systemValue(dir, 1, SA, "Enterprise"), f.get(0).actualSource().toString());
        assertEquals("(command line) : --expect-org", f.get(1).expectedSource().toString());
        assertEquals("HQ", f.get(3).expected());
        assertEquals("(command line) : --expect-site", f.get(3).expectedSource().toString());
        assertEquals(RegEvidence.systemValue(dir, 1, SA, "Site"), f.get(3).actualSource().toString());
    }

    @Test
    void failsAnEnterpriseThatIsNotTheOrganizationOfTheDnOrTheBackup() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(SA, "Enterprise", "Fabrikam");
        List<Finding> f = reg07(s);
        Finding dn = named(f, ORG_DN);
        assertEquals(Status.FAIL, dn.status());
        assertEquals(Severity.HIGH, dn.severity());
        assertEquals("Contoso", dn.expected());
        assertEquals(RegEvidence.systemValue(dir, 1, MTA, "X500 DN"), dn.expectedSource().toString());
        assertEquals("Fabrikam", dn.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, SA, "Enterprise"), dn.actualSource().toString());
        assertEquals(remedy("org", "Fabrikam", "Contoso"), dn.remedy());
        assertEquals("", dn.detail());
        Finding opt = named(f, ORG_OPT);
        assertEquals(Status.FAIL, opt.status());
        assertEquals("(command line) : --expect-org", opt.expectedSource().toString());
        assertEquals(Status.PASS, named(f, SITE_DN).status());
    }

    @Test
    void failsASiteThatDiffersInCaseOnlyAndSaysSo() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(SA, "Site", "hq");
        List<Finding> f = reg07(s);
        Finding dn = named(f, SITE_DN);
        assertEquals(Status.FAIL, dn.status(), "names are case-sensitive here (KB Q299676)");
        assertEquals("HQ", dn.expected());
        assertEquals("hq", dn.actual());
        assertEquals(remedy("site", "hq", "HQ"), dn.remedy());
        assertEquals("differs in case only (names are case-sensitive here, KB Q299676)", dn.detail());
        assertEquals(Status.FAIL, named(f, SITE_OPT).status());
    }

    @Test
    void failsAnExpectedSiteTheInstallationDoesNotHave() throws Exception {
        List<Finding> f = reg07(RestoreScenario.offlineBase().set("--expect-site", "Branch"));
        Finding opt = named(f, SITE_OPT);
        assertEquals(Status.FAIL, opt.status());
        assertEquals("Branch", opt.expected());
        assertEquals("HQ", opt.actual());
        assertEquals(remedy("site", "HQ", "Branch"), opt.remedy());
        assertEquals(Status.PASS, named(f, SITE_DN).status());
    }

    @Test
    void comparesTheDnWithTheBackupWhenTheSaValueIsMissing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().set("--expect-org", "Fabrikam");
        s.live().removeValue(SA, "Enterprise");
        List<Finding> f = reg07(s);
        assertEquals(List.of("MTA X500 DN o= vs --expect-org", SITE_DN, SITE_OPT),
                f.stream().map(Finding::object).toList());
        Finding org = f.get(0);
        assertEquals(Status.FAIL, org.status());
        assertEquals("Fabrikam", org.expected());
        assertEquals("(command line) : --expect-org", org.expectedSource().toString());
        assertEquals("Contoso", org.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, MTA, "X500 DN"), org.actualSource().toString());
        assertEquals(remedy("org", "Contoso", "Fabrikam"), org.remedy());
    }

    @Test
    void comparesOnlyTheRegistryWithoutExpectedNames() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--expect-org").unset("--expect-site");
        assertEquals(List.of(ORG_DN, SITE_DN), reg07(s).stream().map(Finding::object).toList());
    }

    /**
     * A blank --expect-org or --expect-site names nothing (IN-06 fails it): it was compared all the same, a HIGH FAIL
     * telling the administrator to reinstall Exchange because "the backup belongs to ".
     */
    @Test
    void takesABlankExpectedNameAsNotGiven() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().set("--expect-org", "").set("--expect-site", "  ");
        List<Finding> f = reg07(s);
        assertEquals(List.of(ORG_DN, SITE_DN), f.stream().map(Finding::object).toList());
        f.forEach(x -> assertEquals(Status.PASS, x.status(), x.object()));
    }

    @Test
    void comparesOnlyTheExpectedNamesWithoutTheMtaKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(MTA);
        assertEquals(List.of(ORG_OPT, SITE_OPT), reg07(s).stream().map(Finding::object).toList());
    }

    @Test
    void readsDnAttributesWhateverTheirCase() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(MTA, "X500 DN", "/O=Contoso/OU=Branch/CN=Configuration/CN=Servers/CN=EXVS01/CN=Microsoft MTA");
        List<Finding> f = reg07(s);
        assertEquals(Status.PASS, named(f, ORG_DN).status());
        assertEquals(Status.FAIL, named(f, SITE_DN).status());
        assertEquals("Branch", named(f, SITE_DN).expected());
    }

    @Test
    void comparesNoSiteWithADnThatHasNone() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--expect-site");
        s.live().sz(MTA, "X500 DN", "/o=Contoso/cn=Configuration/cn=Servers/cn=EXVS01/cn=Microsoft MTA");
        assertEquals(List.of(ORG_DN, ORG_OPT), reg07(s).stream().map(Finding::object).toList());
    }

    @Test
    void isSkippedWhenNothingCanBeCompared() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--expect-org").unset("--expect-site");
        s.live().removeValue(SA, "Enterprise").removeValue(SA, "Site").removeValue(MTA, "X500 DN");
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_07);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("nothing to compare: SA Enterprise/Site or MTA X500 DN missing", f.detail());
    }

    @Test
    void isSkippedWithoutTheSaAndMtaKeys() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey(SA).removeKey(MTA);
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_07);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no MSExchangeSA and no MSExchangeMTA parameters", f.detail());
    }
}
