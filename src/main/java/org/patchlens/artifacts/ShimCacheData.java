package org.patchlens.artifacts;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.patchlens.format.AppCompatCache;

/**
 * The AppCompatCache value's data (ShimCache), every format from Windows XP to 11, read through the types of
 * {@code kaitai/artifacts/app_compat_cache.ksy}: the format told by the signature, then each entry. Takes any
 * bytes: every count, size and offset is checked against the data before it is used, and what does not add up is
 * a problem naming the byte of the data it is at (the plugin adds the value's file offset); never throws. The
 * loops are bounded by the data's length (each entry takes at least 12 bytes).
 */
public final class ShimCacheData {
    private ShimCacheData() {
    }

    /** CSRSS sets this insert flag when it created a process from the file. */
    static final long EXECUTED_FLAG = 0x2;

    static final long XP = 0xDEADBEEFL;
    static final long NT5 = 0xBADC0FFEL;
    static final long NT6 = 0xBADC0FEEL;
    private static final int XP_HEADER = 400;
    private static final int XP_ENTRY = 552;
    private static final int NT6_HEADER = 128;

    /**
     * One cached file: its position (0 = the most recently inserted, in the order the data lists them), the byte of
     * the data its record starts at, and what the format holds (null where it has no such field).
     */
    public record CacheEntry(int position, int at, String path, Long lastModified, Long fileSize, Long lastUpdate,
                             Long insertFlags, Long shimFlags, String executed, Long dataSize, List<String> problems) {
        public CacheEntry {
            problems = List.copyOf(problems);
        }
    }

    /** The format as read ("unknown" with the signature when none fits), its entries, and the cache's own problems. */
    public record Cache(String format, long signature, List<CacheEntry> entries, List<String> problems) {
        public Cache {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    public static Cache parse(byte[] data) {
        if (data.length < 4) {
            return new Cache("unknown", 0, List.of(), List.of(data.length + " bytes, too short for a signature"));
        }
        long sig = u4(data, 0);
        if (sig == XP) {
            return xp(data);
        }
        if (sig == NT5) {
            return nt5(data);
        }
        if (sig == NT6) {
            return nt6(data);
        }
        if (data.length >= NT6_HEADER + 4 && ascii(data, NT6_HEADER).equals("00ts")) {
            return ts(data, sig, NT6_HEADER, "00ts", "Windows 8.0 / Server 2012", false);
        }
        if (data.length >= NT6_HEADER + 4 && ascii(data, NT6_HEADER).equals("10ts")) {
            return ts(data, sig, NT6_HEADER, "10ts", "Windows 8.1 / Server 2012 R2", false);
        }
        if ((sig == 0x30 || sig == 0x34) && data.length >= 44) {
            return ts(data, sig, (int) sig, "10ts", sig == 0x30 ? "Windows 10 (header 0x30)"
                    : "Windows 10 1703 and later / 11 (header 0x34)", true);
        }
        String head = HexFormat.of().formatHex(data, 0, Math.min(16, data.length));
        return new Cache("unknown", sig, List.of(), List.of(String.format(Locale.ROOT,
                "unknown signature 0x%08X (first bytes %s): no format from Windows XP to 11 begins so; not decoded",
                sig, head)));
    }

    // ------------------------------------------------------------------ Windows XP 32-bit

    private static Cache xp(byte[] data) {
        String format = "Windows XP 32-bit (0xDEADBEEF)";
        List<String> problems = new ArrayList<>();
        if (data.length < XP_HEADER) {
            return new Cache(format, XP, List.of(), List.of(data.length + " bytes, the XP header needs " + XP_HEADER));
        }
        AppCompatCache.XpHeader h = new AppCompatCache.XpHeader(stream(data, 0, XP_HEADER));
        long count = h.numEntries();
        if (count > 96) {
            problems.add("the header (byte 0x4) declares " + count + " entries; the XP cache holds at most 96");
        }
        int n = fit(count, data.length - XP_HEADER, XP_ENTRY, XP_HEADER, problems);
        List<CacheEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = XP_HEADER + i * XP_ENTRY;
            AppCompatCache.XpEntry e = new AppCompatCache.XpEntry(stream(data, at, XP_ENTRY));
            List<String> p = new ArrayList<>();
            byte[] raw = e.path();
            int end = 0;
            while (end + 1 < raw.length && (raw[end] != 0 || raw[end + 1] != 0)) {
                end += 2;
            }
            if (end + 1 >= raw.length) {
                p.add(entry(i, at) + ": the path has no NUL in its 528 bytes; read to the end");
            } else if (end == 0) {
                p.add(entry(i, at) + ": empty path");
            }
            String path = new String(raw, 0, Math.min(end, raw.length), StandardCharsets.UTF_16LE);
            out.add(new CacheEntry(i, at, path, e.lastModified(), e.fileSize(), e.lastUpdate(), null, null, null,
                    null, p));
        }
        return new Cache(format, XP, out, problems);
    }

