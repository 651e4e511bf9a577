package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.LogHistory.Data;
import org.patchlens.hive.LogHistory.Entry;
import org.patchlens.hive.LogHistory.History;
import org.patchlens.hive.LogHistory.Item;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.hive.ValueType;

/**
 * Writes the history of a dirty hive's transaction logs ({@code hive history}; docs/replay.md, "History"):
 * the log entries with the state each made, then every key and value that changes, with its states in
 * sequence order. Text (default), JSONL (a {@code hive} record, {@code entry} records, {@code change}
 * records) or CSV ({@code entry} and {@code change} rows under one header).
 */
public final class HistoryWriter {
    /** The formats it writes, the default first. */
    public static final List<OutputFormat> FORMATS = List.of(OutputFormat.TEXT, OutputFormat.JSONL, OutputFormat.CSV);

    public static final List<String> CSV_HEADER = List.of("record", "state", "log", "logOffset", "sequence", "hash",
            "applied", "reason", "changes", "note", "change", "object", "path", "valueName", "lastWritten",
            "lastWrittenBefore", "detail", "beforeType", "beforeHex", "beforeValue", "afterType", "afterHex",
            "afterValue");

    private static final HexFormat HEX = HexFormat.of();

    private HistoryWriter() {
    }

    public static void write(History h, OutputFormat format, Writer w) throws IOException {
        switch (format) {
            case TEXT -> text(h, w);
            case JSONL -> jsonl(h, w);
            case CSV -> csv(h, w);
            default -> throw new IllegalArgumentException("hive history does not write " + format.label());
        }
        w.flush();
    }

    // ------------------------------------------------------------------ text

    private static void text(History h, Writer w) throws IOException {
        ReplayLedger l = h.ledger();
        w.write("hive:    " + Printable.of(h.hive()) + "\n");
        if (h.keyPath() != null) {
            w.write("path:    " + Printable.of(h.keyPath()) + "\n");
        }
        w.write("dirty:   " + (l.dirty() ? "yes: " + Printable.of(String.join("; ", l.dirtyReasons())) : "no") + "\n");
        w.write("replay:  " + l.outcome() + ": " + Printable.of(l.result()) + "\n");
        w.write("states:  " + states(h) + "\n");
        for (String n : h.notes()) {
            w.write("note:    " + Printable.of(n) + "\n");
        }
        for (String d : h.damage()) {
            w.write("damage:  " + Printable.of(d) + "\n");
        }
        if (h.stopped() != null) {
            w.write("stopped: " + Printable.of(h.stopped()) + "\n");
        }
        if (!h.entries().isEmpty()) {
            w.write("\nentries:\n");
            for (Entry e : h.entries()) {
                w.write("  " + pad(e.state() > 0 ? "state " + e.state() : "-", 10)
                        + pad(e.sequence() >= 0 ? "seq " + e.sequence() : "", 15) + Printable.of(e.log())
                        + String.format(" @0x%X", e.logOffset()) + "  hash " + Printable.of(e.hash()) + ": "
                        + (e.applied() ? e.changes() < 0 ? "applied, not compared" : "applied, " + e.changes()
                        + " change" + (e.changes() == 1 ? "" : "s") : Printable.of(e.reason()))
                        + (e.note().isEmpty() ? "" : "\n" + " ".repeat(12) + "(" + Printable.of(e.note()) + ")") + "\n");
            }
        }
        if (!h.items().isEmpty()) {
            w.write("\nchanges (state 0 is the hive as found):\n");
            Item last = null;
            for (Item i : h.items()) {
                if (last == null || !same(last, i)) {
                    w.write((i.isKey() ? "key   " + Printable.of(i.path()) : "value " + Printable.of(i.path()) + " : "
                            + name(i.valueName())) + "\n");
                }
                w.write("  " + pad("state " + i.state(), 10) + pad("seq " + i.sequence(), 15) + what(i)
                        + (i.lastWritten() >= 0 ? "  [key last written " + FileTime.iso(i.lastWritten()) + "]" : "")
                        + "\n");
                last = i;
            }
        }
    }

    /** "14 from the logs (state 0 is the hive as found, state 14 the replayed hive): 57 changes to 33 keys and values". */
    private static String states(History h) {
        if (h.states() == 0) {
            return "none: " + (h.ledger().outcome() == ReplayLedger.Outcome.CLEAN
                    ? "the hive is clean (logs are replayed only into a dirty hive)" : "no log entry was applied");
        }
        long touched = h.itemsTouched();
        return h.states() + " after the hive as found (state 0; state " + h.states() + " is the replayed hive): "
                + h.items().size() + " change" + (h.items().size() == 1 ? "" : "s") + " to " + touched + " key"
                + (touched == 1 ? "" : "s") + " and values";
    }

    private static boolean same(Item a, Item b) {
        return a.isKey() == b.isKey() && a.path().equals(b.path())
                && (a.isKey() || a.valueName().equals(b.valueName()));
    }

    private static String what(Item i) {
        String c = i.change().name().toLowerCase(Locale.ROOT);
        if (i.isKey()) {
            return c + (i.detail().isEmpty() ? "" : ": " + Printable.of(i.detail()));
        }
        return switch (i.change()) {
            case ADDED -> c + "  " + shown(i.after());
            case DELETED -> c + "  (was " + shown(i.before()) + ")";
            case CHANGED -> c + "  " + shown(i.before()) + "  ->  " + shown(i.after());
        };
    }

    private static String name(String valueName) {
        return valueName.isEmpty() ? "(default)" : Printable.of(valueName);
    }

