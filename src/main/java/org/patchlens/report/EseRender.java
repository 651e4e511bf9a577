package org.patchlens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.patchlens.ese.AttachedDatabase;
import org.patchlens.ese.BackupInfo;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.DbmsParams;
import org.patchlens.ese.HeaderCopy;
import org.patchlens.ese.ListedLog;
import org.patchlens.ese.LogChain;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.LogPosition;
import org.patchlens.ese.LogTime;
import org.patchlens.ese.Note;
import org.patchlens.ese.PatchHeader;
import org.patchlens.ese.Signature;
import org.patchlens.ese.Source;
import org.patchlens.ese.TextField;
import org.patchlens.ese.Verification;

/**
 * Text output with eseutil's labels ({@code /mh}, {@code /mk}, {@code /ml}) plus the
 * verdicts eseutil does not print, and JSON output of every record component.
 */
public final class EseRender {
    private EseRender() {
    }

    // ------------------------------------------------------------------ text helpers

    /** One "label: value" line; the value may hold text from the file (paths, names): controls escaped. */
    private static void row(PrintWriter out, String label, String value) {
        out.printf("%28s: %s%n", label, Printable.of(value));
    }

    static String t(LogTime t) {
        return t.eseutil();
    }

    static String gen(long a, long b) {
        return String.format("%d-%d (0x%x-0x%x)", a, b, a, b);
    }

    static String dbtime(long d) {
        return Long.toUnsignedString(d) + String.format(" (0x%x)", d);
    }

    private static void bk(PrintWriter out, String title, BackupInfo b) {
        out.println();
        out.println(title + ":");
        row(out, "Log Gen", gen(b.genLow(), b.genHigh()) + b.typeSuffix());
        row(out, "Mark", b.mark().eseutil());
        row(out, "Mark", t(b.markTime()));
    }

    private static void source(PrintWriter out, String file, Source source, Verification v) {
        out.println("File: " + Printable.of(String.valueOf(file)));
        out.println("Source: " + (source == Source.TEXT ? "eseutil text dump (fields as printed; no checksum verified)"
                : "binary header, fields from the " + v.used() + " copy"));
    }

    private static void copies(PrintWriter out, Verification v, String what) {
        out.println();
        out.println("Checksum verdicts:");
        copy(out, "Primary " + what, v.primary());
        copy(out, "Shadow " + what, v.shadow());
        row(out, "Page size checked", v.pageSize() + (v.pageSizeConfirmed() ? " (confirmed by checksum and header)"
                : " (NOT confirmed)"));
        row(out, "Copies", !v.shadow().present() ? "no shadow copy"
                : v.differences().isEmpty() ? "identical" : "DIFFER in " + String.join(", ", v.differences()));
        row(out, "Fields read from", v.used());
    }

    private static void copy(PrintWriter out, String label, HeaderCopy c) {
        row(out, label, c.verdict() + (c.present() ? " @" + c.offset() + ", " + c.length() + " bytes" : ""));
    }

    static void notes(PrintWriter out, List<Note> notes, List<TextField> extra) {
        if (!extra.isEmpty()) {
            out.println();
            out.println("Other eseutil lines (kept as printed):");
            for (TextField f : extra) {
                out.println(Printable.of("  line " + f.line() + ": " + (f.label().isEmpty() ? "" : f.label() + ": ")
                        + f.value()));
            }
        }
        out.println();
        out.println("Verdicts:");
        if (notes.isEmpty()) {
            out.println("  none");
        }
        for (Note n : notes) {
            out.println(Printable.of("  " + n));
        }
    }

    // ------------------------------------------------------------------ database (/mh)

