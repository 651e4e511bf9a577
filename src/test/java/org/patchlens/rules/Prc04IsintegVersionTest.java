package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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

    // ------------------------------------------------------------------ the thresholds, on both sides

    /** The offline base written once, for the cases that differ only in the operator's facts. */
    @TempDir
    static Path shared;
    private static StoreEvidence.Written base;

    @BeforeAll
    static void writeBase() throws Exception {
        base = new StoreEvidence.Written(RestoreScenario.offlineBase(), shared.resolve("base"));
    }

    private static Finding prc04(StoreEvidence.Written evidence, RestoreScenario facts) {
        List<Finding> f = evidence.run(facts).of(Rule.PRC_04);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    private static Finding isinteg(String version) {
        return prc04(base, RestoreScenario.offlineBase().set("--isinteg-version", version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.5.2654.61", "5.5.2653.99", "5.5.2650.62"})
    void failsAnIsintegBelow2654Point62(String version) {
        Finding f = isinteg(version);
        assertEquals(Status.FAIL, f.status());
        assertEquals("isinteg version", f.object());
        assertEquals(version + " on build 2653 (SP4)", f.actual());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.5.2654.62", "5.5.2654.100", "5.5.2655.1"})
    void passesIsinteg2654Point62AndLater(String version) {
        Finding f = isinteg(version);
        assertEquals(Status.PASS, f.status());
        assertEquals("isinteg " + version + " build 2653 (SP4)", f.actual());
        assertEquals("", f.detail());
    }

    @Test
    void failsALaterIsintegOnAServerBelowSp4() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().set("--isinteg-version", "5.5.2655.1");
        s.software.dword(SETUP, "NewestBuild", 2650);
        Finding f = prc04(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals("Exchange build", f.object());
        assertEquals(">= 2653 (SP4)", f.expected());
        assertEquals("2650 (SP3)", f.actual());
        assertEquals(newestBuildSource(), f.actualSource().toString());
    }

    @Test
    void failsTheFixedIsintegOnBuild2652() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.software.dword(SETUP, "NewestBuild", 2652);
        Finding f = prc04(s);
        assertEquals(Status.FAIL, f.status());
        assertEquals(">= 2653 (SP4) for isinteg 5.5.2654.x", f.expected());
        assertEquals("2652 (SP3)", f.actual());
    }

    @Test
    void readsNewestBuildAsAFourByteLittleEndianDword() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.software.dword(SETUP, "NewestBuild", 0x01020A5D);
        Finding f = prc04(s);
        assertEquals("isinteg 5.5.2654.62 build " + 0x01020A5D + " (SP4)", f.actual());
    }

    /** Exchange 5.5 builds: RTM 1960, SP1 2232, SP2 2448, SP3 2650, SP4 2653 (KB Q163294). */
    @ParameterizedTest
    @CsvSource({"2652, 2652 (SP3)", "2650, 2650 (SP3)", "2649, 2649 (SP2)", "2448, 2448 (SP2)",
        "2447, 2447 (SP1)", "2232, 2232 (SP1)", "2231, 2231 (RTM)", "1960, 1960 (RTM)", "1959, 1959 (unknown)",
        "0000, 0 (unknown)", "SP3, 2650 (SP3)", "3, 2650 (SP3)", "sp2, 2448 (SP2)", "2, 2448 (SP2)",
        "SP1, 2232 (SP1)", "1, 2232 (SP1)", "RTM, 1960 (RTM)", "SP0, 1960 (RTM)", "0, 1960 (RTM)"})
    void failsAnExchangeBuildBelowSp4NamingItsServicePack(String exchangeSp, String actual) {
        Finding f = prc04(base, RestoreScenario.offlineBase().unset("--isinteg-version").set("--exchange-sp",
                exchangeSp));
        assertEquals(Status.FAIL, f.status());
        assertEquals(">= 2653 (SP4)", f.expected());
        assertEquals(actual, f.actual());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SP4", "4", "2653"})
    void passesSp4SayingThatIsintegWasNotChecked(String exchangeSp) {
        Finding f = prc04(base, RestoreScenario.offlineBase().unset("--isinteg-version").set("--exchange-sp",
                exchangeSp));
        assertEquals(Status.PASS, f.status());
        assertEquals("build 2653 (SP4)", f.actual());
        assertEquals("(command line) : --exchange-sp", f.actualSource().toString());
        assertEquals("isinteg version not given: only the Exchange build was checked", f.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SP5", "265"})
    void isSkippedForAServicePackItCannotName(String exchangeSp) {
        Finding f = prc04(base, RestoreScenario.offlineBase().unset("--isinteg-version").set("--exchange-sp",
                exchangeSp));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("neither --isinteg-version nor an Exchange build is known", f.detail());
    }

    @Test
    void passesTheFixedIsintegSayingThatTheBuildIsUnknown() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.software.removeKey(SETUP);
        Finding f = prc04(s);
        assertEquals(Status.PASS, f.status());
        assertEquals("isinteg 5.5.2654.62", f.actual());
        assertEquals("Exchange build unknown (no --exchange-sp, no NewestBuild): only isinteg was checked", f.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.0.6249.0", "5.5.2654", "5.5.2654.9999999999"})
    void doesNotPassAnIsintegVersionItCannotRead(String version) {
        Finding f = isinteg(version);
        assertEquals(Status.PASS, f.status(), "on the Exchange build alone");
        assertEquals("build 2653 (SP4)", f.actual());
        assertEquals("--isinteg-version " + version + " is not a 5.5.NNNN.N version (IN-06): only the Exchange build "
                + "was checked", f.detail());
    }

    @Test
    void isSkippedForAnUnreadableIsintegVersionWithoutAnExchangeBuild() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().set("--isinteg-version", "6.0.6249.0");
        s.software.removeKey(SETUP);
        Finding f = prc04(s);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("--isinteg-version 6.0.6249.0 is not a 5.5.NNNN.N version (IN-06) and no Exchange build is known",
                f.detail());
    }
}
