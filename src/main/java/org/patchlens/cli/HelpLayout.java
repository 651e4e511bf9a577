package org.patchlens.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help's text, laid out so that nothing is broken inside a word: picocli wraps with the JDK's line
 * break rules, which split {@code docs/hive-formats.md} after the dot and start a new line at every element of
 * a description. Here a description is its summary line, then one paragraph; each option's description is one
 * paragraph; lines wrap at spaces only, at the help's width (the terminal's, at least 80 columns); and the
 * footer (the examples) is printed line for line.
 */
final class HelpLayout {
    /** The widest names column before a description starts on the next line instead. */
    private static final int MAX_NAMES = 28;

    private HelpLayout() {
    }

    /** Lays out every command of the tree this way. */
    static void install(CommandLine cl) {
        var sections = cl.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> description(help.commandSpec()));
        sections.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, help -> "");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> arguments(help.commandSpec()));
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> lines(List.of(help.commandSpec().usageMessage().footer())));
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    private static int width(CommandLine.Model.CommandSpec spec) {
        return Math.max(80, spec.usageMessage().width());
    }

    /** The summary line, then the rest of the description as one paragraph. */
    static String description(CommandLine.Model.CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        if (d.length == 0) {
            return "";
        }
        List<String> out = new ArrayList<>(wrap(d[0], width(spec)));
        if (d.length > 1) {
            out.addAll(wrap(String.join(" ", List.of(d).subList(1, d.length)), width(spec)));
        }
        return lines(out);
    }

    /** Positional parameters, then options in picocli's order (by their shortest name), names and descriptions. */
    static String arguments(CommandLine.Model.CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
                rows.add(new String[] {"      " + (p.arity().min() == 0 ? "[" + label + "]" : label), text(p)});
            }
        }
        List<OptionSpec> options = new ArrayList<>(spec.options().stream().filter(o -> !o.hidden()).toList());
        options.sort(Comparator.comparing(o -> o.shortestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT)));
        for (OptionSpec o : options) {
            String shortName = null;
            String longName = null;
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    longName = longName == null ? n : longName;
                } else {
                    shortName = shortName == null ? n : shortName;
                }
            }
            String param = o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel();
            String names = "  " + (shortName == null ? "    " : shortName + (longName == null ? "" : ", "))
                    + (longName == null ? param : longName + param);
            rows.add(new String[] {names, text(o)});
        }
        int column = 0;
        for (String[] r : rows) {
            if (r[0].length() <= MAX_NAMES) {
                column = Math.max(column, r[0].length());
            }
        }
        column += 2;
        List<String> out = new ArrayList<>();
        String indent = " ".repeat(column);
        for (String[] r : rows) {
            List<String> desc = wrap(r[1], width(spec) - column);
            if (r[0].length() + 2 > column) {
                out.add(r[0]);
            } else {
                String first = desc.isEmpty() ? "" : desc.remove(0);
                out.add(r[0] + " ".repeat(column - r[0].length()) + first);
            }
            desc.forEach(l -> out.add(indent + l));
        }
        return lines(out);
    }

    /** An argument's description as one paragraph, ${DEFAULT-VALUE} filled in. */
    private static String text(ArgSpec a) {
        String d = String.join(" ", a.description());
        return d.replace("${DEFAULT-VALUE}", String.valueOf(a.defaultValue()));
    }

    /** {@code text} in lines of at most {@code width} columns, broken at spaces only (a longer word stands alone). */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static String lines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