    public static void database(PrintWriter out, DatabaseHeader h) {
        source(out, h.file(), h.source(), h.verification());
        out.println("Layout: " + h.profile().description());
        out.println();
        out.println("Fields:");
        row(out, "File Type", h.fileTypeName() + " (attrib " + h.attrib() + ", file type " + h.fileType() + ")");
        if (h.source() == Source.BINARY || h.checksum() != 0) {
            row(out, "Checksum", String.format("0x%x", h.checksum()));
        }
        row(out, "Format ulMagic", String.format("0x%x", h.magic()));
        DatabaseHeader.Current c = h.current();
        row(out, "Format ulVersion", String.format("0x%x,%d", h.formatVersion(), h.formatRevision())
                + (c != null ? String.format(",%d  (attached by %d)", c.formatUpdateMinor(), c.efvMaxBinAttach()) : ""));
        if (h.ese98() != null) {
            row(out, "Created ulVersion", String.format("0x%x,%d", h.ese98().createVersion(), h.ese98().createRevision()));
        }
        row(out, "DB Signature", h.dbSignature().eseutil());
        row(out, "cbDbPage", h.pageSizeRaw() + (h.pageSizeRaw() == 0 ? " (0 means 4096)" : ""));
        row(out, "dbtime", dbtime(h.dbtime()));
        row(out, "State", h.stateName() + " (" + h.state() + ")");
        if (h.hasLogRequired()) {
            row(out, "Log Required", gen(Integer.toUnsignedLong(h.genMinRequired()), Integer.toUnsignedLong(h.genMaxRequired()))
                    + (c != null ? String.format(" [Min. Req. Pre-Redo: %d (0x%x)]", c.genPreRedoMinRequired(),
                            c.genPreRedoMinRequired()) : ""));
        } else {
            row(out, "Log Required", "not recorded (ESE97 headers have no Log Required range)");
        }
        if (c != null) {
            row(out, "Gen. Max. Req. Creation Time", t(c.genMaxRequiredTime()));
            row(out, "Log Committed", gen(0, Integer.toUnsignedLong(c.genMaxCommitted())));
        }
        if (h.ese98() != null) {
            row(out, "Gen. Max. Com. Creation Time", t(h.ese98().genMaxCreateTime()));
        }
        if (c != null) {
            row(out, "Log Consistent", String.format("%d (0x%x) [Pre-Redo: %d (0x%x)]", c.genMinConsistent(),
                    c.genMinConsistent(), c.genPreRedoMinConsistent(), c.genPreRedoMinConsistent()));
            row(out, "Log Recovering", String.format("%d (0x%x)", c.genRecovering(), c.genRecovering()));
        }
        if (h.attrib() == 1 || h.fileType() == 2) {
            row(out, "Streaming File", "Yes (this file is the streaming file)");
        }
        row(out, "Shadowed", h.shadowingDisabled() ? "No" : "Yes");
        row(out, "Last Objid", Long.toString(h.objidLast()));
        if (h.ese98() != null) {
            row(out, "Scrub Dbtime", dbtime(h.ese98().scrubDbtime()));
            row(out, "Scrub Date", t(h.ese98().scrubTime()));
        }
        row(out, "Repair Count", Long.toString(h.repairCount()));
        row(out, "Repair Date", t(h.repairTime()));
        if (h.ecc() != null) {
            row(out, "Old Repair Count", Long.toString(h.ecc().repairCountOld()));
        }
        row(out, "Last Consistent", h.consistentPosition().eseutil() + "  " + t(h.consistentTime()));
        row(out, "Last Attach", h.attachPosition().eseutil() + "  " + t(h.attachTime()));
        row(out, "Last Detach", h.detachPosition().eseutil() + "  " + t(h.detachTime()));
        if (c != null) {
            row(out, "Last ReAttach", c.reattachPosition().eseutil() + "  " + t(c.reattachTime()));
        }
        row(out, "Dbid", Long.toString(h.dbid()));
        row(out, "Log Signature", h.logSignature().eseutil());
        row(out, "OS Version", String.format("(%d.%d.%d SP %d", h.osMajor(), h.osMinor(), h.osBuild(), h.osServicePack())
                + (c != null ? String.format(" NLS %x.%x)", c.sortVersionNls(), c.sortVersionDefined()) : ")"));
        row(out, "Database Flags", String.format("0x%08x", h.dbFlags()));
        if (c != null && (c.reseedCount() != 0 || c.reseedCountOld() != 0 || c.pagePatchCount() != 0
                || c.pagePatchCountOld() != 0)) {
            row(out, "Reseed Count", Long.toString(c.reseedCount()));
            row(out, "Reseed Date", t(c.reseedTime()));
            row(out, "Old Reseed Count", Long.toString(c.reseedCountOld()));
            row(out, "Patch Count", Long.toString(c.pagePatchCount()));
            row(out, "Patch Date", t(c.pagePatchTime()));
            row(out, "Old Patch Count", Long.toString(c.pagePatchCountOld()));
        }
        bk(out, "Previous Full Backup", h.fullPrevious());
        bk(out, "Previous Incremental Backup", h.incrementalPrevious());
        if (c != null) {
            bk(out, "Previous Copy Backup", c.copyPrevious());
            bk(out, "Previous Differential Backup", c.differentialPrevious());
        }
        bk(out, "Current Full Backup", h.fullCurrent());
        if (h.ese98() != null) {
            bk(out, "Current Shadow copy backup", h.ese98().snapshotCurrent());
            out.println();
            row(out, "cpgUpgrade55Format", Integer.toString(h.ese98().cpgUpgrade55Format()));
            row(out, "cpgUpgradeFreePages", Integer.toString(h.ese98().cpgUpgradeFreePages()));
            row(out, "cpgUpgradeSpaceMapPages", Integer.toString(h.ese98().cpgUpgradeSpaceMapPages()));
        }
        if (c != null) {
            out.println();
            row(out, "Last Resize", c.lastResize().eseutil());
            row(out, "Extend Count", Long.toString(c.extendCount()));
            row(out, "Extend Date", t(c.extendTime()));
            row(out, "Shrink Count", Long.toString(c.shrinkCount()));
            row(out, "Shrink Date", t(c.shrinkTime()));
            row(out, "Trim Count", Long.toString(c.trimCount()));
        }
        if (h.ecc() != null) {
            DatabaseHeader.Ecc e = h.ecc();
            out.println();
            row(out, "ECC Fix Success Count", count(e.eccFixSuccess()));
            row(out, "Last ECC Fix Success Date", t(e.eccFixSuccessTime()));
            row(out, "Old ECC Fix Success Count", count(e.eccFixSuccessOld()));
            row(out, "ECC Fix Error Count", count(e.eccFixFail()));
            row(out, "Last ECC Fix Error Date", t(e.eccFixFailTime()));
            row(out, "Old ECC Fix Error Count", count(e.eccFixFailOld()));
            row(out, "Bad Checksum Error Count", count(e.badChecksum()));
            row(out, "Last Bad Checksum Error Date", t(e.badChecksumTime()));
            row(out, "Old bad Checksum Error Count", count(e.badChecksumOld()));
        }
        if (c != null) {
            out.println();
            row(out, "Last Database Maintenance Finish Date", t(c.dbscanPreviousFinish()));
            row(out, "Current Database Maintenance Start Date", t(c.dbscanStart()));
            row(out, "Highest Continuous Database Maintenance Page", Long.toString(c.pgnoDbscanHighestContinuous()));
            row(out, "Highest Database Maintenance Page", Long.toString(c.pgnoDbscanHighest()));
            out.println();
            row(out, "Database Header Flush Signature", c.dbHeaderFlushSignature().eseutil());
            row(out, "Flush Map Header Flush Signature", c.flushMapHeaderFlushSignature().eseutil());
            row(out, "RBS Header Flush Signature", c.rbsHeaderFlushSignature().eseutil());
            if (c.revertCount() != 0) {
                row(out, "Revert Count", Long.toString(c.revertCount()));
                row(out, "Revert From Date", t(c.revertFromTime()));
                row(out, "Revert To Date", t(c.revertToTime()));
                row(out, "Revert Page Count", Long.toString(c.revertPageCount()));
                row(out, "Last Commit Before Revert", c.commitBeforeRevert().eseutil());
            }
        }
        if (h.source() == Source.BINARY) {
            copies(out, h.verification(), "header");
        }
        notes(out, h.notes(), h.textFields());
    }

