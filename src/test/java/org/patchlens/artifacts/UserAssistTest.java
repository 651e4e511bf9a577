package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

class UserAssistTest {
    private static final String WIN7_EXE = "{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}";
    private static final String WIN7_LNK = "{F4E57C4B-2036-45F0-A9AB-443BCFE33D9F}";

    /**
     * regipy_tests/validation/validation_tests/ntuser_userassist_validation.py on NTUSER.DAT.xz (corpus
     * regipy/NTUSER.DAT) states EXCEL.EXE and Microsoft.Windows.RemoteDesktop with their counters and times.
     */
    @Test
    void theEntriesRegipyStatesForItsNtuserHive() {
        List<Entry> e = run(Catalog.USER_ASSIST, corpus("regipy/NTUSER.DAT"));
        Entry excel = one(e, "%PROGRAMFILES(X86)%\\Microsoft Office\\Office14\\EXCEL.EXE");
        assertEquals("{7C5A40EF-A0FB-4BFC-874A-C0F2E0B9FA8E}\\Microsoft Office\\Office14\\EXCEL.EXE",
                excel.shown("decodedName"));
        assertEquals(UserAssistData.rot13(excel.shown("decodedName")), excel.valueName());
        assertEquals(List.of("0", "4", "1", "47673"), List.of(excel.shown("sessionId"), excel.shown("runCount"),
                excel.shown("focusCount"), excel.shown("focusTimeMs")));
        assertEquals("2012-04-04T15:43:14.785000+00:00", regipyTime(ticks(excel, "lastRun")));
        Entry rdp = one(e, "Microsoft.Windows.RemoteDesktop");
        assertEquals(List.of("0", "8", "9", "180000"), List.of(rdp.shown("sessionId"), rdp.shown("runCount"),
                rdp.shown("focusCount"), rdp.shown("focusTimeMs")));
        assertEquals("2012-04-03T22:06:58.124282+00:00", regipyTime(ticks(rdp, "lastRun")));
        assertEquals(WIN7_EXE, rdp.shown("guid"));
        assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
    }

    /**
     * regipy states 62 entries; the hive holds 31 records. Its two UserAssist GUID keys ({CEBFF5CD-...} with 18
     * 72-byte values, {F4E57C4B-...} with 13) each appear once in the hive, but regipy's GUIDS list names both
     * twice (as "Windows 7" and again as "Windows 8"), so it reads each Count key twice: 2 x 31 = 62. Both keys'
     * UEME_CTLSESSION (1612 bytes, skipped by regipy) are kept here, as session records.
     */
    @Test
    void regipyCountsEachWindows7RecordTwice() {
        Path ntuser = corpus("regipy/NTUSER.DAT");
        List<Entry> e = run(Catalog.USER_ASSIST, ntuser);
        assertEquals(List.of(WIN7_EXE, WIN7_LNK), e.stream().map(x -> x.shown("guid")).distinct().toList());
        List<Entry> records = e.stream().filter(x -> x.shown("format").equals("Windows 7 and later (72 bytes)")).toList();
        assertEquals(31, records.size());
        assertEquals(31, records.stream().map(x -> x.keyPath() + "|" + x.valueName()).distinct().count());
        assertEquals(18, records.stream().filter(x -> x.shown("guid").equals(WIN7_EXE)).count());
        assertEquals(62, 2 * records.size());
        List<Entry> sessions = e.stream().filter(x -> x.shown("decodedName").equals("UEME_CTLSESSION")).toList();
        assertEquals(2, sessions.size());
        assertEquals("session record (1612 bytes, not decoded)", sessions.get(0).shown("format"));
        assertEquals(33, e.size());
        // the UEME_ control entries are kept with their counters (session id 0xFFFFFFFF as stored)
        Entry ctor = e.stream().filter(x -> x.shown("decodedName").equals("UEME_CTLCUACount:ctor")).findFirst()
                .orElseThrow();
        assertEquals("4294967295", ctor.shown("sessionId"));
    }

