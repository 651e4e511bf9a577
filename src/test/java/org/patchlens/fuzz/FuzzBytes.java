package org.patchlens.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fuzz input read as a sequence of small choices, front to back (past the end every read gives 0).
 * The targets that take {@code byte[]} instead of a {@code FuzzedDataProvider} use it, so that their
 * seeds can be written by {@link Seed} with the same encoding and run in {@code mvn verify}.
 */
final class FuzzBytes {
    private final byte[] b;
    private int pos;

    FuzzBytes(byte[] b) {
        this.b = b;
    }

    boolean more() {
        return pos < b.length;
    }

    int u8() {
        return pos < b.length ? b[pos++] & 0xFF : 0;
    }

    boolean bool() {
        return (u8() & 1) != 0;
    }

    /** One of {@code n} choices (n at most 256); always one byte, so that an input's meaning does not shift. */
    int pick(int n) {
        int v = u8();
        return n <= 1 ? 0 : v % n;
    }

    int u16() {
        return u8() | u8() << 8;
    }

    int u32() {
        return u16() | u16() << 16;
    }

    /** A position below {@code n} (n > 0). */
    int below(int n) {
        return (int) (Integer.toUnsignedLong(u32()) % n);
    }

    /** A length-prefixed (u16) run of bytes, at most {@code max}. */
    byte[] bytes(int max) {
        int n = Math.min(Math.min(u16(), max), b.length - pos);
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    /** A length-prefixed run of bytes read as UTF-8 (malformed sequences become U+FFFD). */
    String text(int max) {
        return new String(bytes(max), StandardCharsets.UTF_8);
    }

    /** Writes inputs for {@link FuzzBytes} (the regression seeds). */
    static final class Seed {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Seed u8(int... v) {
            for (int x : v) {
                out.write(x);
            }
            return this;
        }

        Seed u16(int v) {
            return u8(v & 0xFF, (v >>> 8) & 0xFF);
        }

        Seed u32(long v) {
            return u16((int) v & 0xFFFF).u16((int) (v >>> 16) & 0xFFFF);
        }

        Seed bytes(byte[] v) {
            u16(v.length);
            out.writeBytes(v);
            return this;
        }

        Seed text(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] build() {
            return out.toByteArray();
        }
    }
}
