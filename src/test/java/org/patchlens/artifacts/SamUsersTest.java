package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

class SamUsersTest {
    private static final long NEVER = 0x7FFFFFFFFFFFFFFFL;

    /**
     * regipy_tests/validation/validation_tests/samparse_plugin_validation.py on SAM.xz (corpus regipy/SAM): three
     * accounts; RIDs 500 and 1000 with their times, counts and flags. regipy writes None for a time of 0 or
     * 0x7FFFFFFFFFFFFFFF; patchlens shows the FILETIME as stored, so the test checks those raw values.
     */
    @Test
    void theEntriesRegipyStatesForItsSamHive() {
        List<Entry> e = run(Catalog.SAMPARSE, corpus("regipy/SAM"));
        assertEquals(List.of("500", "501", "1000"), shown(e, "rid"));
        assertEquals(List.of("Administrator", "Guest", "Preston"), shown(e, "userName"));
        assertEquals(shown(e, "userName"), shown(e, "nameKey"));
        Entry admin = e.get(0);
        assertEquals("\\SAM\\Domains\\Account\\Users\\000001F4", admin.keyPath());
        assertEquals("2014-09-24T06:32:50.378042+00:00", regipyTime(admin.lastWritten()));
        assertEquals("2010-11-20T21:48:12.569244+00:00", samparseTime(ticks(admin, "lastLogon")));
        assertEquals("2010-11-20T21:56:34.743687+00:00", samparseTime(ticks(admin, "passwordLastSet")));
        assertTrue(List.of(0L, NEVER).contains(ticks(admin, "accountExpires")));
        assertEquals(0L, ticks(admin, "lastFailedLogon"));
        assertEquals("529", admin.shown("accountFlags"));
        assertEquals("Account Disabled | Normal User Account | Password Does Not Expire",
                admin.shown("accountFlagsDecoded"));
        assertEquals("0", admin.shown("failedLogonCount"));
        assertEquals("6", admin.shown("logonCount"));
        Entry preston = e.get(2);
        assertEquals("2014-09-30T02:59:34.316692+00:00", regipyTime(preston.lastWritten()));
        assertEquals("2014-09-30T02:59:34.316693+00:00", samparseTime(ticks(preston, "lastLogon")));
        assertEquals("2014-09-24T03:35:45.844801+00:00", samparseTime(ticks(preston, "passwordLastSet")));
        assertTrue(List.of(0L, NEVER).contains(ticks(preston, "accountExpires")));
        assertEquals(0L, ticks(preston, "lastFailedLogon"));
        assertEquals("16", preston.shown("accountFlags"));
        assertEquals("Normal User Account", preston.shown("accountFlagsDecoded"));
        assertEquals("4", preston.shown("logonCount"));
        assertEquals("1252", preston.shown("codePage"));
        assertEquals("513", preston.shown("primaryGroupRid"));
        // Names\Preston's last-written time, labelled inferred
        assertEquals("2014-09-24T03:35:45.1272001Z", preston.shown("createdInferred"));
        assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
    }

    /**
     * regipy states 2014-09-30T02:59:34.316693 for Preston's last logon and .316692 for the key's last write, which
     * look like two times: they are one. F holds 0x01CFDC5A904D01D0 at 0x08, the key's nk cell the same FILETIME;
     * samparse divides by 10^7 in floating point and rounds to .316693, regipy's other conversion gets .316692.
     */
    @Test
    void regipysTwoReadingsOfPrestonsLogonAreOneFiletime() {
        Entry preston = run(Catalog.SAMPARSE, corpus("regipy/SAM")).get(2);
        assertEquals(0x01CFDC5A904D01D0L, ticks(preston, "lastLogon"));
        assertEquals(preston.lastWritten(), ticks(preston, "lastLogon"));
        assertEquals("2014-09-30T02:59:34.3166928Z", preston.shown("lastLogon"));
    }

    @Test
    void otherSamHivesOfTheCorpus() {
        List<Entry> d = run(Catalog.SAMPARSE, corpus("dfwinreg/SAM"));
        assertEquals(List.of("500", "501", "1001"), shown(d, "rid"));
        assertEquals(List.of("Administrator", "Guest", "gold_administrator"), shown(d, "nameKey"));
        assertEquals(List.of(), d.stream().flatMap(x -> x.notes().stream()).toList());
        List<Entry> z = run(Catalog.SAMPARSE, corpus("registry-ez/SAM_hasBigEndianDWord"));
        assertEquals(4, z.size());
        assertEquals("HomeGroupUser$", z.get(3).shown("userName"));
    }

