package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.AlternateHive;
import org.patchlens.hive.Damage;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveStats;
import org.patchlens.hive.RecoveryFailed;
import org.patchlens.report.HiveInfoWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Base block fields, checksum and dirty verdicts, statistics and damage of a hive.",
            "Every damaged structure is listed (the other commands show the first ten). A root key that cannot",
            "be read (a file cut after its base block) is damage too: the base block is still reported.",
            "Exit code 0 when nothing is damaged, 1 for damage or a failed log recovery, 2 for bad usage, an",
            "unreadable hive (its base block cannot be read) or an unreadable log.",
            "Several FILEs or folders (searched for hives by content, links not followed): one report per",
            "hive, each headed by its source, its type and user; json: an array of the documents."},
        footer = {"", "Examples:", "  patchlens hive info SYSTEM", "  patchlens hive info --format json NTUSER.DAT",
            "  patchlens hive info evidence/"})
final class HiveInfo implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("hive info", OutputFormat.TEXT, OutputFormat.JSON);

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE|DIR",
            description = "The hive file(s), or folders searched for hives.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Output out = Output.plan(OUTPUT, format, null, false, List.of());
        if (files.size() == 1 && !java.nio.file.Files.isDirectory(files.get(0))) {
            return one(files.get(0), out, stdout, err);
        }
        HiveTree.Tree tree = HiveTree.walk(files, false).require(files, err);
        logs.requireOneHive(true);
        boolean json = out.format() == OutputFormat.JSON;
        int code = Main.OK;
        int shown = 0;
        if (json) {
            stdout.print("[");
        }
        for (HiveTree.Found h : tree.hives()) {
            // each report complete before it is printed: a hive that cannot be read leaves no half report
            java.io.StringWriter one = new java.io.StringWriter();
            int c;
            try {
                c = one(h, out, new PrintWriter(one), err);
            } catch (RuntimeException e) {
                err.println("patchlens: " + Errors.oneLine(e));
                err.flush();
                code = Main.BAD_INPUT;
                continue;
            }
            code = Math.max(code, c);
            if (json) {
                stdout.print((shown == 0 ? "\n" : ",\n") + one.toString().stripTrailing());
            } else {
                stdout.print((shown == 0 ? "" : "\n") + one);
            }
            shown++;
            stdout.flush();
        }
        if (json) {
            stdout.println(shown == 0 ? "]" : "\n]");
        }
        stdout.flush();
        return tree.code(code);
    }

    /** One hive of several: the report of {@link #one(Path, Output, PrintWriter, PrintWriter)} headed by its source. */
    private int one(HiveTree.Found h, Output out, PrintWriter to, PrintWriter err) throws java.io.IOException {
        return report(h, h.path(), out, to, err);
    }

    private int one(Path file, Output out, PrintWriter stdout, PrintWriter err) throws java.io.IOException {
        return report(null, file, out, stdout, err);
    }

    private int report(HiveTree.Found found, Path file, Output out, PrintWriter stdout, PrintWriter err)
            throws java.io.IOException {
        // the one input check before anything reads the path (a FIFO or /dev/zero would block the hash)
        String sha = org.patchlens.evidence.Hashing.sha256(org.patchlens.InputFile.check(file));
        String failure = null;
        Hive opened;
        try {
            opened = found != null ? HiveSupport.open(found, logs) : HiveSupport.open(file, logs);
        } catch (RecoveryFailed e) {
            if (e.stage() != RecoveryFailed.Stage.REPLAY) {
                throw e;
            }
            failure = e.reason();
            opened = HiveSupport.open(file);
        }
        AlternateHive alt = AlternateHive.compare(file);
        try (Hive hive = opened) {
            // a root key that cannot be read (a file cut after its base block) is damage: the base block is reported
            Damage unreadableRoot = null;
            try {
                hive.root();
            } catch (HiveException e) {
                unreadableRoot = new Damage(e.file(), e.offset(), "", e.reason());
            }
            HiveStats stats = unreadableRoot == null ? HiveStats.of(hive) : HiveStats.binsOnly(hive);
            HiveInfoWriter.Facts facts = new HiveInfoWriter.Facts(hive, stats, unreadableRoot,
                    java.nio.file.Files.size(file), sha, failure, logs.noLogs, alt);
            HiveInfoWriter.Source source = null;
            if (found != null) {
                // told from a second opening of the file: lookups in this one would change the order of its damage
                HiveTree.Found id = HiveTree.describe(found);
                source = new HiveInfoWriter.Source(file.toString(), id.typeLabel(), id.user(), id.sid());
            }
            if (out.format() == OutputFormat.JSON) {
                HiveInfoWriter.json(stdout, facts, source);
            } else {
                HiveInfoWriter.text(stdout, facts, source);
            }
            List<Damage> damage = facts.damage();
            stdout.flush();
            if (damage.isEmpty() && failure == null) {
                return Main.OK;
            }
            // a count on stderr too, as every other hive command gives it, so scripts see it
            err.println("patchlens: " + Errors.flat(hive.name()) + ": " + damage.size() + " problem"
                    + (damage.size() == 1 ? "" : "s") + " in the hive" + (failure != null ? " and a failed log recovery" : "")
                    + " (listed in the output)");
            err.flush();
            return Main.FINDINGS;
        }
    }
}
