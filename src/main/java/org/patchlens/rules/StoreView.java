package org.patchlens.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.ese.CheckpointHeader;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.EseException;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.ListedLog;
import org.patchlens.ese.LogHeader;
import org.patchlens.ese.PatchHeader;
import org.patchlens.ese.Signature;
import org.patchlens.evidence.Evidence;
import org.patchlens.model.Source;

/** The store files' headers as the rules read them, each with the evidence it came from. */
public final class StoreView {
    private static final Pattern ARCHIVED = Pattern.compile("(?i)^edb([0-9a-f]{5}|[0-9a-f]{8})\\.log$");
    /** An empty patch file: two 4 KB header pages (KB Q200941). */
    static final long EMPTY_PATCH = 8192;

    /** One header and its file. */
    public record Item<T extends EseHeader>(Evidence evidence, T header) {
        public String name() {
            return evidence.name();
        }

        /**
         * The file name alone (priv.edb, Edb00010.log, ...): for a header from eseutil text, the file the dump
         * names ("Log file: Edb00010.log", "Database: priv.edb"), so that /ml output stands for its logs.
         */
        public String fileName() {
            if (fromText()) {
                String f = header.file();
                return f.substring(Math.max(f.lastIndexOf('\\'), f.lastIndexOf('/')) + 1);
            }
            return evidence.path().getFileName().toString();
        }

        /** Where a field came from; a text dump has no byte offsets. */
        public Source source(String field, long offset) {
            return new Source(evidence.name(), field, fromText() ? -1 : offset);
        }

        /**
         * Where a header field came from, by its offset in the header: in the copy the reader took the fields from (the
         * shadow's, at the page size, when the primary is damaged).
         */
        public Source field(String field, long offset) {
            return source(field, header.verification().fieldsOffset() + offset);
        }

        private boolean fromText() {
            return header.source() == org.patchlens.ese.Source.TEXT;
        }
    }

    private final List<Item<DatabaseHeader>> databases = new ArrayList<>();
    private final List<Item<PatchHeader>> patches = new ArrayList<>();
    private final List<Item<CheckpointHeader>> checkpoints = new ArrayList<>();
    private final List<Item<LogHeader>> logs = new ArrayList<>();
    /** Files the classifier read as store headers that failed when read here, by evidence name. */
    private final Map<String, String> errors = new LinkedHashMap<>();

