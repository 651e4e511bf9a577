package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchlens.report.CatalogWriter;

/** The catalog: the rules of exchange-restore.md section 10 in their families, docs/rules.md generated from it. */
class CatalogTest {
    @Test
    void theCatalogHasItsFortyNineRules() {
        assertEquals(49, Rule.values().length, "exchange-restore.md section 10; a new rule changes this number");
    }

    @Test
    void rulesAreNumberedFromOneWithinTheirFamilyInCatalogOrder() {
        Map<String, Integer> last = new LinkedHashMap<>();
        for (Rule r : Rule.values()) {
            assertTrue(r.id().matches("(IN|REG|RIP|CLU|ESE|PRC)-\\d\\d"), r.id());
            int n = Integer.parseInt(r.id().substring(r.id().indexOf('-') + 1));
            assertEquals(last.getOrDefault(r.family(), 0) + 1, n, r.id() + " follows the one before it");
            assertEquals(r, Rule.byId(r.id().toLowerCase()));
            last.put(r.family(), n);
        }
        assertEquals(List.of("IN", "REG", "RIP", "CLU", "ESE", "PRC"), List.copyOf(last.keySet()),
                "families, each in one block");
    }

    @Test
    void everyRuleIsDeclaredInFull() {
        for (Rule r : Rule.values()) {
            assertFalse(r.title().isBlank(), r.id() + " has a title");
            assertFalse(r.remedy().isBlank(), r.id() + " has a remedy");
            assertTrue(r.kb().stream().allMatch(kb -> kb.matches("Q\\d{6}")), r.id() + " " + r.kb());
        }
        assertEquals(Severity.CRIT, Rule.CLU_08.severity());
        assertEquals(Confidence.INFERRED, Rule.PRC_03.confidence());
        assertEquals("CRIT for offline roll-forward, WARN for online", Rule.ESE_07.severityNote());
    }

    @Test
    void aRemedyIsFilledInOnePassOverItsTemplate() {
        RuleUnit prc02 = Rule.PRC_02.unit();
        assertEquals("`SET _CLUSTER_NETWORK_NAME_=EXVS01` - the Name on the Parameters tab of the Exchange group's "
                + "Network Name resource - then `isinteg -patch` (KB Q178311).", prc02.remedy("<VNAME>", "EXVS01"));
        // a value that reads like a placeholder is evidence, not template: it is not filled in again
        assertEquals("Exchange values name the node <VNAME>; on a cluster they must name EXVS01. This usually means "
                + "Exchange was installed or restored against the node; restore to EXVS01.",
                Rule.CLU_04.unit().remedy("<NODE>", "<VNAME>", "<VNAME>", "EXVS01"));
        assertEquals(Rule.PRC_04.remedy(), Rule.PRC_04.unit().remedy());
    }

    @Test
    void docsRulesMdIsGeneratedFromTheCatalog() throws Exception {
        StringWriter w = new StringWriter();
        CatalogWriter.markdown(w);
        assertEquals(w.toString(), Files.readString(Path.of("docs", "rules.md")),
                "docs/rules.md is stale: regenerate with ./patchlens rules --format md > docs/rules.md");
    }
}
