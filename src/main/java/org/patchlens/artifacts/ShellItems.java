package org.patchlens.artifacts;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.patchlens.artifacts.ShellItem.BlockTimes;
import org.patchlens.artifacts.ShellItem.Delegate;
import org.patchlens.artifacts.ShellItem.FatTime;
import org.patchlens.artifacts.ShellItem.FileExtension;
import org.patchlens.artifacts.ShellItem.Problem;
import org.patchlens.format.Shitemid;

/**
 * Reads a shell item list (ITEMIDLIST) from any bytes: the ShellBags, RecentDocs and other MRU values hold
 * them. The fixed-layout parts are read through the class Kaitai generates from {@code kaitai/artifacts/
 * shitemid.ksy}, always from a slice whose length was checked first; names and strings are read here, bounded
 * by the item. Which kind an item is follows libfwsi's order (libfwsi_item.c): a delegate item (the delegate
 * class GUID 32 bytes before the extension blocks), then a users property view signature at bytes 6-9, then the
 * class type. An item too short for its kind, a string without its NUL, an extension block that overruns its
 * item give a {@link Problem} naming the byte offset, and the next item is read; a size that runs past the data
 * ends the list there (the next item cannot be found). Never throws.
 */
public final class ShellItems {
    /** More items than any path has; a list of 3-byte items in a large value would otherwise be read in full. */
    public static final int MAX_ITEMS = 1024;

    private static final Charset CODEPAGE = Charset.forName("windows-1252");
    private static final byte[] DELEGATE_CLASS = guidBytes("5e591a74-df96-48d3-8d67-1733bcee28ba");
    private static final byte[] SEARCH_FOLDER = guidBytes("04731b67-d933-450a-90e6-4acd2e9408fe");
    private static final byte[] USERS_FILES = guidBytes("dffacdc5-679f-4156-8947-c5c76bc0b67f");
    private static final byte[] REMOVABLE_DRIVES = guidBytes("f5fb2c77-0e2f-4a16-a381-3e560c68bc83");
    private static final long[] VIEW_SIGNATURES = {0x10141981L, 0x23a3dfd5L, 0x23febbeeL, 0x3b93afbbL, 0x49505241L,
        0xbeebee00L};

    private ShellItems() {
    }

    /** The path name of an item of no known kind, as regipy writes it. */
    static String unknownName(int classType) {
        return String.format(Locale.ROOT, "<UNKNOWN: 0x%02x>", classType);
    }

    /** The items of the list at the start of {@code data}, up to its terminating empty item. */
    public static ShellItem.ItemList list(byte[] data) {
        return list(data, 0);
    }

    /** The items of the list starting at byte {@code start} of {@code data}. */
    public static ShellItem.ItemList list(byte[] data, int start) {
        List<ShellItem> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int p = start;
        while (true) {
            if (p + 2 > data.length) {
                problems.add(new Problem(p, "the list has no terminating empty item (" + (data.length - p)
                        + " bytes left)"));
                break;
            }
            int size = u16(data, p);
            if (size == 0) {
                break;
            }
            if (size < 3) {
                problems.add(new Problem(p, "item size " + size + ", under the 3 bytes of a size and a class type;"
                        + " the list cannot be read further"));
                break;
            }
            if (p + size > data.length) {
                problems.add(new Problem(p, "item size " + size + " runs past the end of the data (" + (data.length - p)
                        + " bytes left); the list cannot be read further"));
                break;
            }
            if (items.size() == MAX_ITEMS) {
                problems.add(new Problem(p, "more than " + MAX_ITEMS + " items; the rest is not read"));
                break;
            }
            items.add(item(data, p, size, problems));
            p += size;
        }
        return new ShellItem.ItemList(items, problems);
    }

    /** One item at {@code s} of {@code n} bytes (its size field included), inside the data. */
    private static ShellItem item(byte[] b, int s, int n, List<Problem> problems) {
        if (n >= 38) {
            int tail = u16(b, s + n - 2);
            int dataSize = tail >= 32 && tail < n - 2 ? tail : n;
            int guidAt = s + dataSize - 32;
            if (Arrays.equals(b, guidAt, guidAt + 16, DELEGATE_CLASS, 0, 16)) {
                return delegated(b, s, n, guidAt, problems);
            }
        }
        return typed(b, s, n, null, -1, -1, problems);
    }

