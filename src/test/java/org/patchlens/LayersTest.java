package org.patchlens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency picture of docs/layers.md, checked: every main source file uses (by import or by a full name in
 * its code) only packages of lower layers, never its own layer's others or one above. The Kaitai-generated
 * {@code format} package is for the readers alone.
 */
class LayersTest {
    /** Lowest first; "" is the top-level package ({@code org.patchlens.InputFile} and the exceptions). */
    static final List<Set<String>> LAYERS = List.of(
            Set.of(""),
            Set.of("format"),
            Set.of("hive", "ese"),
            Set.of("evidence", "cluster", "model"),
            Set.of("rules", "artifacts"),
            Set.of("runbook"),
            Set.of("report"),
            Set.of("cli", "spark"));
    /** The only packages that read the generated format classes ({@code artifacts}: only those of kaitai/artifacts/). */
    static final Set<String> FORMAT_USERS = Set.of("hive", "ese", "artifacts");
    private static final Pattern FORMAT_CLASS = Pattern.compile("\\borg\\.patchlens\\.format\\.(\\w+)");

    private static final Path MAIN = Path.of("src", "main", "java", "org", "patchlens");
    private static final Pattern USE = Pattern.compile("\\borg\\.patchlens\\.(\\w+)");
    /** The package line, comments, text blocks, string and character literals: what names no dependency. */
    private static final Pattern NOT_CODE = Pattern.compile("(?m)^package [\\w.]+;|"
            + "//[^\n]*|/\\*(?s:.*?)\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\n]|\\\\.)+'");

    static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** The package of org.patchlens a file is in ("" for the top level), from its place below {@code root}. */
    private static String packageOf(Path root, Path file) {
        Path rel = root.relativize(file);
        return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    }

    /** The packages a source text uses: "hive" for org.patchlens.hive.Key, "" for org.patchlens.InputFile. */
    static Set<String> uses(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = USE.matcher(NOT_CODE.matcher(source).replaceAll(" "));
        while (m.find()) {
            String first = m.group(1);
            out.add(Character.isUpperCase(first.charAt(0)) ? "" : first);
        }
        return out;
    }

    /** "file: uses package" for every use that runs sideways or back up. */
    static List<String> violations(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = packageOf(root, f);
                if (layer(pkg) < 0) {
                    out.add(f + ": package " + pkg + " has no place in the layers (LayersTest, docs/layers.md)");
                    continue;
                }
                for (String used : uses(Files.readString(f))) {
                    if (used.equals(pkg)) {
                        continue;
                    }
                    if (layer(used) < 0 || layer(used) >= layer(pkg)) {
                        out.add(f + ": " + pkg + " uses " + used + ", which is not below it");
                    } else if (used.equals("format") && !FORMAT_USERS.contains(pkg)) {
                        out.add(f + ": " + pkg + " uses the generated format classes, which only the readers read");
                    } else if (used.equals("format") && pkg.equals("artifacts")) {
                        Matcher m = FORMAT_CLASS.matcher(NOT_CODE.matcher(Files.readString(f)).replaceAll(" "));
                        while (m.find()) {
                            if (!artifactSpecClasses().contains(m.group(1))) {
                                out.add(f + ": artifacts uses format." + m.group(1) + ", not a class of kaitai/artifacts/");
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The classes generated from kaitai/artifacts/*.ksy: the only generated classes the artifact decoders read. */
    static Set<String> artifactSpecClasses() throws IOException {
        Set<String> out = new TreeSet<>();
        Path dir = Path.of("kaitai", "artifacts");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path ksy : s.filter(p -> p.toString().endsWith(".ksy")).toList()) {
                    try {
                        out.add(KaitaiSpecsTest.className(ksy));
                    } catch (Exception e) {
                        throw new IOException(e);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noMainSourceUsesAPackageOnItsLayerOrAbove() throws IOException {
        assertTrue(Files.isDirectory(MAIN), MAIN.toAbsolutePath().toString());
        assertEquals(List.of(), violations(MAIN));
    }

    @Test
    void usesAreReadFromCodeOnly() {
        String source = """
                package org.patchlens.rules;

                import org.patchlens.model.Source;
                import static org.patchlens.hive.ValueType.REG_SZ;
                /** Not {@link org.patchlens.report.Printable}. */
                class X {
                    // org.patchlens.cli.Main is only mentioned
                    String s = "org.patchlens.report.Output";
                    org.patchlens.ese.LogHeader h;
                    org.patchlens.InputFile f;
                }
                """;
        assertEquals(new TreeSet<>(Set.of("", "ese", "hive", "model")), uses(source));
    }

    @Test
    void aUseBackUpIsFound(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path model = Files.createDirectories(tmp.resolve("src/main/java/org/patchlens/model"));
        Files.writeString(model.resolve("Bad.java"), "package org.patchlens.model;\n\n"
                + "import org.patchlens.report.Printable;\n\nclass Bad {\n}\n");
        Files.writeString(model.resolve("Good.java"), "package org.patchlens.model;\n\n"
                + "import org.patchlens.hive.Key;\n\nclass Good {\n}\n");
        List<String> v = violations(tmp.resolve("src/main/java/org/patchlens"));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).endsWith("Bad.java: model uses report, which is not below it"), v.get(0));
    }

    @Test
    void artifactsReadOnlyTheClassesOfTheirOwnSpecs(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path artifacts = Files.createDirectories(tmp.resolve("src/main/java/org/patchlens/artifacts"));
        Files.writeString(artifacts.resolve("Good.java"), "package org.patchlens.artifacts;\n\n"
                + "import org.patchlens.format.BamEntry;\n\nclass Good {\n}\n");
        Files.writeString(artifacts.resolve("Bad.java"), "package org.patchlens.artifacts;\n\n"
                + "import org.patchlens.format.Regf;\n\nclass Bad {\n}\n");
        List<String> v = violations(tmp.resolve("src/main/java/org/patchlens"));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).endsWith("Bad.java: artifacts uses format.Regf, not a class of kaitai/artifacts/"), v.get(0));
    }
}
