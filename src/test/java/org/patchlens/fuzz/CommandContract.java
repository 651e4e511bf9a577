package org.patchlens.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.patchlens.cli.Main;

/**
 * What every command promises on any input: exit 0, 1 or 2 (exactly one line on stderr), never a
 * stack trace or an internal error. For the hive commands also: exit 0 prints nothing on stderr, and
 * exit 1 gives a damage count (or a key or value that is not there, diff's differences, or the keys and values
 * export-reg left out of the .reg).
 */
public final class CommandContract {
    private CommandContract() {
    }

    /** The outcome of one command line. */
    public record Outcome(int exit, String out, String err) {
    }

    /** Runs one command line and checks the exit-code and stderr contract. */
    public static Outcome check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        String e = err.toString();
        String cmd = String.join(" ", args);
        // names from the evidence may say anything ("internal error", "Exception"): look at the shape of the
        // lines, not their words (a name's tab is shown as \t, so a raw tab comes from a stack trace)
        if (e.contains("\tat ") || e.lines().anyMatch(l -> l.startsWith("patchlens: internal error")
                || l.startsWith("Caused by: ") || l.matches("(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error)(?::.*)?"))) {
            throw new AssertionError(cmd + ": stack trace or internal error on stderr:\n" + e);
        }
        // informational lines ("patchlens: note: ... read with its transaction logs applied") may come first
        String notes = "(patchlens: note: [^\\n]*\\R)*";
        boolean hive = "hive".equals(args[0]);
        switch (code) {
            case 0 -> {
                if (hive && !e.matches(notes)) {
                    throw new AssertionError(cmd + ": exit 0 with more than notes on stderr:\n" + e);
                }
            }
            case 1 -> {
                // diff: exit 1 means "there are differences" (on stdout or in the -o file)
                boolean differences = "diff".equals(args[1]) && e.matches(notes);
                // export-reg: keys and values whose names a .reg cannot carry, one line each (after any damage)
                boolean leftOut = "export-reg".equals(args[1]) && e.lines().anyMatch(l -> l.matches(
                        "patchlens: .*: at offset 0x[0-9A-F]+: (key|value) .* left out of the \\.reg: .*"));
                if (hive && !differences && !leftOut && !e.matches("(?s)" + notes + "patchlens: .*: \\d+ problems? in the hive.*")
                        && !e.matches(notes + "patchlens: .*(key|value) not found: .*\\R")) {
                    throw new AssertionError(cmd + ": exit 1 without a damage count:\n" + e);
                }
            }
            case 2 -> {
                if (e.lines().count() != 1 || !e.startsWith("patchlens: ")) {
                    throw new AssertionError(cmd + ": exit 2 must print exactly one line:\n" + e);
                }
            }
            default -> throw new AssertionError(cmd + ": exit code " + code);
        }
        return new Outcome(code, out.toString(), e);
    }
}