    /** A delegate item: its inner item read with the delegate's folder, as libfwsi realigns it. */
    private static ShellItem delegated(byte[] b, int s, int n, int guidAt, List<Problem> problems) {
        byte[] folder = Arrays.copyOfRange(b, guidAt + 16, guidAt + 32);
        String folderId = guid(folder);
        Delegate d = new Delegate(folderId, KnownFolders.name(folderId));
        if (Arrays.equals(folder, SEARCH_FOLDER)) {
            return typed(b, s, n, d, -1, -1, problems);
        }
        int innerSize = u16(b, s + 4);
        int innerEnd = s + 6 + innerSize;
        if (innerEnd > guidAt) {
            problems.add(new Problem(s, "delegate item: inner data of " + innerSize + " bytes runs into the delegate "
                    + "GUIDs at byte " + guidAt));
            return new ShellItem.Unknown(s, b[s + 2] & 0xFF, hex(b, s, n), d);
        }
        boolean skipSignature = Arrays.equals(folder, USERS_FILES) || Arrays.equals(folder, REMOVABLE_DRIVES);
        int inner = s + 6 + (skipSignature ? 4 : 0);
        if (innerEnd - inner < 3) {
            problems.add(new Problem(s, "delegate item: inner data of " + innerSize + " bytes holds no item"));
            return new ShellItem.Unknown(s, b[s + 2] & 0xFF, hex(b, s, n), d);
        }
        // the inner file entry's extension blocks follow the delegate GUIDs (libfwsi, delegate dffacdc5)
        return typed(b, inner, innerEnd - inner, d, guidAt + 32 < s + n ? guidAt + 32 : -1, s + n, problems);
    }

    /**
     * An item of {@code n} bytes at {@code s}, by signature then class type; a file entry's extension blocks are
     * read from {@code blocksFrom} to {@code blocksTo} when {@code blocksFrom} is not -1.
     */
    private static ShellItem typed(byte[] b, int s, int n, Delegate d, int blocksFrom, int blocksTo,
                                   List<Problem> problems) {
        int cls = b[s + 2] & 0xFF;
        if (n >= 12 && u32(b, s + 4) == 0x39de2184L) {
            Shitemid.ControlPanelCategory c = new Shitemid.ControlPanelCategory(stream(b, s, 12));
            return new ShellItem.ControlPanelCategory(s, cls, c.category(), KnownFolders.category(c.category()), d);
        }
        if (n >= 10) {
            long sig = u32(b, s + 6);
            for (long v : VIEW_SIGNATURES) {
                if (sig == v) {
                    return propertyView(b, s, n, d, problems);
                }
            }
        }
        ShellItem item = switch (cls & 0x70) {
            case 0x10 -> cls == 0x1F ? rootFolder(b, s, n, d, problems) : null;
            case 0x20 -> volume(b, s, n, d, problems);
            case 0x30 -> fileEntry(b, s, n, d, blocksFrom, blocksTo, problems);
            case 0x40 -> network(b, s, n, d, problems);
            case 0x60 -> cls == 0x61 ? uri(b, s, n, d, problems) : null;
            case 0x70 -> cls == 0x71 ? controlPanel(b, s, n, d, problems) : null;
            default -> null;
        };
        return item != null ? item : new ShellItem.Unknown(s, cls, hex(b, s, n), d);
    }

    private static boolean fits(byte[] b, int s, int n, int need, String what, List<Problem> problems) {
        if (n < need) {
            problems.add(new Problem(s, what + " item of " + n + " bytes, under the " + need + " it needs; kept as "
                    + "unknown"));
            return false;
        }
        return true;
    }

    private static ShellItem rootFolder(byte[] b, int s, int n, Delegate d, List<Problem> problems) {
        if (!fits(b, s, n, 20, "root folder", problems)) {
            return null;
        }
        Shitemid.RootFolder r = new Shitemid.RootFolder(stream(b, s, 20));
        String g = guid(r.folderId());
        BlockTimes times = n > 20 ? blocks(b, s + 20, s + n, problems).times : null;
        return new ShellItem.RootFolder(s, r.classType(), r.sortIndex(), g, KnownFolders.name(g), times, d);
    }

