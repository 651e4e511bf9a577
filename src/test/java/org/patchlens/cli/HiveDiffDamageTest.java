package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * {@code hive diff} says each hive's damage once: a hive compared with itself (the check examiners make that a
 * hive never differs from itself) printed the same damage lines twice, once for A and once for B.
 */
class HiveDiffDamageTest {
    @TempDir
    Path tmp;

    /** A hive whose key {@code Broken} names a subkey list far past the end of the hive. */
    private Path damaged(String name) throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Good").dword("n", 1);
        HiveBuilder.K broken = b.key("Broken");
        broken.key("Child").dword("c", 2);
        HiveBuilder.Image img = b.build();
        img.putU4(broken.nkOffset(), 28, 0x7FFFFFF0);
        return img.fixChecksum().write(Files.createDirectories(tmp.resolve("ev")).resolve(name));
    }

    private static long count(String text, String line) {
        return text.lines().filter(l -> l.equals(line)).count();
    }

    @Test
    void aDamagedHiveComparedWithItselfSaysItsDamageOnce() throws Exception {
        Path a = damaged("A");
        CliRun r = CliRun.of("hive", "diff", a.toString(), a.toString());
        assertEquals(1, r.exit(), r.err());
        String header = r.err().lines().filter(l -> l.contains("problem")).findFirst().orElseThrow(() ->
                new AssertionError("no damage line: " + r.err()));
        assertEquals(1, count(r.err(), header), r.err());
    }

    @Test
    void twoCopiesWithTheSameDamageStillSayEach() throws Exception {
        Path a = damaged("A");
        Path b = damaged("B");
        CliRun r = CliRun.of("hive", "diff", a.toString(), b.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("patchlens: " + a + ": "), r.err());
        assertTrue(r.err().contains("patchlens: " + b + ": "), r.err());
    }
}
