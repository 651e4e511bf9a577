package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.model.Source;

/**
 * IN-06 (exchange-restore.md 10.1): {@code --restore-type} given; {@code --env-line}, if given, a single line;
 * {@code --isinteg-version} of the form 5.5.NNNN.NN; the expected org/site/server not empty if given. FAIL (severity
 * WARN) per missing or malformed fact; the finding lists the rules skipped for optional facts not given. Never
 * SKIPPED: it reads only the command line.
 */
class In06OperatorFactsTest {
    private static final String SKIPPED = "not given, so these checks are skipped: ";

    @TempDir
    static Path offlineDir;

    /** The offline base's files, written and scanned once: most cases here change only the command line. */
    private static List<Evidence> offlineEvidence;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeTheOfflineBase() throws Exception {
        RestoreScenario.offlineBase().write(offlineDir);
        offlineEvidence = EvidenceScanner.scan(offlineDir);
    }

    /** IN-06 on the offline base's files with the operator facts of {@code s} (the base with options changed). */
    private static Finding onOfflineBase(RestoreScenario s) {
        CheckContext c = new CheckContext(offlineEvidence, s.checkOptions());
        return RegEvidence.only(new EngineRun(c, RuleEngine.run(c).findings()), Rule.IN_06);
    }

    private Finding in06(RestoreScenario s) throws Exception {
        return RegEvidence.only(EngineRun.of(s, dir), Rule.IN_06);
    }

