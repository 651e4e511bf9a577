package org.patchlens.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The shared corpus (../shared/corpus, or $PATCHLENS_CORPUS), when it exists. */
public final class Corpus {
    private Corpus() {
    }

    public static Optional<Path> root() {
        String env = System.getenv("PATCHLENS_CORPUS");
        Path p = env != null ? Path.of(env) : Path.of("..", "shared", "corpus");
        return Files.isDirectory(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** Hive files under hives/: everything that is not an oracle or a transaction log. */
    public static List<Path> hives() throws IOException {
        Path root = root().orElseThrow();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("hives"))) {
            s.filter(Files::isRegularFile)
             .filter(p -> !p.getFileName().toString().contains(".oracle"))
             .filter(p -> !p.getFileName().toString().matches("(?i).*\\.LOG[12]?$"))
             .sorted()
             .forEach(out::add);
        }
        return out;
    }

    /** The file NAME or NAME.gz next to {@code file}, if either exists. */
    public static Optional<Path> sibling(Path file, String suffix) {
        Path plain = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(plain)) {
            return Optional.of(plain);
        }
        Path gz = file.resolveSibling(file.getFileName() + suffix + ".gz");
        return Files.exists(gz) ? Optional.of(gz) : Optional.empty();
    }

    /** Reads a text file, gunzipping *.gz. */
    public static String read(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            InputStream s = p.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
