package org.patchlens.artifacts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * AppCompatCache data built the way each Windows version lays it out (libyal winreg-kb, the Mandiant whitepaper),
 * for the formats the corpus has no hive of: the tests read them back field by field, the SYSTEM fixture and the
 * fuzz targets use them as seeds.
 */
public final class ShimCacheBuilder {
    private ShimCacheBuilder() {
    }

    /** One cached file; the formats take the fields they have. */
    public record Item(String path, long modified, long size, long insertFlags, long shimFlags, byte[] data,
                       long update) {
        public static Item of(String path, long modified) {
            return new Item(path, modified, 0, 0, 0, new byte[0], 0);
        }

        public Item size(long s) {
            return new Item(path, modified, s, insertFlags, shimFlags, data, update);
        }

        public Item flags(long insert, long shim) {
            return new Item(path, modified, size, insert, shim, data, update);
        }

        public Item data(byte[] d) {
            return new Item(path, modified, size, insertFlags, shimFlags, d, update);
        }

        public Item update(long u) {
            return new Item(path, modified, size, insertFlags, shimFlags, data, u);
        }

        byte[] utf16() {
            return path.getBytes(StandardCharsets.UTF_16LE);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Windows XP 32-bit: a 400-byte header with the LRU list, then 552-byte entries. */
    public static byte[] xp(List<Item> items) {
        ByteBuffer b = le(400 + 552 * items.size());
        b.putInt((int) ShimCacheData.XP).putInt(items.size()).putInt(items.size()).putInt(0);
        for (int i = 0; i < items.size(); i++) {
            b.putInt(i);
        }
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            int at = 400 + 552 * i;
            b.position(at);
            b.put(it.utf16());
            b.position(at + 528);
            b.putLong(it.modified()).putLong(it.size()).putLong(it.update());
        }
        return b.array();
    }

    /**
     * 0xBADC0FFE (Server 2003, XP 64-bit, Vista, 2008): an 8-byte header, 24- or 32-byte entries, then the paths
     * (with their NUL). {@code sizes}: the last two words hold the file size (2003) or the insert and shim flags
     * (Vista).
     */
    public static byte[] nt5(boolean wide, boolean sizes, List<Item> items) {
        int size = wide ? 32 : 24;
        int strings = 8 + size * items.size();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        ByteBuffer b = le(strings);
        b.putInt((int) ShimCacheData.NT5).putInt(items.size());
        for (Item it : items) {
            byte[] p = it.utf16();
            b.putShort((short) p.length).putShort((short) (p.length + 2));
            if (wide) {
                b.putInt(0).putLong(strings + tail.size());
            } else {
                b.putInt(strings + tail.size());
            }
            b.putLong(it.modified());
            if (sizes) {
                b.putLong(it.size());
            } else {
                b.putInt((int) it.insertFlags()).putInt((int) it.shimFlags());
            }
            tail.writeBytes(p);
            tail.writeBytes(new byte[2]);
        }
        return concat(b.array(), tail.toByteArray());
    }

    /** 0xBADC0FEE (Windows 7, 2008 R2): a 128-byte header, 32- or 48-byte entries, then each data blob and path. */
    public static byte[] nt6(boolean wide, List<Item> items) {
        int size = wide ? 48 : 32;
        int strings = 128 + size * items.size();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        ByteBuffer b = le(strings);
        b.putInt((int) ShimCacheData.NT6).putInt(items.size()).putInt(0x78);
        b.position(128);
        for (Item it : items) {
            byte[] p = it.utf16();
            int dataAt = strings + tail.size();
            tail.writeBytes(it.data());
            int pathAt = strings + tail.size();
            tail.writeBytes(p);
            tail.writeBytes(new byte[2]);
            b.putShort((short) p.length).putShort((short) (p.length + 2));
            if (wide) {
                b.putInt(0).putLong(pathAt);
            } else {
                b.putInt(pathAt);
            }
            b.putLong(it.modified()).putInt((int) it.insertFlags()).putInt((int) it.shimFlags());
            if (wide) {
                b.putLong(it.data().length).putLong(dataAt);
            } else {
                b.putInt(it.data().length).putInt(dataAt);
            }
        }
        return concat(b.array(), tail.toByteArray());
    }

    /** Windows 8.0 ("00ts") or 8.1 ("10ts"): a 128-byte header, then the variable entries (no package data). */
    public static byte[] win8(String tag, List<Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(128).putInt(0x80).array());
        for (Item it : items) {
            byte[] p = it.utf16();
            ByteBuffer body = le(2 + p.length + 2 + 20 + it.data().length);
            body.putShort((short) p.length).put(p).putShort((short) 0).putInt((int) it.insertFlags())
                    .putInt((int) it.shimFlags()).putLong(it.modified()).putInt(it.data().length).put(it.data());
            out.writeBytes(head(tag, body.capacity()));
            out.writeBytes(body.array());
        }
        return out.toByteArray();
    }

    /** Windows 10 / 11: a header of 0x30 or 0x34 bytes with the count, then "10ts" entries. */
    public static byte[] win10(int headerSize, List<Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = le(headerSize).putInt(headerSize);
        h.putInt(headerSize == 0x34 ? 0x28 : 0x24, items.size());
        out.writeBytes(h.array());
        for (Item it : items) {
            byte[] p = it.utf16();
            ByteBuffer body = le(2 + p.length + 12 + it.data().length);
            body.putShort((short) p.length).put(p).putLong(it.modified()).putInt(it.data().length).put(it.data());
            out.writeBytes(head("10ts", body.capacity()));
            out.writeBytes(body.array());
        }
        return out.toByteArray();
    }

    private static byte[] head(String tag, int size) {
        return le(12).put(tag.getBytes(StandardCharsets.US_ASCII)).putInt(0x12345678).putInt(size).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
