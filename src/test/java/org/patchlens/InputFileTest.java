package org.patchlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
    /**
     * A file mapped by {@link InputFile#map} and then cut short by another writer: reading past its new end really
     * faults (SIGBUS, which the JVM throws as an InternalError), and that fault is the file's one line.
     */
    @Test
    void aFaultInAFileCutShortUnderItsMappingIsThatFilesOneLine(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("priv.edb"), new byte[1 << 20]);
        ByteBuffer mapped = InputFile.check(f).map(1 << 20);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(4096);
        }
        InternalError fault = null;
        try {
            mapped.get(8192);
            Thread.yield(); // from compiled code the fault is thrown a little later, by this native call's return at last
        } catch (InternalError x) {
            fault = x;
        }
        assertNotNull(fault, "the read past the new end faults");
        InputException e = InputFile.cutShort(fault);
        assertEquals(f + ": the file became shorter while it was read (1048576 bytes when opened, 4096 now)",
                e.getMessage());
        assertSame(fault, e.getCause(), "--debug shows where it faulted");
    }

    @Test
    void anyOtherInternalErrorIsThrownAsItIs(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("SYSTEM"), new byte[1 << 16]);
        ByteBuffer mapped = InputFile.check(f).map(1 << 16);
        InternalError other = new InternalError("something else");
        assertSame(other, assertThrows(InternalError.class, () -> InputFile.cutShort(other)));
        // a fault's words, but no file mapped is shorter now: the JVM's own fault, not an input's
        InternalError unexplained = new InternalError("a fault occurred in an unsafe memory access operation");
        assertSame(unexplained, assertThrows(InternalError.class, () -> InputFile.cutShort(unexplained)));
        assertEquals(0, mapped.get(1 << 15));
    }
}
