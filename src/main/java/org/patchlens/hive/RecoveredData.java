package org.patchlens.hive;

import java.util.List;
import org.patchlens.format.Regf;

/**
 * The data of a recovered value record ({@link DeletedRecords}): as much of it as is still there, and a verdict
 * on it. Its cell may be free and whole ({@code intact}), inside a free cell that has been merged with others
 * ({@code in-coalesced-free-cell}), cut short ({@code truncated}), in use again ({@code reallocated}: the bytes
 * are someone else's), or gone ({@code unavailable}); big data is followed through its segment list.
 */
final class RecoveredData {
    /** The bytes recovered and their verdict. */
    record Data(byte[] bytes, String status) {
    }

    private final DeletedScan scan;
    private final CellIndex idx;
    private final long limit;

    RecoveredData(DeletedScan scan) {
        this.scan = scan;
        this.idx = scan.hive().index();
        this.limit = scan.limit();
    }

    /** The data at cell offset {@code off}, {@code size} bytes long, as far as it is still there. */
    Data of(long off, long size) {
        if (scan.referenced(off)) {
            return new Data(scan.read(off + 4, Math.min(size, scan.allocatedLen(off))), DeletedRecords.REALLOCATED);
        }
        if (idx.isCellStart(off)) {
            int cs = scan.cellSize(off);
            long len = Math.abs((long) cs) - 4;
            if (cs < 0) {
                return new Data(scan.read(off + 4, Math.min(size, len)), DeletedRecords.REALLOCATED);
            }
            boolean windows = scan.windowsBigData(size);
            Regf.BigData db = windows || size > len ? scan.bigData(off, len) : null;
            if (db != null) {
                return bigData(db, size, windows);
            }
            return len >= size ? new Data(scan.read(off + 4, size), "intact")
                    : new Data(scan.read(off + 4, len), "truncated");
        }
        long c = idx.previousCellStart(off);
        if (c >= 0 && off < limit) {
            int cs = scan.cellSize(c);
            long end = c + Math.abs((long) cs);
            if (off + 4 < end) {
                if (cs < 0) {
                    return new Data(new byte[0], DeletedRecords.REALLOCATED);
                }
                long avail = end - (off + 4);
                return avail >= size ? new Data(scan.read(off + 4, size), "in-coalesced-free-cell")
                        : new Data(scan.read(off + 4, avail), "truncated");
            }
        }
        return new Data(new byte[0], "unavailable");
    }

    /**
     * Big data in free cells: its segment list and segments, each still free, give min(16344, left) bytes,
     * or for a record Windows would not read (not {@code windows}) their cell size minus 8, as the live walk.
     */
    private Data bigData(Regf.BigData db, long size, boolean windows) {
        long list = db.segmentListOffset();
        if (!idx.isCellStart(list)) {
            return new Data(new byte[0], "unavailable");
        }
        if (scan.cellSize(list) < 0) {
            return new Data(new byte[0], DeletedRecords.REALLOCATED);
        }
        long listLen = scan.cellSize(list) - 4L;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long left = size;
        List<Long> segs = new Regf.OffsetList(scan.stream(list + 4, listLen), Math.min(db.numSegments(), listLen / 4))
                .offsets();
        for (int i = 0; i < segs.size() && left > 0; i++) {
            long seg = segs.get(i);
            if (!idx.isCellStart(seg)) {
                return new Data(out.toByteArray(), "truncated");
            }
            if (scan.cellSize(seg) < 0) {
                return new Data(out.toByteArray(), DeletedRecords.REALLOCATED);
            }
            long take = Math.min(DeletedScan.segmentPayload(windows, scan.cellSize(seg) - 4L),
                    Math.min(left, scan.cellSize(seg) - 4L));
            out.writeBytes(scan.read(seg + 4, take));
            left -= take;
        }
        return new Data(out.toByteArray(), left == 0 ? "intact" : "truncated");
    }
}
