package org.patchlens.rules;

import java.util.List;
import org.patchlens.model.Source;

/**
 * One result of one rule: what was compared (object), what was expected and where that
 * expectation came from, what was found and where, and what to do about it.
 *
 * @param severity the severity of this result (the rule's, or lower for a WARN status)
 * @param detail   for SKIPPED the reason; otherwise extra facts (may be empty)
 */
public record Finding(Rule rule, Severity severity, Status status, String object, String expected,
                      Source expectedSource, String actual, Source actualSource, String remedy, String detail) {

    public Confidence confidence() {
        return rule.confidence();
    }

    public List<String> kb() {
        return rule.kb();
    }

    /** True if this result counts against the threshold (a FAIL or WARN at or above it). */
    public boolean reaches(Severity threshold) {
        return (status == Status.FAIL || status == Status.WARN) && severity.atLeast(threshold);
    }

    public static Finding pass(Rule rule, String object, String expected, Source expectedSource, String actual,
                               Source actualSource) {
        return new Finding(rule, rule.severity(), Status.PASS, object, expected, expectedSource, actual, actualSource,
                "", "");
    }

    public static Finding fail(Rule rule, String object, String expected, Source expectedSource, String actual,
                               Source actualSource, String remedy) {
        return new Finding(rule, rule.severity(), Status.FAIL, object, expected, expectedSource, actual, actualSource,
                remedy, "");
    }

    /** A failed check reported below the rule's severity (e.g. a case-only difference). */
    public static Finding warn(Rule rule, Severity severity, String object, String expected, Source expectedSource,
                               String actual, Source actualSource, String remedy) {
        return new Finding(rule, severity, Status.WARN, object, expected, expectedSource, actual, actualSource, remedy,
                "");
    }

    public static Finding skipped(Rule rule, String reason) {
        return new Finding(rule, rule.severity(), Status.SKIPPED, "", "", Source.NONE, "", Source.NONE, "", reason);
    }

    public static Finding notApplicable(Rule rule, String why) {
        return skipped(rule, "not applicable: " + why);
    }

    public Finding withDetail(String d) {
        return new Finding(rule, severity, status, object, expected, expectedSource, actual, actualSource, remedy, d);
    }
}
