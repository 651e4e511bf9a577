package org.patchlens.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.HiveDiff.Change;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;
import org.patchlens.report.XlsxBook.Column;
import org.patchlens.report.XlsxBook.Kind;
import org.patchlens.report.XlsxBook.Link;

/**
 * {@code hive dump -o dump.xlsx} and {@code hive diff -o diff.xlsx}: the same writer and style as
 * the restore-check workbook, a Summary sheet and one streamed table (continued on "Dump (2)", ...).
 */
public final class HiveWorkbooks {
    /**
     * The Dump sheet's columns: the columns of {@code hive dump --format csv}. What an examiner reads on paper prints
     * (the key, its time and class name, the value's name, type, size and data, anomalies:
     * {@link XlsxPrint#LANDSCAPE_CHARS} characters, 90 % on A4); the raw forms (the data's hex, the type code, the
     * key's offset and its FILETIME) are the last columns, on screen only.
     */
    public static final List<Column> DUMP_COLUMNS = List.of(
            new Column("Path", 36, Kind.WRAP),
            new Column("Key last written (UTC)", 22, Kind.DATE),
            new Column("Class name", 10, Kind.WRAP),
            new Column("Value name", 20, Kind.WRAP), // ServerDomainUpdates on one line
            new Column("Type", 17, Kind.TEXT), // REG_EXPAND_SZ on one line
            new Column("Size", 8, Kind.NUMBER), // up to 9,999,999 bytes without widening
            new Column("Value", 37, Kind.WRAP), // two 8-byte words a line
            new Column("Anomalies", 10, Kind.WRAP),
            new Column("Hex", 74, Kind.HEX).screenOnly(), // four words a line: a string's bytes no taller than it
            new Column("Type code", 9, Kind.MONO).screenOnly(),
            new Column("Key offset", 10, Kind.MONO).screenOnly(),
            new Column("Key last written FILETIME", 21, Kind.MONO).screenOnly());

    /**
     * The "Recovered" sheet of {@code hive dump --deleted -o x.xlsx}: the columns of {@code hive deleted --format csv}.
     * Printed: what was recovered, where it belonged, its time, type, size and data, whether the data is intact, and
     * where in the file the record is; on screen only the data's hex, the type code and the parent offset the record
     * names.
     */
    public static final List<Column> RECOVERED_COLUMNS = List.of(
            new Column("Label", 12, Kind.WRAP), // recovered-from-slack broken after a '-'
            new Column("Object", 7, Kind.TEXT),
            new Column("Path", 27, Kind.WRAP),
            new Column("Path complete", 9, Kind.TEXT),
            new Column("Value name", 15, Kind.WRAP),
            new Column("Key last written (UTC)", 22, Kind.DATE),
            new Column("Type", 17, Kind.TEXT),
            new Column("Size", 8, Kind.NUMBER),
            new Column("Value", 20, Kind.WRAP), // one 8-byte word a line
            new Column("Data status", 12, Kind.WRAP),
            new Column("Record offset", 11, Kind.MONO), // 0x7FFFFFF on one line
            new Column("Hex", 38, Kind.HEX).screenOnly(), // two words a line
            new Column("Type code", 9, Kind.MONO).screenOnly(),
            new Column("Key last written FILETIME", 21, Kind.MONO).screenOnly(),
            new Column("Parent cell offset", 10, Kind.MONO).screenOnly());

