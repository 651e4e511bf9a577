package org.patchlens.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout: a PrintWriter for the commands, and, when it encodes UTF-8, the byte stream
 * under it for writers that produce UTF-8 themselves (the JSONL dump), so nothing is encoded twice.
 */
public final class ConsoleOut extends PrintWriter {
    private final OutputStream raw;
    private final Charset charset;

    private ConsoleOut(OutputStream raw, Charset charset) {
        // one 64 KiB buffer straight to the file descriptor (System.out flushes every write)
        super(new BufferedWriter(new OutputStreamWriter(raw, charset), 1 << 16), false);
        this.raw = raw;
        this.charset = charset;
    }

    public static ConsoleOut stdout(Charset charset) {
        return new ConsoleOut(new FileOutputStream(FileDescriptor.out), charset);
    }

    /** stdout was closed by its reader (a pipe into {@code head}, say): not an error of the input. */
    public static final class Closed extends IOException {
        private static final long serialVersionUID = 1L;

        Closed(IOException cause) {
            super("stdout was closed", cause);
        }
    }

    /**
     * The bytes under this writer, or null when it does not encode UTF-8. What was printed before is
     * flushed first; closing the stream flushes it and leaves stdout open. A write to a stdout that
     * was closed throws {@link Closed}.
     */
    public OutputStream utf8Bytes() {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return null;
        }
        flush();
        OutputStream guarded = new java.io.FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new Closed(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new Closed(e);
                }
            }
        };
        return new BufferedOutputStream(guarded, 1 << 16) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
