package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.model.Source;

/**
 * REG-09 (exchange-restore.md 10.2 and 2.5, KB Q290651, Q296229): {@code Services\MSExchangeSA|DS|IS|MTA\Start}
 * (2 automatic, 3 manual, 4 disabled). On a cluster the Generic Service resources start the services: expected 3,
 * FAIL if 4 (a replicated root key replays "disabled" at every online). Stand-alone: 4 after the restore is a WARN
 * (restore procedures disable services for a while). SKIPPED without any Start value.
 */
class Reg09StartTypesTest {
    private static final List<String> SERVICES = List.of("MSExchangeSA", "MSExchangeDS", "MSExchangeIS",
            "MSExchangeMTA");

    @TempDir
    Path dir;

    private List<Finding> reg09(RestoreScenario s) throws Exception {
        return EngineRun.of(s, dir).of(Rule.REG_09);
    }

    private static String startOf(String service) {
        return "Services\\" + service + " : Start";
    }

    private static RestoreScenario start(RestoreScenario s, String service, int start) {
        s.live().dword("Services\\" + service, "Start", start);
        return s;
    }

    @Test
    void passesEveryManualServiceOnACluster() throws Exception {
        List<Finding> f = reg09(RestoreScenario.offlineBase());
        assertEquals(SERVICES.stream().map(Reg09StartTypesTest::startOf).toList(),
                f.stream().map(Finding::object).toList());
        for (int i = 0; i < 4; i++) {
            Finding x = f.get(i);
            assertEquals(Status.PASS, x.status());
            assertEquals(Severity.HIGH, x.severity());
            assertEquals("not 4 (disabled)", x.expected());
            assertEquals(Source.NONE, x.expectedSource());
            assertEquals("REG_DWORD 3", x.actual());
            assertEquals(RegEvidence.systemValue(dir, 1, "Services\\" + SERVICES.get(i), "Start"),
                    x.actualSource().toString());
            assertEquals("", x.remedy());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSExchangeSA", "MSExchangeDS", "MSExchangeIS", "MSExchangeMTA"})
    void failsADisabledServiceOnACluster(String service) throws Exception {
        List<Finding> f = reg09(start(RestoreScenario.offlineBase(), service, 4));
        Finding x = f.get(SERVICES.indexOf(service));
        assertEquals(Status.FAIL, x.status());
        assertEquals(Severity.HIGH, x.severity());
        assertEquals(startOf(service), x.object());
        assertEquals("3 (manual; the cluster starts it)", x.expected());
        assertEquals("REG_DWORD 4 (disabled)", x.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, "Services\\" + service, "Start"), x.actualSource().toString());
        assertEquals(Rule.REG_09.remedy(), x.remedy());
        assertEquals(1, f.stream().filter(y -> y.status() == Status.FAIL).count(), "only the disabled one");
    }

    @Test
    void passesAnAutomaticServiceOnACluster() throws Exception {
        Finding x = reg09(start(RestoreScenario.offlineBase(), "MSExchangeIS", 2)).get(2);
        assertEquals(Status.PASS, x.status());
        assertEquals("REG_DWORD 2", x.actual());
    }

    @Test
    void failsADisabledServiceOnANodeKnownOnlyByItsClusterHive() throws Exception {
        RestoreScenario s = start(RestoreScenario.offlineBase(), "MSExchangeIS", 4);
        s.live().removeKey("Services\\ClusSvc");
        assertEquals(Status.FAIL, reg09(s).get(2).status());
    }

    @Test
    void failsADisabledServiceOnANodeKnownOnlyByClusSvc() throws Exception {
        Finding x = RegEvidence.run(start(RestoreScenario.offlineBase(), "MSExchangeIS", 4), dir,
                d -> Files.delete(d.resolve(RegEvidence.CLUSDB))).of(Rule.REG_09).get(2);
        assertEquals(Status.FAIL, x.status());
    }

    @Test
    void warnsADisabledServiceOnAStandAloneServer() throws Exception {
        List<Finding> f = reg09(start(RestoreScenario.standaloneOffline(), "MSExchangeMTA", 4));
        Finding x = f.get(3);
        assertEquals(Status.WARN, x.status());
        assertEquals(Severity.WARN, x.severity());
        assertEquals(startOf("MSExchangeMTA"), x.object());
        assertEquals("2 or 3 once the restore is complete", x.expected());
        assertEquals("REG_DWORD 4 (disabled)", x.actual());
        assertEquals(RegEvidence.systemValue(dir, 1, "Services\\MSExchangeMTA", "Start"), x.actualSource().toString());
        assertEquals("Set the service back to Automatic after the restore (KB Q296229).", x.remedy());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void passesAnEnabledServiceOnAStandAloneServer(int start) throws Exception {
        Finding x = reg09(start(RestoreScenario.standaloneOffline(), "MSExchangeSA", start)).get(0);
        assertEquals(Status.PASS, x.status());
        assertEquals("not disabled", x.expected());
        assertEquals("REG_DWORD " + start, x.actual());
    }

    @Test
    void reportsOnlyTheServicesWithAStartValue() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue("Services\\MSExchangeDS", "Start").removeValue("Services\\MSExchangeMTA", "Start");
        assertEquals(List.of(startOf("MSExchangeSA"), startOf("MSExchangeIS")),
                reg09(s).stream().map(Finding::object).toList());
    }

    @Test
    void isSkippedWithoutAnyStartValue() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        for (String svc : SERVICES) {
            s.live().removeValue("Services\\" + svc, "Start");
        }
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.REG_09);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no Exchange service Start values", f.detail());
    }
}
