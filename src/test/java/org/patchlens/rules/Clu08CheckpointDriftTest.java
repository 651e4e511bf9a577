package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.rules.RestoreScenario.BASE_TIME;
import static org.patchlens.rules.RestoreScenario.IS;
import static org.patchlens.rules.RestoreScenario.MTA;
import static org.patchlens.rules.RestoreScenario.SA;
import static org.patchlens.rules.RipCluEvidence.SYSTEM;
import static org.patchlens.rules.RipCluEvidence.cptFile;
import static org.patchlens.rules.RipCluEvidence.hex;
import static org.patchlens.rules.RipCluEvidence.only;
import static org.patchlens.rules.RipCluEvidence.valueOffset;
import static org.patchlens.rules.RipCluEvidence.valueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.FileTime;

/**
 * CLU-08: the live keys equal the checkpoints the cluster replays over them when it brings a resource online
 * (KB Q174070, Q288562): one finding per difference, the checkpoint as expected and the live registry as actual;
 * FAIL (CRIT) when the live key is newer or the difference exists only live, WARN when the checkpoint is not
 * older. The base: one checkpoint per RegSync entry (10), equal to the live subtree, all keys written at
 * 2001-06-15T12:00:00Z.
 */
class Clu08CheckpointDriftTest {
    private static final String PRIV = "Services\\MSExchangeIS\\ParametersPrivate";
    private static final String SYS_KEY = "Services\\MSExchangeIS\\ParametersSystem";
    private static final String PRIV_HKLM = "SYSTEM\\CurrentControlSet\\" + PRIV;
    private static final String PRIV_LIVE = "ControlSet001\\" + PRIV;
    private static final String IS_NAME = "Microsoft Exchange Information Store";
    private static final Instant LATER = BASE_TIME.plus(Duration.ofHours(3));
    private static final String AT_BASE = "2001-06-15T12:00:00.0000000Z (FILETIME "
            + FileTime.fromInstant(BASE_TIME) + ")";
    private static final String AT_LATER = "2001-06-15T15:00:00.0000000Z (FILETIME " + FileTime.fromInstant(LATER)
            + ")";

    @TempDir
    Path dir;

    private List<Finding> clu08(RestoreScenario s) throws Exception {
        return RipCluEvidence.findings(s, dir, Rule.CLU_08);
    }

    /** The remedy template of the catalog with its placeholders filled. */
    private static String remedy(String resource, String cpt, String list, String service, String path) {
        return Rule.CLU_08.remedy().replace("<R>", resource).replace("<checkpoint>", cpt).replace("<list>", list)
                .replace("<ServiceName>", service).replace("<path>", path);
    }

    private static String binary(byte[] data) {
        return "REG_BINARY " + HexFormat.of().formatHex(data);
    }

    /** The offline base after isinteg -patch wrote a new Store GUID into the live ParametersPrivate (KB Q288562). */
    private static RestoreScenario patchedLive(Instant liveTime, Instant checkpointTime) {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().binary(PRIV, "Store GUID", RestoreScenario.guid(0x33)).time(PRIV, liveTime);
        s.checkpoint(IS, "00000002").time("", checkpointTime);
        return s;
    }

    @Test
    void passesCheckpointsEqualToTheLiveKeys() throws Exception {
        Finding f = only(clu08(RestoreScenario.offlineBase()));
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals("checkpointed subtrees", f.object());
        assertEquals("live registry equal to the checkpoints", f.expected());
        assertEquals("", f.expectedSource().toString());
        assertEquals("10 checkpoint(s) identical to the live keys", f.actual());
        assertEquals("", f.actualSource().toString());
        assertEquals("", f.remedy());
    }

    @Test
    void failsALiveValueChangedAfterTheCheckpointQ288562() throws Exception {
        Finding f = only(clu08(patchedLive(LATER, BASE_TIME)));
        String cpt = cptFile(IS, "00000002");
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals(PRIV_LIVE + " : Store GUID", f.object());
        assertEquals(binary(RestoreScenario.guid(0x11)), f.expected());
        assertEquals(cpt + " : " + PRIV_HKLM + " : Store GUID @0x" + hex(valueOffset(dir, cpt, "", "Store GUID")),
                f.expectedSource().toString());
        assertEquals(binary(RestoreScenario.guid(0x33)), f.actual());
        assertEquals(valueSource(dir, SYSTEM, PRIV_LIVE, "Store GUID"), f.actualSource().toString());
        assertEquals(remedy(IS_NAME, "00000002.CPT", "value-changed " + PRIV_LIVE + " : Store GUID", "MSExchangeIS",
                PRIV_HKLM), f.remedy());
        assertEquals("value-changed; live key written " + AT_LATER + ", checkpoint key written " + AT_BASE
                + "; newer: live; resource " + IS_NAME + " {" + IS + "}, RegSync 00000002 = " + PRIV_HKLM, f.detail());
    }

