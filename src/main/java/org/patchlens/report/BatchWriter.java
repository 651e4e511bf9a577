package org.patchlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.patchlens.artifacts.batch.BatchRow;
import org.patchlens.hive.FileTime;
import org.patchlens.report.XlsxBook.Column;
import org.patchlens.report.XlsxBook.Kind;

/**
 * Writes the rows of {@code hive batch}: CSV with exactly RECmd's batch columns ({@code RECmd/BatchCsvOut.cs}),
 * quoted per RFC 4180 where RECmd's own writer does not quote (a comma or a line break in data would shift its
 * columns), booleans as {@code True}/{@code False} and times as {@code yyyy-MM-dd HH:mm:ss.fffffff} as RECmd
 * writes them, so Timeline Explorer layouts and scripts made for RECmd read it; JSONL, one object per row with
 * the same names and where each row came from (entry line, key and value offsets, type code, the data in hex);
 * a workbook with one table of the CSV's columns ({@link #COLUMNS}, those on screen only last). Schemas: docs/batch.md.
 */
public final class BatchWriter implements AutoCloseable {
    /** The formats it writes, the default first (RECmd writes CSV). */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.XLSX);

    /** RECmd's batch CSV columns, in its order. */
    public static final List<String> CSV_HEADER = List.of("HivePath", "HiveType", "Description", "Category", "KeyPath",
            "ValueName", "ValueType", "ValueData", "ValueData2", "ValueData3", "Comment", "Recursive", "Deleted",
            "LastWriteTimestamp", "PluginDetailFile");

    /**
     * The Batch sheet's columns: RECmd's batch columns, those an examiner reads on paper first, in RECmd's order
     * (which hive, what the entry is, the key, the value and its data, the key's time:
     * {@link XlsxPrint#LANDSCAPE_CHARS} characters, 90 % on A4), then on screen only the hive type (the hive's file
     * names it), the columns a plugin fills that patchlens leaves empty (ValueData2, ValueData3), the batch
     * file's comment, the entry's Recursive, Deleted (always False: rows come from the live tree) and the plugin.
     */
    public static final List<Column> COLUMNS = List.of(
            new Column("HivePath", 19, Kind.WRAP),
            new Column("Description", 16, Kind.WRAP),
            new Column("Category", 12, Kind.WRAP),
            new Column("KeyPath", 32, Kind.WRAP),
            new Column("ValueName", 16, Kind.WRAP),
            new Column("ValueType", 12, Kind.TEXT), // RegExpandSz on one line
            new Column("ValueData", 34, Kind.WRAP),
            new Column("LastWriteTimestamp", 19, Kind.MONO), // its bold name on one line, date and time on two
            new Column("HiveType", 10, Kind.TEXT).screenOnly(),
            new Column("ValueData2", 20, Kind.WRAP).screenOnly(),
            new Column("ValueData3", 20, Kind.WRAP).screenOnly(),
            new Column("Comment", 30, Kind.WRAP).screenOnly(),
            new Column("Recursive", 9, Kind.TEXT).screenOnly(),
            new Column("Deleted", 8, Kind.TEXT).screenOnly(),
            new Column("PluginDetailFile", 24, Kind.WRAP).screenOnly());

    private final OutputFormat format;
    private Csv csv;
    private JsonLine json;
    private XlsxBook book;
    private XlsxTable table;
    private long written;
    /** For a workbook: the most characters its cells may hold (the streams have their byte budget). */
    private long cellBudget = Long.MAX_VALUE;
    private long cellChars;

    private BatchWriter(OutputFormat format) {
        this.format = format;
    }

    /** A CSV or JSONL writer onto {@code out} (UTF-8). */
    public static BatchWriter stream(OutputFormat format, OutputStream out) throws IOException {
        BatchWriter w = new BatchWriter(format);
        if (format == OutputFormat.CSV) {
            Writer chars = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.csv = new Csv(chars, CSV_HEADER);
        } else if (format == OutputFormat.JSONL) {
            w.json = new JsonLine(out);
        } else {
            throw new IllegalArgumentException("hive batch does not stream " + format.label());
        }
        return w;
    }

    /** A workbook writer; {@link #save} writes it. */
    public static BatchWriter workbook(XlsxBook.Options options) {
        return workbook(options, Long.MAX_VALUE);
    }

    /**
     * A workbook writer whose cells hold at most {@code budget} characters: past it {@link #row} throws
     * {@link OutputBudget.Exceeded} and the rows before it are what {@link #save} writes.
     */
    public static BatchWriter workbook(XlsxBook.Options options, long budget) {
        BatchWriter w = new BatchWriter(OutputFormat.XLSX);
        w.cellBudget = budget;
        w.book = new XlsxBook(options);
        w.table = w.book.table("Batch", COLUMNS);
        return w;
    }

    public OutputFormat format() {
        return format;
    }

    /** Rows written so far. */
    public long written() {
        return written;
    }

    public void rows(List<BatchRow> rows) throws IOException {
        for (BatchRow r : rows) {
            row(r);
        }
    }

    /** Writes one row. */
    public void row(BatchRow r) throws IOException {
        if (format == OutputFormat.XLSX) {
            cellChars += r.hivePath().length() + r.description().length() + r.category().length() + r.keyPath().length()
                    + r.valueName().length() + r.valueData().length() + r.valueData2().length()
                    + r.valueData3().length() + r.comment().length() + r.pluginDetail().length() + 64;
            if (cellChars > cellBudget) {
                throw new OutputBudget.Exceeded(cellBudget);
            }
        }
        written++;
        switch (format) {
            case CSV -> csv.printRecord(r.hivePath(), r.hiveType(), r.description(), r.category(), r.keyPath(),
                    r.valueName(), r.valueType(), r.valueData(), r.valueData2(), r.valueData3(), r.comment(),
                    bool(r.recursive()), bool(r.deleted()), r.lastWriteTimestamp(), r.pluginDetail());
            case JSONL -> {
                json.raw("{\"HivePath\":").string(r.hivePath())
                        .raw(",\"HiveType\":").string(r.hiveType())
                        .raw(",\"Description\":").string(r.description())
                        .raw(",\"Category\":").string(r.category())
                        .raw(",\"KeyPath\":").string(r.keyPath())
                        .raw(",\"ValueName\":").string(r.valueName())
                        .raw(",\"ValueType\":").string(r.valueType())
                        .raw(",\"ValueData\":").string(r.valueData())
                        .raw(",\"ValueData2\":").string(r.valueData2())
                        .raw(",\"ValueData3\":").string(r.valueData3())
                        .raw(",\"Comment\":").string(r.comment())
                        .raw(",\"Recursive\":").raw(r.recursive() ? "true" : "false")
                        .raw(",\"Deleted\":").raw(r.deleted() ? "true" : "false")
                        .raw(",\"LastWriteTimestamp\":").string(r.lastWriteTimestamp())
                        .raw(",\"PluginDetailFile\":").string(r.pluginDetail())
                        .raw(",\"lastWritten\":").string(FileTime.iso(r.lastWritten()))
                        .raw(",\"entryLine\":").number(r.entryLine())
                        .raw(",\"path\":").string(r.dumpPath())
                        .raw(",\"keyOffset\":").number(r.keyOffset());
                if (r.valueOffset() >= 0) {
                    json.raw(",\"valueOffset\":").number(r.valueOffset())
                            .raw(",\"typeCode\":").number(r.typeCode())
                            .raw(",\"hex\":").string(r.hex());
                }
                json.raw("}\n");
            }
            case XLSX -> table.add(r.hivePath(), r.description(), r.category(), r.keyPath(), r.valueName(), r.valueType(),
                    r.valueData(), new XlsxBook.Mono(r.lastWriteTimestamp()), r.hiveType(), r.valueData2(), r.valueData3(),
                    r.comment(), bool(r.recursive()), bool(r.deleted()), r.pluginDetail());
            default -> throw new IllegalStateException(format.label());
        }
    }

    /** As .NET writes a bool, and so RECmd's CSV. */
    private static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** Writes out what the stream writers hold. */
    public void finish() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        if (json != null) {
            json.flush();
        }
    }

    /** The workbook, into a file the caller opened and validated: written, then committed. */
    public void save(AtomicFile out, Instant runTime) throws IOException {
        book.save(out, runTime);
    }

    @Override
    public void close() throws IOException {
        if (book != null) {
            book.close();
        }
    }
}
