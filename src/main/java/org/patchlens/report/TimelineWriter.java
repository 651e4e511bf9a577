package org.patchlens.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchlens.hive.FileTime;

/** Writes a key timeline (keys by last-written time) as text, CSV or JSONL (docs/hive-formats.md). */
public final class TimelineWriter {
    /** One key of the timeline. */
    public record Entry(long time, String path, long subkeys, long values, String source) {
        /** A key of a timeline of one hive (no source field or column). */
        public Entry(long time, String path, long subkeys, long values) {
            this(time, path, subkeys, values, null);
        }
    }

    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.CSV, OutputFormat.JSONL);

    public static final List<String> CSV_HEADER = List.of("lastWritten", "lastWrittenRaw", "path", "subkeys", "values");

    private TimelineWriter() {
    }

    /**
     * Writes the entries; when any has a source (a timeline of several hives), JSONL records start with a
     * "source" field, CSV rows with a "source" column, and text lines end with {@code  (SOURCE)}.
     */
    public static void write(List<Entry> entries, OutputFormat format, Writer w) throws IOException {
        boolean sourced = entries.stream().anyMatch(e -> e.source() != null);
        switch (format) {
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
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                        .setHeader(header.toArray(String[]::new)).get());
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
                JsonGenerator g = new JsonFactory().createGenerator(w);
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
}
