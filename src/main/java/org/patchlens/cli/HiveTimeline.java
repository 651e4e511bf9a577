package org.patchlens.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.report.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Keys ordered by last-written time, oldest first (ties in tree order).",
        footer = {"", "Examples:",
            "  patchlens hive timeline SYSTEM --since 2024-03-01 --until 2024-03-02",
            "  patchlens hive timeline NTUSER.DAT --since 2024-03-01T08:00:00Z --format csv -o tl.csv"})
final class HiveTimeline implements Callable<Integer> {
    enum Format { TEXT, CSV, JSONL }

    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Option(names = "--since", paramLabel = "T", description = "Only keys written at or after T (ISO instant or date, UTC).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Only keys written before T (a date means its end).")
    String until;

    @Option(names = "--path", paramLabel = "KEYPATH",
            description = "Only this subtree. KEYPATH: names separated by \\ or / (a key whose name holds / stays reachable), "
                    + "case-insensitive (an exact-case name first); it may start with \\, the root key's name, HKLM\\SYSTEM, "
                    + "HKEY_LOCAL_MACHINE\\SOFTWARE, HKCU, HKU\\<SID>, HKU\\<SID>_Classes or regedit's Computer\\...; "
                    + "CurrentControlSet follows Select\\Current (docs/hive-formats.md).")
    String keyPath;

    @Option(names = "--format", defaultValue = "text", description = "text, csv or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Allow writing into the folder that holds the evidence.")
    boolean force;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Entry(long time, String path, long subkeys, long values) {
    }

    @Override
    public Integer call() throws Exception {
        long from = since == null ? 0 : parse(since, false);
        long to = until == null ? 0 : parse(until, true);
        try (Hive hive = HiveSupport.open(file, logs)) {
            List<Entry> entries = new ArrayList<>();
            for (Key k : hive.walk(HiveSupport.key(hive, keyPath))) {
                long t = k.lastWrittenRaw();
                if (Long.compareUnsigned(t, from) >= 0 && (until == null || Long.compareUnsigned(t, to) < 0)) {
                    entries.add(new Entry(t, k.path(), k.subkeyCount(), k.valueCount()));
                }
            }
            entries.sort(Comparator.comparing(Entry::time, Long::compareUnsigned));
            try (Writer w = Output.writer(output, force, List.of(file), spec.commandLine().getOut())) {
                switch (format) {
                    case TEXT -> {
                        for (Entry e : entries) {
                            w.write(FileTime.iso(e.time()) + "  " + Printable.of(e.path()) + "\n");
                        }
                    }
                    case CSV -> {
                        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                                .setHeader("lastWritten", "lastWrittenRaw", "path", "subkeys", "values").get());
                        for (Entry e : entries) {
                            p.printRecord(FileTime.iso(e.time()), Long.toUnsignedString(e.time()), e.path(),
                                    e.subkeys(), e.values());
                        }
                        p.flush();
                    }
                    case JSONL -> {
                        var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w);
                        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                        for (Entry e : entries) {
                            g.writeStartObject();
                            g.writeStringField("lastWritten", FileTime.iso(e.time()));
                            g.writeStringField("path", e.path());
                            g.writeNumberField("subkeys", e.subkeys());
                            g.writeNumberField("values", e.values());
                            g.writeEndObject();
                        }
                        g.writeRaw('\n');
                        g.flush();
                    }
                }
            }
            return HiveSupport.finish(hive, spec.commandLine().getErr());
        }
    }

    /** An ISO instant, or a date (its start, or with {@code end} the start of the next day), as a FILETIME. */
    static long parse(String text, boolean end) {
        try {
            return FileTime.fromInstant(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(text);
                return FileTime.fromInstant((end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                throw new UsageException("not a time: '" + text + "' (use 2024-03-01 or 2024-03-01T08:00:00Z)");
            }
        }
    }
}
