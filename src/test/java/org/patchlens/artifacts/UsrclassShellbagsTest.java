package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;

class UsrclassShellbagsTest {
    private static final String BAG_MRU = "\\Local Settings\\Software\\Microsoft\\Windows\\Shell\\BagMRU";

    /** The corpus UsrClass.dat as regipy reads it: the primary file alone (regipy applies no logs). */
    private static List<Entry> withoutLogs(Path file) {
        try (Hive h = Hive.open(file)) {
            return run(Catalog.USRCLASS_SHELLBAG_PLUGIN, h);
        }
    }

    /**
     * regipy_tests/validation/validation_tests/shell_bag_usrclass_plugin_validation.py on UsrClass.dat.xz (corpus
     * regipy/UsrClass.dat): 29 entries, among them {value "Dropbox", slot 9, reg_path ...\BagMRU, shell_type
     * Root Folder, path "Dropbox", last_write 2018-04-05T02:13:26.843024, mru_order 4-8-7-6-9-0-1-5-3-2,
     * mru_order_location 4, no times}. Its node_slot "20" differs: see the next test.
     */
    @Test
    void theEntriesRegipyStatesForItsUsrClassHive() {
        Path file = corpus("regipy/UsrClass.dat");
        List<Entry> e = withoutLogs(file);
        assertEquals(29, e.size());
        Entry dropbox = e.stream().filter(x -> x.keyPath().equals(BAG_MRU) && "9".equals(x.valueName()))
                .findFirst().orElseThrow();
        assertEquals("Dropbox", dropbox.shown("itemName"));
        assertEquals("Dropbox", dropbox.shown("path"));
        assertEquals("Root Folder", dropbox.shown("itemType"));
        assertEquals("2018-04-05T02:13:26.843024+00:00", regipyTime(dropbox.lastWritten()));
        assertEquals("4-8-7-6-9-0-1-5-3-2", dropbox.shown("mruOrder"));
        assertEquals("4", dropbox.shown("mruPosition"));
        assertEquals("{E31EA727-12ED-4702-820C-4B6445F28E1A}", dropbox.shown("guid"));
        assertNull(dropbox.shown("createdFat"));
        assertNull(dropbox.shown("modifiedFat"));
        assertTrue(e.stream().allMatch(x -> x.notes().isEmpty()), e.toString());
        // the value's bytes: 3a00 1f 42, then the GUID e31ea727-12ed-4702-820c-4b6445f28e1a, then 0xbeef0026
        assertCellHolds(file, dropbox.field("path").orElseThrow(),
                ShellItemBuilder.hex("3a001f4227a71ee3ed120247820c4b6445f28e1a260001002600efbe"));
        assertEquals(0x01d3c6289e1ee08cL, ticks(dropbox, "blockTime1"));
    }

    /**
     * regipy gives the Dropbox entry node_slot "20": the NodeSlot of the key that holds value 9 (BagMRU itself,
     * the desktop's, 0x14). The folder that value 9 names has its own key, BagMRU\9, whose NodeSlot (0x12 = 18)
     * is the Bags\18 key of its view settings: that is the one this entry's nodeSlot gives, read from there.
     */
    @Test
    void nodeSlotIsTheFoldersOwnNotItsParents() {
        Path file = corpus("regipy/UsrClass.dat");
        try (Hive h = Hive.open(file)) {
            Key bagMru = new HiveContext(h, HiveType.USRCLASS).key(BAG_MRU);
            assertEquals(20, bagMru.value("NodeSlot").decoded().number()); // regipy's "20"
            assertEquals(18, bagMru.subkey("9").value("NodeSlot").decoded().number());
            Entry dropbox = run(Catalog.USRCLASS_SHELLBAG_PLUGIN, h).stream()
                    .filter(x -> x.keyPath().equals(BAG_MRU) && "9".equals(x.valueName())).findFirst().orElseThrow();
            assertEquals("18", dropbox.shown("nodeSlot"));
            assertEquals(Values.dataOffset(bagMru.subkey("9").value("NodeSlot")),
                    dropbox.field("nodeSlot").orElseThrow().offset());
        }
    }

    /** Paths through delegate items, volumes and file entries, with their FAT times and MFT references. */
    @Test
    void pathsAndFileEntryFieldsOfTheCorpusHive() {
        List<Entry> e = withoutLogs(corpus("regipy/UsrClass.dat"));
        List<String> paths = shown(e, "path");
        assertTrue(paths.contains("D:\\AKMonitor\\logs\\pic"), paths.toString());
        assertTrue(paths.contains("My Computer\\C:\\Users\\jcloudy\\Box Sync"), paths.toString());
        assertTrue(paths.contains("Control Panel\\System and Security\\System"), paths.toString());
        Entry users = e.stream().filter(x -> "My Computer\\C:\\Users".equals(x.shown("path"))).findFirst()
                .orElseThrow();
        // 78 00 31 00 00000000 7b4c914c 1100 "Users" ... 0400efbe 3d4ba645 7b4c914c 2e00 0000 8905000000000100
        assertEquals("Directory", users.shown("itemType"));
        assertEquals("2018-03-27T09:36:34", users.shown("modifiedFat"));
        assertEquals("2017-09-29T08:45:12", users.shown("createdFat"));
        assertEquals("1417", users.shown("mftEntry"));
        assertEquals("1", users.shown("mftSequence"));
        assertEquals("9", users.shown("extensionVersion"));
        Entry drive = e.stream().filter(x -> "D:\\".equals(x.shown("path"))).findFirst().orElseThrow();
        assertEquals("{F5FB2C77-0E2F-4A16-A381-3E560C68BC83} Removable Drives", drive.shown("delegateFolder"));
        assertEquals("Volume", drive.shown("itemType"));
    }

    /** With its two logs replayed (as every patchlens command reads it) the hive holds nine entries more. */
    @Test
    void theLogsAddWhatWindowsWroteLast() {
        List<Entry> e = run(Catalog.USRCLASS_SHELLBAG_PLUGIN, corpus("regipy/UsrClass.dat"));
        assertEquals(38, e.size());
        assertEquals("4-10-0-5-8-7-6-9-1-3-2", e.get(0).shown("mruOrder"));
    }
}
