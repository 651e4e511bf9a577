package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.DeletedRecords.Item;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.ValueType;

/** Writes recovered (deleted) keys and values as JSONL, CSV or text (docs/replay.md). */
public final class DeletedWriter {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.JSONL, OutputFormat.CSV, OutputFormat.TEXT);

    public static final List<String> CSV_HEADER = List.of("kind", "label", "path", "pathComplete", "name",
            "lastWritten", "type", "typeCode", "size", "hex", "value", "dataStatus", "offset", "parentOffset");

    private static final HexFormat HEX = HexFormat.of();

    private DeletedWriter() {
    }

    public static void write(List<Item> items, OutputFormat format, Writer w) throws IOException {
        writeSourced(List.of(new Sourced(null, items)), format, w);
    }

    /** One hive's recovered records; {@code source} is its path in a run over several hives, else null. */
    public record Sourced(String source, List<Item> items) {
    }

    /**
     * The records of several hives, each group's in turn: with a source, JSONL records start with a "source"
     * field, CSV rows with a "source" column (the header too), and text gets a {@code # SOURCE} line per hive.
     */
    public static void writeSourced(List<Sourced> groups, OutputFormat format, Writer w) throws IOException {
        boolean sourced = groups.stream().anyMatch(g -> g.source() != null);
        switch (format) {
            case JSONL -> {
                JsonGenerator g = JsonOut.FACTORY.createGenerator(w);
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                boolean any = false;
                for (Sourced s : groups) {
                    for (Item i : s.items()) {
                        json(g, i, s.source());
                        any = true;
                    }
                }
                if (any) {
                    g.writeRaw('\n');
                }
                g.flush();
            }
            case CSV -> {
                List<String> header = new java.util.ArrayList<>(CSV_HEADER);
                if (sourced) {
                    header.add(0, "source");
                }
                Csv p = new Csv(w, header);
                for (Sourced s : groups) {
                    for (Item i : s.items()) {
                        List<Object> row = new java.util.ArrayList<>(15);
                        if (sourced) {
                            row.add(s.source());
                        }
                        row.addAll(java.util.Arrays.asList(i.kind(), i.label(), i.path(), i.pathComplete(), i.name(),
                                i.isKey() ? FileTime.iso(i.lastWritten()) : "", i.isKey() ? "" : ValueType.name(i.typeCode()),
                                i.isKey() ? "" : Long.toString(i.typeCode()), i.isKey() ? "" : Integer.toString(i.data().length),
                                i.isKey() ? "" : HEX.formatHex(i.data()), i.isKey() ? "" : render(i), i.dataStatus(),
                                i.fileOffset(), i.isKey() ? Long.toString(i.parentOffset()) : ""));
                        p.printRecord(row);
                    }
                }
                p.flush();
            }
            case TEXT -> {
                for (Sourced s : groups) {
                    if (s.source() != null) {
                        w.write("# " + Printable.of(s.source()) + ": " + s.items().size() + " recovered record"
                                + (s.items().size() == 1 ? "" : "s") + "\n");
                    }
                    for (Item i : s.items()) {
                        w.write(text(i) + "\n");
                    }
                }
                w.flush();
            }
            default -> throw new IllegalArgumentException("hive deleted does not write " + format.label());
        }
    }

    /** One object, for JSONL output (also used by {@code hive dump --deleted}). */
    public static void json(JsonGenerator g, Item i) throws IOException {
        json(g, i, null);
    }

    /** As above, starting with a "source" field when {@code source} is not null (a run over several hives). */
    public static void json(JsonGenerator g, Item i, String source) throws IOException {
        g.writeStartObject();
        if (source != null) {
            g.writeStringField("source", source);
        }
        g.writeStringField("recovered", i.label());
        g.writeStringField("kind", i.kind());
        g.writeStringField("path", i.path());
        g.writeBooleanField("pathComplete", i.pathComplete());
        g.writeStringField("name", i.name());
        g.writeNumberField("offset", i.fileOffset());
        if (i.isKey()) {
            g.writeStringField("lastWritten", FileTime.iso(i.lastWritten()));
            g.writeNumberField("parentOffset", i.parentOffset());
        } else {
            g.writeStringField("type", ValueType.name(i.typeCode()));
            g.writeNumberField("typeCode", i.typeCode());
            g.writeNumberField("size", i.data().length);
            g.writeStringField("hex", HEX.formatHex(i.data()));
            g.writeStringField("value", render(i));
            g.writeStringField("dataStatus", i.dataStatus());
        }
        g.writeEndObject();
    }

    public static String render(Item i) {
        try {
            return DecodedValue.decode(i.typeCode(), i.data()).render(i.data());
        } catch (RuntimeException e) {
            return HEX.formatHex(i.data());
        }
    }

    public static String text(Item i) {
        String where = String.format("@0x%X", i.fileOffset());
        if (i.isKey()) {
            return "[" + i.label() + "] key   " + Printable.of(i.path()) + "  [" + FileTime.iso(i.lastWritten()) + "]  " + where;
        }
        String owner = i.path().isEmpty() ? "<no key>" : Printable.of(i.path());
        return "[" + i.label() + "] value " + owner + " : " + (i.name().isEmpty() ? "(default)" : Printable.of(
                i.name())) + " = " + ValueType.name(i.typeCode()) + " " + Printable.of(render(i)) + "  (data "
                + i.dataStatus() + ", " + i.data().length + " bytes)  " + where;
    }
}
