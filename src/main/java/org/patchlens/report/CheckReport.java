package org.patchlens.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.cluster.ClusterModel;
import org.patchlens.evidence.Evidence;
import org.patchlens.model.RegValue;
import org.patchlens.model.Source;
import org.patchlens.report.Report.ClusterFacts;
import org.patchlens.report.Report.ClusterRow;
import org.patchlens.report.Report.LogEntry;
import org.patchlens.report.Report.Remedy;
import org.patchlens.report.Report.StoreHeaders;
import org.patchlens.rules.CheckContext;
import org.patchlens.runbook.Runbook;
import org.patchlens.runbook.RunbookPlanner;
import org.patchlens.rules.Finding;
import org.patchlens.rules.RuleEngine.CheckResult;
import org.patchlens.rules.Stage;
import org.patchlens.rules.Status;

/**
 * Fills a {@link Report} from what {@code check} already has: the context (evidence, opened
 * hives, cluster models) and the rule results. It computes no finding: it orders them, groups
 * their remedies (the Summary's steps and commands); the Registry sheet's rows are {@link RegistryRows}, the Store
 * and Log chain sheets' {@link StoreRows}.
 */
public final class CheckReport {
    /** The first word of a back-quoted remedy segment that is a command to type. */
    private static final Set<String> COMMAND_WORDS = Set.of("set", "isinteg", "eseutil", "esefile", "cluster", "ren",
            "rename", "move", "copy", "del", "net", "regedt32", "regedit", "reg", "md", "mkdir", "xcopy");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private CheckReport() {
    }

    /** The report of one check run (no store headers or log chain: add them with {@link #withStore}). */
    public static Report of(CheckContext ctx, CheckResult result, Report.Run run) {
        return of(ctx, result, RunbookPlanner.plan(ctx, result.findings()), run);
    }

    /** As above, with the runbook already made (the one the text output showed). */
    public static Report of(CheckContext ctx, CheckResult result, Runbook runbook, Report.Run run) {
        List<Finding> findings = ordered(result.findings());
        List<Remedy> steps = remedies(findings);
        return new Report(verdict(result, runbook), findings, steps, new Report.Restore(
                result.restore().label(), result.restoreReason(), result.stage().label(), result.stageReason()),
                cluster(ctx), ctx.evidence(), RegistryRows.of(ctx, findings), clusterRows(ctx), StoreHeaders.NONE,
                List.of(), run, runbook);
    }

    /**
     * The verdict line. Before the restore it is the runbook's readiness (its blockers are the failures no step
     * answers, and N counts the plan's restore steps); after it, the result's own line.
     */
    static String verdict(CheckResult result, Runbook runbook) {
        if (result.stage() != Stage.BEFORE_RESTORE) {
            return result.verdict();
        }
        if (runbook.isEmpty()) {
            throw new IllegalArgumentException("before the restore the verdict is the runbook's: make one first");
        }
        return runbook.readiness();
    }

    /** The same report with the store headers and the log chain. */
    public static Report withStore(Report r, StoreHeaders store, List<LogEntry> logChain) {
        return new Report(r.verdict(), r.findings(), r.remedies(), r.restore(), r.cluster(), r.evidence(),
                r.registry(), r.clusterRows(), store, logChain, r.run(), r.runbook());
    }

    /**
     * Failures and warnings first, by severity (most severe first), then by rule (catalog order); then passes,
     * then skipped, by rule. Findings of one rule keep the order the rule gave them.
     */
    static List<Finding> ordered(List<Finding> in) {
        List<Finding> out = new ArrayList<>(in);
        out.sort(Comparator.comparingInt((Finding f) -> switch (f.status()) {
            case FAIL, WARN -> 0;
            case PASS -> 1;
            case SKIPPED -> 2;
        }).thenComparing(f -> f.status() == Status.FAIL || f.status() == Status.WARN ? f.severity().ordinal() : 0)
                .thenComparing(f -> f.rule().ordinal()));
        return out;
    }

