package org.patchlens.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.patchlens.artifacts.Artifacts;
import org.patchlens.artifacts.Entry;
import org.patchlens.artifacts.Field;
import org.patchlens.artifacts.HiveResult;
import org.patchlens.artifacts.HiveType;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.Damage;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.FileTime;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveOpener;
import org.patchlens.hive.HiveOptions;
import org.patchlens.hive.Key;
import org.patchlens.hive.RecoveryFailed;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.hive.Value;
import org.patchlens.hive.ValueType;
import org.patchlens.report.DeletedWriter;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The rows of one folder's files, made lazily (a hive's keys a batch at a time, so a large hive never sits in
 * memory as rows): every primary hive, opened from its bytes with the logs named {@code HIVE.LOG},
 * {@code .LOG1}, {@code .LOG2} beside it replayed as the command line does ({@link HiveOpener}), then one
 * {@code files} row per input. Whatever a file holds, it costs only itself: an error is caught, the rows made
 * before it are kept and the error is its {@code files} row's.
 */
final class FolderRows implements Iterator<Row> {
    /** A file of the folder: its path as the file system names it, its size, and its bytes (null: not loaded). */
    record In(String path, long length, byte[] content) {
        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Keys read per step of a dump: enough to amortise the bookkeeping, few enough to keep the buffer small. */
    private static final int KEYS_PER_STEP = 256;
    private static final HexFormat HEX = HexFormat.of();

    private final FleetJob.Settings settings;
    private final ArrayDeque<Row> pending = new ArrayDeque<>();
    private final Iterator<Unit> units;
    private HiveWork current;

    /** A primary hive with its logs, or a file read alone (not a hive, or not loaded). */
    private record Unit(In file, List<In> logs, boolean hive) {
    }

    FolderRows(FleetJob.Settings settings, Iterator<In> files) {
        this.settings = settings;
        List<In> all = new ArrayList<>();
        files.forEachRemaining(all::add);
        all.sort((a, b) -> a.path().compareTo(b.path()));
        List<In> hives = new ArrayList<>();
        java.util.Set<In> isHive = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // logs pair by name ignoring case, as beside a hive on Windows; where two hives differ only by case
        // (possible on the collection's file system), the first in path order gets them
        Map<String, In> byName = new LinkedHashMap<>();
        for (In f : all) {
            if (f.content() != null && Classifier.isPrimaryHive(f.content(), f.content().length)) {
                hives.add(f);
                isHive.add(f);
                byName.putIfAbsent(f.name().toUpperCase(Locale.ROOT), f);
            }
        }
        Map<In, List<In>> logs = new java.util.IdentityHashMap<>();
        List<In> alone = new ArrayList<>();
        for (In f : all) {
            if (isHive.contains(f)) {
                continue;
            }
            String base = logBase(f.name().toUpperCase(Locale.ROOT));
            if (base != null && byName.containsKey(base)) {
                logs.computeIfAbsent(byName.get(base), k -> new ArrayList<>()).add(f);
            } else {
                alone.add(f);
            }
        }
        List<Unit> u = new ArrayList<>();
        hives.forEach(f -> u.add(new Unit(f, logs.getOrDefault(f, List.of()), true)));
        alone.forEach(f -> u.add(new Unit(f, List.of(), false)));
        this.units = u.iterator();
    }

