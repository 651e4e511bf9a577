package org.patchlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled demo evidence sets: {@code after-patch} (testdata/demo, the default) and {@code before-restore}
 * (testdata/demo-before). Without a name, {@code --stage before-restore} among the options chooses the second.
 */
enum BundledDemo {
    AFTER_PATCH("demo", "a two-node Exchange 5.5 cluster after an offline restore"),
    BEFORE_RESTORE("demo-before", "a two-node Exchange 5.5 cluster and an offline backup set, before the restore",
            "backup");

    static final List<String> NAMES = List.of("after-patch", "before-restore", "true");

    final String folder;
    final String what;
    /** Folders of the evidence that hold the backup set: given as --backup (a path the @-file cannot name). */
    final List<String> backups;

    BundledDemo(String folder, String what, String... backups) {
        this.folder = folder;
        this.what = what;
        this.backups = List.of(backups);
    }

    static BundledDemo named(String name, List<String> options) {
        switch (name) {
            case "after-patch", "true" -> {
                return AFTER_PATCH;
            }
            case "before-restore" -> {
                return BEFORE_RESTORE;
            }
            case "" -> {
                for (int i = 0; i < options.size(); i++) {
                    if (options.get(i).equals("--stage=before-restore") || options.get(i).equals("--stage")
                            && i + 1 < options.size() && options.get(i + 1).equals("before-restore")) {
                        return BEFORE_RESTORE;
                    }
                }
                return AFTER_PATCH;
            }
            default -> throw new UsageException(name.startsWith("-")
                    // picocli gives --demo an unknown option as its optional value; say what the command would say
                    ? "unknown option '" + name + "' (after --demo: after-patch, before-restore or an option of check)"
                    : "--demo " + name + ": no such demo (after-patch or before-restore)");
        }
    }

    /** Copies the default demo evidence (after-patch) into {@code dir} (created); returns {@code dir}. */
    static Path extractDefault(Path dir) throws IOException {
        return extract(AFTER_PATCH.folder, dir);
    }

    /** Copies the bundled demo evidence of {@code folder} into {@code dir} (created); returns {@code dir}. */
    static Path extract(String folder, Path dir) throws IOException {
        try (InputStream list = resource(folder + "/FILES")) {
            for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                Path target = dir.resolve(name.trim()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("bad demo file name " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(folder + "/" + name.trim())) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = BundledDemo.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("demo evidence missing from the jar: " + name);
        }
        return in;
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