    /** F built field by field, with a flag above 0xFFFF that a 16-bit reading (regipy's) cannot see, and V's names. */
    @Test
    void builtValuesFieldByField() {
        long logon = FileTime.fromInstant(Instant.parse("2020-01-02T03:04:05.0000001Z"));
        ByteBuffer f = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2).putShort((short) 1);
        f.putLong(8, logon).putLong(24, logon + 1).putLong(32, NEVER).putLong(40, logon + 2).putInt(48, 1005)
                .putInt(52, 513).putInt(56, 0x10 | 0x20000 | 0x8000_0000).putShort(60, (short) 49)
                .putShort(62, (short) 850).putShort(64, (short) 3).putShort(66, (short) 12);
        HiveBuilder b = sam();
        b.key("SAM\\Domains\\Account\\Users\\000003ED").binary("F", f.array())
                .binary("V", v("mallory", "Mallory Q", "", "", "", "", "", "", "C:\\p", ""));
        b.key("SAM\\Domains\\Account\\Users\\Names\\mallory").value("", 1005, new byte[0]);
        Entry e = run(Catalog.SAMPARSE, b).get(0);
        assertEquals("1005", e.shown("rid"));
        assertEquals("mallory", e.shown("userName"));
        assertEquals("Mallory Q", e.shown("fullName"));
        assertEquals("C:\\p", e.shown("profilePath"));
        assertNull(e.shown("comment"));
        assertEquals("2020-01-02T03:04:05.0000001Z", e.shown("lastLogon"));
        assertEquals("2020-01-02T03:04:05.0000002Z", e.shown("passwordLastSet"));
        assertEquals("+30828-09-14T02:48:05.4775807Z", e.shown("accountExpires"));
        assertEquals("2020-01-02T03:04:05.0000003Z", e.shown("lastFailedLogon"));
        assertEquals("Normal User Account | Password Expired | unknown 0x80000000", e.shown("accountFlagsDecoded"));
        assertEquals(List.of("49", "850", "3", "12"), List.of(e.shown("countryCode"), e.shown("codePage"),
                e.shown("failedLogonCount"), e.shown("logonCount")));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    @Test
    void damageIsNotedWithTheOffset() {
        HiveBuilder b = sam();
        byte[] v = v("eve", "Eve");
        ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).putInt(2 * 12, 0x7FFFFFF0);
        b.key("SAM\\Domains\\Account\\Users\\000003EE").binary("F", new byte[30]).binary("V", v);
        b.key("SAM\\Domains\\Account\\Users\\Names\\ghost").value("", 2000, new byte[0]);
        List<Entry> e = run(Catalog.SAMPARSE, b);
        Entry eve = e.get(0);
        assertEquals("eve", eve.shown("userName"));
        assertNull(eve.shown("fullName"));
        assertTrue(eve.notes().get(0).matches("\"V\" at file offset 0x[0-9A-F]+: fullName \\(descriptor 2, byte 0x18\\): "
                + "6 bytes at 0x800000BC lie outside the value's \\d+ bytes"), eve.notes().toString());
        assertTrue(eve.notes().get(1).endsWith("30 bytes, the F structure needs 80"), eve.notes().toString());
        Entry ghost = e.get(1);
        assertEquals("2000", ghost.shown("rid"));
        assertTrue(ghost.notes().get(0).contains("names RID 2000 (its default value's type), but Users has no key "
                + "000007D0"), ghost.notes().toString());
    }

    private static HiveBuilder sam() {
        HiveBuilder b = HiveBuilder.v13();
        b.key("SAM\\Domains\\Account\\Users\\Names");
        return b;
    }

    /** A V value: the 17-descriptor table, then each string (descriptor 1 on) in order. */
    static byte[] v(String... strings) {
        byte[][] s = new byte[strings.length][];
        int total = 0;
        for (int i = 0; i < strings.length; i++) {
            s[i] = strings[i].getBytes(StandardCharsets.UTF_16LE);
            total += s[i].length;
        }
        ByteBuffer b = ByteBuffer.allocate(SamUserData.V_TABLE + total).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (int i = 0; i < strings.length; i++) {
            b.putInt((i + 1) * 12, at).putInt((i + 1) * 12 + 4, s[i].length);
            b.put(SamUserData.V_TABLE + at, s[i]);
            at += s[i].length;
        }
        return b.array();
    }

    private static final DateTimeFormatter PY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /**
     * A FILETIME as regipy's samparse writes it: {@code (t - 116444736000000000) / 10000000} in floating point, then
     * {@code datetime.utcfromtimestamp}, which rounds the fraction's microseconds half to even.
     */
    static String samparseTime(long fileTime) {
        double seconds = new BigDecimal(fileTime - 116_444_736_000_000_000L).divide(BigDecimal.valueOf(10_000_000L))
                .doubleValue();
        double whole = Math.floor(seconds);
        long micros = (long) Math.rint((seconds - whole) * 1e6);
        Instant t = Instant.ofEpochSecond((long) whole).plusNanos(micros * 1000);
        String s = PY.format(t);
        return (s.endsWith(".000000") ? s.substring(0, s.length() - 7) : s) + "+00:00";
    }
}
