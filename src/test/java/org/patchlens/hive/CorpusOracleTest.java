package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchlens.testing.Corpus;

/**
 * Every hive of ../shared/corpus/hives against its oracle listing (contract:
 * corpus/README.md). The plain view: logs beside a hive are not applied here.
 */
class CorpusOracleTest {

    @TestFactory
    List<DynamicTest> everyCorpusHiveMatchesItsOracle() throws Exception {
        assumeTrue(Corpus.root().isPresent(), "no ../shared/corpus");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path hive : Corpus.hives()) {
            String name = Corpus.root().get().relativize(hive).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> check(hive)));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    private static void check(Path file) throws Exception {
        Optional<Path> exact = Corpus.sibling(file, ".oracle.txt");
        Optional<Path> hivexOnly = Corpus.sibling(file, ".oracle-hivex-only.txt");
        Optional<Path> yarpOnly = Corpus.sibling(file, ".oracle-yarp-only.txt");
        Optional<Path> err = Corpus.sibling(file, ".oracle.err");
        Optional<Path> listing = exact.or(() -> hivexOnly).or(() -> yarpOnly);
        if (listing.isPresent()) {
            String oracle = Corpus.read(listing.get());
            List<String> expected = records(oracle);
            String endLine = oracle.lines().filter(l -> l.startsWith("# end:")).findFirst().orElseThrow();
            try (Hive h = Hive.open(file)) {
                StringWriter out = new StringWriter();
                long[] counts = Listing.write(h, h.root(), out);
                List<String> actual = out.toString().lines().collect(Collectors.toList());
                assertListingEquals(expected, actual, file);
                assertEquals(endLine, "# end: " + counts[0] + " keys, " + counts[1] + " values");
            }
        } else if (err.isPresent()) {
            // Hostile: refuse with one line, or read a partial tree and count the damage.
            try (Hive h = Hive.open(file)) {
                long keys = 0;
                for (Key k : h.walk()) {
                    keys++;
                    k.values().forEach(Value::data);
                    k.className();
                }
                assertFalse(h.damage().isEmpty(), file + ": read " + keys + " keys with no damage reported, "
                        + "but the oracle says it is broken: " + Corpus.read(err.get()));
            } catch (HiveException e) {
                assertTrue(e.getMessage().lines().count() == 1, "one-line error: " + e.getMessage());
                assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
            }
        } else {
            fail("no oracle for " + file);
        }
    }

    private static List<String> records(String oracle) {
        return oracle.lines().filter(l -> l.startsWith("K\t") || l.startsWith("V\t")).collect(Collectors.toList());
    }

    private static void assertListingEquals(List<String> expected, List<String> actual, Path file) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(file + ": line " + (i + 1) + " differs\n expected: " + clip(expected.get(i)) + "\n   actual: "
                        + clip(actual.get(i)));
            }
        }
        assertEquals(expected.size(), actual.size(), file + ": number of K/V lines");
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