    /**
     * The Diff sheet's columns: the columns of {@code hive diff --format csv}. Printed: the change, the path and
     * value name, what changed (a type's or a key's time's change is written out there), and each side's value and
     * key last-written time; on screen only each side's type, hex and FILETIME.
     */
    public static final List<Column> DIFF_COLUMNS = List.of(
            new Column("Change", 8, Kind.CHANGE),
            new Column("Object", 7, Kind.TEXT),
            new Column("Path", 28, Kind.WRAP),
            new Column("Value name", 15, Kind.WRAP),
            new Column("Detail", 18, Kind.WRAP),
            new Column("Before value", 20, Kind.WRAP), // one 8-byte word a line
            new Column("Before key last written (UTC)", 22, Kind.DATE),
            new Column("After value", 20, Kind.WRAP),
            new Column("After key last written (UTC)", 22, Kind.DATE),
            new Column("Before type", 17, Kind.TEXT).screenOnly(),
            new Column("Before hex", 38, Kind.HEX).screenOnly(), // two words a line
            new Column("Before FILETIME", 21, Kind.MONO).screenOnly(),
            new Column("After type", 17, Kind.TEXT).screenOnly(),
            new Column("After hex", 38, Kind.HEX).screenOnly(),
            new Column("After FILETIME", 21, Kind.MONO).screenOnly());

    private static final HexFormat HEX = HexFormat.of();

    private HiveWorkbooks() {
    }

    /** One input hive as the Summary names it. */
    public record Input(String name, String sha256, long size) {
    }

    /** How the workbook was made: tool version, arguments, run time. */
    public record Run(String toolVersion, List<String> commandLine, Instant runTime) {
    }

    /** Writes every key and value under {@code start}; returns {keys, values}. */
    public static long[] dump(Hive hive, Key start, Input input, Path out, XlsxBook.Options options, Run run)
            throws IOException {
        return dump(hive, start, input, out, options, run, null, k -> { });
    }

    /**
     * As above, with the records recovered from free cells and slack on a "Recovered" sheet when
     * {@code recovered} is not null, telling {@code onKey} about each live key before it is written (progress).
     */
    public static long[] dump(Hive hive, Key start, Input input, Path out, XlsxBook.Options options, Run run,
                              List<DeletedRecords.Item> recovered, java.util.function.Consumer<Key> onKey)
            throws IOException {
        try (AtomicFile f = AtomicFile.create(out, AtomicFile.Guard.NONE)) {
            return dump(hive, start, input, f, options, run, recovered, onKey);
        }
    }

    /** As above, into a file the caller opened (and validated); committed when complete. */
    public static long[] dump(Hive hive, Key start, Input input, AtomicFile out, XlsxBook.Options options, Run run,
                              List<DeletedRecords.Item> recovered, java.util.function.Consumer<Key> onKey)
            throws IOException {
        try (XlsxBook book = new XlsxBook(options)) {
            XlsxPage summary = book.page("Summary", 26, 13, 13, 50);
            XlsxTable t = book.table("Dump", DUMP_COLUMNS);
            long keys = 0;
            long values = 0;
            for (Key k : hive.walk(start)) {
                onKey.accept(k);
                keys++;
                long lw = k.lastWrittenRaw();
                Instant when = ReportWorkbook.fileTime(lw);
                String raw = ReportWorkbook.rawFileTime(lw);
                String off = ReportWorkbook.offset(k.fileOffset());
                String cls = k.className();
                List<Value> vs = k.values();
                if (vs.isEmpty()) {
                    t.add(k.path(), when, cls, null, null, null, null, null, null, null, off, raw);
                }
                for (Value v : vs) {
                    values++;
                    byte[] data = v.data();
                    DecodedValue d = v.decoded(data);
                    t.add(k.path(), when, cls, v.name().isEmpty() ? "(default)" : v.name(), ValueType.name(v.typeCode()),
                            (long) data.length, value(d.render(data), data, "Hex"), String.join("; ", d.anomalies()),
                            HEX.formatHex(data), String.format("0x%X", v.typeCode()), off, raw);
                }
            }
            XlsxTable rec = recovered == null ? null : recoveredTable(book, recovered);
            book.property("sha256 " + input.name(), input.sha256());

            summary.title("Hive dump of " + input.name() + ": " + String.format("%,d keys, %,d values", keys, values));
            summary.heading("Input", 2);
            summary.text("File", input.name());
            summary.command("SHA-256", input.sha256());
            summary.line("Size (bytes)", input.size());
            summary.text("Subtree", start.path().isEmpty() ? "(root)" : start.path());
            header(summary, hive);
            summary.heading("Sheets", 2);
            sheets(summary, t);
            if (rec != null) {
                sheets(summary, rec);
                summary.text("", "Recovered: keys and values in free cells and slack, not part of the live tree "
                        + "(labels as patchlens hive deleted gives them, docs/replay.md)");
            }
            run(book, summary, run);
            book.save(out, run.runTime());
            return new long[] {keys, values};
        }
    }