    /** HIVE for HIVE.LOG, HIVE.LOG1, HIVE.LOG2 (upper case), else null. */
    private static String logBase(String upper) {
        for (String suffix : new String[] {".LOG", ".LOG1", ".LOG2"}) {
            if (upper.endsWith(suffix) && upper.length() > suffix.length()) {
                return upper.substring(0, upper.length() - suffix.length());
            }
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && (current != null || units.hasNext())) {
            if (current != null) {
                current.step();
                current = current.done ? null : current;
            } else {
                Unit u = units.next();
                if (u.hive()) {
                    HiveWork w = new HiveWork(u);
                    current = w.done ? null : w;
                } else {
                    alone(u.file());
                }
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** A file that is not a primary hive (nor a log beside one), or one too large to load. */
    private void alone(In f) {
        String host = settings.host(f.path());
        if (f.content() == null) {
            pending.add(fileRow(host, f, null, "not-loaded", null, null, null, null, List.of(), null,
                    f.path() + ": " + f.length() + " bytes; files over 2 GiB are not loaded", 0));
            return;
        }
        pending.add(fileRow(host, f, Hashing.sha256(f.content()), "other", null, null, null, null, List.of(), null,
                null, 0));
    }

    private Row fileRow(String host, In f, String sha, String kind, String hiveType, Long keys, Long values,
                        Long entriesOrRecovered, List<String> damage, String replay, String error, long millis) {
        Long entries = settings.mode() == FleetJob.Mode.ARTIFACTS ? entriesOrRecovered : null;
        Long recovered = settings.mode() == FleetJob.Mode.DELETED ? entriesOrRecovered : null;
        return Tables.of(Tables.FILES, hiveType == null ? Tables.NO_TYPE : hiveType, host, f.path(), sha, kind,
                f.length(), keys, values, entries, recovered, kind.equals("hive") ? damage.size() : null,
                damage.toArray(String[]::new), replay, error, millis);
    }

    /** One hive being read: opened at once, then walked a step at a time (dump) or decoded at once. */
    private final class HiveWork {
        private final Unit unit;
        private final String host;
        private final String sha;
        private final long started = System.nanoTime();
        private String type = Tables.NO_TYPE;
        private Hive hive;
        private Iterator<Key> walk;
        private long keys;
        private long values;
        private long entries;
        private String replay;
        private String replayFailure;
        private String error;
        private boolean done;

        HiveWork(Unit unit) {
            this.unit = unit;
            this.host = settings.host(unit.file().path());
            this.sha = Hashing.sha256(unit.file().content());
            try {
                open();
                type = HiveType.of(hive).label();
                switch (settings.mode()) {
                    case DUMP -> walk = hive.walk().iterator();
                    case ARTIFACTS -> {
                        HiveResult r = Artifacts.run(hive, unit.file().path(), sha, HiveType.of(hive), List.of());
                        for (Entry e : r.entries()) {
                            pending.add(artifact(e));
                        }
                        entries = r.entries().size();
                        finish();
                    }
                    case DELETED -> {
                        List<DeletedRecords.Item> items = DeletedRecords.scan(hive);
                        for (DeletedRecords.Item i : items) {
                            pending.add(deleted(i));
                        }
                        entries = items.size();
                        finish();
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail(e);
            }
        }

        /**
         * As the CLI opens it, with its logs; a replay that fails falls back to the hive as found (the CLI's
         * {@code --no-logs}), so the job still has its rows, and says so in {@code replay}.
         */
        private void open() {
            In f = unit.file();
            List<String> names = unit.logs().stream().map(In::path).toList();
            List<byte[]> bytes = new ArrayList<>();
            for (In l : unit.logs()) {
                if (l.content() == null) {
                    replayFailure = l.path() + ": over 2 GiB, not loaded";
                }
                bytes.add(l.content() == null ? new byte[0] : l.content());
            }
            if (replayFailure == null) {
                try {
                    hive = HiveOpener.open(f.path(), f.content(), names, bytes, HiveOptions.DEFAULTS);
                    replay = hive.replay().map(l -> l.outcome().name())
                            .orElse(hive.header().dirty() ? ReplayLedger.Outcome.NO_LOGS.name() : "CLEAN");
                    return;
                } catch (RecoveryFailed e) {
                    replayFailure = e.getMessage();
                }
            }
            hive = Hive.fromBytes(f.path(), f.content(), HiveOptions.DEFAULTS);
            replay = ReplayLedger.Outcome.FAILED.name() + ": " + flat(replayFailure) + " (read as found)";
        }

        void step() {
            try {
                long deadline = started + settings.fileSeconds() * 1_000_000_000L;
                for (int n = 0; n < KEYS_PER_STEP; n++) {
                    if (!walk.hasNext()) {
                        finish();
                        return;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        // the walk budget bounds rows; this bounds a crafted hive's time (the rest is not read)
                        error = "time budget of " + settings.fileSeconds() + " s spent after " + keys + " keys; the "
                                + "rest of the hive is not read";
                        finish();
                        return;
                    }
                    key(walk.next());
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail(e);
            }
        }

        /** One key and its values, read as {@code hive dump} reads them (ReadAhead.read). */
        private void key(Key k) {
            String path = unit.file().path();
            String cls = k.className();
            String written = FileTime.iso(k.lastWrittenRaw());
            List<Value> vs = k.values();
            List<byte[]> data = new ArrayList<>(vs.size());
            for (Value v : vs) {
                data.add(v.data());
            }
            keys++;
            pending.add(Tables.of(Tables.KEYS, type, host, path, sha, k.path(), k.name(), written, k.fileOffset(),
                    cls));
            for (int i = 0; i < vs.size(); i++) {
                Value v = vs.get(i);
                byte[] d = data.get(i);
                DecodedValue dv = v.decoded(d);
                values++;
                pending.add(Tables.of(Tables.VALUES, type, host, path, sha, k.path(), k.name(), written,
                        k.fileOffset(), cls, v.name(), ValueType.name(v.typeCode()), v.typeCode(), d.length,
                        HEX.formatHex(d), value(dv, d), dv.kind() == DecodedValue.Kind.MULTI_STRING
                                ? dv.strings().toArray(String[]::new) : null,
                        dv.anomalies().toArray(String[]::new), v.fileOffset()));
            }
        }

        private Row artifact(Entry e) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, Long> offsets = new LinkedHashMap<>();
            for (Field f : e.fields()) {
                fields.put(f.name(), f.shown());
                offsets.put(f.name(), f.offset());
            }
            return Tables.of(Tables.ARTIFACTS, type, host, unit.file().path(), sha, e.plugin(), e.keyPath(),
                    e.keyOffset(), FileTime.iso(e.lastWritten()), e.valueName(), CollectionConverters.asScala(fields),
                    CollectionConverters.asScala(offsets), e.notes().toArray(String[]::new));
        }

        private Row deleted(DeletedRecords.Item i) {
            boolean k = i.isKey();
            return Tables.of(Tables.DELETED, type, host, unit.file().path(), sha, i.kind(), i.label(), i.path(),
                    i.pathComplete(), i.name(), i.fileOffset(), k ? FileTime.iso(i.lastWritten()) : null,
                    k ? i.parentOffset() : null, k ? null : ValueType.name(i.typeCode()), k ? null : i.typeCode(),
                    k ? null : i.data().length, k ? null : HEX.formatHex(i.data()), k ? null : DeletedWriter.render(i),
                    k ? null : i.dataStatus());
        }

        private void fail(Throwable e) {
            error = flat(e.getMessage() == null ? e.toString() : e.getMessage());
            finish();
        }

        /** The hive's files row, then one per log (its role in the replay, from the ledger). */
        private void finish() {
            long millis = (System.nanoTime() - started) / 1_000_000;
            List<String> damage = new ArrayList<>();
            if (hive != null) {
                for (Damage d : hive.damage()) {
                    String s = d.toString();
                    damage.add(s.startsWith(d.file() + ": ") ? s.substring(d.file().length() + 2) : s);
                }
            }
            boolean dump = settings.mode() == FleetJob.Mode.DUMP;
            pending.add(fileRow(host, unit.file(), sha, "hive", type, dump ? keys : null, dump ? values : null,
                    dump ? null : entries, damage, replay, error, millis));
            ReplayLedger ledger = hive == null ? null : hive.replay().orElse(null);
            for (In l : unit.logs()) {
                String role = ledger == null ? null : ledger.logs().stream().filter(r -> r.file().equals(l.path()))
                        .map(r -> r.role()).findFirst().orElse(null);
                pending.add(fileRow(host, l, l.content() == null ? null : Hashing.sha256(l.content()), "log", type, null,
                        null, null, List.of(), role, l.content() == null ? l.path() + ": " + l.length()
                                + " bytes; files over 2 GiB are not loaded" : null, 0));
            }
            done = true;
            hive = null;
            walk = null;
        }
    }

    /** The decoded value as one string, as {@code hive dump}'s JSONL gives it (a MULTI_SZ's strings: one per line). */
    static String value(DecodedValue d, byte[] data) {
        return switch (d.kind()) {
            case STRING -> d.text();
            case MULTI_STRING -> String.join("\n", d.strings());
            case NUMBER -> Long.toUnsignedString(d.number());
            case BINARY -> HEX.formatHex(data);
        };
    }

    private static String flat(String s) {
        return s == null ? null : s.replaceAll("[\\r\\n]+", " ");
    }
}
