package org.patchlens.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchlens.ese.EseHeader;
import org.patchlens.ese.LogChain;
import org.patchlens.ese.LogTime;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.report.Report.Datum;
import org.patchlens.report.Report.LogEntry;
import org.patchlens.report.Report.StoreField;
import org.patchlens.report.Report.StoreFile;
import org.patchlens.report.Report.StoreHeaders;

/**
 * The Store and Log chain sheets of a check report ({@link CheckReport}): the store headers side by side, one
 * row per field as eseutil shows it, and the log chain by generation, from the ESE reader's records.
 */
public final class StoreRows {
    private StoreRows() {
    }

    /** The store headers of some evidence and the chain of its logs. */
    public record Store(StoreHeaders headers, List<LogEntry> logChain) {
    }

    /**
     * The headers side by side, one row per field under eseutil's label and in eseutil's format
     * ({@link EseFields}: the text of {@code patchlens ese header}), each with its byte offsets in the file,
     * rows in the order of first appearance.
     */
    public static StoreHeaders store(List<? extends EseHeader> headers) {
        return store(headers.stream().map(EseHeader::file).toList(), headers);
    }

    /** As {@link #store(List)}, with the names to show for the files (e.g. evidence names). */
    public static StoreHeaders store(List<String> names, List<? extends EseHeader> headers) {
        List<StoreFile> files = new ArrayList<>();
        List<List<EseFields.Row>> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            EseHeader h = headers.get(i);
            files.add(new StoreFile(names.get(i), h.kind().name().toLowerCase(Locale.ROOT)));
            columns.add(EseFields.of(h));
        }
        return sideBySide(files, columns);
    }

    /** Rows by field (eseutil's label, with its section) over the columns, in the order of first appearance. */
    static StoreHeaders sideBySide(List<StoreFile> files, List<List<EseFields.Row>> columns) {
        Map<String, Datum[]> fields = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Integer> occurrence = new java.util.HashMap<>();
            for (EseFields.Row r : columns.get(i)) {
                // a label repeated in one section (a backup's two "Mark" lines) is a row per occurrence
                int n = occurrence.merge(r.field(), 1, Integer::sum);
                String key = n == 1 ? r.field() : r.field() + "\u0000" + n;
                fields.computeIfAbsent(key, k -> new Datum[columns.size()])[i] = new Datum(r.value(), r.offsets());
            }
        }
        List<StoreField> out = new ArrayList<>();
        fields.forEach((key, ds) -> {
            List<Datum> vs = new ArrayList<>();
            for (Datum d : ds) {
                vs.add(d == null ? Datum.NONE : d);
            }
            int cut = key.indexOf('\u0000');
            out.add(new StoreField(cut < 0 ? key : key.substring(0, cut), vs));
        });
        return new StoreHeaders(files, out);
    }

    /**
     * A LOGTIME as a date cell when it is UTC and a calendar date; null when it is in the server's local
     * time (Exchange 5.5 writes local times; the file does not say which zone) or not a date.
     */
    static Instant utc(LogTime t) {
        if (!t.isSet() || !t.utc() || !t.plausible()) {
            return null;
        }
        try {
            return LocalDateTime.of(t.year(), t.month(), t.day(), t.hours(), t.minutes(), t.seconds(),
                    t.milliseconds() * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The log chain: every log by generation, each gap as its own row, foreign or damaged logs marked. */
    public static List<LogEntry> logChain(LogChain.Report r) {
        Set<Long> present = new LinkedHashSet<>(r.present());
        Set<Long> gaps = new java.util.TreeSet<>(r.gaps());
        List<LogEntry> out = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        for (long g : gaps) {
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == g - 1) {
                ranges.get(ranges.size() - 1)[1] = g;
            } else {
                ranges.add(new long[] {g, g});
            }
        }
        int next = 0;
        for (LogChain.Entry e : r.logs()) {
            long gen = e.header() == null ? e.nameGeneration() : e.generation();
            while (next < ranges.size() && ranges.get(next)[0] < gen) {
                out.add(gap(ranges.get(next++)));
            }
            String state = e.header() == null ? "UNREADABLE" : present.contains(gen) ? "OK" : "FOREIGN";
            LogTime created = e.header() == null ? null : e.header().created();
            out.add(new LogEntry(gen, e.file(), state, e.header() == null || e.header().logSignature() == null ? ""
                    : e.header().logSignature().toString(), created == null ? null : utc(created),
                    created == null ? "" : created.rawHex(),
                    state.equals("FOREIGN") ? "not part of the set (signature or checksum)" : e.role().name()
                            .toLowerCase(Locale.ROOT)));
        }
        while (next < ranges.size()) {
            out.add(gap(ranges.get(next++)));
        }
        return out;
    }

    private static LogEntry gap(long[] g) {
        return new LogEntry(g[0], "", "GAP", "", null, "", g[0] == g[1] ? String.format("generation 0x%X missing", g[0])
                : String.format("generations 0x%X-0x%X missing", g[0], g[1]));
    }

    /** Log headers shown side by side on the Store sheet at most (the first and last half of them). */
    public static final int MAX_STORE_LOGS = 50;

    /**
     * Reads the store headers of the evidence (databases, patch files, checkpoints, logs): the Store sheet and
     * the log chain. A header that cannot be read is left out (the Evidence sheet and the IN rules report it).
     */
    public static Store fromEvidence(List<Evidence> evidence) {
        List<StoreFile> files = new ArrayList<>();
        List<List<EseFields.Row>> columns = new ArrayList<>();
        List<String> logNames = new ArrayList<>();
        List<org.patchlens.ese.LogHeader> logs = new ArrayList<>();
        List<org.patchlens.ese.CheckpointHeader> cks = new ArrayList<>();
        List<org.patchlens.ese.DatabaseHeader> dbs = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!isStore(e.kind())) {
                continue;
            }
            EseHeader h;
            try {
                h = org.patchlens.ese.EseFile.open(e.path());
            } catch (RuntimeException ex) {
                continue;
            }
            if (h instanceof org.patchlens.ese.LogHeader l) {
                logs.add(l);
                logNames.add(e.name());
                continue;
            }
            if (h instanceof org.patchlens.ese.CheckpointHeader c) {
                cks.add(c);
            } else if (h instanceof org.patchlens.ese.DatabaseHeader d) {
                dbs.add(d);
            }
            String kind = h.kind().name().toLowerCase(Locale.ROOT);
            files.add(new StoreFile(e.name(), kind));
            columns.add(EseFields.of(h));
            otherCopy(e, h).ifPresent(o -> {
                files.add(new StoreFile(e.name(), kind, o.copy()));
                columns.add(o.rows());
            });
        }
        for (int i = 0; i < logs.size(); i++) {
            if (logs.size() <= MAX_STORE_LOGS || i < MAX_STORE_LOGS / 2 || i >= logs.size() - MAX_STORE_LOGS / 2) {
                files.add(new StoreFile(logNames.get(i), "log"));
                columns.add(EseFields.of(logs.get(i)));
            }
        }
        List<LogEntry> chain = logs.isEmpty() ? List.of() : logChain(LogChain.analyze(logs, cks, dbs, List.of()));
        return new Store(sideBySide(files, columns), chain);
    }

    /** The header copy the reader did not use, as rows, with its name ("shadow copy @0x2000"). */
    private record OtherCopy(String copy, List<EseFields.Row> rows) {
    }

    /**
     * When a shadowed header's two copies differ, the other copy (the one the reader did not use) read on
     * its own, with its rows' offsets moved to where that copy is in the file: both are shown side by side.
     */
    private static Optional<OtherCopy> otherCopy(Evidence e, EseHeader h) {
        org.patchlens.ese.Verification v = h instanceof org.patchlens.ese.DatabaseHeader d ? d.verification()
                : h instanceof org.patchlens.ese.PatchHeader p ? p.verification()
                : h instanceof org.patchlens.ese.CheckpointHeader c ? c.verification() : null;
        if (v == null || v.differences().isEmpty() || !v.primary().present() || !v.shadow().present()) {
            return Optional.empty();
        }
        org.patchlens.ese.HeaderCopy other = v.used().equals("shadow") ? v.primary() : v.shadow();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(e.path(),
                java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(other.length());
            while (buf.hasRemaining() && ch.read(buf, other.offset() + buf.position()) > 0) {
                // read the whole copy
            }
            if (buf.hasRemaining()) {
                return Optional.empty();
            }
            EseHeader alone = org.patchlens.ese.EseFile.read(e.name(), buf.array());
            List<EseFields.Row> rows = new ArrayList<>();
            for (EseFields.Row r : EseFields.of(alone)) {
                if (r.section().equals("Checksum verdicts")) {
                    continue; // the copy read alone has no shadow: its verdicts are the file's, in the used column
                }
                rows.add(new EseFields.Row(r.section(), r.label(), r.value(),
                        r.offsets().stream().map(o -> o + other.offset()).toList()));
            }
            return Optional.of(new OtherCopy(other.name() + String.format(" copy @0x%X, differs in %s", other.offset(),
                    String.join(", ", v.differences())), rows));
        } catch (java.io.IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The evidence kinds whose files are store headers. */
    public static boolean isStore(EvidenceKind k) {
        return k == EvidenceKind.ESE_DATABASE || k == EvidenceKind.ESE_PATCH || k == EvidenceKind.ESE_CHECKPOINT
                || k == EvidenceKind.ESE_LOG;
    }
}
