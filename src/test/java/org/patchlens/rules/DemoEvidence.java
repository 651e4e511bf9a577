package org.patchlens.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo evidence bundled in patchlens ({@code testdata/demo}, run by {@code check --demo}):
 * the offline base restore of a two-node cluster, after which isinteg -patch (without the
 * KB Q288562 fix) wrote new store identity values that the cluster's checkpoints will roll
 * back (CLU-08), and the administrator's SET line names the node (KB Q178311, PRC-02).
 */
final class DemoEvidence {
    static final Path FOLDER = Path.of("testdata", "demo");

    private DemoEvidence() {
    }

    static RestoreScenario scenario() {
        RestoreScenario s = RestoreScenario.offlineBase();
        java.time.Instant patched = RestoreScenario.BASE_TIME.plus(Duration.ofHours(3));
        for (String key : List.of("Services\\MSExchangeIS\\ParametersPrivate", "Services\\MSExchangeIS\\ParametersPublic")) {
            s.live().binary(key, "Store GUID", RestoreScenario.guid(key.hashCode())).time(key, patched);
        }
        s.set("--env-line", "SET _CLUSTER_NETWORK_NAME_=NODE1");
        s.set("--isinteg-version", "5.5.2650.21");
        return s;
    }

    /** Writes the evidence, the FILES list and check.args into {@code dir}. */
    static void write(Path dir) throws IOException {
        write(dir, scenario(), "# operator facts of the demo, one argument per line");
    }

    /**
     * A bundled demo set: the scenario's evidence, the FILES list the jar extracts, and its operator facts as a
     * picocli @-file ({@code check.args}, quoted where an argument has spaces) under the {@code header} line.
     */
    static void write(Path dir, RestoreScenario s, String header) throws IOException {
        s.write(dir);
        List<String> files;
        try (Stream<Path> w = Files.walk(dir)) {
            files = w.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("FILES") && !n.equals("check.args")).sorted().toList();
        }
        Files.writeString(dir.resolve("FILES"), String.join("\n", files) + "\n");
        StringBuilder args = new StringBuilder(header).append('\n');
        s.options.forEach(o -> args.append(o.contains(" ") ? "\"" + o + "\"" : o).append('\n'));
        Files.writeString(dir.resolve("check.args"), args.toString());
    }
}
