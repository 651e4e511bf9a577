package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
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
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.JSONL, OutputFormat.CSV, OutputFormat.TEXT,
            OutputFormat.LISTING);

    /** The CSV columns, one row per value (a key without values gets one row with empty value columns). */
    public static final List<String> CSV_HEADER = List.of("path", "lastWritten", "offset", "className",
            "valueName", "type", "typeCode", "size", "hex", "value", "anomalies");

    private static final HexFormat HEX = HexFormat.of();

    private HiveDump() {
    }

    /** Writes the subtree at {@code start}; returns {keys, values}. */
    public static long[] write(Hive hive, Key start, OutputFormat format, Writer out) throws IOException {
        return write(hive, start, format, out, null);
    }

    /**
     * As {@link #write(Hive, Key, OutputFormat, Writer)}, followed by recovered (deleted) records when
     * {@code recovered} is not null: JSONL objects with a "recovered" field, CSV rows with the
     * extra "recovered" column (empty for live rows), or a text section. Not for LISTING.
     */
    public static long[] write(Hive hive, Key start, OutputFormat format, Writer out,
                               List<org.patchlens.hive.DeletedRecords.Item> recovered) throws IOException {
        return write(hive, start, format, out, recovered, k -> { });
    }

    /** As above, telling {@code onKey} about each live key before it is written (progress). */
    public static long[] write(Hive hive, Key start, OutputFormat format, Writer out,
                               List<org.patchlens.hive.DeletedRecords.Item> recovered, Consumer<Key> onKey)
            throws IOException {
        return write(hive, start, format, out, null, recovered, onKey);
    }

    /**
     * As above, onto a byte stream, in UTF-8. The JSONL writer puts its bytes straight into it (the
     * other formats and the recovered records go through a Writer on it).
     */
    public static long[] write(Hive hive, Key start, OutputFormat format, java.io.OutputStream out,
                               List<org.patchlens.hive.DeletedRecords.Item> recovered, Consumer<Key> onKey)
            throws IOException {
        return write(hive, start, format, out, recovered, onKey, null);
    }

    /**
     * As above; with {@code source} (the hive's path in a run over several hives), every JSONL record starts
     * with a "source" field and every CSV row with a "source" column. Text and the listing stay as they are
     * (the listing is the oracle format; a text dump is for reading one hive). Such a hive is read and
     * written on the calling thread (the run keeps the other cores busy with other hives).
     */
    public static long[] write(Hive hive, Key start, OutputFormat format, java.io.OutputStream out,
                               List<org.patchlens.hive.DeletedRecords.Item> recovered, Consumer<Key> onKey,
                               String source) throws IOException {
        Writer chars = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        long[] n = write(hive, start, format, chars, out, recovered, onKey, source);
        chars.flush();
        return n;
    }

    /** {@code bytes}, when not null, is the stream under {@code out}, for the JSONL writer. */
    private static long[] write(Hive hive, Key start, OutputFormat format, Writer out, java.io.OutputStream bytes,
                                List<org.patchlens.hive.DeletedRecords.Item> recovered, Consumer<Key> onKey)
            throws IOException {
        return write(hive, start, format, out, bytes, recovered, onKey, null);
    }

    private static long[] write(Hive hive, Key start, OutputFormat format, Writer out, java.io.OutputStream bytes,
                                List<org.patchlens.hive.DeletedRecords.Item> recovered, Consumer<Key> onKey,
                                String source) throws IOException {
        if (recovered != null && format == OutputFormat.LISTING) {
            throw new IllegalArgumentException("the listing format has no place for recovered records");
        }
        Iterable<Key> keys = () -> {
            java.util.Iterator<Key> it = hive.walk(start).iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Key next() {
                    Key k = it.next();
                    onKey.accept(k);
                    return k;
                }
            };
        };
        // A run over several hives (a source) keeps every core busy with a hive each: a writer thread per hive
        // would only take turns with the other hives' threads (on two cores, 1,000 hives took about a seventh
        // more CPU and wall time that way; docs/performance.md).
        boolean threads = source == null && ReadAhead.worthAThread(hive);
        long[] n = switch (format) {
            case JSONL -> jsonl(keys, bytes != null ? new JsonLine(bytes) : new JsonLine(out), threads, source);
            case CSV -> csv(keys, out, recovered, threads, source);
            case TEXT -> text(keys, out, threads);
            case LISTING -> Listing.write(keys, out);
            default -> throw new IllegalArgumentException("hive dump does not write " + format.label());
        };
        if (recovered != null && format == OutputFormat.JSONL) {
            // Jackson for the recovered records only: JsonOut, and so Jackson, loads on first use (~25 ms of start-up)
            JsonGenerator g = JsonOut.FACTORY.createGenerator(out);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (var i : recovered) {
                DeletedWriter.json(g, i, source);
            }
            if (!recovered.isEmpty()) {
                g.writeRaw('\n');
            }
            g.flush();
        } else if (recovered != null && format == OutputFormat.TEXT) {
            out.write("\nRecovered records (deleted or unreferenced; not part of the live tree): " + recovered.size()
                    + "\n");
            for (var i : recovered) {
                out.write("    " + DeletedWriter.text(i) + "\n");
            }
            out.flush();
        }
        return n;
    }

    // the structure of a JSONL line, encoded once
    private static final byte[] SOURCE = JsonLine.ascii("{\"source\":");
    private static final byte[] SOURCE_PATH = JsonLine.ascii(",\"path\":");
    private static final byte[] PATH = JsonLine.ascii("{\"path\":");
    private static final byte[] KEY_NAME = JsonLine.ascii(",\"name\":");
    private static final byte[] LAST_WRITTEN = JsonLine.ascii(",\"lastWritten\":\"");
    private static final byte[] OFFSET = JsonLine.ascii("\",\"offset\":");
    private static final byte[] CLASS_NAME = JsonLine.ascii(",\"className\":");
    private static final byte[] VALUES = JsonLine.ascii(",\"values\":[");
    private static final byte[] FIRST_VALUE = JsonLine.ascii("{\"name\":");
    private static final byte[] NEXT_VALUE = JsonLine.ascii(",{\"name\":");
    private static final byte[] TYPE = JsonLine.ascii(",\"type\":");
    private static final byte[] TYPE_CODE = JsonLine.ascii(",\"typeCode\":");
    private static final byte[] SIZE = JsonLine.ascii(",\"size\":");
    private static final byte[] HEX_FIELD = JsonLine.ascii(",\"hex\":");
    private static final byte[] VALUE = JsonLine.ascii(",\"value\":");
    private static final byte[] ANOMALIES = JsonLine.ascii(",\"anomalies\":[");
    private static final byte[] END_KEY = JsonLine.ascii("]}");
    /** "type" as a JSON string for codes 0 to 11, by code (others are written as their decimal code). */
    private static final byte[][] TYPE_NAMES = new byte[12][];

    static {
        for (int c = 0; c < TYPE_NAMES.length; c++) {
            TYPE_NAMES[c] = JsonLine.ascii('"' + ValueType.name(c) + '"');
        }
    }

    private static long[] jsonl(Iterable<Key> walk, JsonLine j, boolean threads, String source) throws IOException {
        long[] n = new long[2];
        // every line starts alike: encoded once ({"source":"...","path": or {"path":)
        byte[] start = source == null ? PATH : JsonLine.concat(SOURCE, JsonLine.encoded(source), SOURCE_PATH);
        ReadAhead.run(walk, threads, it -> {
            Key k = it.key();
            if (n[0]++ > 0) {
                j.raw('\n');
            }
            j.raw(start);
            j.string(k.path())
                    .raw(KEY_NAME).string(k.name())
                    .raw(LAST_WRITTEN).fileTime(k.lastWrittenRaw())
                    .raw(OFFSET).number(k.fileOffset())
                    .raw(CLASS_NAME).string(it.className())
                    .raw(VALUES);
            List<Value> vs = it.values();
            for (int i = 0; i < vs.size(); i++) {
                n[1]++;
                Value v = vs.get(i);
                byte[] data = it.data().get(i);
                j.raw(i == 0 ? FIRST_VALUE : NEXT_VALUE).string(v.name())
                        .raw(TYPE);
                long code = v.typeCode();
                if (code >= 0 && code < TYPE_NAMES.length) {
                    j.raw(TYPE_NAMES[(int) code]);
                } else {
                    j.string(ValueType.name(code));
                }
                j.raw(TYPE_CODE).number(code)
                        .raw(SIZE).number(data.length)
                        .raw(HEX_FIELD).hex(data)
                        .raw(VALUE);
                DecodedValue d = v.decoded(data);
                switch (d.kind()) {
                    case STRING -> j.string(d.text());
                    case MULTI_STRING -> {
                        j.raw('[');
                        for (int s = 0; s < d.strings().size(); s++) {
                            if (s > 0) {
                                j.raw(',');
                            }
                            j.string(d.strings().get(s));
                        }
                        j.raw(']');
                    }
                    case NUMBER -> j.unsigned(d.number());
                    case BINARY -> j.hexAgain(data); // the same digits as "hex"
                }
                List<String> odd = d.anomalies();
                if (!odd.isEmpty()) {
                    j.raw(ANOMALIES);
                    for (int a = 0; a < odd.size(); a++) {
                        if (a > 0) {
                            j.raw(',');
                        }
                        j.string(odd.get(a));
                    }
                    j.raw(']');
                }
                j.raw('}');
            }
            j.raw(END_KEY);
        });
        j.raw('\n');
        j.flush();
        return n;
    }

    private static long[] csv(Iterable<Key> walk, Writer out, List<org.patchlens.hive.DeletedRecords.Item> recovered,
                              boolean threads, String source)
            throws IOException {
        List<String> header = new java.util.ArrayList<>(CSV_HEADER);
        if (recovered != null) {
            header.add("recovered");
        }
        if (source != null) {
            header.add(0, "source");
        }
        Csv p = new Csv(out, header);
        String live = recovered != null ? "" : null;
        long[] n = new long[2];
        ReadAhead.run(walk, threads, it -> {
            Key k = it.key();
            n[0]++;
            String cls = it.className();
            String time = FileTime.iso(k.lastWrittenRaw());
            List<Value> vs = it.values();
            if (vs.isEmpty()) {
                row(p, source, live, k.path(), time, k.fileOffset(), cls == null ? "" : cls, "", "", "", "", "", "", "");
            }
            for (int i = 0; i < vs.size(); i++) {
                n[1]++;
                Value v = vs.get(i);
                byte[] data = it.data().get(i);
                DecodedValue d = v.decoded(data);
                row(p, source, live, k.path(), time, k.fileOffset(), cls == null ? "" : cls, v.name(),
                        ValueType.name(v.typeCode()), v.typeCode(), data.length, HEX.formatHex(data), d.render(data),
                        String.join("; ", d.anomalies()));
            }
        });
        if (recovered != null) {
            for (var i : recovered) {
                if (i.isKey()) {
                    row(p, source, i.label(), i.path(), FileTime.iso(i.lastWritten()), i.fileOffset(), "", "", "", "", "", "", "",
                            "");
                } else {
                    DecodedValue d = DecodedValue.decode(i.typeCode(), i.data());
                    row(p, source, i.label(), i.path(), "", i.fileOffset(), "", i.name(), ValueType.name(i.typeCode()),
                            i.typeCode(), i.data().length, HEX.formatHex(i.data()), d.render(i.data()),
                            String.join("; ", d.anomalies()));
                }
            }
        }
        p.flush();
        return n;
    }

    /** One row: the source first when there is one (a run over several hives), the recovered label last. */
    private static void row(Csv p, String source, String recovered, Object... cols) throws IOException {
        if (recovered == null && source == null) {
            p.printRecord(cols);
            return;
        }
        int from = source == null ? 0 : 1;
        Object[] all = new Object[cols.length + from + (recovered == null ? 0 : 1)];
        if (source != null) {
            all[0] = source;
        }
        System.arraycopy(cols, 0, all, from, cols.length);
        if (recovered != null) {
            all[all.length - 1] = recovered;
        }
        p.printRecord(all);
    }

    private static long[] text(Iterable<Key> walk, Writer out, boolean threads) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        long[] n = new long[2];
        ReadAhead.run(walk, threads, it -> {
            Key k = it.key();
            n[0]++;
            sb.setLength(0);
            sb.append(Printable.of(k.path())).append("  [").append(FileTime.iso(k.lastWrittenRaw())).append(']');
            String cls = it.className();
            if (cls != null) {
                sb.append("  class=\"").append(Printable.of(cls)).append('"');
            }
            sb.append('\n');
            out.append(sb);
            for (int i = 0; i < it.values().size(); i++) {
                n[1]++;
                // one value at a time: a key may hold thousands of large values
                out.append("    ").append(valueLine(it.values().get(i), it.data().get(i))).append('\n');
            }
        });
        out.flush();
        return n;
    }

    /** {@code Name  REG_TYPE  rendering}, escaping control characters so one value is one line. */
    public static String valueLine(Value v) {
        return valueLine(v, v.data());
    }

    /** As {@link #valueLine(Value)}, with the value's data as already read. */
    static String valueLine(Value v, byte[] data) {
        return valueLine(v.name(), v.typeCode(), data, v.decoded(data));
    }

    /** As {@link #valueLine(Value)}, for a value given by its parts (a recovered record, a search hit). */
    public static String valueLine(String name, long typeCode, byte[] data, DecodedValue d) {
        StringBuilder sb = new StringBuilder();
        sb.append(name.isEmpty() ? "(default)" : Printable.of(name)).append("  ")
                .append(ValueType.name(typeCode)).append("  ");
        switch (d.kind()) {
            case STRING -> sb.append('"').append(Printable.of(d.text())).append('"');
            case MULTI_STRING -> {
                sb.append('[');
                for (int i = 0; i < d.strings().size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append('"').append(Printable.of(d.strings().get(i))).append('"');
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

}
