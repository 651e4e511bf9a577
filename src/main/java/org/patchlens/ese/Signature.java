package org.patchlens.ese;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * An ESE SIGNATURE (28 bytes): random number, creation time and computer name. Two
 * signatures are the same exactly when their 28 stored bytes are equal, which is what
 * {@link #sameAs} compares (the record's own equals does too, via {@code rawHex}, and also compares
 * the name as a text dump printed it, which may be longer than the field).
 *
 * @param random       ulRandom
 * @param created      logtimeCreate
 * @param computerName szComputerName up to its first NUL (ANSI read as Latin-1); from a text dump, the name
 *                     as printed, even past the 16 bytes of the field
 * @param rawHex       the 28 bytes in lower-case hex
 */
public record Signature(long random, LogTime created, String computerName, String rawHex) {
    public static final int SIZE = 28;

    public static Signature of(byte[] b, int off) {
        long random = (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16
                | (b[off + 3] & 0xFFL) << 24;
        int end = off + 12;
        while (end < off + 28 && b[end] != 0) {
            end++;
        }
        String name = new String(b, off + 12, end - off - 12, StandardCharsets.ISO_8859_1);
        return new Signature(random, LogTime.of(b, off + 4), name, HexFormat.of().formatHex(b, off, off + SIZE));
    }

    /** Bytes of szComputerName: a NetBIOS name (at most 15) and its NUL, or 16 bytes of name without one. */
    public static final int COMPUTER_NAME_FIELD = 16;

    /**
     * Rebuilt from text (eseutil): the raw bytes are what the printed fields imply. A name longer than the
     * field is kept as printed (the text is evidence); the bytes, and so {@link #sameAs}, hold its first 16.
     */
    public static Signature of(long random, LogTime created, String computerName) {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (random >>> (8 * i));
        }
        System.arraycopy(created.bytes(), 0, b, 4, 8);
        byte[] n = computerName.getBytes(StandardCharsets.ISO_8859_1);
        int len = 0;
        while (len < n.length && n[len] != 0) {
            len++;
        }
        System.arraycopy(n, 0, b, 12, Math.min(COMPUTER_NAME_FIELD, len));
        Signature s = of(b, 0);
        return len <= COMPUTER_NAME_FIELD ? s
                : new Signature(s.random(), s.created(), new String(n, 0, len, StandardCharsets.ISO_8859_1), s.rawHex());
    }

    public boolean sameAs(Signature o) {
        return o != null && rawHex.equals(o.rawHex);
    }

    /** All 28 bytes zero (no signature recorded). */
    public boolean isZero() {
        return rawHex.chars().allMatch(c -> c == '0');
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(rawHex);
    }

    /** {@code random=0x87C3F09E created=2022-08-19 11:46:32.636 UTC raw=... computer=""}. */
    @Override
    public String toString() {
        return String.format("random=0x%08X created=%s computer=\"%s\"", random, created, computerName);
    }

    /** As eseutil prints it: {@code Create time:08/19/2022 11:46:32.636 Rand:2277765278 Computer:}. */
    public String eseutil() {
        return String.format("Create time:%02d/%02d/%04d %02d:%02d:%02d.%03d Rand:%d Computer:%s", created.month(),
                created.day(), created.year(), created.hours(), created.minutes(), created.seconds(),
                created.milliseconds(), random, computerName);
    }
}