    static String count(long n) {
        return n == 0 ? "none" : "found (" + n + ")";
    }

    public static void patch(PrintWriter out, PatchHeader p) {
        source(out, p.file(), p.source(), p.verification());
        out.println("Layout: " + p.interpretation() + " patch header page"
                + (p.interpretation().equals("DBFILEHDR") ? " (INFERRED ESE97 variant)" : " (INFERRED for ESE97/ESE98 .pat files)"));
        out.println();
        out.println("Fields:");
        row(out, "Page Number", Long.toString(p.pgno()));
        row(out, "Page dbtime", dbtime(p.dbtimeDirtied()));
        row(out, "Page Flags", String.format("0x%08x", p.pageFlags()));
        row(out, "DB Signature", p.dbSignature().eseutil());
        row(out, "Log Signature", p.logSignature().eseutil());
        bk(out, "Patch Current Full Backup", p.backup());
        out.println();
        row(out, "Log Required", gen(p.genMinRequired(), p.genMaxRequired()));
        row(out, "Gen. Max. Req. Creation Time", t(p.genMaxRequiredTime()));
        row(out, "Log Committed", String.format("%d (0x%x)", p.genMaxCommitted(), p.genMaxCommitted()));
        row(out, "Gen. Max. Com. Creation Time", t(p.genMaxCommittedTime()));
        row(out, "Patched pages", Long.toString(p.pagesAfterHeader()));
        copies(out, p.verification(), "patch page");
        notes(out, p.notes(), List.of());
    }