    private static ShellItem volume(byte[] b, int s, int n, Delegate d, List<Problem> problems) {
        int cls = b[s + 2] & 0xFF;
        boolean letter = n >= 6 && Character.isLetter(b[s + 3] & 0xFF) && b[s + 4] == ':';
        if ((cls & 0x01) != 0 || letter) {
            if (!fits(b, s, n, 6, "volume", problems)) {
                return null;
            }
            // the name is a NUL-ended string in 20 bytes; a shorter item holds less of them
            int len = Math.min(20, n - 3);
            String name = len == 20 ? new Shitemid.VolumeName(stream(b, s, 23)).name() : cString(b, s + 3, s + 3 + len);
            return new ShellItem.Volume(s, cls, name, null, null, d);
        }
        if (!fits(b, s, n, 20, "volume", problems)) {
            return null;
        }
        String g = guid(new Shitemid.VolumeGuid(stream(b, s, 20)).volumeId());
        return new ShellItem.Volume(s, cls, null, g, KnownFolders.name(g), d);
    }

    private static ShellItem fileEntry(byte[] b, int s, int n, Delegate d, int blocksFrom, int blocksTo,
                                       List<Problem> problems) {
        if (!fits(b, s, n, 14, "file entry", problems)) {
            return null;
        }
        Shitemid.FileEntry f = new Shitemid.FileEntry(stream(b, s, 14));
        int end = s + n;
        boolean unicode = (f.classType() & 0x04) != 0;
        Str name = unicode ? utf16z(b, s + 14, end) : asciiz(b, s + 14, end);
        if (!name.ended) {
            problems.add(new Problem(s + 14, "file entry name without its NUL"));
        }
        int p = s + 14 + name.bytes;
        p += (p - s) & 1; // the name is 16-bit aligned
        // a delegate's inner file entry has its extension blocks after the delegate GUIDs, in the outer item
        Blocks bl = blocksFrom >= 0 ? blocks(b, blocksFrom, blocksTo, problems) : blocks(b, p, end, problems);
        return new ShellItem.FileEntry(s, f.classType(), f.fileSize(), new FatTime(f.modifiedDate(), f.modifiedTime()),
                f.attributes(), name.text, bl.fileExtension, bl.times, d);
    }

    private static ShellItem network(byte[] b, int s, int n, Delegate d, List<Problem> problems) {
        if (!fits(b, s, n, 6, "network location", problems)) {
            return null;
        }
        Shitemid.NetworkLocation l = new Shitemid.NetworkLocation(stream(b, s, 5));
        int end = s + n;
        Str location = asciiz(b, s + 5, end);
        Str description = null;
        Str comments = null;
        int p = s + 5 + location.bytes;
        if ((l.flags() & 0x80) != 0) {
            description = asciiz(b, p, end);
            p += description.bytes;
        }
        if ((l.flags() & 0x40) != 0) {
            comments = asciiz(b, p, end);
        }
        if (!location.ended || description != null && !description.ended || comments != null && !comments.ended) {
            problems.add(new Problem(s, "network location: a string without its NUL"));
        }
        return new ShellItem.NetworkLocation(s, l.classType(), l.flags(), location.text,
                description == null ? null : description.text, comments == null ? null : comments.text, d);
    }

    private static ShellItem uri(byte[] b, int s, int n, Delegate d, List<Problem> problems) {
        if (!fits(b, s, n, 6, "URI", problems)) {
            return null;
        }
        Shitemid.Uri u = new Shitemid.Uri(stream(b, s, 6));
        int end = s + n;
        int p = s + 6;
        if (u.dataSize() > 0) {
            // 36 bytes of values, then three strings each after its u4 size (libfwsi "URI shell item")
            p += 36;
            for (int i = 0; i < 3 && p >= 0; i++) {
                p = p + 4 <= end ? p + 4 + (int) Math.min(u32(b, p), end) : -1;
            }
            if (p < 0 || p > end) {
                problems.add(new Problem(s, "URI item: its data of " + u.dataSize() + " bytes runs past the item"));
                return new ShellItem.Uri(s, u.classType(), u.flags(), "", d);
            }
        }
        Str text = (u.flags() & 0x80) != 0 ? utf16z(b, p, end) : asciiz(b, p, end);
        if (!text.ended) {
            problems.add(new Problem(p, "URI without its NUL"));
        }
        return new ShellItem.Uri(s, u.classType(), u.flags(), text.text, d);
    }

