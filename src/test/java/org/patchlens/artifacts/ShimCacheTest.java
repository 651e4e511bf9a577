package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.patchlens.artifacts.ShimCacheBuilder.Item;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

class ShimCacheTest {
    private static final long T1 = FileTime.fromInstant(java.time.Instant.parse("2011-01-12T12:08:00.1234567Z"));
    private static final long T2 = FileTime.fromInstant(java.time.Instant.parse("2009-07-14T01:39:07.0000001Z"));
    private static final String CACHE = "ControlSet001\\Control\\Session Manager\\AppCompatCache";

    private static List<Entry> read(byte[] data) {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Select").dword("Current", 1);
        b.key(CACHE).binary("AppCompatCache", data);
        return run(Catalog.SHIMCACHE, b);
    }

    /**
     * regipy_tests/validation/validation_tests/shimcache_validation.py on SYSTEM.xz (corpus regipy/SYSTEM): 660
     * entries, among them mfeann.exe modified 2011-01-12T12:08:00, executed. The hive's two control sets hold the
     * same Windows 7 32-bit cache of 330 entries (0xBADC0FEE, count 0x14A at byte 4 of the value).
     */
    @Test
    void theEntriesRegipyStatesForItsSystemHive() {
        List<Entry> e = run(Catalog.SHIMCACHE, corpus("regipy/SYSTEM"));
        assertEquals(660, e.size());
        assertEquals(330, e.stream().filter(x -> x.keyPath().startsWith("\\ControlSet001\\")).count());
        assertEquals(Set.of("Windows 7 / Server 2008 R2 (0xBADC0FEE, 32-bit entries)"), formats(e));
        List<Entry> mfeann = e.stream().filter(x -> "\\??\\C:\\Program Files\\McAfee\\VirusScan Enterprise\\mfeann.exe"
                .equals(x.shown("path"))).toList();
        assertTrue(!mfeann.isEmpty());
        for (Entry x : mfeann) {
            assertEquals("2011-01-12T12:08:00+00:00", regipyTime(ticks(x, "lastModified")));
            assertEquals("yes", x.shown("executed"));
        }
        assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
        assertEquals(IntStream.range(0, 330).mapToObj(Integer::toString).toList(),
                shown(e.subList(0, 330), "position"));
    }

    @Test
    void windowsXp32Bit() {
        byte[] d = ShimCacheBuilder.xp(List.of(Item.of("C:\\WINDOWS\\system32\\notepad.exe", T1).size(66048).update(T2),
                Item.of("C:\\x.exe", T2).size(5)));
        List<Entry> e = read(d);
        assertEquals(2, e.size());
        Entry x = e.get(0);
        assertEquals("Windows XP 32-bit (0xDEADBEEF)", x.shown("format"));
        assertEquals("C:\\WINDOWS\\system32\\notepad.exe", x.shown("path"));
        assertEquals("2011-01-12T12:08:00.1234567Z", x.shown("lastModified"));
        assertEquals("66048", x.shown("fileSize"));
        assertEquals("2009-07-14T01:39:07.0000001Z", x.shown("lastUpdate"));
        assertNull(x.shown("executed"));
        assertNull(x.shown("insertFlags"));
        assertEquals("1", e.get(1).shown("position"));
        assertEquals("5", e.get(1).shown("fileSize"));
        assertTrue(x.notes().isEmpty(), x.notes().toString());
    }

    @Test
    void server2003AndXp64BitKeepFileSizes() {
        for (boolean wide : new boolean[]{false, true}) {
            List<Entry> e = read(ShimCacheBuilder.nt5(wide, true, List.of(Item.of("\\??\\C:\\a.exe", T1).size(4096),
                    Item.of("\\??\\C:\\b.exe", T2).size(0x1_0000_0002L))));
            assertEquals("Windows Server 2003 / XP 64-bit (0xBADC0FFE, " + (wide ? 64 : 32) + "-bit entries; file "
                    + "sizes, inferred: a size word above 3)", e.get(0).shown("format"));
            assertEquals(List.of("\\??\\C:\\a.exe", "\\??\\C:\\b.exe"), shown(e, "path"));
            assertEquals(List.of("4096", "4294967298"), shown(e, "fileSize"));
            assertEquals("2009-07-14T01:39:07.0000001Z", e.get(1).shown("lastModified"));
            assertNull(e.get(0).shown("executed"));
        }
    }

