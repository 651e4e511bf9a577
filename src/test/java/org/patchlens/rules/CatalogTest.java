package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.patchlens.report.CatalogWriter;

/** The catalog: 49 rules in six families, docs/rules.md generated from it and equal to it. */
class CatalogTest {
    @Test
    void fortyNineRulesInSixFamilies() {
        assertEquals(49, Rule.values().length);
        Map<String, Long> perFamily = Arrays.stream(Rule.values())
                .collect(Collectors.groupingBy(Rule::family, Collectors.counting()));
        assertEquals(Map.of("IN", 7L, "REG", 9L, "RIP", 7L, "CLU", 11L, "ESE", 9L, "PRC", 6L), perFamily);
        for (Rule r : Rule.values()) {
            assertTrue(r.id().matches("(IN|REG|RIP|CLU|ESE|PRC)-\\d\\d"), r.id());
            assertFalse(r.title().isBlank(), r.id());
            assertFalse(r.remedy().isBlank(), r.id() + " has a remedy");
        }
        assertEquals(Severity.CRIT, Rule.CLU_08.severity());
        assertEquals(Confidence.INFERRED, Rule.PRC_03.confidence());
    }

    @Test
    void docsRulesMdIsGeneratedFromTheCatalog() throws Exception {
        StringWriter w = new StringWriter();
        CatalogWriter.markdown(w);
        assertEquals(w.toString(), Files.readString(Path.of("docs", "rules.md")),
                "docs/rules.md is stale: regenerate with ./patchlens rules --format md > docs/rules.md");
    }
}