    // ------------------------------------------------------------------ checkpoint (/mk)

    static void env(PrintWriter out, DbmsParams d, boolean log) {
        if (log) {
            row(out, "Env SystemPath", d.systemPath());
            row(out, "Env LogFilePath", d.logFilePath());
        }
        out.println("      Env (CircLog,Session,Opentbl,VerPage,Cursors,LogBufs,LogFile,Buffers)");
        out.println("          " + d.eseutilEnv());
    }

    static void attachments(PrintWriter out, List<AttachedDatabase> list) {
        for (AttachedDatabase a : list) {
            out.printf("      %d %s%s%n", a.dbid(), Printable.of(a.path()), a.sparse() ? " (sparse)" : "");
            out.printf("                 dbtime: %s (%d-%d)%n", Long.toUnsignedString(a.dbtime()), a.dbtime() >>> 32,
                    a.dbtime() & 0xFFFFFFFFL);
            out.printf("                 objidLast: %d%n", a.objidLast());
            out.printf("                 Signature: %s%n", a.signature().eseutil());
            out.printf("                 MaxDbSize: %d pages%n", a.maxPages());
            out.printf("                 Last Attach: %s%n", a.lastAttach().eseutil());
            out.printf("                 Last Consistent: %s%n", a.lastConsistent().eseutil());
        }
    }

    public static void checkpoint(PrintWriter out, CheckpointHeader h) {
        source(out, h.file(), h.source(), h.verification());
        out.println();
        row(out, "LastFullBackupCheckpoint", h.lastFullBackupCheckpoint().eseutil());
        row(out, "Checkpoint", h.checkpoint().eseutil() + "  (generation " + h.generation() + ")");
        row(out, "DbConsistency", h.dbConsistency().eseutil());
        row(out, "FullBackup", h.fullBackup().eseutil());
        row(out, "FullBackup time", t(h.fullBackupTime()));
        row(out, "IncBackup", h.incrementalBackup().eseutil());
        row(out, "IncBackup time", t(h.incrementalBackupTime()));
        row(out, "Signature", h.logSignature().eseutil());
        row(out, "Env SystemPath", h.dbms().systemPath());
        row(out, "Env LogFilePath", h.dbms().logFilePath());
        env(out, h.dbms(), false);
        row(out, "File Type", h.fileType() + (h.fileType() == 4 ? " (Checkpoint)" : h.fileType() == 0 ? " (old file)" : ""));
        row(out, "Attachment list", h.attachInfoPresent() ? h.attachments().size() + " database(s)"
                : "not valid (version flags 0x" + Integer.toHexString(h.versionFlags()) + ")");
        attachments(out, h.attachments());
        if (h.source() == Source.BINARY) {
            copies(out, h.verification(), "checkpoint");
        }
        notes(out, h.notes(), h.textFields());
    }

    // ------------------------------------------------------------------ log (/ml)

