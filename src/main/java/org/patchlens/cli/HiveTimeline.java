package org.patchlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.report.Output;
import org.patchlens.report.OutputBudget;
import org.patchlens.report.TimelineWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Keys ordered by last-written time, oldest first (ties in tree order).",
            "A range without keys in it is not an error: \"no keys in range\" on stderr, exit code 0;",
            "a --since that is not before --until is a usage error (exit code 2).",
            "Several FILEs or folders (searched for hives by content, links not followed) give one",
            "timeline of all their keys, each with its source (the hive's path)."},
        footer = {"", "Examples:",
            "  patchlens hive timeline SYSTEM --since 2024-03-01 --until 2024-03-02",
            "  patchlens hive timeline NTUSER.DAT --since 2024-03-01T08:00:00Z -o tl.csv",
            "  patchlens hive timeline SYSTEM -o system.body",
            "  patchlens hive timeline SYSTEM --format timesketch -o system.jsonl",
            "  patchlens hive timeline evidence/ --since 2024-03-01 -o timeline.csv"})
final class HiveTimeline implements Callable<Integer> {
    static final Output.Spec OUTPUT = Output.Spec.of("hive timeline", TimelineWriter.FORMATS);

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE|DIR",
            description = "The hive file(s), or folders searched for hives.")
    List<Path> files;

    @Option(names = "--since", paramLabel = "T", description = "Only keys written at or after T (ISO instant or "
            + "date, UTC; a year after 9999 as +12026-01-01).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Only keys written before T (a date means its end).")
    String until;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Only this subtree. KEYPATH: names separated by \\ or / (a key whose name holds / stays reachable), "
                    + "case-insensitive (an exact-case name first); it may start with \\, the root key's name, HKLM\\SYSTEM, "
                    + "HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, HKU\\<SID>, HKU\\<SID>_Classes or regedit's Computer\\...; "
                    + "CurrentControlSet follows Select\\Current (docs/hive-formats.md).")
    String keyPath;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, csv, jsonl, bodyfile (The Sleuth Kit's "
            + "body file, whole seconds) or timesketch (JSONL) (default: text, or the -o name's extension).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (.txt, .csv, .jsonl, .body) "
            + "instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into a folder that holds evidence (never over an input or a file that holds evidence).")
    boolean force;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Range range = Range.of(since, until);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.size() > 1 || Files.isDirectory(files.get(0))) {
            return many(range, stdout, err);
        }
        Path file = files.get(0);
        Output out = Output.plan(OUTPUT, format, output, force, HiveSupport.inputs(file, logs));
        try (Hive hive = HiveSupport.open(file, logs)) {
            List<TimelineWriter.Entry> entries = new ArrayList<>();
            long budget = OutputBudget.forInput(hive.fileSize());
            OutputBudget.Exceeded cut = collect(hive, null, range, budget, new long[1], entries);
            entries.sort(Comparator.comparing(TimelineWriter.Entry::time, Long::compareUnsigned));
            try (Output.Sink sink = out.open(stdout).limit(budget)) {
                try {
                    TimelineWriter.write(file.toString(), entries, out.format(), sink.writer());
                } catch (OutputBudget.Exceeded e) {
                    cut = e;
                }
                sink.commit();
            }
            noneInRange(entries, err);
            // with -o the file is written even when the range holds no key (a CSV header alone): say so
            HiveSupport.written(out, entries.size() + " key" + (entries.size() == 1 ? "" : "s"), stdout);
            int code = HiveSupport.finish(hive, err);
            return cut != null ? HiveSupport.cut(cut, hive, err) : code;
        }
    }

    /** The keys of {@code hive} in the range, added to {@code entries}; a cut when they would cost more than the budget. */
    private OutputBudget.Exceeded collect(Hive hive, String source, Range range, long budget, long[] held,
                                          List<TimelineWriter.Entry> entries) {
        for (Key k : hive.walk(HiveSupport.key(hive, keyPath))) {
            long t = k.lastWrittenRaw();
            if (range.holds(t)) {
                // what the entries cost (their paths): sorted in memory, so bounded as the output is
                held[0] += 64 + 2L * k.path().length() + (source == null ? 0 : 2L * source.length());
                if (held[0] > budget) {
                    return new OutputBudget.Exceeded(budget);
                }
                entries.add(new TimelineWriter.Entry(t, k.path(), k.subkeyCount(), k.valueCount(), k.fileOffset(),
                        source));
            }
        }
        return null;
    }

    private void noneInRange(List<TimelineWriter.Entry> entries, PrintWriter err) {
        if (entries.isEmpty()) {
            err.println("patchlens: note: no keys in range" + (since == null && until == null
                    ? "" : " (" + (since == null ? "" : "since " + since) + (since != null && until != null ? ", "
                    : "") + (until == null ? "" : "until " + until) + ")"));
            err.flush();
        }
    }

    /**
     * Several hives (named, or found in folders by {@link HiveTree}): one timeline of all their keys, each
     * entry with its source; ties in time keep the order of the hives, then tree order. A hive that cannot be
     * read is one line (exit code 2) and the others are still read.
     */
    private int many(Range range, PrintWriter stdout, PrintWriter err) throws java.io.IOException {
        HiveTree.Tree tree = HiveTree.walk(files, false).require(files, err);
        logs.requireOneHive(true);
        Output out = Output.plan(OUTPUT, format, output, force, tree.inputs());
        long budget = OutputBudget.forInput(tree.bytes());
        long[] held = new long[1];
        List<TimelineWriter.Entry> entries = new ArrayList<>();
        int code = Main.OK;
        int read = 0;
        OutputBudget.Exceeded cut = null;
        for (HiveTree.Found h : tree.hives()) {
            if (cut != null) {
                break;
            }
            try (Hive hive = HiveSupport.open(h, logs)) {
                try {
                    cut = collect(hive, h.path().toString(), range, budget, held, entries);
                } catch (HiveSupport.NotFound e) {
                    err.println("patchlens: " + Errors.flat(e.getMessage()));
                    code = Math.max(code, Main.FINDINGS);
                }
                read++;
                code = Math.max(code, HiveSupport.finish(hive, err));
            } catch (RuntimeException e) {
                err.println("patchlens: " + Errors.oneLine(e));
                err.flush();
                code = Main.BAD_INPUT;
            }
        }
        if (read == 0) {
            return tree.code(code);
        }
        // a stable sort: equal times keep the order of the hives, then each hive's tree order
        entries.sort(Comparator.comparing(TimelineWriter.Entry::time, Long::compareUnsigned));
        try (Output.Sink sink = out.open(stdout).limit(budget)) {
            try {
                TimelineWriter.write(null, entries, out.format(), sink.writer()); // each entry names its hive
            } catch (OutputBudget.Exceeded e) {
                cut = e;
            }
            sink.commit();
        }
        noneInRange(entries, err);
        HiveSupport.written(out, entries.size() + " key" + (entries.size() == 1 ? "" : "s") + " from " + read + " hive"
                + (read == 1 ? "" : "s"), stdout);
        if (cut != null) {
            code = Math.max(code, HiveSupport.cut(cut, "the inputs", tree.bytes(), err));
        }
        return tree.code(code);
    }

    /** The first and the last FILETIME, read as unsigned as {@link FileTime} reads them (up to +60056-05-28). */
    private static final Instant FIRST = FileTime.toInstant(0);
    private static final Instant LAST = FileTime.toInstant(-1L);

    /**
     * The keys a --since/--until range holds: last written from {@code from} to {@code last}, both inclusive and
     * unsigned, none at all with {@code none}. Times a FILETIME cannot hold are clamped, not errors: before
     * 1601-01-01 is from the start, after the last FILETIME to the end.
     */
    record Range(long from, long last, boolean none) {
        static Range of(String since, String until) {
            Instant s = since == null ? null : parse("--since", since, false);
            Instant u = until == null ? null : parse("--until", until, true);
            if (s != null && u != null && !s.isBefore(u)) {
                throw new UsageException("--since " + since + " is not before --until " + until
                        + ": the range is empty");
            }
            // a FILETIME is at or after s when at or after s's next tick, and before u when before u's next tick
            s = s == null ? null : nextTick(s);
            u = u == null ? null : nextTick(u);
            // no FILETIME in it (wholly before 1601, after the last FILETIME, or between two ticks): the note, exit 0
            if (s != null && s.isAfter(LAST) || u != null && !u.isAfter(FIRST) || s != null && u != null
                    && !s.isBefore(u)) {
                return new Range(0, 0, true);
            }
            long from = s == null || s.isBefore(FIRST) ? 0 : FileTime.fromInstant(s);
            // u is after FIRST here, so at least FIRST + 100 ns, and u's FILETIME minus 1 is unsigned
            long last = u == null || u.isAfter(LAST) ? -1L : FileTime.fromInstant(u) - 1;
            return new Range(from, last, false);
        }

        boolean holds(long t) {
            return !none && Long.compareUnsigned(t, from) >= 0 && Long.compareUnsigned(t, last) <= 0;
        }
    }

    /**
     * An ISO instant, or a date (its start, or with {@code end} the start of the next day), exactly as typed; any
     * year java.time reads (the range clamps it), else a usage error naming the option.
     */
    static Instant parse(String option, String text, boolean end) {
        Instant t = read(text, end);
        if (t == null) {
            throw new UsageException(option + " '" + text + "': not a time (" + hint(text, end) + ")");
        }
        return t;
    }

    /** {@code t} if it falls on a FILETIME tick (100 ns) or after the last FILETIME, else the tick after it. */
    private static Instant nextTick(Instant t) {
        int rest = t.getNano() % 100;
        return rest == 0 || t.isAfter(LAST) ? t : t.plusNanos(100 - rest);
    }

    /** What {@link #parse} reads, or null when java.time reads neither an instant nor a date. */
    private static Instant read(String text, boolean end) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                // the day after as seconds: LocalDate.plusDays fails on +999999999-12-31, an Instant has room for it
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(end ? 86_400 : 0);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * How to write a time that was refused: ISO 8601 (and so java.time) writes a year after 9999 with its sign
     * ({@code +12026-01-01}) and one of four digits without ({@code 2026-01-01}). When the sign alone stands in
     * the way, the line shows the value with it mended; the value is not taken as it was typed, since a
     * mistyped year ({@code 20226} for 2026) would then silently move the range by millennia.
     */
    private static String hint(String text, boolean end) {
        int dash = text.indexOf('-', 1);
        String year = dash < 0 ? "" : text.substring(0, dash);
        if (year.matches("[0-9]{5,}") && read("+" + text, end) != null) {
            return "ISO 8601 writes a year after 9999 with its + sign: +" + text;
        }
        if (year.matches("\\+[0-9]{4}") && read(text.substring(1), end) != null) {
            return "ISO 8601 writes a year of four digits without a sign: " + text.substring(1);
        }
        return "use 2024-03-01 or 2024-03-01T08:00:00Z";
    }
}
