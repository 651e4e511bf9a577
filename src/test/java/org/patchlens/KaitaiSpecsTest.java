package org.patchlens;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build compiles every spec under kaitai/ (sub-folders included) without a list in pom.xml, and
 * the generated code is never part of the sources.
 */
class KaitaiSpecsTest {
    /** The {@code meta: id:} of a .ksy, as the compiler names its class: snake_case to UpperCamelCase. */
    static String className(Path ksy) throws Exception {
        List<String> lines = Files.readAllLines(ksy);
        boolean meta = false;
        for (String l : lines) {
            if (l.startsWith("meta:")) {
                meta = true;
            } else if (meta && l.trim().startsWith("id:")) {
                StringBuilder sb = new StringBuilder();
                for (String part : l.trim().substring(3).trim().split("_")) {
                    sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
                return sb.toString();
            }
        }
        throw new AssertionError(ksy + " has no meta id");
    }

    @Test
    void everySpecUnderKaitaiIsCompiled() throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.walk(Path.of("kaitai"))) {
            specs = s.filter(p -> p.toString().endsWith(".ksy")).sorted().toList();
        }
        assertTrue(specs.size() >= 5, specs.toString());
        for (Path ksy : specs) {
            String cls = "org.patchlens.format." + className(ksy);
            assertDoesNotThrow(() -> Class.forName(cls), ksy + " has no generated class " + cls);
        }
    }

    @Test
    void generatedCodeIsNotInTheSources() {
        assertFalse(Files.exists(Path.of("src/main/java/org/patchlens/format")));
    }
}
