package org.patchlens.model;

/**
 * The one rule for a value read from the evidence (a server, group, resource or service name, a path, a file
 * name) that is to go into a command line the administrator copies: the runbook's commands and every remedy
 * that gives one (PRC-01, PRC-02, PRC-06, CLU-06, CLU-08, ESE-01) use it. A value that a command prompt would
 * read as more than a name - quotes, {@code &}, {@code |}, {@code <}, {@code >}, {@code ^}, {@code %}, a
 * back-quote, control and format characters, line separators - never goes into a command: a crafted name must
 * not turn a copied line into two commands ({@code SET _CLUSTER_NETWORK_NAME_=E&calc}) nor drive the terminal
 * it is shown on. In its place the command shows a placeholder in angle brackets, and the text around it names
 * the value as data ({@link #quoted}) and says why ({@link #unsafe}).
 */
public final class CommandText {
    private CommandText() {
    }

    /**
     * Why {@code value} cannot go into a command line ("it holds a character a command prompt would act on
     * (U+0026)"), or null when it can.
     */
    public static String unsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("\"&|<>^%`".indexOf(c) >= 0 || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                return "it holds a character a command prompt would act on (" + String.format("U+%04X", (int) c)
                        + ")";
            }
        }
        return null;
    }

    /**
     * The value as a command line may hold it: stripped when it is a plain name, else (unknown, blank or
     * {@link #unsafe}) the placeholder {@code <placeholder>}.
     */
    public static String name(String value, String placeholder) {
        return value == null || value.isBlank() || unsafe(value) != null ? "<" + placeholder + ">" : value.strip();
    }

    /**
     * A path as one argument of a command line: in double quotes when it holds a blank ({@code copy PUB.EDB
     * "D:\Exchange Server\MDBDATA\PUB.EDB"}), else as it is, and a placeholder as the catalog's remedy shows it
     * ({@code <the DB Path of PUB.EDB>}). Only for a value {@link #name} let through (or its placeholder), which
     * holds no double quote.
     */
    public static String argument(String path) {
        boolean placeholder = path.startsWith("<") && path.endsWith(">"); // the catalog's template, typed over
        return !placeholder && path.chars().anyMatch(Character::isWhitespace) ? "\"" + path + "\"" : path;
    }

    /**
     * The value named as data in a sentence, never as a command: in double quotes, escaped as
     * {@link PrintableText#of} escapes it, with its own double quotes and back-quotes escaped too, so that it
     * neither ends the quotes nor opens a back-quoted command in a remedy ("E&amp;calc" in quotes).
     */
    public static String quoted(String value) {
        return "\"" + PrintableText.of(value).replace("\"", "\\u0022").replace("`", "\\u0060") + "\"";
    }

    /**
     * The sentence that goes next to a command holding the placeholder for {@code value}: "{@code what},
     * "E&amp;calc", is left out of the command: it holds a character a command prompt would act on (U+0026)."; ""
     * when the value is in the command as it is, or was not known (the placeholder says that much).
     */
    public static String leftOut(String what, String value) {
        String why = value == null || value.isBlank() ? null : unsafe(value);
        return why == null ? "" : what + ", " + quoted(value) + ", is left out of the command: " + why + ".";
    }
}
