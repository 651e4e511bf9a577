package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.testing.Corpus;

/**
 * {@link HiveDiff} pairs keys and values by exact name first, then ignoring case (Windows rules), a name
 * listed several times by its n-th occurrence: a hive never differs from itself, and siblings that differ
 * only in case are each compared with their own counterpart.
 */
class HiveDiffTest {
    private static List<String> diff(Hive a, Hive b) {
        List<String> out = new ArrayList<>();
        HiveDiff.compare(a.root(), b.root(), c -> out.add(c.kind() + " " + c.path()
                + (c.isKey() ? "" : " : " + c.valueName()) + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")")));
        return out;
    }

    /** Siblings ÄÖÜ and äöü (Latin-1, differing only in non-ASCII case), a value listed under both spellings. */
    private static HiveBuilder caseSiblings(int second) {
        HiveBuilder b = HiveBuilder.v13();
        HiveBuilder.K p = b.key("P");
        p.addKey("\u00C4\u00D6\u00DC").dword("v", 1).addKey("Sub").dword("w", 10);
        p.addKey("\u00E4\u00F6\u00FC").dword("v", second).addKey("Sub").dword("w", 20);
        return b;
    }

    @Test
    void aHiveNeverDiffersFromItself() {
        byte[] bytes = caseSiblings(2).toBytes();
        Hive a = Hive.fromBytes("a", bytes);
        Hive b = Hive.fromBytes("b", bytes);
        assertEquals(List.of(), diff(a, b));
    }

    @Test
    void caseSiblingsArePairedWithTheirOwnSpelling() {
        Hive a = Hive.fromBytes("a", caseSiblings(2).toBytes());
        Hive b = Hive.fromBytes("b", caseSiblings(3).toBytes());
        assertEquals(List.of("CHANGED \\P\\\u00E4\u00F6\u00FC : v (data)"), diff(a, b));
    }

    @Test
    void exactSpellingWinsOverListOrder() {
        // A lists ÄÖÜ then äöü; B lists them the other way round (an unsorted list): still paired by spelling
        HiveBuilder x = HiveBuilder.v13();
        x.key("P").unsorted().addKey("\u00C4\u00D6\u00DC").dword("v", 1);
        x.key("P").addKey("\u00E4\u00F6\u00FC").dword("v", 2);
        HiveBuilder y = HiveBuilder.v13();
        y.key("P").unsorted().addKey("\u00E4\u00F6\u00FC").dword("v", 2);
        y.key("P").addKey("\u00C4\u00D6\u00DC").dword("v", 1);
        assertEquals(List.of(), diff(Hive.fromBytes("x", x.toBytes()), Hive.fromBytes("y", y.toBytes())));
    }

    @Test
    void aRenameOnlyInCaseIsAChangeOfTheSameKey() {
        HiveBuilder x = HiveBuilder.v15();
        x.key("Software\\Vendor").dword("Setting", 1);
        HiveBuilder y = HiveBuilder.v15();
        y.key("SOFTWARE\\vendor").dword("SETTING", 1);
        assertEquals(List.of("CHANGED \\SOFTWARE (name Software -> SOFTWARE)", "CHANGED \\SOFTWARE\\vendor (name Vendor -> vendor)",
                "CHANGED \\SOFTWARE\\vendor : SETTING (name Setting -> SETTING)"),
                diff(Hive.fromBytes("x", x.toBytes()), Hive.fromBytes("y", y.toBytes())));
    }

    @Test
    void valuesOfOneNameInSeveralSpellings() {
        // value "a" and value "A" in one key, listed in opposite orders: each pairs with its own spelling
        HiveBuilder x = HiveBuilder.v15();
        x.key("K").addValue("a", 4, new byte[] {1, 0, 0, 0}).addValue("A", 4, new byte[] {2, 0, 0, 0});
        HiveBuilder y = HiveBuilder.v15();
        y.key("K").addValue("A", 4, new byte[] {2, 0, 0, 0}).addValue("a", 4, new byte[] {1, 0, 0, 0});
        assertEquals(List.of(), diff(Hive.fromBytes("x", x.toBytes()), Hive.fromBytes("y", y.toBytes())));
        // and several values of one exact name keep their n-th occurrence pairing
        HiveBuilder z = HiveBuilder.v15();
        z.key("K").addValue("a", 4, new byte[] {1, 0, 0, 0}).addValue("a", 4, new byte[] {3, 0, 0, 0});
        HiveBuilder w = HiveBuilder.v15();
        w.key("K").addValue("a", 4, new byte[] {1, 0, 0, 0}).addValue("a", 4, new byte[] {4, 0, 0, 0});
        assertEquals(List.of("CHANGED \\K : a (data)"), diff(Hive.fromBytes("z", z.toBytes()), Hive.fromBytes("w", w.toBytes())));
    }

    /** yarp's DuplicateSubkeysHive lists the key 4500 twice: the hive must not differ from itself. */
    @Test
    void duplicateSubkeysHiveDoesNotDifferFromItself() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        Path p = Corpus.root().get().resolve("hives/yarp/DuplicateSubkeysHive");
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(List.of(), diff(Hive.fromBytes("a", bytes), Hive.fromBytes("b", bytes)));
    }
}
