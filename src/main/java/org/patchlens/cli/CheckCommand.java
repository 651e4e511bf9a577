package org.patchlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.patchlens.InputException;
import org.patchlens.InputFile;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.report.AtomicFile;
import org.patchlens.report.CheckReport;
import org.patchlens.report.FindingsWriter;
import org.patchlens.report.Output;
import org.patchlens.report.OutputFormat;
import org.patchlens.report.Report;
import org.patchlens.report.ReportWorkbook;
import org.patchlens.report.RunTemp;
import org.patchlens.report.RunbookWriter;
import org.patchlens.report.XlsxBook;
import org.patchlens.rules.CheckContext;
import org.patchlens.rules.CheckOptions;
import org.patchlens.rules.RuleEngine;
import org.patchlens.rules.Severity;
import org.patchlens.rules.Stage;
import org.patchlens.runbook.Runbook;
import org.patchlens.runbook.RunbookPlanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"The restore check: why the restored store will (not) start, and what to type.",
            "Compares what isinteg -patch and the restore should have written with what the SYSTEM hive, the cluster",
            "hive, the registry checkpoints and the store headers hold, against 49 rules with their KB sources.",
            "Evidence is found in DIR by content; options name files explicitly and override discovery."},
        footer = {"", "Examples:",
            "  patchlens check --demo",
            "  patchlens check --demo -o report.xlsx",
            "  patchlens check evidence/ --restore-type offline \\",
            "      --env-line \"SET _CLUSTER_NETWORK_NAME_=EXVS01\"",
            "  patchlens check evidence/ @facts.args      (options read from a file)",
            "  patchlens check --system SYSTEM --cluster CLUSDB --checkpoint Q/MSCS \\",
            "      --store priv.edb --restore-type online -o findings.jsonl",
            "", "Exit code 1 when a finding is at or above --fail-on (default high)."})
