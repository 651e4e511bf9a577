package org.patchlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.report.AtomicFile;
import org.patchlens.report.BatchNames;
import org.patchlens.report.HiveDump;
import org.patchlens.report.ManifestWriter;
import org.patchlens.report.ConsoleOut;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Every key and value of a hive (or of one subtree), in pre-order.",
            "jsonl: one object per key; csv: one row per value (RFC 4180); text: indented;",
            "listing: the K/V lines of the corpus oracle format. Schemas: docs/hive-formats.md.",
            "With several FILEs or a folder (searched for hives by content, links not followed), -o names a folder",
            "that gets one output per hive (NAME.jsonl, ...) and manifest.tsv (source, sha256, type, user, output).",
            "In such a batch every JSONL record and CSV row starts with its source (the hive's path);",
            "in an output's name, what cannot be typed safely is %XX (ESC is %1B; docs/batch.md)."},
        footer = {"", "Examples:",
            "  patchlens hive dump SYSTEM -o system.jsonl",
            "  patchlens hive dump SYSTEM --path 'ControlSet001\\Services\\MSExchangeIS' \\",
            "      --format text",
            "  patchlens hive dump NTUSER.DAT --format csv -o ntuser.csv",
            "  patchlens hive dump NTUSER.DAT --deleted --format text",
            "  patchlens hive dump SYSTEM -o system.xlsx    (a workbook: by the .xlsx name)",
            "  patchlens hive dump evidence/*/SYSTEM evidence/*/SOFTWARE -o dumps/",
            "  patchlens hive dump evidence/ -o dumps/    (every hive below evidence/)"})
