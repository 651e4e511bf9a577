package org.patchlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.report.HiveDump;
import org.patchlens.report.HiveWorkbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Every key and value of a hive (or of one subtree), in pre-order.",
            "jsonl: one object per key; csv: one row per value (RFC 4180); text: indented;",
            "listing: the K/V lines of the corpus oracle format. Schemas: docs/hive-formats.md.",
            "With several FILEs, -o names a folder that gets one output per hive (NAME.jsonl, ...), all in one process."},
        footer = {"", "Examples:",
            "  patchlens hive dump SYSTEM -o system.jsonl",
            "  patchlens hive dump SYSTEM --path 'ControlSet001\\Services\\MSExchangeIS' --format text",
            "  patchlens hive dump NTUSER.DAT --format csv -o ntuser.csv",
            "  patchlens hive dump NTUSER.DAT --deleted --format text",
            "  patchlens hive dump SYSTEM -o system.xlsx      (an Excel workbook: chosen by the .xlsx name)",
            "  patchlens hive dump evidence/*/SYSTEM evidence/*/SOFTWARE -o dumps/"})
final class HiveDumpCommand implements Callable<Integer> {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", description = "The hive file(s).")
    List<Path> files;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Dump only this subtree. KEYPATH: names separated by \\ or / (a key whose name holds / stays "
                    + "reachable), case-insensitive (an exact-case name first); it may start with \\, the root key's name, "
                    + "HKLM\\SYSTEM, HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, HKU\\<SID>, HKU\\<SID>_Classes or regedit's "
                    + "Computer\\...; CurrentControlSet follows Select\\Current (docs/hive-formats.md).")
    String keyPath;

    @Option(names = "--format", defaultValue = "jsonl",
            description = "jsonl, csv, text or listing (default: ${DEFAULT-VALUE}).")
    HiveDump.Format format = HiveDump.Format.JSONL;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write to OUT instead of stdout (a folder when several FILEs are given).")
    Path output;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @Option(names = "--deleted", description = {"Also write keys and values recovered from free cells and slack",
        "(as 'patchlens hive deleted' finds them), marked with their label. Not with --format listing."})
    boolean deleted;

