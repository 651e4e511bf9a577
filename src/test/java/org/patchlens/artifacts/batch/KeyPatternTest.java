package org.patchlens.artifacts.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.Key;

/** A batch file's KeyPath wildcards: RECmd's meaning, and a cost a crafted batch file and hive cannot blow up. */
class KeyPatternTest {
    @Test
    void aStarIsAnyRunWithinTheNameInAnyCase() {
        KeyPattern.Glob g = new KeyPattern.Glob("Control*Set*1");
        assertTrue(g.matches("ControlSet001"));
        assertTrue(g.matches("controlSET1"));
        assertTrue(g.matches("Control-Set-1"));
        assertFalse(g.matches("ControlSet002"));
        assertFalse(g.matches("XControlSet001"));
        assertTrue(new KeyPattern.Glob("*").matches(""));
        assertTrue(new KeyPattern.Glob("a*a").matches("aa"));
        assertFalse(new KeyPattern.Glob("aa*aa").matches("aaa"), "the first and last parts do not overlap");
        assertTrue(new KeyPattern.Glob("**x**").matches("x"));
        assertTrue(new KeyPattern.Glob("a.b*[c]").matches("A.B(x)[C]"), "the rest is literal, not a regex");
        assertFalse(new KeyPattern.Glob("a.b*").matches("axb"));
        assertTrue(new KeyPattern.Glob("*ab*ab*").matches("xxabyyab"));
        assertFalse(new KeyPattern.Glob("*ab*ab*").matches("xxab"));
        assertTrue(new KeyPattern.Glob("Ä*ß").matches("äxß"));
    }

    @Test
    void manyStarsAgainstALongNameCostNoMoreThanTheirLengths() {
        // A backtracking regex (.*a.*a...b) takes a power of the name's length here: it never finished
        HiveBuilder b = HiveBuilder.v15().rootName("ROOT");
        b.key("Services\\" + "a".repeat(250)).dword("x", 1);
        b.key("Services\\" + "a".repeat(40) + "b").dword("x", 1);
        try (Hive h = Hive.fromBytes("SYSTEM", b.toBytes())) {
            KeyPattern p = KeyPattern.of("Services\\*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
            List<Key> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> p.find(h));
            assertEquals(List.of("a".repeat(40) + "b"), found.stream().map(Key::name).toList());
        }
    }
}
