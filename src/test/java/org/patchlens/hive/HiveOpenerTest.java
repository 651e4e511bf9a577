package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.InputException;
import org.patchlens.hive.ReplayLedger.Outcome;

/**
 * {@link HiveOpener}, the one opener of the hive commands and of check, and its typed failure: each
 * way recovery can fail is a {@link RecoveryFailed} with its stage (callers decide by it, never by
 * the message), and a primary that is no hive is the reader's own error.
 */
class HiveOpenerTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** A dirty hive (sequence numbers 11/10) at dir/H. */
    private Path dirtyHive() throws Exception {
        return write("H", ReplaySyntheticTest.dirty(ReplaySyntheticTest.state(0), 11, 10));
    }

    @Test
    void withoutLogsTheHiveIsOpenedAsFoundWithoutALedger() throws Exception {
        Path h = dirtyHive();
        try (Hive hive = HiveOpener.open(h, List.of(), HiveOptions.DEFAULTS)) {
            assertTrue(hive.replay().isEmpty());
            assertTrue(hive.header().dirty());
        }
        try (Hive hive = HiveOpener.openWithLogsBeside(h, HiveOptions.DEFAULTS)) {
            assertTrue(hive.replay().isEmpty(), "no FILE.LOG* beside it");
        }
    }

    @Test
    void logsThatApplyGiveTheRecoveredHiveWithItsLedger() throws Exception {
        byte[] s0 = ReplaySyntheticTest.state(0);
        byte[] s1 = ReplaySyntheticTest.state(1);
        Path h = write("H", ReplaySyntheticTest.dirty(s0, 11, 10));
        write("H.LOG1", new LogBuilder.NewLog(s0, 10).entry(s1, 10, LogBuilder.dirtyPages(s0, s1), 0).bytes());
        try (Hive hive = HiveOpener.openWithLogsBeside(h, HiveOptions.DEFAULTS)) {
            assertEquals(Outcome.APPLIED, hive.replay().orElseThrow().outcome());
            assertEquals(2, hive.key("Software\\Vendor").value("Count").decoded().number());
        }
    }

    @Test
    void noUsableLogIsARecoveryFailedAtTheReplayStageWithItsLedger() throws Exception {
        Path h = dirtyHive();
        Path log = write("H.LOG1", new byte[4096]); // no "regf"
        RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(h, List.of(log),
                HiveOptions.DEFAULTS));
        assertEquals(RecoveryFailed.Stage.REPLAY, e.stage());
        assertEquals(Outcome.FAILED, e.ledger().outcome());
        assertEquals(h.toString(), e.file());
        assertEquals(RecoveryFailed.REPLAY_FAILED + ": " + e.ledger().result(), e.reason());
        assertTrue(e.getMessage().startsWith(h + ": transaction log recovery failed: no usable transaction log: "),
                e.getMessage());
        RecoveryFailed more = e.withReason(e.reason() + " (and more)");
        assertEquals(RecoveryFailed.Stage.REPLAY, more.stage());
        assertEquals(e.ledger(), more.ledger());
        try (Hive asFound = Hive.open(h)) {
            assertTrue(asFound.walk().iterator().hasNext(), "the hive itself reads as found");
        }
    }

    @Test
    void aLogThatIsNotAFileIsARecoveryFailedReadingTheLogs() throws Exception {
        Path h = dirtyHive();
        Path log = Files.createDirectory(dir.resolve("H.LOG1"));
        assertEquals(List.of(log.toAbsolutePath()), LogFiles.beside(h));
        RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> HiveOpener.openWithLogsBeside(h,
                HiveOptions.DEFAULTS));
        assertEquals(RecoveryFailed.Stage.READING_LOGS, e.stage());
        assertEquals(log.toAbsolutePath().toString(), e.file());
        assertInstanceOf(InputException.class, e.getCause(), "the input check refused it, without opening it");
        assertNull(e.ledger());
    }

    @Test
    void aLogThatIsTheHiveItselfIsARecoveryFailedSayingSo() throws Exception {
        Path h = dirtyHive();
        RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(h, List.of(h),
                HiveOptions.DEFAULTS));
        assertEquals(RecoveryFailed.Stage.READING_LOGS, e.stage());
        assertEquals(h.toString(), e.file());
        assertEquals("is the hive itself, not one of its transaction logs", e.reason());
        // the same file by its file key: a hard link beside it, found as its .LOG1
        Path link = Files.createLink(dir.resolve("H.LOG1"), h);
        e = assertThrows(RecoveryFailed.class, () -> HiveOpener.recover(h, LogFiles.beside(h)));
        assertEquals(RecoveryFailed.Stage.READING_LOGS, e.stage());
        assertEquals(link.toAbsolutePath().toString(), e.file());
        assertEquals("is the hive itself (the same file as " + h + "), not one of its transaction logs", e.reason());
    }

    @Test
    void twoLogsForOneSlotAreARecoveryFailedReadingTheLogs() throws Exception {
        Path h = dirtyHive();
        Path a = write("a.LOG1", new byte[512]);
        Path b = write("b.LOG1", new byte[512]);
        RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(h, List.of(a, b),
                HiveOptions.DEFAULTS));
        assertEquals(RecoveryFailed.Stage.READING_LOGS, e.stage());
        assertEquals(h.toString(), e.file());
        assertEquals("two logs for slot .LOG1: " + b, e.reason());
    }

    @Test
    void aRecoveredImageThatIsNoReadableHiveIsARecoveryFailedAtThatStage() throws Exception {
        byte[] s0 = ReplaySyntheticTest.state(0);
        byte[] s1 = ReplaySyntheticTest.state(1);
        byte[] primary = s0.clone();
        LogBuilder.le(primary).putInt(508, 0x4C564E49); // bad checksum: the log's base block copy is used
        byte[] v17 = s0.clone();
        LogBuilder.le(v17).putInt(24, 7); // ... and it claims format 1.7
        Path h = write("H", primary);
        Path log = write("H.LOG1", new LogBuilder.NewLog(v17, 10).entry(s1, 10, LogBuilder.dirtyPages(s0, s1), 0)
                .bytes());
        RecoveryFailed e = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(h, List.of(log),
                HiveOptions.DEFAULTS));
        assertEquals(RecoveryFailed.Stage.RECOVERED_IMAGE, e.stage());
        assertEquals(Outcome.APPLIED, e.ledger().outcome());
        assertEquals(20, e.offset());
        assertEquals("unsupported hive format version 1.7 (supported: 1.1 to 1.6)", e.reason());
    }

    @Test
    void aPrimaryThatIsNoHiveIsTheReadersOwnErrorNotARecoveryFailure() throws Exception {
        Path h = write("H", "MZ not a hive".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path log = write("H.LOG1", new byte[512]);
        HiveException plain = assertThrows(HiveException.class, () -> Hive.open(h));
        HiveException e = assertThrows(HiveException.class, () -> HiveOpener.open(h, List.of(log),
                HiveOptions.DEFAULTS));
        assertFalse(e instanceof RecoveryFailed, e.getMessage());
        assertEquals(plain.getMessage(), e.getMessage());
        HiveException r = assertThrows(HiveException.class, () -> HiveOpener.recover(h, List.of(log)));
        assertEquals(plain.getMessage(), r.getMessage());
    }

    /**
     * The batch reads a hive once for its hash and its dump: opened from those bytes, every outcome is
     * the one opening the file gives (the recovered hive and ledger, a hive as found, each failure),
     * and the hive still names its file.
     */
    @Test
    void theBytesAlreadyReadFromTheFileOpenAsTheFileDoes() throws Exception {
        byte[] s0 = ReplaySyntheticTest.state(0);
        byte[] s1 = ReplaySyntheticTest.state(1);
        Path h = write("H", ReplaySyntheticTest.dirty(s0, 11, 10));
        Path log = write("H.LOG1", new LogBuilder.NewLog(s0, 10).entry(s1, 10, LogBuilder.dirtyPages(s0, s1), 0)
                .bytes());
        byte[] content = Files.readAllBytes(h);
        for (List<Path> logs : List.of(List.of(log), List.<Path>of())) {
            try (Hive mapped = HiveOpener.open(h, logs, HiveOptions.DEFAULTS);
                 Hive read = HiveOpener.open(h, java.nio.ByteBuffer.wrap(content), logs, HiveOptions.DEFAULTS)) {
                assertEquals(mapped.path(), read.path()); // the file as found; a recovered image has none
                assertEquals(mapped.name(), read.name());
                assertEquals(mapped.replay().map(ReplayLedger::outcome), read.replay().map(ReplayLedger::outcome));
                assertEquals(describe(mapped), describe(read));
                assertEquals(mapped.damage(), read.damage());
            }
            // the bytes as part of a larger array, other bytes before and after (a batch reuses its array)
            byte[] larger = new byte[content.length + 4103];
            java.util.Arrays.fill(larger, (byte) 0x5A);
            System.arraycopy(content, 0, larger, 7, content.length);
            java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(larger, 7, content.length);
            try (Hive mapped = HiveOpener.open(h, logs, HiveOptions.DEFAULTS);
                 Hive inArray = HiveOpener.open(h, view, logs, HiveOptions.DEFAULTS)) {
                assertEquals(mapped.fileSize(), inArray.fileSize());
                assertEquals(mapped.replay().map(ReplayLedger::outcome), inArray.replay().map(ReplayLedger::outcome));
                assertEquals(describe(mapped), describe(inArray));
                assertEquals(mapped.damage(), inArray.damage());
            }
            assertEquals(7, view.position(), "the caller's buffer is not moved");
        }
        assertEquals(Outcome.APPLIED, HiveOpener.open(h, java.nio.ByteBuffer.wrap(content), List.of(log), HiveOptions.DEFAULTS).replay()
                .orElseThrow().outcome());
        assertEquals(h, HiveOpener.open(h, java.nio.ByteBuffer.wrap(content), List.of(), HiveOptions.DEFAULTS).path());

        Path bad = write("bad.LOG1", new byte[4096]);
        RecoveryFailed viaFile = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(h, List.of(bad),
                HiveOptions.DEFAULTS));
        RecoveryFailed viaBytes = assertThrows(RecoveryFailed.class, () -> HiveOpener.open(h, java.nio.ByteBuffer.wrap(content), List.of(bad),
                HiveOptions.DEFAULTS));
        assertEquals(viaFile.getMessage(), viaBytes.getMessage());
        assertEquals(viaFile.stage(), viaBytes.stage());

        Path notHive = write("N", "MZ not a hive".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] notHiveBytes = Files.readAllBytes(notHive);
        for (List<Path> logs : List.of(List.of(log), List.<Path>of())) {
            HiveException a = assertThrows(HiveException.class, () -> HiveOpener.open(notHive, logs,
                    HiveOptions.DEFAULTS).root());
            HiveException b = assertThrows(HiveException.class, () -> HiveOpener.open(notHive, java.nio.ByteBuffer.wrap(notHiveBytes), logs,
                    HiveOptions.DEFAULTS).root());
            assertEquals(a.getMessage(), b.getMessage());
        }
    }

    /** Every key's path, last-written time and values, in walk order. */
    private static List<String> describe(Hive hive) {
        List<String> out = new java.util.ArrayList<>();
        for (Key k : hive.walk()) {
            StringBuilder sb = new StringBuilder(k.path()).append(' ').append(k.lastWrittenRaw());
            for (Value v : k.values()) {
                sb.append(' ').append(v.name()).append('=').append(java.util.HexFormat.of().formatHex(v.data()));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
