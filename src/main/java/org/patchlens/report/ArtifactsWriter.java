package org.patchlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonGenerator;
import org.patchlens.artifacts.Catalog;
import org.patchlens.artifacts.Entry;
import org.patchlens.artifacts.Field;
import org.patchlens.artifacts.FieldSpec;
import org.patchlens.artifacts.HiveResult;
import org.patchlens.hive.FileTime;

/**
 * Writes artifact entries ({@code hive artifacts}): JSONL, one entry per line; CSV, one row per entry, the common
 * columns first and then two columns per field ({@code name}, {@code name.offset}) for every field the selected
 * plugins declare, so a plugin's columns are the same whatever the hive holds; text, one block per entry with
 * every piece of evidence text escaped ({@link Printable}). Schemas: docs/artifacts.md.
 */
public final class ArtifactsWriter {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.JSONL, OutputFormat.CSV, OutputFormat.TEXT,
            OutputFormat.BODYFILE, OutputFormat.TIMESKETCH);

    /** The common columns of the CSV, before the fields. */
    public static final List<String> COMMON = List.of("plugin", "hive", "sha256", "hiveType", "keyPath", "keyOffset",
            "lastWritten", "valueName", "notes");

    private final OutputFormat format;
    private final OutputStream bytes;
    private final Writer chars;
    private final List<String> fields;
    private JsonLine json;
    private JsonGenerator events;
    private Csv csv;
    private long written;

    /** An entry writer onto {@code out} (UTF-8) for the plugins of {@code selection} (all of them when empty). */
    public ArtifactsWriter(OutputFormat format, OutputStream out, List<Catalog> selection) {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("hive artifacts does not write " + format.label());
        }
        this.format = format;
        this.bytes = out;
        this.chars = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.fields = List.copyOf(fields(selection).keySet());
    }

    /** Every field the plugins of {@code selection} (all when empty) declare, in catalog order, each name once. */
    public static Map<String, FieldSpec> fields(List<Catalog> selection) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        for (Catalog c : Catalog.values()) {
            if (selection.isEmpty() || selection.contains(c)) {
                for (FieldSpec f : c.spec().fields()) {
                    out.putIfAbsent(f.name(), f);
                }
            }
        }
        return out;
    }

    /** The CSV header for {@code selection}: the common columns, then {@code name, name.offset} per field. */
    public static List<String> csvHeader(List<Catalog> selection) {
        List<String> h = new ArrayList<>(COMMON);
        for (String f : fields(selection).keySet()) {
            h.add(f);
            h.add(f + ".offset");
        }
        return h;
    }

    /** The entries written so far. */
    public long written() {
        return written;
    }

    /** Writes one hive's entries (text: a heading line first, also when it has none). */
    public void hive(HiveResult r) throws IOException {
        switch (format) {
            case JSONL -> {
                if (json == null) {
                    json = new JsonLine(bytes);
                }
                for (Entry e : r.entries()) {
                    jsonl(json, r, e);
                    written++;
                }
            }
            case CSV -> {
                if (csv == null) {
                    csv = new Csv(chars, header());
                }
                for (Entry e : r.entries()) {
                    csv.printRecord(row(r, e));
                    written++;
                }
                csv.flush();
            }
            case BODYFILE, TIMESKETCH -> {
                for (Entry e : r.entries()) {
                    events(r, e);
                    written++;
                }
                chars.flush();
            }
            default -> {
                text(chars, r);
                written += r.entries().size();
                chars.flush();
            }
        }
    }

    /**
     * One event per timestamp of an entry ({@link TimeEvents}): its key's last-written time, then each TIME field.
     * Name and message: {@code HIVE:KEYPATH[:VALUENAME] (PLUGIN[ FIELD])}.
     */
    private void events(HiveResult r, Entry e) throws IOException {
        String base = r.file() + ":" + e.keyPath() + (e.valueName() == null ? "" : ":" + e.valueName()) + " ("
                + e.plugin();
        event(r, e, null, base + ")", e.keyOffset(), e.lastWritten());
        for (Field f : e.fields()) {
            if (f.kind() == org.patchlens.artifacts.FieldKind.TIME) {
                event(r, e, f, base + " " + f.name() + ")", f.offset(), f.number());
            }
        }
    }

    private void event(HiveResult r, Entry e, Field f, String name, long offset, long time) throws IOException {
        if (format == OutputFormat.BODYFILE) {
            TimeEvents.bodyfile(chars, name, offset, time);
            return;
        }
        if (events == null) {
            events = JsonOut.FACTORY.createGenerator(chars);
            events.setRootValueSeparator(null);
        }
        JsonGenerator g = events;
        TimeEvents.timesketchStart(g, name, time, f == null ? TimeEvents.KEY_LAST_WRITTEN : f.name());
        g.writeStringField("plugin", e.plugin());
        g.writeStringField("hive", r.file());
        g.writeStringField("sha256", r.sha256());
        g.writeStringField("hiveType", r.type().label());
        g.writeStringField("keyPath", e.keyPath());
        g.writeStringField("valueName", e.valueName());
        g.writeStringField("field", f == null ? null : f.name());
        g.writeStringField("time", FileTime.iso(time));
        g.writeNumberField("offset", offset);
        g.writeEndObject();
        g.flush();
        chars.write('\n');
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(COMMON);
        for (String f : fields) {
            h.add(f);
            h.add(f + ".offset");
        }
        return h;
    }

    /** Flushes what is buffered; a CSV without entries still gets its header. */
    public void finish() throws IOException {
        if (format == OutputFormat.CSV && csv == null) {
            csv = new Csv(chars, header());
        }
        if (json != null) {
            json.flush();
        }
        if (csv != null) {
            csv.flush();
        }
        chars.flush();
        bytes.flush();
    }

    private static void jsonl(JsonLine j, HiveResult r, Entry e) throws IOException {
        j.raw("{\"plugin\":").string(e.plugin())
                .raw(",\"hive\":").string(r.file())
                .raw(",\"sha256\":").string(r.sha256())
                .raw(",\"hiveType\":").string(r.type().label())
                .raw(",\"keyPath\":").string(e.keyPath())
                .raw(",\"keyOffset\":").number(e.keyOffset())
                .raw(",\"lastWritten\":\"").raw(FileTime.iso(e.lastWritten()))
                .raw("\",\"valueName\":").string(e.valueName())
                .raw(",\"fields\":{");
        for (int i = 0; i < e.fields().size(); i++) {
            Field f = e.fields().get(i);
            j.raw(i == 0 ? "" : ",").string(f.name()).raw(":{\"value\":");
            switch (f.kind()) {
                case TEXT -> j.string(f.text());
                case NUMBER -> j.number(f.number());
                case TIME -> j.raw('"').raw(FileTime.iso(f.number())).raw('"');
            }
            j.raw(",\"offset\":").number(f.offset()).raw('}');
        }
        j.raw("},\"notes\":[");
        for (int i = 0; i < e.notes().size(); i++) {
            j.raw(i == 0 ? "" : ",").string(e.notes().get(i));
        }
        j.raw("]}\n");
    }

    private List<Object> row(HiveResult r, Entry e) {
        List<Object> row = new ArrayList<>(COMMON.size() + 2 * fields.size());
        row.add(e.plugin());
        row.add(r.file());
        row.add(r.sha256());
        row.add(r.type().label());
        row.add(e.keyPath());
        row.add(e.keyOffset());
        row.add(FileTime.iso(e.lastWritten()));
        row.add(e.valueName() == null ? "" : e.valueName());
        row.add(String.join("\n", e.notes()));
        for (String name : fields) {
            Field f = e.field(name).orElse(null);
            row.add(f == null ? "" : f.shown());
            row.add(f == null ? "" : Long.toString(f.offset()));
        }
        return row;
    }

    private static void text(Writer out, HiveResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(Printable.of(r.file())).append(": ").append(r.type().label()).append(" hive, sha256 ")
                .append(r.sha256()).append("; ").append(r.entries().size()).append(r.entries().size() == 1
                        ? " entry" : " entries").append(" from ").append(r.ran().isEmpty() ? "no plugin (none applies)"
                        : String.join(", ", r.ran().stream().map(Catalog::pluginName).toList())).append('\n');
        out.write(sb.toString());
        for (Entry e : r.entries()) {
            sb.setLength(0);
            sb.append(e.plugin()).append("  ").append(Printable.of(e.keyPath()));
            if (e.valueName() != null) {
                sb.append(" : ").append(e.valueName().isEmpty() ? "(default)" : Printable.of(e.valueName()));
            }
            sb.append("  [").append(FileTime.iso(e.lastWritten())).append("]  key @").append(hex(e.keyOffset()))
                    .append('\n');
            int width = 0;
            for (Field f : e.fields()) {
                width = Math.max(width, f.name().length());
            }
            for (Field f : e.fields()) {
                sb.append("    ").append(f.name()).append(" ".repeat(width - f.name().length() + 2))
                        .append(Printable.of(f.shown())).append("  @").append(hex(f.offset())).append('\n');
            }
            for (String n : e.notes()) {
                sb.append("    note: ").append(Printable.of(n)).append('\n');
            }
            out.write(sb.toString());
        }
    }

    private static String hex(long offset) {
        return offset < 0 ? "-" : String.format("0x%X", offset);
    }
}
