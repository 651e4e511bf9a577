package org.patchlens.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.model.CommandText;

/** The SET line typed before isinteg -patch ({@code --env-line}), as PRC-01 and PRC-02 read it. */
final class EnvLine {
    static final String VARIABLE = "_CLUSTER_NETWORK_NAME_";

    private EnvLine() {
    }

    /**
     * The virtual server's name as a SET line of a remedy takes it: VNAME when it can be typed, the runbook's
     * placeholder when it cannot ({@link CommandText}; {@link #leftOut} says why), {@code <VNAME>} when no
     * cluster hive names it.
     */
    static String vname(CheckContext c) {
        return c.virtualServer().map(v -> CommandText.name(v, CheckContext.VIRTUAL_SERVER_PLACEHOLDER))
                .orElse("<VNAME>");
    }

    /** The sentence that names a virtual server name {@link #vname} left out, or "". */
    static String leftOut(CheckContext c) {
        return CommandText.leftOut("The Exchange virtual server's name in the cluster hive",
                c.virtualServer().orElse(null));
    }

    /**
     * Why the line does not matter here, or null when it does: isinteg -patch runs on a cluster after an
     * offline restore only.
     */
    static String notApplicable(CheckContext c) {
        if (!c.isCluster()) {
            return "stand-alone server: isinteg sees the right name without the variable";
        }
        if (c.restore() == Effective.ONLINE) {
            return "online restore: isinteg -patch is not run (RIP-07)";
        }
        return null;
    }

    /** The problem of a SET line (its command, variable name or value), or null if it is spelt right. */
    static String spellingDefect(String line) {
        String d = nameDefect(line);
        return d != null ? d : valueDefect(value(line));
    }

    /**
     * The problem of a SET line that keeps its value from reaching isinteg (the command or the variable name is
     * wrong), or null.
     */
    static String nameDefect(String line) {
        String t = line.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith("setx")) {
            return "SETX stores the variable permanently" + (t.toLowerCase(Locale.ROOT).contains("/m")
                    ? " and /M makes it a system variable for every process on the node" : "")
                    + "; type SET in the prompt that runs isinteg";
        }
        Matcher m = Pattern.compile("(?i)^set\\s+(.*)$").matcher(t);
        if (!m.matches()) {
            return "the line does not start with SET";
        }
        String rest = m.group(1);
        int eq = rest.indexOf('=');
        if (eq < 0) {
            return "no '=' in the line";
        }
        String name = rest.substring(0, eq);
        if (name.isEmpty()) {
            return "no variable name before '='";
        }
        if (name.endsWith(" ") || name.endsWith("\t")) {
            return "space before '=' (it becomes part of the variable name)";
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.equals(VARIABLE)) {
            if (upper.equals("_CLUSTER_NETWORK_NAME")) {
                return "missing trailing underscore (" + name + ")";
            }
            if (upper.equals("CLUSTER_NETWORK_NAME_")) {
                return "missing leading underscore (" + name + ")";
            }
            return "the variable is " + name + ", not " + VARIABLE;
        }
        return null;
    }

    /** The problem of the value a SET line gives (it reaches isinteg as it is), or null. */
    static String valueDefect(String value) {
        if (value.isEmpty()) {
            return "empty value";
        }
        if (value.startsWith("\"") || value.endsWith("\"")) {
            return "quotes around the value (they become part of it)";
        }
        if (!value.equals(value.strip())) {
            return "spaces around the value (they become part of it)";
        }
        return null;
    }

    /**
     * What the line sets the variable to: everything after the first '=', trailing spaces included (cmd's SET keeps
     * them in the value; only the spaces before SET are ignored).
     */
    static String value(String line) {
        String t = line.stripLeading();
        int eq = t.indexOf('=');
        return eq < 0 ? "" : t.substring(eq + 1);
    }
}