    @picocli.CommandLine.Mixin
    LogOptions logs = LogOptions.auto();

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed document dates, so the same hive gives "
            + "the same bytes.")
    boolean deterministic;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(PrintWriter out, PrintWriter err) throws IOException {
        if (deleted && format == HiveDump.Format.LISTING) {
            throw new UsageException("--deleted cannot be used with --format listing (the oracle format lists the live tree only)");
        }
        if (files.size() > 1 && HiveWorkbooks.isXlsx(output)) {
            throw new UsageException(output + ": a workbook holds one hive; with several FILEs -o names a folder");
        }
        if (files.size() > 1 && !logs.logs.isEmpty()) {
            throw new UsageException("--log names the logs of one hive; with several FILEs the logs beside each are used");
        }
        if (files.size() == 1) {
            return dumpOne(files.get(0), output, out, err, Progress.forTerminal(err, files.get(0)));
        }
        return dumpMany(out, err);
    }

    private int dumpOne(Path file, Path to, PrintWriter out, PrintWriter err, Progress progress) throws IOException {
        try (Hive hive = HiveSupport.open(file, logs)) {
            Key start = HiveSupport.key(hive, keyPath);
            List<DeletedRecords.Item> recovered = null;
            if (deleted) {
                String prefix = start.isRoot() ? "" : start.path();
                recovered = DeletedRecords.scan(hive).stream().filter(i -> prefix.isEmpty()
                        || i.path().equalsIgnoreCase(prefix) || i.path().regionMatches(true, 0, prefix + "\\", 0,
                        prefix.length() + 1)).toList();
            }
            if (HiveWorkbooks.isXlsx(to)) {
                Workbooks.dump(hive, start, file, to, force, deterministic, spec, recovered, progress);
                return HiveSupport.finish(hive, err);
            }
            List<Path> inputs = new ArrayList<>(List.of(file));
            inputs.addAll(logs.resolve(file)); // the transaction logs are evidence too
            try (OutputStream o = Output.bytes(to, force, inputs, out)) {
                HiveDump.write(hive, start, format, o, recovered, progress::key);
            } catch (ConsoleOut.Closed e) {
                // whoever reads stdout has stopped (| head): stop writing; damage found so far is still reported
            } finally {
                progress.done();
            }
            return HiveSupport.finish(hive, err);
        }
    }

    /** Several hives in one process: one output file each in the folder -o names; a bad hive costs only itself. */
    private int dumpMany(PrintWriter out, PrintWriter err) throws IOException {
        if (output == null) {
            throw new UsageException("several FILEs need -o FOLDER (one output per hive)");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageException(output + ": several FILEs need -o to name a folder, not a file");
        }
        // the folder itself is checked like an output file: not an input, not in an evidence folder
        Output.check(output, force, files);
        Files.createDirectories(output);
        String ext = format.name().toLowerCase(Locale.ROOT).replace("listing", "txt").replace("text", "txt");
        Set<String> used = new HashSet<>();
        // per base name, the next number to try, so that a thousand hives called SYSTEM cost a thousand tries
        java.util.Map<String, Integer> next = new java.util.HashMap<>();
        List<Path> targets = new ArrayList<>();
        for (Path f : files) {
            String base = f.getFileName().toString();
            String name = base + "." + ext;
            String lower = base.toLowerCase(Locale.ROOT);
            for (int i = next.getOrDefault(lower, 2); !used.add(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + "." + i + "." + ext;
                next.put(lower, i + 1);
            }
            targets.add(output.resolve(name));
        }
        // Hives are independent: up to one worker per core dumps them, each into its own file, and
        // their messages are printed in the order the FILEs were given, whatever order they finish in.
        int workers = Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "patchlens-dump");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Path target = targets.get(i);
                results.add(pool.submit(() -> dumpInBatch(file, target, out)));
            }
            int worst = Main.OK;
            Progress batch = Progress.forTerminalBatch(err, files.size());
            for (int i = 0; i < results.size(); i++) {
                Outcome o = await(results.get(i));
                if (!o.messages().isEmpty()) {
                    batch.clear();
                    err.print(o.messages());
                    err.flush();
                }
                worst = Math.max(worst, o.code());
                batch.file(i + 1);
            }
            batch.done();
            return worst;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The worker's result; what it threw is thrown here, on the thread that reports it. */
    private static Outcome await(java.util.concurrent.Future<Outcome> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }

    /** One hive's exit code and what it printed on stderr. */
    private record Outcome(int code, String messages) {
    }

    /** One hive of a batch; a bad hive costs only itself (its partial output is removed). */
    private Outcome dumpInBatch(Path file, Path target, PrintWriter out) throws IOException {
        java.io.StringWriter messages = new java.io.StringWriter();
        PrintWriter err = new PrintWriter(messages);
        int code;
        try {
            code = dumpOne(file, target, out, err, Progress.NONE);
        } catch (HiveSupport.NotFound e) {
            err.println("patchlens: " + Errors.flat(e.getMessage()));
            code = Main.FINDINGS;
        } catch (RuntimeException e) {
            err.println("patchlens: " + Errors.oneLine(e));
            Files.deleteIfExists(target);
            code = Main.BAD_INPUT;
        }
        err.flush();
        return new Outcome(code, messages.toString());
    }

    // ------------------------------------------------------------------ fast start

    /**
     * {@code hive dump} with plain arguments, parsed without picocli (whose reflective set-up is
     * about a fifth of a whole dump's CPU time). Anything else (help, --debug, an unknown or
     * malformed option, a bad format name) returns null and goes through picocli as usual, so
     * the messages stay picocli's. The results are the same either way (HiveDumpFastPathTest).
     */
    static Integer fastPath(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length < 3 || !args[0].equals("hive") || !args[1].equals("dump")) {
            return null;
        }
        HiveDumpCommand c = new HiveDumpCommand();
        c.files = new ArrayList<>();
        c.logs = LogOptions.auto();
        boolean endOfOptions = false;
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (endOfOptions || a.isEmpty() || a.charAt(0) != '-' || a.equals("-")) {
                if (a.equals("-") && !endOfOptions) {
                    return null;
                }
                Path f = path(a);
                if (f == null) {
                    return null;
                }
                c.files.add(f);
                continue;
            }
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--" -> endOfOptions = true;
                case "--force", "--deleted", "--no-logs" -> {
                    if (value != null) {
                        return null;
                    }
                    switch (name) {
                        case "--force" -> c.force = true;
                        case "--deleted" -> c.deleted = true;
                        default -> c.logs.noLogs = true;
                    }
                }
                case "--format", "--path", "-o", "--output", "--log" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                            return null;
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--format" -> {
                            try {
                                c.format = HiveDump.Format.valueOf(value.toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException e) {
                                return null;
                            }
                        }
                        case "--path" -> c.keyPath = value;
                        default -> {
                            Path p = path(value);
                            if (p == null) {
                                return null;
                            }
                            if (name.equals("--log")) {
                                c.logs.logs.add(p);
                            } else {
                                c.output = p;
                            }
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        if (c.files.isEmpty() || HiveWorkbooks.isXlsx(c.output)) {
            return null; // workbooks need picocli's parse result (their Run sheet records the arguments)
        }
        try {
            return c.run(out, err);
        } catch (Exception e) {
            return Main.failure(e, args, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The path, or null when the platform cannot name it (picocli then says so, as for any command). */
    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
