package org.patchlens.ese;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.patchlens.format.EseCommon;

/**
 * The mapped header bytes of one file (at most the first 64 KiB): Kaitai substreams over them, the
 * detection fields of a header copy ({@link EseCommon.HeaderStart}), the XOR header checksum, and the
 * page-size probes that find the copy that verifies. Layout is read only through the Kaitai types;
 * what is computed here (checksums, zero and equality tests) is arithmetic over the bytes.
 */
final class HeaderBytes {
    static final long SEED = 0x89ABCDEFL;
    static final int[] PAGE_SIZES = {2048, 4096, 8192, 16384, 32768};
    /** The smallest database page, so the shortest header any ESE file has. */
    static final int SMALLEST_PAGE = PAGE_SIZES[0];

    private final ByteBuffer buf;
    /** Bytes mapped (the file size, capped at 64 KiB). */
    final int avail;
    private final EseCommon.HeaderStart start;

    HeaderBytes(ByteBuffer mapped) {
        this.buf = mapped.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.avail = buf.capacity();
        this.start = startAt(0);
    }

    /** The detection fields at offset 0. */
    EseCommon.HeaderStart start() {
        return start;
    }

    /** The detection fields of the copy at {@code off} (at most {@link #avail}); a field past the bytes is null. */
    EseCommon.HeaderStart startAt(long off) {
        return new EseCommon.HeaderStart(stream(off, avail - (int) off));
    }

    /** A little-endian Kaitai stream over {@code len} bytes from {@code off}. */
    ByteBufferKaitaiStream stream(long off, int len) {
        return new ByteBufferKaitaiStream(buf.slice((int) off, len).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** True when {@code value} is present and equals {@code expected}. */
    static boolean is(Long value, long expected) {
        return value != null && value == expected;
    }

    // ------------------------------------------------------------------ checksums and comparisons

    /** 0x89ABCDEF XOR every u32 at {@code off + 4 .. off + len - 4}. */
    long xor(long off, int len) {
        return checksum(buf, (int) off, len);
    }

    static long checksum(ByteBuffer b, int off, int len) {
        int c = (int) SEED;
        for (int i = 4; i + 4 <= len; i += 4) {
            c ^= b.getInt(off + i);
        }
        return Integer.toUnsignedLong(c);
    }

    /** True when the copy at {@code off} holds {@code len} bytes whose stored checksum verifies. */
    boolean verifies(long off, int len) {
        return off + len <= avail && is(startAt(off).checksum(), xor(off, len));
    }

    boolean allZero(long off, int len) {
        for (int i = 0; i < len; i++) {
            if (buf.get((int) off + i) != 0) {
                return false;
            }
        }
        return true;
    }

    boolean equalRanges(long a, long b, int len) {
        return buf.slice((int) a, len).equals(buf.slice((int) b, len));
    }

    /** Offsets 0..len-1 where the copy at 0 and the copy at {@code len} differ. */
    List<Integer> differingOffsets(int len) {
        List<Integer> offs = new ArrayList<>();
        for (int i = 0; i < len; i++) {
            if (buf.get(i) != buf.get(len + i)) {
                offs.add(i);
            }
        }
        return offs;
    }

    // ------------------------------------------------------------------ page-size probes

    /** Offset (= page size) of a verifying shadow database header with the magic, or -1. */
    int shadowDatabasePage() {
        for (int c : PAGE_SIZES) {
            if (2L * c > avail) {
                break;
            }
            if (is(startAt(c).dbMagic(), DatabaseHeader.MAGIC) && probeDatabasePage(c) == c) {
                return c;
            }
        }
        return -1;
    }

    /** Page size a database copy at {@code base} verifies with (its checksum and its cbPageSize agree), or -1. */
    int probeDatabasePage(long base) {
        for (int c : PAGE_SIZES) {
            if (base + c > avail) {
                break;
            }
            EseCommon.HeaderStart copy = startAt(base);
            long raw = copy.dbPageSizeRaw();
            long declared = raw == 0 ? 4096 : raw;
            if (declared == c && is(copy.checksum(), xor(base, c))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The page size of a patch header page that a second copy confirms: the smallest whose checksum verifies and
     * whose next page is an identical copy, the file holding both; else -1. A checksum that matches over some
     * length alone confirms nothing: a PATCHHDR page is zero after its 148 bytes, so its checksum matches over every
     * length from 2048 to its own page size, and over any of them in a file cut inside the page.
     */
    int patchPageSize() {
        for (int c : PAGE_SIZES) {
            if (2L * c > avail) {
                break;
            }
            if (is(start.checksum(), xor(0, c)) && !allZero(0, 8) && equalRanges(0, c, c)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The page size of a patch header page's shadow copy that verifies (the smallest), or -1: the copy at that offset
     * holds that many bytes, its checksum verifies over them, it does not begin with zeros and its page number (at 4)
     * is 0. The primary may be damaged; a shadow's checksum that verifies over the whole page is what tells the page.
     */
    int shadowPatchPage() {
        for (int c : PAGE_SIZES) {
            if (2L * c > avail) {
                break;
            }
            if (is(startAt(c).checksum(), xor(c, c)) && !allZero(c, 8) && is(startAt(c).dbMagic(), 0)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * A mark of a patch header page, for telling the kind of file (never a verification): the first page's
     * checksum matches over some page size the file holds, and the page does not begin with zeros.
     */
    boolean patchPageChecksumMatches() {
        for (int c : PAGE_SIZES) {
            if (c > avail) {
                break;
            }
            if (is(start.checksum(), xor(0, c)) && !allZero(0, 8)) {
                return true;
            }
        }
        return false;
    }
}
