package org.patchlens.ese;

import static org.patchlens.ese.EseutilValues.count;
import static org.patchlens.ese.EseutilValues.hex;
import static org.patchlens.ese.EseutilValues.lgpos;
import static org.patchlens.ese.EseutilValues.num;
import static org.patchlens.ese.EseutilValues.range;
import static org.patchlens.ese.EseutilValues.time;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saved {@code eseutil /mh} text (a database header) into a {@link DatabaseHeader}, labels as in
 * ese-format.md 8.1. Each label sets one typed field (grouped below as the header's areas); the backup
 * blocks ({@code Previous Full Backup:} and the {@code Log Gen:} / {@code Mark:} lines under it) fill
 * one {@link BackupLines} each. Which groups of the header exist follows the printed format revision,
 * or, without one, the labels eseutil printed.
 */
final class MhParser {
    private static final Pattern VERSION = EseutilValues.line("0x([0-9A-Fa-f]+)\\s*,\\s*(\\d+)(?:\\s*,\\s*(\\d+))?(?:.*attached by (\\d+))?");
    private static final Pattern OS = EseutilValues.line("\\((\\d+)\\.(\\d+)\\.(\\d+) SP (\\d+)(?: NLS ([0-9A-Fa-f]+)\\.([0-9A-Fa-f]+))?\\)");
    private static final Pattern PRE_REDO = EseutilValues.line("Pre-Redo:\\s*(\\d+)");
    private static final Signature NO_SIGNATURE = Signature.of(0, LogTime.UNSET, "");
    /**
     * The labels every eseutil /mh dump prints (5.5, 2003 and current), in its order. A text that prints the first
     * of them and stops before the rest was cut: saved from a window, or copied part way.
     */
    private static final List<String> ALWAYS_PRINTED = List.of("Format ulMagic", "Format ulVersion", "DB Signature",
            "cbDbPage", "dbtime", "State", "Last Consistent", "Last Attach", "Last Detach", "Dbid", "Log Signature",
            "OS Version", "Previous Full Backup");
    /** A backup block's lines: Log Gen and two Mark lines. */
    private static final int BACKUP_BLOCK_LINES = 3;

    /** The backup blocks of a dump, by their heading. */
    private enum Backup {
        FULL, INCREMENTAL, COPY, DIFFERENTIAL, CURRENT_FULL, SNAPSHOT
    }

    /** One backup block: {@code Log Gen: low-high [- OSSnapshot]}, {@code Mark: (lgpos)} and {@code Mark: time}. */
    private static final class BackupLines {
        LogPosition mark = LogPosition.ZERO;
        LogTime time = LogTime.UNSET;
        long low;
        long high;
        /** From the {@code Log Gen} suffix (0 normal, 1 OS snapshot, 2 snapshot, 3 unknown); null when not printed. */
        Long type;

        BackupInfo info(long typeWhenNotPrinted) {
            return new BackupInfo(mark, time, low, high, type != null ? type : typeWhenNotPrinted);
        }

        long typeOrZero() {
            return DumpLines.orZero(type);
        }
    }

    private final DumpLines lines;
    private final Map<Backup, BackupLines> backups = new EnumMap<>(Backup.class);
    /** The backup block the following lines belong to; null before any, or under a heading that is none of them. */
    private Backup section;
    /** Every label printed, in lower case: which of {@link #ALWAYS_PRINTED} the text lacks. */
    private final Set<String> printed = new HashSet<>();
    /** The heading of the backup block the text last printed, while it lacks some of its lines; else null. */
    private String openBlock;
    private int openBlockLines;
    /** The last line with text, which a cut text may end inside. */
    private int lastLine;

    // identity and format
    private String path;
    private long attrib;
    private long checksum;
    private Long magic;
    private Long formatVersion;
    private Long formatRevision;
    private long formatUpdateMinor;
    private long efvMaxBinAttach;
    private long createVersion;
    private long createRevision;
    private Signature dbSignature = NO_SIGNATURE;
    private Signature logSignature = NO_SIGNATURE;
    private long pageSize;
    private long dbtime;
    private long state;
    private long dbFlags;
    private long objidLast;
    private long dbid;
    private long osMajor;
    private long osMinor;
    private long osBuild;
    private long osServicePack;
    private long sortVersionNls;
    private long sortVersionDefined;
    private Long expectedChecksum;
    private Long actualChecksum;
    /** The line of the later of the two (eseutil prints them one under the other), for the mismatch's note. */
    private int checksumLine;

    // log generations and positions
    private Long genMinRequired;
    private long genMaxRequired;
    private long genPreRedoMinRequired;
    private LogTime genMaxRequiredTime = LogTime.UNSET;
    private Long genMaxCommitted;
    private LogTime genMaxCreateTime = LogTime.UNSET;
    private long genMinConsistent;
    private long genPreRedoMinConsistent;
    private long genRecovering;
    private LogPosition consistentPosition = LogPosition.ZERO;
    private LogTime consistentTime = LogTime.UNSET;
    private LogPosition attachPosition = LogPosition.ZERO;
    private LogTime attachTime = LogTime.UNSET;
    private LogPosition detachPosition = LogPosition.ZERO;
    private LogTime detachTime = LogTime.UNSET;
    private LogPosition reattachPosition = LogPosition.ZERO;
    private LogTime reattachTime = LogTime.UNSET;
    private LogPosition lastResize = LogPosition.ZERO;

    // counters and maintenance
    private long scrubDbtime;
    private LogTime scrubTime;
    private long repairCount;
    private LogTime repairTime = LogTime.UNSET;
    private long repairCountOld;
    private long reseedCount;
    private LogTime reseedTime = LogTime.UNSET;
    private long reseedCountOld;
    private long pagePatchCount;
    private LogTime pagePatchTime = LogTime.UNSET;
    private long pagePatchCountOld;
    private long cpgUpgrade55Format;
    private long cpgUpgradeFreePages;
    private long cpgUpgradeSpaceMapPages;
    private long extendCount;
    private LogTime extendTime = LogTime.UNSET;
    private long shrinkCount;
    private LogTime shrinkTime = LogTime.UNSET;
    private long trimCount;
    private Long eccFixSuccess;
    private LogTime eccFixSuccessTime = LogTime.UNSET;
    private long eccFixSuccessOld;
    private long eccFixFail;
    private LogTime eccFixFailTime = LogTime.UNSET;
    private long eccFixFailOld;
    private long badChecksum;
    private LogTime badChecksumTime = LogTime.UNSET;
    private long badChecksumOld;
    private LogTime dbscanPreviousFinish = LogTime.UNSET;
    private LogTime dbscanStart = LogTime.UNSET;
    private long pgnoDbscanHighestContinuous;
    private long pgnoDbscanHighest;
    private Signature dbHeaderFlushSignature = NO_SIGNATURE;
    private Signature flushMapHeaderFlushSignature = NO_SIGNATURE;
    private Signature rbsHeaderFlushSignature = NO_SIGNATURE;
    private long revertCount;
    private LogTime revertFromTime = LogTime.UNSET;
    private LogTime revertToTime = LogTime.UNSET;
    private long revertPageCount;
    private LogPosition commitBeforeRevert = LogPosition.ZERO;

    private MhParser(String textName) {
        lines = new DumpLines(textName);
        for (Backup b : Backup.values()) {
            backups.put(b, new BackupLines());
        }
    }

    static DatabaseHeader parse(String name, List<String> text) {
        MhParser p = new MhParser(name);
        p.read(text);
        return p.header(name);
    }

    private void read(List<String> text) {
        for (int n = 0; n < text.size(); n++) {
            String line = text.get(n);
            if (!line.isBlank()) {
                lastLine = n + 1;
            }
            Matcher lm = EseutilValues.LABEL.matcher(line);
            if (!lm.matches()) {
                lines.keepUnlabeled(n + 1, line);
                continue;
            }
            String label = lm.group(1).trim();
            String value = EseutilValues.unpadded(lm.group(2));
            printed.add(label.toLowerCase(Locale.ROOT));
            trackBlock(label, value);
            if (backupHeading(label.toLowerCase(Locale.ROOT), value)) {
                continue;
            }
            if (!lines.map(n + 1, label, value, (key, v) -> identity(key, v) || logRange(key, v) || backupLine(key, v)
                    || counters(key, v))) {
                lines.keep(n + 1, line, label, value);
            }
        }
    }

    /** Follows the backup blocks as printed: which one is still open (fewer lines than eseutil prints in one). */
    private void trackBlock(String label, String value) {
        String key = label.toLowerCase(Locale.ROOT);
        if (value.isEmpty() && key.endsWith("backup")) {
            openBlock = label;
            openBlockLines = 0;
        } else if (openBlock != null && (key.equals("log gen") || key.equals("mark"))) {
            if (++openBlockLines == BACKUP_BLOCK_LINES) {
                openBlock = null;
            }
        } else {
            openBlock = null;
        }
    }

    /**
     * A WARNING when the text is eseutil's dump cut short: before the labels every dump prints, or, with all of them,
     * inside a backup block. A text that lacks labels from the middle was edited or written by hand, not cut.
     */
    private void cutShort() {
        List<String> missing = DumpLines.notPrintedAfterCut(ALWAYS_PRINTED, printed);
        if (!missing.isEmpty()) {
            lines.cutShort(lastLine, "ends before " + String.join(", ", missing) + ", which every eseutil /mh dump "
                    + "prints: those fields are not in the text (shown as 0)", "/mh");
        } else if (openBlock != null && ALWAYS_PRINTED.stream().allMatch(l -> printed.contains(l.toLowerCase(Locale.ROOT)))) {
            lines.cutShort(lastLine, "ends inside the \"" + openBlock + "\" block (Log Gen and two Mark lines): the "
                    + "lines not printed are shown as 0", "/mh");
        }
    }

    /** A heading such as {@code Previous Full Backup:} starts the block its Log Gen and Mark lines fill. */
    private boolean backupHeading(String key, String value) {
        if (!(value.isEmpty() && key.endsWith("backup") || key.equals("current shadow copy backup")
                || key.equals("patch current full backup"))) {
            return false;
        }
        section = switch (key) {
            case "previous full backup" -> Backup.FULL;
            case "previous incremental backup" -> Backup.INCREMENTAL;
            case "previous copy backup" -> Backup.COPY;
            case "previous differential backup" -> Backup.DIFFERENTIAL;
            case "current full backup" -> Backup.CURRENT_FULL;
            case "current shadow copy backup" -> Backup.SNAPSHOT;
            default -> null;
        };
        return true;
    }

    // ------------------------------------------------------------------ labels, by area of the header

    private boolean identity(String key, String value) {
        switch (key) {
            case "database" -> lines.set(value, v -> path = v);
            case "file type" -> DumpLines.optional(value.equalsIgnoreCase("Database") ? Long.valueOf(0)
                    : value.toLowerCase(Locale.ROOT).contains("stream") ? Long.valueOf(1) : null, v -> attrib = v);
            case "checksum" -> lines.set(hex(value), v -> checksum = v);
            case "format ulmagic" -> lines.set(hex(value), v -> magic = v);
            case "format ulversion" -> formatVersion(value);
            case "created ulversion" -> createdVersion(value);
            case "db signature" -> lines.signature(value, v -> dbSignature = v);
            case "log signature" -> lines.signature(value, v -> logSignature = v);
            case "cbdbpage" -> lines.set(num(value), v -> pageSize = v);
            case "dbtime" -> lines.set(EseutilValues.dbtime(value), v -> dbtime = v);
            case "state" -> {
                state = EseutilValues.state(value);
                if (state == 0 && !value.trim().equalsIgnoreCase("Illegal")) {
                    lines.notUnderstood();
                }
            }
            case "shadowed" -> dbFlags = value.equalsIgnoreCase("No") ? 1 : 0;
            case "last objid" -> lines.set(num(value), v -> objidLast = v);
            case "dbid" -> lines.set(num(value), v -> dbid = v);
            case "os version" -> osVersion(value);
            case "expected checksum" -> lines.set(hex(value), v -> {
                expectedChecksum = v;
                checksumLine = Math.max(checksumLine, lines.line());
            });
            case "actual checksum" -> lines.set(hex(value), v -> {
                actualChecksum = v;
                checksumLine = Math.max(checksumLine, lines.line());
            });
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code 0x620,20,80 (attached by 9140)}: version, revision, update-minor and engine format version. */
    private void formatVersion(String value) {
        Matcher m = VERSION.matcher(value);
        if (m.find()) {
            lines.set(Long.parseLong(m.group(1), 16), v -> formatVersion = v);
            lines.set(Long.parseLong(m.group(2)), v -> formatRevision = v);
            DumpLines.optional(m.group(3) == null ? null : Long.valueOf(m.group(3)), v -> formatUpdateMinor = v);
            DumpLines.optional(m.group(4) == null ? null : Long.valueOf(m.group(4)), v -> efvMaxBinAttach = v);
        }
    }

    private void createdVersion(String value) {
        Matcher m = VERSION.matcher(value);
        if (m.find()) {
            lines.set(Long.parseLong(m.group(1), 16), v -> createVersion = v);
            lines.set(Long.parseLong(m.group(2)), v -> createRevision = v);
        }
    }

    /** {@code (10.0.19041 SP 0 NLS 60101.60101)}: OS version, service pack and the sort (NLS) version. */
    private void osVersion(String value) {
        Matcher m = OS.matcher(value);
        if (m.find()) {
            lines.set(Long.parseLong(m.group(1)), v -> osMajor = v);
            lines.set(Long.parseLong(m.group(2)), v -> osMinor = v);
            lines.set(Long.parseLong(m.group(3)), v -> osBuild = v);
            lines.set(Long.parseLong(m.group(4)), v -> osServicePack = v);
            if (m.group(5) != null) {
                lines.set(Long.parseLong(m.group(5), 16), v -> sortVersionNls = v);
                lines.set(Long.parseLong(m.group(6), 16), v -> sortVersionDefined = v);
            }
        }
    }

    private boolean logRange(String key, String value) {
        switch (key) {
            case "log required" -> logRequired(value);
            case "gen. max. req. creation time" -> lines.set(time(value), v -> genMaxRequiredTime = v);
            case "log committed" -> {
                long[] r = range(value);
                lines.set(r != null ? (Long) r[1] : num(value), v -> genMaxCommitted = v);
            }
            case "gen. max. com. creation time" -> lines.set(time(value), v -> genMaxCreateTime = v);
            case "log consistent" -> {
                lines.set(num(value), v -> genMinConsistent = v);
                preRedo(value, v -> genPreRedoMinConsistent = v);
            }
            case "log recovering" -> lines.set(num(value), v -> genRecovering = v);
            case "last consistent" -> {
                lines.set(lgpos(value), v -> consistentPosition = v);
                lines.set(time(value), v -> consistentTime = v);
            }
            case "last attach" -> {
                lines.set(lgpos(value), v -> attachPosition = v);
                lines.set(time(value), v -> attachTime = v);
            }
            case "last detach" -> {
                lines.set(lgpos(value), v -> detachPosition = v);
                lines.set(time(value), v -> detachTime = v);
            }
            case "last reattach" -> {
                lines.set(lgpos(value), v -> reattachPosition = v);
                lines.set(time(value), v -> reattachTime = v);
            }
            case "last resize" -> lines.set(lgpos(value), v -> lastResize = v);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code 44-46}, {@code 44-46 (0x2c-0x2e)} or {@code 0-0}, with an optional {@code Pre-Redo: n}; no range is no error. */
    private void logRequired(String value) {
        long[] r = range(value);
        if (r != null) {
            lines.set(r[0], v -> genMinRequired = v);
            lines.set(r[1], v -> genMaxRequired = v);
        }
        preRedo(value, v -> genPreRedoMinRequired = v);
    }

    private void preRedo(String value, java.util.function.Consumer<Long> into) {
        Matcher m = PRE_REDO.matcher(value);
        if (m.find()) {
            lines.set(Long.parseLong(m.group(1)), into);
        }
    }

    /** {@code Log Gen:} and {@code Mark:} under a backup heading; elsewhere they are kept as printed. */
    private boolean backupLine(String key, String value) {
        BackupLines b = section == null ? null : backups.get(section);
        switch (key) {
            case "log gen" -> {
                long[] r = range(value);
                if (r == null || b == null) {
                    return false;
                }
                lines.set(r[0], v -> b.low = v);
                lines.set(r[1], v -> b.high = v);
                String lv = value.toLowerCase(Locale.ROOT);
                lines.set(lv.contains("ossnapshot") ? 1L : lv.contains("- snapshot") ? 2L : lv.contains("unknown") ? 3L : 0L,
                        v -> b.type = v);
            }
            case "mark" -> {
                if (b == null) {
                    return false;
                }
                if (EseutilValues.LGPOS.matcher(value).find()) {
                    lines.set(lgpos(value), v -> b.mark = v);
                } else {
                    lines.set(time(value), v -> b.time = v);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean counters(String key, String value) {
        switch (key) {
            case "scrub dbtime" -> lines.set(EseutilValues.dbtime(value), v -> scrubDbtime = v);
            case "scrub date" -> lines.set(time(value), v -> scrubTime = v);
            case "repair count" -> lines.set(num(value), v -> repairCount = v);
            case "repair date" -> lines.set(time(value), v -> repairTime = v);
            case "old repair count" -> lines.set(num(value), v -> repairCountOld = v);
            case "reseed count" -> lines.set(num(value), v -> reseedCount = v);
            case "reseed date" -> lines.set(time(value), v -> reseedTime = v);
            case "old reseed count" -> lines.set(num(value), v -> reseedCountOld = v);
            case "patch count" -> lines.set(num(value), v -> pagePatchCount = v);
            case "patch date" -> lines.set(time(value), v -> pagePatchTime = v);
            case "old patch count" -> lines.set(num(value), v -> pagePatchCountOld = v);
            case "cpgupgrade55format" -> lines.set(num(value), v -> cpgUpgrade55Format = v);
            case "cpgupgradefreepages" -> lines.set(num(value), v -> cpgUpgradeFreePages = v);
            case "cpgupgradespacemappages" -> lines.set(num(value), v -> cpgUpgradeSpaceMapPages = v);
            case "extend count" -> lines.set(num(value), v -> extendCount = v);
            case "extend date" -> lines.set(time(value), v -> extendTime = v);
            case "shrink count" -> lines.set(num(value), v -> shrinkCount = v);
            case "shrink date" -> lines.set(time(value), v -> shrinkTime = v);
            case "trim count" -> lines.set(num(value), v -> trimCount = v);
            case "ecc fix success count" -> lines.set(count(value), v -> eccFixSuccess = v);
            case "last ecc fix success date" -> lines.set(time(value), v -> eccFixSuccessTime = v);
            case "old ecc fix success count" -> lines.set(count(value), v -> eccFixSuccessOld = v);
            case "ecc fix error count" -> lines.set(count(value), v -> eccFixFail = v);
            case "last ecc fix error date" -> lines.set(time(value), v -> eccFixFailTime = v);
            case "old ecc fix error count" -> lines.set(count(value), v -> eccFixFailOld = v);
            case "bad checksum error count" -> lines.set(count(value), v -> badChecksum = v);
            case "last bad checksum error date" -> lines.set(time(value), v -> badChecksumTime = v);
            case "old bad checksum error count" -> lines.set(count(value), v -> badChecksumOld = v);
            case "last database maintenance finish date", "last checksum finish date" ->
                lines.set(time(value), v -> dbscanPreviousFinish = v);
            case "current database maintenance start date", "current checksum start date" ->
                lines.set(time(value), v -> dbscanStart = v);
            case "highest continuous database maintenance page", "current checksum page" ->
                lines.set(num(value), v -> pgnoDbscanHighestContinuous = v);
            case "highest database maintenance page" -> lines.set(num(value), v -> pgnoDbscanHighest = v);
            case "database header flush signature" -> lines.signature(value, v -> dbHeaderFlushSignature = v);
            case "flush map header flush signature" -> lines.signature(value, v -> flushMapHeaderFlushSignature = v);
            case "rbs header flush signature" -> lines.signature(value, v -> rbsHeaderFlushSignature = v);
            case "revert count" -> lines.set(num(value), v -> revertCount = v);
            case "revert from date" -> lines.set(time(value), v -> revertFromTime = v);
            case "revert to date" -> lines.set(time(value), v -> revertToTime = v);
            case "revert page count" -> lines.set(num(value), v -> revertPageCount = v);
            case "last commit before revert" -> lines.set(lgpos(value), v -> commitBeforeRevert = v);
            default -> {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the header

    private DatabaseHeader header(String name) {
        if (expectedChecksum != null && actualChecksum != null && !expectedChecksum.equals(actualChecksum)) {
            lines.notes.add(Note.warning(-1, lines.at(checksumLine) + String.format("eseutil reported a checksum mismatch (expected 0x%08X, actual 0x%08X)",
                    expectedChecksum, actualChecksum)));
        }
        long version = formatVersion != null ? formatVersion : 0x620;
        long revision = DumpLines.orZero(formatRevision);
        boolean hasEse98 = revision >= 3 || version == 0x623 || genMinRequired != null || scrubTime != null;
        boolean hasEcc = revision >= 11 || eccFixSuccess != null;
        boolean hasCurrent = revision >= 12 || genMaxCommitted != null;
        Profile profile = formatRevision != null ? Profile.of(version, revision)
                : hasCurrent ? Profile.CURRENT : hasEcc ? Profile.ESE2003SP1 : hasEse98 ? Profile.ESE98 : Profile.ESE97;
        List<Note> notes = new ArrayList<>();
        notes.add(Note.info("source: eseutil /mh text in " + name + "; no checksum was verified; fields eseutil did not print are 0"));
        if (profile.inferred()) {
            notes.add(Note.info("layout: " + profile.description()));
        }
        cutShort();
        notes.addAll(lines.notes);
        DatabaseHeader h = new DatabaseHeader(path != null ? path : name, Source.TEXT, profile, checksum,
                magic != null ? magic : DatabaseHeader.MAGIC, version, (int) attrib, dbtime, dbSignature, state,
                consistentPosition, consistentTime, attachTime, attachPosition, detachTime, detachPosition, dbid,
                logSignature, backup(Backup.FULL).info(hasEse98 ? 0 : -1), backup(Backup.INCREMENTAL).info(hasEse98 ? 0 : -1),
                backup(Backup.CURRENT_FULL).info(-1), dbFlags, objidLast, osMajor, osMinor, osBuild, (int) osServicePack,
                revision, pageSize, repairCount, repairTime, hasEse98 ? ese98() : null, hasEcc ? ecc() : null,
                hasCurrent ? current() : null, 0, Verification.none(), notes, lines.kept);
        if (h.onlineBackupCopy()) {
            notes.add(Note.warning(-1, "copy made by an online backup (Current Full Backup genLow " + h.fullCurrent().genLow()
                    + ", genHigh 0): soft recovery refuses it (JET_errSoftRecoveryOnBackupDatabase -544)"));
        }
        return h.withNotes(notes);
    }

    private BackupLines backup(Backup b) {
        return backups.get(b);
    }

    private DatabaseHeader.Ese98 ese98() {
        return new DatabaseHeader.Ese98("0".repeat(56), scrubDbtime, scrubTime == null ? LogTime.UNSET : scrubTime,
                (int) DumpLines.orZero(genMinRequired), (int) genMaxRequired, (int) cpgUpgrade55Format,
                (int) cpgUpgradeFreePages, (int) cpgUpgradeSpaceMapPages, backup(Backup.SNAPSHOT).info(-1), createVersion,
                createRevision, genMaxCreateTime, backup(Backup.FULL).typeOrZero(), backup(Backup.INCREMENTAL).typeOrZero());
    }

    private DatabaseHeader.Ecc ecc() {
        return new DatabaseHeader.Ecc(repairCountOld, DumpLines.orZero(eccFixSuccess), eccFixSuccessTime, eccFixSuccessOld,
                eccFixFail, eccFixFailTime, eccFixFailOld, badChecksum, badChecksumTime, badChecksumOld);
    }

    private DatabaseHeader.Current current() {
        return new DatabaseHeader.Current((int) DumpLines.orZero(genMaxCommitted), backup(Backup.COPY).info(0),
                backup(Backup.DIFFERENTIAL).info(0), reseedCount, reseedTime, reseedCountOld, pagePatchCount, pagePatchTime,
                pagePatchCountOld, sortVersionDefined, sortVersionNls, dbscanPreviousFinish, dbscanStart,
                pgnoDbscanHighestContinuous, (int) genRecovering, extendCount, extendTime, shrinkCount, shrinkTime,
                reattachTime, reattachPosition, trimCount, dbHeaderFlushSignature, flushMapHeaderFlushSignature,
                (int) genMinConsistent, formatUpdateMinor, efvMaxBinAttach, pgnoDbscanHighest, lastResize, 0,
                genMaxRequiredTime, (int) genPreRedoMinConsistent, (int) genPreRedoMinRequired, rbsHeaderFlushSignature,
                revertCount, revertFromTime, revertToTime, revertPageCount, commitBeforeRevert);
    }
}
