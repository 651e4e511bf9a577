package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ShellItemBuilder.*;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builder-made shell items of every kind the corpus hives lack, read field by field; damaged lists. */
class ShellItemsTest {
    private static final String MY_COMPUTER = "20d04fe0-3aea-1069-a2d8-08002b30309d";

    @Test
    void aPathOfRootFolderVolumeAndFileEntriesReadsFieldByField() {
        // 2021-08-16 09:41:32 is date (41 << 9 | 8 << 5 | 16) = 0x5310, time (9 << 11 | 41 << 5 | 16) = 0x4D30
        byte[] block = beef0004(9, 0x5310, 0x4D30, 0x5310, 0x4EEB, 0x0000_1234_5678_9ABCL, 7, "Long Folder Name", 20);
        byte[] data = list(rootFolder(0x50, MY_COMPUTER), volume("C:\\"),
                fileEntry(0x31, 0, 0x5310, 0x4D30, 0x10, "LONGFO~1", block));
        ShellItem.ItemList l = ShellItems.list(data);
        assertEquals(List.of(), l.problems());
        assertEquals(3, l.items().size());
        ShellItem.RootFolder r = assertInstanceOf(ShellItem.RootFolder.class, l.items().get(0));
        assertEquals(0, r.offset());
        assertEquals(0x50, r.sortIndex());
        assertEquals("{20D04FE0-3AEA-1069-A2D8-08002B30309D}", r.guid());
        assertEquals("My Computer", r.name());
        ShellItem.Volume v = assertInstanceOf(ShellItem.Volume.class, l.items().get(1));
        assertEquals(20, v.offset());
        assertEquals("C:\\", v.name());
        ShellItem.FileEntry f = assertInstanceOf(ShellItem.FileEntry.class, l.items().get(2));
        assertEquals(45, f.offset());
        assertEquals("Directory", f.kind());
        assertEquals("LONGFO~1", f.primaryName());
        assertEquals("2021-08-16T09:41:32", f.modified().text());
        ShellItem.FileExtension x = f.extension();
        assertEquals(9, x.version());
        assertEquals("2021-08-16T09:41:32", x.created().text());
        assertEquals("2021-08-16T09:55:22", x.accessed().text()); // 0x4EEB: 9 h, 0x37 = 55 min, 11 * 2 s
        assertEquals("Long Folder Name", x.longName());
        assertEquals(0x1234_5678_9ABCL, x.mftEntry());
        assertEquals(7, x.mftSequence());
        assertEquals("Long Folder Name", f.name());
    }

    @Test
    void anXpExtensionBlockHasNoMftReference() {
        byte[] data = list(fileEntry(0x32, 4096, 0x3021, 0x6000, 0x20, "REPORT.DOC",
                beef0004(3, 0x3021, 0x6000, 0x3022, 0, 0, 0, "Report for 2004.doc", 20)));
        ShellItem.FileEntry f = (ShellItem.FileEntry) ShellItems.list(data).items().get(0);
        assertEquals("File", f.kind());
        assertEquals(4096, f.fileSize());
        assertEquals(0x20, f.attributes());
        assertEquals("2004-01-01T12:00:00", f.modified().text());
        assertEquals(3, f.extension().version());
        assertEquals(-1, f.extension().mftEntry());
        assertEquals("Report for 2004.doc", f.name());
    }

    @Test
    void networkUriControlPanelAndDelegateItems() {
        byte[] inner = fileEntry(0x31, 0, 0x5310, 0x4D30, 0x10, "Dropbox");
        byte[] data = list(network(0xC3, 0xC0, "\\\\server\\share", "Microsoft Network", "team files"),
                uri(0x80, "ftp://ftp.example.org/"), uri(0x00, "http://example.org/"),
                controlPanelItem("bb06c0e4-d293-4f75-8a90-cb05b6477eee"),
                usersFilesDelegate(inner, beef0004(9, 0x5310, 0x4D30, 0x5310, 0x4D30, 77, 2, "Dropbox", 0)));
        ShellItem.ItemList l = ShellItems.list(data);
        assertEquals(List.of(), l.problems());
        ShellItem.NetworkLocation n = (ShellItem.NetworkLocation) l.items().get(0);
        assertEquals(0xC3, n.classType());
        assertEquals("\\\\server\\share", n.name());
        assertEquals("Microsoft Network", n.description());
        assertEquals("team files", n.comments());
        assertEquals("ftp://ftp.example.org/", l.items().get(1).name());
        assertEquals("http://example.org/", l.items().get(2).name());
        ShellItem.ControlPanelItem c = (ShellItem.ControlPanelItem) l.items().get(3);
        assertEquals("{BB06C0E4-D293-4F75-8A90-CB05B6477EEE}", c.guid());
        assertEquals(KnownFolders.name(c.guid()), c.guidName()); // named when regipy's table names it
        ShellItem.FileEntry d = assertInstanceOf(ShellItem.FileEntry.class, l.items().get(4), l.items().get(4).toString());
        assertEquals(0x31, d.classType()); // the inner entry's class, read inside the 0x74 item
        assertEquals("{DFFACDC5-679F-4156-8947-C5C76BC0B67F}", d.delegate().folderId());
        assertEquals("Dropbox", d.name());
        assertEquals(77, d.extension().mftEntry());
    }

