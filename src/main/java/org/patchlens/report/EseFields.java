package org.patchlens.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.Layout;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.PatchHeader;
import org.patchlens.ese.Source;
import org.patchlens.ese.Verification;

/**
 * A store header as the rows of the workbook's Store sheet: eseutil's labels and number formats exactly
 * as {@code patchlens ese header} prints them ({@link EseRender}, the one place that knows them: its text
 * is read back line by line), each with the byte offsets in the file of the header fields it shows.
 *
 * <p>The offsets are those of the ESE reader's own layout table ({@code org.patchlens.ese.Layout}: database,
 * patch and checkpoint headers; it knows no log header offsets), plus the copy the fields were read from
 * (the shadow copy starts one page in).
 */
final class EseFields {
    /** One row: the section ("" or e.g. "Previous Full Backup"), eseutil's label, the value, the file offsets. */
    record Row(String section, String label, String value, List<Long> offsets) {
        /** "Previous Full Backup: Log Gen", or the label alone. */
        String field() {
            return section.isEmpty() ? label : section + ": " + label;
        }
    }

    private EseFields() {
    }

    /** The rows of one header. */
    static List<Row> of(EseHeader h) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        if (h instanceof DatabaseHeader d) {
            EseRender.database(out, d);
        } else if (h instanceof PatchHeader p) {
            EseRender.patch(out, p);
        } else if (h instanceof CheckpointHeader c) {
            EseRender.checkpoint(out, c);
        } else if (h instanceof LogHeader l) {
            EseRender.log(out, l);
        }
        out.flush();
        Offsets offsets = Offsets.of(h);
        List<Row> rows = new ArrayList<>();
        for (Parsed p : parse(sw.toString())) {
            rows.add(new Row(p.section, p.label, p.value, offsets.of(p.section, p.label, p.occurrence, p.value)));
        }
        return rows;
    }

    /** A line of EseRender's text as a label and a value, with its section and the label's occurrence in it. */
    private record Parsed(String section, String label, String value, int occurrence) {
    }

    /** The column of the ": " after a right-aligned label ({@code %28s: %s}). */
    private static final int LABEL_END = 28;
    /** An attached database's line: {@code "      %d %s"}. */
    private static final java.util.regex.Pattern ATTACHED = java.util.regex.Pattern.compile(" {6}\\d+ ");
    /** The indent of an attached database's field lines. */
    private static final String ATTACHED_FIELD = " ".repeat(17);

    /**
     * Reads {@link EseRender}'s text: "File:" and "Source:" (the column and the checksum section say the
     * same) and the "Verdicts" (notes, not header fields) are left out; "Layout:" is kept; a section title
     * ("Previous Full Backup:") names the rows under it; the environment and attachment lines (indented,
     * not right-aligned) are kept as rows of their own.
     */
    private static List<Parsed> parse(String text) {
        List<Parsed> out = new ArrayList<>();
        String section = "";
        Map<String, Integer> seen = new HashMap<>();
        String pending = null; // an "Env (...)" heading waiting for its values line
        String attachment = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                attachment = null;
                if (line.startsWith("File: ") || line.startsWith("Source: ")) {
                    continue;
                }
                if (line.startsWith("Layout: ")) {
                    out.add(new Parsed("", "Layout", line.substring("Layout: ".length()), 0));
                    continue;
                }
                if (line.endsWith(":")) {
                    section = line.substring(0, line.length() - 1);
                    if (section.equals("Fields")) {
                        section = "";
                    }
                    if (section.equals("Verdicts")) {
                        break;
                    }
                    continue;
                }
                out.add(new Parsed(section, line, "", 0));
                continue;
            }
            String t = line.strip();
            if (attachment != null && line.startsWith(ATTACHED_FIELD) && line.charAt(ATTACHED_FIELD.length()) != ' '
                    && t.contains(": ")) {
                // "                 dbtime: 12 (0-12)": a field of the attached database above
                int c = t.indexOf(": ");
                out.add(new Parsed(section, attachment + ": " + t.substring(0, c), t.substring(c + 2), 0));
                continue;
            }
            if (ATTACHED.matcher(line).lookingAt()) {
                // "      1 D:\exchsrvr\MDBDATA\PRIV.EDB": an attached database
                int sp = t.indexOf(' ');
                attachment = "Attached database " + (sp > 0 ? t.substring(0, sp) : t);
                out.add(new Parsed(section, attachment, sp > 0 ? t.substring(sp + 1) : "", 0));
                continue;
            }
            attachment = null;
            int sep = line.indexOf(": ");
            if (sep >= LABEL_END) {
                // a right-aligned "label: value" row
                String label = line.substring(0, sep).strip();
                int n = seen.merge(section + "\u0000" + label, 1, Integer::sum) - 1;
                out.add(new Parsed(section, label, line.substring(sep + 2), n));
                continue;
            }
            if (t.startsWith("Env (")) {
                pending = t;
                continue;
            }
            if (pending != null) {
                out.add(new Parsed(section, pending, t, 0));
                pending = null;
                continue;
            }
            out.add(new Parsed(section, t, "", 0));
        }
        return out;
    }

    // ------------------------------------------------------------------ offsets

    /**
     * The header fields behind each eseutil label: fields of the layout table ("name?text": only when the
     * value shows that text, as "(attached by …)" after a format version), or a section's BKINFO.
     */
    private static final Map<String, String[]> DATABASE_FIELDS = fields(
            "File Type", "attrib|file type",
            "Checksum", "checksum",
            "Format ulMagic", "magic",
            "Format ulVersion", "format version|format revision|format update minor?attached by|efv max attach?attached by",
            "Created ulVersion", "created format version|created format revision",
            "DB Signature", "database signature",
            "cbDbPage", "page size",
            "dbtime", "dbtime",
            "State", "state",
            "Log Required", "log required min|log required max|log required min pre-redo?Pre-Redo",
            "Gen. Max. Req. Creation Time", "gen max required creation time",
            "Log Committed", "log committed",
            "Gen. Max. Com. Creation Time", "gen max committed creation time",
            "Log Consistent", "log consistent|log consistent pre-redo?Pre-Redo",
            "Log Recovering", "log recovering",
            "Streaming File", "attrib",
            "Shadowed", "database flags",
            "Last Objid", "last objid",
            "Scrub Dbtime", "scrub dbtime",
            "Scrub Date", "scrub time",
            "Repair Count", "repair count",
            "Repair Date", "repair time",
            "Old Repair Count", "old repair count",
            "Last Consistent", "consistent position|consistent time",
            "Last Attach", "attach position|attach time",
            "Last Detach", "detach position|detach time",
            "Last ReAttach", "reattach position|reattach time",
            "Dbid", "dbid",
            "Log Signature", "log signature",
            "OS Version", "OS major version|OS minor version|OS build|OS service pack|sort version?NLS",
            "Database Flags", "database flags",
            "Reseed Count", "reseed count",
            "Reseed Date", "reseed time",
            "Old Reseed Count", "old reseed count",
            "Patch Count", "page patch count",
            "Patch Date", "page patch time",
            "Old Patch Count", "old page patch count",
            "cpgUpgrade55Format", "cpgUpgrade55Format",
            "cpgUpgradeFreePages", "cpgUpgradeFreePages",
            "cpgUpgradeSpaceMapPages", "cpgUpgradeSpaceMapPages",
            "Last Resize", "last resize position",
            "Extend Count", "extend count",
            "Extend Date", "extend time",
            "Shrink Count", "shrink count",
            "Shrink Date", "shrink time",
            "Trim Count", "trim count",
            "ECC Fix Success Count", "ECC fix success count",
            "Last ECC Fix Success Date", "ECC fix success time",
            "Old ECC Fix Success Count", "old ECC fix success count",
            "ECC Fix Error Count", "ECC fix error count",
            "Last ECC Fix Error Date", "ECC fix error time",
            "Old ECC Fix Error Count", "old ECC fix error count",
            "Bad Checksum Error Count", "bad checksum count",
            "Last Bad Checksum Error Date", "bad checksum time",
            "Old bad Checksum Error Count", "old bad checksum count",
            "Last Database Maintenance Finish Date", "database maintenance finish time",
            "Current Database Maintenance Start Date", "database maintenance start time",
            "Highest Continuous Database Maintenance Page", "highest continuous maintenance page",
            "Highest Database Maintenance Page", "highest maintenance page",
            "Database Header Flush Signature", "database header flush signature",
            "Flush Map Header Flush Signature", "flush map header flush signature",
            "RBS Header Flush Signature", "RBS header flush signature",
            "Revert Count", "revert count",
            "Revert From Date", "revert from time",
            "Revert To Date", "revert to time",
            "Revert Page Count", "revert page count",
            "Last Commit Before Revert", "commit before revert",
            // sections holding one BKINFO each
            "Previous Full Backup", "previous full backup",
            "Previous Incremental Backup", "previous incremental backup",
            "Previous Copy Backup", "previous copy backup",
            "Previous Differential Backup", "previous differential backup",
            "Current Full Backup", "current full backup",
            "Current Shadow copy backup", "current shadow copy backup");

    private static final Map<String, String[]> PATCH_FIELDS = fields(
            "Page Number", "pgno",
            "Page dbtime", "page dbtime",
            "Page Flags", "page flags",
            "DB Signature", "database signature",
            "Log Signature", "log signature",
            "Log Required", "log required min|log required max",
            "Gen. Max. Req. Creation Time", "gen max required time",
            "Log Committed", "log committed",
            "Gen. Max. Com. Creation Time", "gen max committed time",
            "Patch Current Full Backup", "backup info");

    private static final Map<String, String[]> CHECKPOINT_FIELDS = fields(
            "LastFullBackupCheckpoint", "last full backup checkpoint",
            "Checkpoint", "checkpoint",
            "DbConsistency", "db consistency",
            "FullBackup", "full backup position",
            "FullBackup time", "full backup time",
            "IncBackup", "incremental backup position",
            "IncBackup time", "incremental backup time",
            "Signature", "log signature",
            "Env SystemPath", "system path",
            "Env LogFilePath", "log path",
            "Env (CircLog,Session,Opentbl,VerPage,Cursors,LogBufs,LogFile,Buffers)", "dbms flags|dbms parameters",
            "File Type", "file type",
            "Attachment list", "version flags|attachment list");

    /** BKINFO members by label within a backup section (ese-format.md: lgposMark @0, logtimeMark @8, genLow @16, genHigh @20). */
    private static final Map<String, long[]> BKINFO = Map.of("Log Gen", new long[] {16, 20}, "Mark#0",
            new long[] {0}, "Mark#1", new long[] {8});

    private static Map<String, String[]> fields(String... pairs) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1].split("\\|"));
        }
        return m;
    }

    /** The offsets of one header's fields in its file. */
    private record Offsets(Map<String, String[]> fields, Map<String, Integer> layout, long base, Verification v) {
        static Offsets of(EseHeader h) {
            if (h.source() != Source.BINARY) {
                return new Offsets(Map.of(), Map.of(), 0, null);
            }
            if (h instanceof DatabaseHeader d) {
                return new Offsets(DATABASE_FIELDS, EseFields.layout("DATABASE"), copyOffset(d.verification()), d.verification());
            }
            if (h instanceof PatchHeader p) {
                // a DBFILEHDR-format patch page has the database layout, not the patch header's
                return p.interpretation().equals("PATCHHDR")
                        ? new Offsets(PATCH_FIELDS, EseFields.layout("PATCH"), copyOffset(p.verification()), p.verification())
                        : new Offsets(Map.of(), Map.of(), 0, p.verification());
            }
            if (h instanceof CheckpointHeader c) {
                return new Offsets(CHECKPOINT_FIELDS, EseFields.layout("CHECKPOINT"), copyOffset(c.verification()),
                        c.verification());
            }
            return new Offsets(Map.of(), Map.of(), 0, null); // no layout table for log headers
        }

        List<Long> of(String section, String label, int occurrence, String value) {
            if (v != null && section.equals("Checksum verdicts")) {
                if (label.startsWith("Primary") && v.primary().present()) {
                    return List.of(v.primary().offset());
                }
                if (label.startsWith("Shadow") && v.shadow().present()) {
                    return List.of(v.shadow().offset());
                }
                if (label.equals("Log header")) {
                    return List.of(0L);
                }
                return List.of();
            }
            if (value.startsWith("not recorded") || layout.isEmpty()) {
                return List.of();
            }
            List<Long> out = new ArrayList<>();
            String[] names = fields.get(section.isEmpty() ? label : section);
            if (names == null) {
                return out;
            }
            if (!section.isEmpty()) {
                long[] member = BKINFO.get(label.equals("Mark") ? "Mark#" + occurrence : label);
                Integer start = layout.get(names[0]);
                if (member != null && start != null) {
                    for (long m : member) {
                        out.add(base + start + m);
                    }
                }
                return out;
            }
            for (String n : names) {
                int q = n.indexOf('?');
                if (q > 0) {
                    if (!value.contains(n.substring(q + 1))) {
                        continue;
                    }
                    n = n.substring(0, q);
                }
                Integer off = layout.get(n);
                if (off != null) {
                    out.add(base + off);
                }
            }
            return out;
        }
    }

    /** Where the copy the fields were read from starts: 0, or the shadow's offset. */
    private static long copyOffset(Verification v) {
        return v.used().equals("shadow") ? v.shadow().offset() : v.primary().offset();
    }

    /** The field offsets of one of the ESE reader's layout tables (DATABASE, PATCH, CHECKPOINT), by field name. */
    static Map<String, Integer> layout(String which) {
        return switch (which) {
            case "DATABASE" -> Layout.DATABASE.offsetsByName();
            case "PATCH" -> Layout.PATCH.offsetsByName();
            case "CHECKPOINT" -> Layout.CHECKPOINT.offsetsByName();
            default -> throw new IllegalArgumentException(which);
        };
    }
}
