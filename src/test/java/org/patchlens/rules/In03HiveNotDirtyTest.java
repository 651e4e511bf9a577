package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveOptions;
import org.patchlens.hive.HiveOpener;
import org.patchlens.model.Source;

/**
 * IN-03 (exchange-restore.md 10.1, regf-format.md): a hive is clean when its base block's primary and secondary
 * sequence numbers are equal (and its checksum valid). A dirty hive whose transaction log beside it was applied is
 * read as Windows would load it (PASS, saying so); otherwise FAIL (severity WARN) with the reason; SKIPPED without
 * any hive. A log whose base block copy names another hive is not the hive's matching log: applied (as Windows
 * would), it fails the hive, naming the log; beside it, applied or not, it is named in the detail.
 */
class In03HiveNotDirtyTest {
    private static final String STALE = "the rules read the hive as found, which may be stale";

    @TempDir
    Path dir;

    @TempDir
    Path other;

    /** A hive file's base block with new sequence numbers and its checksum made right again. */
    private static void sequence(Path hive, int primary, int secondary) throws java.io.IOException {
        byte[] b = Files.readAllBytes(hive);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(4, primary).putInt(8, secondary);
        bb.putInt(508, (int) HiveBuilder.checksumOf(b));
        Files.write(hive, b);
    }