final class HiveDumpCommand implements Callable<Integer> {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE|DIR",
            description = "The hive file(s), or folders searched for hives.")
    List<Path> files;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Dump only this subtree. KEYPATH: names separated by \\ or / (a key whose name holds / stays "
                    + "reachable), case-insensitive (an exact-case name first); it may start with \\, the root key's name, "
                    + "HKLM\\SYSTEM, HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, HKU\\<SID>, HKU\\<SID>_Classes or regedit's "
                    + "Computer\\...; CurrentControlSet follows Select\\Current (docs/hive-formats.md).")
    String keyPath;

    static final Output.Spec OUTPUT = Output.Spec.of("hive dump", HiveDump.FORMATS, OutputFormat.XLSX);

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl, csv, text, listing or xlsx (default: jsonl, or the -o name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = {"Write to OUT (.jsonl, .csv, .txt, .xlsx) instead of stdout;",
                "a folder when several FILEs are given."})
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
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
        logs.requireOneHive(files.size() > 1);
        // one hive into a folder that exists, or one named with a trailing / (-o dumps/): as a batch of one,
        // FOLDER/NAME.jsonl (the folder made when missing, as for several FILEs)
        if (files.size() == 1 && !Files.isDirectory(files.get(0))
                && (output == null || output.toString().isEmpty() || !Files.isDirectory(output))
                && !Output.namesAFolder(output)) {
            Output o = Output.plan(OUTPUT, format, output, force, HiveSupport.inputs(files.get(0), logs));
            checkDeleted(o.format());
            return dumpOne(files.get(0), o, out, err, Progress.forTerminal(err, files.get(0)));
        }
        return dumpMany(out, err);
    }

    private void checkDeleted(OutputFormat f) {
        if (deleted && f == OutputFormat.LISTING) {
            throw new UsageException("--deleted cannot be used with --format listing (the oracle format lists the live "
                    + "tree only)");
        }
    }

    /** What a batch's manifest says about one hive, filled in by {@link #dumpOne}. */
    private static final class Stats {
        HiveTree.Found found;
        long keys = -1;
        long values = -1;
        long damage = -1;
        String replay = "";
    }

    private int dumpOne(Path file, Output to, PrintWriter out, PrintWriter err, Progress progress) throws IOException {
        return dumpOne(file, null, to, out, err, progress, null);
    }

    /** {@code content}: the hive's bytes as the batch read them for the hash, or null (mapped from the file). */
    private int dumpOne(Path file, java.nio.ByteBuffer content, Output to, PrintWriter out, PrintWriter err, Progress progress,
                        Stats stats) throws IOException {
        try (Hive hive = HiveSupport.open(file, content, logs, stats == null ? null : stats.found.logs())) {
            java.util.function.Consumer<Path> hook = afterOpen;
            if (hook != null) {
                hook.accept(file);
            }
            try {
                return dumpOpen(hive, file, to, out, err, progress, stats);
            } finally {
                if (stats != null) {
                    // after the dump: its lookups must not change the order in which the walk meets damage
                    try {
                        stats.found = HiveTree.identify(stats.found, hive);
                    } catch (RuntimeException e) {
                        // a hive too damaged to tell its type: the manifest says "unreadable" type, the dump stands
                    }
                }
            }
        }
    }

    private int dumpOpen(Hive hive, Path file, Output to, PrintWriter out, PrintWriter err, Progress progress,
                         Stats stats) throws IOException {
        Key start = HiveSupport.key(hive, keyPath);
        List<DeletedRecords.Item> recovered = deleted ? DeletedRecords.scan(hive, start) : null;
        long[] n;
        OutputBudget.Exceeded cut = null;
        if (to.format() == OutputFormat.XLSX) {
            n = Workbooks.dump(hive, start, file, to, deterministic, spec, recovered, progress);
        } else {
            try (Output.Sink sink = to.open(out).limit(OutputBudget.forInput(hive.fileSize()))) {
                try {
                    n = HiveDump.write(hive, start, to.format(), sink.bytes(),
                            recovered, progress::key, batch ? file.toString() : null);
                } catch (OutputBudget.Exceeded e) {
                    cut = e;
                    n = null;
                }
                sink.commit();
            } catch (ConsoleOut.Failed e) {
                // stdout cannot take more (| head, a full disk): stop writing; Main reports it
                n = null;
            } finally {
                progress.done();
            }
        }
        if (n != null && !batch) {
            HiveSupport.written(to, hive.name() + ": " + n[0] + " keys, " + n[1] + " values", out);
        }
        int code = HiveSupport.finish(hive, err);
        if (cut != null) {
            code = HiveSupport.cut(cut, hive, err);
        }
        if (stats != null) {
            stats.keys = n == null ? -1 : n[0];
            stats.values = n == null ? -1 : n[1];
            stats.damage = hive.damage().size();
            stats.replay = HiveSupport.replayVerdict(hive);
        }
        // like hive deleted: recovered records are findings
        return recovered != null && !recovered.isEmpty() ? Math.max(code, Main.FINDINGS) : code;
    }

    /** Set on the copies that dump one hive of a batch (the batch says what it wrote, once). */
    private boolean batch;

    /** Several hives in one process: one output file each in the folder -o names; a bad hive costs only itself. */
    private int dumpMany(PrintWriter out, PrintWriter err) throws IOException {
        HiveTree.refuseLinkedFolders(files); // before "give -o FOLDER": -o would not help
        Path folder = files.stream().filter(Files::isDirectory).findFirst().orElse(null);
        if (output == null) {
            throw new UsageException(folder != null ? folder + ": a folder is searched for hives, one output each: "
                    + "give -o FOLDER" : "several FILEs need -o FOLDER (one output per hive)");
        }
        // a report's name, or an extension alone (-o .jsonl), is not the name of the batch's folder
        OutputFormat named = OutputFormat.ofName(output);
        if (named == null) {
            named = OutputFormat.extensionOnly(output);
        }
        if (named != null && !Files.isDirectory(output) && folder != null) {
            throw new UsageException(folder + ": a folder is searched for hives, one output each: -o names a folder "
                    + "for them, not a " + named.extension() + " file" + (named == OutputFormat.XLSX
                    ? " (a workbook holds one hive)" : "") + "; choose the format with --format");
        }
        if (named != null && !Files.isDirectory(output) && files.size() == 1) {
            // one hive, -o x.jsonl/: a file's name typed as a folder
            throw new UsageException(output + "/: names a folder (the name ends in /) but is named like a "
                    + named.extension() + " file; leave out the / to write that file, or name a folder");
        }
        if (named != null && !Files.isDirectory(output)) {
            // a report's name for the batch folder: the user expects one file in that format, not a folder of them
            throw new UsageException(output + ": with several FILEs -o names a folder (one output per hive), not a "
                    + named.extension() + " file" + (named == OutputFormat.XLSX ? " (a workbook holds one hive)" : "")
                    + "; choose the format with --format");
        }
        OutputFormat f = Output.format(OUTPUT, format, null);
        if (f == OutputFormat.XLSX) {
            throw new UsageException(output + (files.size() == 1 ? ": is a folder; a workbook holds one hive: name "
                    + "the .xlsx file" : ": a workbook holds one hive; with several FILEs -o names a folder "
                    + "(use --format jsonl, csv, text or listing)"));
        }
        checkDeleted(f);
        HiveTree.Tree tree = HiveTree.walk(files, false).require(files, err); // each worker tells its hive's type
        List<HiveTree.Found> hives = tree.hives();
        // every hive and the logs beside it are inputs, and the folders walked; a missing one is reported when its turn comes
        List<Path> all = new ArrayList<>(tree.inputs());
        logs.requireOneHive(hives.size() > 1 || !tree.folders().isEmpty());
        all.addAll(logs.logs);
        Output.Inputs index = Output.inputs(all); // links resolved once, not once per target
        // the folder itself is checked like an output file: not an input, not in an evidence folder
        Output.checkFolder(output, force, index);
        String ext = f.extension();
        // each output named after its hive, with what cannot be listed or typed safely escaped, and numbered
        BatchNames names = new BatchNames(ManifestWriter.NAME);
        List<Output> targets = new ArrayList<>();
        boolean folderExists = Files.isDirectory(output);
        for (HiveTree.Found h : hives) {
            Path target = output.resolve(names.name(h.path().getFileName().toString(), ext));
            // every target validated before anything is written (an existing one may be evidence or a link to it)
            targets.add(folderExists ? Output.plan(OUTPUT, f.label(), target, force, index)
                    : Output.planInNewFolder(OUTPUT, f, target, index));
        }
        Path manifestPath = output.resolve(ManifestWriter.NAME);
        Output manifest = folderExists ? Output.plan(MANIFEST, OutputFormat.TEXT.label(), manifestPath, force, index)
                : Output.planInNewFolder(MANIFEST, OutputFormat.TEXT, manifestPath, index);
        Files.createDirectories(output);
        // before the first hive, this run's manifest replaces an earlier one, which would pass for this run's if the
        // batch stopped without writing its own (a full disk, a kill): each row says the batch did not finish
        List<ManifestWriter.Row> planned = new ArrayList<>();
        for (HiveTree.Found h : hives) {
            planned.add(notDumped(h, "the batch did not finish: this manifest was written as it started, before this "
                    + "hive's turn"));
        }
        try {
            writeManifest(manifest, planned, out);
        } catch (IOException e) {
            throw new BatchStopped(Errors.message(e) + "; the batch did not start: it writes its manifest first (0 of "
                    + hives.size() + " hives dumped into " + output + ")", e);
        }
        // Hives are independent: up to one worker per core dumps them (one core left to the JIT while it warms
        // up: WarmUpPool), each into its own file, and their messages are printed in the order they were given
        // or found, whatever order they finish in.
        int workers = Math.min(hives.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        batch = true;
        try (WarmUpPool pool = new WarmUpPool(workers, "patchlens-dump", tree.bytes())) {
            List<java.util.concurrent.Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < hives.size(); i++) {
                HiveTree.Found h = hives.get(i);
                Output target = targets.get(i);
                results.add(pool.submit(() -> {
                    Outcome o = dumpInBatch(h, target, out);
                    pool.read(o.size());
                    return o;
                }));
            }
            int worst = Main.OK;
            int written = 0;
            Progress progress = Progress.forTerminalTree(err, hives.size(), tree.bytes());
            List<ManifestWriter.Row> rows = new ArrayList<>(); // null: not started, the batch had stopped
            long bytesDone = 0;
            int failedInARow = 0; // outputs that could not be written, since the last one written
            IOException stoppedBy = null;
            String stopReason = null;
            for (int i = 0; i < results.size(); i++) {
                Outcome o = await(results.get(i));
                rows.add(o.row());
                if (o.row() == null) {
                    continue;
                }
                boolean wrote = !o.row().output().isEmpty();
                if (stoppedBy != null && !wrote) {
                    continue; // under way when the batch stopped, and not written: the stop line counts it, its row says why
                }
                if (stoppedBy == null && o.failure() != null) {
                    stopReason = stopReason(o.failure(), ++failedInARow, manifest, output);
                    if (stopReason != null) {
                        stopping = true; // the hives not started are not started; those under way finish
                        stoppedBy = o.failure();
                        continue;
                    }
                } else if (wrote) {
                    failedInARow = 0;
                }
                if (!o.messages().isEmpty()) {
                    progress.clear();
                    err.print(o.messages());
                    err.flush();
                }
                worst = Math.max(worst, o.code());
                written += o.code() == Main.BAD_INPUT ? 0 : 1;
                bytesDone += o.size();
                progress.tree(i + 1, bytesDone, i + 1 < hives.size() ? hives.get(i + 1).path().toString() : "");
            }
            progress.done();
            if (stoppedBy != null) {
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i) == null) {
                        rows.set(i, notDumped(hives.get(i), "not dumped: the batch stopped: " + stopReason));
                    }
                }
                String manifestSays;
                try {
                    writeManifest(manifest, rows, out);
                    manifestSays = ManifestWriter.NAME + " says which";
                } catch (IOException e) {
                    manifestSays = ManifestWriter.NAME + " not written (" + why(e) + "): it stays as written when the "
                            + "batch started, saying it did not finish";
                }
                throw new BatchStopped(Errors.message(stoppedBy) + "; the batch stopped: " + stopReason + " (" + written
                        + " of " + hives.size() + " hives dumped into " + output + "; " + manifestSays + ")", stoppedBy);
            }
            writeManifest(manifest, rows, out);
            out.println(Errors.flat(written + " of " + hives.size() + " hives dumped into " + output + " (" + f.label()
                    + ")"));
            out.flush();
            return tree.code(worst);
        }
    }

    private static void writeManifest(Output manifest, List<ManifestWriter.Row> rows, PrintWriter out) throws IOException {
        try (Output.Sink sink = manifest.open(out)) {
            ManifestWriter.write(rows, sink.writer());
            sink.commit();
        }
    }

    /** The manifest row of a hive not dumped: its source, and {@code SOURCE: why} as its error. */
    private static ManifestWriter.Row notDumped(HiveTree.Found h, String why) {
        String source = h.path().toString();
        return new ManifestWriter.Row(source, "", "", "", "", "", -1, -1, -1, "", source + ": " + why);
    }

    /** The system's reason an output could not be written ("No space left on device"), else its one line. */
    private static String why(IOException e) {
        return e instanceof AtomicFile.WriteFailed w ? w.why() : Errors.message(e);
    }

    /**
     * After this many outputs in a row that could not be written, the batch stops: whatever fails every output and
     * {@link #stopReason} cannot see (a quota, a device that fails every write) costs that many lines, not one per hive.
     */
    static final int STOP_AFTER_FAILURES = 5;

    /** Set when the batch stops: a worker starts no other hive. */
    private volatile boolean stopping;

    /**
     * Why an output that could not be written stops the batch, or null when it costs only its own hive (its name
     * refused by the file system, a file too large for it, a folder or link put in its place): the disk is full
     * ({@link AtomicFile.WriteFailed#diskFull}); the folder takes no new file (the manifest's temporary file cannot
     * be created there either: the folder removed or made read-only); or it is the {@link #STOP_AFTER_FAILURES}th
     * in a row. docs/batch.md, "When an output cannot be written".
     */
    private static String stopReason(IOException failure, int inARow, Output manifest, Path folder) {
        if (failure instanceof AtomicFile.WriteFailed w && w.diskFull()) {
            return "the disk holding " + folder + " is full";
        }
        try {
            manifest.openFile().close(); // created and removed: can the folder still take the manifest at the end?
        } catch (IOException e) {
            return "no file can be created in " + folder + " any more (" + why(e) + ")";
        }
        if (inARow >= STOP_AFTER_FAILURES) {
            return inARow + " outputs in a row could not be written";
        }
        return null;
    }

    /** A batch stopped by an output failure that would have cost every hive left: its one line, the failure as cause. */
    static final class BatchStopped extends IOException {
        private static final long serialVersionUID = 1L;

        BatchStopped(String message, IOException cause) {
            super(message, cause);
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

    /**
     * One hive's exit code, what it printed on stderr, its manifest row and its size; {@code failure}: why its output
     * could not be written, or null. A hive not started (the batch had stopped) has no row.
     */
    private record Outcome(int code, String messages, ManifestWriter.Row row, long size, IOException failure) {
        static final Outcome NOT_STARTED = new Outcome(Main.BAD_INPUT, "", null, 0, null);
    }

    static final Output.Spec MANIFEST = Output.Spec.of("hive dump manifest", OutputFormat.TEXT);

    /**
     * A batch's hives up to this size are read into memory once, for the hash and the dump, instead of
     * being read for the hash and then mapped: the manifest's SHA-256 is then of the very bytes dumped,
     * even if the file changes meanwhile (and a file cut short while mapped cannot fault the reader).
     * No faster or slower on the 1,000-hive tree, within the noise (docs/performance.md). Larger hives
     * are mapped, so that the workers never hold more than this much each.
     */
    static final long READ_ONCE_LIMIT = 256L << 20;

    /** {@link #READ_ONCE_LIMIT}, which tests lower to take the mapped path with a small hive. */
    static volatile long readOnceLimit = READ_ONCE_LIMIT;

    /**
     * Each worker's array for the hives it reads, kept from one hive to the next (grown when a hive is larger):
     * a new array per hive was fresh memory the kernel had to fault in and the JVM to zero, about 0.15 s of
     * the 1,000-hive tree's CPU. Nothing of a hive outlives its dump (its records are written, its manifest row
     * holds strings and numbers), so the next hive may overwrite it.
     */
    private final ThreadLocal<byte[]> readBuffer = new ThreadLocal<>();

    /**
     * Tests only (null in every run of the tool): run by a worker once its hive passed the input check and before it
     * is read, so that a test can change the file system in that window (remove the file, put a folder in its place)
     * and the read meets a real failure at a known point instead of a race.
     */
    static volatile java.util.function.Consumer<Path> afterCheck;

    /**
     * Tests only, as {@link #afterCheck}: run once a hive is open (mapped: alone, or in a batch when over
     * {@link #readOnceLimit}) and before it is dumped, so that a test can cut the file short under its mapping.
     */
    static volatile java.util.function.Consumer<Path> afterOpen;

    /**
     * One hive of a batch; a bad hive costs only itself (it leaves no output, and its manifest row says why), and so
     * does an output that cannot be written, unless the batch finds that every output would fail ({@link #stopReason}).
     */
    private Outcome dumpInBatch(HiveTree.Found h, Output target, PrintWriter out) throws IOException {
        if (stopping) {
            return Outcome.NOT_STARTED;
        }
        Path file = h.path();
        java.io.StringWriter messages = new java.io.StringWriter();
        PrintWriter err = new PrintWriter(messages);
        int code;
        Stats stats = new Stats();
        stats.found = h;
        String sha = "";
        long size = 0;
        String error = "";
        IOException failure = null;
        try {
            org.patchlens.InputFile in = org.patchlens.InputFile.check(file);
            size = in.size();
            java.util.function.Consumer<Path> hook = afterCheck;
            if (hook != null) {
                hook.accept(file);
            }
            java.nio.ByteBuffer content;
            try {
                // read once, for the hash and the dump (the hash is of the bytes dumped); a larger hive is mapped
                content = size <= readOnceLimit ? in.read((int) size, readBuffer.get()) : null;
                if (content != null) {
                    readBuffer.set(content.array());
                    if (content.limit() != size) {
                        content = null; // it shrank since the check: hashed from the file below, which says so
                    }
                }
                sha = content != null ? org.patchlens.evidence.Hashing.sha256(content)
                        : org.patchlens.evidence.Hashing.sha256(in);
            } catch (IOException e) {
                throw unreadable(file, e); // an input that fails costs its hive, as a damaged one does
            }
            try {
                code = dumpOne(file, content, target, out, err, Progress.NONE, stats);
            } catch (IOException e) {
                // the hive was read: what failed is its output (created, written or renamed into place)
                failure = e;
                error = Errors.message(e); // "dumps/X.jsonl: File too large (the file was not written)"
                err.println("patchlens: " + Errors.flat(error));
                code = Main.BAD_INPUT;
                if (e instanceof AtomicFile.WriteFailed w && w.diskFull()) {
                    stopping = true; // no hive starts after this; the batch says so when it reaches this one
                }
            }
        } catch (HiveSupport.NotFound e) {
            err.println("patchlens: " + Errors.flat(e.getMessage()));
            code = Main.FINDINGS;
        } catch (RuntimeException e) {
            error = Errors.message(e); // as it is: the manifest escapes it as it escapes the other columns
            err.println("patchlens: " + Errors.flat(error));
            code = Main.BAD_INPUT;
        } catch (InternalError e) {
            // the hive (over readOnceLimit) or a log was cut short under its mapping (InputFile.cutShort rethrows any
            // other fault): it costs its hive as an unreadable one does, unhashed (the bytes hashed are gone, none dumped)
            sha = "";
            error = Errors.message(org.patchlens.InputFile.cutShort(e));
            err.println("patchlens: " + Errors.flat(error));
            code = Main.BAD_INPUT;
        }
        err.flush();
        boolean wrote = code != Main.BAD_INPUT && stats.keys >= 0;
        HiveTree.Found id = stats.found;
        ManifestWriter.Row row = new ManifestWriter.Row(file.toString(), sha, id.typeLabel(), id.user(), id.sid(),
                wrote ? target.file().getFileName().toString() : "", stats.keys, stats.values, stats.damage,
                stats.replay, error);
        return new Outcome(code, messages.toString(), row, size, failure);
    }

    /**
     * A hive that passed the input check but could not be read or hashed when its turn came, as one line naming it:
     * what is there now when it is no longer a regular file ({@code B: no such file; it was removed or renamed after
     * the batch found it}, {@code B: not a regular file (a folder); it was replaced after the batch found it}), else
     * the system's reason ({@code B: permission denied}, {@code B: cannot read: Input/output error}, {@code B: the
     * file became shorter while it was hashed (...)}).
     */
    static org.patchlens.InputException unreadable(Path file, IOException e) {
        String name = file.toString();
        try {
            org.patchlens.InputFile.check(file);
        } catch (org.patchlens.InputException now) {
            String since = now.reason().startsWith("no such file") ? "it was removed or renamed"
                    : now.reason().startsWith("not a regular file") ? "it was replaced" : "it changed";
            return new org.patchlens.InputException(now.file(), now.reason() + "; " + since
                    + " after the batch found it", e);
        }
        String m = e.getMessage();
        if (!(e instanceof java.nio.file.FileSystemException) && m != null && m.startsWith(name + ": ")) {
            return new org.patchlens.InputException(name, m.substring(name.length() + 2), e); // Hashing: it shrank
        }
        org.patchlens.InputException read = org.patchlens.InputFile.failure(file, e); // the reason as the check words it
        return e instanceof java.nio.file.NoSuchFileException
                ? new org.patchlens.InputException(name, read.reason() + "; it was removed or renamed after the batch "
                        + "found it", e)
                : read;
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
        for (String a : args) {
            if (a.startsWith("@")) {
                return null; // an argument file: picocli reads it (this parser would take it for a hive)
            }
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
                            if (OutputFormat.named(value) == OutputFormat.XLSX) {
                                return null; // workbooks go through picocli (below)
                            }
                            c.format = value;
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
        if (c.files.isEmpty() || OutputFormat.ofName(c.output) == OutputFormat.XLSX) {
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
