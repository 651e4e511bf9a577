package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.patchlens.hive.AlternateHive;
import org.patchlens.hive.Damage;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.HiveStats;
import org.patchlens.hive.ReplayLedger;

/** {@code hive info}: base block fields, verdicts, statistics and damage of a hive, as text or JSON. */
public final class HiveInfoWriter {
    private HiveInfoWriter() {
    }

    /**
     * What {@code hive info} shows: the hive as read (its logs replayed or not), its statistics, why its root key
     * cannot be read (null when it can: then no key or value is counted), the file's size on disk and SHA-256,
     * why log recovery failed (null if it did not), whether logs were left out (--no-logs), and the comparison
     * with {@code FILE.alt} (null when there is none).
     */
    public record Facts(Hive hive, HiveStats stats, Damage unreadableRoot, long sizeOnDisk, String sha256,
                        String recoveryFailure, boolean logsNotUsed, AlternateHive alternate) {
        /** The hive's damage, then the unreadable root key if it is. */
        public List<Damage> damage() {
            List<Damage> d = new java.util.ArrayList<>(hive.damage());
            if (unreadableRoot != null) {
                d.add(unreadableRoot);
            }
            return d;
        }
    }

    /** Where a report of several comes from: the hive's path, its type, and for a user hive its user and SID. */
    public record Source(String source, String type, String user, String sid) {
    }

    public static void text(PrintWriter out, Facts f) {
        text(out, f, null);
    }