    private static XlsxTable recoveredTable(XlsxBook book, List<DeletedRecords.Item> items) {
        XlsxTable t = book.table("Recovered", RECOVERED_COLUMNS);
        for (DeletedRecords.Item i : items) {
            String off = ReportWorkbook.offset(i.fileOffset());
            if (i.isKey()) {
                t.add(i.label(), "key", i.path(), i.pathComplete() ? "yes" : "no", null,
                        ReportWorkbook.fileTime(i.lastWritten()), null, null, null, i.dataStatus(), off, null, null,
                        ReportWorkbook.rawFileTime(i.lastWritten()), String.format("0x%X", i.parentOffset()));
            } else {
                byte[] d = i.data();
                t.add(i.label(), "value", i.path(), i.pathComplete() ? "yes" : "no",
                        i.name().isEmpty() ? "(default)" : i.name(), null, ValueType.name(i.typeCode()), (long) d.length,
                        value(DeletedWriter.render(i), d, "Hex"), i.dataStatus(), off, HEX.formatHex(d),
                        String.format("0x%X", i.typeCode()), null, null);
            }
        }
        return t;
    }

    /**
     * A value shown as its bytes (REG_BINARY, or data that is not its type) in 8-byte words, as on the screen-only
     * {@code hexColumn}, cut with a note when its row cannot show them all.
     */
    static Object value(String rendered, byte[] data, String hexColumn) {
        return ReportWorkbook.valueCell(rendered, new XlsxBook.HexExcerpt(HEX.formatHex(data), hexColumn));
    }

    private static void header(XlsxPage s, Hive hive) {
        HiveHeader h = hive.header();
        s.text("Format", "regf " + h.version() + ", root key " + hive.root().name());
        s.time("Header last written (UTC)", ReportWorkbook.fileTime(h.lastWritten()),
                "FILETIME " + ReportWorkbook.rawFileTime(h.lastWritten()));
        s.text("Sequence numbers", h.primarySequenceNumber() + " / " + h.secondarySequenceNumber()
                + (h.dirty() ? " (dirty: a transaction log may hold newer data)" : " (clean)"));
        s.text("Header checksum", h.checksumValid() ? "valid" : String.format("stored 0x%08X, computed 0x%08X",
                h.storedChecksum(), h.computedChecksum()));
        s.text("Damage", hive.damage().isEmpty() ? "none found" : hive.damage().size() + " damaged structures (see "
                + "patchlens hive info)");
    }

    private static void sheets(XlsxPage s, XlsxTable t) {
        List<String> names = t.sheetNames();
        s.line(t.name() + " rows", t.rows(), Link.to("open", names.get(0), 0, 0)); // a link does not wrap: short
        if (names.size() > 1) {
            s.text("", "continues on " + String.join(", ", names.subList(1, names.size()))
                    + String.format(" (a sheet holds at most %,d data rows, header repeated)", XlsxBook.MAX_ROWS - 1));
        }
    }

    private static void run(XlsxBook book, XlsxPage s, Run run) {
        s.heading("Run", 2);
        boolean det = book.options().deterministic();
        Instant when = det ? XlsxBook.FIXED_TIME : run.runTime();
        s.text("Tool", "patchlens " + run.toolVersion());
        s.text("Command line", ReportWorkbook.commandLine(run.commandLine()));
        s.text("Run time (UTC)", when + (det ? "  (fixed by --deterministic)" : ""));
        if (book.truncatedCells() > 0) {
            s.text("Long cells", String.format("%,d cells were longer than %,d characters and were cut with a note; "
                    + "the full values are in %s.", book.truncatedCells(), XlsxBook.MAX_TEXT,
                    book.options().fullValueHint()));
        }
    }