    private static ShellItem controlPanel(byte[] b, int s, int n, Delegate d, List<Problem> problems) {
        if (!fits(b, s, n, 30, "Control Panel", problems)) {
            return null;
        }
        Shitemid.ControlPanelItem c = new Shitemid.ControlPanelItem(stream(b, s, 30));
        String g = guid(c.itemId());
        return new ShellItem.ControlPanelItem(s, c.classType(), g, KnownFolders.name(g), d);
    }

    private static ShellItem propertyView(byte[] b, int s, int n, Delegate d, List<Problem> problems) {
        if (!fits(b, s, n, 14, "users property view", problems)) {
            return null;
        }
        Shitemid.PropertyView v = new Shitemid.PropertyView(stream(b, s, 14));
        int end = s + n;
        int idAt = s + 14;
        int storeAt = idAt + v.identifierSize();
        String identifier = null;
        String identifierName = null;
        if (storeAt > end) {
            problems.add(new Problem(s, "users property view: identifier of " + v.identifierSize()
                    + " bytes runs past the item"));
            return new ShellItem.PropertyView(s, v.classType(), v.signature(), null, null, null, null, d);
        }
        if (v.identifierSize() == 16) {
            identifier = guid(Arrays.copyOfRange(b, idAt, idAt + 16));
            identifierName = KnownFolders.name(identifier);
        } else if (v.identifierSize() > 0) {
            identifier = hex(b, idAt, v.identifierSize());
        }
        PropertyStore.Found found = new PropertyStore.Found(null, null);
        if (v.storeSize() > 0) {
            int storeEnd = storeAt + v.storeSize();
            if (storeEnd > end) {
                problems.add(new Problem(storeAt, "users property view: property store of " + v.storeSize()
                        + " bytes runs past the item; read up to its end"));
                storeEnd = end;
            }
            found = PropertyStore.read(b, storeAt, storeEnd);
        }
        return new ShellItem.PropertyView(s, v.classType(), v.signature(), identifier, identifierName,
                found.displayName(), found.parsingPath(), d);
    }

    /** What a run of extension blocks held: a file entry's 0xbeef0004 and the times of 0xbeef0026. */
    private record Blocks(FileExtension fileExtension, BlockTimes times) {
    }

    /**
     * The extension blocks from {@code p} to {@code end}: each has its size, version and 0xbeefXXXX signature;
     * a size that overruns the item is a problem; bytes that are not a block (a pre-XP secondary name, padding)
     * end the run without one.
     */
    private static Blocks blocks(byte[] b, int p, int end, List<Problem> problems) {
        FileExtension ext = null;
        BlockTimes times = null;
        int count = 0;
        while (p + 8 <= end && count++ < 64) {
            int bs = u16(b, p);
            if (bs == 0 || (u32(b, p + 4) >>> 16) != 0xBEEF) {
                break;
            }
            if (bs < 8 || p + bs > end) {
                problems.add(new Problem(p, "extension block of " + bs + " bytes runs past its item (" + (end - p)
                        + " bytes left)"));
                break;
            }
            Shitemid.ExtensionBlock h = new Shitemid.ExtensionBlock(stream(b, p, 8));
            if (h.signature() == 0xBEEF0004L && ext == null) {
                ext = fileExtension(b, p, bs, h.version(), problems);
            } else if (h.signature() == 0xBEEF0026L && times == null) {
                if (bs >= 36) {
                    Shitemid.TimestampsExtension t = new Shitemid.TimestampsExtension(stream(b, p, 36));
                    times = new BlockTimes(t.created(), t.modified(), t.accessed());
                } else {
                    problems.add(new Problem(p, "extension block 0xbeef0026 of " + bs + " bytes, under the 36 its "
                            + "times need"));
                }
            }
            p += bs;
        }
        return new Blocks(ext, times);
    }

