package org.patchlens.hive;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Writes transaction logs for tests, the way Windows lays them out (regf-format.md 7.2 and
 * 8.1-8.2): old-format logs (base block copy, "DIRT", dirty bitmap, 512-byte pages from
 * {@code align_up(516 + bitmap, 512)}) and new-format logs (base block copy with file type 6,
 * then "HvLE" entries with Marvin32 hashes, each padded to end on a 4096-byte boundary).
 */
final class LogBuilder {
    private LogBuilder() {
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    static long binsSize(byte[] hive) {
        return le(hive).getInt(40) & 0xFFFFFFFFL;
    }

    /** A 512-byte base block copy of {@code hive}: the given file type, both sequence numbers {@code seq}, checksum. */
    static byte[] header(byte[] hive, int fileType, long seq) {
        byte[] h = Arrays.copyOf(hive, 512);
        ByteBuffer b = le(h);
        b.putInt(4, (int) seq);
        b.putInt(8, (int) seq);
        b.putInt(28, fileType);
        b.putInt(508, (int) HiveBuilder.checksumOf(h));
        return h;
    }

    /** The 512-byte pages of the bins data where {@code before} and {@code after} differ (or {@code before} ends). */
    static BitSet dirtySectors(byte[] before, byte[] after) {
        BitSet d = new BitSet();
        long n = binsSize(after) / 512;
        for (int i = 0; i < n; i++) {
            int from = 4096 + 512 * i;
            if (from + 512 > before.length || !Arrays.equals(before, from, from + 512, after, from, from + 512)) {
                d.set(i);
            }
        }
        return d;
    }

    /** Where an old-format log's pages start for this hive bins data size: align_up(516 + size/4096, 512). */
    static int pageStart(long binsSize) {
        long unaligned = 512 + 4 + binsSize / 4096;
        return (int) ((unaligned + 511) / 512 * 512);
    }

    /**
     * An old-format log that takes {@code before} to {@code after}: header copied from
     * {@code after}, the dirty sectors, their pages from {@code after}. {@code pagesAt} places
     * the pages (use {@link #pageStart}; tests pass 1024 to build what a buggy writer would).
     */
    static byte[] oldLog(byte[] after, BitSet dirty, int fileType, long seq, int pagesAt) {
        long bins = binsSize(after);
        int bitmap = (int) (bins / 4096);
        int pages = dirty.cardinality();
        byte[] log = new byte[Math.max(pagesAt, 516 + bitmap) + 512 * pages];
        System.arraycopy(header(after, fileType, seq), 0, log, 0, 512);
        log[512] = 'D';
        log[513] = 'I';
        log[514] = 'R';
        log[515] = 'T';
        int k = 0;
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
            log[516 + i / 8] |= (byte) (1 << (i % 8));
            System.arraycopy(after, 4096 + 512 * i, log, pagesAt + 512 * k, 512);
            k++;
        }
        return log;
    }

    /** Runs of 4096-byte pages of the bins data where {@code before} and {@code after} differ: {offset, size}. */
    static List<long[]> dirtyPages(byte[] before, byte[] after) {
        List<long[]> out = new ArrayList<>();
        long n = binsSize(after) / 4096;
        long runStart = -1;
        for (long i = 0; i <= n; i++) {
            boolean dirty = false;
            if (i < n) {
                int from = (int) (4096 + 4096 * i);
                dirty = from + 4096 > before.length || !Arrays.equals(before, from, from + 4096, after, from, from + 4096);
            }
            if (dirty && runStart < 0) {
                runStart = i;
            } else if (!dirty && runStart >= 0) {
                out.add(new long[] {4096 * runStart, 4096 * (i - runStart)});
                runStart = -1;
            }
        }
        return out;
    }

    /** A new-format log under construction. */
    static final class NewLog {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Integer> offsets = new ArrayList<>();

        /** Header: a copy of {@code hive}'s base block, file type 6, sequence numbers {@code seq}. */
        NewLog(byte[] hive, long seq) {
            out.writeBytes(header(hive, 6, seq));
        }

        /** Appends an entry with these pages (taken from {@code after}), padded to end on a 4096-byte boundary. */
        NewLog entry(byte[] after, long seq, List<long[]> pages, int flags) {
            return entry(after, seq, binsSize(after), pages, flags);
        }

        NewLog entry(byte[] after, long seq, long bins, List<long[]> pages, int flags) {
            int pos = out.size();
            long data = 0;
            for (long[] p : pages) {
                data += p[1];
            }
            int used = (int) (40 + 8L * pages.size() + data);
            int end = (pos + used + 4095) / 4096 * 4096;
            byte[] e = new byte[end - pos];
            ByteBuffer b = le(e);
            b.putInt(0, 0x454C7648);
            b.putInt(4, e.length);
            b.putInt(8, flags);
            b.putInt(12, (int) seq);
            b.putInt(16, (int) bins);
            b.putInt(20, pages.size());
            int at = 40 + 8 * pages.size();
            for (int i = 0; i < pages.size(); i++) {
                long[] p = pages.get(i);
                b.putInt(40 + 8 * i, (int) p[0]);
                b.putInt(44 + 8 * i, (int) p[1]);
                if (after != null) {
                    System.arraycopy(after, (int) (4096 + p[0]), e, at, (int) p[1]);
                }
                at += (int) p[1];
            }
            b.putLong(24, Marvin32.hash(b, 40, e.length - 40, Marvin32.REGISTRY_SEED));
            b.putLong(32, Marvin32.hash(b, 0, 32, Marvin32.REGISTRY_SEED));
            offsets.add(pos);
            out.writeBytes(e);
            return this;
        }

        /** Appends raw bytes (garbage, zeros). */
        NewLog raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        /** File offsets of the entries, in order. */
        List<Integer> offsets() {
            return List.copyOf(offsets);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