    /** notatin's NTUSER.DAT (Windows 8.1): three GUID keys, 85 records and three session records, nothing odd. */
    @Test
    void aWindows81Hive() {
        List<Entry> e = run(Catalog.USER_ASSIST, corpus("notatin/NTUSER.DAT"));
        assertEquals(88, e.size());
        assertEquals(85, e.stream().filter(x -> x.shown("format").startsWith("Windows 7")).count());
        assertEquals(List.of(), e.stream().flatMap(x -> x.notes().stream()).toList());
    }

    /** The Windows XP record, built as XP writes it: the counter starts at 5, so 7 means two runs. */
    @Test
    void theWindowsXpRecordFieldByField() {
        long t = FileTime.fromInstant(Instant.parse("2008-03-01T10:20:30.1234567Z"));
        byte[] xp = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(3).putInt(7).putLong(t).array();
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\"
                + "{75048700-EF1F-11D0-9888-006097DEACF9}\\Count")
                .binary(UserAssistData.rot13("UEME_RUNPATH:C:\\WINDOWS\\system32\\calc.exe"), xp)
                .binary(UserAssistData.rot13("UEME_RUNCPL"), ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(1).putInt(2).array());
        List<Entry> e = run(Catalog.USER_ASSIST, b).stream().filter(x -> x.shown("format").startsWith("Windows XP"))
                .toList();
        assertEquals(2, e.size());
        Entry calc = e.get(0);
        assertEquals("HRZR_EHACNGU:P:\\JVAQBJF\\flfgrz32\\pnyp.rkr", calc.valueName());
        assertEquals("UEME_RUNPATH:C:\\WINDOWS\\system32\\calc.exe", calc.shown("program"));
        assertEquals("3", calc.shown("sessionId"));
        assertEquals("7", calc.shown("runCounter"));
        assertEquals("2", calc.shown("runCount"));
        assertEquals("2008-03-01T10:20:30.1234567Z", calc.shown("lastRun"));
        assertNull(calc.shown("focusCount"));
        // a counter below 5 has no run count to infer; the stored counter stays
        assertEquals("2", e.get(1).shown("runCounter"));
        assertNull(e.get(1).shown("runCount"));
        assertTrue(calc.notes().isEmpty());
    }

    @Test
    void otherSizesAreNotedWithTheOffset() {
        HiveBuilder b = Fixtures.ntuser();
        b.key("Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\{X}\\Count")
                .binary(UserAssistData.rot13("three"), 1, 2, 3).binary(UserAssistData.rot13("long"), new byte[80])
                .dword(UserAssistData.rot13("dword"), 5);
        List<Entry> e = run(Catalog.USER_ASSIST, b).stream().filter(x -> x.shown("guid").equals("{X}")).toList();
        assertEquals(List.of("three", "long", "dword"), shown(e, "decodedName"));
        assertTrue(e.get(0).notes().get(0).matches("\"guerr\" at file offset 0x[0-9A-F]+: 3 bytes: neither a Windows "
                + "XP record \\(16\\) nor a Windows 7 one \\(72\\); not decoded"), e.get(0).notes().toString());
        assertEquals("Windows 7 and later (72 bytes)", e.get(1).shown("format"));
        assertTrue(e.get(1).notes().get(0).endsWith("80 bytes; the first 72 read as a Windows 7 record"));
        assertTrue(e.get(2).notes().get(0).contains("REG_DWORD where REG_BINARY was expected"));
    }

    @Test
    void rot13AndKnownFolders() {
        assertEquals("Uryyb, Jbeyq! 123 \\ %5P", UserAssistData.rot13("Hello, World! 123 \\ %5C"));
        assertEquals("%WINDIR%\\SysWOW64\\cmd.exe", UserAssistData.resolve("{d65231b0-b2f1-4857-a4ce-a8e7c6ea7d27}\\cmd.exe"));
        assertEquals("{00000000-0000-0000-0000-000000000000}\\x", UserAssistData.resolve(
                "{00000000-0000-0000-0000-000000000000}\\x"));
    }

    private static Entry one(List<Entry> e, String program) {
        List<Entry> found = e.stream().filter(x -> program.equals(x.shown("program"))).collect(Collectors.toList());
        assertEquals(1, found.size(), program);
        return found.get(0);
    }
}