    @Test
    void failsALiveKeyNewerByOneTick() throws Exception {
        Finding f = only(clu08(patchedLive(BASE_TIME.plusNanos(100), BASE_TIME)));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
    }

    @Test
    void warnsOfADifferenceWrittenAtTheSameTimeOnBothSides() throws Exception {
        Finding f = only(clu08(patchedLive(BASE_TIME, BASE_TIME)));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("Live key and checkpoint were written at the same time: the next online overwrites the live "
                + "value with it, which may be intended.", f.remedy());
        assertEquals("value-changed; live key written " + AT_BASE + ", checkpoint key written " + AT_BASE
                + "; newer: neither (same time); resource " + IS_NAME + " {" + IS + "}, RegSync 00000002 = "
                + PRIV_HKLM, f.detail());
    }

    @Test
    void warnsOfACheckpointNewerThanTheLiveKey() throws Exception {
        Finding f = only(clu08(patchedLive(BASE_TIME, LATER)));
        assertEquals(Status.WARN, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals(PRIV_LIVE + " : Store GUID", f.object());
        assertEquals(binary(RestoreScenario.guid(0x11)), f.expected());
        assertEquals(binary(RestoreScenario.guid(0x33)), f.actual());
        assertEquals("The checkpoint is newer than the live key: the next online overwrites the live value with it, "
                + "which may be intended.", f.remedy());
        assertEquals("value-changed; live key written " + AT_BASE + ", checkpoint key written " + AT_LATER
                + "; newer: checkpoint; resource " + IS_NAME + " {" + IS + "}, RegSync 00000002 = " + PRIV_HKLM,
                f.detail());
    }

    @Test
    void failsAValueOnlyLiveEvenInAnOlderLiveKey() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().binary(PRIV, "Patch Marker", (byte) 1);
        s.checkpoint(IS, "00000002").time("", LATER);
        Finding f = only(clu08(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.CRIT, f.severity());
        assertEquals(PRIV_LIVE + " : Patch Marker", f.object());
        assertEquals("absent", f.expected());
        String cpt = cptFile(IS, "00000002");
        assertEquals(cpt + " : " + PRIV_HKLM + " : Patch Marker @0x" + hex(RipCluEvidence.keyOffset(dir, cpt, "")),
                f.expectedSource().toString(), "the checkpoint has no such value: its key's offset");
        assertEquals("REG_BINARY 01", f.actual());
        assertEquals(valueSource(dir, SYSTEM, PRIV_LIVE, "Patch Marker"), f.actualSource().toString());
        assertEquals(remedy(IS_NAME, "00000002.CPT", "value-only-live " + PRIV_LIVE + " : Patch Marker",
                "MSExchangeIS", PRIV_HKLM), f.remedy());
        assertEquals("value-only-live; live key written " + AT_BASE + ", checkpoint key written " + AT_LATER
                + "; newer: checkpoint; resource " + IS_NAME + " {" + IS + "}, RegSync 00000002 = " + PRIV_HKLM,
                f.detail(), "the times as they are; the value replayed away is a FAIL all the same");
    }

    @Test
    void failsAValueDeletedLiveAfterTheCheckpoint() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeValue(SYS_KEY, "DB Recovery").time(SYS_KEY, LATER);
        Finding f = only(clu08(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals("ControlSet001\\" + SYS_KEY + " : DB Recovery", f.object());
        assertEquals("REG_DWORD 1", f.expected());
        assertEquals("absent", f.actual());
        assertEquals(SYSTEM + " : ControlSet001\\" + SYS_KEY + " : DB Recovery @0x"
                + hex(RipCluEvidence.keyOffset(dir, SYSTEM, "ControlSet001\\" + SYS_KEY)), f.actualSource().toString(),
                "no live value: the live key's offset");
        assertEquals("value-only-checkpoint; live key written " + AT_LATER + ", checkpoint key written " + AT_BASE
                + "; newer: live; resource " + IS_NAME + " {" + IS + "}, RegSync 00000001 = SYSTEM\\CurrentControlSet\\"
                + SYS_KEY, f.detail());
    }

    @Test
    void warnsOfAValueOnlyInANewerCheckpoint() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.checkpoint(IS, "00000001").dword("", "Recovery Marker", 1).time("", LATER);
        Finding f = only(clu08(s));
        assertEquals(Status.WARN, f.status());
        assertEquals("ControlSet001\\" + SYS_KEY + " : Recovery Marker", f.object());
        assertEquals("REG_DWORD 1", f.expected());
        assertEquals("absent", f.actual());
    }

    @Test
    void failsAKeyOnlyLiveAndEachOfItsValues() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().sz(PRIV + "\\Restored", "Source", "tape");
        List<Finding> f = clu08(s);
        assertEquals(List.of(PRIV_LIVE + "\\Restored", PRIV_LIVE + "\\Restored : Source"),
                f.stream().map(Finding::object).toList());
        Finding key = f.get(0);
        assertEquals(Status.FAIL, key.status());
        assertEquals("absent", key.expected());
        assertEquals(cptFile(IS, "00000002") + " : " + PRIV_HKLM, key.expectedSource().toString());
        assertEquals("key present", key.actual());
        assertEquals(RipCluEvidence.keySource(dir, SYSTEM, PRIV_LIVE + "\\Restored"), key.actualSource().toString());
        assertEquals("key-only-live; live key written " + AT_BASE + ", checkpoint key written -; newer: live; "
                + "resource " + IS_NAME + " {" + IS + "}, RegSync 00000002 = " + PRIV_HKLM, key.detail());
        Finding value = f.get(1);
        assertEquals(Status.FAIL, value.status());
        assertEquals("absent", value.expected());
        assertEquals("REG_SZ \"tape\"", value.actual());
    }