    @Test
    void vistaAndServer2008KeepFlags() {
        for (boolean wide : new boolean[]{false, true}) {
            List<Entry> e = read(ShimCacheBuilder.nt5(wide, false, List.of(Item.of("\\??\\C:\\a.exe", T1).flags(2, 0),
                    Item.of("\\??\\C:\\b.exe", T2).flags(1, 3))));
            assertEquals("Windows Vista / Server 2008 (0xBADC0FFE, " + (wide ? 64 : 32) + "-bit entries; insert "
                    + "flags, inferred: no word above 3)", e.get(0).shown("format"));
            assertEquals(List.of("yes", "no"), shown(e, "executed"));
            assertEquals(List.of("2", "1"), shown(e, "insertFlags"));
            assertEquals(List.of("0", "3"), shown(e, "shimFlags"));
            assertNull(e.get(0).shown("fileSize"));
        }
    }

    @Test
    void windows7BothWidths() {
        for (boolean wide : new boolean[]{false, true}) {
            List<Entry> e = read(ShimCacheBuilder.nt6(wide, List.of(
                    Item.of("\\??\\C:\\Windows\\a.exe", T1).flags(0x22, 7).data(new byte[]{1, 2, 3}),
                    Item.of("SYSVOL\\b.exe", T2).flags(0x10000, 0))));
            assertEquals("Windows 7 / Server 2008 R2 (0xBADC0FEE, " + (wide ? 64 : 32) + "-bit entries)",
                    e.get(0).shown("format"));
            assertEquals(List.of("\\??\\C:\\Windows\\a.exe", "SYSVOL\\b.exe"), shown(e, "path"));
            assertEquals(List.of("yes", "no"), shown(e, "executed"));
            assertEquals(List.of("34", "65536"), shown(e, "insertFlags"));
            assertEquals(List.of("3", "0"), shown(e, "dataSize"));
            assertEquals("2011-01-12T12:08:00.1234567Z", e.get(0).shown("lastModified"));
            assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
        }
    }

    @Test
    void windows8And81() {
        for (String tag : List.of("00ts", "10ts")) {
            List<Entry> e = read(ShimCacheBuilder.win8(tag, List.of(Item.of("\\??\\C:\\a.exe", T1).flags(2, 0)
                    .data(new byte[8]), Item.of("SYSVOL\\b.exe", T2).flags(0x40, 1))));
            assertEquals((tag.equals("00ts") ? "Windows 8.0 / Server 2012" : "Windows 8.1 / Server 2012 R2")
                    + " (\"" + tag + "\" entries)", e.get(0).shown("format"));
            assertEquals(List.of("\\??\\C:\\a.exe", "SYSVOL\\b.exe"), shown(e, "path"));
            assertEquals(List.of("yes", "no"), shown(e, "executed"));
            assertEquals(List.of("8", "0"), shown(e, "dataSize"));
            assertEquals(List.of("0", "1"), shown(e, "shimFlags"));
            assertEquals("2009-07-14T01:39:07.0000001Z", e.get(1).shown("lastModified"));
            assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
        }
    }

    @Test
    void windows10And11BothHeaders() {
        byte[] ran = {0, 0, 0, 0, 1, 0, 0, 0};
        for (int header : new int[]{0x30, 0x34}) {
            List<Entry> e = read(ShimCacheBuilder.win10(header, List.of(Item.of("C:\\Tools\\x.exe", T1).data(ran),
                    Item.of("C:\\y.exe", T2).data(new byte[8]), Item.of("Microsoft.App_8wekyb3d8bbwe", 0))));
            assertEquals(3, e.size());
            assertTrue(e.get(0).shown("format").startsWith(header == 0x30 ? "Windows 10 (header 0x30)"
                    : "Windows 10 1703 and later / 11 (header 0x34)"), e.get(0).shown("format"));
            assertEquals(List.of("C:\\Tools\\x.exe", "C:\\y.exe", "Microsoft.App_8wekyb3d8bbwe"), shown(e, "path"));
            assertEquals(Arrays.asList("yes (inferred)", "no (inferred)", null), shown(e, "executed"));
            assertEquals("2011-01-12T12:08:00.1234567Z", e.get(0).shown("lastModified"));
            assertEquals("1601-01-01T00:00:00.0000000Z", e.get(2).shown("lastModified"));
            assertNull(e.get(0).shown("insertFlags"));
            assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
        }
    }

