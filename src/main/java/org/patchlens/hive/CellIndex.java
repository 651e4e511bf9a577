package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.util.BitSet;
import org.patchlens.format.Regf;

/**
 * Where the cells are: one bit per 8-byte slot of the hive bins data, set where a cell
 * starts. Built by walking the bins by their size fields (never a fixed stride). A bad bin
 * is damage; the walk then looks for the next bin whose offset field equals its position
 * (4 KiB steps), so one bad bin costs only the cells inside it.
 */
final class CellIndex {
    private final BitSet starts;
    private final long limit;
    private final int cellCount;
    private final int binCount;
    private final long allocatedBytes;
    private final long freeBytes;

    private CellIndex(BitSet starts, long limit, int cellCount, int binCount, long allocatedBytes, long freeBytes) {
        this.starts = starts;
        this.limit = limit;
        this.cellCount = cellCount;
        this.binCount = binCount;
        this.allocatedBytes = allocatedBytes;
        this.freeBytes = freeBytes;
    }

    boolean isCellStart(long cellOffset) {
        return cellOffset >= 0 && cellOffset < limit && (cellOffset & 7) == 0 && starts.get((int) (cellOffset >>> 3));
    }

    int cellCount() {
        return cellCount;
    }

    int binCount() {
        return binCount;
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    long freeBytes() {
        return freeBytes;
    }

    /** Last cell start at or before {@code cellOffset}, or -1. */
    long previousCellStart(long cellOffset) {
        if (cellOffset < 0) {
            return -1;
        }
        int i = starts.previousSetBit((int) Math.min(Integer.MAX_VALUE, cellOffset >>> 3));
        return i < 0 ? -1 : (long) i << 3;
    }

    /** Bytes of hive bins data the index covers. */
    long limit() {
        return limit;
    }

    /** Next cell start at or after {@code cellOffset}, or -1. */
    long nextCellStart(long cellOffset) {
        int i = starts.nextSetBit((int) (cellOffset >>> 3));
        return i < 0 ? -1 : (long) i << 3;
    }

    static CellIndex build(Hive hive) {
        ByteBuffer buf = hive.buffer();
        long limit = hive.binsLimit();
        BitSet starts = new BitSet((int) (limit >>> 3) + 1);
        int cells = 0;
        int bins = 0;
        long allocated = 0;
        long free = 0;
        long pos = 0;
        while (pos + 32 <= limit) {
            long filePos = Hive.BASE_BLOCK_SIZE + pos;
            Regf.HbinHeader bin = new Regf.HbinHeader(hive.stream(filePos, 32));
            String problem = null;
            if (buf.getInt((int) filePos) != 0x6E696268) {
                problem = "hive bin signature is " + Hive.printable(bin.signature()) + ", expected \"hbin\"";
            } else if (bin.offset() != pos) {
                // the field is relative to the hive bins data, as stored; the expected value is this bin's place there
                problem = String.format("hive bin offset field is 0x%X, expected 0x%X (offsets relative to the hive "
                        + "bins data, which start at file offset 0x1000)", bin.offset(), pos);
            } else if (bin.size() < 4096 || bin.size() % 4096 != 0) {
                problem = "hive bin size " + bin.size() + " is not a positive multiple of 4096";
            } else if (pos + bin.size() > limit) {
                problem = String.format("hive bin of %d bytes runs past the end of the hive bins data at file offset "
                        + "0x%X (it would end at %s)", bin.size(), Hive.BASE_BLOCK_SIZE + limit,
                        hive.fileOffsetText(Hive.BASE_BLOCK_SIZE + pos + bin.size()));
            }
            if (problem != null) {
                long next = resync(buf, pos + 4096, limit);
                String skipped = next < 0 ? "; no valid bin follows" : String.format("; skipped to the next bin, at "
                        + "file offset 0x%X", Hive.BASE_BLOCK_SIZE + next);
                hive.addDamage(filePos, "", problem + skipped);
                if (next < 0) {
                    break;
                }
                pos = next;
                continue;
            }
            bins++;
            long end = pos + bin.size();
            long c = pos + 32;
            while (c + 4 <= end) {
                int size = buf.getInt((int) (Hive.BASE_BLOCK_SIZE + c));
                long len = size < 0 ? -(long) size : size;
                if (len < 8 || (len & 7) != 0 || c + len > end) {
                    hive.addDamage(Hive.BASE_BLOCK_SIZE + c, "", "cell size " + size
                            + " is invalid; the rest of this hive bin is not read");
                    break;
                }
                starts.set((int) (c >>> 3));
                cells++;
                if (size < 0) {
                    allocated += len;
                } else {
                    free += len;
                }
                c += len;
            }
            pos = end;
        }
        return new CellIndex(starts, limit, cells, bins, allocated, free);
    }

    private static long resync(ByteBuffer buf, long from, long limit) {
        for (long p = from; p + 32 <= limit; p += 4096) {
            int filePos = (int) (Hive.BASE_BLOCK_SIZE + p);
            if (buf.getInt(filePos) == 0x6E696268 && (buf.getInt(filePos + 4) & 0xFFFFFFFFL) == p) {
                return p;
            }
        }
        return -1;
    }
}