    // ------------------------------------------------------------------ Server 2003, XP 64-bit, Vista, 2008

    private static Cache nt5(byte[] data) {
        List<String> problems = new ArrayList<>();
        if (data.length < 8) {
            return new Cache("0xBADC0FFE", NT5, List.of(), List.of(data.length + " bytes, the header needs 8"));
        }
        long count = new AppCompatCache.CountHeader(stream(data, 0, 8)).numEntries();
        boolean wide = wide(data, 8);
        int size = wide ? 32 : 24;
        int n = fit(count, data.length - 8, size, 8, problems);
        long[][] words = new long[n][];
        boolean sizes = false;
        for (int i = 0; i < n; i++) {
            int at = 8 + i * size;
            if (wide) {
                AppCompatCache.Nt5Entry64 e = new AppCompatCache.Nt5Entry64(stream(data, at, size));
                words[i] = new long[]{e.pathSize(), e.pathOffset(), e.lastModified(), e.word1(), e.word2()};
            } else {
                AppCompatCache.Nt5Entry32 e = new AppCompatCache.Nt5Entry32(stream(data, at, size));
                words[i] = new long[]{e.pathSize(), e.pathOffset(), e.lastModified(), e.word1(), e.word2()};
            }
            // Server 2003 keeps file sizes where Vista keeps flags; flags never go above 3 (Mandiant's test)
            sizes |= words[i][3] > 3;
        }
        String format = (sizes ? "Windows Server 2003 / XP 64-bit" : "Windows Vista / Server 2008")
                + " (0xBADC0FFE, " + (wide ? "64" : "32") + "-bit entries; " + (sizes
                ? "file sizes, inferred: a size word above 3)" : "insert flags, inferred: no word above 3)");
        List<CacheEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = 8 + i * size;
            List<String> p = new ArrayList<>();
            String path = path(data, words[i][1], words[i][0], entry(i, at), p);
            long w1 = words[i][3];
            long w2 = words[i][4];
            out.add(sizes
                    ? new CacheEntry(i, at, path, words[i][2], w1 | w2 << 32, null, null, null, null, null, p)
                    : new CacheEntry(i, at, path, words[i][2], null, null, w1, w2, executed(w1), null, p));
        }
        return new Cache(format, NT5, out, problems);
    }

    // ------------------------------------------------------------------ Windows 7, Server 2008 R2

