package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help a new user reads: no example broken in the middle of an argument, no command summary cut
 * mid-sentence, every line fits 80 columns, {@code help A B} and {@code -V} work on every command, and a
 * misspelt command or option names the one meant.
 */
class HelpTextTest {
    /** Every command's path below {@code patchlens}, e.g. ["hive", "dump"]. */
    static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(new CommandLine(new Main()), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                path.add(e.getKey());
                walk(e.getValue(), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static String[] with(List<String> path, String... more) {
        List<String> a = new ArrayList<>(path);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void everyHelpFitsEightyColumnsWithEveryExampleOnItsOwnLines() {
        List<List<String>> all = commands();
        assertEquals(22, all.size(), "patchlens, check, rules, hive (13), ese (4): " + all);
        for (List<String> c : all) {
            CliRun r = CliRun.of(with(c, "--help"));
            assertEquals(0, r.exit(), c + ": " + r.err());
            List<String> lines = r.out().lines().toList();
            for (String line : lines) {
                assertTrue(line.length() <= 80, c + ": a line of " + line.length() + " columns:\n" + line);
            }
            CommandLine cl = new CommandLine(new Main());
            for (String name : c) {
                cl = cl.getSubcommands().get(name);
            }
            for (String f : cl.getCommandSpec().usageMessage().footer()) {
                assertTrue(lines.contains(f), c + ": footer line not printed whole: " + f);
            }
        }
    }

    @Test
    void noWordIsBrokenAcrossLines() {
        // the words of every text the help is made of; a line that ends inside one of them broke it
        for (List<String> c : commands()) {
            CommandLine cl = new CommandLine(new Main());
            for (String name : c) {
                cl = cl.getSubcommands().get(name);
            }
            var spec = cl.getCommandSpec();
            java.util.Set<String> words = new java.util.HashSet<>();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
            texts.forEach(t -> words.addAll(List.of(t.split("\\s+"))));
            List<String> lines = CliRun.of(with(c, "--help")).out().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String[] a = lines.get(i).strip().split("\\s+");
                String[] b = lines.get(i + 1).strip().split("\\s+");
                String joined = a[a.length - 1] + b[0];
                assertTrue(a[a.length - 1].isEmpty() || b[0].isEmpty() || !words.contains(joined)
                        || words.contains(a[a.length - 1]) && words.contains(b[0]),
                        c + ": '" + joined + "' is broken across lines " + (i + 1) + " and " + (i + 2));
            }
        }
    }

    @Test
    void everyCommandSummaryIsOneWholeSentence() {
        for (List<String> c : commands()) {
            CommandLine cl = new CommandLine(new Main());
            for (String name : c) {
                cl = cl.getSubcommands().get(name);
            }
            String[] d = cl.getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0, c + ": no description");
            String summary = d[0].strip();
            assertTrue(summary.endsWith(".") || summary.endsWith("?"), c + ": the summary the command list shows "
                    + "stops mid-sentence: " + summary);
            assertTrue(summary.length() <= 80, c + ": summary longer than a line: " + summary);
        }
    }

    @Test
    void everyHiveCommandThatListsExitCodesNamesAnUnreadableHiveForTwo() {
        // an unreadable hive is exit 2 for every hive command (docs/reliability.md); a help that lists exit
        // code 2 for one reason only ("recovery failed") misleads
        List<String> listed = new ArrayList<>();
        for (List<String> c : commands()) {
            if (c.size() != 2 || !c.get(0).equals("hive")) {
                continue;
            }
            CommandLine cl = new CommandLine(new Main()).getSubcommands().get("hive").getSubcommands().get(c.get(1));
            String d = String.join(" ", cl.getCommandSpec().usageMessage().description());
            if (d.contains("Exit code 0") || d.contains("Exit code 1")) {
                listed.add(c.get(1));
                assertTrue(d.matches("(?s).*2 for bad usage,? (or )?an unreadable hive.*"),
                        c + ": exit code 2 is not said to be an unreadable hive: " + d);
            }
        }
        assertEquals(java.util.Set.of("info", "deleted", "diff", "search", "replay", "history"),
                java.util.Set.copyOf(listed));
    }

    @Test
    void helpNamesAnyCommandAndDashVWorksEverywhere() {
        for (List<String> c : commands()) {
            CliRun help = CliRun.of(with(List.of("help"), c.toArray(String[]::new)));
            assertEquals(0, help.exit(), c + ": " + help.err());
            assertEquals(CliRun.of(with(c, "--help")).out(), help.out(), "help " + c);
            CliRun v = CliRun.of(with(c, "-V"));
            assertEquals(0, v.exit(), c + " -V: " + v.err());
            assertEquals("patchlens " + Main.version() + "\n", v.out(), c + " -V");
        }
        CliRun unknown = CliRun.of("help", "hive", "dmp");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("patchlens: unknown command 'dmp' in 'hive'; did you mean dump?\n"),
                unknown.err());
    }

    @Test
    void aMisspeltCommandOrOptionNamesTheOneMeant() {
        CliRun dmp = CliRun.of("hive", "dmp", "SYSTEM");
        assertEquals(2, dmp.exit());
        assertEquals("patchlens: unknown command 'dmp'; did you mean dump?\nTry 'patchlens hive --help'.\n", dmp.err());
        CliRun hlep = CliRun.of("hlep");
        assertEquals("patchlens: unknown command 'hlep'; did you mean help?\nTry 'patchlens --help'.\n", hlep.err());
        CliRun formt = CliRun.of("hive", "dump", "SYSTEM", "--formt", "csv");
        assertEquals(2, formt.exit());
        assertTrue(formt.err().startsWith("patchlens: unknown option '--formt'; did you mean --format"), formt.err());
        CliRun nothingClose = CliRun.of("hive", "zzzzzz");
        assertEquals("patchlens: unknown command 'zzzzzz'\nTry 'patchlens hive --help'.\n", nothingClose.err());
    }
}