    public static void log(PrintWriter out, LogHeader h) {
        out.println("File: " + Printable.of(String.valueOf(h.file())));
        if (h.fromListing()) {
            listed(out, h);
            return;
        }
        out.println("Source: " + (h.source() == Source.TEXT ? "eseutil text dump (fields as printed; no checksum verified)"
                : "binary log header"));
        out.println();
        row(out, "lGeneration", String.format("%d (0x%X)", h.generation(), h.generation()));
        if (h.layoutInferred() && h.source() == Source.BINARY) {
            row(out, "Format LGVersion", "(" + h.versionMajor() + "." + h.versionMinor() + "." + h.versionUpdateMajor() + ")");
            row(out, "Layout", "ESE97 log: signature, times, parameters and attachments unavailable (INFERRED layout)");
        } else {
            row(out, "creation time", t(h.created()));
            row(out, "prev gen time", t(h.previousGenerationCreated()));
            if (h.versionMajor() >= 8 || h.source() == Source.BINARY) {
                row(out, "prev gen accumulated segment checksum", String.format("0x%016x", h.previousLogChecksum()));
            }
            row(out, "Format LGVersion", "(" + h.version() + ") (generated by " + h.engineFormatVersion() + ")");
            row(out, "Signature", h.signatureKnown() ? h.logSignature().eseutil() : "unknown");
            row(out, "Env SystemPath", h.dbms().systemPath());
            row(out, "Env LogFilePath", h.dbms().logFilePath());
            row(out, "Env Log Sec size", h.sectorSize() + diskSector(h.diskSectorSizeMismatch()));
            env(out, h.dbms(), false);
            row(out, "Using Reserved Log File", h.reserveLogInUse() ? "true" : "false");
            row(out, "Circular Logging Flag (current file)", h.circularLoggingCurrent() ? "on" : "off");
            row(out, "Circular Logging Flag (past files)", h.circularLoggingHistory() ? "on" : "off");
            row(out, "Checkpoint at log creation time", h.checkpointAtCreation().eseutil());
            if (h.source() == Source.BINARY) {
                row(out, "Header sectors / file sectors", h.headerSectors() + " / " + h.fileSectors() + " (file "
                        + h.fileSize() + " bytes)");
                row(out, "Database page size", h.pageSizeRaw() + (h.pageSizeRaw() == 0 ? " (0 means 4096)" : ""));
                row(out, "File Type", h.fileType() + (h.fileType() == 3 ? " (Log)" : h.fileType() == 0 ? " (old file)" : ""));
            }
            attachments(out, h.attachments());
        }
        if (h.source() == Source.BINARY) {
            out.println();
            out.println("Checksum verdicts:");
            row(out, "Log header", h.verification().primary().verdict() + " @0, 4096 bytes");
        }
        notes(out, h.notes(), h.textFields());
    }

    /**
     * A file eseutil /ml text names without its header (a range listing, or a log eseutil could not read): its name,
     * eseutil's verdict and where the generation comes from.
     */
    private static void listed(PrintWriter out, LogHeader h) {
        ListedLog l = h.listed();
        out.println("Source: eseutil /ml text, line " + l.line()
                + " (no header printed: only the file's name and eseutil's verdict are known)");
        out.println();
        String from = switch (l.generationFrom()) {
            case NAME -> "from the file name";
            case ESEUTIL_MESSAGE -> "as eseutil read it from the header";
            case INFERRED_FROM_PREVIOUS -> "INFERRED: the log listed before it + 1";
            case UNKNOWN -> "";
        };
        row(out, "lGeneration", l.generationFrom() == ListedLog.GenerationFrom.UNKNOWN ? "unknown"
                : String.format("%d (0x%X), %s", l.generation(), l.generation(), from));
        row(out, "eseutil's verdict", l.status() + (l.message() == null || l.message().isEmpty() ? ""
                : ": " + Printable.of(l.message())));
        notes(out, h.notes(), h.textFields());
    }

    static String diskSector(int b) {
        return switch (b) {
            case 0 -> " (legacy, unknown actual)";
            case 1 -> " (matches)";
            case 2 -> " (actual @ log gen 512)";
            case 3 -> " (actual @ log gen 1024)";
            case 4 -> " (actual @ log gen 2048)";
            case 5 -> " (actual @ log gen 4096)";
            case 255 -> " (actual @ log gen NON-STANDARD)";
            default -> " (unknown value " + b + ")";
        };
    }

    // ------------------------------------------------------------------ chain

    public static void chain(PrintWriter out, LogChain.Report r) {
        out.println("Log set: base name " + Printable.of(r.baseName()));
        out.println();
        out.printf("%-26s %-12s %-10s %-22s %s%n", "File", "Role", "Generation", "Name generation", "Checksum");
        for (LogChain.Entry e : r.logs()) {
            LogHeader h = e.header();
            out.printf("%-26s %-12s %-10s %-22s %s%n", Printable.of(base(e.file())), e.role().name().toLowerCase(),
                    h.generation() + String.format(" (0x%X)", h.generation()),
                    e.nameGeneration() < 0 ? "-" : e.nameGeneration() + (e.nameGeneration() == h.generation() ? "" : " MISMATCH"),
                    h.source() == Source.TEXT ? "text" : h.checksumValid() ? "ok" : h.headerCutShort() ? "cut short" : "BAD");
        }
        out.println();
        row(out, "Generations present", r.present().isEmpty() ? "none" : LogChain.ranges(r));
        row(out, "Gaps", r.gaps().isEmpty() ? "none" : r.gaps().size() + " generation(s): " + r.gaps());
        row(out, "Current log generation", r.currentGeneration() < 0 ? "none" : Long.toString(r.currentGeneration()));
        row(out, "Checkpoint generation", r.checkpointGeneration() < 0 ? "none" : Long.toString(r.checkpointGeneration()));
        row(out, "Soft recovery replays", r.neededLow() > 0 ? r.neededLow() + "-" + r.neededHigh() : "nothing");
        if (!r.databases().isEmpty()) {
            out.println();
            out.println("Databases:");
            for (LogChain.DatabaseVerdict v : r.databases()) {
                out.println(Printable.of("  " + v.file() + ": " + v.verdict()));
            }
        }
        if (!r.ignored().isEmpty()) {
            out.println();
            out.println("Not part of the chain:");
            for (String s : r.ignored()) {
                out.println(Printable.of("  " + s));
            }
        }
        out.println();
        out.println("Findings:");
        if (r.findings().isEmpty()) {
            out.println("  none");
        }
        for (Note n : r.findings()) {
            out.println(Printable.of("  " + n));
        }
        out.println();
        out.println("Verdict: " + Printable.of(r.verdict()));
    }

