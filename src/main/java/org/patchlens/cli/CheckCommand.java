package org.patchlens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.report.CheckReport;
import org.patchlens.report.FindingsWriter;
import org.patchlens.report.HiveWorkbooks;
import org.patchlens.report.Report;
import org.patchlens.report.ReportWorkbook;
import org.patchlens.report.XlsxBook;
import org.patchlens.rules.CheckContext;
import org.patchlens.rules.CheckOptions;
import org.patchlens.rules.RuleEngine;
import org.patchlens.rules.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"The restore check: what isinteg -patch and the restore should have written, against what",
            "the SYSTEM hive, the cluster hive, the registry checkpoints and the store headers hold.",
            "Evidence is found in DIR by content; options name files explicitly and override discovery."},
        footer = {"", "Examples:",
            "  patchlens check --demo",
            "  patchlens check D:\\evidence --restore-type offline --env-line \"SET _CLUSTER_NETWORK_NAME_=EXVS01\"",
            "  patchlens check --system SYSTEM --cluster CLUSDB --checkpoint Q:\\MSCS --store priv.edb \\",
            "      --restore-type online --format jsonl -o findings.jsonl",
            "", "Exit code 1 when a finding is at or above --fail-on (default high)."})
final class CheckCommand implements Callable<Integer> {
    enum Format { TEXT, JSONL }

    enum FailOn { CRIT, HIGH, WARN, NEVER }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of restored evidence.")
    Path dir;

    @Option(names = "--demo", description = "Run on the demo evidence bundled in patchlens (a two-node Exchange 5.5 "
            + "cluster restore).")
    boolean demo;

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

    @Option(names = "--store", paramLabel = "FILE", description = "A database, patch or checkpoint file; repeatable.")
    List<Path> stores = new ArrayList<>();

    @Option(names = "--logs", paramLabel = "DIR", description = "The transaction log folder.")
    Path logs;

    @Option(names = "--eseutil-dump", paramLabel = "FILE", description = "Saved eseutil /mh, /mk or /ml output; "
            + "repeatable.")
    List<Path> dumps = new ArrayList<>();

    @Option(names = "--restore-type", defaultValue = "auto", description = "auto, online or offline (default: "
            + "${DEFAULT-VALUE}).")
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

    @Option(names = "--format", defaultValue = "text", description = "stdout: text (summary) or jsonl (one finding "
            + "per line).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the full report: .jsonl, .csv or .xlsx "
            + "(an Excel workbook, docs/report.md).")
    Path output;

