package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.rules.StoreEvidence.PRIV;
import static org.patchlens.rules.StoreEvidence.PUB;
import static org.patchlens.rules.StoreEvidence.SYSTEM;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESE-01: after an offline restore every database must be Consistent (State 3, Clean Shutdown): an offline
 * backup is a copy taken after a clean stop (KB Q296787, Q185577). After an online restore the databases are
 * Inconsistent by design (KB Q200941). The scenarios' databases record Last Consistent at (generation, sector
 * 0x20, byte 0x10): 0x10 in the offline base, 0x0F in the online base.
 */
class Ese01DatabaseStateTest {
    @TempDir
    Path dir;

    private List<Finding> ese01(RestoreScenario s, StoreEvidence.Edit... edits) throws Exception {
        return StoreEvidence.run(s, dir, edits).of(Rule.ESE_01);
    }

    private static Finding of(List<Finding> findings, String object) {
        return findings.stream().filter(f -> f.object().equals(object)).findFirst().orElseThrow(
                () -> new AssertionError("no finding for " + object + " in " + findings));
    }

    @Test
    void passesConsistentDatabasesAfterAnOfflineRestore() throws Exception {
        List<Finding> f = ese01(RestoreScenario.offlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = of(f, PRIV);
        assertEquals(Status.PASS, priv.status());
        assertEquals("Consistent (offline restore)", priv.expected());
        assertEquals("", priv.expectedSource().toString());
        assertEquals("Clean Shutdown (3), Last Consistent (0x10,20,10)", priv.actual());
        assertEquals(StoreEvidence.source(PRIV, "State", 52), priv.actualSource().toString());
        assertEquals("", priv.remedy());
        assertEquals(Status.PASS, of(f, PUB).status());
    }

    @Test
    void failsADirtyDatabaseAfterAnOfflineRestoreQ185577() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.get(0).state = 2;
        List<Finding> f = ese01(s);
        Finding priv = of(f, PRIV);
        assertEquals(Status.FAIL, priv.status());
        assertEquals(Severity.CRIT, priv.severity());
        assertEquals("Consistent (offline restore)", priv.expected());
        assertEquals("(command line) : --restore-type", priv.expectedSource().toString());
        assertEquals("Dirty Shutdown (2), Last Consistent (0x10,20,10)", priv.actual());
        assertEquals(StoreEvidence.source(PRIV, "State", 52), priv.actualSource().toString());
        assertEquals(Rule.ESE_01.remedy().replace("<db>", "PRIV.EDB"), priv.remedy());
        assertEquals(Status.PASS, of(f, PUB).status(), "the other database is judged on its own");
    }

    /**
     * A database whose primary header is damaged is read from its shadow: here the shadow says Dirty Shutdown, the
     * damaged primary Clean Shutdown. The state judged is the shadow's, and the source names the shadow's State (4096 +
     * 52); it named the primary's, which says otherwise.
     */
    @Test
    void namesTheShadowsStateWhenTheHeaderWasReadFromTheShadow() throws Exception {
        Finding priv = of(ese01(RestoreScenario.offlineBase(), StoreEvidence.shadowField(PRIV, 52, 2),
                StoreEvidence.damage(PRIV, 1000)), PRIV);
        assertEquals(Status.FAIL, priv.status());
        assertEquals("Dirty Shutdown (2), Last Consistent (0x10,20,10)", priv.actual());
        assertEquals(StoreEvidence.source(PRIV, "State", StoreEvidence.PAGE + 52), priv.actualSource().toString());
    }

    @Test
    void failsADirtyDatabaseInARollForwardRestoreToo() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().option("--roll-forward");
        s.databases.get(1).state = 2;
        Finding pub = of(ese01(s), PUB);
        assertEquals(Status.FAIL, pub.status());
        assertEquals("Dirty Shutdown (2), Last Consistent (0x10,20,10)", pub.actual());
        assertEquals(Rule.ESE_01.remedy().replace("<db>", "PUB.EDB"), pub.remedy());
    }

    @Test
    void failsADirtyDatabaseWhenTheRestoreTypeWasDecidedFromTheEvidence() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase().unset("--restore-type");
        s.databases.get(0).state = 2;
        Finding priv = of(ese01(s), PRIV);
        assertEquals(Status.FAIL, priv.status());
        assertEquals("Consistent (offline restore)", priv.expected());
        assertEquals("", priv.expectedSource().toString(),
                "no Restore in Progress key and no patch file decided offline; the command line said nothing");
    }

    @Test
    void passesInconsistentDatabasesAfterAnOnlineRestore() throws Exception {
        List<Finding> f = ese01(RestoreScenario.onlineBase());
        assertEquals(2, f.size(), f.toString());
        Finding priv = of(f, PRIV);
        assertEquals(Status.PASS, priv.status());
        assertEquals("Inconsistent expected (online restore; RIP-07 checks a Consistent one)", priv.expected());
        assertEquals("Dirty Shutdown (2), Last Consistent (0xF,20,10)", priv.actual());
        assertEquals(StoreEvidence.source(PRIV, "State", 52), priv.actualSource().toString());
    }

    @Test
    void isSkippedWithoutADatabaseHeader() throws Exception {
        List<Finding> f = ese01(RestoreScenario.offlineBase(), StoreEvidence.delete(PRIV), StoreEvidence.delete(PUB));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("no database header among the evidence", f.get(0).detail());
    }

    @Test
    void isSkippedWhenTheRestoreTypeIsUnknown() throws Exception {
        // no --restore-type, and no SYSTEM hive, Restore in Progress key or patch file to decide from
        RestoreScenario s = RestoreScenario.offlineBase().unset("--restore-type");
        s.databases.get(0).state = 2;
        List<Finding> f = ese01(s, StoreEvidence.delete(SYSTEM));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("restore type unknown", f.get(0).detail());
    }

    /**
     * A database file name a command prompt would act on never reaches {@code eseutil /mh}: the remedy names the
     * file as data and says why.
     */
    @Test
    void aFileNameACommandPromptWouldActOnIsLeftOutOfEseutil() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.databases.get(0).state = 2;
        s.databases.get(0).name = "PRIV&calc.EDB";
        Finding priv = ese01(s).stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
        assertTrue(priv.remedy().contains("`eseutil /mh <the database file> | find /i \"consistent\"`"),
                priv.remedy());
        assertFalse(priv.remedy().contains("eseutil /mh PRIV&calc"), priv.remedy());
        assertTrue(priv.remedy().endsWith(" The database's file name, \"PRIV&calc.EDB\", is left out of the "
                + "command: it holds a character a command prompt would act on (U+0026)."), priv.remedy());
    }
}