    /**
     * The text form: one "Name: value" line per field, then every damage record; with a {@code source} (a run
     * over several hives) first the lines Source, Type and, for a user hive, User and SID.
     */
    public static void text(PrintWriter out, Facts f, Source source) {
        if (source != null) {
            row(out, "Source", source.source());
            row(out, "Type", source.type());
            if (!source.user().isEmpty()) {
                row(out, "User", source.user());
            }
            if (!source.sid().isEmpty()) {
                row(out, "SID", source.sid());
            }
        }
        Hive hive = f.hive();
        HiveHeader h = hive.header();
        HiveStats s = f.stats();
        List<Damage> damage = f.damage();
        String failure = f.recoveryFailure();
        AlternateHive alt = f.alternate();
        row(out, "File", hive.name());
        long onDisk = f.sizeOnDisk();
        row(out, "Size", onDisk + " bytes" + (hive.fileSize() != onDisk ? " (replayed image: " + hive.fileSize()
                + " bytes)" : ""));
        row(out, "SHA-256", f.sha256());
        row(out, "Format version", h.version());
        row(out, "File type", h.fileType() + (h.fileType() == 0 ? " (primary)" : ""));
        row(out, "File format", Long.toString(h.fileFormat()));
        row(out, "Sequence numbers", "primary " + h.primarySequenceNumber() + ", secondary "
                + h.secondarySequenceNumber() + (h.primarySequenceNumber() == h.secondarySequenceNumber()
                ? " (equal)" : " (differ: a write did not complete)"));
        row(out, "Last written", FileTime.iso(h.lastWritten()) + " (FILETIME " + Long.toUnsignedString(h.lastWritten())
                + ")");
        if (h.firstBinTimestamp() >= 0) {
            row(out, "First bin timestamp", FileTime.iso(h.firstBinTimestamp()) + " (FILETIME "
                    + Long.toUnsignedString(h.firstBinTimestamp()) + ")");
        }
        row(out, "Root cell offset", String.format("0x%X", h.rootCellOffset()));
        row(out, "Hive bins data size", h.hiveBinsDataSize() + " bytes");
        row(out, "Clustering factor", Long.toString(h.clusteringFactor()));
        row(out, "Embedded file name", h.fileName());
        row(out, "Flags", String.format("0x%X", h.flags()));
        if ("\"rmtm\"".equals(h.guidSignature())) {
            row(out, "RmId / LogId / TmId", h.rmId() + " / " + h.logId() + " / " + h.tmId());
        }
        if (h.lastReorganized() != 0) {
            row(out, "Last reorganized", FileTime.iso(h.lastReorganized() & ~3L) + " (flags "
                    + (h.lastReorganized() & 3) + ")");
        }
        row(out, "Offline registry", h.offlineRegistry() ? "yes (OfRg)" : "no");
        row(out, "Checksum", String.format("stored 0x%08X, computed 0x%08X: %s", h.storedChecksum(),
                h.computedChecksum(), h.checksumValid() ? "valid" : "INVALID"));
        ReplayLedger l = hive.replay().orElse(null);
        if (l == null) {
            row(out, "Dirty", h.dirty() ? "YES (" + (h.checksumValid() ? "sequence numbers differ"
                    : "bad checksum") + "; transaction logs would be replayed by Windows)" : "no");
            row(out, "Transaction logs", failure != null ? "recovery FAILED: " + failure
                    : f.logsNotUsed() ? "not used (--no-logs): the hive as found" : "none beside the hive");
        } else {
            row(out, "Dirty", l.dirty() ? "YES as found (" + String.join("; ", l.dirtyReasons()) + ")" : "no");
            for (String st : l.staleReasons()) {
                row(out, "Stale", st);
            }
            for (ReplayLedger.LogRecord r : l.logs()) {
                row(out, "Transaction log", r.file() + " (" + r.slot() + ", " + r.format() + " format): "
                        + (r.verdict().equals("usable") ? "" : r.verdict() + "; ") + r.role()
                        + (r.otherHive().isEmpty() ? "" : "; ANOTHER HIVE'S: " + r.otherHive()));
            }
            row(out, "Replay", l.outcome() + ": " + l.result());
            row(out, "View", l.outcome() == ReplayLedger.Outcome.APPLIED ? "replayed in memory (base block from "
                    + l.baseBlockSource() + "; the header fields above are the recovered ones)" : "the file as found");
            for (String n : l.notes()) {
                row(out, "Replay note", n);
            }
        }
        if (alt != null) {
            row(out, "Alternate hive", alt.summary());
        }
        if (f.unreadableRoot() != null) {
            row(out, "Root key", "UNREADABLE (see Damage): no key or value can be read");
        } else {
            row(out, "Keys", Long.toString(s.keys()));
            row(out, "Values", Long.toString(s.values()));
            row(out, "Value data", s.valueDataBytes() + " bytes");
            row(out, "Deepest key level", Integer.toString(s.maxDepth()));
        }
        row(out, "Hive bins", Integer.toString(s.bins()));
        row(out, "Cells", Integer.toString(s.cells()));
        row(out, "Allocated cells", s.allocatedBytes() + " bytes");
        row(out, "Free cells", s.freeBytes() + " bytes");
        row(out, "Damage", damage.isEmpty() ? "none" : damage.size() + " problems (unreadable structures skipped; the rest was read)");
        for (Damage d : damage) {
            out.println("  " + Printable.of(d.toString()));
        }
    }

    /** One "Name: value" line; the value (file names, the embedded name) may come from the evidence: controls escaped. */
    private static void row(PrintWriter out, String name, String value) {
        out.printf("%-22s%s%n", name + ":", Printable.of(value));
    }

    public static void json(PrintWriter out, Facts f) throws IOException {
        json(out, f, null);
    }