    /** A diff workbook being written: feed it the changes ({@link HiveDiff#compare}), then {@link #save}. */
    public static final class Diff implements Consumer<Change>, AutoCloseable {
        private final XlsxBook book;
        private final XlsxPage summary;
        private final XlsxTable table;
        private final Map<HiveDiff.Kind, long[]> counts = new EnumMap<>(HiveDiff.Kind.class);

        public Diff(XlsxBook.Options options) {
            book = new XlsxBook(options);
            summary = book.page("Summary", 26, 13, 13, 50);
            table = book.table("Diff", DIFF_COLUMNS);
        }

        @Override
        public void accept(Change c) {
            counts.computeIfAbsent(c.kind(), k -> new long[2])[c.isKey() ? 0 : 1]++;
            table.add(c.kind().name().toLowerCase(Locale.ROOT), c.isKey() ? "key" : "value", c.path(),
                    c.isKey() ? "" : c.valueName().isEmpty() ? "(default)" : c.valueName(), c.detail(),
                    rendered(c.before(), "Before hex"), time(c.keyBefore()), rendered(c.after(), "After hex"),
                    time(c.keyAfter()), type(c.before()), hex(c.before()), raw(c.keyBefore()), type(c.after()),
                    hex(c.after()), raw(c.keyAfter()));
        }

        /** Writes the Summary and the file. */
        public void save(Hive a, Input ia, String pathA, Hive b, Input ib, String pathB, Path out, Run run)
                throws IOException {
            try (AtomicFile f = AtomicFile.create(out, AtomicFile.Guard.NONE)) {
                save(a, ia, pathA, b, ib, pathB, f, run);
            }
        }

        /** As above, into a file the caller opened (and validated); committed when complete. */
        public void save(Hive a, Input ia, String pathA, Hive b, Input ib, String pathB, AtomicFile out, Run run)
                throws IOException {
            book.property("sha256 A " + ia.name(), ia.sha256());
            book.property("sha256 B " + ib.name(), ib.sha256());
            long n = table.rows();
            summary.title(n == 0 ? "No differences between " + ia.name() + " and " + ib.name()
                    : String.format("%,d differences from %s to %s", n, ia.name(), ib.name()));
            summary.heading("Changes (keys / values)", 2);
            for (HiveDiff.Kind k : HiveDiff.Kind.values()) {
                long[] c = counts.getOrDefault(k, new long[2]);
                summary.text(k.name().toLowerCase(Locale.ROOT), String.format("%,d keys, %,d values", c[0], c[1]));
            }
            side(summary, "A (before)", a, ia, pathA);
            side(summary, "B (after)", b, ib, pathB);
            summary.heading("Sheets", 2);
            sheets(summary, table);
            run(book, summary, run);
            book.save(out, run.runTime());
        }

        private static void side(XlsxPage s, String label, Hive h, Input in, String path) {
            s.heading(label, 2);
            s.text("File", in.name());
            s.command("SHA-256", in.sha256());
            s.line("Size (bytes)", in.size());
            s.text("Subtree", path == null || path.isEmpty() ? "(root)" : path);
            header(s, h);
        }

        @Override
        public void close() throws IOException {
            book.close();
        }

        private static String type(Value v) {
            return v == null ? "" : ValueType.name(v.typeCode());
        }

        private static String hex(Value v) {
            return v == null ? "" : HEX.formatHex(v.data());
        }

        private static Object rendered(Value v, String hexColumn) {
            return v == null ? "" : value(v.decoded().render(v.data()), v.data(), hexColumn);
        }

        private static Instant time(Key k) {
            return k == null ? null : ReportWorkbook.fileTime(k.lastWrittenRaw());
        }

        private static String raw(Key k) {
            return k == null ? "" : ReportWorkbook.rawFileTime(k.lastWrittenRaw());
        }
    }

    /** True when {@code out} names an .xlsx file. */
    public static boolean isXlsx(Path out) {
        return out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
