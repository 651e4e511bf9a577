package org.patchlens.artifacts;

import static org.patchlens.artifacts.ShellItemBuilder.*;

import org.patchlens.hive.HiveBuilder;

/**
 * The ShellBags and RecentDocs keys of the fixtures ({@link Fixtures}): a BagMRU tree My Computer, C:\, a folder
 * with its 0xbeef0004 block, beside a network location and a Control Panel item; RecentDocs with a document and
 * its .lnk item. The Jazzer targets mutate them.
 */
final class ShellFixtures {
    private ShellFixtures() {
    }

    static void bagMru(HiveBuilder.K bag) {
        bag.binary("MRUListEx", Fixtures.mru(1, 0, 2)).dword("NodeSlot", 1)
                .binary("0", list(rootFolder(0x50, "20d04fe0-3aea-1069-a2d8-08002b30309d")))
                .binary("1", list(network(0xC3, 0x80, "\\\\server\\share", "Microsoft Network", null)))
                .binary("2", list(controlPanelItem("bb06c0e4-d293-4f75-8a90-cb05b6477eee")));
        HiveBuilder.K computer = bag.key("0").binary("MRUListEx", Fixtures.mru(0)).dword("NodeSlot", 2)
                .binary("0", list(volume("C:\\")));
        computer.key("0").binary("MRUListEx", Fixtures.mru(0)).dword("NodeSlot", 3)
                .binary("0", list(fileEntry(0x31, 0, 0x5310, 0x4D30, 0x10, "PROJEC~1",
                        beef0004(9, 0x5310, 0x4D30, 0x5310, 0x4EEB, 0x5B2C, 4, "Projects 2021", 22))))
                .key("0").dword("NodeSlot", 4).binary("MRUListEx", Fixtures.mru());
    }

    /** Adds BagMRU and RecentDocs to an NTUSER fixture. */
    static void ntuser(HiveBuilder b) {
        bagMru(b.key("Software\\Microsoft\\Windows\\Shell\\BagMRU"));
        HiveBuilder.K docs = b.key(RecentDocs.PATH).binary("MRUListEx", Fixtures.mru(1, 0))
                .binary("0", cat(HiveBuilder.utf16z("notes.txt"), list(fileEntry(0x32, 0, 0, 0, 0, "notes.lnk",
                        beef0004(8, 0, 0, 0, 0, 0, 0, "notes.lnk", 24)))))
                .binary("1", cat(HiveBuilder.utf16z("Projects 2021"), list(fileEntry(0x32, 0, 0, 0, 0,
                        "PROJEC~1.LNK", beef0004(8, 0, 0, 0, 0, 0, 0, "Projects 2021.lnk", 26)))));
        docs.key(".txt").binary("MRUListEx", Fixtures.mru(0))
                .binary("0", cat(HiveBuilder.utf16z("notes.txt"), list(fileEntry(0x32, 0, 0, 0, 0, "notes.lnk"))));
    }

    /** A UsrClass fixture: Local Settings with its BagMRU, and a CLSID key. */
    static HiveBuilder usrclass() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("CLSID");
        bagMru(b.key("Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU"));
        return b;
    }
}