    private static Cache nt6(byte[] data) {
        List<String> problems = new ArrayList<>();
        if (data.length < NT6_HEADER) {
            return new Cache("0xBADC0FEE", NT6, List.of(), List.of(data.length + " bytes, the header needs "
                    + NT6_HEADER));
        }
        long count = new AppCompatCache.CountHeader(stream(data, 0, 8)).numEntries();
        boolean wide = wide(data, NT6_HEADER);
        int size = wide ? 48 : 32;
        String format = "Windows 7 / Server 2008 R2 (0xBADC0FEE, " + (wide ? "64" : "32") + "-bit entries)";
        int n = fit(count, data.length - NT6_HEADER, size, NT6_HEADER, problems);
        List<CacheEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = NT6_HEADER + i * size;
            long pathSize;
            long pathOffset;
            long modified;
            long insert;
            long shim;
            long dataSize;
            long dataOffset;
            if (wide) {
                AppCompatCache.Nt6Entry64 e = new AppCompatCache.Nt6Entry64(stream(data, at, size));
                pathSize = e.pathSize();
                pathOffset = e.pathOffset();
                modified = e.lastModified();
                insert = e.insertFlags();
                shim = e.shimFlags();
                dataSize = e.dataSize();
                dataOffset = e.dataOffset();
            } else {
                AppCompatCache.Nt6Entry32 e = new AppCompatCache.Nt6Entry32(stream(data, at, size));
                pathSize = e.pathSize();
                pathOffset = e.pathOffset();
                modified = e.lastModified();
                insert = e.insertFlags();
                shim = e.shimFlags();
                dataSize = e.dataSize();
                dataOffset = e.dataOffset();
            }
            List<String> p = new ArrayList<>();
            String path = path(data, pathOffset, pathSize, entry(i, at), p);
            if (dataSize != 0 && !inside(dataOffset, dataSize, data.length)) {
                p.add(entry(i, at) + ": its data (" + Long.toUnsignedString(dataSize) + " bytes at 0x"
                        + Long.toHexString(dataOffset).toUpperCase(Locale.ROOT) + ") lies outside the value's "
                        + data.length + " bytes");
            }
            out.add(new CacheEntry(i, at, path, modified, null, null, insert, shim, executed(insert), dataSize, p));
        }
        return new Cache(format, NT6, out, problems);
    }

    // ------------------------------------------------------------------ Windows 8.0, 8.1, 10, 11

    private static Cache ts(byte[] data, long sig, int start, String tag, String format, boolean win10) {
        List<String> problems = new ArrayList<>();
        long declared = -1;
        if (win10) {
            AppCompatCache.Win10Header h = new AppCompatCache.Win10Header(stream(data, 0, 44));
            declared = start == 0x34 ? h.numEntries0x34() : h.numEntries0x30();
        }
        List<CacheEntry> out = new ArrayList<>();
        int pos = start;
        while (pos + 12 <= data.length) {
            AppCompatCache.TsEntryHead head = new AppCompatCache.TsEntryHead(stream(data, pos, 12));
            String found = new String(head.signature(), StandardCharsets.ISO_8859_1);
            if (!found.equals(tag)) {
                problems.add(entry(out.size(), pos) + ": signature " + HexFormat.of().formatHex(head.signature())
                        + " where \"" + tag + "\" was expected; the last " + (data.length - pos)
                        + " bytes are not read");
                break;
            }
            long size = head.entrySize();
            int body = pos + 12;
            if (size > data.length - body) {
                problems.add(entry(out.size(), pos) + ": entry size " + size + " runs past the value's end ("
                        + (data.length - body) + " bytes left); not read");
                break;
            }
            int end = body + (int) size;
            out.add(win10 ? win10Entry(data, out.size(), pos, body, end) : win8Entry(data, out.size(), pos, body, end));
            pos = end;
        }
        if (pos < data.length && problems.isEmpty()) {
            problems.add((data.length - pos) + " bytes after the last entry (byte 0x"
                    + Integer.toHexString(pos).toUpperCase(Locale.ROOT) + "), too few for an entry");
        }
        if (declared >= 0 && declared != out.size()) {
            problems.add("the header (byte 0x" + (start == 0x34 ? "28" : "24") + ") declares " + declared
                    + " entries; " + out.size() + " were read");
        }
        return new Cache(format + " (\"" + tag + "\" entries)", sig, out, problems);
    }

    private static CacheEntry win8Entry(byte[] data, int i, int at, int body, int end) {
        List<String> p = new ArrayList<>();
        int pos = body;
        String path = null;
        if (pos + 2 <= end) {
            int pathSize = u2(data, pos);
            pos += 2;
            if (pathSize > end - pos) {
                p.add(entry(i, at) + ": path size " + pathSize + " runs past the entry's end");
                return new CacheEntry(i, at, null, null, null, null, null, null, null, null, p);
            }
            path = utf16(data, pos, pathSize, entry(i, at), p);
            pos += pathSize;
        }
        if (pos + 2 <= end) {
            int packageSize = u2(data, pos);
            pos += 2;
            if (packageSize > end - pos) {
                p.add(entry(i, at) + ": package size " + packageSize + " runs past the entry's end");
                return new CacheEntry(i, at, path, null, null, null, null, null, null, null, p);
            }
            pos += packageSize;
        }
        if (pos + 20 > end) {
            p.add(entry(i, at) + ": " + (end - pos) + " bytes left in the entry where flags, time and data size "
                    + "need 20");
            return new CacheEntry(i, at, path, null, null, null, null, null, null, null, p);
        }
        AppCompatCache.Win8EntryTail t = new AppCompatCache.Win8EntryTail(stream(data, pos, 20));
        pos += 20;
        dataWithin(t.dataSize(), pos, end, i, at, p);
        return new CacheEntry(i, at, path, t.lastModified(), null, null, t.insertFlags(), t.shimFlags(),
                executed(t.insertFlags()), t.dataSize(), p);
    }

    private static CacheEntry win10Entry(byte[] data, int i, int at, int body, int end) {
        List<String> p = new ArrayList<>();
        if (body + 2 > end) {
            p.add(entry(i, at) + ": " + (end - body) + " bytes, too short for a path size");
            return new CacheEntry(i, at, null, null, null, null, null, null, null, null, p);
        }
        int pathSize = u2(data, body);
        int pos = body + 2;
        if (pathSize > end - pos) {
            p.add(entry(i, at) + ": path size " + pathSize + " runs past the entry's end");
            return new CacheEntry(i, at, null, null, null, null, null, null, null, null, p);
        }
        String path = utf16(data, pos, pathSize, entry(i, at), p);
        pos += pathSize;
        if (pos + 12 > end) {
            p.add(entry(i, at) + ": " + (end - pos) + " bytes left in the entry where time and data size need 12");
            return new CacheEntry(i, at, path, null, null, null, null, null, null, null, p);
        }
        AppCompatCache.Win10EntryTail t = new AppCompatCache.Win10EntryTail(stream(data, pos, 12));
        pos += 12;
        String executed = null;
        if (dataWithin(t.dataSize(), pos, end, i, at, p) && t.dataSize() >= 4) {
            // no documented flag: the last four bytes of the entry's data, 1 when it ran (Zimmerman's reading)
            executed = u4(data, pos + (int) t.dataSize() - 4) == 1 ? "yes (inferred)" : "no (inferred)";
        }
        return new CacheEntry(i, at, path, t.lastModified(), null, null, null, null, executed, t.dataSize(), p);
    }

    private static boolean dataWithin(long size, int pos, int end, int i, int at, List<String> p) {
        if (size > end - pos) {
            p.add(entry(i, at) + ": data size " + size + " runs past the entry's end (" + (end - pos) + " bytes left)");
            return false;
        }
        if (pos + size < end) {
            p.add(entry(i, at) + ": " + (end - pos - size) + " bytes after the entry's data, inside its size");
        }
        return true;
    }

    // ------------------------------------------------------------------ shared

    /** Whether the first entry (at {@code at}) is a 64-bit one: its string sizes followed by a zero padding word. */
    private static boolean wide(byte[] data, int at) {
        if (data.length < at + 8) {
            return false;
        }
        return u2(data, at + 2) - u2(data, at) == 2 && u4(data, at + 4) == 0;
    }

    /** How many entries to read: the declared count, cut (with a problem) to those that fit. */
    private static int fit(long count, int room, int size, int start, List<String> problems) {
        long fits = Math.max(0, room) / size;
        if (count > fits) {
            problems.add("the header (byte 0x4) declares " + count + " entries of " + size + " bytes from byte 0x"
                    + Integer.toHexString(start).toUpperCase(Locale.ROOT) + "; " + fits + " fit in the data");
            return (int) fits;
        }
        return (int) count;
    }

    private static String path(byte[] data, long offset, long size, String where, List<String> p) {
        if (!inside(offset, size, data.length)) {
            p.add(where + ": its path (" + size + " bytes at 0x" + Long.toHexString(offset).toUpperCase(Locale.ROOT)
                    + ") lies outside the value's " + data.length + " bytes");
            return null;
        }
        return utf16(data, (int) offset, (int) size, where, p);
    }

    private static String utf16(byte[] data, int offset, int size, String where, List<String> p) {
        if ((size & 1) != 0) {
            p.add(where + ": path size " + size + " is odd; the last byte is left out");
        }
        return new String(data, offset, size & ~1, StandardCharsets.UTF_16LE);
    }

    private static boolean inside(long offset, long size, int length) {
        return offset >= 0 && size >= 0 && offset <= length && size <= length - offset;
    }

    private static String executed(long insertFlags) {
        return (insertFlags & EXECUTED_FLAG) != 0 ? "yes" : "no";
    }

    private static String entry(int i, int at) {
        return "entry " + i + " (byte 0x" + Integer.toHexString(at).toUpperCase(Locale.ROOT) + " of the data)";
    }

    private static ByteBufferKaitaiStream stream(byte[] data, int from, int length) {
        return new ByteBufferKaitaiStream(Arrays.copyOfRange(data, from, from + length));
    }

    private static long u4(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }

    private static int u2(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
    }

    private static String ascii(byte[] d, int at) {
        return new String(d, at, 4, StandardCharsets.ISO_8859_1);
    }
}
