package org.patchlens.artifacts.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each of RECmd's conversions on bytes whose meaning is known from elsewhere, and on bytes it cannot read. */
class BinaryConvertTest {
    private static String ok(BinaryConvert c, String hex) {
        BinaryConvert.Converted r = c.convert(HexFormat.of().parseHex(hex));
        assertEquals(null, r.failure(), c + " " + hex);
        return r.text();
    }

    private static String failure(BinaryConvert c, String hex) {
        BinaryConvert.Converted r = c.convert(HexFormat.of().parseHex(hex));
        assertFalse(r.ok(), c + " " + hex + " gave " + r.text());
        return r.failure();
    }

    @Test
    void filetimeToTheHundredNanoseconds() {
        // regipy's SYSTEM: ShutdownTime 0x01cd12067529d733 = 2012-04-04 01:58:40.8392499 (hive dump: 2012-04-04T01:58:40.8392499Z)
        assertEquals("2012-04-04 01:58:40.8392499", ok(BinaryConvert.FILETIME, "33d729750612cd01"));
        assertEquals("1601-01-01 00:00:00.0000000", ok(BinaryConvert.FILETIME, "0000000000000000"));
        assertEquals("1601-01-01 00:00:00.0000001", ok(BinaryConvert.FILETIME, "0100000000000000ffff"));
        assertEquals("FILETIME needs 8 bytes, the data has 4", failure(BinaryConvert.FILETIME, "01020304"));
    }

    @Test
    void epochSecondsOfADword() {
        assertEquals("1970-01-01 00:00:00.0000000", ok(BinaryConvert.EPOCH, "00000000"));
        assertEquals("2009-02-13 23:31:30.0000000", ok(BinaryConvert.EPOCH, "d2029649")); // 1234567890
        assertEquals("2106-02-07 06:28:15.0000000", ok(BinaryConvert.EPOCH, "ffffffff")); // unsigned
        failure(BinaryConvert.EPOCH, "0102");
    }

    @Test
    void ipAddressInNetworkOrderAsStored() {
        assertEquals("192.168.1.20", ok(BinaryConvert.IP, "c0a80114"));
        failure(BinaryConvert.IP, "c0a801");
    }

    @Test
    void sidAsWindowsWritesIt() {
        assertEquals("S-1-5-21-1004336348-1177238915-682003330-512", ok(BinaryConvert.SID,
                "010500000000000515000000dcf4dc3b833d2b46828ba62800020000"));
        assertEquals("S-1-5-32-544", ok(BinaryConvert.SID, "01020000000000052000000020020000"));
        assertEquals("SID with 2 sub-authorities needs 16 bytes, the data has 12",
                failure(BinaryConvert.SID, "010200000000000520000000"));
        assertEquals("not a SID: revision 2, 1 sub-authorities", failure(BinaryConvert.SID, "020100000000000500000000"));
    }

    @Test
    void systemtimeIgnoresTheDayOfWeek() {
        // 2011-07-05 (a Tuesday, day 2) 18:00:40.392
        assertEquals("2011-07-05 18:00:40.3920000", ok(BinaryConvert.SYSTEMTIME,
                "db070700020005001200000028008801"));
        assertEquals("not a SYSTEMTIME: 2011-13-5 18:0:40.392", failure(BinaryConvert.SYSTEMTIME,
                "db070d00020005001200000028008801"));
        failure(BinaryConvert.SYSTEMTIME, "db07");
    }

    @Test
    void dotNetTicks() {
        assertEquals("0001-01-01 00:00:00.0000000", ok(BinaryConvert.DATETIMETICKS, "0000000000000000"));
        // 2012-04-04 01:58:40.8392499 is FILETIME 0x01cd12067529d733 plus the ticks from 0001 to 1601 (504911232000000000)
        long ticks = 0x01cd12067529d733L + 504_911_232_000_000_000L;
        String hex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(ticks).array());
        assertEquals("2012-04-04 01:58:40.8392499", ok(BinaryConvert.DATETIMETICKS, hex));
        failure(BinaryConvert.DATETIMETICKS, "ffffffffffffffff"); // negative
    }

    @Test
    void oleAutomationDateRoundedToTheMillisecond() {
        assertEquals("1899-12-30 00:00:00.0000000", ok(BinaryConvert.OLE, ole(0.0)));
        assertEquals("1900-01-01 12:00:00.0000000", ok(BinaryConvert.OLE, ole(2.5)));
        // before the origin the fraction still counts forward: -1.25 is 1899-12-29 06:00
        assertEquals("1899-12-29 06:00:00.0000000", ok(BinaryConvert.OLE, ole(-1.25)));
        failure(BinaryConvert.OLE, ole(Double.NaN));
        failure(BinaryConvert.OLE, ole(3e6));
    }

    private static String ole(double d) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putDouble(d).array());
    }

    @Test
    void namesAreRecmdsInAnyCase() {
        assertEquals(BinaryConvert.DATETIMETICKS, BinaryConvert.named("datetimeticks"));
        assertEquals(BinaryConvert.OLE, BinaryConvert.named("OLE"));
        assertEquals(null, BinaryConvert.named("FILETIM"));
    }
}
