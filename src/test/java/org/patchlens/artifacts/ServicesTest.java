package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveBuilder;

class ServicesTest {
    /**
     * regipy_tests/validation/validation_tests/services_plugin_validation.py on corrupted_system_hive.xz (in the
     * corpus; hivex and yarp refuse it, patchlens reads what its intact bins hold): the first service of
     * ControlSet001 is Abiosdsk with ErrorControl 0, Group "Primary disk", Start 4, Tag 3, Type 1, last modified
     * "2008-10-21T17:48:29.328124". The key's FILETIME is 128689253093281250 ticks, .3281250 exactly: regipy's
     * .328124 is one microsecond off, because Python divides the ticks by 10 into a double, which above 2^53 holds
     * only even numbers of microseconds here.
     */
    @Test
    void theServiceRegipyStatesForTheCorruptedSystemHive() {
        Path hive = corpus("regipy/corrupted_system_hive");
        List<Entry> all = run(Catalog.SERVICES, hive);
        Entry e = all.get(0);
        assertEquals("\\ControlSet001\\Services\\Abiosdsk", e.keyPath());
        assertEquals("Abiosdsk", e.shown("name"));
        assertEquals("0", e.shown("errorControl"));
        assertEquals("Primary disk", e.shown("group"));
        assertEquals("4", e.shown("start"));
        assertEquals("disabled", e.shown("startMode"));
        assertEquals("3", e.shown("tag"));
        assertEquals("1", e.shown("type"));
        assertEquals("kernel driver", e.shown("typeName"));
        assertEquals("2008-10-21T17:48:29.3281250Z", FileTime.iso(e.lastWritten()));
        assertEquals("2008-10-21T17:48:29.328124+00:00", regipyTime(e.lastWritten()));
        assertValueRecord(hive, e.field("start").orElseThrow()); // a DWORD is kept in its value record
        assertTrue(e.notes().isEmpty());
    }

    /**
     * regipy reads ControlSet001 and ControlSet002 only (expected_entries_count = 1: corrupted_system_hive has no
     * ControlSet002). That hive also has a ControlSet003, whose subkey list lies in a zeroed bin (the damage
     * says so), so it gives nothing there; a control set beyond 002 that is readable is listed.
     */
    @Test
    void everyControlSetIsRead() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet003\\Services\\Later").dword("Start", 3);
        List<Entry> all = run(Catalog.SERVICES, b);
        assertEquals(List.of("\\ControlSet001\\Services\\Abiosdsk", "\\ControlSet001\\Services\\bam",
                "\\ControlSet001\\Services\\Dhcp", "\\ControlSet001\\Services\\MSExchangeIS",
                "\\ControlSet001\\Services\\MSExchangeSA", "\\ControlSet001\\Services\\Tcpip",
                "\\ControlSet003\\Services\\Later"),
                all.stream().map(Entry::keyPath).toList());
        try (var h = org.patchlens.hive.HiveOpener.openWithLogsBeside(corpus("regipy/corrupted_system_hive"),
                org.patchlens.hive.HiveOptions.DEFAULTS)) {
            assertTrue(run(Catalog.SERVICES, h).stream().noneMatch(e -> e.keyPath().startsWith("\\ControlSet003")));
            assertTrue(h.damage().stream().anyMatch(d -> d.keyPath().equals("\\ControlSet003")
                    && d.reason().contains("subkey list")), h.damage().toString());
        }
    }

    @Test
    void aSharedProcessServiceHasItsServiceDll() {
        Path system = corpus("regipy/SYSTEM");
        Entry svc = run(Catalog.SERVICES, system).stream()
                .filter(e -> e.keyPath().equals("\\ControlSet001\\services\\AeLookupSvc")).findFirst().orElseThrow();
        assertEquals("%systemroot%\\system32\\svchost.exe -k netsvcs", svc.shown("imagePath"));
        assertEquals("shared process", svc.shown("typeName"));
        assertEquals("%SystemRoot%\\System32\\aelupsvc.dll", svc.shown("serviceDll")); // from its Parameters key
        assertCellHolds(system, svc.field("serviceDll").orElseThrow(),
                HiveBuilder.utf16z("%SystemRoot%\\System32\\aelupsvc.dll"));
    }

    @Test
    void startAndTypeAreDecoded() {
        Entry dhcp = run(Catalog.SERVICES, Fixtures.system()).stream().filter(e -> e.shown("name").equals("Dhcp"))
                .findFirst().orElseThrow();
        assertEquals("automatic (delayed)", dhcp.shown("startMode"));
        assertEquals("%SystemRoot%\\System32\\dhcpcsvc.dll", dhcp.shown("serviceDll"));
        assertEquals("own process | interactive", Services.typeName(0x110));
        assertEquals("kernel driver | 0x8000", Services.typeName(0x8001));
        assertEquals("none", Services.typeName(0));
    }

    @Test
    void valuesOfTheWrongTypeAreNotedAndReadWhereTheyCanBe() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Services\\Abiosdsk").sz("Start", "3").binary("Type", 1, 2).dword("ImagePath", 7);
        Entry e = run(Catalog.SERVICES, b).stream().filter(x -> x.shown("name").equals("Abiosdsk")).findFirst()
                .orElseThrow();
        assertEquals("3", e.shown("start"));
        assertEquals("manual", e.shown("startMode"));
        assertEquals(null, e.shown("type"));
        assertEquals("7", e.shown("imagePath"));
        assertEquals(2, e.notes().size(), e.notes().toString());
        assertTrue(e.notes().get(0).endsWith("REG_SZ \"3\" where a number was expected; read as 3"), e.notes().toString());
        assertTrue(e.notes().get(1).endsWith("REG_BINARY of 2 bytes where a number was expected"), e.notes().toString());
    }
}
