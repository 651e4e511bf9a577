package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.artifacts.ArtifactTesting.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.HiveBuilder;

/** regipy has no cluster plugin: checked on the demo evidence's CLUSDB (testdata/demo), as check reads it. */
class Exchange55ClusterTest {
    private static final Path CLUSDB = Path.of("testdata", "demo", "NODE1", "Cluster", "CLUSDB");

    @Test
    void theVirtualServerOfTheDemoCluster() {
        List<Entry> e = run(Catalog.EXCHANGE55_CLUSTER, CLUSDB);
        List<String> rows = e.stream().map(x -> x.shown("category") + " [" + x.shown("resource") + "] " + x.valueName()
                + " = " + x.shown("data")).toList();
        assertEquals(List.of(
                "exchange group [null] Name = EXVS01 Group",
                "virtual server address [EXVS01 IP Address] Address = 10.0.0.50",
                "subnet mask [EXVS01 IP Address] SubnetMask = 255.255.255.0",
                "virtual server name [EXVS01 Network Name] Name = EXVS01",
                "service [Microsoft Exchange System Attendant] ServiceName = MSExchangeSA",
                "registry checkpoint [Microsoft Exchange System Attendant] 00000001 = "
                        + "SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters",
                "registry checkpoint [Microsoft Exchange System Attendant] 00000002 = "
                        + "SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Diagnostics"), rows.subList(0, 7));
        assertTrue(rows.contains("node [null] NodeName = NODE2"), rows.toString());
        assertEquals(2 + 1 + 1 + 4 * 1 + 2 + 2 + 4 + 2 + 2, e.size(), rows.toString());
    }

    @Test
    void anAddressOfTheWrongTypeIsNoted() {
        HiveBuilder b = Fixtures.cluster();
        b.key("Resources\\R-IP\\Parameters").binary("Address", 0xFF);
        Entry e = run(Catalog.EXCHANGE55_CLUSTER, b).stream()
                .filter(x -> "virtual server address".equals(x.shown("category"))).findFirst().orElseThrow();
        assertEquals("ff", e.shown("data"));
        assertTrue(e.notes().get(0).contains("REG_BINARY of 1 bytes where a string was expected"), e.notes().toString());
    }
}
