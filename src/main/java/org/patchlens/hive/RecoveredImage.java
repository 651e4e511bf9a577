package org.patchlens.hive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.patchlens.format.Regf;

/**
 * The hive being rebuilt by a replay: a growable copy of the primary file that log pages are
 * written into, then given its new base block ({@link #finish}). The evidence is never written:
 * this is a new byte array. It grows only as far as the pages written reach, and the replays
 * check that before writing (a page may not reach further past the end than the bytes it carries).
 */
final class RecoveredImage {
    private byte[] a;
    private long len;

    RecoveredImage(ByteBuffer primary) {
        len = primary.limit();
        a = new byte[(int) len];
        primary.get(0, a, 0, (int) len);
    }

    /** Bytes of the image so far. */
    long length() {
        return len;
    }

    /** Writes {@code n} bytes of {@code src} from {@code from} at file offset {@code pos}, growing the image. */
    void write(long pos, ByteBuffer src, long from, long n) {
        long end = pos + n;
        if (end > a.length) {
            a = Arrays.copyOf(a, (int) Math.min(TransactionLog.MAX_IMAGE, Math.max(end, a.length + (a.length >> 3))));
        }
        src.get((int) from, a, (int) pos, (int) n);
        len = Math.max(len, end);
    }

    /**
     * The recovered hive (regf-format.md 7.4, 8.5): the base block from {@code src} ({@code srcLen}
     * bytes: the primary's 4096 or a log's 512, zero-padded), with file type 0, both sequence
     * numbers {@code seq}, the hive bins data size, {@code flags} and the checksum recomputed; cut
     * at 4096 + bins size. What is missing, and the first bin that is invalid after replay, go to
     * {@code notes}.
     */
    byte[] finish(ByteBuffer src, int srcLen, long seq, long binsSize, long flags, List<String> notes) {
        long want = 4096 + binsSize;
        int n = (int) Math.min(len, want);
        byte[] out = n == a.length ? a : Arrays.copyOf(a, n);
        ByteBuffer o = rebase(out, src, srcLen, seq, binsSize, flags);
        if (n < want) {
            notes.add("the recovered hive bins data size is " + binsSize + " bytes but only " + (n - 4096)
                    + " exist (neither the primary file nor the logs hold the rest)");
        }
        checkBins(o, Math.min(binsSize, n - 4096L), notes);
        return out;
    }

    /**
     * The hive as it stands now, as {@link #finish} would make it if the replay stopped here: a new
     * array (the image goes on being written), for the history of the replay ({@link LogHistory}).
     */
    byte[] snapshot(ByteBuffer src, int srcLen, long seq, long binsSize, long flags) {
        byte[] out = Arrays.copyOf(a, (int) Math.min(len, 4096 + binsSize));
        rebase(out, src, srcLen, seq, binsSize, flags);
        return out;
    }

    /** The base block of {@code out}: {@code srcLen} bytes of {@code src}, zero-padded, with the replay's fields. */
    private static ByteBuffer rebase(byte[] out, ByteBuffer src, int srcLen, long seq, long binsSize, long flags) {
        Arrays.fill(out, 0, 4096, (byte) 0);
        src.get(0, out, 0, srcLen);
        ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        o.putInt(HiveHeader.PRIMARY_SEQUENCE_AT, (int) seq);
        o.putInt(HiveHeader.SECONDARY_SEQUENCE_AT, (int) seq);
        o.putInt(HiveHeader.FILE_TYPE_AT, 0);
        o.putInt(HiveHeader.HIVE_BINS_DATA_SIZE_AT, (int) binsSize);
        o.putInt(HiveHeader.FLAGS_AT, (int) flags);
        o.putInt(HiveHeader.CHECKSUM_AT, (int) HiveHeader.checksum(o, 0));
        return o;
    }

    /** Walks the bins of the recovered image (their {@code hbin_header}s) and notes the first invalid one. */
    private static void checkBins(ByteBuffer o, long limit, List<String> notes) {
        long pos = 0;
        while (pos + 32 <= limit) {
            Regf.HbinHeader bin = new Regf.HbinHeader(BoundedStream.of(o, 4096 + pos, 32));
            long size = bin.size();
            String bad = null;
            if (!Arrays.equals(bin.signature(), Hive.HBIN)) {
                bad = "no hbin signature";
            } else if (bin.offset() != pos) {
                bad = "its offset field is 0x" + Long.toHexString(bin.offset());
            } else if (size < 4096 || size % 4096 != 0 || pos + size > limit) {
                bad = "its size " + size + " is invalid";
            }
            if (bad != null) {
                notes.add(String.format("after replay, the hive bin at hive bins offset 0x%X (file offset 0x%X) is "
                        + "invalid: %s; Windows would replace it with an empty bin, the reader skips it", pos,
                        pos + 4096, bad));
                return;
            }
            pos += size;
        }
    }
}
