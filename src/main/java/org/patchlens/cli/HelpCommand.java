package org.patchlens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code patchlens help [COMMAND...]}: the help of any command, nested ones too ({@code help hive dump}). */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command (e.g. help hive dump).")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, e.g. hive dump.")
    List<String> names = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private CommandLine.Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
                     PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        List<String> walked = new ArrayList<>();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "unknown command '" + name + "'"
                        + (walked.isEmpty() ? "" : " in '" + String.join(" ", walked) + "'") + Main.suggestion(name,
                        target.getSubcommands().keySet()));
            }
            walked.add(name);
            target = sub;
        }
        target.usage(out, colors);
        out.flush();
    }
}