    @Test
    void warnsOfAKeyOnlyInTheCheckpointAndEachOfItsValues() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.checkpoint(IS, "00000002").sz("Restored", "Source", "tape");
        String cpt = cptFile(IS, "00000002");
        List<Finding> f = clu08(s);
        assertEquals(List.of(PRIV_LIVE + "\\Restored", PRIV_LIVE + "\\Restored : Source"),
                f.stream().map(Finding::object).toList());
        Finding key = f.get(0);
        assertEquals(Status.WARN, key.status());
        assertEquals("key present", key.expected());
        assertEquals(cpt + " : " + PRIV_HKLM + "\\Restored @0x" + hex(RipCluEvidence.keyOffset(dir, cpt, "Restored")),
                key.expectedSource().toString());
        assertEquals("absent", key.actual());
        assertEquals(SYSTEM + " : " + PRIV_LIVE + "\\Restored", key.actualSource().toString());
        assertEquals("key-only-checkpoint; live key written -, checkpoint key written " + AT_BASE
                + "; newer: checkpoint; resource " + IS_NAME + " {" + IS + "}, RegSync 00000002 = " + PRIV_HKLM,
                key.detail());
        Finding value = f.get(1);
        assertEquals(Status.WARN, value.status());
        assertEquals("REG_SZ \"tape\"", value.expected());
        assertEquals("absent", value.actual());
        assertEquals(cpt + " : " + PRIV_HKLM + "\\Restored : Source @0x"
                + hex(valueOffset(dir, cpt, "Restored", "Source")), value.expectedSource().toString());
    }

    @Test
    void warnsOfACheckpointedKeyMissingLive() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().removeKey("Services\\MSExchangeMTA\\Diagnostics");
        String cpt = cptFile(MTA, "00000002");
        String hklm = "SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Diagnostics";
        Finding f = only(clu08(s));
        assertEquals(Status.WARN, f.status());
        assertEquals("ControlSet001\\Services\\MSExchangeMTA\\Diagnostics", f.object());
        assertEquals("key present", f.expected());
        assertEquals(cpt + " : " + hklm + " @0x" + hex(RipCluEvidence.keyOffset(dir, cpt, "")),
                f.expectedSource().toString());
        assertEquals("absent", f.actual());
        assertEquals(SYSTEM + " : ControlSet001\\Services\\MSExchangeMTA\\Diagnostics", f.actualSource().toString());
        assertEquals("key-only-checkpoint; live key written -, checkpoint key written " + AT_BASE
                + "; newer: checkpoint; resource Microsoft Exchange Message Transfer Agent {" + MTA + "}, RegSync "
                + "00000002 = " + hklm, f.detail());
    }

    @Test
    void takesAKeyWrittenAtFileTimeZeroAsWrittenThen() throws Exception {
        // FILETIME 0 (1601-01-01) is a time like any other, not "no key"; both sides at 0 are the same time
        RestoreScenario s = patchedLive(BASE_TIME, BASE_TIME);
        s.live().key(PRIV).time = 0;
        s.checkpoint(IS, "00000002").key("").time = 0;
        Finding f = only(clu08(s));
        assertEquals(Status.WARN, f.status());
        assertEquals("value-changed; live key written 1601-01-01T00:00:00.0000000Z (FILETIME 0), checkpoint key "
                + "written 1601-01-01T00:00:00.0000000Z (FILETIME 0); newer: neither (same time); resource " + IS_NAME
                + " {" + IS + "}, RegSync 00000002 = " + PRIV_HKLM, f.detail());
    }

    @Test
    void passesAKeyWhoseOnlyDifferenceIsItsTime() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.live().time(PRIV, LATER);
        assertEquals(Status.PASS, only(clu08(s)).status());
    }

    @Test
    void comparesTheCurrentControlSet() throws Exception {
        RestoreScenario s = patchedLive(LATER, BASE_TIME);
        s.controlSets.put(2, s.live());
        s.controlSets.put(1, RestoreScenario.exchangeSet("NODE1"));
        s.current = 2;
        s.defaultSet = 2;
        Finding f = only(clu08(s));
        assertEquals("ControlSet002\\" + PRIV + " : Store GUID", f.object());
    }

    @Test
    void leavesAMissingCheckpointFileToClu10() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(cptFile(IS, "00000002")))).of(Rule.CLU_08));
        assertEquals(Status.PASS, f.status());
        assertEquals("9 checkpoint(s) identical to the live keys", f.actual());
    }

    @Test
    void leavesAnUnreadableCheckpointFileToClu10() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.write(d.resolve(cptFile(IS, "00000002")), new byte[0])).of(Rule.CLU_08));
        assertEquals("9 checkpoint(s) identical to the live keys", f.actual());
    }

    @Test
    void skipsACheckpointOutsideTheSystemHiveAndComparesTheOthers() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.cluster.sz("Resources\\" + SA + "\\RegSync", "00000003", "SOFTWARE\\Microsoft\\Exchange\\BackupInformation");
        s.checkpoints.put(SA + "\\00000003", new RegTree());
        List<Finding> f = clu08(s);
        assertEquals(2, f.size(), f.toString());
        assertEquals(Status.SKIPPED, f.get(0).status());
        assertEquals("SOFTWARE\\Microsoft\\Exchange\\BackupInformation: not in the SYSTEM hive (no such hive given)",
                f.get(0).detail());
        assertEquals(Status.PASS, f.get(1).status());
        assertEquals("10 checkpoint(s) identical to the live keys", f.get(1).actual());
    }

    @Test
    void isSkippedWithoutCheckpointFiles() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> deleteTree(d.resolve("Q"))).of(Rule.CLU_08));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no checkpoint file to compare (CLU-10)", f.detail());
    }

    @Test
    void isSkippedWithoutTheSystemHive() throws Exception {
        Finding f = only(RipCluEvidence.run(RestoreScenario.offlineBase(), dir,
                d -> Files.delete(d.resolve(SYSTEM))).of(Rule.CLU_08));
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no SYSTEM hive", f.detail());
    }

    @Test
    void doesNotApplyToAStandAloneServer() throws Exception {
        Finding f = only(clu08(RestoreScenario.standaloneOffline()));
        assertEquals("not applicable: stand-alone server (no ClusSvc, no cluster hive)", f.detail());
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var files = Files.walk(p)) {
            for (Path x : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    /** The back-quoted segments of a remedy: what the report shows as lines to type. */
    private static List<String> commands(String remedy) {
        return java.util.regex.Pattern.compile("`([^`]*)`").matcher(remedy).results().map(m -> m.group(1)).toList();
    }

    /** A crafted ServiceName (CLUSDB) never reaches {@code net start}: the remedy says why next to the command. */
    @Test
    void aServiceNameACommandPromptWouldActOnIsLeftOutOfNetStart() throws Exception {
        RestoreScenario s = patchedLive(LATER, BASE_TIME);
        s.cluster.sz("Resources\\" + IS + "\\Parameters", "ServiceName", "MSExchangeIS&calc");
        Finding f = only(clu08(s));
        assertEquals(Status.FAIL, f.status());
        assertEquals(List.of("net start <the resource's ServiceName>"), commands(f.remedy()), f.remedy());
        assertTrue(f.remedy().endsWith(" The resource's ServiceName in the cluster hive, \"MSExchangeIS&calc\", is "
                + "left out of the command: it holds a character a command prompt would act on (U+0026)."), f.remedy());
    }
}