    @Option(names = "--fail-on", defaultValue = "high", description = "crit, high, warn or never (default: "
            + "${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @Option(names = "--deterministic", description = "For -o *.xlsx: fixed run time and document dates, so the same "
            + "evidence gives the same bytes.")
    boolean deterministic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The arguments a report shows (for --demo the user's, not the expanded demo arguments). */
    List<String> shownArgs;

    static final class StartViaConverter implements CommandLine.ITypeConverter<CheckOptions.StartVia> {
        @Override
        public CheckOptions.StartVia convert(String value) {
            return CheckOptions.StartVia.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    public Integer call() throws Exception {
        if (demo) {
            return runDemo();
        }
        List<Evidence> evidence = gather();
        if (evidence.stream().noneMatch(e -> e.kind() != EvidenceKind.UNRELATED)) {
            throw new UsageException("no evidence: give a folder or --system / --cluster / --store ... (see --help)");
        }
        CheckOptions opts = new CheckOptions(restoreType, rollForward, expectOrg, expectSite, expectServer, envLine,
                isintegVersion, exchangeSp, startVia, isintegRuns);
        CheckContext ctx = new CheckContext(evidence, opts);
        RuleEngine.CheckResult result = RuleEngine.run(ctx);
        Writer out = spec.commandLine().getOut();
        if (format == Format.JSONL) {
            FindingsWriter.jsonl(result.findings(), out);
        } else {
            FindingsWriter.summary(result, threshold(), 10, out);
        }
        List<Path> inputs = new ArrayList<>(evidence.stream().map(Evidence::path).toList());
        if (dir != null) {
            inputs.add(dir);
        }
        if (logs != null) {
            inputs.add(logs);
        }
        if (output != null && HiveWorkbooks.isXlsx(output)) {
            Output.check(output, force, inputs);
            List<String> args = shownArgs != null ? shownArgs : spec.commandLine().getParseResult().originalArgs();
            Report report = CheckReport.withStoreFromEvidence(CheckReport.of(ctx, result,
                    new Report.Run(Main.version(), args, java.time.Instant.now())), evidence);
            ReportWorkbook.write(report, output, new XlsxBook.Options(Main.version(), "patchlens restore check",
                    deterministic, "the JSONL output (--format jsonl, or -o FILE.jsonl)"));
        } else if (output != null) {
            try (Writer w = Output.writer(output, force, inputs, null)) {
                String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".csv")) {
                    FindingsWriter.csv(result.findings(), w);
                } else if (n.endsWith(".jsonl") || n.endsWith(".json")) {
                    FindingsWriter.jsonl(result.findings(), w);
                } else {
                    throw new UsageException(output + ": unknown report format (use .jsonl, .csv or .xlsx)");
                }
            }
        }
        if (failOn == FailOn.NEVER) {
            return Main.OK;
        }
        return result.failingRules(threshold()).isEmpty() ? Main.OK : Main.FINDINGS;
    }

    private Severity threshold() {
        return failOn == FailOn.NEVER ? Severity.CRIT : Severity.valueOf(failOn.name());
    }

    private List<Evidence> gather() throws IOException {
        List<Evidence> out = new ArrayList<>();
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
                EvidenceScanner.scan(p).stream().filter(e -> e.kind().isHive()).forEach(e -> add(out, e));
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
        return out;
    }

    /** An explicitly named file: its option decides its role; a content that disagrees is an error on it. */
    private static void explicit(List<Evidence> out, Path p, EvidenceKind as) {
        Evidence e = EvidenceScanner.examine(p, p.toString(), true);
        if (as != null && e.kind() != as && e.kind() != EvidenceKind.UNREADABLE
                && !(as == EvidenceKind.REGISTRY_CHECKPOINT && e.kind().isHive())) {
            List<String> errors = new ArrayList<>(e.errors());
            errors.add("given as " + as.label() + " but the content is a " + e.kind().label() + " (" + e.detail() + ")");
            e = new Evidence(e.path(), e.name(), e.size(), e.sha256(), e.kind(), e.detail(), List.copyOf(errors), true);
        } else if (as != null && e.kind() != EvidenceKind.UNREADABLE) {
            e = new Evidence(e.path(), e.name(), e.size(), e.sha256(), as, e.detail(), e.errors(), true);
        }
        add(out, e);
    }

    private static void add(List<Evidence> out, Evidence e) {
        Path real = e.path().toAbsolutePath().normalize();
        out.removeIf(x -> x.path().toAbsolutePath().normalize().equals(real));
        out.add(e);
    }

    /** Extracts the bundled demo evidence to a temporary folder and runs check on it with the demo's facts. */
    private int runDemo() throws IOException {
        Path tmp = Files.createTempDirectory("patchlens-demo");
        try {
            List<String> args = new ArrayList<>();
            args.add(extractDemo(tmp.resolve("evidence")).toString());
            try (InputStream a = resource("demo/check.args")) {
                for (String line : new String(a.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        args.add(line.strip());
                    }
                }
            }
            List<String> original = spec.commandLine().getParseResult().originalArgs();
            int start = original.indexOf(spec.name()) + 1;
            for (String extra : original.subList(Math.max(0, start), original.size())) {
                if (!extra.equals("--demo")) {
                    args.add(extra);
                }
            }
            spec.commandLine().getOut().println("Demo evidence (bundled): a two-node Exchange 5.5 cluster after an "
                    + "offline restore; patchlens check " + String.join(" ", args.subList(1, args.size())));
            spec.commandLine().getOut().println();
            CheckCommand inner = new CheckCommand();
            CommandLine cl = new CommandLine(inner);
            cl.setOut(spec.commandLine().getOut());
            cl.setErr(spec.commandLine().getErr());
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.parseArgs(args.toArray(String[]::new));
            inner.spec = cl.getCommandSpec();
            inner.shownArgs = List.copyOf(spec.commandLine().getParseResult().originalArgs());
            try {
                return inner.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /** Copies the bundled demo evidence into {@code dir} (created); returns {@code dir}. */
    static Path extractDemo(Path dir) throws IOException {
        try (InputStream list = resource("demo/FILES")) {
            for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                Path target = dir.resolve(name.trim()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("bad demo file name " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource("demo/" + name.trim())) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = CheckCommand.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("demo evidence missing from the jar: " + name);
        }
        return in;
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
