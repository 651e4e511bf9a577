package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Marvin32, Microsoft's keyed 64-bit hash, as used for the Hash-1 and Hash-2 fields of
 * new-format ("HvLE") transaction log entries (regf-format.md 8.4). All arithmetic is on
 * unsigned 32-bit words with wraparound.
 */
public final class Marvin32 {
    /** The seed of registry log entries; in memory order the bytes C5 55 4E 7A 88 4D EF 82. */
    public static final long REGISTRY_SEED = 0x82EF4D887A4E55C5L;

    private Marvin32() {
    }

    /** Marvin32 of {@code len} bytes of {@code buf} starting at absolute index {@code off}. */
    public static long hash(ByteBuffer buf, int off, int len, long seed) {
        ByteBuffer le = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p0 = (int) seed;
        int p1 = (int) (seed >>> 32);
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            p0 += le.getInt(off + i);
            p1 ^= p0;
            p0 = Integer.rotateLeft(p0, 20);
            p0 += p1;
            p1 = Integer.rotateLeft(p1, 9);
            p1 ^= p0;
            p0 = Integer.rotateLeft(p0, 27);
            p0 += p1;
            p1 = Integer.rotateLeft(p1, 19);
        }
        int r = len - i;
        int fin = switch (r) {
            case 0 -> 0x80;
            case 1 -> 0x8000 | (le.get(off + i) & 0xFF);
            case 2 -> 0x800000 | (le.get(off + i) & 0xFF) | (le.get(off + i + 1) & 0xFF) << 8;
            default -> 0x80000000 | (le.get(off + i) & 0xFF) | (le.get(off + i + 1) & 0xFF) << 8
                    | (le.get(off + i + 2) & 0xFF) << 16;
        };
        for (int round = 0; round < 2; round++) {
            p0 += round == 0 ? fin : 0;
            p1 ^= p0;
            p0 = Integer.rotateLeft(p0, 20);
            p0 += p1;
            p1 = Integer.rotateLeft(p1, 9);
            p1 ^= p0;
            p0 = Integer.rotateLeft(p0, 27);
            p0 += p1;
            p1 = Integer.rotateLeft(p1, 19);
        }
        return ((long) p1 << 32) | (p0 & 0xFFFFFFFFL);
    }

    public static long hash(byte[] b, long seed) {
        return hash(ByteBuffer.wrap(b), 0, b.length, seed);
    }

    /** With the registry seed. */
    public static long hash(byte[] b) {
        return hash(b, REGISTRY_SEED);
    }
}
