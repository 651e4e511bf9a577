package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

class TypedUrlsTest {
    /**
     * regipy_tests/validation/validation_tests/typed_urls_plugin_validation.py on NTUSER.DAT.xz (corpus
     * regipy/NTUSER.DAT): url1 and url2, key written 2012-04-03T22:37:55.411500 (a Windows 7 hive: no
     * TypedURLsTime).
     */
    @Test
    void theEntriesRegipyStatesForItsNtuserHive() {
        List<Entry> e = run(Catalog.TYPED_URLS, corpus("regipy/NTUSER.DAT"));
        assertEquals(List.of("url1", "url2"), e.stream().map(Entry::valueName).toList());
        assertEquals(List.of("http://199.73.28.114:53/", "http://go.microsoft.com/fwlink/?LinkId=69157"),
                shown(e, "url"));
        assertEquals("2012-04-03T22:37:55.411500+00:00", regipyTime(e.get(0).lastWritten()));
        assertEquals(List.of("url"), e.get(0).fields().stream().map(Field::name).toList());
    }

    /** notatin's NTUSER.DAT (Windows 8.1): TypedURLsTime gives each URL its time; url1's is the key's. */
    @Test
    void theTimesOfAWindows8Hive() {
        Path ntuser = corpus("notatin/NTUSER.DAT");
        List<Entry> e = run(Catalog.TYPED_URLS, ntuser);
        assertEquals(11, e.size());
        assertEquals("https://github.com/gentilkiwi/mimikatz/releases/tag/2.0.0-alpha-20150122", e.get(0).shown("url"));
        assertEquals("2015-02-11T22:42:08.6140254Z", e.get(0).shown("typedTime"));
        assertEquals(e.get(0).lastWritten(), ticks(e.get(0), "typedTime"));
        assertEquals("2015-02-11T22:29:12.6130693Z", e.get(1).shown("typedTime"));
        Field t = e.get(1).field("typedTime").orElseThrow();
        assertCellHolds(ntuser, t, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(t.number()).array());
    }

    @Test
    void aShortTimeIsNoted() {
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Internet Explorer\\TypedURLsTime").binary("url2", 1, 2);
        Entry e = run(Catalog.TYPED_URLS, b).get(1);
        assertEquals(null, e.shown("typedTime"));
        assertTrue(e.notes().get(0).matches("TypedURLsTime \"url2\" at file offset 0x[0-9A-F]+: 2 bytes, a FILETIME "
                + "needs 8"), e.notes().toString());
    }
}
