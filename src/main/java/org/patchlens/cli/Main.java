package org.patchlens.cli;

import java.io.PrintWriter;
import java.util.List;
import org.patchlens.report.ConsoleOut;
import org.patchlens.report.RunTemp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code patchlens} command: a thin layer over the library; exit codes 0, 1, 2 and 141 for every command. */
@Command(name = "patchlens",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Offline analyzer of Windows registry hives and Exchange store headers.",
            "Reads copied files only, never modifies them, on any OS."},
        subcommands = {CheckCommand.class, HiveCommand.class, EseCommand.class, RulesCommand.class,
            HelpCommand.class},
        footer = {
            "",
            "Exit codes: 0 nothing at or above the failure threshold;",
            "            1 findings (damage, differences, a rule that fails);",
            "            2 bad usage or unreadable input (one line on stderr; --debug adds",
            "              the stack trace), or an output that could not be written whole",
            "              (a full disk; stdout too);",
            "            141 the reader of stdout stopped early (| head), as for cat or grep.",
            "",
            "Examples:",
            "  patchlens check --demo",
            "  patchlens check evidence/ --restore-type offline \\",
            "      --env-line \"SET _CLUSTER_NETWORK_NAME_=EXVS01\"",
            "  patchlens hive info SYSTEM",
            "  patchlens hive dump SYSTEM -o system.jsonl",
            "  patchlens hive get SYSTEM Select Current",
            "  patchlens help hive dump"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    /**
     * The reader of stdout went away (| head): what cat, grep or git report in the shell, killed by SIGPIPE
     * (128 + 13); the JVM ignores SIGPIPE, so it is returned. Not 0 or 1: they speak of the evidence, and
     * only part of it was read; not 2: nothing is wrong with the input, the usage or the disk.
     */
    public static final int READER_LEFT = 141;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    public static void main(String[] args) {
        // stdout through one 64 KiB buffer straight to the file descriptor (ConsoleOut); run() flushes it
        java.nio.charset.Charset cs = consoleCharset();
        PrintWriter out = ConsoleOut.stdout(cs);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.err), cs), true);
        System.exit(run(args, out, err));
    }

    /** Runs a command line with the given streams; returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            org.patchlens.report.Output.argumentFiles(argumentFiles(args));
            org.patchlens.report.Output.folderNames(folderNames(args));
            Integer fast = HiveDumpCommand.fastPath(args, out, err);
            return stdoutOutcome(fast != null ? fast : runWithPicocli(args, out, err), args, out, err);
        } catch (InternalError e) {
            // an Error passes picocli's handler by: a mapped input cut short by another process faults the next read
            // of it, whatever the command; one line naming the file, as for any input that cannot be read
            return stdoutOutcome(failure(org.patchlens.InputFile.cutShort(e), args, err), args, out, err);
        } finally {
            org.patchlens.report.Output.argumentFiles(List.of());
            org.patchlens.report.Output.folderNames(List.of());
            RunTemp.end(); // this run's private temporary folder, if it made one
        }
    }

    /** The options that name an output file or folder. */
    private static final List<String> OUTPUT_OPTIONS = List.of("-o", "--output", "--runbook");

    /** The values of the output options that end in a separator ({@code -o dumps/}), as typed. */
    static List<String> folderNames(String[] args) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (OUTPUT_OPTIONS.contains(a) && i + 1 < args.length) {
                value = args[++i];
            } else if (a.startsWith("--") && a.indexOf('=') > 0 && OUTPUT_OPTIONS.contains(a.substring(0, a.indexOf('=')))) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("-o") && a.length() > 2 && !a.startsWith("--")) {
                value = a.startsWith("-o=") ? a.substring(3) : a.substring(2);
            }
            if (value != null && value.length() > 1 && (value.endsWith("/") || value.endsWith(java.io.File.separator))) {
                names.add(value);
            }
        }
        return names;
    }

    /** The files named {@code @FILE} on the command line (picocli reads their lines as arguments): inputs too. */
    static List<java.nio.file.Path> argumentFiles(String[] args) {
        List<java.nio.file.Path> files = new java.util.ArrayList<>();
        argumentFiles(java.util.Arrays.asList(args), files, 0);
        return files;
    }

    /** The @FILEs among {@code args}, and those their lines name in turn (picocli reads those too), a few deep. */
    private static void argumentFiles(List<String> args, List<java.nio.file.Path> files, int depth) {
        for (String a : args) {
            if (a.length() > 1 && a.charAt(0) == '@' && depth < 8) {
                try {
                    java.nio.file.Path p = java.nio.file.Path.of(a.substring(1));
                    if (java.nio.file.Files.isRegularFile(p) && !files.contains(p)) {
                        files.add(p);
                        argumentFiles(tokens(p), files, depth + 1);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // not a file name: picocli reports it
                }
            }
        }
    }

    /** The words of an argument file, quotes taken off (enough to find the @FILEs it names). */
    private static List<String> tokens(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            String text = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
            List<String> words = new java.util.ArrayList<>();
            for (String w : text.split("\\s+")) {
                words.add(w.length() > 1 && (w.charAt(0) == '"' || w.charAt(0) == '\'')
                        ? w.substring(1, w.charAt(w.length() - 1) == w.charAt(0) ? w.length() - 1 : w.length()) : w);
            }
            return words;
        } catch (java.io.IOException e) {
            return List.of(); // unreadable: picocli reports it
        }
    }

    /**
     * UTF-8, unless the JVM says the console wants another charset (sun.stdout.encoding, set for a
     * Windows console). Not the locale's charset: under LANG=C (cron, CI, a bare container) Java 17
     * would write every character outside ASCII as '?', and a dump redirected to a file would lose
     * key names and data without a word.
     */
    static java.nio.charset.Charset consoleCharset() {
        String enc = System.getProperty("sun.stdout.encoding");
        try {
            return enc != null ? java.nio.charset.Charset.forName(enc) : java.nio.charset.StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    /** Every command line through picocli (also the ones {@link HiveDumpCommand#fastPath} takes; tests compare). */
    static int runWithPicocli(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        shape(cl);
        HelpLayout.install(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("patchlens: " + Errors.flat(message(ex)));
            err.println(tryHelp(ex));
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, main.debug ? new String[] {"--debug"} : args, err));
        // an -o NAME/ read from an @FILE names a folder as when typed (picocli has expanded the files by now)
        cl.setExecutionStrategy(parsed -> {
            org.patchlens.report.Output.folderNames(folderNames(parsed.expandedArgs().toArray(String[]::new)));
            return new CommandLine.RunLast().execute(parsed);
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Every command the same way: the version on -V everywhere, help as wide as the terminal (at least 80
     * columns), and footers (the examples) printed line for line, never broken inside an argument.
     */
    static void shape(CommandLine cl) {
        cl.getCommandSpec().versionProvider(new Version());
        cl.setUsageHelpAutoWidth(true);
        for (CommandLine sub : cl.getSubcommands().values()) {
            shape(sub);
        }
    }

    /** The line after a usage error: {@code Try 'patchlens hive dump --help'.}, the command refused. */
    static String tryHelp(CommandLine.ParameterException ex) {
        return "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.";
    }

    /** A usage error as one line; an unknown command or option names the closest ones picocli knows. */
    static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'" + suggestion(first, spec.optionsMap().keySet());
            }
            if (!spec.subcommands().isEmpty()) {
                return "unknown command '" + first + "'" + suggestion(first, spec.subcommands().keySet());
            }
            String atFile = first.startsWith("@") && first.length() > 1 ? " (no file " + first.substring(1)
                    + " to read options from)" : "";
            return "unexpected argument '" + first + "'" + atFile + (u.getUnmatched().size() > 1 ? " (and "
                    + (u.getUnmatched().size() - 1) + " more)" : "");
        }
        return ex.getMessage();
    }

    /** "; did you mean dump?" for the names closest to {@code typed}, or "". */
    static String suggestion(String typed, java.util.Collection<String> names) {
        List<String> close = new java.util.ArrayList<>();
        for (String n : names) {
            if (distance(typed.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT))
                    <= Math.max(1, n.length() / 3) || n.startsWith(typed) && typed.length() >= 2) {
                close.add(n);
            }
        }
        close.sort(java.util.Comparator.comparingInt(n -> distance(typed, n)));
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.subList(0, Math.min(3, close.size())))
                + "?";
    }

    private static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1); // two letters swapped: one slip
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The exit code once stdout is flushed, for every command alone: a write to stdout that failed (the
     * PrintWriter said nothing) is exit 2 and one line naming stdout and the reason, since the output is
     * incomplete; a reader that went away (| head) chose to stop reading: no line, {@link #READER_LEFT}.
     */
    static int stdoutOutcome(int code, String[] args, PrintWriter out, PrintWriter err) {
        out.flush();
        if (out instanceof ConsoleOut c) {
            java.io.IOException f = c.failure();
            if (f == null) {
                return code;
            }
            if (c.readerLeft()) {
                return READER_LEFT;
            }
            err.println("patchlens: stdout: " + Errors.flat(ConsoleOut.reason(f)) + " (the output is incomplete)");
            if (java.util.Arrays.asList(args).contains("--debug")) {
                err.print(Errors.trace(f));
            }
            err.flush();
            return BAD_INPUT;
        }
        if (out.checkError()) { // a PrintWriter keeps no reason
            err.println("patchlens: stdout: write error (the output is incomplete)");
            err.flush();
            return BAD_INPUT;
        }
        return code;
    }

    /** The exit code and stderr line for an exception out of a command (the stack trace only with --debug). */
    static int failure(Exception ex, String[] args, PrintWriter err) {
        if (stdoutFailed(ex)) {
            return BAD_INPUT; // stdoutOutcome says what it was (the console kept the error): no line here
        }
        if (ex instanceof HiveSupport.NotFound) {
            err.println("patchlens: " + Errors.flat(ex.getMessage()));
            err.flush();
            return FINDINGS;
        }
        err.println("patchlens: " + Errors.oneLine(ex));
        if (java.util.Arrays.asList(args).contains("--debug")) {
            err.print(Errors.trace(ex));
        }
        err.flush();
        return BAD_INPUT;
    }

    private static boolean stdoutFailed(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsoleOut.Failed) {
                return true;
            }
        }
        return false;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"patchlens " + version()};
        }
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