    /**
     * The JSON form: one document with every field (docs/hive-formats.md); with a {@code source} (a run over
     * several hives) it starts with "source", "type", "user" and "sid".
     */
    public static void json(PrintWriter out, Facts f, Source source) throws IOException {
        Hive hive = f.hive();
        HiveHeader h = hive.header();
        HiveStats s = f.stats();
        List<Damage> damage = f.damage();
        String failure = f.recoveryFailure();
        AlternateHive alt = f.alternate();
        String sha = f.sha256();
        JsonGenerator g = JsonOut.FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        g.writeStartObject();
        if (source != null) {
            g.writeStringField("source", source.source());
            g.writeStringField("type", source.type());
            g.writeStringField("user", source.user());
            g.writeStringField("sid", source.sid());
        }
        g.writeStringField("file", hive.name());
        g.writeNumberField("size", hive.fileSize());
        g.writeStringField("sha256", sha);
        g.writeObjectFieldStart("header");
        g.writeNumberField("primarySequenceNumber", h.primarySequenceNumber());
        g.writeNumberField("secondarySequenceNumber", h.secondarySequenceNumber());
        g.writeStringField("lastWritten", FileTime.iso(h.lastWritten()));
        g.writeNumberField("lastWrittenRaw", h.lastWritten());
        g.writeNumberField("majorVersion", h.majorVersion());
        g.writeNumberField("minorVersion", h.minorVersion());
        g.writeNumberField("fileType", h.fileType());
        g.writeNumberField("fileFormat", h.fileFormat());
        g.writeNumberField("rootCellOffset", h.rootCellOffset());
        g.writeNumberField("hiveBinsDataSize", h.hiveBinsDataSize());
        g.writeNumberField("clusteringFactor", h.clusteringFactor());
        g.writeStringField("fileName", h.fileName());
        g.writeNumberField("flags", h.flags());
        g.writeStringField("rmId", h.rmId());
        g.writeStringField("logId", h.logId());
        g.writeStringField("tmId", h.tmId());
        g.writeNumberField("lastReorganizedRaw", h.lastReorganized());
        g.writeBooleanField("offlineRegistry", h.offlineRegistry());
        g.writeNumberField("storedChecksum", h.storedChecksum());
        g.writeNumberField("computedChecksum", h.computedChecksum());
        g.writeNumberField("bootType", h.bootType());
        g.writeNumberField("bootRecover", h.bootRecover());
        g.writeNumberField("firstBinTimestampRaw", h.firstBinTimestamp());
        g.writeEndObject();
        g.writeBooleanField("checksumValid", h.checksumValid());
        g.writeBooleanField("rootReadable", f.unreadableRoot() == null);
        ReplayLedger l = hive.replay().orElse(null);
        g.writeBooleanField("dirty", l != null ? l.dirty() : h.dirty());
        g.writeObjectFieldStart("replay");
        g.writeStringField("outcome", failure != null ? "FAILED" : l != null ? l.outcome().name()
                : f.logsNotUsed() ? "NOT_USED" : h.dirty() ? "NO_LOGS" : "CLEAN");
        g.writeStringField("result", failure != null ? failure : l != null ? l.result() : "");
        g.writeArrayFieldStart("dirtyReasons");
        if (l != null) {
            for (String r : l.dirtyReasons()) {
                g.writeString(r);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("staleReasons");
        if (l != null) {
            for (String r : l.staleReasons()) {
                g.writeString(r);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("logs");
        if (l != null) {
            for (ReplayLedger.LogRecord r : l.logs()) {
                g.writeStartObject();
                g.writeStringField("file", r.file());
                g.writeStringField("slot", r.slot());
                g.writeStringField("format", r.format());
                g.writeStringField("verdict", r.verdict());
                g.writeStringField("role", r.role());
                g.writeStringField("otherHive", r.otherHive());
                g.writeBooleanField("applied", r.applied());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        if (alt != null) {
            g.writeObjectFieldStart("alternate");
            g.writeStringField("file", alt.alternate().toString());
            g.writeNumberField("differences", alt.differences());
            g.writeStringField("verdict", alt.verdict());
            g.writeStringField("summary", alt.summary());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("statistics");
        g.writeNumberField("keys", s.keys());
        g.writeNumberField("values", s.values());
        g.writeNumberField("valueDataBytes", s.valueDataBytes());
        g.writeNumberField("maxDepth", s.maxDepth());
        g.writeNumberField("bins", s.bins());
        g.writeNumberField("cells", s.cells());
        g.writeNumberField("allocatedBytes", s.allocatedBytes());
        g.writeNumberField("freeBytes", s.freeBytes());
        g.writeEndObject();
        g.writeArrayFieldStart("damage");
        for (Damage d : damage) {
            g.writeStartObject();
            g.writeNumberField("offset", d.fileOffset());
            g.writeStringField("keyPath", d.keyPath());
            g.writeStringField("reason", d.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.println();
    }
}
