package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written ISO formatter agrees with java.time on every kind of FILETIME. */
class FileTimeTest {
    private static final DateTimeFormatter REF =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Both forms: the String, and the bytes written into a buffer (at an offset, the bytes around untouched). */
    private static void same(long ft) {
        String ref = REF.format(FileTime.toInstant(ft));
        assertEquals(ref, FileTime.iso(ft), Long.toUnsignedString(ft));
        byte[] buf = new byte[40];
        java.util.Arrays.fill(buf, (byte) '#');
        int n = FileTime.iso(ft, buf, 5);
        String around = "#".repeat(5) + (n < 0 ? "" : ref) + "#".repeat(n < 0 ? 35 : 35 - ref.length());
        // a year past 9999 (five digits and a sign) is left to the String form: nothing written
        assertEquals(ref.length() == FileTime.ISO_LENGTH ? FileTime.ISO_LENGTH : -1, n, ref);
        assertEquals(around, new String(buf, java.nio.charset.StandardCharsets.ISO_8859_1), ref);
    }

    @Test
    void agreesWithJavaTime() {
        for (long ft : new long[] {0, 1, 9_999_999, 10_000_000, 116_444_736_000_000_000L, 116_444_735_999_999_999L,
            FileTime.fromInstant(java.time.Instant.parse("2000-02-29T23:59:59.9999999Z")),
            FileTime.fromInstant(java.time.Instant.parse("2100-03-01T00:00:00Z")),
            FileTime.fromInstant(java.time.Instant.parse("9999-12-31T23:59:59.9999999Z")),
            FileTime.fromInstant(java.time.Instant.parse("9999-12-31T23:59:59.9999999Z")) + 1,
            Long.MAX_VALUE, Long.MIN_VALUE, -1L}) {
            same(ft);
        }
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            same(i % 2 == 0 ? r.nextLong() : Math.floorMod(r.nextLong(), 2_650_467_743_999_999_999L));
        }
        assertEquals("2012-04-04T11:47:06.6875000Z",
                FileTime.iso(FileTime.fromInstant(java.time.Instant.parse("2012-04-04T11:47:06.6875Z"))));
    }
}
