package org.patchlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.patchlens.InputException;
import org.patchlens.artifacts.Artifacts;
import org.patchlens.artifacts.Catalog;
import org.patchlens.artifacts.HiveResult;
import org.patchlens.artifacts.HiveType;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.report.ArtifactCatalogWriter;
import org.patchlens.report.ArtifactsWriter;
import org.patchlens.report.ConsoleOut;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "artifacts", mixinStandardHelpOptions = true,
        description = {"Forensic artifacts decoded from hives: services, autostarts, programs and more.",
            "Runs every plugin that applies to each hive's type (told by its keys) or the ones --plugin names.",
            "jsonl: one entry per line; csv: one row per entry; text: for reading. Each decoded field carries",
            "the file offset of its cell. Plugins, hive types and schemas: --list-plugins, docs/artifacts.md."},
        footer = {"", "Examples:",
            "  patchlens hive artifacts SYSTEM NTUSER.DAT --format text",
            "  patchlens hive artifacts evidence/ -o artifacts.jsonl",
            "  patchlens hive artifacts SYSTEM --plugin services -o services.csv",
            "  patchlens hive artifacts evidence/ -o artifacts.body",
            "  patchlens hive artifacts NTUSER.DAT --plugin typed_urls \\",
            "      --plugin word_wheel_query",
            "  patchlens hive artifacts --list-plugins"})
final class HiveArtifactsCommand implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("hive artifacts", ArtifactsWriter.FORMATS);
    static final Output.Spec CATALOG = Output.Spec.of("hive artifacts --list-plugins", ArtifactCatalogWriter.FORMATS);

    @Parameters(arity = "0..*", paramLabel = "HIVE|DIR",
            description = "Hive files, or folders searched for hives (by content; links are not followed).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--plugin", paramLabel = "NAME",
            description = "Run only this plugin (repeatable); regipy's plugin names are accepted too.")
    List<String> plugins = new ArrayList<>();

    @Option(names = "--list-plugins", description = "List the plugins: name, hive type, artifact, what it decodes.")
    boolean list;

    @Option(names = "--hive-type", paramLabel = "TYPE",
            description = "Read every hive as this type (SYSTEM, SOFTWARE, NTUSER, ...) instead of telling it by its keys.")
    String hiveType;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl, csv, text, bodyfile (The Sleuth Kit's body file, whole seconds) or timesketch "
                    + "(JSONL, one event per timestamp) (default: jsonl, or the -o name's extension); with "
                    + "--list-plugins text, jsonl or md.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (.jsonl, .csv, .txt, .body) "
            + "instead of stdout.")
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
        if (list) {
            return listPlugins(out);
        }
        if (inputs.isEmpty()) {
            throw new UsageException("hive artifacts needs a HIVE or DIR (or --list-plugins)");
        }
        List<Catalog> selection = selection();
        HiveType forced = null;
        if (hiveType != null) {
            forced = HiveType.named(hiveType);
            if (forced == null) {
                throw new UsageException("--hive-type " + hiveType + " is not a hive type (" + String.join(", ",
                        java.util.Arrays.stream(HiveType.values()).map(HiveType::label).toList()) + ")");
            }
        }
        // the one folder walk of the hive commands; each hive's type is told when it is read
        HiveTree.Tree tree = HiveTree.named(inputs, err);
        List<HiveTree.Found> hives = tree.hives();
        logs.requireOneHive(hives.size() > 1);
        Output to = Output.plan(OUTPUT, format, output, force, tree.inputs(logs));
        return tree.code(write(hives, selection, forced, to, tree.bytes(), out, err));
    }

    private int write(List<HiveTree.Found> hives, List<Catalog> selection, HiveType forced, Output to, long total, PrintWriter out,
                      PrintWriter err) throws IOException {
        int code = Main.OK;
        int read = 0;
        Set<Catalog> ran = new LinkedHashSet<>();
        ArtifactsWriter writer = null;
        try (Output.Sink sink = to.open(out).limit(OutputBudget.forInput(total))) {
            writer = new ArtifactsWriter(to.format(), sink.bytes(), selection);
            try {
                for (HiveTree.Found h : hives) {
                    Path file = h.path();
                    HiveResult r;
                    Hive hive;
                    try {
                        hive = HiveSupport.open(h, logs);
                    } catch (HiveException | InputException e) {
                        err.println("patchlens: " + Errors.oneLine(e));
                        err.flush();
                        code = Main.BAD_INPUT;
                        continue;
                    }
                    try (hive) {
                        HiveType type = forced != null ? forced : HiveType.of(hive);
                        r = Artifacts.run(hive, file.toString(), Hashing.sha256(file), type, selection);
                        read++; // before its entries are written: a hive cut by the budget still has its part written
                        ran.addAll(r.ran());
                        writer.hive(r);
                        code = Math.max(code, HiveSupport.finish(hive, err));
                    }
                    if (r.noted() > 0) {
                        err.println("patchlens: " + Errors.flat(file + ": " + r.noted() + " entr" + (r.noted() == 1
                                ? "y has notes" : "ies have notes") + " (what could not be decoded, with its offset)"));
                        err.flush();
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
        // only about hives that were read: after a refusal (exit 2, one line) a hive of no type was not seen
        for (Catalog c : read > 0 ? selection : List.<Catalog>of()) {
            if (!ran.contains(c)) {
                err.println("patchlens: note: " + c.pluginName() + " applies to " + c.spec().hive().label()
                        + " hives; none of the inputs is one");
            }
        }
        err.flush();
        if (read > 0) {
            HiveSupport.written(to, writer.written() + " entries from " + read + " hive" + (read == 1 ? "" : "s"), out);
        }
        return code;
    }

    private List<Catalog> selection() {
        List<Catalog> out = new ArrayList<>();
        for (String name : plugins) {
            Catalog c = Catalog.named(name);
            if (c == null) {
                List<String> names = new ArrayList<>();
                for (Catalog k : Catalog.values()) {
                    names.add(k.pluginName());
                }
                throw new UsageException("--plugin " + name + ": no such plugin" + Main.suggestion(name, names)
                        + " (--list-plugins lists them)");
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private int listPlugins(PrintWriter out) throws IOException {
        if (!inputs.isEmpty() || !plugins.isEmpty() || hiveType != null) {
            throw new UsageException("--list-plugins takes no HIVE, --plugin or --hive-type");
        }
        Output to = Output.plan(CATALOG, format, output, force, List.of());
        try (Output.Sink sink = to.open(out)) {
            ArtifactCatalogWriter.write(to.format(), sink.writer());
            sink.commit();
        }
        HiveSupport.written(to, Catalog.values().length + " plugins", out);
        return Main.OK;
    }
}
