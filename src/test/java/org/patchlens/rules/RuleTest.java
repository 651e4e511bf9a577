package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry and a unit's declaration (docs/rules-notes.md, "Each rule a registered unit"): the constant's name is
 * the ID, a unit knows the rule it is registered as, and a remedy template is filled in one pass, each placeholder
 * everywhere it occurs, values taken literally.
 */
class RuleTest {
    /** A unit that is not registered, with the remedy template given. */
    private static RuleUnit unit(String template) {
        return new RuleUnit("title", Severity.WARN, Confidence.INFERRED, List.of("Q000001"), template) {
            @Override
            List<Finding> check(CheckContext c) {
                return List.of();
            }
        };
    }

    @Test
    void theIdAndFamilyComeFromTheConstantsName() {
        assertEquals("REG-09", Rule.REG_09.id());
        assertEquals("REG", Rule.REG_09.family());
        assertEquals("IN", Rule.IN_01.family());
        assertEquals("CLU", Rule.CLU_11.family());
        assertSame(Rule.CLU_11, Rule.byId("clu-11"));
    }

    @Test
    void anUnknownIdIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rule.byId("REG-10"));
        assertEquals("no rule REG-10", e.getMessage());
    }

    @Test
    void aUnitKnowsItsRuleAndItsDeclaration() {
        assertSame(Rule.REG_05, Rule.REG_05.unit().rule());
        assertSame(Rule.REG_05, Rule.of(Rule.REG_05.unit()));
        assertEquals("Registered DB paths equal the paths recorded in the logs", Rule.REG_05.title());
        assertEquals(Severity.HIGH, Rule.REG_05.severity());
        assertEquals(Confidence.CONFIRMED, Rule.REG_05.confidence());
        assertEquals(List.of("Q296787", "Q190440"), Rule.REG_05.kb());
        assertEquals("", Rule.REG_05.severityNote());
        assertEquals("CRIT when a RIP key is inside a checkpointed subtree, else HIGH", Rule.CLU_09.severityNote());
    }

    @Test
    void anUnregisteredUnitHasNoRule() {
        RuleUnit u = unit("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, u::rule);
        assertEquals(u.getClass().getSimpleName() + " is not registered", e.getMessage());
    }

    @Test
    void aRemedyWithoutValuesIsTheTemplate() {
        assertEquals("Copy <file> to <DB Path>.", unit("Copy <file> to <DB Path>.").remedy());
    }

    @Test
    void aRemedyFillsEveryOccurrenceOfEachPlaceholder() {
        RuleUnit u = unit("Copy <file> to <DB Path>; then start <file> from <DB Path> on <VNAME>.");
        assertEquals("Copy PRIV.EDB to D:\\MDBDATA\\PRIV.EDB; then start PRIV.EDB from D:\\MDBDATA\\PRIV.EDB "
                + "on EXVS01.",
                u.remedy("<file>", "PRIV.EDB", "<DB Path>", "D:\\MDBDATA\\PRIV.EDB", "<VNAME>", "EXVS01"));
        assertEquals("Copy PRIV.EDB to <DB Path>; then start PRIV.EDB from <DB Path> on <VNAME>.",
                u.remedy("<file>", "PRIV.EDB"), "placeholders not given stay");
    }

    @Test
    void aRemedyTakesValuesLiterallyInOnePass() {
        RuleUnit u = unit("Logs expect <log path>; registry has <DB Path>.");
        assertEquals("Logs expect <DB Path>; registry has \\\\EXVS01\\D$\\x $1.",
                u.remedy("<log path>", "<DB Path>", "<DB Path>", "\\\\EXVS01\\D$\\x $1"),
                "a value that reads like a placeholder or a group reference stays as it is");
    }

    @Test
    void aRemedyNeedsPairsOfPlaceholdersInTheTemplate() {
        assumeTrue(RuleUnit.class.desiredAssertionStatus(), "checked by assert statements");
        RuleUnit u = unit("Copy <file>.");
        assertThrows(AssertionError.class, () -> u.remedy("<file>"), "a placeholder without a value");
        assertThrows(AssertionError.class, () -> u.remedy("<db>", "x"), "a placeholder the template lacks");
    }
}
