package org.patchlens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchlens.hive.AlternateHive;
import org.patchlens.hive.Damage;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveHeader;
import org.patchlens.hive.HiveStats;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.report.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Base block fields, checksum and dirty verdicts, statistics and damage of a hive.",
            "Every damaged structure is listed (the other commands show the first ten)."},
        footer = {"", "Examples:", "  patchlens hive info SYSTEM", "  patchlens hive info --format json NTUSER.DAT"})
final class HiveInfo implements Callable<Integer> {
    enum Format { TEXT, JSON }

    @Parameters(index = "0", paramLabel = "FILE", description = "The hive file.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @picocli.CommandLine.Mixin
    LogOptions logs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private String failure;
    private AlternateHive alt;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // the one input check before anything reads the path (a FIFO or /dev/zero would block the hash)
        String sha = org.patchlens.evidence.Hashing.sha256(org.patchlens.InputFile.check(file));
        String failure = null;
        Hive opened;
        try {
            opened = HiveSupport.open(file, logs);
        } catch (HiveException e) {
            if (!HiveSupport.isRecoveryFailure(e)) {
                throw e;
            }
            failure = e.reason();
            opened = HiveSupport.open(file);
        }
        this.failure = failure;
        this.alt = AlternateHive.compare(file);
        try (Hive hive = opened) {
            HiveHeader h = hive.header();
            HiveStats s = HiveStats.of(hive);
            List<Damage> damage = hive.damage();
            if (format == Format.JSON) {
                json(out, hive, h, s, damage, sha);
            } else {
                text(out, hive, h, s, damage, sha);
            }
            out.flush();
            if (damage.isEmpty() && failure == null) {
                return Main.OK;
            }
            // a count on stderr too, as every other hive command gives it, so scripts see it
            PrintWriter err = spec.commandLine().getErr();
            err.println("patchlens: " + Errors.flat(hive.name()) + ": " + damage.size() + " problem"
                    + (damage.size() == 1 ? "" : "s") + " in the hive" + (failure != null ? " and a failed log recovery" : "")
                    + " (listed in the output)");
            err.flush();
            return Main.FINDINGS;
        }
    }

    private void text(PrintWriter out, Hive hive, HiveHeader h, HiveStats s, List<Damage> damage, String sha)
            throws java.io.IOException {
        row(out, "File", hive.name());
        long onDisk = java.nio.file.Files.size(file);
        row(out, "Size", onDisk + " bytes" + (hive.fileSize() != onDisk ? " (replayed image: " + hive.fileSize()
                + " bytes)" : ""));
        row(out, "SHA-256", sha);
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
                    : logs.noLogs ? "not used (--no-logs): the hive as found" : "none beside the hive");
        } else {
            row(out, "Dirty", l.dirty() ? "YES as found (" + String.join("; ", l.dirtyReasons()) + ")" : "no");
            for (String st : l.staleReasons()) {
                row(out, "Stale", st);
            }
            for (ReplayLedger.LogRecord r : l.logs()) {
                row(out, "Transaction log", r.file() + " (" + r.slot() + ", " + r.format() + " format): "
                        + (r.verdict().equals("usable") ? "" : r.verdict() + "; ") + r.role());
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
        row(out, "Keys", Long.toString(s.keys()));
        row(out, "Values", Long.toString(s.values()));
        row(out, "Value data", s.valueDataBytes() + " bytes");
        row(out, "Deepest key level", Integer.toString(s.maxDepth()));
        row(out, "Hive bins", Integer.toString(s.bins()));
        row(out, "Cells", Integer.toString(s.cells()));
        row(out, "Allocated cells", s.allocatedBytes() + " bytes");
        row(out, "Free cells", s.freeBytes() + " bytes");
        row(out, "Damage", damage.isEmpty() ? "none" : damage.size() + " problems (unreadable structures skipped; the rest was read)");
        for (Damage d : damage) {
            out.println("  " + d);
        }
    }

    /** One "Name: value" line; the value (file names, the embedded name) may come from the evidence: controls escaped. */
    private static void row(PrintWriter out, String name, String value) {
        out.printf("%-22s%s%n", name + ":", Printable.of(value));
    }

    private void json(PrintWriter out, Hive hive, HiveHeader h, HiveStats s, List<Damage> damage, String sha)
            throws java.io.IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
        g.writeStartObject();
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
        ReplayLedger l = hive.replay().orElse(null);
        g.writeBooleanField("dirty", l != null ? l.dirty() : h.dirty());
        g.writeObjectFieldStart("replay");
        g.writeStringField("outcome", failure != null ? "FAILED" : l != null ? l.outcome().name()
                : logs.noLogs ? "NOT_USED" : h.dirty() ? "NO_LOGS" : "CLEAN");
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
