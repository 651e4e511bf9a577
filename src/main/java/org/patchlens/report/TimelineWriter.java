package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.patchlens.hive.FileTime;

/**
 * Writes a key timeline (keys by last-written time) as text, CSV, JSONL, a body file or Timesketch JSONL
 * (docs/hive-formats.md).
 */
public final class TimelineWriter {
    /** One key of the timeline. */
    public record Entry(long time, String path, long subkeys, long values, long offset, String source) {
        /** A key of a timeline of one hive (no source field or column). */
        public Entry(long time, String path, long subkeys, long values, long offset) {
            this(time, path, subkeys, values, offset, null);
        }
    }

    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.CSV, OutputFormat.JSONL,
            OutputFormat.BODYFILE, OutputFormat.TIMESKETCH);

    public static final List<String> CSV_HEADER = List.of("lastWritten", "lastWrittenRaw", "path", "subkeys", "values");

    private TimelineWriter() {
    }

    /**
     * Writes the entries of the hive {@code hive} (its file as named: the body file and Timesketch events name it).
     * When an entry has a source (a timeline of several hives) that names its hive instead, JSONL records start
     * with a "source" field, CSV rows with a "source" column, and text lines end with {@code  (SOURCE)}.
     */
    public static void write(String hive, List<Entry> entries, OutputFormat format, Writer w) throws IOException {
        boolean sourced = entries.stream().anyMatch(e -> e.source() != null);
        switch (format) {
            case BODYFILE -> {
                for (Entry e : entries) {
                    TimeEvents.bodyfile(w, hiveOf(hive, e) + ":" + e.path(), e.offset(), e.time());
                }
            }
            case TIMESKETCH -> {
                JsonGenerator g = JsonOut.FACTORY.createGenerator(w);
                g.setRootValueSeparator(null);
                for (Entry e : entries) {
                    TimeEvents.timesketchStart(g, hiveOf(hive, e) + ":" + e.path(), e.time(),
                            TimeEvents.KEY_LAST_WRITTEN);
                    g.writeStringField("hive", hiveOf(hive, e));
                    g.writeStringField("path", e.path());
                    g.writeStringField("lastWritten", FileTime.iso(e.time()));
                    g.writeNumberField("offset", e.offset());
                    g.writeNumberField("subkeys", e.subkeys());
                    g.writeNumberField("values", e.values());
                    g.writeEndObject();
                    g.flush();
                    w.write('\n');
                }
            }
            case TEXT -> {
                for (Entry e : entries) {
                    w.write(FileTime.iso(e.time()) + "  " + Printable.of(e.path())
                            + (e.source() == null ? "" : "  (" + Printable.of(e.source()) + ")") + "\n");
                }
            }
            case CSV -> {
                List<String> header = new java.util.ArrayList<>(CSV_HEADER);
                if (sourced) {
                    header.add(0, "source");
                }
                Csv p = new Csv(w, header);
                for (Entry e : entries) {
                    if (sourced) {
                        p.printRecord(e.source(), FileTime.iso(e.time()), Long.toUnsignedString(e.time()), e.path(),
                                e.subkeys(), e.values());
                    } else {
                        p.printRecord(FileTime.iso(e.time()), Long.toUnsignedString(e.time()), e.path(), e.subkeys(),
                                e.values());
                    }
                }
                p.flush();
            }
            case JSONL -> {
                JsonGenerator g = JsonOut.FACTORY.createGenerator(w);
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                for (Entry e : entries) {
                    g.writeStartObject();
                    if (e.source() != null) {
                        g.writeStringField("source", e.source());
                    }
                    g.writeStringField("lastWritten", FileTime.iso(e.time()));
                    g.writeStringField("path", e.path());
                    g.writeNumberField("subkeys", e.subkeys());
                    g.writeNumberField("values", e.values());
                    g.writeEndObject();
                }
                if (!entries.isEmpty()) {
                    g.writeRaw('\n');
                }
                g.flush();
            }
            default -> throw new IllegalArgumentException("timeline format " + format);
        }
        w.flush();
    }

    private static String hiveOf(String hive, Entry e) {
        return e.source() != null ? e.source() : hive;
    }
}
