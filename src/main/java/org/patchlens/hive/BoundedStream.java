package org.patchlens.hive;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Kaitai stream every record of the package is read from: a window of a hive or log (a cell, a
 * free region, a log entry), so no record is read past it. The runtime allocates a byte field of a
 * claimed length before it finds that the bytes are not there; this stream checks the length against
 * the bytes left first, so a hostile length costs nothing: not the allocation, and not a stack trace
 * either (the deleted-record scan tries records at every 8 bytes of free space, and a crafted hive can
 * make each of them claim a name longer than the space). Past the end is a
 * {@link BufferUnderflowException} either way (read as "runs past the end of its cell").
 */
final class BoundedStream extends ByteBufferKaitaiStream {
    private BoundedStream(ByteBuffer window) {
        super(window);
    }

    /** {@code len} bytes of {@code b} from {@code pos} (the caller has checked they are inside it). */
    static BoundedStream of(ByteBuffer b, long pos, long len) {
        return new BoundedStream(b.slice((int) pos, (int) len).order(ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    protected byte[] readBytesNotAligned(long n) {
        if (n > size() - pos()) {
            throw new PastEnd();
        }
        return super.readBytesNotAligned(n);
    }

    /** A claimed length past the window: caught by the reader, per record, so no stack trace is taken. */
    private static final class PastEnd extends BufferUnderflowException {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
