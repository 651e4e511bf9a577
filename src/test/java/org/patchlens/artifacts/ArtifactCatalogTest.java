package org.patchlens.artifacts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.Hive;
import org.patchlens.report.ArtifactCatalogWriter;
import org.patchlens.report.ArtifactsWriter;

/** The plugin catalog holds together, every plugin has its test and its fuzz target, and docs/artifacts.md is generated from it. */
class ArtifactCatalogTest {
    @Test
    void namesAreUniqueAndTheConstantIsTheName() {
        Set<String> names = new HashSet<>();
        for (Catalog c : Catalog.values()) {
            Spec s = c.spec();
            assertEquals(c.name().toLowerCase(Locale.ROOT), s.name(), c.name());
            assertTrue(s.name().matches("[a-z0-9_]+"), s.name());
            assertTrue(names.add(s.name()), s.name());
            if (!s.regipy().isEmpty() && !s.regipy().equals(s.name())) {
                assertTrue(names.add(s.regipy()), s.regipy() + " (regipy) names another plugin");
            }
            assertEquals(c, Catalog.named(s.name()));
            assertEquals(c, Catalog.named(s.name().toUpperCase(Locale.ROOT)));
            if (!s.regipy().isEmpty()) {
                assertEquals(c, Catalog.named(s.regipy()));
            }
            assertFalse(s.artifact().isBlank());
            assertFalse(s.decodes().isBlank());
            assertFalse(s.checked().isBlank(), s.name() + " says how it was checked");
            assertFalse(s.fields().isEmpty());
        }
        assertEquals(null, Catalog.named("no_such_plugin"));
        assertEquals(Catalog.BAM, Catalog.named("background_activity_moderator"));
        assertEquals(Catalog.SOFTWARE_PERSISTENCE, Catalog.named("software_plugin"));
    }

    /** A field name is one CSV column however many plugins declare it: it must mean one kind of thing. */
    @Test
    void fieldsOfOneNameHaveOneKindAndNeverShadowTheCommonColumns() {
        Map<String, FieldKind> kinds = new HashMap<>();
        for (Catalog c : Catalog.values()) {
            Set<String> own = new HashSet<>();
            for (FieldSpec f : c.spec().fields()) {
                assertTrue(f.name().matches("[a-z][A-Za-z0-9]*"), f.name());
                assertTrue(own.add(f.name()), c.pluginName() + " declares " + f.name() + " twice");
                assertFalse(ArtifactsWriter.COMMON.contains(f.name()), f.name());
                assertFalse(f.doc().isBlank(), f.name());
                FieldKind before = kinds.putIfAbsent(f.name(), f.kind());
                assertTrue(before == null || before == f.kind(), f.name() + " is " + before + " and " + f.kind());
            }
        }
    }

    /** The recipe's parts: a test class named after the plugin's class, a fuzz target, the fixture gives entries. */
    @Test
    void everyPluginHasItsTestItsFuzzTargetAndEntriesOnItsFixture() throws Exception {
        String fuzz = Files.readString(Path.of("src/test/java/org/patchlens/fuzz/ArtifactFuzzTest.java"));
        String script = Files.readString(Path.of("scripts/fuzz.sh"));
        for (Catalog c : Catalog.values()) {
            String cls = c.plugin().getClass().getSimpleName();
            assertDoesNotThrow(() -> Class.forName("org.patchlens.artifacts." + cls + "Test"), cls + "Test");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("void (\\w+)\\(FuzzedDataProvider in\\)[^{]*\\{\\s*"
                    + "plugin\\(in, Catalog\\." + c.name() + "\\);").matcher(fuzz);
            assertTrue(m.find(), "ArtifactFuzzTest has a target for " + c.name());
            assertTrue(script.contains("ArtifactFuzzTest#" + m.group(1)), "scripts/fuzz.sh lists " + m.group(1));
            try (Hive h = Hive.fromBytes("fixture", Fixtures.of(c.spec().hive()).toBytes())) {
                assertEquals(c.spec().hive(), HiveType.of(h));
                assertFalse(c.plugin().run(new HiveContext(h, c.spec().hive())).isEmpty(),
                        c.pluginName() + " finds something in its fixture (its fuzz target mutates it)");
            }
        }
        for (String structure : List.of("fileTime", "bamRecord", "mruListEx", "guid", "timeFields")) {
            assertTrue(script.contains("ArtifactFuzzTest#" + structure), structure);
        }
    }

    @Test
    void everyPluginRunsOnlyOnItsHiveType() {
        for (HiveType t : HiveType.values()) {
            for (Catalog c : Catalog.forType(t)) {
                assertEquals(t, c.spec().hive());
            }
        }
        assertEquals(List.of(Catalog.EXCHANGE55_CLUSTER), Catalog.forType(HiveType.CLUSTER));
        assertEquals(List.of(), Catalog.forType(HiveType.OTHER));
    }

    @Test
    void docsArtifactsMdIsGeneratedFromTheCatalog() throws Exception {
        StringWriter w = new StringWriter();
        ArtifactCatalogWriter.markdown(w);
        Path doc = Path.of("docs", "artifacts.md");
        assertEquals(w.toString(), Files.readString(doc), "docs/artifacts.md is stale: regenerate with "
                + "./patchlens hive artifacts --list-plugins --format md > docs/artifacts.md");
    }
}
