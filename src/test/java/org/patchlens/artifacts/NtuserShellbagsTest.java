package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class NtuserShellbagsTest {
    /**
     * An NTUSER hive holding the BagMRU keys and values of regipy's NTUSER_BAGMRU.DAT on the path of the entry its
     * validation test states, their bytes and key times as stored there (the resource beside this class).
     */
    static HiveBuilder searchFolderHive() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Control Panel");
        b.key("Environment");
        String text;
        try (InputStream in = NtuserShellbagsTest.class.getResourceAsStream("ntuser-bagmru-search-folder.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            String path = f.length > 1 ? f[1].substring(1).replace("SOFTWARE\\", "Software\\") : "";
            if (f[0].equals("K")) {
                b.key(path).lastWrittenRaw(Long.parseUnsignedLong(f[2]));
            } else if (f[0].equals("V")) {
                b.key(path).value(f[2], Long.parseLong(f[3]), HexFormat.of().parseHex(f[5]));
            }
        }
        return b;
    }

    /**
     * regipy_tests/validation/validation_tests/shell_bag_ntuser_plugin_validation.py on NTUSER_BAGMRU.DAT.xz: the
     * entry {reg_path \Software\...\Shell\BagMRU\2\0, value_name 0, value "rekall", shell_type Directory, path
     * "Search Folder\tmp\rekall", creation_time 2021-08-16T09:41:32, access_time 2021-08-16T09:43:22,
     * modification_time 2021-08-16T09:41:32, last_write 2021-08-16T09:44:39.333110, mru_order "0",
     * mru_order_location 0}. Its node_slot "11" is BagMRU\2\0's own NodeSlot (the folder "tmp"); the folder
     * "rekall" is BagMRU\2\0\0, NodeSlot 12, which this entry gives (as in UsrclassShellbagsTest).
     */
    @Test
    void theEntryRegipyStatesForItsBagMruHive() {
        List<Entry> e = run(Catalog.NTUSER_SHELLBAG_PLUGIN, searchFolderHive());
        assertEquals(List.of("Search Folder", "Search Folder\\tmp", "Search Folder\\tmp\\rekall"), shown(e, "path"));
        Entry rekall = e.get(2);
        assertEquals("\\Software\\Microsoft\\Windows\\Shell\\BagMRU\\2\\0", rekall.keyPath());
        assertEquals("0", rekall.valueName());
        assertEquals("rekall", rekall.shown("itemName"));
        assertEquals("Directory", rekall.shown("itemType"));
        assertEquals("2021-08-16T09:41:32", rekall.shown("createdFat"));
        assertEquals("2021-08-16T09:43:22", rekall.shown("accessedFat"));
        assertEquals("2021-08-16T09:41:32", rekall.shown("modifiedFat"));
        assertEquals("2021-08-16T09:44:39.333110+00:00", regipyTime(rekall.lastWritten()));
        assertEquals("0", rekall.shown("mruOrder"));
        assertEquals("0", rekall.shown("mruPosition"));
        assertEquals("12", rekall.shown("nodeSlot"));
        // the first two are property views: the delegate Search Folder, then a view named by its property store
        assertEquals("{04731B67-D933-450A-90E6-4ACD2E9408FE} Search Folder", e.get(0).shown("delegateFolder"));
        assertEquals("1", e.get(0).shown("mruPosition")); // BagMRU's MRUListEx is 0-2-1
        assertEquals("Users Property View", e.get(1).shown("itemType"));
        assertEquals("tmp", e.get(1).shown("displayName"));
        assertTrue(e.stream().allMatch(x -> x.notes().isEmpty()), e.toString());
    }

    @Test
    void theCorpusNtuserHiveHasAnEmptyBagMru() {
        // regipy/NTUSER.DAT: BagMRU holds NodeSlots, NodeSlot and an MRUListEx of ffffffff, and no numbered value
        assertEquals(List.of(), run(Catalog.NTUSER_SHELLBAG_PLUGIN, corpus("regipy/NTUSER.DAT")));
    }

    @Test
    void xpShellNoRoamIsReadAndADeepTreeStops() {
        HiveBuilder b = Fixtures.ntuser();
        HiveBuilder.K k = b.key("Software\\Microsoft\\Windows\\ShellNoRoam\\BagMRU");
        k.binary("0", ShellItemBuilder.list(ShellItemBuilder.rootFolder(0x50, "20d04fe0-3aea-1069-a2d8-08002b30309d")));
        for (int i = 0; i <= BagMru.MAX_DEPTH + 1; i++) {
            k = k.key("0").binary("0", ShellItemBuilder.list(ShellItemBuilder.volume("C:\\")));
        }
        List<Entry> e = run(Catalog.NTUSER_SHELLBAG_PLUGIN, b).stream()
                .filter(x -> x.keyPath().contains("ShellNoRoam")).toList();
        assertEquals("My Computer", e.get(0).shown("path"));
        assertEquals("My Computer\\C:\\C:\\", e.get(2).shown("path"));
        Entry last = e.get(e.size() - 1);
        assertTrue(last.notes().get(0).endsWith("deeper than " + BagMru.MAX_DEPTH + " levels below BagMRU; not "
                + "read further"), last.notes().toString());
    }
}
