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
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Listing;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;

/**
 * Writes every key and value of a subtree as JSONL (one object per key), CSV (one row per
 * value), indented text, or the plain K/V listing. Schemas: docs/hive-formats.md.
 */
public final class HiveDump {
    public enum Format { JSONL, CSV, TEXT, LISTING }

    /** The CSV columns, one row per value (a key without values gets one row with empty value columns). */
    public static final List<String> CSV_HEADER = List.of("path", "lastWritten", "offset", "className",
            "valueName", "type", "typeCode", "size", "hex", "value");

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private HiveDump() {
    }

    /** Writes the subtree at {@code start}; returns {keys, values}. */
    public static long[] write(Hive hive, Key start, Format format, Writer out) throws IOException {
        return write(hive, start, format, out, null);
    }

    /**
     * As {@link #write(Hive, Key, Format, Writer)}, followed by recovered (deleted) records when
     * {@code recovered} is not null: JSONL objects with a "recovered" field, CSV rows with the
     * extra "recovered" column (empty for live rows), or a text section. Not for LISTING.
     */
    public static long[] write(Hive hive, Key start, Format format, Writer out,
                               List<org.patchlens.hive.DeletedRecords.Item> recovered) throws IOException {
        if (recovered != null && format == Format.LISTING) {
            throw new IllegalArgumentException("the listing format has no place for recovered records");
        }
        long[] n = switch (format) {
            case JSONL -> jsonl(hive, start, out);
            case CSV -> csv(hive, start, out, recovered);
            case TEXT -> text(hive, start, out);
            case LISTING -> Listing.write(hive, start, out);
        };
        if (recovered != null && format == Format.JSONL) {
            JsonGenerator g = JSON.createGenerator(out);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (var i : recovered) {
                DeletedWriter.json(g, i);
            }
            if (!recovered.isEmpty()) {
                g.writeRaw('\n');
            }
            g.flush();
        } else if (recovered != null && format == Format.TEXT) {
            out.write("\nRecovered records (deleted or unreferenced; not part of the live tree): " + recovered.size()
                    + "\n");
            for (var i : recovered) {
                out.write("    " + DeletedWriter.text(i) + "\n");
            }
            out.flush();
        }
        return n;
    }

    private static long[] jsonl(Hive hive, Key start, Writer out) throws IOException {
        long keys = 0;
        long values = 0;
        JsonGenerator g = JSON.createGenerator(out);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        for (Key k : hive.walk(start)) {
            keys++;
            g.writeStartObject();
            g.writeStringField("path", k.path());
            g.writeStringField("lastWritten", FileTime.iso(k.lastWrittenRaw()));
            g.writeNumberField("offset", k.fileOffset());
            String cls = k.className();
            if (cls == null) {
                g.writeNullField("className");
            } else {
                g.writeStringField("className", cls);
            }
            g.writeArrayFieldStart("values");
            for (Value v : k.values()) {
                values++;
                byte[] data = v.data();
                g.writeStartObject();
                g.writeStringField("name", v.name());
                g.writeStringField("type", ValueType.name(v.typeCode()));
                g.writeNumberField("typeCode", v.typeCode());
                g.writeNumberField("size", data.length);
                g.writeStringField("hex", HEX.formatHex(data));
                g.writeFieldName("value");
                DecodedValue d = v.decoded();
                switch (d.kind()) {
                    case STRING -> g.writeString(d.text());
                    case MULTI_STRING -> {
                        g.writeStartArray();
                        for (String s : d.strings()) {
                            g.writeString(s);
                        }
                        g.writeEndArray();
                    }
                    case NUMBER -> {
                        if (d.number() < 0) {
                            g.writeNumber(new java.math.BigInteger(Long.toUnsignedString(d.number())));
                        } else {
                            g.writeNumber(d.number());
                        }
                    }
                    case BINARY -> g.writeString(HEX.formatHex(data));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
        return new long[] {keys, values};
    }

    private static long[] csv(Hive hive, Key start, Writer out, List<org.patchlens.hive.DeletedRecords.Item> recovered)
            throws IOException {
        long keys = 0;
        long values = 0;
        List<String> header = new java.util.ArrayList<>(CSV_HEADER);
        if (recovered != null) {
            header.add("recovered");
        }
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get());
        String live = recovered != null ? "" : null;
        for (Key k : hive.walk(start)) {
            keys++;
            String cls = k.className();
            String time = FileTime.iso(k.lastWrittenRaw());
            List<Value> vs = k.values();
            if (vs.isEmpty()) {
                row(p, live, k.path(), time, k.fileOffset(), cls == null ? "" : cls, "", "", "", "", "", "");
            }
            for (Value v : vs) {
                values++;
                byte[] data = v.data();
                row(p, live, k.path(), time, k.fileOffset(), cls == null ? "" : cls, v.name(),
                        ValueType.name(v.typeCode()), v.typeCode(), data.length, HEX.formatHex(data),
                        v.decoded().render(data));
            }
        }
        if (recovered != null) {
            for (var i : recovered) {
                if (i.isKey()) {
                    row(p, i.label(), i.path(), FileTime.iso(i.lastWritten()), i.fileOffset(), "", "", "", "", "", "", "");
                } else {
                    row(p, i.label(), i.path(), "", i.fileOffset(), "", i.name(), ValueType.name(i.typeCode()),
                            i.typeCode(), i.data().length, HEX.formatHex(i.data()),
                            DecodedValue.decode(i.typeCode(), i.data()).render(i.data()));
                }
            }
        }
        p.flush();
        return new long[] {keys, values};
    }

    private static void row(CSVPrinter p, String recovered, Object... cols) throws IOException {
        if (recovered == null) {
            p.printRecord(cols);
        } else {
            Object[] all = java.util.Arrays.copyOf(cols, cols.length + 1);
            all[cols.length] = recovered;
            p.printRecord(all);
        }
    }

    private static long[] text(Hive hive, Key start, Writer out) throws IOException {
        long keys = 0;
        long values = 0;
        StringBuilder sb = new StringBuilder(256);
        for (Key k : hive.walk(start)) {
            keys++;
            sb.setLength(0);
            sb.append(k.path()).append("  [").append(FileTime.iso(k.lastWrittenRaw())).append(']');
            String cls = k.className();
            if (cls != null) {
                sb.append("  class=\"").append(cls).append('"');
            }
            sb.append('\n');
            for (Value v : k.values()) {
                values++;
                sb.append("    ").append(valueLine(v)).append('\n');
            }
            out.append(sb);
        }
        out.flush();
        return new long[] {keys, values};
    }

    /** {@code Name  REG_TYPE  rendering}, escaping control characters so one value is one line. */
    public static String valueLine(Value v) {
        byte[] data = v.data();
        StringBuilder sb = new StringBuilder();
        sb.append(v.name().isEmpty() ? "(default)" : printable(v.name())).append("  ")
                .append(ValueType.name(v.typeCode())).append("  ");
        DecodedValue d = v.decoded();
        switch (d.kind()) {
            case STRING -> sb.append('"').append(printable(d.text())).append('"');
            case MULTI_STRING -> {
                sb.append('[');
                for (int i = 0; i < d.strings().size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append('"').append(printable(d.strings().get(i))).append('"');
                }
                sb.append(']');
            }
            default -> sb.append(d.render(data));
        }
        if (!d.anomalies().isEmpty()) {
            sb.append("  (").append(String.join("; ", d.anomalies())).append(')');
        }
        return sb.toString();
    }

    /** Control characters as \\n, \\t or \\uXXXX, so a name or string never breaks a line. */
    public static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