final class CheckCommand implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("check", OutputFormat.TEXT, OutputFormat.JSONL, OutputFormat.CSV,
            OutputFormat.XLSX);

    /** The runbook's own output (--runbook FILE.csv): CSV only. */
    static final Output.Spec RUNBOOK = Output.Spec.named("check --runbook", "--runbook", OutputFormat.CSV);

    enum FailOn { CRIT, HIGH, WARN, NEVER }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of restored evidence.")
    Path dir;

    @Option(names = "--demo", arity = "0..1", fallbackValue = "", paramLabel = "NAME", description = {"Run on demo "
            + "evidence bundled in patchlens (a two-node Exchange 5.5 cluster):", "after-patch (the default: after an "
            + "offline restore and isinteg -patch) or", "before-restore (the target and the backup set before an offline "
            + "restore)."})
    String demo;

    @Option(names = "--system", paramLabel = "FILE", description = "The SYSTEM hive of the node.")
    Path system;

    @Option(names = "--software", paramLabel = "FILE", description = "The SOFTWARE hive (Exchange build).")
    Path software;

    @Option(names = "--cluster", paramLabel = "FILE", description = "A cluster hive (CLUSDB or quorum chk*.tmp); "
            + "repeatable.")
    List<Path> clusters = new ArrayList<>();

    @Option(names = "--checkpoint", paramLabel = "FILE|DIR", description = "Registry checkpoint files (.CPT) or the "
            + "quorum MSCS folder; repeatable.")
    List<Path> checkpoints = new ArrayList<>();

    @Option(names = "--store", paramLabel = "FILE", description = "An ESE database, patch, checkpoint or log file; "
            + "repeatable.")
    List<Path> stores = new ArrayList<>();

    @Option(names = "--logs", paramLabel = "DIR", description = "The transaction log folder.")
    Path logs;

    @Option(names = "--eseutil-dump", paramLabel = "FILE", description = "Saved eseutil /mh, /mk or /ml output; "
            + "repeatable.")
    List<Path> dumps = new ArrayList<>();

    @Option(names = "--restore-type", paramLabel = "TYPE", defaultValue = "auto",
            description = "auto, online or offline (default: ${DEFAULT-VALUE}).")
    CheckOptions.RestoreType restoreType;

    @Option(names = "--roll-forward", description = "Offline restore that replays later logs (not point in time).")
    boolean rollForward;

    @Option(names = "--expect-org", paramLabel = "ORG", description = "The organization of the backup (case-sensitive).")
    String expectOrg;

    @Option(names = "--expect-site", paramLabel = "SITE", description = "The site of the backup (case-sensitive).")
    String expectSite;

    @Option(names = "--expect-server", paramLabel = "NAME", description = "The Exchange server name of the backup.")
    String expectServer;

    @Option(names = "--env-line", paramLabel = "LINE", description = "The SET line typed (or planned) before isinteg "
            + "-patch, e.g. \"SET _CLUSTER_NETWORK_NAME_=EXVS01\"; 'none' if none.")
    String envLine;

    @Option(names = "--isinteg-version", paramLabel = "a.b.c.d", description = "Version of isinteg.exe.")
    String isintegVersion;

    @Option(names = "--exchange-sp", paramLabel = "SP", description = "Exchange 5.5 service pack or build (SP4, 2653).")
    String exchangeSp;

    @Option(names = "--start-via", paramLabel = "HOW", description = "services or cluster-admin: how the store is "
            + "(to be) started first.", converter = StartViaConverter.class)
    CheckOptions.StartVia startVia;

    @Option(names = "--isinteg-runs", paramLabel = "N", defaultValue = "-1", description = "How often isinteg -patch "
            + "was run.")
    int isintegRuns;

    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "auto", converter = StageConverter.class,
            description = {"When the evidence was copied: auto, before-restore, after-restore", "or after-patch "
            + "(default: ${DEFAULT-VALUE}: decided from the evidence)."})
    Stage stage;

    @Option(names = "--backup", paramLabel = "DIR|FILE", description = {"The backup set, apart from the target: "
            + "databases, .pat, logs", "or saved eseutil text; repeatable."})
    List<Path> backups = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = {"text (the summary), jsonl (one finding per "
            + "line), csv or xlsx", "(default: text, or the -o name's extension)."})
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = {"Write the full report to FILE: .txt, "
            + ".jsonl, .csv or .xlsx (an Excel workbook,", "docs/report.md); stdout then gets the text summary."})
    Path output;

    @Option(names = "--runbook", paramLabel = "FILE.csv", description = {"Also write the runbook's steps (step, "
            + "phase, action, command,", "why, rule, kb) as CSV to FILE.csv; checked like -o before anything is read."})
    Path runbookCsv;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "high",
            description = "crit, high, warn or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed run time and document dates, so the same "
            + "evidence gives the same bytes.")
    boolean deterministic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The arguments a report shows (for --demo the user's, not the expanded demo arguments). */
    List<String> shownArgs;

    /** For --demo: what is being run, on stderr once the arguments have been validated. */
    String banner;

    static final class StartViaConverter implements CommandLine.ITypeConverter<CheckOptions.StartVia> {
        @Override
        public CheckOptions.StartVia convert(String value) {
            try {
                return CheckOptions.StartVia.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected services or cluster-admin but was '" + value
                        + "'");
            }
        }
    }

    /** --stage: auto (null: decided from the evidence) or a stage by its label. */
    static final class StageConverter implements CommandLine.ITypeConverter<Stage> {
        @Override
        public Stage convert(String value) {
            if (value.trim().equalsIgnoreCase("auto")) {
                return null;
            }
            Stage s = Stage.of(value);
            if (s == null) {
                throw new CommandLine.TypeConversionException("expected auto, before-restore, after-restore or "
                        + "after-patch but was '" + value + "'");
            }
            return s;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (isintegRuns < 0 && spec.commandLine().getParseResult().hasMatchedOption("--isinteg-runs")) {
            // -1 is how "not given" is kept: a negative count typed is a mistake, not "not given"
            throw new UsageException("--isinteg-runs " + isintegRuns + ": a count of runs, 0 or more");
        }
        if (demo != null && !demo.isEmpty() && dir == null && (demo.startsWith("@") || demo.contains("/") || demo.contains("\\")
                || exists(demo))) {
            // check --demo DIR (or @FILE): picocli took the argument for the demo's name; it is what it looks like
            dir = Path.of(demo);
            demo = "";
        }
        if (dir != null && dir.toString().startsWith("@") && !Files.exists(dir)) {
            // picocli keeps an @FILE whose file is missing as an argument: it is a mistyped options file, not a DIR
            throw new UsageException(dir.toString().substring(1) + ": no such file (" + dir + " reads options from it)");
        }
        if (demo != null && !demo.equals("false")) {
            if (dir != null) {
                throw new UsageException("--demo runs on the evidence bundled in patchlens: give --demo or DIR, not both");
            }
            return runDemo();
        }
        if (Output.isStdout(output)) {
            output = null; // -o - : the format chosen goes to stdout
        }
        List<Path> inputs = namedInputs();
        Output out = output == null ? null : Output.plan(OUTPUT, format, output, force, inputs);
        Output runbookOut = planRunbook(out, inputs);
        OutputFormat stdout = out != null ? OutputFormat.TEXT : Output.format(OUTPUT, format, null);
        if (stdout == OutputFormat.XLSX) {
            throw new UsageException("check: xlsx is written to a file: give -o NAME.xlsx");
        }
        if (banner != null) {
            spec.commandLine().getErr().println(banner);
            spec.commandLine().getErr().flush();
        }
        List<Evidence> evidence = gather();
        // links, FIFOs and devices are no evidence: a folder of nothing else is refused, and the refusal names them
        boolean none = evidence.stream().allMatch(e -> e.kind() == EvidenceKind.UNRELATED
                || EvidenceScanner.isNotFollowed(e));
        for (Evidence e : evidence) {
            boolean inRefusal = none && dir != null && EvidenceScanner.isNotFollowed(e) && e.path().equals(dir);
            if (e.kind() == EvidenceKind.NOT_WALKED && !inRefusal) { // also an IN-02 warning: the report is incomplete
                spec.commandLine().getErr().println("patchlens: note: " + Errors.flat(e.detail()));
            }
        }
        spec.commandLine().getErr().flush();
        if (none) {
            throw new UsageException(dir != null ? dir + ": no evidence found in the folder (no hive, ESE file or "
                    + "eseutil output; see --help)" + notFollowed(dir) : "no evidence: give a folder or --system / "
                    + "--cluster / --store ... (see --help)");
        }
        CheckOptions opts = new CheckOptions(restoreType, rollForward, expectOrg, expectSite, expectServer, envLine,
                isintegVersion, exchangeSp, startVia, isintegRuns, stage);
        CheckContext ctx = new CheckContext(evidence, opts);
        RuleEngine.CheckResult result = RuleEngine.run(ctx);
        Runbook runbook = RunbookPlanner.plan(ctx, result.findings());
        PrintWriter console = spec.commandLine().getOut();
        write(result, runbook, stdout, console, 10, colour());
        if (out != null) {
            if (out.format() == OutputFormat.XLSX) {
                List<String> args = shownArgs != null ? shownArgs : spec.commandLine().getParseResult().originalArgs();
                Report report = CheckReport.withStoreFromEvidence(CheckReport.of(ctx, result, runbook,
                        new Report.Run(Main.version(), args, java.time.Instant.now())), evidence);
                try (AtomicFile f = out.openFile()) {
                    ReportWorkbook.write(report, f, new XlsxBook.Options(Main.version(), "patchlens restore check",
                            deterministic, "the JSONL output (--format jsonl, or -o FILE.jsonl); a Registry row's, in its "
                            + "hive's JSONL dump (patchlens hive dump FILE --format jsonl)"));
                }
            } else {
                try (Output.Sink sink = out.open(console)) {
                    write(result, runbook, out.format(), sink.writer(), Integer.MAX_VALUE, false);
                    sink.commit();
                }
            }
            console.println();
            console.println(Errors.flat("Full report: " + out.describe()));
            console.flush();
        }
        if (runbookOut != null) {
            try (Output.Sink sink = runbookOut.open(console)) {
                RunbookWriter.csv(runbook, sink.writer());
                sink.commit();
            }
            // on stderr when stdout is a machine format, which must hold only that format
            PrintWriter note = stdout == OutputFormat.TEXT ? console : spec.commandLine().getErr();
            note.println(Errors.flat("Runbook: " + runbookOut.describe()));
            note.flush();
        }
        if (failOn == FailOn.NEVER) {
            return Main.OK;
        }
        return result.failingRules(threshold()).isEmpty() ? Main.OK : Main.FINDINGS;
    }

    /**
     * The findings in one of the text formats; the text summary shows the first {@code top} failing ones, its
     * verdict coloured when {@code colour}.
     */
    private void write(RuleEngine.CheckResult result, Runbook runbook, OutputFormat f, Writer w, int top,
                       boolean colour) throws IOException {
        switch (f) {
            case JSONL -> FindingsWriter.jsonl(result.findings(), runbook, w);
            case CSV -> FindingsWriter.csv(result.findings(), w);
            default -> FindingsWriter.summary(result, runbook, threshold(), top, colour, w);
        }
        w.flush();
    }

    /**
     * The --runbook file, validated as -o is (before anything is read or written): a .csv name (or none), never
     * an input, never the -o file.
     */
    private Output planRunbook(Output out, List<Path> inputs) {
        if (runbookCsv == null) {
            return null;
        }
        if (Output.isStdout(runbookCsv)) {
            throw new UsageException("--runbook writes a file: give --runbook NAME.csv");
        }
        if (out != null && out.file() != null && out.file().toAbsolutePath().normalize()
                .equals(runbookCsv.toAbsolutePath().normalize())) {
            throw new UsageException(runbookCsv + ": given as both -o and --runbook; name two files");
        }
        return Output.plan(RUNBOOK, null, runbookCsv, force, inputs);
    }

    /**
     * Whether the verdict on stdout is coloured: only when stdout is a terminal (the JVM has a console) and
     * NO_COLOR is not set to a non-empty value (no-color.org). Tests run without a terminal: never coloured.
     */
    static boolean colour() {
        return colour(System.getenv("NO_COLOR"), terminal());
    }

    /** The decision itself: a terminal, and NO_COLOR absent or empty. */
    static boolean colour(String noColor, boolean terminal) {
        return terminal && (noColor == null || noColor.isEmpty());
    }

    /** Whether stdout is a terminal: the JVM has a console (and, on Java 22 and later, it is a terminal). */
    private static boolean terminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22 and later return a console even when redirected; isTerminal() then says whether it is one.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // Java 17-21: a console exists only when stdin and stdout are the terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }


    /**
     * For a folder that gave no evidence: the symbolic links, FIFOs and devices in it, which the walk never follows
     * or opens (a folder of links to the evidence is not empty of it), or "".
     */
    private static String notFollowed(Path dir) throws IOException {
        List<String> skipped = EvidenceScanner.notFollowed(dir);
        return skipped.isEmpty() ? "" : "; " + EvidenceScanner.notFollowed(skipped);
    }

    /**
     * Every path the options name, checked before anything is read or written: a named file that is missing
     * or not a regular file is a usage error naming it and its option.
     */
    private List<Path> namedInputs() {
        List<Path> in = new ArrayList<>();
        if (dir != null) {
            InputFile.folder(dir);
            in.add(dir);
        }
        if (logs != null) {
            try {
                InputFile.folder(logs);
            } catch (InputException e) {
                throw new UsageException(e.getMessage() + " (given as --logs)");
            }
            in.add(logs);
        }
        named(in, "--system", system == null ? List.of() : List.of(system));
        named(in, "--software", software == null ? List.of() : List.of(software));
        named(in, "--cluster", clusters);
        named(in, "--store", stores);
        named(in, "--eseutil-dump", dumps);
        for (Path p : backups) {
            fileOrFolder(in, "--backup", p);
        }
        for (Path p : checkpoints) {
            fileOrFolder(in, "--checkpoint", p);
        }
        oneRoleEach();
        return in;
    }

    private static void named(List<Path> in, String option, List<Path> files) {
        for (Path p : files) {
            try {
                InputFile.check(p);
            } catch (InputException e) {
                throw new UsageException(e.getMessage() + " (given as " + option + ")");
            }
            in.add(p);
        }
    }

    /** The path of an option that takes a file or a folder: a missing one is "no such file or folder". */
    private static void fileOrFolder(List<Path> in, String option, Path p) {
        if (Files.isDirectory(p)) {
            in.add(p);
            return;
        }
        try {
            InputFile.check(p);
        } catch (InputException e) {
            String reason = e.reason().equals("no such file") ? "no such file or folder" : e.reason();
            throw new UsageException(p + ": " + reason + " (given as " + option + ")");
        }
        in.add(p);
    }

    /**
     * Each file in one role (called once every named path is known to exist): a file named by two options of
     * different roles (--system X --cluster X, --store X --backup X, under any spelling) cannot be both, and only
     * the last role would be kept; nor can a --backup folder be, or hold, the target's DIR or --logs folder, whose
     * store files would all be read as the backup set's. Either is refused, naming both roles.
     */
    private void oneRoleEach() {
        List<Map.Entry<String, Path>> files = new ArrayList<>(); // option, path as given
        if (system != null) {
            files.add(Map.entry("--system", system));
        }
        if (software != null) {
            files.add(Map.entry("--software", software));
        }
        clusters.forEach(p -> files.add(Map.entry("--cluster", p)));
        checkpoints.stream().filter(p -> !Files.isDirectory(p)).forEach(p -> files.add(Map.entry("--checkpoint", p)));
        stores.forEach(p -> files.add(Map.entry("--store", p)));
        dumps.forEach(p -> files.add(Map.entry("--eseutil-dump", p)));
        backups.stream().filter(p -> !Files.isDirectory(p)).forEach(p -> files.add(Map.entry("--backup", p)));
        Map<Path, Map.Entry<String, Path>> firstNamed = new HashMap<>();
        for (Map.Entry<String, Path> f : files) {
            Map.Entry<String, Path> first = firstNamed.putIfAbsent(real(f.getValue()), f);
            if (first != null && !first.getKey().equals(f.getKey())) {
                throw new UsageException(first.getValue() + ": given as " + first.getKey() + " and "
                        + (first.getValue().equals(f.getValue()) ? "" : "(as " + f.getValue() + ") ") + "as "
                        + f.getKey() + ": a file has one role, not two; name each file once, by the option of its "
                        + "role");
            }
        }
        for (Path b : backups) {
            if (!Files.isDirectory(b)) {
                continue;
            }
            Path backup = real(b);
            for (Map.Entry<String, Path> target : targetFolders()) {
                if (real(target.getValue()).startsWith(backup)) {
                    throw new UsageException(b + ": given as --backup (the backup set, kept apart from the target) "
                            + "but it " + (real(target.getValue()).equals(backup) ? "is" : "holds") + " the target's "
                            + target.getKey() + " " + target.getValue() + ": a store file is the target's or the backup "
                            + "set's, not both; give the backup set's own folder (a subfolder of DIR that holds only "
                            + "the backup set will do)");
                }
            }
        }
    }

    /** The folders of the target's evidence, by the name of their argument. */
    private List<Map.Entry<String, Path>> targetFolders() {
        List<Map.Entry<String, Path>> out = new ArrayList<>();
        if (dir != null) {
            out.add(Map.entry("folder DIR", dir));
        }
        if (logs != null) {
            out.add(Map.entry("--logs folder", logs));
        }
        return out;
    }

    /** The path with every link resolved (it exists: checked before), so that two spellings of one file are one. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private Severity threshold() {
        return failOn == FailOn.NEVER ? Severity.CRIT : Severity.valueOf(failOn.name());
    }

    private List<Evidence> gather() throws IOException {
        List<Evidence> out = new ArrayList<>();
        // a folder given as a link is not walked (the scanner follows no link): say so, as the hive commands do
        List<Path> folders = new ArrayList<>(checkpoints);
        folders.addAll(backups);
        if (dir != null) {
            folders.add(dir);
        }
        if (logs != null) {
            folders.add(logs);
        }
        HiveTree.refuseLinkedFolders(folders);
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + ": not a folder");
            }
            out.addAll(EvidenceScanner.scan(dir));
        }
        if (system != null) {
            explicit(out, system, EvidenceKind.SYSTEM_HIVE);
        }
        if (software != null) {
            explicit(out, software, EvidenceKind.SOFTWARE_HIVE);
        }
        for (Path p : clusters) {
            explicit(out, p, EvidenceKind.CLUSTER_HIVE);
        }
        for (Path p : checkpoints) {
            if (Files.isDirectory(p)) {
                EvidenceScanner.scan(p).stream().filter(e -> e.kind().isHive() || e.kind() == EvidenceKind.NOT_WALKED)
                        .forEach(e -> add(out, e));
            } else {
                explicit(out, p, EvidenceKind.REGISTRY_CHECKPOINT);
            }
        }
        for (Path p : stores) {
            explicit(out, p, null);
        }
        if (logs != null) {
            if (!Files.isDirectory(logs)) {
                throw new UsageException(logs + ": not a folder");
            }
            EvidenceScanner.scan(logs).forEach(e -> add(out, e));
        }
        for (Path p : dumps) {
            explicit(out, p, EvidenceKind.ESEUTIL_TEXT);
        }
        for (Path p : backups) {
            backup(out, p);
        }
        return out;
    }

    /**
     * A --backup folder or file: the backup set's store files, kept apart from the target's (each marked as the
     * backup's). A folder without one, or a file that is not one, is a usage error naming it.
     */
    private static void backup(List<Evidence> out, Path p) throws IOException {
        if (Files.isDirectory(p)) {
            List<Evidence> found = EvidenceScanner.scanBackup(p);
            if (found.stream().allMatch(EvidenceScanner::isNotFollowed)) {
                throw new UsageException(p + ": given as --backup but the folder holds no store file (no ESE "
                        + "database, patch, checkpoint or log, no eseutil output)" + notFollowed(p));
            }
            found.forEach(e -> add(out, e));
            return;
        }
        Evidence e = EvidenceScanner.examine(p, p.toString(), true);
        if (!e.kind().isEse() && e.kind() != EvidenceKind.UNREADABLE) {
            throw new UsageException(p + ": given as --backup (a store file of the backup set) but " + (e.kind()
                    == EvidenceKind.UNRELATED ? "it is not evidence: " + e.detail() : "its content is "
                    + article(e.kind().label()) + " (" + e.detail() + ")"));
        }
        add(out, e.asBackup());
    }

    /**
     * An explicitly named file: its option decides its role. Content of another kind (by the classifier) is a
     * usage error naming the file, the role and what the content is; unreadable content (a damaged file of
     * the right kind, say) stays evidence and is reported by the IN rules.
     */
    private static void explicit(List<Evidence> out, Path p, EvidenceKind as) {
        Evidence e = EvidenceScanner.examine(p, p.toString(), true);
        boolean fits = as == null ? e.kind().isEse() : e.kind() == as
                || (as == EvidenceKind.REGISTRY_CHECKPOINT && e.kind().isHive());
        if (!fits && e.kind() != EvidenceKind.UNREADABLE) {
            throw new UsageException(p + ": given as " + option(as) + " but " + (e.kind() == EvidenceKind.UNRELATED
                    ? "it is not evidence: " + e.detail() : "its content is " + article(e.kind().label()) + " ("
                    + e.detail() + ")"));
        }
        if (as != null && e.kind() != EvidenceKind.UNREADABLE) {
            e = new Evidence(e.path(), e.name(), e.size(), e.sha256(), as, e.detail(), e.errors(), true);
        }
        add(out, e);
    }

    private static String option(EvidenceKind as) {
        if (as == null) {
            return "--store (an ESE database, patch, checkpoint or log file)";
        }
        return switch (as) {
            case SYSTEM_HIVE -> "--system (a SYSTEM hive)";
            case SOFTWARE_HIVE -> "--software (a SOFTWARE hive)";
            case CLUSTER_HIVE -> "--cluster (a cluster hive)";
            case REGISTRY_CHECKPOINT -> "--checkpoint (a registry checkpoint hive)";
            case ESEUTIL_TEXT -> "--eseutil-dump (saved eseutil /mh, /mk or /ml output)";
            default -> as.label();
        };
    }

    private static String article(String label) {
        return ("aeiouAEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private static void add(List<Evidence> out, Evidence e) {
        if (e.kind() != EvidenceKind.NOT_WALKED) { // what a walk left out is no file: each such record is kept
            Path real = e.path().toAbsolutePath().normalize();
            out.removeIf(x -> x.kind() != EvidenceKind.NOT_WALKED && x.path().toAbsolutePath().normalize().equals(real));
        }
        out.add(e);
    }

    /**
     * Extracts the bundled demo evidence into this run's private temporary folder and runs check on it with
     * the demo's operator facts ({@code demo/check.args}, read as a picocli @-file); the user's own options
     * come after them and override them. The banner goes to stderr, so stdout holds only the chosen format.
     */
    private int runDemo() throws IOException {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        // the user's options as this command read them, @FILEs expanded: read again, a file could name the command
        // itself (patchlens @FILE) or give nothing the second time (a pipe), and the demo is chosen from them
        List<String> expanded = spec.commandLine().getParseResult().expandedArgs();
        int start = expanded.indexOf(spec.name()) + 1;
        List<String> given = expanded.subList(Math.max(0, start), expanded.size());
        BundledDemo which = BundledDemo.named(demo, given);
        Path tmp = Files.createTempDirectory(RunTemp.folder(), "demo");
        try {
            Path argsFile = tmp.resolve("check.args");
            try (InputStream a = BundledDemo.resource(which.folder + "/check.args")) {
                Files.copy(a, argsFile);
            }
            List<String> args = new ArrayList<>();
            Path evidence = BundledDemo.extract(which.folder, tmp.resolve("evidence"));
            args.add(evidence.toString());
            args.add("@" + argsFile);
            for (String b : which.backups) {
                args.add("--backup");
                args.add(evidence.resolve(b).toString());
            }
            List<String> own = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String extra = given.get(i);
                if (extra.equals("--demo") && i + 1 < given.size() && BundledDemo.NAMES.contains(given.get(i + 1))) {
                    i++; // --demo NAME: the name chose the evidence
                } else if (extra.equals("--debug") || extra.startsWith("--debug=")) {
                    continue; // patchlens's own option (the outer command line has it); this inner one does not know it
                } else if (!extra.equals("--demo") && !extra.startsWith("--demo=")) {
                    own.add(extra);
                }
            }
            args.addAll(own);
            CheckCommand inner = new CheckCommand();
            CommandLine cl = demoLine(inner, spec);
            cl.parseArgs(args.toArray(String[]::new));
            inner.demo = null; // this run, not another
            inner.spec = cl.getCommandSpec();
            inner.shownArgs = List.copyOf(original);
            List<String> facts = cl.getParseResult().expandedArgs();
            inner.banner = "patchlens: Demo evidence (bundled): " + which.what + "; "
                    + Errors.flat("patchlens check " + String.join(" ", facts.subList(1, facts.size()).stream()
                    // the extracted copy's folder is this run's own: shown as <demo>, as the folder itself is not
                    .map(a -> a.startsWith(evidence.toString()) ? "<demo>" + a.substring(evidence.toString().length())
                            : quoted(a)).toList()));
            try {
                return inner.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        } finally {
            BundledDemo.deleteTree(tmp);
        }
    }

    /**
     * The command line that parses the demo's facts and then the user's options for {@code inner}, named as
     * {@code outer} is, so that a refusal says "Try 'patchlens check --help'" as every other command's does (under
     * its own name, {@code check}, it said 'check --help'). Not made a subcommand of outer's parent instead: picocli
     * then reads that parent's parse state on every refusal, which only a parent already parsed has.
     */
    static CommandLine demoLine(CheckCommand inner, CommandLine.Model.CommandSpec outer) {
        CommandLine cl = new CommandLine(inner);
        cl.setCommandName(outer.qualifiedName());
        cl.setOut(outer.commandLine().getOut());
        cl.setErr(outer.commandLine().getErr());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOverwrittenOptionsAllowed(true); // the user's options after the demo's win
        return cl;
    }

    /** An argument as a shell would need it typed. */
    private static String quoted(String a) {
        return a.isEmpty() || a.chars().anyMatch(c -> " \t\"'$`\\;&|<>()*?".indexOf(c) >= 0)
                ? "'" + a.replace("'", "'\\''") + "'" : a;
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
