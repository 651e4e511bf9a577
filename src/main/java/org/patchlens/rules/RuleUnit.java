package org.patchlens.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the catalog in one class: its declaration (title, severity, confidence, KB articles, the remedy
 * template) and its check. {@link Rule} registers each unit once and gives it its ID; docs/rules-notes.md says
 * how to add one.
 */
abstract class RuleUnit {
    private final String title;
    private final Severity severity;
    private final String severityNote;
    private final Confidence confidence;
    private final List<String> kb;
    private final String remedy;

    RuleUnit(String title, Severity severity, Confidence confidence, List<String> kb, String remedy) {
        this(title, severity, "", confidence, kb, remedy);
    }

    /** With a {@code severityNote} for a rule whose severity depends on the case. */
    RuleUnit(String title, Severity severity, String severityNote, Confidence confidence, List<String> kb,
             String remedy) {
        this.title = title;
        this.severity = severity;
        this.severityNote = severityNote;
        this.confidence = confidence;
        this.kb = List.copyOf(kb);
        this.remedy = remedy;
    }

    /**
     * Every result of this rule over the evidence: at least one (FAIL, WARN, PASS, or SKIPPED with the reason),
     * each a finding of this rule.
     */
    abstract List<Finding> check(CheckContext c);

    /** The rule this unit is registered as. */
    final Rule rule() {
        return Rule.of(this);
    }

    String title() {
        return title;
    }

    Severity severity() {
        return severity;
    }

    String severityNote() {
        return severityNote;
    }

    Confidence confidence() {
        return confidence;
    }

    List<String> kb() {
        return kb;
    }

    /**
     * The remedy template with its placeholders filled: {@code remedy("<VNAME>", "EXVS01", "<db>", "PRIV.EDB")}
     * (pairs of placeholder and value; none gives the template as it is). One pass over the template, so a
     * value from the evidence that happens to read like a placeholder stays as it is, and a back-quote in a
     * value is written {@code \}{@code u0060}, so that only the template's back-quotes mark commands.
     */
    String remedy(String... placeholdersAndValues) {
        if (placeholdersAndValues.length == 0) {
            return remedy;
        }
        assert placeholdersAndValues.length % 2 == 0 : "placeholder without a value";
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < placeholdersAndValues.length; i += 2) {
            assert remedy.contains(placeholdersAndValues[i]) : placeholdersAndValues[i] + " is not in: " + remedy;
            alternatives.add(Pattern.quote(placeholdersAndValues[i]));
        }
        Matcher m = Pattern.compile(String.join("|", alternatives)).matcher(remedy);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int i = 0;
            while (!placeholdersAndValues[i].equals(m.group())) {
                i += 2;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(prose(placeholdersAndValues[i + 1])));
        }
        return m.appendTail(sb).toString();
    }

    /**
     * The remedy followed by the sentences that say which evidence value a command of it leaves out and why
     * ({@link org.patchlens.model.CommandText#leftOut}); the empty ones add nothing.
     */
    static String withLeftOut(String remedy, String... sentences) {
        StringBuilder sb = new StringBuilder(remedy);
        for (String s : sentences) {
            if (!s.isEmpty()) {
                sb.append(' ').append(s);
            }
        }
        return sb.toString();
    }

    /**
     * A value from the evidence for the prose of a remedy: its back-quotes written {@code \}{@code u0060}. Left
     * as it is, a crafted name {@code `del x`} would be read by the report as a command to type
     * (CheckReport.commands); the values a command may hold never have one (CommandText).
     */
    static String prose(String value) {
        return value.replace("`", "\\u0060");
    }
}