    StoreView(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            switch (e.kind()) {
                case ESE_DATABASE, ESE_PATCH, ESE_CHECKPOINT, ESE_LOG, ESEUTIL_TEXT -> read(e);
                default -> {
                }
            }
        }
        logs.sort(Comparator.comparingInt(l -> l.header().generation()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void read(Evidence e) {
        try {
            for (EseHeader h : EseFile.openAll(e.path())) {
                Item item = new Item<>(e, h);
                switch (h.kind()) {
                    case DATABASE -> databases.add(item);
                    case PATCH -> patches.add(item);
                    case CHECKPOINT -> checkpoints.add(item);
                    case LOG -> logs.add(item);
                }
            }
        } catch (EseException ex) {
            errors.put(e.name(), ex.getMessage());
        }
    }

    public List<Item<DatabaseHeader>> databases() {
        return databases;
    }

    public List<Item<PatchHeader>> patches() {
        return patches;
    }

    public List<Item<CheckpointHeader>> checkpoints() {
        return checkpoints;
    }

    /**
     * The logs of one folder: a log stream. The IS and the DS keep separate streams in separate
     * folders, so gaps, foreign logs and edb.log are judged per folder.
     */
    public record LogSet(String folder, List<Item<LogHeader>> logs) {
        public List<Item<LogHeader>> replayLogs() {
            return logs.stream().filter(StoreView::replays).toList();
        }

        /**
         * Why a rule over the replayed logs has none to read: no log at all, or logs under names replay does not read
         * (a renamed copy, a reserve log), named so that a renamed log is not passed over in silence.
         */
        public String noReplayLogs() {
            List<String> others = logs.stream().filter(l -> !replays(l)).map(Item::fileName).distinct().toList();
            if (others.isEmpty()) {
                return "no log headers among the evidence";
            }
            return "no log named edb.log or EdbXXXXX.log among the evidence (replay reads those names only); "
                    + (others.size() == 1 ? "1 log is" : others.size() + " logs are") + " named otherwise: "
                    + String.join(", ", others.subList(0, Math.min(5, others.size())))
                    + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "");
        }

        public Optional<Item<LogHeader>> generation(long gen) {
            return replayLogs().stream().filter(l -> l.header().generation() == gen).findFirst();
        }

        /** A log of generation {@code gen} replay can use: not {@link StoreView#damaged}. */
        public Optional<Item<LogHeader>> sound(long gen) {
            return replayLogs().stream().filter(l -> l.header().generation() == gen && !damaged(l)).findFirst();
        }

        /** True if this stream belongs to the directory (DS): dir.pat beside it or dir.edb attached. */
        public boolean directory(StoreView s) {
            boolean dirPat = s.patches().stream().anyMatch(p -> folderOf(p).equals(folder)
                    && p.fileName().equalsIgnoreCase("dir.pat"));
            boolean dirAttached = logs.stream().flatMap(l -> l.header().attachments().stream())
                    .anyMatch(a -> WinPath.of(a.path()).fileName().equalsIgnoreCase("dir.edb"));
            return dirPat || dirAttached;
        }
    }

    static String folderOf(Item<?> i) {
        java.nio.file.Path parent = java.nio.file.Path.of(i.name()).getParent();
        return parent == null ? "" : parent.toString();
    }

    /** The log streams, one per folder, in folder order. */
    public List<LogSet> logSets() {
        java.util.Map<String, List<Item<LogHeader>>> byFolder = new java.util.TreeMap<>();
        for (Item<LogHeader> l : logs) {
            byFolder.computeIfAbsent(folderOf(l), k -> new ArrayList<>()).add(l);
        }
        List<LogSet> out = new ArrayList<>();
        byFolder.forEach((f, ls) -> out.add(new LogSet(f, List.copyOf(ls))));
        return out;
    }

    /** The stream of the information store (IS) or of the directory (DS). */
    public Optional<LogSet> logSet(boolean directory) {
        List<LogSet> sets = logSets();
        if (sets.size() == 1) {
            return Optional.of(sets.get(0));
        }
        return sets.stream().filter(ls -> ls.directory(this) == directory).findFirst();
    }

    /** Why a file that was identified as a store header could not be read as one here, by evidence name. */
    public Map<String, String> errors() {
        return java.util.Collections.unmodifiableMap(errors);
    }

    /**
     * A log eseutil's text names without a generation (an edb.log a range listing calls OK after a log it found
     * damaged: eseutil verified it against no sound log); its generation reads 0, which places it nowhere.
     */
    public static boolean generationUnknown(Item<LogHeader> l) {
        return l.header().fromListing() && l.header().listed().generationFrom() == ListedLog.GenerationFrom.UNKNOWN;
    }

    /** Why {@link #generationUnknown} holds, as a finding says it: "eseutil /ml, line 7: OK; the text gives ...". */
    public static String unknownGenerationWhy(Item<LogHeader> l) {
        ListedLog listed = l.header().listed();
        return "eseutil /ml, line " + listed.line() + ": " + listed.status() + "; the text gives no generation for it";
    }

    /** True for {@code edb.log}, the current log. */
    public static boolean isCurrent(Item<LogHeader> l) {
        return l.fileName().toLowerCase(Locale.ROOT).equals("edb.log");
    }

    /**
     * True for a log replay cannot use though the file is there ({@link LogHeader#damage()} says why): a binary log
     * whose header checksum does not verify, or one eseutil's /ml text reports unusable: damaged (a range listing's
     * verdict, a log it printed no header for, ERROR lines after a header it dumped), or named with no verdict (the
     * text cut).
     */
    public static boolean damaged(Item<LogHeader> l) {
        return l.header().damage() != null;
    }

    /**
     * Who found a damaged log unusable: the reader (its header cut short, or its checksum not verifying) or eseutil's
     * text; {@code label} for lists ("Not usable (header checksum): ..."), {@code finding} for the remedies.
     */
    enum Damage {
        CUT_SHORT("header cut short", "its header is cut short"),
        CHECKSUM("header checksum", "its header checksum does not verify"),
        ESEUTIL("eseutil /ml", "eseutil /ml did not find it usable");

        final String label;
        final String finding;

        Damage(String label, String finding) {
            this.label = label;
            this.finding = finding;
        }

        /** The kind of a {@link #damaged} log's damage. */
        static Damage of(Item<LogHeader> l) {
            return l.header().headerCutShort() ? CUT_SHORT : l.header().checksumDamage() != null ? CHECKSUM : ESEUTIL;
        }
    }

    /** Where a damaged log's reason is read: where its header is cut short, its header checksum (offset 0), or eseutil's verdict. */
    static Source damageSource(Item<LogHeader> l) {
        return switch (Damage.of(l)) {
            case CUT_SHORT -> l.source("header, cut short", l.header().verification().primary().held());
            case CHECKSUM -> l.source("checksum", 0);
            case ESEUTIL -> l.source(l.fileName() + " (eseutil /ml verdict)", -1);
        };
    }

    /** Who found a damaged log unusable, for the remedies: {@link Damage#finding}. */
    static String damageFinding(Item<LogHeader> l) {
        return Damage.of(l).finding;
    }

    /** The archived log's name of a generation: Edb0001f.log for 31. */
    static String logName(long gen) {
        return String.format("Edb%05x.log", gen);
    }

    /** The generation in an archived log's name (Edb0001f.log = 31), or -1. */
    public static long nameGeneration(Item<LogHeader> l) {
        Matcher m = ARCHIVED.matcher(l.fileName());
        return m.matches() ? Long.parseLong(m.group(1), 16) : -1;
    }

    /** Logs that take part in replay: edb.log and EdbXXXXX.log (not res1/res2). */
    public List<Item<LogHeader>> replayLogs() {
        return logs.stream().filter(StoreView::replays).toList();
    }

    /** True for a log that takes part in replay: edb.log or EdbXXXXX.log, not a reserve or temporary log. */
    static boolean replays(Item<LogHeader> l) {
        return isCurrent(l) || nameGeneration(l) >= 0;
    }

    /** The anchor: the lowest Last Consistent generation among the databases (offline roll-forward). */
    public long anchor() {
        return databases.stream().mapToLong(d -> d.header().consistentPosition().generation()).filter(g -> g > 0)
                .min().orElse(-1);
    }

    /** A database by its file name (priv.edb), case-insensitive. */
    public Optional<Item<DatabaseHeader>> database(String fileName) {
        return databases.stream().filter(d -> d.fileName().equalsIgnoreCase(fileName)).findFirst();
    }

    static boolean same(Signature a, Signature b) {
        return a != null && b != null && a.sameAs(b);
    }

    static String show(Signature s) {
        return s == null ? "(not recorded)" : s.toString();
    }
}
