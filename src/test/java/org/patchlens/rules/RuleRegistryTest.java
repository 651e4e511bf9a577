package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.EvidenceScanner;

/**
 * The registry ({@link Rule}) and its units: every rule class is registered exactly once, and every registered
 * rule reports at least one result, all of its own, on any evidence (here: none at all, the bundled demo, an
 * online restore, a stand-alone server). A rule that would report nothing fails the build here, not a run.
 */
class RuleRegistryTest {
    @TempDir
    Path dir;

    /** Every concrete {@link RuleUnit} compiled into the rules package (the classes, not the registry). */
    private static Set<String> unitClasses() throws Exception {
        Path classes = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/patchlens/rules");
        assertTrue(Files.isDirectory(classes), classes + ": the compiled rules package");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName("org.patchlens.rules." + name.substring(0, name.length() - 6), false,
                            Rule.class.getClassLoader());
                    if (RuleUnit.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                        out.add(c.getSimpleName());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyRuleClassIsRegisteredExactlyOnce() throws Exception {
        List<String> registered = new ArrayList<>();
        for (Rule r : Rule.values()) {
            registered.add(r.unit().getClass().getSimpleName());
        }
        assertEquals(registered.size(), new TreeSet<>(registered).size(), "a class registered twice: " + registered);
        Set<String> unregistered = new TreeSet<>(unitClasses());
        unregistered.removeAll(registered);
        assertEquals(Set.of(), unregistered, "rule classes that Rule does not register");
        assertEquals(unitClasses().size(), Rule.values().length);
    }

    @Test
    void eachRuleClassIsNamedAfterItsRule() {
        for (Rule r : Rule.values()) {
            String prefix = r.family().charAt(0) + r.family().substring(1).toLowerCase() + r.id().substring(r.id()
                    .indexOf('-') + 1);
            String name = r.unit().getClass().getSimpleName();
            assertTrue(name.startsWith(prefix) && name.length() > prefix.length(), r.id() + " is declared in " + name);
        }
    }

    @Test
    void everyRuleReportsOnNoEvidenceAtAll() {
        everyRuleReports("no evidence", new CheckContext(List.of(), CheckOptions.NONE));
    }

    @Test
    void everyRuleReportsOnTheDemoEvidence() throws IOException {
        everyRuleReports("testdata/demo", new CheckContext(EvidenceScanner.scan(DemoEvidence.FOLDER),
                DemoEvidence.scenario().checkOptions()));
    }

    @Test
    void everyRuleReportsOnAnOnlineRestore() throws IOException {
        RestoreScenario s = RestoreScenario.onlineBase();
        s.write(dir);
        everyRuleReports("online restore", new CheckContext(EvidenceScanner.scan(dir), s.checkOptions()));
    }

    @Test
    void everyRuleReportsOnAStandAloneServer() throws IOException {
        RestoreScenario s = RestoreScenario.standaloneOffline();
        s.write(dir);
        everyRuleReports("stand-alone server", new CheckContext(EvidenceScanner.scan(dir), s.checkOptions()));
    }

    /** Each rule, run on its own, reports at least one result, and only results of its own. */
    private static void everyRuleReports(String evidence, CheckContext c) {
        for (Rule r : Rule.values()) {
            List<Finding> f = r.check(c);
            assertFalse(f.isEmpty(), r.id() + " reports nothing on " + evidence);
            for (Finding x : f) {
                assertEquals(r, x.rule(), r.id() + " reports a finding of " + x.rule().id() + " on " + evidence);
            }
        }
    }
}
