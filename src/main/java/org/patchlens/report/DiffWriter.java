package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.HiveDiff.Change;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/** Writes {@link Change}s as text ({@code + - ~} lines), JSONL or CSV, one change per line or row. */
public final class DiffWriter implements Consumer<Change>, AutoCloseable {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.JSONL, OutputFormat.CSV);

    public static final List<String> COLUMNS = List.of("change", "object", "path", "valueName", "detail",
            "beforeType", "beforeHex", "beforeValue", "beforeLastWritten", "afterType", "afterHex", "afterValue",
            "afterLastWritten");

    private static final HexFormat HEX = HexFormat.of();
    private final OutputFormat format;
    private final Writer out;
    private final JsonGenerator json;
    private final Csv csv;

    public DiffWriter(OutputFormat format, Writer out) throws IOException {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("hive diff does not write " + format.label());
        }
        this.format = format;
        this.out = out;
        this.json = format == OutputFormat.JSONL ? JsonOut.FACTORY.createGenerator(out) : null;
        if (json != null) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }
        this.csv = format == OutputFormat.CSV
                ? new Csv(out, COLUMNS)
                : null;
    }

    @Override
    public void accept(Change c) {
        try {
            switch (format) {
                case TEXT -> out.write(text(c) + "\n");
                case JSONL -> json(c);
                case CSV -> csv.printRecord(c.kind().name().toLowerCase(java.util.Locale.ROOT),
                        c.isKey() ? "key" : "value", c.path(), c.valueName() == null ? "" : c.valueName(), c.detail(),
                        type(c.before()), hex(c.before()), rendered(c.before()), time(c.keyBefore()),
                        type(c.after()), hex(c.after()), rendered(c.after()), time(c.keyAfter()));
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Change c) {
        String mark = switch (c.kind()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
        };
        String path = Printable.of(c.path());
        if (c.isKey()) {
            return mark + " key   " + path + (c.detail().isEmpty() ? "" : "  (" + Printable.of(c.detail()) + ")");
        }
        String name = c.valueName().isEmpty() ? "(default)" : Printable.of(c.valueName());
        return switch (c.kind()) {
            case ADDED -> "+ value " + path + " : " + HiveDump.valueLine(c.after());
            case REMOVED -> "- value " + path + " : " + HiveDump.valueLine(c.before());
            case CHANGED -> "~ value " + path + " : " + name + "  " + shown(c.before()) + "  ->  " + shown(c.after());
        };
    }

    private static String shown(Value v) {
        String line = HiveDump.valueLine(v);
        int cut = line.indexOf("  ");
        return cut < 0 ? line : line.substring(cut + 2);
    }

    private void json(Change c) throws IOException {
        json.writeStartObject();
        json.writeStringField("change", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.writeStringField("object", c.isKey() ? "key" : "value");
        json.writeStringField("path", c.path());
        if (!c.isKey()) {
            json.writeStringField("valueName", c.valueName());
        }
        json.writeStringField("detail", c.detail());
        side("before", c.keyBefore(), c.before(), c.isKey());
        side("after", c.keyAfter(), c.after(), c.isKey());
        json.writeEndObject();
    }

    private void side(String name, Key k, Value v, boolean key) throws IOException {
        if (key ? k == null : v == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        if (key) {
            json.writeStringField("lastWritten", FileTime.iso(k.lastWrittenRaw()));
            json.writeStringField("className", k.className());
        } else {
            json.writeStringField("type", ValueType.name(v.typeCode()));
            json.writeNumberField("typeCode", v.typeCode());
            byte[] data = v.data();
            json.writeNumberField("size", data.length);
            json.writeStringField("hex", HEX.formatHex(data));
            json.writeStringField("value", v.decoded(data).render(data));
        }
        json.writeEndObject();
    }

    private static String type(Value v) {
        return v == null ? "" : ValueType.name(v.typeCode());
    }

    private static String hex(Value v) {
        return v == null ? "" : HEX.formatHex(v.data());
    }

    private static String rendered(Value v) {
        if (v == null) {
            return "";
        }
        byte[] data = v.data();
        return v.decoded(data).render(data);
    }

    private static String time(Key k) {
        return k == null ? "" : FileTime.iso(k.lastWrittenRaw());
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.flush();
        }
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }
}
