package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class AmcacheTest {
    /**
     * regipy_tests/validation/validation_tests/amcache_validation.py on amcache.hve.xz (corpus regipy/amcache.hve):
     * 1367 entries, among them TPVMMondeu.dll. regipy strips the first four characters of the program ID
     * ("0000"); patchlens keeps the value as stored, since with them it is the name of the program's
     * InventoryApplication key: the test shows both from the bytes.
     */
    @Test
    void theEntriesRegipyStatesForItsAmcacheHive() {
        Path hve = corpus("regipy/amcache.hve");
        List<Entry> e = run(Catalog.AMCACHE, hve);
        assertEquals(1367, e.size());
        assertEquals(1120, e.stream().filter(x -> x.shown("format").equals("File")).count());
        Entry x = e.stream().filter(y -> "C:\\Windows\\system32\\TPVMMondeu.dll".equals(y.shown("path"))).findFirst()
                .orElseThrow();
        assertEquals("2017-03-17T05:06:04.002722+00:00", regipyTime(ticks(x, "lastModified2")));
        assertEquals("056f4b9d9ec9b5dc548e1b460da889e44089d76f", x.shown("sha1"));
        assertEquals("000075a010066bb612ca7357ce31df8e9f0300000904", x.shown("programId"));
        assertEquals("75a010066bb612ca7357ce31df8e9f0300000904", x.shown("programId").substring(4));
        assertCellHolds(hve, x.field("programId").orElseThrow(),
                "0000".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("2017-08-03T11:34:02.263418+00:00", regipyTime(x.lastWritten()));
        assertEquals("ccbe4c57-0000-0000-0000-100000000000", x.shown("volumeId"));
        assertEquals(List.of(), e.stream().flatMap(y -> y.notes().stream()).toList());
    }

    @Test
    void inventoryApplicationFileEntries() {
        List<Entry> e = run(Catalog.AMCACHE, corpus("regipy/amcache.hve"));
        Entry x = e.stream().filter(y -> y.keyPath().endsWith("\\000004495fb538f070efc58b28b096aecca267e28ead"))
                .findFirst().orElseThrow();
        assertEquals("InventoryApplicationFile", x.shown("format"));
        assertEquals("186fef64c415af7d11986c72540ba5ba3dd6e6b8".length(), x.shown("sha1").length());
        assertEquals(Long.toString(0x7fac0), x.shown("size"));
        assertTrue(x.shown("path").startsWith("c:\\users\\user\\appdata\\local\\"), x.shown("path"));
    }

    /** The older File values, built: the numbered strings, the size, the FILETIMEs and the Unix link time. */
    @Test
    void theNumberedValuesOfAFileEntry() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Root\\File\\{v}\\1").sz("0", "Product").sz("1", "Company").sz("5", "1.2.3").sz("c", "Desc")
                .sz("15", "C:\\a.exe").dword("6", 1234).value("11", 11, Fixtures.hex("0100000000000000"))
                .value("12", 11, Fixtures.hex("0200000000000000")).dword("f", 1_500_000_000L)
                .sz("101", "0000" + "a".repeat(40)).sz("100", "0000b");
        Entry x = run(Catalog.AMCACHE, b).get(0);
        assertEquals(List.of("Product", "Company", "1.2.3", "Desc", "C:\\a.exe", "1234"), List.of(x.shown("productName"),
                x.shown("companyName"), x.shown("fileVersion"), x.shown("fileDescription"), x.shown("path"),
                x.shown("size")));
        assertEquals("1601-01-01T00:00:00.0000001Z", x.shown("lastModified"));
        assertEquals("1601-01-01T00:00:00.0000002Z", x.shown("created"));
        assertEquals("2017-07-14T02:40:00.0000000Z", x.shown("compileTime"));
        assertEquals("a".repeat(40), x.shown("sha1"));
        assertNull(x.shown("lastModified2"));
        assertTrue(x.notes().isEmpty(), x.notes().toString());
    }

    @Test
    void garbageIsNotedWithTheOffset() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Root\\InventoryApplicationFile\\x").sz("FileId", "not a hash").sz("Size", "big");
        b.key("Root\\File\\{v}\\1").binary("17", 1, 2, 3);
        List<Entry> e = run(Catalog.AMCACHE, b);
        assertEquals(2, e.size());
        assertNull(e.get(0).shown("lastModified2"));
        assertTrue(e.get(0).notes().get(0).matches("\"17\" at file offset 0x[0-9A-F]+: REG_BINARY of 3 bytes where a "
                + "number was expected"), e.get(0).notes().toString());
        assertNull(e.get(1).shown("sha1"));
        assertTrue(e.get(1).notes().get(0).endsWith("\"not a hash\" is not \"0000\" and a 40-digit SHA-1; not shown "
                + "as one"), e.get(1).notes().toString());
        assertTrue(e.get(1).notes().get(1).endsWith("REG_SZ \"big\" where a number was expected"));
    }
}