    /**
     * {@code hive} with the embedded file name (offset 48, UTF-16LE, Windows keeps its last 31 characters) of another
     * hive, its checksum made right again: a log built from it has another hive's base block copy.
     */
    private static byte[] embeddedName(byte[] hive, String name) {
        byte[] b = hive.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(48, new byte[64]).put(48, name.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        bb.putInt(508, (int) HiveBuilder.checksumOf(b));
        return b;
    }

    /** The SYSTEM hive of {@code s} as written, in bytes. */
    private byte[] systemOf(RestoreScenario s, Path where) throws Exception {
        s.write(where);
        return Files.readAllBytes(where.resolve(RegEvidence.SYSTEM));
    }

    @Test
    void passesWhenEveryHiveIsClean() throws Exception {
        Finding f = RegEvidence.only(EngineRun.of(RestoreScenario.offlineBase(), dir), Rule.IN_03);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("every hive", f.object());
        assertEquals("clean", f.expected());
        assertEquals("clean", f.actual());
        assertEquals("", f.remedy());
    }

    @Test
    void isSkippedWithoutAnyHive() throws Exception {
        RestoreScenario.offlineBase().write(other);
        RegEvidence.put(dir, "PRIV.EDB", Files.readAllBytes(other.resolve("D/exchsrvr/MDBDATA/PRIV.EDB")));
        Finding f = RegEvidence.only(RegEvidence.scan(dir, CheckOptions.NONE), Rule.IN_03);
        assertEquals(Status.SKIPPED, f.status());
        assertEquals("no hive among the evidence", f.detail());
    }

    @ParameterizedTest(name = "primary {0}, secondary {1}")
    @CsvSource({"7, 6", "6, 7"})
    void failsADirtySystemHiveWithoutItsLog(long primary, long secondary) throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.systemSequence = new long[] {primary, secondary};
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals(Severity.WARN, f.severity(), "the rule's severity");
        assertEquals(RegEvidence.SYSTEM, f.object(), "only the dirty hive; SOFTWARE, CLUSDB and the .CPTs are clean");
        assertEquals("equal sequence numbers, valid checksum", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("primary " + primary + ", secondary " + secondary, f.actual());
        assertEquals(RegEvidence.SYSTEM + " : base block sequence numbers @0x4", f.actualSource().toString());
        assertEquals("Supply `SYSTEM.LOG` from the same folder, or copy the hive after a clean shutdown of the node.",
                f.remedy());
        assertEquals("no transaction log beside it; " + STALE, f.detail());
    }

    @Test
    void passesEqualSequenceNumbersOtherThanOne() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.systemSequence = new long[] {7, 7};
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_03);
        assertEquals(Status.PASS, f.status());
        assertEquals("every hive", f.object());
    }

    @Test
    void failsAHiveWhoseBaseBlockChecksumIsWrong() throws Exception {
        EngineRun r = RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            Path sys = d.resolve(RegEvidence.SYSTEM);
            byte[] b = Files.readAllBytes(sys);
            b[508] ^= 0x01;
            Files.write(sys, b);
        });
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals(RegEvidence.SYSTEM, f.object());
        assertEquals("primary 1, secondary 1, checksum INVALID", f.actual());
    }

    @Test
    void passesADirtyHiveRecoveredFromItsLogAndTheRulesReadTheRecoveredValues() throws Exception {
        RestoreScenario before = RestoreScenario.offlineBase();
        RestoreScenario after = RestoreScenario.offlineBase();
        after.live().dword("Services\\MSExchangeIS", "Start", 4); // written to the log, not yet to the file
        byte[][] dirty = FuzzSeeds.dirtyWithLog(systemOf(before, other), systemOf(after, other.resolve("after")));
        EngineRun r = RegEvidence.run(before, dir, d -> {
            Files.write(d.resolve(RegEvidence.SYSTEM), dirty[0]);
            Files.write(d.resolve(RegEvidence.SYSTEM + ".LOG1"), dirty[1]);
        });
        String recovered;
        try (Hive h = HiveOpener.openWithLogsBeside(dir.resolve(RegEvidence.SYSTEM), HiveOptions.DEFAULTS)) {
            recovered = h.replay().orElseThrow().result();
        }
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.PASS, f.status());
        assertEquals(RegEvidence.SYSTEM, f.object());
        assertEquals("clean, or recovered from its logs", f.expected());
        assertEquals("primary 11, secondary 10; recovered: " + recovered, f.actual());
        assertEquals(RegEvidence.SYSTEM + " : base block sequence numbers @0x4", f.actualSource().toString());
        assertEquals("the rules read the hive with its transaction logs applied, as Windows would load it",
                f.detail());
        assertTrue(r.of(Rule.REG_09).stream().anyMatch(x -> x.object().equals("Services\\MSExchangeIS : Start")
                && x.status() == Status.FAIL), "REG-09 reads Start=4 from the log: " + r.of(Rule.REG_09));
    }

    @Test
    void failsADirtyHiveWhoseLogCannotBeUsed() throws Exception {
        EngineRun r = RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            sequence(d.resolve(RegEvidence.SYSTEM), 3, 2);
            RegEvidence.put(d, RegEvidence.SYSTEM + ".LOG1", new byte[8192]);
        });
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals("primary 3, secondary 2", f.actual());
        String failure = r.context().replayFailure(RegEvidence.SYSTEM).orElseThrow();
        assertTrue(failure.startsWith("transaction log recovery failed"), failure);
        assertEquals("log recovery failed: " + failure + "; " + STALE, f.detail());
    }

    @Test
    void failsADirtyHiveWhoseLogHoldsNothingNewer() throws Exception {
        RestoreScenario before = RestoreScenario.offlineBase();
        RestoreScenario after = RestoreScenario.offlineBase();
        after.live().dword("Services\\MSExchangeIS", "Start", 4);
        byte[][] dirty = FuzzSeeds.dirtyWithLog(systemOf(before, other), systemOf(after, other.resolve("after")));
        EngineRun r = RegEvidence.run(before, dir, d -> {
            Path sys = d.resolve(RegEvidence.SYSTEM);
            Files.write(sys, dirty[0]);
            sequence(sys, 21, 20); // the log's entries (sequence 10) are older than the hive
            Files.write(d.resolve(RegEvidence.SYSTEM + ".LOG1"), dirty[1]);
        });
        var ledger = r.context().replay(RegEvidence.SYSTEM).orElseThrow();
        assertEquals("NOTHING_APPLIED", ledger.outcome().name());
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals("primary 21, secondary 20", f.actual());
        assertEquals("logs beside it: " + ledger.result() + "; " + STALE, f.detail());
    }

    @Test
    void failsADirtyHiveTheRulesDoNotOpenAndSaysWhetherALogIsBesideIt() throws Exception {
        String cpt = "Q/MSCS/" + RestoreScenario.SA + "/00000001.CPT";
        EngineRun r = RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            for (String name : new String[] {"withlog/saved.hiv", "nolog/saved.hiv"}) {
                Path h = RegEvidence.put(d, name, Files.readAllBytes(d.resolve(cpt)));
                sequence(h, 5, 4);
            }
            RegEvidence.put(d, "withlog/saved.hiv.LOG", new byte[8192]);
        });
        var f = r.of(Rule.IN_03);
        assertEquals(2, f.size(), f.toString());
        assertEquals("nolog/saved.hiv", f.get(0).object());
        assertEquals("no transaction log beside it; " + STALE, f.get(0).detail());
        assertEquals("withlog/saved.hiv", f.get(1).object());
        assertEquals(STALE, f.get(1).detail(), "a loose hive is not read by the rules, so no log was tried");
        assertEquals("Supply `saved.hiv.LOG` from the same folder, or copy the hive after a clean shutdown of the "
                + "node.", f.get(1).remedy());
    }

    /** SYSTEM's embedded file name as RestoreScenario writes it: the last 31 characters of \\SystemRoot\\System32\\Config\\SYSTEM. */
    private static final String SYSTEM_NAME = "stemRoot\\System32\\Config\\SYSTEM";
    private static final String SOFTWARE_NAME = "emRoot\\System32\\Config\\SOFTWARE";

    @Test
    void failsADirtyHiveRecoveredWithAnotherHivesLogAndNamesIt() throws Exception {
        RestoreScenario before = RestoreScenario.offlineBase();
        RestoreScenario after = RestoreScenario.offlineBase();
        after.live().dword("Services\\MSExchangeIS", "Start", 4);
        byte[] sys = systemOf(before, other);
        byte[] sysAfter = systemOf(after, other.resolve("after"));
        byte[] dirty = FuzzSeeds.dirtyWithLog(sys, sysAfter)[0];
        // SOFTWARE's log named SYSTEM.LOG1: its sequence numbers pass Windows' checks, its base block copy says whose it is
        byte[] othersLog = FuzzSeeds.dirtyWithLog(embeddedName(sys, SOFTWARE_NAME), embeddedName(sysAfter, SOFTWARE_NAME))[1];
        EngineRun r = RegEvidence.run(before, dir, d -> {
            Files.write(d.resolve(RegEvidence.SYSTEM), dirty);
            Files.write(d.resolve(RegEvidence.SYSTEM + ".LOG1"), othersLog);
        });
        var ledger = r.context().replay(RegEvidence.SYSTEM).orElseThrow();
        assertEquals("APPLIED", ledger.outcome().name(), "applied as Windows would");
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.FAIL, f.status(), "another hive's log is not the hive's matching .LOG (catalog)");
        assertEquals(Severity.WARN, f.severity(), "the rule's severity");
        assertEquals(RegEvidence.SYSTEM, f.object());
        assertEquals("clean, or recovered from its own logs", f.expected());
        assertEquals("primary 11, secondary 10; recovered with another hive's log: " + ledger.result(), f.actual());
        assertEquals(RegEvidence.SYSTEM + " : base block sequence numbers @0x4", f.actualSource().toString());
        assertEquals("Supply `SYSTEM.LOG` from the same folder, or copy the hive after a clean shutdown of the node.",
                f.remedy());
        assertEquals("SYSTEM.LOG1 is another hive's log (embedded file name \"" + SOFTWARE_NAME + "\", the hive's is \""
                + SYSTEM_NAME + "\"), applied as Windows would apply it; the rules read the hive with it applied, as "
                + "Windows would load it: its values may be another hive's", f.detail());
    }

    @Test
    void failsADirtyHiveWhoseOnlyLogIsAnotherHivesNotAppliedAndNamesIt() throws Exception {
        RestoreScenario before = RestoreScenario.offlineBase();
        RestoreScenario after = RestoreScenario.offlineBase();
        after.live().dword("Services\\MSExchangeIS", "Start", 4);
        byte[] sys = systemOf(before, other);
        byte[] sysAfter = systemOf(after, other.resolve("after"));
        byte[] othersLog = FuzzSeeds.dirtyWithLog(embeddedName(sys, SOFTWARE_NAME), embeddedName(sysAfter, SOFTWARE_NAME))[1];
        EngineRun r = RegEvidence.run(before, dir, d -> {
            Path h = d.resolve(RegEvidence.SYSTEM);
            Files.write(h, sys);
            sequence(h, 21, 20); // the log's entries (sequence 10) are older than the hive
            Files.write(d.resolve(RegEvidence.SYSTEM + ".LOG1"), othersLog);
        });
        var ledger = r.context().replay(RegEvidence.SYSTEM).orElseThrow();
        assertEquals("NOTHING_APPLIED", ledger.outcome().name());
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.FAIL, f.status());
        assertEquals("primary 21, secondary 20", f.actual());
        assertEquals("logs beside it: " + ledger.result() + "; SYSTEM.LOG1 is another hive's log (embedded file name \""
                + SOFTWARE_NAME + "\", the hive's is \"" + SYSTEM_NAME + "\"), not applied; " + STALE, f.detail());
    }

    @Test
    void passesADirtyHiveRecoveredFromItsOwnLogAndNamesAnotherHivesLogBesideIt() throws Exception {
        RestoreScenario before = RestoreScenario.offlineBase();
        RestoreScenario after = RestoreScenario.offlineBase();
        after.live().dword("Services\\MSExchangeIS", "Start", 4);
        byte[] sys = systemOf(before, other);
        byte[] sysAfter = systemOf(after, other.resolve("after"));
        byte[][] own = FuzzSeeds.dirtyWithLog(sys, sysAfter);
        byte[] othersLog = FuzzSeeds.dirtyWithLog(embeddedName(sys, SOFTWARE_NAME), embeddedName(sysAfter, SOFTWARE_NAME))[1];
        EngineRun r = RegEvidence.run(before, dir, d -> {
            Files.write(d.resolve(RegEvidence.SYSTEM), own[0]);
            Files.write(d.resolve(RegEvidence.SYSTEM + ".LOG1"), own[1]);
            Path log2 = d.resolve(RegEvidence.SYSTEM + ".LOG2");
            Files.write(log2, othersLog);
            sequence(log2, 5, 5); // its header below the hive's secondary number (10): Windows does not apply it
        });
        var ledger = r.context().replay(RegEvidence.SYSTEM).orElseThrow();
        assertEquals(List.of(true, false), ledger.logs().stream().map(l -> l.applied()).toList(), ledger.toString());
        Finding f = RegEvidence.only(r, Rule.IN_03);
        assertEquals(Status.PASS, f.status(), "its own log was applied");
        assertEquals("primary 11, secondary 10; recovered: " + ledger.result(), f.actual());
        assertEquals("the rules read the hive with its transaction logs applied, as Windows would load it; SYSTEM.LOG2 "
                + "is another hive's log (embedded file name \"" + SOFTWARE_NAME + "\", the hive's is \"" + SYSTEM_NAME
                + "\"), not applied", f.detail());
    }
}