    @Test
    void passesTheBaseAndListsTheOneFactItLacks() throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase());
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("operator facts", f.object());
        assertEquals("given and well-formed", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("restore type offline-pit", f.actual());
        assertEquals("(command line) : --restore-type", f.actualSource().toString());
        assertEquals(SKIPPED + "--start-via (PRC-05)", f.detail(), "the base is a cluster node without --start-via");
        assertEquals("", f.remedy());
    }

    @Test
    void passesWithEveryFactGivenAndNothingSkipped() throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--start-via", "services"));
        assertEquals(Status.PASS, f.status());
        assertEquals("", f.detail());
    }

    @Test
    void listsEveryRuleSkippedForAMissingFactOnACluster() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--env-line").unset("--isinteg-version")
                .unset("--isinteg-runs");
        Finding f = onOfflineBase(s);
        assertEquals(Status.PASS, f.status());
        assertEquals(SKIPPED + "--env-line (PRC-01, PRC-02), --isinteg-version (PRC-04), --start-via (PRC-05), "
                + "--isinteg-runs (PRC-06)", f.detail());
    }

    @Test
    void needsNoEnvLineOrStartPathOffACluster() throws Exception {
        Finding f = in06(RestoreScenario.standaloneOffline());
        assertEquals(Status.PASS, f.status());
        assertEquals("", f.detail(), "stand-alone: PRC-01/02/05 do not apply, --env-line and --start-via not needed");
    }

    @Test
    void countsZeroIsintegRunsAsGiven() throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--start-via", "services")
                .set("--isinteg-runs", "0"));
        assertEquals("", f.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "SP 4", "5.5.2653", "2653.0", "SP5", ""})
    void failsAServicePackItCannotRead(String sp) throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--start-via", "services").set("--exchange-sp", sp));
        assertEquals(Status.FAIL, f.status());
        assertEquals("--exchange-sp", f.object());
        assertEquals("SP0 to SP4, RTM, 0 to 4, or a build of four digits", f.expected());
        assertEquals(sp, f.actual());
        assertEquals("(command line) : --exchange-sp", f.actualSource().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SP4", "sp3", "RTM", "0", "2653", " SP2 "})
    void passesAServicePackItReads(String sp) throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--start-via", "services").set("--exchange-sp", sp));
        assertEquals(Status.PASS, f.status(), f.actual());
    }

    @Test
    void failsWithoutTheRestoreTypeAndSaysWhatWasDecided() throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().unset("--restore-type"));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("--restore-type", f.object());
        assertEquals("online or offline", f.expected());
        assertEquals("(command line) : --restore-type", f.expectedSource().toString());
        assertEquals("not given (decided from the evidence: offline-pit, auto: no Restore in Progress key and no "
                + "patch files)", f.actual());
        assertEquals("(command line) : --restore-type", f.actualSource().toString());
        assertEquals(Rule.IN_06.remedy(), f.remedy());
        assertEquals(SKIPPED + "--start-via (PRC-05)", f.detail());
    }

    @Test
    void failsWithoutTheRestoreTypeOfAnOnlineRestore() throws Exception {
        Finding f = in06(RestoreScenario.onlineBase().unset("--restore-type"));
        assertEquals(Status.FAIL, f.status());
        assertEquals("not given (decided from the evidence: online, auto: a Restore in Progress key is present)",
                f.actual());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET _CLUSTER_NETWORK_NAME_=EXVS01\nisinteg -patch", "SET _CLUSTER_NETWORK_NAME_=EXVS01\r",
        "\rSET _CLUSTER_NETWORK_NAME_=EXVS01"})
    void failsAnEnvLineOfSeveralLines(String line) throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--env-line", line));
        assertEquals(Status.FAIL, f.status());
        assertEquals("--env-line", f.object());
        assertEquals("a single line", f.expected());
        assertEquals("several lines", f.actual());
        assertEquals("(command line) : --env-line", f.actualSource().toString());
        assertEquals(Rule.IN_06.remedy(), f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.5.2654.62", " 5.5.2654.62 ", "5.5.2650.21", "5.5.2653.8"})
    void acceptsAnIsintegVersionOfTheForm55NNNNNN(String version) throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--isinteg-version", version));
        assertEquals(Status.PASS, f.status(), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.5.265.62", "5.5.26540.62", "5.4.2654.62", "6.5.2654.62", "5.5.2654", "5.5.2654.",
        "v5.5.2654.62", "5.5.2654.62a", "2654.62"})
    void failsAMalformedIsintegVersion(String version) throws Exception {
        Finding f = onOfflineBase(RestoreScenario.offlineBase().set("--isinteg-version", version));
        assertEquals(Status.FAIL, f.status(), version);
        assertEquals("--isinteg-version", f.object());
        assertEquals("5.5.NNNN.NN", f.expected());
        assertEquals("(command line) : --isinteg-version", f.expectedSource().toString());
        assertEquals(version, f.actual());
        assertEquals("Give the version shown in the properties of exchsrvr\\bin\\isinteg.exe, e.g. 5.5.2654.62.",
                f.remedy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--expect-org", "--expect-site", "--expect-server"})
    void failsAnEmptyExpectedName(String option) throws Exception {
        for (String empty : List.of("", "  ")) {
            Finding f = onOfflineBase(RestoreScenario.offlineBase().set(option, empty));
            assertEquals(Status.FAIL, f.status(), option + "=\"" + empty + "\"");
            assertEquals(option, f.object());
            assertEquals("a name", f.expected());
            assertEquals("(command line) : " + option, f.expectedSource().toString());
            assertEquals("empty", f.actual());
            assertEquals("Give " + option + " the exact (case-sensitive) name, or leave it out.", f.remedy());
        }
    }

    @Test
    void reportsEachProblemAndListsTheSkippedRulesOnTheFirst() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--restore-type").set("--expect-site", "")
                .unset("--isinteg-runs");
        CheckContext c = new CheckContext(offlineEvidence, s.checkOptions());
        List<Finding> f = RuleEngine.run(c).findings().stream().filter(x -> x.rule() == Rule.IN_06).toList();
        assertEquals(List.of("--restore-type", "--expect-site"), f.stream().map(Finding::object).toList());
        assertEquals(SKIPPED + "--start-via (PRC-05), --isinteg-runs (PRC-06)", f.get(0).detail());
        assertEquals("", f.get(1).detail());
    }
}
