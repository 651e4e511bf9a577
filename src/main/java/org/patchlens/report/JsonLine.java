package org.patchlens.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A small streaming JSON writer for the dump's hot loop: a char buffer in front of the Writer,
 * strings escaped as Jackson escapes them (", \, \b \t \n \f \r, other controls as \\u00XX, the
 * rest as is), and byte arrays written as hex straight into the buffer, without an
 * intermediate String. The caller writes structure ({@code '{'}, field names) with {@link #raw}.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    /** Both hex digits of each byte value, at 2 * value: one lookup per byte instead of two shifts and masks. */
    private static final char[] HEX_PAIRS = new char[512];

    static {
        for (int b = 0; b < 256; b++) {
            HEX_PAIRS[2 * b] = HEX[b >> 4];
            HEX_PAIRS[2 * b + 1] = HEX[b & 0xF];
        }
    }

    private final Writer out;
    private final char[] buf = new char[1 << 16];
    private int pos;
    /** Buffer flushes so far, and where the last {@link #hex} string lies in the buffer (if still there). */
    private long flushes;
    private byte[] lastHexData;
    private long lastHexFlushes = -1;
    private int lastHexStart;
    private int lastHexEnd;

    JsonLine(Writer out) {
        this.out = out;
    }

    private void room(int n) throws IOException {
        if (pos + n > buf.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        flushes++;
    }

    JsonLine raw(String s) throws IOException {
        int n = s.length();
        if (n > buf.length) {
            flushBuffer();
            out.write(s);
            return this;
        }
        room(n);
        s.getChars(0, n, buf, pos);
        pos += n;
        return this;
    }

    JsonLine raw(char c) throws IOException {
        room(1);
        buf[pos++] = c;
        return this;
    }

    JsonLine number(long v) throws IOException {
        return raw(Long.toString(v));
    }

    JsonLine unsigned(long v) throws IOException {
        return raw(Long.toUnsignedString(v));
    }

    /** A JSON string, or null. */
    JsonLine string(String s) throws IOException {
        if (s == null) {
            return raw("null");
        }
        raw('"');
        int n = s.length();
        int i = 0;
        while (i < n) {
            // room for the worst case (six chars per char) once per chunk, not per char
            room(6);
            int end = Math.min(n, i + (buf.length - pos) / 6);
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buf[pos++] = c;
                    continue;
                }
                buf[pos++] = '\\';
                switch (c) {
                    case '"' -> buf[pos++] = '"';
                    case '\\' -> buf[pos++] = '\\';
                    case '\b' -> buf[pos++] = 'b';
                    case '\t' -> buf[pos++] = 't';
                    case '\f' -> buf[pos++] = 'f';
                    case '\n' -> buf[pos++] = 'n';
                    case '\r' -> buf[pos++] = 'r';
                    default -> {
                        buf[pos++] = 'u';
                        buf[pos++] = '0';
                        buf[pos++] = '0';
                        buf[pos++] = HEX_UPPER[c >> 4];
                        buf[pos++] = HEX_UPPER[c & 0xF];
                    }
                }
            }
        }
        return raw('"');
    }

    /** The bytes as a JSON string of lower-case hex. */
    JsonLine hex(byte[] data) throws IOException {
        raw('"');
        long before = flushes;
        int start = pos;
        int i = 0;
        while (i < data.length) {
            room(2);
            int n = Math.min(data.length - i, (buf.length - pos) / 2);
            for (int end = i + n; i < end; i++) {
                int b = (data[i] & 0xFF) << 1;
                buf[pos++] = HEX_PAIRS[b];
                buf[pos++] = HEX_PAIRS[b + 1];
            }
        }
        if (flushes == before) {
            lastHexData = data;
            lastHexFlushes = flushes;
            lastHexStart = start;
            lastHexEnd = pos;
        } else {
            lastHexData = null;
        }
        return raw('"');
    }

    /**
     * As {@link #hex}, for the same array written by the last call: the digits are copied from the
     * buffer when they are still in it and the copy fits (a binary value's "value" repeats its "hex").
     */
    JsonLine hexAgain(byte[] data) throws IOException {
        int n = lastHexEnd - lastHexStart;
        if (data != lastHexData || lastHexFlushes != flushes || pos + n + 2 > buf.length) {
            return hex(data);
        }
        buf[pos++] = '"';
        System.arraycopy(buf, lastHexStart, buf, pos, n);
        pos += n;
        buf[pos++] = '"';
        return this;
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
