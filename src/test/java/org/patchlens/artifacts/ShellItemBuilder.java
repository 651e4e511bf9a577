package org.patchlens.artifacts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Builds shell items byte for byte as libfwsi's "Windows Shell Item format" lays them out, for the kinds the
 * corpus hives lack; each method returns one item with its size field, {@link #list} joins items and adds the
 * terminating empty item.
 */
final class ShellItemBuilder {
    private ShellItemBuilder() {
    }

    static byte[] list(byte[]... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] i : items) {
            out.writeBytes(i);
        }
        out.writeBytes(new byte[2]);
        return out.toByteArray();
    }

    /** An item: the size (two bytes, counted), the class type, then {@code body}. */
    static byte[] item(int classType, byte[] body) {
        return le(2 + 1 + body.length).putShort((short) (3 + body.length)).put((byte) classType).put(body).array();
    }

    static byte[] rootFolder(int sortIndex, String guid) {
        return item(0x1F, cat(new byte[] {(byte) sortIndex}, ShellItems.guidBytes(guid)));
    }

    /** A volume with flag 0x01: the drive in 20 bytes, then two unknown bytes. */
    static byte[] volume(String drive) {
        return item(0x2F, cat(padded20(drive), new byte[2]));
    }

    private static byte[] padded20(String s) {
        return java.util.Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), 20);
    }

    /**
     * A file entry (class 0x31 folder, 0x32 file): size, FAT modification date and time, attributes, the ASCII
     * primary name padded to 16 bits, then {@code blocks}.
     */
    static byte[] fileEntry(int classType, int size, int date, int time, int attributes, String name,
                            byte[]... blocks) {
        byte[] n = strz(name, Charset.forName("windows-1252"));
        if ((n.length + 14) % 2 != 0) {
            n = java.util.Arrays.copyOf(n, n.length + 1);
        }
        ByteBuffer b = le(11 + n.length).put((byte) 0).putInt(size).putShort((short) date).putShort((short) time)
                .putShort((short) attributes);
        b.put(n);
        byte[] body = b.array();
        for (byte[] x : blocks) {
            body = cat(body, x);
        }
        return item(classType, body);
    }

    /**
     * Extension block 0xbeef0004 of {@code version} (3, 7, 8 or 9): FAT created and accessed, the MFT reference
     * from version 7, the UTF-16 long name, and the first-block offset {@code firstOffset} at its end.
     */
    static byte[] beef0004(int version, int createdDate, int createdTime, int accessedDate, int accessedTime,
                           long mftEntry, int mftSequence, String longName, int firstOffset) {
        byte[] name = strz(longName, StandardCharsets.UTF_16LE);
        int fixed = 18 + (version >= 7 ? 18 : 0) + (version >= 3 ? 2 : 0) + (version >= 9 ? 4 : 0)
                + (version >= 8 ? 4 : 0);
        int size = fixed + name.length + 2;
        ByteBuffer b = le(size).putShort((short) size).putShort((short) version).putInt(0xBEEF0004)
                .putShort((short) createdDate).putShort((short) createdTime).putShort((short) accessedDate)
                .putShort((short) accessedTime).putShort((short) (version >= 9 ? 0x2E : 0x14));
        if (version >= 7) {
            b.putShort((short) 0).putInt((int) mftEntry).putShort((short) (mftEntry >>> 32))
                    .putShort((short) mftSequence).putLong(0);
        }
        b.putShort((short) 0); // long string size: no localized name
        if (version >= 9) {
            b.putInt(0);
        }
        if (version >= 8) {
            b.putInt(0);
        }
        return b.put(name).putShort((short) firstOffset).array();
    }

    /** A network location: flags (0x80 description, 0x40 comments), then the ASCII strings. */
    static byte[] network(int classType, int flags, String location, String description, String comments) {
        byte[] body = cat(new byte[] {0, (byte) flags}, strz(location, StandardCharsets.US_ASCII));
        if (description != null) {
            body = cat(body, strz(description, StandardCharsets.US_ASCII));
        }
        if (comments != null) {
            body = cat(body, strz(comments, StandardCharsets.US_ASCII));
        }
        return item(classType, cat(body, new byte[2]));
    }

    /** A URI item without data: flags (0x80: UTF-16), a data size of 0, the URI. */
    static byte[] uri(int flags, String uri) {
        byte[] text = strz(uri, (flags & 0x80) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
        return item(0x61, cat(new byte[] {(byte) flags, 0, 0}, text, new byte[2]));
    }

    /** A Control Panel item (0x71), 30 bytes. */
    static byte[] controlPanelItem(String guid) {
        return item(0x71, cat(new byte[] {(byte) 0x80}, new byte[10], ShellItems.guidBytes(guid)));
    }

    /**
     * A 0x74 delegate item of the users-files delegate folder: "CFSF", the inner file entry (without its own
     * blocks), the delegate class and folder GUIDs, then {@code block} (the inner entry's 0xbeef0004), whose last
     * two bytes are set to its own offset in the item, as Windows writes them (libfwsi finds the GUIDs by them).
     */
    static byte[] usersFilesDelegate(byte[] innerFileEntry, byte[] block) {
        byte[] inner = cat("CFSF".getBytes(StandardCharsets.US_ASCII), innerFileEntry);
        byte[] blocks = block.clone();
        int at = 6 + inner.length + 32;
        blocks[blocks.length - 2] = (byte) at;
        blocks[blocks.length - 1] = (byte) (at >> 8);
        byte[] body = cat(new byte[] {0}, le(2).putShort((short) inner.length).array(), inner,
                ShellItems.guidBytes("5e591a74-df96-48d3-8d67-1733bcee28ba"),
                ShellItems.guidBytes("dffacdc5-679f-4156-8947-c5c76bc0b67f"), blocks);
        return item(0x74, body);
    }

    static byte[] strz(String s, Charset cs) {
        byte[] b = s.getBytes(cs);
        return java.util.Arrays.copyOf(b, b.length + (cs == StandardCharsets.UTF_16LE ? 2 : 1));
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
