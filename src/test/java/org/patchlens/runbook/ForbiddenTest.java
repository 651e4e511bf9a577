package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After an online restore isinteg and eseutil /r are forbidden before the first start of the store (KB Q231299);
 * a START step (the service controller) and an ONLINE step (the cluster, or net start) are each that first start.
 * The cases of the other rules are {@code RunbookScenarioTest.forbiddenStepsAreCaught}.
 */
class ForbiddenTest {
    private static final Step RESTORE = new Step(1, Phase.RESTORE, "restore", List.of(), "", List.of(), List.of());
    private static final Step RECOVER = new Step(3, Phase.VERIFY, "recover", List.of("eseutil /r edb"), "", List.of(),
            List.of());

    private static List<String> online(Step second) {
        return Forbidden.violations(new Runbook("online", List.of(RESTORE, second, RECOVER), Map.of(), Map.of()), true,
                true);
    }

    @Test
    void eitherKindOfStartEndsTheTimeBeforeTheFirstStart() {
        assertEquals(List.of(), online(new Step(2, Phase.START, "start", List.of("net start MSExchangeIS"), "",
                List.of(), List.of())), "started from the service controller");
        assertEquals(List.of(), online(new Step(2, Phase.ONLINE, "online", List.of(
                "cluster res \"Microsoft Exchange Information Store\" /online"), "", List.of(), List.of())),
                "brought online by the cluster");
        assertEquals(List.of("step 3: eseutil /r edb before the first start after an online restore (KB Q231299)"),
                online(new Step(2, Phase.VERIFY, "look", List.of(), "", List.of(), List.of())),
                "a step that starts nothing");
        assertEquals(List.of("step 3: eseutil /r edb before the first start after an online restore (KB Q231299)"),
                online(new Step(2, Phase.PREPARE, "stop", List.of("net stop MSExchangeIS"), "", List.of(), List.of())),
                "stopping is no start");
    }
}
