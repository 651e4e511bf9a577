package org.patchlens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EchoTest {
    @Test
    void anArgumentUpToTheLimitIsEchoedWhole() {
        assertEquals("", Echo.capped(""));
        assertEquals("x".repeat(Echo.SHOWN), Echo.capped("x".repeat(Echo.SHOWN)));
    }

    @Test
    void aLongerOneIsItsStartAndItsLength() {
        assertEquals("x".repeat(200) + "... (201 chars)", Echo.capped("x".repeat(201)));
        assertEquals("x".repeat(200) + "... (1048576 chars)", Echo.capped("x".repeat(1 << 20)));
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00"; // U+1F600, two chars
        assertEquals("x".repeat(199) + "... (301 chars)", Echo.capped("x".repeat(199) + emoji + "y".repeat(100)));
        assertEquals("x".repeat(198) + emoji + "... (300 chars)", Echo.capped("x".repeat(198) + emoji + "y".repeat(100)));
    }
}
