package org.patchlens.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlens.rules.Effective;

/**
 * The steps of each restore type for names given directly (no evidence): the stand-alone server, the roll-forward
 * restore, databases the SYSTEM hive does not name, paths with spaces, and how checkpoints are listed.
 */
class StepsTest {
    private static final Names.Checkpoint SYSTEM_CP = new Names.Checkpoint("Microsoft Exchange Information Store",
            "MSExchangeIS", "00000001", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem");
    private static final Names.Checkpoint PRIV_CP = new Names.Checkpoint("Microsoft Exchange Information Store",
            "MSExchangeIS", "00000002", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate");
    private static final Names.Checkpoint DS_CP = new Names.Checkpoint("Microsoft Exchange Directory",
            "MSExchangeDS", "00000001", "SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters");

    private static Names standalone(List<String> databases) {
        return new Names(false, "<vs>", "SRV01", "<group>", Map.of(), databases, "F:\\exchsrvr\\MDBDATA",
                "D:\\exchsrvr\\bin", List.of(), false, List.of());
    }

    private static Step only(List<Step> steps, Phase p) {
        List<Step> s = steps.stream().filter(x -> x.phase() == p).toList();
        assertEquals(1, s.size(), p + ": " + s);
        return s.get(0);
    }

    @Test
    void aStandaloneOfflineRestoreStopsTheStoreAndTypesNoSetLine() {
        List<Step> s = Steps.of(Effective.OFFLINE_PIT, standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB")));
        assertEquals("Stop the Information Store; leave the System Attendant and the Directory running: isinteg "
                + "-patch needs them.", only(s, Phase.PREPARE).action());
        assertEquals(List.of("net stop MSExchangeIS"), only(s, Phase.PREPARE).commands());
        assertEquals(List.of("Q149238", "Q162354"), only(s, Phase.PREPARE).kb());
        Step patch = only(s, Phase.PATCH);
        assertEquals("In a command prompt on the server (System Attendant and Directory running, the Information "
                + "Store stopped), run isinteg -patch once.", patch.action());
        assertEquals(List.of("cd /d D:\\exchsrvr\\bin", "isinteg -patch"), patch.commands());
        assertTrue(patch.why().startsWith("Run it once:"), patch.why());
        assertEquals(List.of("PRC-04", "PRC-06"), patch.rules());
        assertEquals(List.of("Q149238", "Q288562"), patch.kb());
        assertFalse(s.stream().anyMatch(x -> x.phase() == Phase.START), "no checkpoint on a stand-alone server");
        assertEquals(List.of("net start MSExchangeIS"), only(s, Phase.ONLINE).commands());
        assertFalse(only(s, Phase.VERIFY).action().contains("Move Group"), only(s, Phase.VERIFY).action());
    }

    @Test
    void aRollForwardRestoreKeepsTheLogsFromTheAnchorAndAPointInTimeMovesThemOut() {
        Names n = standalone(List.of("D:\\exchsrvr\\MDBDATA\\PRIV.EDB"));
        String roll = only(Steps.of(Effective.OFFLINE_ROLLFORWARD, n), Phase.RESTORE).action();
        assertTrue(roll.endsWith("Copy the logs from the databases' Last Consistent generation (the anchor log) to "
                + "the newest into F:\\exchsrvr\\MDBDATA, the newest named edb.log, and no edb.chk: replay starts from "
                + "the anchor log (KB Q296787)."), roll);
        String pit = only(Steps.of(Effective.OFFLINE_PIT, n), Phase.RESTORE).action();
        assertTrue(pit.endsWith("Move every old log, edb.chk and .pat file out of F:\\exchsrvr\\MDBDATA and the "
                + "working folder: a point-in-time restore starts a new log series (KB Q296787)."), pit);
    }

    @Test
    void databasesAreCopiedByFileNameToTheirPathsQuotedWhenTheyHoldASpace() {
        Step restore = only(Steps.of(Effective.OFFLINE_PIT, standalone(List.of("D:\\Exchange Data\\PRIV.EDB",
                "E:/exchsrvr/MDBDATA/PUB.EDB"))), Phase.RESTORE);
        assertEquals(List.of("copy PRIV.EDB \"D:\\Exchange Data\\PRIV.EDB\"", "copy PUB.EDB E:/exchsrvr/MDBDATA/PUB.EDB"),
                restore.commands());
        assertTrue(restore.action().startsWith("From the folder of the offline backup, copy the databases to "
                + "D:\\Exchange Data\\PRIV.EDB and E:/exchsrvr/MDBDATA/PUB.EDB (DB Path)."), restore.action());
        Step none = only(Steps.of(Effective.OFFLINE_PIT, standalone(List.of())), Phase.RESTORE);
        assertEquals(List.of(), none.commands());
        assertTrue(none.action().startsWith("From the folder of the offline backup, copy the databases to the paths "
                + "the SYSTEM hive registers (DB Path)."), none.action());
    }

    @Test
    void checkpointsAreListedWithTheirResourceOnceAfterEachRun() {
        assertEquals("the registry checkpoint 00000002 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\"
                + "ParametersPrivate) of Microsoft Exchange Information Store", Steps.listed(List.of(PRIV_CP)));
        assertEquals("the registry checkpoints 00000001 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\"
                + "ParametersSystem), 00000002 (SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate) "
                + "of Microsoft Exchange Information Store and 00000001 (SYSTEM\\CurrentControlSet\\Services\\"
                + "MSExchangeDS\\Parameters) of Microsoft Exchange Directory", Steps.listed(List.of(SYSTEM_CP, PRIV_CP,
                DS_CP)));
    }

    @Test
    void theKeysIsintegPatchWritesAreCoveredFromAboveOrBelow() {
        Names.Checkpoint root = new Names.Checkpoint("IS", "MSExchangeIS", "00000005",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS");
        Names.Checkpoint diag = new Names.Checkpoint("IS", "MSExchangeIS", "00000004",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\Diagnostics");
        Names.Checkpoint below = new Names.Checkpoint("IS", "MSExchangeIS", "00000006",
                "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPublic\\Sub");
        Names n = new Names(true, "EXVS01", "NODE1", "EXVS01 Group", Map.of(), List.of(), "F:", "D:\\exchsrvr\\bin",
                List.of(root, diag, below, DS_CP), false, List.of());
        assertEquals(List.of(root, below), Steps.patchedKeys(n), "the service root covers them; a key below one is "
                + "written over too; Diagnostics and the directory are not");
    }
}
