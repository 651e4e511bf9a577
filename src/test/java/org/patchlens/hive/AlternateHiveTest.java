package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows 2000 SYSTEM.ALT: found beside SYSTEM (any case), compared, the authoritative one named. */
public class AlternateHiveTest {

    public static void pair(Path dir, String altName, long altSeq, int current) {
        HiveBuilder p = HiveBuilder.v13().sequence(7, 7).fileName("\\SystemRoot\\System32\\Config\\SYSTEM");
        p.key("Select").dword("Current", 1);
        p.write(dir.resolve("SYSTEM"));
        HiveBuilder a = HiveBuilder.v13().sequence(altSeq, altSeq).fileName("\\SystemRoot\\System32\\Config\\SYSTEM");
        a.key("Select").dword("Current", current);
        if (current != 1) {
            a.key("Select").dword("LastKnownGood", 2);
        }
        a.write(dir.resolve(altName));
    }

    @Test
    void newerAltIsReportedWithItsDifferences(@TempDir Path dir) {
        pair(dir, "system.alt", 8, 2);
        AlternateHive c = AlternateHive.compare(dir.resolve("SYSTEM"));
        assertEquals("system.alt", c.alternate().getFileName().toString());
        assertEquals(2, c.differences(), c.examples().toString());
        assertEquals("the .ALT is newer (sequence 8 vs 7): the primary is stale", c.verdict());
        assertTrue(c.examples().contains("changed value \\Select : Current"), c.examples().toString());
        assertTrue(c.examples().contains("added value \\Select : LastKnownGood"), c.examples().toString());
        AlternateHive back = AlternateHive.compare(dir.resolve("system.alt"));
        assertEquals(dir.resolve("SYSTEM"), back.primary());
        assertEquals(c.differences(), back.differences());
    }

    @Test
    void identicalMirrorAndNoMirror(@TempDir Path dir) {
        pair(dir, "SYSTEM.ALT", 7, 1);
        AlternateHive c = AlternateHive.compare(dir.resolve("SYSTEM"));
        assertEquals(0, c.differences());
        assertEquals("same sequence numbers and last-written time", c.verdict());
        assertTrue(c.summary().endsWith("trees identical"), c.summary());
        assertNull(AlternateHive.compare(dir.resolve("SYSTEM.ALT").resolveSibling("OTHER")));
    }
}
