package org.patchlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.patchlens.InputException;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveSearch;
import org.patchlens.report.ConsoleOut;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.SearchWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Key names, value names or value data that match a regex or a text.",
            "As RECmd's --sk, --sv, --sd and --ss: exactly one of --key, --value, --data or --literal. Regexes",
            "are Java regexes, case-insensitive ((?-i) turns that off). Data is searched as decoded: strings,",
            "each REG_MULTI_SZ entry, numbers as 1 (0x1); binary data as UTF-16LE text and as bytes, one",
            "character per byte (ASCII text matches itself, \\xNN the byte NN). At most 1 MiB of a value's data",
            "is searched, and a match that takes over a second gives up (both with a note). Exit code 0 when",
            "the search ran (hits or none), 1 when a hive is damaged or a match gave up, 2 for bad usage or an",
            "unreadable hive. Fields: docs/hive-formats.md."},
        footer = {"", "Examples:",
            "  patchlens hive search NTUSER.DAT --key 'typedurls|runmru'",
            "  patchlens hive search evidence/ --data 'mimikatz' -o hits.csv",
            "  patchlens hive search SYSTEM --value '^ImagePath$' --format jsonl",
            "  patchlens hive search NTUSER.DAT --literal 'C:\\Users\\Public' --deleted"})
final class HiveSearchCommand implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("hive search", SearchWriter.FORMATS);

    @Parameters(arity = "1..*", paramLabel = "HIVE|DIR",
            description = "Hive files, or folders searched for hives (by content; links are not followed).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--key", paramLabel = "RE", description = "Key names that match RE.")
    String key;

    @Option(names = "--value", paramLabel = "RE", description = "Value names that match RE.")
    String value;

    @Option(names = "--data", paramLabel = "RE", description = "Value data that matches RE.")
    String data;

    @Option(names = "--literal", paramLabel = "TEXT",
            description = "Key names, value names and data that hold TEXT (ignoring case).")
    String literal;

    @Option(names = "--deleted", description = "Search the recovered keys and values too (as hive deleted finds "
            + "them); their hits are marked deleted.")
    boolean deleted;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, jsonl or csv (default: text, or the -o "
            + "name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (.txt, .jsonl, .csv) instead "
            + "of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @picocli.CommandLine.Mixin
    LogOptions logs = LogOptions.auto();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(PrintWriter out, PrintWriter err) throws IOException {
        HiveSearch search = criterion();
        // the one folder walk of the hive commands; each hive's type is told when it is read
        HiveTree.Tree tree = HiveTree.named(inputs, err);
        List<HiveTree.Found> hives = tree.hives();
        logs.requireOneHive(hives.size() > 1);
        Output to = Output.plan(OUTPUT, format, output, force, tree.inputs(logs));
        return tree.code(write(search, hives, to, tree.bytes(), out, err));
    }

    /** Exactly one criterion, compiled; a bad regex is one line naming the option and the problem. */
    private HiveSearch criterion() {
        List<String> given = new ArrayList<>();
        if (key != null) {
            given.add("--key");
        }
        if (value != null) {
            given.add("--value");
        }
        if (data != null) {
            given.add("--data");
        }
        if (literal != null) {
            given.add("--literal");
        }
        if (given.size() != 1) {
            throw new UsageException("hive search needs exactly one of --key, --value, --data or --literal"
                    + (given.isEmpty() ? "" : " (given: " + String.join(", ", given) + ")"));
        }
        String option = given.get(0);
        String text = key != null ? key : value != null ? value : data != null ? data : literal;
        if (text.isEmpty()) {
            throw new UsageException(option + " is empty: it would match everything");
        }
        Pattern p;
        try {
            p = HiveSearch.compile(text, literal != null);
        } catch (PatternSyntaxException e) {
            throw new UsageException(option + " '" + text + "': not a valid regex: " + HiveSearch.whyNotARegex(e, text));
        }
        HiveSearch.Target t = key != null ? HiveSearch.Target.KEY : value != null ? HiveSearch.Target.VALUE
                : data != null ? HiveSearch.Target.DATA : HiveSearch.Target.ALL;
        return new HiveSearch(p, t);
    }

    private int write(HiveSearch search, List<HiveTree.Found> hives, Output to, long total, PrintWriter out, PrintWriter err)
            throws IOException {
        int code = Main.OK;
        int read = 0;
        SearchWriter writer = null;
        try (Output.Sink sink = to.open(out).limit(OutputBudget.forInput(total))) {
            writer = new SearchWriter(to.format(), sink.writer());
            SearchWriter w = writer;
            try {
                for (HiveTree.Found h : hives) {
                    Path file = h.path();
                    Hive hive;
                    try {
                        hive = HiveSupport.open(h, logs);
                    } catch (HiveException | InputException e) {
                        err.println("patchlens: " + Errors.oneLine(e));
                        err.flush();
                        code = Main.BAD_INPUT;
                        continue;
                    }
                    boolean[] incomplete = {false};
                    read++; // before its hits are written: a hive cut by the budget still has its hits written
                    try (hive) {
                        String name = file.toString();
                        try {
                            search.search(hive, deleted, new HiveSearch.Listener() {
                                @Override
                                public void hit(HiveSearch.Hit hit) throws IOException {
                                    w.hit(name, hit);
                                }

                                @Override
                                public void note(String note, boolean gaveUp) {
                                    err.println("patchlens: " + (gaveUp ? "" : "note: ") + Errors.flat(note));
                                    err.flush();
                                    incomplete[0] |= gaveUp;
                                }
                            });
                        } catch (HiveSearch.Stopped e) {
                            err.println("patchlens: " + Errors.flat(name + ": " + e.getMessage()));
                            incomplete[0] = true;
                            code = Math.max(code, Math.max(Main.FINDINGS, HiveSupport.finish(hive, err)));
                            break;
                        }
                        code = Math.max(code, HiveSupport.finish(hive, err));
                    }
                    if (incomplete[0]) {
                        code = Math.max(code, Main.FINDINGS);
                    }
                }
                writer.finish();
            } catch (OutputBudget.Exceeded e) {
                code = Math.max(code, HiveSupport.cut(e, hives.size() == 1 ? hives.get(0).path().toString()
                        : "the inputs", total, err));
            }
            if (read > 0) {
                sink.commit();
            }
        } catch (ConsoleOut.Failed e) {
            return code; // stdout cannot take more (| head, a full disk): Main reports it
        }
        if (read > 0) {
            long n = writer.written();
            if (n == 0) {
                err.println("patchlens: note: no hits in " + read + " hive" + (read == 1 ? "" : "s"));
            }
            err.flush();
            HiveSupport.written(to, n + " hit" + (n == 1 ? "" : "s") + " in " + read + " hive" + (read == 1 ? "" : "s"),
                    out);
        }
        return code;
    }
}
