package org.patchlens.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
        switch (format) {
            case JSONL -> {
                JsonGenerator g = new JsonFactory().createGenerator(w);
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                for (Item i : items) {
                    json(g, i);
                }
                if (!items.isEmpty()) {
                    g.writeRaw('\n');
                }
                g.flush();
            }
            case CSV -> {
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new))
                        .get());
                for (Item i : items) {
                    p.printRecord(i.kind(), i.label(), i.path(), i.pathComplete(), i.name(),
                            i.isKey() ? FileTime.iso(i.lastWritten()) : "", i.isKey() ? "" : ValueType.name(i.typeCode()),
                            i.isKey() ? "" : Long.toString(i.typeCode()), i.isKey() ? "" : Integer.toString(i.data().length),
                            i.isKey() ? "" : HEX.formatHex(i.data()), i.isKey() ? "" : render(i), i.dataStatus(),
                            i.fileOffset(), i.isKey() ? Long.toString(i.parentOffset()) : "");
                }
                p.flush();
            }
            case TEXT -> {
                for (Item i : items) {
                    w.write(text(i) + "\n");
                }
                w.flush();
            }
            default -> throw new IllegalArgumentException("hive deleted does not write " + format.label());
        }
    }

    /** One object, for JSONL output (also used by {@code hive dump --deleted}). */
    public static void json(JsonGenerator g, Item i) throws IOException {
        g.writeStartObject();
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
