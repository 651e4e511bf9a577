package org.patchlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/** One folder's rows without a Spark session: pairing, hosts, and files that must cost only themselves. */
@Tag("spark")
class FolderRowsTest {
    private static final String DIR = "file:/evidence/ws042/C/Windows/System32/config/";

    private static FleetJob.Settings settings(FleetJob.Mode mode, long seconds) {
        return new FleetJob.Settings(mode, FleetJob.root("file:/evidence/*"), null, seconds);
    }

    private static List<Row> rows(FleetJob.Settings s, FolderRows.In... files) {
        List<Row> out = new ArrayList<>();
        new FolderRows(s, Arrays.asList(files).iterator()).forEachRemaining(out::add);
        return out;
    }

    private static FolderRows.In in(String name, byte[] content) {
        return new FolderRows.In(DIR + name, content.length, content);
    }

    /** The table's own row inside a row of the union schema. */
    private static Row inner(Row r) {
        int i = 2 + Tables.ALL.indexOf(r.getString(0));
        Row s = r.getStruct(i);
        Object[] v = new Object[s.size()];
        for (int c = 0; c < v.length; c++) {
            v[c] = s.get(c);
        }
        // as Spark would hand it back: with the table's schema, so columns are read by name
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v,
                (org.apache.spark.sql.types.StructType) Tables.UNION.fields()[i].dataType());
    }

    private static Map<String, Row> files(List<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : rows) {
            if (r.getString(0).equals(Tables.FILES)) {
                Row f = inner(r);
                assertNull(out.put(f.getAs("path"), r), "one files row per input");
            }
        }
        return out;
    }

    private static byte[] hive() {
        HiveBuilder b = HiveBuilder.v13();
        b.key("Software\\Vendor").sz("Name", "Contoso").dword("Count", 7);
        b.key("Control Panel\\Desktop").sz("Wallpaper", "C:\\w.bmp");
        return b.toBytes();
    }

    @Test
    void theHostIsTheFirstFolderUnderTheRootOrTheRegexGroup() {
        assertEquals("file:/evidence/", FleetJob.root("file:/evidence/*"));
        assertEquals("/data/kape/", FleetJob.root("/data/kape/2026*/x"));
        assertEquals("/data/kape/one/SYSTEM", FleetJob.root("/data/kape/one/SYSTEM"));
        FleetJob.Settings s = settings(FleetJob.Mode.DUMP, 600);
        assertEquals("ws042", s.host(DIR + "SYSTEM"));
        assertEquals("ws042", s.host("/evidence/ws042/SYSTEM"), "with or without the scheme");
        assertEquals("", s.host("file:/elsewhere/ws042/SYSTEM"));
        assertEquals("", s.host("file:/evidence/SYSTEM"), "a file directly in the root has no host folder");
        FleetJob.Settings r = new FleetJob.Settings(FleetJob.Mode.DUMP, "file:/evidence/", "/(WS\\d+)_", 600);
        assertEquals("WS7", r.host("file:/evidence/2026/WS7_kape/SYSTEM"));
        assertEquals("", r.host("file:/evidence/2026/other/SYSTEM"));
    }

    @Test
    void aHiveIsDumpedWithItsHostTypeAndCounts() {
        byte[] h = hive();
        List<Row> rows = rows(settings(FleetJob.Mode.DUMP, 600), in("NTUSER.DAT", h));
        long keys = rows.stream().filter(r -> r.getString(0).equals(Tables.KEYS)).count();
        long values = rows.stream().filter(r -> r.getString(0).equals(Tables.VALUES)).count();
        assertEquals(5, keys, "root, Software, Vendor, Control Panel, Desktop");
        assertEquals(3, values);
        Row f = inner(files(rows).get(DIR + "NTUSER.DAT"));
        assertEquals(5L, f.<Long>getAs("keys"));
        assertEquals(3L, f.<Long>getAs("values"));
        assertEquals("hive", f.getAs("kind"));
        assertEquals("ws042", f.getAs("host"));
        assertEquals("CLEAN", f.getAs("replay"));
        assertEquals(0, f.<Integer>getAs("damage_count"));
        Row count = rows.stream().filter(r -> r.getString(0).equals(Tables.VALUES)).map(FolderRowsTest::inner)
                .filter(v -> v.getAs("value_name").equals("Count")).findFirst().orElseThrow();
        assertEquals("7", count.getAs("value"));
        assertEquals("07000000", count.getAs("hex"));
        assertEquals("REG_DWORD", count.getAs("type"));
        assertEquals("NTUSER", files(rows).get(DIR + "NTUSER.DAT").getString(1), "the type from the keys");
    }

    @Test
    void logsGoWithTheirHiveWhateverTheCaseAndOrphansAreOther() {
        byte[] junk = new byte[8192];
        new Random(18).nextBytes(junk);
        List<Row> rows = rows(settings(FleetJob.Mode.DUMP, 600), in("ntuser.dat", hive()), in("NTUSER.DAT.LOG1", junk),
                in("SOFTWARE.LOG2", junk));
        Map<String, Row> files = files(rows);
        assertEquals(3, files.size());
        assertEquals("log", inner(files.get(DIR + "NTUSER.DAT.LOG1")).getAs("kind"));
        assertEquals("NTUSER", files.get(DIR + "NTUSER.DAT.LOG1").getString(1), "a log is filed with its hive's type");
        assertEquals("other", inner(files.get(DIR + "SOFTWARE.LOG2")).getAs("kind"), "no SOFTWARE beside it");
        // the hive is clean: the log is looked at (the ledger has it) and not applied
        assertEquals("CLEAN", inner(files.get(DIR + "ntuser.dat")).getAs("replay"));
    }

    @Test
    void twoHivesWhoseNamesDifferOnlyByCaseAreBothRead() {
        Map<String, Row> files = files(rows(settings(FleetJob.Mode.DUMP, 600), in("ntuser.dat", hive()),
                in("NTUSER.DAT", hive())));
        assertEquals(2, files.size());
        for (Row f : files.values()) {
            assertEquals(5L, inner(f).<Long>getAs("keys"), f.toString());
        }
    }

    @Test
    void damagedHostileAndOversizedFilesCostOnlyThemselves() {
        byte[] good = hive();
        byte[] truncated = Arrays.copyOf(good, 4096 + 64);
        byte[] noise = Arrays.copyOf(good, 64 * 1024);
        Random random = new Random(42);
        byte[] tail = new byte[noise.length - 4096];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, noise, 4096, tail.length);
        FolderRows.In huge = new FolderRows.In(DIR + "pagefile.sys", 3L << 30, null);
        List<Row> rows = rows(settings(FleetJob.Mode.DUMP, 600), in("SYSTEM", good), in("SAM", truncated),
                in("SECURITY", noise), huge, in("readme.txt", "not a hive".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, Row> files = files(rows);
        assertEquals(5, files.size());
        assertEquals(5L, inner(files.get(DIR + "SYSTEM")).<Long>getAs("keys"), "the good hive beside them is whole");
        for (String bad : List.of("SAM", "SECURITY")) {
            Row f = inner(files.get(DIR + bad));
            assertEquals("hive", f.getAs("kind"));
            assertTrue(f.getAs("error") != null || f.<Integer>getAs("damage_count") > 0, bad + ": " + f);
        }
        Row h = inner(files.get(DIR + "pagefile.sys"));
        assertEquals("not-loaded", h.getAs("kind"));
        assertEquals(3L << 30, h.<Long>getAs("size"));
        assertTrue(h.<String>getAs("error").contains("over 2 GiB"), h.toString());
        assertNull(h.getAs("sha256"));
        assertEquals("other", inner(files.get(DIR + "readme.txt")).getAs("kind"));
        assertEquals(Tables.NO_TYPE, files.get(DIR + "readme.txt").getString(1));
    }

    @Test
    void theTimeBudgetStopsAWalkAndSaysSo() {
        List<Row> rows = rows(settings(FleetJob.Mode.DUMP, 0), in("SYSTEM", hive()));
        Row f = inner(files(rows).get(DIR + "SYSTEM"));
        assertNotNull(f.getAs("error"));
        assertTrue(f.<String>getAs("error").startsWith("time budget of 0 s spent"), f.toString());
        assertTrue(f.<Long>getAs("keys") < 5, f.toString());
    }

    @Test
    void artifactsAndDeletedModesFillTheirCountColumns() {
        Row a = inner(files(rows(settings(FleetJob.Mode.ARTIFACTS, 600), in("NTUSER.DAT", hive()))).get(DIR
                + "NTUSER.DAT"));
        assertNotNull(a.getAs("entries"));
        assertNull(a.getAs("keys"));
        Row d = inner(files(rows(settings(FleetJob.Mode.DELETED, 600), in("NTUSER.DAT", hive()))).get(DIR
                + "NTUSER.DAT"));
        assertEquals(0L, d.<Long>getAs("recovered"), "a built hive has no free cells with records");
    }
}
