package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Field names by byte offset, to name the bytes where two header copies differ, and the offsets by name for
 * the report (the workbook's Store sheet gives each field's byte offset).
 */
public final class Layout {
    private final TreeMap<Integer, int[]> bySize = new TreeMap<>();
    private final TreeMap<Integer, String> byName = new TreeMap<>();
    private final int structSize;

    private Layout(int structSize, Object... entries) {
        this.structSize = structSize;
        for (int i = 0; i < entries.length; i += 3) {
            int off = (Integer) entries[i];
            bySize.put(off, new int[] {(Integer) entries[i + 1]});
            byName.put(off, (String) entries[i + 2]);
        }
    }

    public static final Layout DATABASE = new Layout(748,
            0, 4, "checksum", 4, 4, "magic", 8, 4, "format version", 12, 4, "attrib", 16, 8, "dbtime",
            24, 28, "database signature", 52, 4, "state", 56, 8, "consistent position", 64, 8, "consistent time",
            72, 8, "attach time", 80, 8, "attach position", 88, 8, "detach time", 96, 8, "detach position",
            104, 4, "dbid", 108, 28, "log signature", 136, 24, "previous full backup",
            160, 24, "previous incremental backup", 184, 24, "current full backup", 208, 4, "database flags",
            212, 4, "last objid", 216, 4, "OS major version", 220, 4, "OS minor version", 224, 4, "OS build",
            228, 4, "OS service pack", 232, 4, "format revision", 236, 4, "page size", 240, 4, "repair count",
            244, 8, "repair time", 252, 28, "SLV signature", 280, 8, "scrub dbtime", 288, 8, "scrub time",
            296, 4, "log required min", 300, 4, "log required max", 304, 4, "cpgUpgrade55Format",
            308, 4, "cpgUpgradeFreePages", 312, 4, "cpgUpgradeSpaceMapPages", 316, 24, "current shadow copy backup",
            340, 4, "created format version", 344, 4, "created format revision", 348, 8, "gen max committed creation time",
            356, 4, "previous full backup type", 360, 4, "previous incremental backup type", 364, 4, "old repair count",
            368, 4, "ECC fix success count", 372, 8, "ECC fix success time", 380, 4, "old ECC fix success count",
            384, 4, "ECC fix error count", 388, 8, "ECC fix error time", 396, 4, "old ECC fix error count",
            400, 4, "bad checksum count", 404, 8, "bad checksum time", 412, 4, "old bad checksum count",
            416, 4, "log committed", 420, 24, "previous copy backup", 444, 24, "previous differential backup",
            468, 4, "previous copy backup type", 472, 4, "previous differential backup type", 476, 4, "reseed count",
            480, 8, "reseed time", 488, 4, "old reseed count", 492, 4, "page patch count", 496, 8, "page patch time",
            504, 4, "old page patch count", 508, 8, "sort version", 516, 8, "database maintenance finish time",
            524, 8, "database maintenance start time", 532, 4, "highest continuous maintenance page",
            536, 4, "log recovering", 540, 4, "extend count", 544, 8, "extend time", 552, 4, "shrink count",
            556, 8, "shrink time", 564, 8, "reattach time", 572, 8, "reattach position", 580, 4, "trim count",
            584, 28, "database header flush signature", 612, 28, "flush map header flush signature",
            640, 4, "log consistent", 644, 4, "format update minor", 648, 4, "efv max attach",
            652, 4, "highest maintenance page", 656, 8, "last resize position", 664, 3, "reserved", 667, 4, "file type",
            671, 1, "reserved", 672, 8, "gen max required creation time", 680, 4, "log consistent pre-redo",
            684, 4, "log required min pre-redo", 688, 28, "RBS header flush signature", 716, 4, "revert count",
            720, 8, "revert from time", 728, 8, "revert to time", 736, 4, "revert page count",
            740, 8, "commit before revert");

    public static final Layout CHECKPOINT = new Layout(4096,
            0, 4, "checksum", 4, 8, "last full backup checkpoint", 12, 8, "checkpoint", 20, 28, "log signature",
            48, 261, "system path", 309, 261, "log path", 570, 1, "dbms flags", 571, 28, "dbms parameters",
            599, 16, "dbms reserved", 615, 8, "full backup position", 623, 8, "full backup time",
            631, 8, "incremental backup position", 639, 8, "incremental backup time", 647, 1, "version flags",
            648, 8, "db consistency", 656, 11, "reserved", 667, 4, "file type", 671, 8, "reserved",
            679, 2048, "attachment list", 2727, 1369, "padding");

    public static final Layout PATCH = new Layout(148,
            0, 4, "checksum", 4, 4, "pgno", 8, 8, "page dbtime", 16, 20, "page header", 36, 4, "page flags",
            40, 24, "backup info", 64, 28, "database signature", 92, 28, "log signature", 120, 4, "log required min",
            124, 4, "log required max", 128, 4, "log committed", 132, 8, "gen max required time",
            140, 8, "gen max committed time");

    /** Each field's offset by its name (the first of a repeated name, e.g. "reserved"), in offset order. */
    public java.util.Map<String, Integer> offsetsByName() {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        byName.forEach((off, name) -> out.putIfAbsent(name, off));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** "state (@52)" for each field containing a differing offset, in offset order; then bytes past the struct. */
    List<String> name(List<Integer> offsets) {
        List<String> out = new ArrayList<>();
        String last = null;
        int tail = 0;
        int firstTail = -1;
        for (int off : offsets) {
            Integer start = byName.floorKey(off);
            if (off >= structSize || start == null || off >= start + bySize.get(start)[0]) {
                if (firstTail < 0) {
                    firstTail = off;
                }
                tail++;
                continue;
            }
            String n = byName.get(start) + " (@" + start + ")";
            if (!n.equals(last)) {
                out.add(n);
                last = n;
            }
        }
        if (tail > 0) {
            out.add(tail + " byte" + (tail == 1 ? "" : "s") + " after the " + structSize
                    + "-byte structure (first @" + firstTail + ")");
        }
        return out;
    }
}
