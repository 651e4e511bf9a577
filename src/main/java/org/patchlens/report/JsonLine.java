package org.patchlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.output.WriterOutputStream;

/**
 * A small streaming JSON writer for the dump's hot loop, writing UTF-8 bytes into a buffer in front
 * of an OutputStream: strings escaped as {@link JsonOut#FACTORY}'s Jackson escapes them (", \, \b \t \n \f
 * \r, the other control characters of {@link #escaped} as \\u00XX, the rest as is) and encoded as they are copied, byte arrays written as hex digits
 * straight into the buffer. No chars are written only to be encoded again by a Writer: for a dump
 * that is mostly hex, that encoding was a third of the writing. The caller writes structure
 * ({@code '{'}, field names) with {@link #raw}.
 *
 * <p>A lone UTF-16 surrogate (never produced by the hive reader, which decodes bad code units as
 * U+FFFD) is written as a {@code \\uXXXX} escape: valid JSON, unlike the raw surrogate, and
 * lossless, unlike the {@code ?} a UTF-8 Writer would put there.
 */
final class JsonLine {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Both hex digits of each byte value, at 2 * value: one lookup per byte instead of two shifts and masks. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        for (int b = 0; b < 256; b++) {
            HEX_PAIRS[2 * b] = HEX[b >> 4];
            HEX_PAIRS[2 * b + 1] = HEX[b & 0xF];
        }
    }

    private final OutputStream out;
    /**
     * The buffer's size: larger than the 64 KB buffer of the file streams under it (AtomicFile), so that each
     * flush passes through theirs without being copied into it.
     */
    static final int BUFFER_BYTES = 1 << 17;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    /** Buffer flushes so far, and where the last {@link #hex} string lies in the buffer (if still there). */
    private long flushes;
    private byte[] lastHexData;
    private long lastHexFlushes = -1;
    private int lastHexStart;
    private int lastHexEnd;

    /**
     * Whether a JSON string holds {@code c} as an escape: every control character, C0, DEL and C1 (U+009B is
     * a whole CSI, U+0085 a line end), so that JSON on a terminal cannot act on it; Jackson alone escapes C0
     * only. Bidirectional controls and U+2028/U+2029 stay as they are: real hives hold U+200E in value data
     * (a date string in ReadyBoot's parameters), and JSON keeps it exact. The one rule of this writer and of
     * {@link JsonOut#FACTORY}; here rather than there, so that the dump's hot path does not load Jackson.
     */
    static boolean escaped(char c) {
        return Character.isISOControl(c); // C0, DEL and C1: U+0000-U+001F, U+007F-U+009F
    }

    JsonLine(OutputStream out) {
        this.out = out;
    }

    /** Onto a Writer (tests, library callers with a Writer): the bytes are decoded back to chars on the way. */
    JsonLine(Writer out) {
        this(decoding(out));
    }

    private static OutputStream decoding(Writer out) {
        try {
            return WriterOutputStream.builder().setWriter(out).setCharset(StandardCharsets.UTF_8)
                    .setWriteImmediately(false).get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // not thrown: nothing is opened
        }
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

    /** Text written as it is (UTF-8, no escaping): structure, numbers, timestamps. */
    JsonLine raw(String s) throws IOException {
        int n = s.length();
        room(Math.min(n, buf.length));
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (pos == buf.length) {
                    flushBuffer();
                }
                buf[pos++] = (byte) c;
            } else {
                i = encode(s, i);
            }
        }
        return this;
    }

    JsonLine raw(char c) throws IOException {
        if (c >= 0x80) {
            return raw(String.valueOf(c));
        }
        room(1);
        buf[pos++] = (byte) c;
        return this;
    }

    /** Decimal digits straight into the buffer (a dump writes several numbers per value; no String each). */
    JsonLine number(long v) throws IOException {
        if (v >= 0) {
            return digits(v);
        }
        if (v == Long.MIN_VALUE) {
            return raw(Long.toString(v));
        }
        room(1);
        buf[pos++] = '-';
        return digits(-v);
    }

    JsonLine unsigned(long v) throws IOException {
        return v >= 0 ? digits(v) : raw(Long.toUnsignedString(v));
    }

    private JsonLine digits(long v) throws IOException {
        int n = 1;
        for (long t = v; t >= 10; t /= 10) {
            n++;
        }
        room(n);
        for (int i = pos + n - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos += n;
        return this;
    }

    /** A FILETIME as {@link org.patchlens.hive.FileTime#iso} writes it (no quotes), straight into the buffer. */
    JsonLine fileTime(long fileTime) throws IOException {
        room(org.patchlens.hive.FileTime.ISO_LENGTH);
        int n = org.patchlens.hive.FileTime.iso(fileTime, buf, pos);
        if (n < 0) {
            return raw(org.patchlens.hive.FileTime.iso(fileTime)); // a year past 9999
        }
        pos += n;
        return this;
    }

    /** A JSON string, or null. */
    JsonLine string(String s) throws IOException {
        if (s == null) {
            return raw(NULL);
        }
        raw('"');
        int n = s.length();
        int i = 0;
        while (i < n) {
            // room for the worst case (six bytes per char) once per chunk, not per char; the position in a
            // local, so that the copying loop keeps it in a register
            room(6);
            byte[] b = buf;
            int p = pos;
            int end = Math.min(n, i + (b.length - p) / 6);
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { // DEL and above: below
                    b[p++] = (byte) c;
                    continue;
                }
                pos = p;
                if (c >= 0x80 && !escaped(c)) {
                    i = encode(s, i);
                } else {
                    buf[pos++] = '\\';
                    switch (c) {
                        case '"' -> buf[pos++] = '"';
                        case '\\' -> buf[pos++] = '\\';
                        case '\b' -> buf[pos++] = 'b';
                        case '\t' -> buf[pos++] = 't';
                        case '\f' -> buf[pos++] = 'f';
                        case '\n' -> buf[pos++] = 'n';
                        case '\r' -> buf[pos++] = 'r';
                        default -> unicodeEscape(c);
                    }
                }
                p = pos;
            }
            pos = p;
        }
        return raw('"');
    }

    /** ASCII text as bytes once, for {@link #raw(byte[])}: the structure a writer repeats on every line. */
    static byte[] ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                throw new IllegalArgumentException("not ASCII: " + s);
            }
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] NULL = ascii("null");

    /** {@code s} as {@link #string} writes it (quoted, escaped, UTF-8), for {@link #raw(byte[])} on every line. */
    static byte[] encoded(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try {
            new JsonLine(b).string(s).flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // not thrown: a ByteArrayOutputStream
        }
        return b.toByteArray();
    }

    /** The parts one after the other. */
    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Bytes made by {@link #ascii} or {@link #encoded}, written as they are. */
    JsonLine raw(byte[] ascii) throws IOException {
        int n = ascii.length;
        if (pos + n > buf.length) {
            flushBuffer();
            if (n > buf.length) {
                out.write(ascii);
                return this;
            }
        }
        System.arraycopy(ascii, 0, buf, pos, n);
        pos += n;
        return this;
    }

    /**
     * The non-ASCII char at {@code i} (with its low surrogate, when it starts a pair) as UTF-8; at
     * most six bytes, which the caller has room for. Returns the index of the last char used.
     */
    private int encode(String s, int i) throws IOException {
        room(6);
        char c = s.charAt(i);
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | c >> 6);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            buf[pos++] = (byte) (0xF0 | cp >> 18);
            buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | cp & 0x3F);
            return i + 1;
        } else if (Character.isSurrogate(c)) {
            buf[pos++] = '\\';
            unicodeEscape(c);
        } else {
            buf[pos++] = (byte) (0xE0 | c >> 12);
            buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[pos++] = (byte) (0x80 | c & 0x3F);
        }
        return i;
    }

    /** {@code uXXXX} (the backslash is written by the caller); upper-case digits as Jackson writes them. */
    private void unicodeEscape(char c) {
        buf[pos++] = 'u';
        buf[pos++] = HEX_UPPER[c >> 12 & 0xF];
        buf[pos++] = HEX_UPPER[c >> 8 & 0xF];
        buf[pos++] = HEX_UPPER[c >> 4 & 0xF];
        buf[pos++] = HEX_UPPER[c & 0xF];
    }

    /** The bytes as a JSON string of lower-case hex. */
    JsonLine hex(byte[] data) throws IOException {
        raw('"');
        long before = flushes;
        int start = pos;
        int i = 0;
        while (i < data.length) {
            room(2);
            byte[] b = buf;
            int p = pos;
            int n = Math.min(data.length - i, (b.length - p) / 2);
            for (int end = i + n; i < end; i++) {
                int x = (data[i] & 0xFF) << 1;
                b[p++] = HEX_PAIRS[x];
                b[p++] = HEX_PAIRS[x + 1];
            }
            pos = p;
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
