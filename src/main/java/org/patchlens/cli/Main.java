package org.patchlens.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code patchlens} command: a thin layer over the library; exit codes 0, 1, 2 for every command. */
@Command(name = "patchlens",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Offline analyzer of Windows registry hives and Exchange store headers.",
            "Reads copied files only, never modifies them, on any OS."},
        subcommands = {CheckCommand.class, HiveCommand.class, EseCommand.class, RulesCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Exit codes: 0 nothing at or above the failure threshold, 1 findings (damage, differences),",
            "            2 bad usage or unreadable input (one line on stderr; --debug for the stack trace).",
            "",
            "Examples:",
            "  patchlens check --demo",
            "  patchlens check D:\\evidence --restore-type offline --env-line \"SET _CLUSTER_NETWORK_NAME_=EXVS01\"",
            "  patchlens hive info SYSTEM",
            "  patchlens hive dump SYSTEM --format jsonl -o system.jsonl",
            "  patchlens hive get SYSTEM 'Select' Current"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;

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
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("patchlens: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof HiveSupport.NotFound) {
                err.println("patchlens: " + ex.getMessage());
                err.flush();
                return FINDINGS;
            }
            err.println("patchlens: " + Errors.oneLine(ex));
            if (main.debug || java.util.Arrays.asList(args).contains("--debug")) {
                err.print(Errors.trace(ex));
            }
            err.flush();
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
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
