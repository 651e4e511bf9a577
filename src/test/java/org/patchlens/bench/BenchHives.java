package org.patchlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.patchlens.testing.Corpus;

/** The hive files benchmarks run on. */
final class BenchHives {
    private BenchHives() {
    }

    /** A hive of the corpus, by its path under corpus/hives. */
    static Path resolve(String name) {
        Path corpus = Corpus.root().orElseThrow(() -> new IllegalStateException("benchmarks need ../shared/corpus"));
        Path p = corpus.resolve("hives").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no corpus hive " + p);
        }
        return p;
    }
}
