package org.patchlens.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.patchlens.hive.FuzzSeeds;

/**
 * Whole evidence folders for the {@code check} fuzz targets (org.patchlens.fuzz.CheckFuzzTest), made by the
 * scenario builders at test time: each file as bytes by its path below the folder ("/" separated), and the
 * operator options of the scenario.
 */
public final class FuzzEvidence {
    private FuzzEvidence() {
    }

    /** One evidence folder: files by relative path, and the check options that go with them. */
    public record Template(String name, Map<String, byte[]> files, List<String> options, String logFolder) {
    }

    /**
     * Three folders: the bundled demo (an offline restore on a two-node cluster: SYSTEM, SOFTWARE, CLUSDB, ten
     * .CPT checkpoints, two ESE97 databases) with an eseutil /mh dump; an online restore (Restore in Progress,
     * three logs, two patch files, edb.chk) with an eseutil /ml dump; a stand-alone offline restore whose SYSTEM
     * hive is dirty with a transaction log (SYSTEM.LOG1) beside it.
     */
    public static List<Template> templates() {
        List<Template> out = new ArrayList<>();
        Map<String, byte[]> demo = files(DemoEvidence.scenario());
        demo.put("D/exchsrvr/MDBDATA/priv-mh.txt", eseutil("mh-55.txt"));
        out.add(new Template("demo", demo, DemoEvidence.scenario().options, "F/exchsrvr/MDBDATA"));

        RestoreScenario online = RestoreScenario.onlineBase();
        online.checkpointGen = 0x12;
        Map<String, byte[]> on = files(online);
        on.put(online.logFolder + "/eseutil-ml.txt", eseutil("ml-55.txt"));
        out.add(new Template("online", on, online.options, online.logFolder));

        RestoreScenario before = RestoreScenario.standaloneOffline();
        RestoreScenario after = RestoreScenario.standaloneOffline();
        after.live().dword("Services\\MSExchangeIS", "Start", 2); // same layout, one value's data differs
        Map<String, byte[]> sa = files(before);
        String system = "NODE1/system32/config/SYSTEM";
        byte[][] dirty = FuzzSeeds.dirtyWithLog(sa.get(system), files(after).get(system));
        sa.put(system, dirty[0]);
        sa.put(system + ".LOG1", dirty[1]);
        out.add(new Template("standalone-dirty", sa, before.options, before.logFolder));
        return out;
    }

    private static Map<String, byte[]> files(RestoreScenario s) {
        try {
            Path dir = Files.createTempDirectory("patchlens-fuzzevidence");
            try {
                s.write(dir);
                Map<String, byte[]> out = new TreeMap<>();
                try (Stream<Path> w = Files.walk(dir)) {
                    for (Path p : w.filter(Files::isRegularFile).toList()) {
                        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
                return out;
            } finally {
                try (Stream<Path> w = Files.walk(dir)) {
                    for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] eseutil(String name) {
        try (InputStream in = FuzzEvidence.class.getResourceAsStream("/org/patchlens/ese/eseutil/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