    /** {@code REG_TYPE "text"}, escaped so that one value stays on one line. */
    static String shown(Data d) {
        StringBuilder sb = new StringBuilder(ValueType.name(d.typeCode())).append(' ');
        DecodedValue v = decode(d);
        if (v == null) {
            return sb.append(HEX.formatHex(d.bytes())).toString();
        }
        switch (v.kind()) {
            case STRING -> sb.append('"').append(Printable.of(v.text())).append('"');
            case MULTI_STRING -> {
                sb.append('[');
                for (int k = 0; k < v.strings().size(); k++) {
                    sb.append(k == 0 ? "" : ", ").append('"').append(Printable.of(v.strings().get(k))).append('"');
                }
                sb.append(']');
            }
            default -> sb.append(Printable.of(v.render(d.bytes())));
        }
        if (!v.anomalies().isEmpty()) {
            sb.append("  (").append(Printable.of(String.join("; ", v.anomalies()))).append(')');
        }
        return sb.toString();
    }

    private static DecodedValue decode(Data d) {
        try {
            return DecodedValue.decode(d.typeCode(), d.bytes());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String rendered(Data d) {
        DecodedValue v = decode(d);
        return v == null ? HEX.formatHex(d.bytes()) : v.render(d.bytes());
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
    }

    // ------------------------------------------------------------------ jsonl

    private static void jsonl(History h, Writer w) throws IOException {
        JsonGenerator g = JsonOut.FACTORY.createGenerator(w);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        ReplayLedger l = h.ledger();
        g.writeStartObject();
        g.writeStringField("record", "hive");
        g.writeStringField("file", h.hive());
        g.writeStringField("path", h.keyPath());
        g.writeBooleanField("dirty", l.dirty());
        strings(g, "dirtyReasons", l.dirtyReasons());
        g.writeStringField("outcome", l.outcome().name());
        g.writeStringField("result", l.result());
        g.writeNumberField("states", h.states());
        g.writeNumberField("changes", h.items().size());
        g.writeNumberField("itemsTouched", h.itemsTouched());
        g.writeBooleanField("complete", h.stopped() == null);
        g.writeStringField("stopped", h.stopped());
        strings(g, "notes", h.notes());
        strings(g, "damage", h.damage());
        g.writeEndObject();
        for (Entry e : h.entries()) {
            g.writeStartObject();
            g.writeStringField("record", "entry");
            g.writeStringField("log", e.log());
            g.writeStringField("format", e.format());
            g.writeNumberField("logOffset", e.logOffset());
            g.writeNumberField("sequence", e.sequence());
            g.writeStringField("hash", e.hash());
            g.writeBooleanField("applied", e.applied());
            g.writeStringField("reason", e.reason());
            if (e.state() > 0) {
                g.writeNumberField("state", e.state());
            } else {
                g.writeNullField("state");
            }
            if (e.changes() >= 0) {
                g.writeNumberField("changes", e.changes());
            } else {
                g.writeNullField("changes");
            }
            g.writeStringField("note", e.note());
            g.writeEndObject();
        }
        for (Item i : h.items()) {
            g.writeStartObject();
            g.writeStringField("record", "change");
            g.writeNumberField("state", i.state());
            g.writeStringField("log", i.log());
            g.writeNumberField("logOffset", i.logOffset());
            g.writeNumberField("sequence", i.sequence());
            g.writeStringField("change", i.change().name().toLowerCase(Locale.ROOT));
            g.writeStringField("object", i.isKey() ? "key" : "value");
            g.writeStringField("path", i.path());
            if (!i.isKey()) {
                g.writeStringField("valueName", i.valueName());
            }
            g.writeStringField("lastWritten", time(i.lastWritten()));
            g.writeStringField("lastWrittenBefore", time(i.lastWrittenBefore()));
            g.writeStringField("detail", i.detail());
            if (!i.isKey()) {
                side(g, "before", i.before());
                side(g, "after", i.after());
            }
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }

    private static void strings(JsonGenerator g, String name, List<String> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void side(JsonGenerator g, String name, Data d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("type", ValueType.name(d.typeCode()));
        g.writeNumberField("typeCode", d.typeCode());
        g.writeNumberField("size", d.bytes().length);
        g.writeStringField("hex", HEX.formatHex(d.bytes()));
        g.writeStringField("value", rendered(d));
        g.writeEndObject();
    }

    private static String time(long t) {
        return t < 0 ? null : FileTime.iso(t);
    }

    // ------------------------------------------------------------------ csv

    private static void csv(History h, Writer w) throws IOException {
        Csv p = new Csv(w, CSV_HEADER);
        for (Entry e : h.entries()) {
            p.printRecord("entry", e.state() > 0 ? Integer.toString(e.state()) : "", e.log(), e.logOffset(),
                    e.sequence(), e.hash(), e.applied(), e.reason(), e.changes() >= 0 ? Long.toString(e.changes()) : "",
                    e.note(), "", "", "", "", "", "", "", "", "", "", "", "", "");
        }
        for (Item i : h.items()) {
            p.printRecord("change", i.state(), i.log(), i.logOffset(), i.sequence(), "", "", "", "", "",
                    i.change().name().toLowerCase(Locale.ROOT), i.isKey() ? "key" : "value", i.path(),
                    i.isKey() ? "" : i.valueName(), orEmpty(time(i.lastWritten())),
                    orEmpty(time(i.lastWrittenBefore())), i.detail(), type(i.before()), hex(i.before()),
                    value(i.before()), type(i.after()), hex(i.after()), value(i.after()));
        }
        p.flush();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String type(Data d) {
        return d == null ? "" : ValueType.name(d.typeCode());
    }

    private static String hex(Data d) {
        return d == null ? "" : HEX.formatHex(d.bytes());
    }

    private static String value(Data d) {
        return d == null ? "" : rendered(d);
    }
}
