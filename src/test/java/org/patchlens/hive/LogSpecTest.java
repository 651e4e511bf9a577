package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.patchlens.format.Regf;
import org.patchlens.hive.HiveRecovery.LogInput;
import org.patchlens.hive.HiveRecovery.Slot;

/**
 * The regf.ksy types transaction logs are read through ({@code log_header}, {@code log_entry_header},
 * {@code log_entry}, the raw {@code base_block.file_type}) on logs LogBuilder writes, and the stream
 * they are read from.
 */
class LogSpecTest {
    static final byte[] S0 = ReplaySyntheticTest.state(0);
    static final byte[] S1 = ReplaySyntheticTest.state(1);

    private static Regf.LogHeader logHeader(byte[] log) {
        return new Regf.LogHeader(BoundedStream.of(ByteBuffer.wrap(log), 0, Math.min(log.length, 516)));
    }

    @Test
    void theLogHeaderTakesTheFormatFromOffset512() {
        BitSet dirty = LogBuilder.dirtySectors(S0, S1);
        byte[] old = LogBuilder.oldLog(S1, dirty, 1, 7, LogBuilder.pageStart(LogBuilder.binsSize(S1)));
        byte[] neu = new LogBuilder.NewLog(S0, 7).entry(S1, 7, LogBuilder.dirtyPages(S0, S1), 0).bytes();
        assertEquals(Regf.LogFormat.DIRT, logHeader(old).formatSignature());
        assertEquals(Regf.LogFormat.HVLE, logHeader(neu).formatSignature());
        assertNull(logHeader(Arrays.copyOf(neu, 512)).formatSignature(), "a file that ends at 512 has none");
        byte[] zeros = Arrays.copyOf(neu, 4096);
        Arrays.fill(zeros, 512, 4096, (byte) 0);
        assertNull(logHeader(zeros).formatSignature(), "neither DIRT nor HvLE");
        Regf.BaseBlock bb = logHeader(neu).baseBlock();
        assertEquals(7, bb.primarySequenceNumber());
        assertEquals(6, bb.fileType());
        assertEquals(Regf.FileType.LOG_NEW, bb.fileTypeKind());

        // what the ledger reports of each log comes from these types
        TransactionLog t = TransactionLog.read(new LogInput("x.LOG1", Slot.LOG1, ByteBuffer.wrap(old)), S0.length);
        assertEquals("old", t.format);
        assertNull(t.problem);
        assertEquals(dirty.cardinality(), t.pages);
        assertEquals(LogBuilder.pageStart(LogBuilder.binsSize(S1)), t.dirtyStart);
        assertEquals(LogBuilder.binsSize(S1), t.h.hiveBinsDataSize());
        TransactionLog n = TransactionLog.read(new LogInput("x.LOG2", Slot.LOG2, ByteBuffer.wrap(neu)), S0.length);
        assertEquals("new", n.format);
        assertNull(n.problem);
    }

    @Test
    void anEntryHeaderIsReadOnItsOwnBeforeTheEntryIsTrusted() {
        LogBuilder.NewLog log = new LogBuilder.NewLog(S0, 7).entry(S1, 7, LogBuilder.dirtyPages(S0, S1), 1);
        byte[] b = log.bytes();
        ByteBuffer le = LogBuilder.le(b);
        int at = log.offsets().get(0);
        Regf.LogEntryHeader h = new Regf.LogEntryHeader(BoundedStream.of(le, at, 40));
        assertEquals(le.getInt(at + 4) & 0xFFFFFFFFL, h.size());
        assertEquals(1, h.flags());
        assertEquals(7, h.sequenceNumber());
        assertEquals(LogBuilder.binsSize(S1), h.hiveBinsDataSize());
        assertEquals(LogBuilder.dirtyPages(S0, S1).size(), h.numDirtyPages());
        assertEquals(le.getLong(at + 24), h.hash1());
        assertEquals(le.getLong(at + 32), h.hash2());
        Regf.LogEntry e = new Regf.LogEntry(BoundedStream.of(le, at, h.size()));
        assertEquals(h.numDirtyPages(), e.dirtyPages().size());
        assertEquals(LogBuilder.dirtyPages(S0, S1).get(0)[0], e.dirtyPages().get(0).offset());

        TransactionLog t = TransactionLog.read(new LogInput("x.LOG1", Slot.LOG1, ByteBuffer.wrap(b)), S0.length);
        assertEquals("valid", t.entry(at, 7, true).reason());
        assertEquals("ok", t.entry(at, 7, true).hash());
        le.putInt(at + 20, 0x7FFFFFFF); // a page count no entry can hold: refused before any reference is read
        assertEquals("stopped: invalid entry: dirty page count 2147483647 does not fit the entry",
                t.entry(at, 7, true).reason());
    }

    @Test
    void aFileTypeNoWindowsWritesIsKeptAsRead() {
        byte[] h = S0.clone();
        LogBuilder.le(h).putInt(28, 5);
        Regf.BaseBlock bb = new Regf.BaseBlock(BoundedStream.of(ByteBuffer.wrap(h), 0, 512));
        assertEquals(5, bb.fileType());
        assertNull(bb.fileTypeKind());
        assertEquals(5, HiveHeader.of(bb, HiveHeader.checksum(LogBuilder.le(h), 0), null, -1).fileType());
    }

    @Test
    void aClaimedLengthPastTheWindowIsRefusedBeforeAnythingIsAllocated() {
        ByteBuffer b = ByteBuffer.allocate(64);
        // the runtime's own stream would allocate the 2 GiB first and only then find the bytes missing
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            ByteBufferKaitaiStream s = BoundedStream.of(b, 16, 32);
            s.readBytes(8);
            assertThrows(BufferUnderflowException.class, () -> s.readBytes(Integer.MAX_VALUE - 64));
            assertEquals(8, s.pos(), "nothing consumed");
            assertEquals(24, s.readBytes(24).length);
        });
    }
}