    @Test
    void anUnknownSignatureIsKeptAsANote() {
        byte[] d = {0x78, 0x56, 0x34, 0x12, 9, 9, 9, 9};
        List<Entry> e = read(d);
        assertEquals(1, e.size());
        assertEquals("unknown", e.get(0).shown("format"));
        assertTrue(e.get(0).notes().get(0).matches("\"AppCompatCache\" at file offset 0x[0-9A-F]+: unknown signature "
                + "0x12345678 \\(first bytes 7856341209090909\\).*"), e.get(0).notes().toString());
    }

    @Test
    void damageIsNotedWithTheByteItIsAt() {
        // a count of 5 with room for 2; the second entry's path points past the end
        byte[] d = ShimCacheBuilder.nt6(false, List.of(Item.of("a", T1), Item.of("b", T2)));
        d[4] = 5;
        int second = 128 + 32;
        d[second + 4] = (byte) 0xF0;
        d[second + 5] = (byte) 0xFF;
        List<Entry> e = read(d);
        assertEquals(2, e.size());
        assertTrue(e.get(0).notes().get(0).endsWith("the header (byte 0x4) declares 5 entries of 32 bytes from byte "
                + "0x80; 2 fit in the data"), e.get(0).notes().toString());
        assertNull(e.get(1).shown("path"));
        assertTrue(e.get(1).notes().get(0).contains("entry 1 (byte 0xA0 of the data): its path (2 bytes at 0xFFF0) "
                + "lies outside the value's"), e.get(1).notes().toString());
        // a truncated Windows 10 entry: what was read is kept, the rest noted
        byte[] w = ShimCacheBuilder.win10(0x34, List.of(Item.of("C:\\a.exe", T1), Item.of("C:\\b.exe", T2)));
        List<Entry> t = read(Arrays.copyOf(w, w.length - 3));
        assertEquals(1, t.size());
        assertTrue(t.get(0).notes().stream().anyMatch(n -> n.contains("entry size 30 runs past the value's end")),
                t.get(0).notes().toString());
        assertTrue(t.get(0).notes().stream().anyMatch(n -> n.endsWith("declares 2 entries; 1 were read")));
    }

    @Test
    void everyCutOfEveryFormatGivesNotesNotExceptions() {
        List<byte[]> all = List.of(ShimCacheBuilder.xp(List.of(Item.of("a", T1))),
                ShimCacheBuilder.nt5(true, false, List.of(Item.of("a", T1))),
                ShimCacheBuilder.nt6(true, List.of(Item.of("a", T1).data(new byte[4]))),
                ShimCacheBuilder.win8("10ts", List.of(Item.of("a", T1))),
                ShimCacheBuilder.win10(0x30, List.of(Item.of("a", T1).data(new byte[4]))));
        for (byte[] d : all) {
            // up to the last path's NUL, which nothing needs (the path size says where it ends)
            for (int cut = 0; cut < d.length - 2; cut += Math.max(1, d.length / 97)) {
                ShimCacheData.Cache c = ShimCacheData.parse(Arrays.copyOf(d, cut));
                int problems = c.problems().size() + c.entries().stream().mapToInt(x -> x.problems().size()).sum();
                assertTrue(problems > 0 || c.entries().isEmpty(), cut + " of " + d.length + ": " + c);
            }
        }
    }

    private static Set<String> formats(List<Entry> e) {
        return e.stream().map(x -> x.shown("format")).collect(Collectors.toSet());
    }
}
