package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testdata/demo-before is exactly what {@link BeforeRestoreDemo} builds. Regenerate after a builder change with
 * {@code mvn test -Dtest=BeforeRestoreDemoTest -Dpatchlens.writeDemo=true}.
 */
class BeforeRestoreDemoTest {
    @Test
    void committedBeforeRestoreDemoIsReproducible(@TempDir Path tmp) throws Exception {
        if (Boolean.getBoolean("patchlens.writeDemo")) {
            if (Files.exists(BeforeRestoreDemo.FOLDER)) {
                try (Stream<Path> w = Files.walk(BeforeRestoreDemo.FOLDER)) {
                    for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(BeforeRestoreDemo.FOLDER);
            BeforeRestoreDemo.write(BeforeRestoreDemo.FOLDER);
        }
        BeforeRestoreDemo.write(tmp);
        List<String> expected = files(tmp);
        assertEquals(expected, files(BeforeRestoreDemo.FOLDER), "the file list of testdata/demo-before");
        for (String f : expected) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve(f)), Files.readAllBytes(BeforeRestoreDemo.FOLDER.resolve(f)),
                    "testdata/demo-before/" + f + " differs from what the builders write");
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
