package org.patchlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.testing.Corpus;

/** The hive files benchmarks run on: corpus hives by name, or {@code synthetic:MB} made by the builder. */
public final class BenchHives {
    private BenchHives() {
    }

    /** A corpus hive by its path under corpus/hives, or {@code synthetic:N} for an N MiB builder hive. */
    public static Path resolve(String name) throws IOException {
        if (name.startsWith("synthetic:")) {
            return synthetic(Integer.parseInt(name.substring("synthetic:".length())));
        }
        Path corpus = Corpus.root().orElseThrow(() -> new IllegalStateException("benchmarks need ../shared/corpus"));
        Path p = corpus.resolve("hives").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no corpus hive " + p);
        }
        return p;
    }

    /**
     * target/bench/synthetic-NMB.hive: a SYSTEM-like format 1.5 hive of at least N MiB of hive bins
     * ({@link HiveBuilder#synthetic}, seed 1), generated once and reused.
     */
    public static Path synthetic(int mib) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path f = dir.resolve("synthetic-" + mib + "MB.hive");
        if (!Files.isRegularFile(f)) {
            Path tmp = dir.resolve(f.getFileName() + ".tmp");
            HiveBuilder.synthetic(5, (long) mib << 20, 1).write(tmp);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return f.toAbsolutePath();
    }

    /** Generates the synthetic hives named on the command line (e.g. {@code 100}); prints their paths. */
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            System.out.println(synthetic(Integer.parseInt(a)));
        }
    }
}
