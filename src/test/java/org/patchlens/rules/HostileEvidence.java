package org.patchlens.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo evidence (an offline restore on a two-node cluster, {@link DemoEvidence}) with evidence text that
 * a crafted tree could carry to {@code check}'s summary, for org.patchlens.cli.ControlCharactersInOutputTest:
 * the virtual server name in the cluster hive (PRC-02's expected value and its remedy, REG-08 ...), the
 * information store's resource name (CLU-08's detail and remedy), the computer name in the SYSTEM hive, a value the patch added to a checkpointed key (CLU-08's object, detail
 * and remedy), and the node's folder (every source in the SYSTEM hive).
 */
public final class HostileEvidence {
    private HostileEvidence() {
    }

    /**
     * Writes the tree into {@code dir}, {@code hostile} appended to the names and values above and the node's
     * folder named {@code folder}; returns the check options (the demo's).
     */
    public static List<String> write(Path dir, String hostile, String folder) {
        RestoreScenario s = DemoEvidence.scenario();
        s.cluster.sz("Resources\\" + RestoreScenario.NETNAME + "\\Parameters", "Name", "EXVS01" + hostile);
        s.cluster.sz("Resources\\" + RestoreScenario.IS, "Name", "Microsoft Exchange Information Store" + hostile);
        s.live().sz("Control\\ComputerName\\ComputerName", "ComputerName", "NODE1" + hostile);
        s.live().sz("Services\\MSExchangeIS\\ParametersPrivate", "Added" + hostile, "data" + hostile);
        s.write(dir);
        try {
            Files.move(dir.resolve("NODE1"), dir.resolve(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(s.options);
    }
}
