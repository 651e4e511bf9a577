package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveSearch.Hit;
import org.patchlens.hive.ValueType;

/** Writes the hits of {@code hive search} as text, JSONL or CSV, one hit at a time (docs/hive-formats.md). */
public final class SearchWriter {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.JSONL, OutputFormat.CSV);

    public static final List<String> CSV_HEADER = List.of("hive", "path", "valueName", "type", "typeCode", "size",
            "data", "lastWritten", "offset", "cellOffset", "deleted", "recovered", "field", "matched");

    private final OutputFormat format;
    private final Writer out;
    private JsonGenerator json;
    private Csv csv;
    private long written;

    public SearchWriter(OutputFormat format, Writer out) {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("hive search does not write " + format.label());
        }
        this.format = format;
        this.out = out;
    }

    public long written() {
        return written;
    }

    /** One hit in the hive {@code hive} (the file as named or found). */
    public void hit(String hive, Hit h) throws IOException {
        written++;
        switch (format) {
            case JSONL -> {
                if (json == null) {
                    json = JsonOut.FACTORY.createGenerator(out);
                    json.setRootValueSeparator(null);
                }
                JsonGenerator g = json;
                g.writeStartObject();
                g.writeStringField("hive", hive);
                g.writeStringField("path", h.path());
                g.writeStringField("valueName", h.valueName());
                g.writeStringField("type", h.isKey() ? null : ValueType.name(h.typeCode()));
                if (h.isKey()) {
                    g.writeNullField("typeCode");
                    g.writeNullField("size");
                } else {
                    g.writeNumberField("typeCode", h.typeCode());
                    g.writeNumberField("size", h.data().length);
                }
                g.writeStringField("data", data(h));
                g.writeStringField("lastWritten", time(h));
                g.writeNumberField("offset", h.fileOffset());
                g.writeNumberField("cellOffset", h.cellOffset());
                g.writeBooleanField("deleted", h.recovered() != null);
                g.writeStringField("recovered", h.recovered());
                g.writeStringField("field", h.field());
                g.writeStringField("matched", h.matched());
                g.writeEndObject();
                g.flush();
                out.write('\n');
            }
            case CSV -> {
                if (csv == null) {
                    csv = new Csv(out, CSV_HEADER);
                }
                csv.printRecord(hive, h.path(), h.isKey() ? "" : h.valueName(),
                        h.isKey() ? "" : ValueType.name(h.typeCode()), h.isKey() ? "" : Long.toString(h.typeCode()),
                        h.isKey() ? "" : Integer.toString(h.data().length), h.isKey() ? "" : data(h),
                        h.lastWritten() < 0 ? "" : FileTime.iso(h.lastWritten()), h.fileOffset(), h.cellOffset(),
                        h.recovered() != null, h.recovered() == null ? "" : h.recovered(), h.field(), h.matched());
            }
            default -> out.write(text(hive, h) + "\n");
        }
    }

    /** Flushes; a CSV without hits still gets its header. */
    public void finish() throws IOException {
        if (format == OutputFormat.CSV && csv == null) {
            csv = new Csv(out, CSV_HEADER);
        }
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }

    /** The data as {@code hive dump}'s CSV renders it (null for a key). */
    private static String data(Hit h) {
        return h.isKey() ? null : h.decoded().render(h.data());
    }

    private static String time(Hit h) {
        return h.lastWritten() < 0 ? null : FileTime.iso(h.lastWritten());
    }

    /**
     * {@code [deleted] HIVE  PATH : NAME  TYPE  data  [lastWritten]  @0xOFFSET  data matched "text"}: the value
     * part as {@code hive dump --format text} writes it, every piece of evidence text escaped ({@link Printable}).
     */
    static String text(String hive, Hit h) {
        StringBuilder sb = new StringBuilder();
        if (h.recovered() != null) {
            sb.append('[').append(h.recovered()).append("] ");
        }
        sb.append(Printable.of(hive)).append("  ").append(Printable.of(h.path()));
        if (!h.isKey()) {
            sb.append(" : ").append(HiveDump.valueLine(h.valueName(), h.typeCode(), h.data(), h.decoded()));
        }
        sb.append("  [").append(h.lastWritten() < 0 ? "last written unknown" : FileTime.iso(h.lastWritten()))
                .append("]  @0x").append(Long.toHexString(h.fileOffset()).toUpperCase(java.util.Locale.ROOT))
                .append("  ").append(h.field()).append(" matched \"").append(Printable.of(h.matched())).append('"');
        return sb.toString();
    }
}