    @Test
    void unknownItemsAreKeptWithTheirClassAndBytes() {
        byte[] odd = item(0x52, hex("0102030405"));
        ShellItem.ItemList l = ShellItems.list(list(odd, volume("D:\\")));
        ShellItem.Unknown u = assertInstanceOf(ShellItem.Unknown.class, l.items().get(0));
        assertEquals(0x52, u.classType());
        assertEquals(HexFormat.of().formatHex(odd), u.hex());
        assertEquals("<UNKNOWN: 0x52>", u.name());
        assertEquals("D:\\", l.items().get(1).name());
    }

    @Test
    void aShortItemIsNotedAndTheListGoesOn() {
        byte[] shortRoot = item(0x1F, hex("50e04fd020ea3a"));
        ShellItem.ItemList l = ShellItems.list(list(shortRoot, volume("E:\\")));
        assertEquals(List.of(new ShellItem.Problem(0, "root folder item of 10 bytes, under the 20 it needs; kept as "
                + "unknown")), l.problems());
        assertInstanceOf(ShellItem.Unknown.class, l.items().get(0));
        assertEquals("E:\\", l.items().get(1).name());
    }

    @Test
    void aSizePastTheEndEndsTheListWithItsOffset() {
        byte[] data = cat(volume("C:\\"), hex("ff7f2f"));
        ShellItem.ItemList l = ShellItems.list(data);
        assertEquals(1, l.items().size());
        assertEquals(List.of(new ShellItem.Problem(25, "item size 32767 runs past the end of the data (3 bytes left);"
                + " the list cannot be read further")), l.problems());
        assertEquals("the list has no terminating empty item (1 bytes left)",
                ShellItems.list(cat(volume("C:\\"), hex("00"))).problems().get(0).text());
        assertEquals(List.of(), ShellItems.list(new byte[] {0, 0}).items());
    }

    @Test
    void anExtensionBlockThatOverrunsItsItemIsNoted() {
        byte[] block = beef0004(8, 0x5310, 0x4D30, 0x5310, 0x4D30, 5, 1, "x", 20);
        block[0] = (byte) (block.length + 10); // claims ten bytes more than the item holds
        ShellItem.ItemList l = ShellItems.list(list(fileEntry(0x31, 0, 0, 0, 0x10, "X", block)));
        ShellItem.FileEntry f = (ShellItem.FileEntry) l.items().get(0);
        assertNull(f.extension());
        assertEquals("X", f.name());
        assertEquals(16, l.problems().get(0).offset());
        // the block is 48 bytes (42 fixed for version 8, "x" and its NUL, the closing offset); it claims 58
        assertEquals("extension block of 58 bytes runs past its item (48 bytes left)", l.problems().get(0).text());
    }

    @Test
    void fatTimesOutOfRangeShowTheirWords() {
        assertEquals("invalid FAT date 0x0000 time 0x4D30", new ShellItem.FatTime(0, 0x4D30).text());
        assertEquals("invalid FAT date 0x53A0 time 0x0000", new ShellItem.FatTime(0x53A0, 0).text()); // month 13
        assertTrue(new ShellItem.FatTime(0, 0).zero());
    }

    @Test
    void theGuidTableIsRegipysWhole() {
        assertEquals(422, KnownFolders.size()); // 410 GUIDs and the twelve Control Panel categories
        assertEquals("My Computer", KnownFolders.name("{20D04FE0-3AEA-1069-A2D8-08002B30309D}"));
        assertEquals("System and Security", KnownFolders.category(5));
        assertNull(KnownFolders.name("{00000000-0000-0000-0000-000000000001}"));
    }
}
