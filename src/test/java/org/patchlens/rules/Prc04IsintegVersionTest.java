package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.Hive;

/**
 * PRC-04, one test per outcome: evidence made by {@link RestoreScenario} (the clean offline restore of a
 * two-node cluster, changed in the one fact each case is about), run through the rule engine
 * ({@link EngineRun}), and the rule's one finding compared field by field. The per-rule tests follow this
 * pattern: the base scenario passes, and each case changes one fact and names the branch it reaches.
 */
class Prc04IsintegVersionTest {
    private static final String SOFTWARE = "NODE1/system32/config/SOFTWARE";
    private static final String SETUP = "Microsoft\\Exchange\\Setup";

    @TempDir
    Path dir;

    /** The one finding PRC-04 reports. */
    private Finding prc04(RestoreScenario s) throws Exception {
        List<Finding> f = EngineRun.of(s, dir).of(Rule.PRC_04);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    /** Where the SOFTWARE hive of the written scenario keeps NewestBuild. */
    private String newestBuildSource() {
        try (Hive h = Hive.open(dir.resolve(SOFTWARE))) {
            return SOFTWARE + " : " + SETUP + " : NewestBuild @0x"
                    + Long.toHexString(h.key(SETUP).value("NewestBuild").fileOffset()).toUpperCase();
        }
    }

    @Test
    void passesTheFixedIsintegOnSp4() throws Exception {
        Finding f = prc04(RestoreScenario.offlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("isinteg and Exchange build", f.object());
        assertEquals("isinteg >= 5.5.2654.62 on SP4", f.expected());
        assertEquals("isinteg 5.5.2654.62 build 2653 (SP4)", f.actual());
        assertEquals("(command line) : --isinteg-version", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsAnIsintegWithoutTheQ288562Fix() throws Exception {
        Finding f = prc04(RestoreScenario.offlineBase().set("--isinteg-version", "5.5.2650.21"));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("isinteg version", f.object());
        assertEquals(">= 5.5.2654.62 (KB Q288562)", f.expected());
        assertEquals("5.5.2650.21 on build 2653 (SP4)", f.actual());
        assertEquals("(command line) : --isinteg-version", f.actualSource().toString());
        assertEquals(Rule.PRC_04.remedy(), f.remedy());
    }

    @Test
    void failsTheFixedIsintegOnAServerBelowSp4() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.software.dword(SETUP, "NewestBuild", 2650);
        Finding f = prc04(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("Exchange build", f.object());
        assertEquals(">= 2653 (SP4) for isinteg 5.5.2654.x", f.expected());
        assertEquals("2650 (SP3)", f.actual());
        assertEquals(newestBuildSource(), f.actualSource().toString());
        assertEquals(Rule.PRC_04.remedy(), f.remedy());
    }

    @Test
    void failsABuildBelowSp4GivenByTheOperatorOverTheSoftwareHive() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-version").set("--exchange-sp", "SP3");
        Finding f = prc04(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("Exchange build", f.object());
        assertEquals(">= 2653 (SP4)", f.expected());
        assertEquals("2650 (SP3)", f.actual(), "--exchange-sp, not the SOFTWARE hive's 2653");
        assertEquals("(command line) : --exchange-sp", f.actualSource().toString());
    }

    @Test
    void isSkippedWithoutAnIsintegVersionOrAnExchangeBuild() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--isinteg-version");
        s.software.removeKey(SETUP);
        Finding f = prc04(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("neither --isinteg-version nor an Exchange build is known", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = prc04(RestoreScenario.standaloneOffline().set("--isinteg-version", "5.5.2650.21"));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("not applicable: stand-alone server (the checkpoint rollback needs a cluster)", f.detail());
    }
}
