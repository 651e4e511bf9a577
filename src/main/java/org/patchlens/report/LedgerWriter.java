package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.hive.ReplayLedger.EntryRecord;
import org.patchlens.hive.ReplayLedger.LogRecord;

/** Writes a replay ledger as text or JSONL (one object per hive, log, entry and result; docs/replay.md). */
public final class LedgerWriter {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.JSONL);

    private LedgerWriter() {
    }

    public static void write(ReplayLedger l, OutputFormat format, Writer w) throws IOException {
        if (format == OutputFormat.TEXT) {
            text(l, w);
        } else if (format == OutputFormat.JSONL) {
            jsonl(l, w);
        } else {
            throw new IllegalArgumentException("the replay ledger is not written as " + format.label());
        }
        w.flush();
    }

    /** Every line through {@link Printable#of}: file names, reasons and notes can carry evidence text. */
    private static void text(ReplayLedger l, Writer w) throws IOException {
        line(w, "hive:    " + l.hive());
        line(w, "dirty:   " + (l.dirty() ? "yes: " + String.join("; ", l.dirtyReasons()) : "no"));
        for (String s : l.staleReasons()) {
            line(w, "stale:   " + s);
        }
        if (l.logs().isEmpty()) {
            line(w, "logs:    none");
        }
        for (LogRecord r : l.logs()) {
            StringBuilder sb = new StringBuilder("log:     " + r.file() + " (" + r.slot() + ", " + r.format()
                    + " format, " + r.size() + " bytes");
            if (r.primarySequence() >= 0) {
                sb.append(", header sequence " + r.primarySequence() + "/" + r.secondarySequence() + ", last written "
                        + FileTime.iso(r.lastWritten()) + ", hive bins data size " + r.hiveBinsDataSize());
            }
            line(w, sb.append(')').toString());
            line(w, "  verdict: " + r.verdict());
            if (!r.otherHive().isEmpty()) {
                line(w, "  ANOTHER HIVE'S: " + r.otherHive());
            }
            line(w, "  role:    " + r.role());
            for (EntryRecord e : r.entries()) {
                line(w, "  entry   " + entryText(e));
            }
        }
        line(w, "result:  " + l.outcome() + ": " + l.result());
        if (l.sequenceNumber() >= 0) {
            line(w, "recovered base block: from " + l.baseBlockSource() + "; sequence numbers " + l.sequenceNumber()
                    + "/" + l.sequenceNumber() + "; hive bins data size " + l.hiveBinsDataSize() + "; file type 0");
        }
        for (String n : l.notes()) {
            line(w, "note:    " + n);
        }
    }

    private static void line(Writer w, String text) throws IOException {
        w.write(Printable.of(text));
        w.write('\n');
    }

    /** {@code @0x200 seq 2 size 24064 bins 20480 hash ok pages 0x0+0x5000: applied}. */
    public static String entryText(EntryRecord e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("@0x%X", e.logOffset()));
        if (e.sequence() >= 0) {
            sb.append(" seq ").append(e.sequence());
        }
        if (e.size() >= 0) {
            sb.append(" size ").append(e.size());
        }
        if (e.hiveBinsDataSize() >= 0) {
            sb.append(" bins ").append(e.hiveBinsDataSize());
        }
        sb.append(" hash ").append(e.hash());
        if (!e.targets().isEmpty()) {
            List<String> t = e.targets().stream().limit(16).map(Object::toString).collect(Collectors.toList());
            sb.append(" pages ").append(String.join(",", t));
            if (e.targets().size() > 16) {
                sb.append(",... (").append(e.targets().size()).append(" ranges)");
            }
        }
        sb.append(": ").append(e.reason());
        return sb.toString();
    }

    private static void jsonl(ReplayLedger l, Writer w) throws IOException {
        JsonGenerator g = JsonOut.FACTORY.createGenerator(w);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        g.writeStartObject();
        g.writeStringField("record", "hive");
        g.writeStringField("file", l.hive());
        g.writeBooleanField("dirty", l.dirty());
        strings(g, "dirtyReasons", l.dirtyReasons());
        strings(g, "staleReasons", l.staleReasons());
        g.writeEndObject();
        for (LogRecord r : l.logs()) {
            g.writeStartObject();
            g.writeStringField("record", "log");
            g.writeStringField("file", r.file());
            g.writeStringField("slot", r.slot());
            g.writeStringField("format", r.format());
            g.writeNumberField("size", r.size());
            g.writeNumberField("primarySequence", r.primarySequence());
            g.writeNumberField("secondarySequence", r.secondarySequence());
            g.writeNumberField("lastWrittenRaw", r.lastWritten());
            g.writeNumberField("hiveBinsDataSize", r.hiveBinsDataSize());
            g.writeStringField("verdict", r.verdict());
            g.writeStringField("role", r.role());
            g.writeStringField("otherHive", r.otherHive());
            g.writeBooleanField("applied", r.applied());
            g.writeEndObject();
            for (EntryRecord e : r.entries()) {
                g.writeStartObject();
                g.writeStringField("record", "entry");
                g.writeStringField("log", r.file());
                g.writeNumberField("logOffset", e.logOffset());
                g.writeNumberField("sequence", e.sequence());
                g.writeNumberField("size", e.size());
                g.writeNumberField("hiveBinsDataSize", e.hiveBinsDataSize());
                g.writeStringField("hash", e.hash());
                g.writeArrayFieldStart("targets");
                for (ReplayLedger.Target t : e.targets()) {
                    g.writeStartObject();
                    g.writeNumberField("offset", t.offset());
                    g.writeNumberField("size", t.size());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeBooleanField("applied", e.applied());
                g.writeStringField("reason", e.reason());
                g.writeEndObject();
            }
        }
        g.writeStartObject();
        g.writeStringField("record", "result");
        g.writeStringField("outcome", l.outcome().name());
        g.writeStringField("result", l.result());
        g.writeNumberField("sequenceNumber", l.sequenceNumber());
        g.writeNumberField("hiveBinsDataSize", l.hiveBinsDataSize());
        g.writeStringField("baseBlockSource", l.baseBlockSource());
        strings(g, "notes", l.notes());
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    private static void strings(JsonGenerator g, String name, List<String> items) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : items) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
