package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy_tests/validation/validation_tests/software_persistence_validation.py states its entries for SOFTWARE.xz,
 * which the corpus does not have: the Run key's seven values, rebuilt in the SOFTWARE fixture, read back in their
 * order with regipy's time.
 */
class SoftwarePersistenceTest {
    @Test
    void theRunKeyRegipyStates() {
        List<Entry> run = run(Catalog.SOFTWARE_PERSISTENCE, Fixtures.software()).stream()
                .filter(e -> e.keyPath().equals("\\Microsoft\\Windows\\CurrentVersion\\Run")).toList();
        assertEquals(List.of("VMware Tools", "VMware User Process", "Adobe ARM", "McAfeeUpdaterUI", "ShStatEXE",
                "McAfee Host Intrusion Prevention Tray", "svchost"), run.stream().map(Entry::valueName).toList());
        assertEquals("\"C:\\Program Files\\McAfee\\Common Framework\\udaterui.exe\" /StartedFromRunKey",
                run.get(3).shown("command"));
        assertEquals("c:\\windows\\system32\\dllhost\\svchost.exe", run.get(6).shown("command"));
        assertTrue(run.stream().allMatch(e -> regipyTime(e.lastWritten()).equals("2012-04-04T01:54:23.669836+00:00")));
    }

    /** Beyond regipy's list: Winlogon's Userinit and Shell (the fixture's), and Notify where the hive has it. */
    @Test
    void winlogonValuesAndNotifyAtTheHivesOwnPath() {
        HiveBuilder b = Fixtures.software();
        b.key("Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Notify").sz("x", "evil.dll");
        List<Entry> e = run(Catalog.SOFTWARE_PERSISTENCE, b);
        assertEquals(List.of("x", "Userinit", "Shell"), e.subList(7, e.size()).stream().map(Entry::valueName).toList());
        assertEquals("C:\\Windows\\system32\\userinit.exe,", e.get(8).shown("command"));
    }
}
