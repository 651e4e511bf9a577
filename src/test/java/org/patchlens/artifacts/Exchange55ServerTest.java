package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/**
 * regipy has no Exchange plugin: checked on the bundled demo evidence (testdata/demo, made byte for byte by the
 * test builders and held to them by DemoEvidenceTest), against the values {@code patchlens check} reads there.
 */
class Exchange55ServerTest {
    private static final Path SYSTEM = Path.of("testdata", "demo", "NODE1", "system32", "config", "SYSTEM");

    @Test
    void theServerOfTheDemoEvidence() {
        List<Entry> e = run(Catalog.EXCHANGE55_SERVER, SYSTEM);
        List<String> rows = e.stream().map(x -> x.keyPath().replace("\\ControlSet001\\Services\\", "") + " : "
                + x.valueName() + " = " + x.shown("category") + ": " + x.shown("data")).toList();
        for (String expected : List.of(
                "MSExchangeSA : Start = start type: 3 (manual)",
                "ClusSvc : Start = start type: 2 (automatic)",
                "MSExchangeSA\\Parameters : Enterprise = identity: Contoso",
                "MSExchangeSA\\Parameters : Server = identity: EXVS01",
                "MSExchangeDS\\Parameters : DSA Database file = database: D:\\exchsrvr\\DSADATA\\DIR.EDB",
                "MSExchangeIS\\ParametersSystem : DB Log Path = logs: F:\\exchsrvr\\MDBDATA",
                "MSExchangeIS\\ParametersSystem : Working Directory = working directory: D:\\exchsrvr\\MDBDATA",
                "MSExchangeIS\\ParametersSystem : This Server = identity: EXVS01",
                "MSExchangeIS\\ParametersSystem : Circular Logging = setting: 0",
                "MSExchangeIS\\ParametersPrivate : DB Path = database: D:\\exchsrvr\\MDBDATA\\PRIV.EDB",
                "MSExchangeIS\\ParametersPrivate : Store GUID = GUID: {67605952-756E-837C-8A91-989FA6ADB4BB}",
                "MSExchangeIS\\ParametersPublic : DB Path = database: E:\\exchsrvr\\MDBDATA\\PUB.EDB",
                "MSExchangeMTA\\Parameters : X500 DN = identity: /o=Contoso/ou=HQ/cn=Configuration/cn=Servers/cn=EXVS01"
                        + "/cn=Microsoft MTA")) {
            assertTrue(rows.contains(expected), expected + " in " + rows);
        }
        assertTrue(e.stream().allMatch(x -> x.notes().isEmpty()));
        // the GUID's offset is the 16-byte data cell, read in GUID order: 525960676e757c83 -> {67605952-756E-837C-...}
        Entry guid = e.stream().filter(x -> "Store GUID".equals(x.valueName())).findFirst().orElseThrow();
        assertCellHolds(SYSTEM, guid.field("data").orElseThrow(),
                java.util.HexFormat.of().parseHex("525960676e757c838a91989fa6adb4bb"));
    }

    @Test
    void aMachineWideClusterNetworkNameIsListed() {
        Entry e = run(Catalog.EXCHANGE55_SERVER, Fixtures.system()).stream()
                .filter(x -> "cluster network name".equals(x.shown("category"))).findFirst().orElseThrow();
        assertEquals("_CLUSTER_NETWORK_NAME_", e.valueName());
        assertEquals("EXVS01", e.shown("data"));
        assertEquals("\\ControlSet001\\Control\\Session Manager\\Environment", e.keyPath());
    }

    @Test
    void aGuidTooShortIsShownAsHexWithANote() {
        HiveBuilder b = Fixtures.system();
        b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").binary("Store GUID", 1, 2, 3);
        Entry e = run(Catalog.EXCHANGE55_SERVER, b).stream().filter(x -> "Store GUID".equals(x.valueName()))
                .findFirst().orElseThrow();
        assertEquals("010203", e.shown("data"));
        assertTrue(e.notes().get(0).matches("\"Store GUID\" at file offset 0x[0-9A-F]+: 3 bytes, a GUID needs 16"),
                e.notes().toString());
    }

    @Test
    void aSystemHiveWithoutExchangeHasNoEntries() {
        assertEquals(List.of(), run(Catalog.EXCHANGE55_SERVER, corpus("regipy/SYSTEM")));
    }
}