    private static String base(String f) {
        int s = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return f.substring(s + 1);
    }

    // ------------------------------------------------------------------ JSON: every record component

    /** Record components stored as unsigned 64-bit numbers (all other longs are unsigned 32-bit or small). */
    private static final java.util.Set<String> UNSIGNED_64 = java.util.Set.of("dbtime", "scrubDbtime", "dbtimeDirtied",
            "previousLogChecksum");

    public static void json(JsonGenerator g, Object o) throws IOException {
        if (o == null) {
            g.writeNull();
        } else if (o instanceof LogTime t) {
            g.writeStartObject();
            g.writeStringField("raw", t.rawHex());
            g.writeBooleanField("set", t.isSet());
            g.writeStringField("text", t.iso());
            g.writeStringField("eseutil", t.eseutil());
            g.writeNumberField("year", t.year());
            g.writeNumberField("month", t.month());
            g.writeNumberField("day", t.day());
            g.writeNumberField("hours", t.hours());
            g.writeNumberField("minutes", t.minutes());
            g.writeNumberField("seconds", t.seconds());
            g.writeNumberField("milliseconds", t.milliseconds());
            g.writeBooleanField("utc", t.utc());
            g.writeBooleanField("osSnapshot", t.osSnapshot());
            g.writeEndObject();
        } else if (o instanceof LogPosition p) {
            g.writeStartObject();
            g.writeNumberField("generation", p.generation());
            g.writeNumberField("sector", p.sector());
            g.writeNumberField("offset", p.offset());
            g.writeStringField("text", p.toString());
            g.writeStringField("eseutil", p.eseutil());
            g.writeEndObject();
        } else if (o instanceof Signature s) {
            g.writeStartObject();
            g.writeNumberField("random", s.random());
            g.writeFieldName("created");
            json(g, s.created());
            g.writeStringField("computerName", s.computerName());
            g.writeStringField("raw", s.rawHex());
            g.writeStringField("eseutil", s.eseutil());
            g.writeEndObject();
        } else if (o instanceof Record rec) {
            g.writeStartObject();
            for (RecordComponent c : rec.getClass().getRecordComponents()) {
                g.writeFieldName(c.getName());
                Object v;
                try {
                    v = c.getAccessor().invoke(rec);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (v instanceof Long n && UNSIGNED_64.contains(c.getName())) {
                    g.writeNumber(new java.math.BigInteger(Long.toUnsignedString(n)));
                } else {
                    json(g, v);
                }
            }
            if (rec instanceof DatabaseHeader d) {
                g.writeStringField("stateName", d.stateName());
                g.writeNumberField("pageSize", d.pageSize());
                g.writeStringField("fileTypeName", d.fileTypeName());
                g.writeBooleanField("onlineBackupCopy", d.onlineBackupCopy());
            }
            if (rec instanceof HeaderCopy hc) {
                g.writeBooleanField("valid", hc.valid());
            }
            if (rec instanceof LogHeader l) {
                g.writeStringField("formatVersion", l.version());
                g.writeBooleanField("checksumValid", l.checksumValid());
            }
            g.writeEndObject();
        } else if (o instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                json(g, x);
            }
            g.writeEndArray();
        } else if (o instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (o instanceof Long n) {
            g.writeNumber(n);
        } else if (o instanceof Integer n) {
            g.writeNumber(n);
        } else if (o instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(o.toString());
        }
    }
}