    private static FileExtension fileExtension(byte[] b, int p, int bs, int version, List<Problem> problems) {
        int fixed = 18 + (version >= 7 ? 18 : 0) + (version >= 3 ? 2 : 0) + (version >= 9 ? 4 : 0)
                + (version >= 8 ? 4 : 0);
        if (bs < fixed + (version >= 3 ? 2 : 0)) {
            problems.add(new Problem(p, "extension block 0xbeef0004 version " + version + " of " + bs
                    + " bytes, under the " + (fixed + (version >= 3 ? 2 : 0)) + " it needs"));
            return null;
        }
        Shitemid.FileEntryExtension x = new Shitemid.FileEntryExtension(stream(b, p, fixed));
        String longName = null;
        String localized = null;
        int end = p + bs - (version >= 3 ? 2 : 0); // the block ends with the offset of the first block
        if (version >= 3) {
            Str ln = utf16z(b, p + fixed, end);
            longName = ln.text;
            if (!ln.ended) {
                problems.add(new Problem(p + fixed, "extension block 0xbeef0004: long name without its NUL"));
            }
            if (x.longStringSize() > 0 && p + fixed + ln.bytes < end) {
                Str loc = version >= 7 ? utf16z(b, p + fixed + ln.bytes, end) : asciiz(b, p + fixed + ln.bytes, end);
                localized = loc.text;
            }
        }
        long mft = version >= 7 ? x.mftEntryLow() | (long) x.mftEntryHigh() << 32 : -1;
        int seq = version >= 7 ? x.mftSequence() : -1;
        return new FileExtension(p, version, new FatTime(x.createdDate(), x.createdTime()),
                new FatTime(x.accessedDate(), x.accessedTime()), longName, localized, mft, seq);
    }

    // ------------------------------------------------------------------ bytes

    /** A string read up to its NUL (or to the bound, {@code ended} false), and the bytes it took, NUL included. */
    record Str(String text, int bytes, boolean ended) {
    }

    static Str asciiz(byte[] b, int p, int end) {
        int e = Math.min(end, b.length);
        if (p >= e) {
            return new Str("", 0, false);
        }
        int i = p;
        while (i < e && b[i] != 0) {
            i++;
        }
        String t = new String(b, p, i - p, CODEPAGE);
        return i < e ? new Str(t, i - p + 1, true) : new Str(t, Math.max(0, e - p), false);
    }

    static Str utf16z(byte[] b, int p, int end) {
        int e = Math.min(end, b.length);
        if (p >= e) {
            return new Str("", 0, false);
        }
        int i = p;
        while (i + 1 < e && (b[i] != 0 || b[i + 1] != 0)) {
            i += 2;
        }
        int len = Math.max(0, Math.min(i, e) - p) & ~1;
        String t = len > 0 ? new String(b, p, len, StandardCharsets.UTF_16LE) : "";
        return i + 1 < e ? new Str(t, i - p + 2, true) : new Str(t, Math.max(0, e - p), false);
    }

    private static String cString(byte[] b, int p, int end) {
        return asciiz(b, p, end).text;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }

    private static ByteBufferKaitaiStream stream(byte[] b, int p, int length) {
        return new ByteBufferKaitaiStream(Arrays.copyOfRange(b, p, p + length));
    }

    static String guid(byte[] sixteen) {
        return Structs.guid(sixteen).text();
    }

    private static String hex(byte[] b, int p, int n) {
        return HexFormat.of().formatHex(b, p, p + n);
    }

    /** The 16 bytes of a GUID given in its text form. */
    static byte[] guidBytes(String text) {
        byte[] h = HexFormat.of().parseHex(text.replace("-", ""));
        return new byte[] {h[3], h[2], h[1], h[0], h[5], h[4], h[7], h[6], h[8], h[9], h[10], h[11], h[12], h[13],
            h[14], h[15]};
    }
}