    /**
     * What to do, in order: one step per action, most severe first. The remedies of several findings of one
     * rule that differ only in the objects they name (CLU-08 for the private and the public store) are one
     * step whose text names them all ({@link RemedyMerge}); the same remedy from several rules is one step
     * with all their IDs.
     */
    static List<Remedy> remedies(List<Finding> ordered) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : ordered) {
            if ((f.status() == Status.FAIL || f.status() == Status.WARN) && !f.remedy().isBlank()) {
                byRule.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
            }
        }
        // text -> (rule IDs, findings)
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        byRule.forEach((id, fs) -> {
            List<String> texts = fs.stream().map(f -> f.remedy().strip()).distinct().toList();
            String merged = texts.size() == 1 ? texts.get(0) : RemedyMerge.merge(texts);
            if (merged != null) {
                rules.computeIfAbsent(merged, k -> new LinkedHashSet<>()).add(id);
                counts.merge(merged, fs.size(), Integer::sum);
            } else {
                for (Finding f : fs) {
                    String t = f.remedy().strip();
                    rules.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(id);
                    counts.merge(t, 1, Integer::sum);
                }
            }
        });
        List<Remedy> out = new ArrayList<>();
        rules.forEach((text, ids) -> out.add(new Remedy(text, commands(text), List.copyOf(ids), counts.get(text))));
        return out;
    }

    /** "(1)", "(2)", ...: the alternatives a remedy offers. */
    private static final Pattern ALTERNATIVE = Pattern.compile("\\((\\d)\\) ");

    /**
     * The back-quoted segments of a remedy that are commands ({@code SET …}, {@code isinteg -patch},
     * {@code net start …}), in order. In a remedy that offers alternatives ("(1) … or (2) …") each command
     * says which alternative it belongs to, so that a list of lines is not read as a sequence.
     */
    static List<Report.Command> commands(String remedy) {
        List<Report.Command> out = new ArrayList<>();
        List<int[]> marks = new ArrayList<>();
        Matcher a = ALTERNATIVE.matcher(remedy);
        while (a.find()) {
            marks.add(new int[] {a.start(), Integer.parseInt(a.group(1))});
        }
        boolean alternatives = marks.size() >= 2;
        Matcher m = QUOTED.matcher(remedy);
        while (m.find()) {
            String c = m.group(1).strip();
            String first = c.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (c.contains(" ") && COMMAND_WORDS.contains(first)) {
                String alt = "";
                if (alternatives) {
                    for (int[] mark : marks) {
                        if (mark[0] < m.start()) {
                            alt = "(" + mark[1] + ")";
                        }
                    }
                }
                out.add(new Report.Command(alt, c));
            }
        }
        return out;
    }

    /** The fill of the verdict: red when a CRIT failed, amber for any other failure or warning, green else. */
    public static XlsxBook.Tone tone(List<Finding> findings) {
        boolean crit = false;
        boolean any = false;
        for (Finding f : findings) {
            if (f.status() == Status.FAIL || f.status() == Status.WARN) {
                any = true;
                crit |= f.severity() == org.patchlens.rules.Severity.CRIT;
            }
        }
        return crit ? XlsxBook.Tone.RED : any ? XlsxBook.Tone.AMBER : XlsxBook.Tone.GREEN;
    }

    /**
     * The one row of an empty Log chain sheet: no logs were among the evidence, and what that means for the
     * restore type (exchange-restore.md 1.2: an offline point-in-time restore needs none; roll-forward needs
     * the unbroken series from the anchor log to edb.log; an online restore replays LowLog..HighLog).
     */
    public static String noLogs(String restoreType) {
        String what = switch (restoreType) {
            case "offline-pit" -> "For an offline point-in-time restore that is as it should be: only the "
                    + "databases are restored, consistent, with every old log, edb.chk and patch file removed, and "
                    + "the store starts a new log series (KB Q296787).";
            case "offline-rollforward" -> "A roll-forward restore needs the unbroken series of logs from the "
                    + "databases' Last Consistent generation (the anchor log) to edb.log: copy the log folder "
                    + "to have the log rules check it (KB Q296787).";
            case "online" -> "An online restore replays the logs LowLog..HighLog of the Restore in Progress key "
                    + "with the patch files: copy the log folder to have the log rules check them (KB Q200941).";
            default -> "The restore type is not known (give --restore-type), so whether logs are needed "
                    + "cannot be said.";
        };
        return "No log files among the evidence. " + what;
    }

    static ClusterFacts cluster(CheckContext ctx) {
        Optional<ClusterModel> m = ctx.cluster();
        String node = ctx.node().map(RegValue::text).orElse("");
        if (m.isEmpty()) {
            return new ClusterFacts("", "", List.of(), node, Source.NONE);
        }
        return new ClusterFacts(ctx.virtualServer().orElse(""),
                m.get().exchangeGroup().map(g -> g.name() == null ? g.guid() : g.name()).orElse(""),
                m.get().nodes().stream().map(n -> n.name() == null ? n.id() : n.name()).toList(), node,
                ctx.virtualServerSource().orElse(Source.NONE));
    }

    static List<ClusterRow> clusterRows(CheckContext ctx) {
        List<ClusterRow> rows = new ArrayList<>();
        for (ClusterModel m : ctx.clusters()) {
            rows.addAll(ClusterRow.of(m, (guid, vn) -> ctx.checkpointEvidence(guid, vn).map(Evidence::name)
                    .orElse(null)));
        }
        return rows;
    }

    /**
     * Reads the store headers of the evidence (databases, patch files, checkpoints, logs) and adds
     * the Store sheet and the log chain to {@code r} ({@link StoreRows#fromEvidence}).
     */
    public static Report withStoreFromEvidence(Report r, List<Evidence> evidence) {
        StoreRows.Store s = StoreRows.fromEvidence(evidence);
        return withStore(r, s.headers(), s.logChain());
    }
}
