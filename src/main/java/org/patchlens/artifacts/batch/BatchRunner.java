package org.patchlens.artifacts.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchlens.artifacts.Artifacts;
import org.patchlens.artifacts.Catalog;
import org.patchlens.artifacts.Entry;
import org.patchlens.artifacts.Field;
import org.patchlens.artifacts.HiveType;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Runs a batch file's entries on one hive, as RECmd's batch mode does ({@code ProcessBatch},
 * {@code ProcessBatchKey}, {@code BuildBatchCsvOut} in {@code RECmd/Program.cs}): an entry applies when its
 * HiveType is the hive's type (told by content, {@link HiveType}); its KeyPath is found ({@link KeyPattern});
 * without a ValueName every value of the key is a row (a key without values is one row of its own), with one
 * only that value; Recursive goes on through the subkeys. REG_BINARY data is {@code (Binary data)} unless
 * IncludeBinary, then its BinaryConvert or its hex; the time conversions apply to data of any type, as in
 * RECmd. An entry whose comment names a RECmd plugin we have a decoder for gives the decoder's entries instead
 * ({@code (plugin)} rows); one whose plugin we lack gives its raw values, and the result says so. Every entry
 * ends with an {@link Outcome}, so the run accounts for each. Rows go to a {@link RowSink} as they are made: a
 * batch file can ask for any number of them (the same recursive KeyPath in thousands of entries), so none is kept
 * here and the writer's output budget is what stops a run that asks for too many. What an entry reads without
 * writing (a recursive KeyPath whose ValueName is nowhere, a wildcard KeyPath over every level) costs keys, not
 * rows, so a run has a budget of those too: its entries read at most {@link #WALKS} whole walks of the hive in keys
 * (the hive's cells, each a bound on its keys) and {@link #KEYS_ANY_HIVE} more, past which the run stops
 * ({@link TooCostly}).
 */
public final class BatchRunner {
    /**
     * How many walks of the whole hive one run's entries may cost. Kroll_Batch.reb and DFIRBatch.reb read at most
     * 2.3 times the hive's cells in keys on the corpus hives (BatchCorpusTest's; regipy's SYSTEM 0.36); the batch
     * file that made this bound repeats one recursive KeyPath 20,000 times with a ValueName found nowhere, which ran
     * on for over 5 minutes without a row on regipy's 11.7 MB SYSTEM.
     */
    public static final int WALKS = 64;

    /**
     * Keys any run may read besides {@link #WALKS}, so that a long batch file over a tiny hive is not stopped: each of
     * Kroll_Batch.reb's entries reads the subkeys on its KeyPath's way, a fixed cost per entry (about a second's work).
     */
    public static final long KEYS_ANY_HIVE = 1L << 20;

    /** A run stopped at an entry because the entries before it and it read more keys than {@link #WALKS} allows. */
    public static final class TooCostly extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BatchEntry entry;
        private final String hivePath;
        private final long keys;

        TooCostly(BatchEntry entry, String hivePath, long keys) {
            super(hivePath + ": the entries read more than " + keys + " keys");
            this.entry = entry;
            this.hivePath = hivePath;
            this.keys = keys;
        }

        /** The hive the run stopped on, as the run was given it. */
        public String hivePath() {
            return hivePath;
        }

        /** The entry the run stopped at. */
        public BatchEntry entry() {
            return entry;
        }

        /** The keys the run could read ({@link #WALKS} times the hive's cells, plus {@link #KEYS_ANY_HIVE}). */
        public long keys() {
            return keys;
        }
    }

    /** What became of an entry on one hive. */
    public enum Status {
        /** Raw value rows. */
        ROWS,
        /** Rows of our decoder for the RECmd plugin the entry names. */
        DECODER_ROWS,
        /** The hive is of this type, but the key (or the value) is not in it. */
        NOT_PRESENT,
        /** The entry is for another hive type. */
        OTHER_TYPE
    }

    /** Where each row goes as it is made (the output's writer). */
    @FunctionalInterface
    public interface RowSink {
        void accept(BatchRow row) throws IOException;
    }

    /** An entry's outcome on one hive: its status and its rows. */
    public record Outcome(BatchEntry entry, Status status, int rows) {
    }

    /**
     * One hive's run.
     *
     * @param rows               the rows when the run collected them ({@link #run(BatchFile, Hive, String, HiveType)}),
     *                           none when they went to a {@link RowSink}
     * @param conversionFailures rows whose BinaryConvert did not apply (the data is kept as it is; ValueData3 says why)
     */
    public record Result(String hivePath, HiveType type, List<BatchRow> rows, List<Outcome> outcomes,
                         int conversionFailures) {
        public Result {
            rows = List.copyOf(rows);
            outcomes = List.copyOf(outcomes);
        }

        public List<Outcome> with(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).toList();
        }
    }

    private final Hive hive;
    private final String hivePath;
    private final HiveType type;
    private final String rootName;
    private final Map<Catalog, List<Entry>> decoded = new EnumMap<>(Catalog.class);
    private final RowSink sink;
    private int count;
    private int conversionFailures;
    private final long keyBudget;
    private long keysRead;

    private BatchRunner(Hive hive, String hivePath, HiveType type, RowSink sink) {
        this.hive = hive;
        this.sink = sink;
        this.hivePath = hivePath;
        this.type = type;
        this.rootName = hive.root().name();
        this.keyBudget = (long) WALKS * hive.cellCount() + KEYS_ANY_HIVE;
    }

    /** Runs every entry of {@code batch} on {@code hive} (read as {@code type}), in the batch file's order. */
    public static Result run(BatchFile batch, Hive hive, String hivePath, HiveType type) {
        List<BatchRow> rows = new ArrayList<>();
        try {
            Result r = run(batch, hive, hivePath, type, rows::add);
            return new Result(hivePath, type, rows, r.outcomes(), r.conversionFailures());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a list takes every row
        }
    }

    /**
     * Runs every entry of {@code batch} on {@code hive}, each row to {@code sink} as it is made; an exception of the
     * sink (its output budget reached, a full disk) ends the run, and so does {@link TooCostly}.
     */
    public static Result run(BatchFile batch, Hive hive, String hivePath, HiveType type, RowSink sink)
            throws IOException {
        BatchRunner r = new BatchRunner(hive, hivePath, type, sink);
        List<Outcome> outcomes = new ArrayList<>();
        for (BatchEntry e : batch.entries()) {
            outcomes.add(r.entry(e));
        }
        return new Result(hivePath, type, List.of(), outcomes, r.conversionFailures);
    }

    private void add(BatchRow row) throws IOException {
        sink.accept(row);
        count++;
    }

    /**
     * The decoder an entry's RECmd plugin maps to when it would run (not disabled, for this hive type), or null.
     * Where it finds nothing under the entry's keys, the entry gives the raw values instead.
     */
    public static Catalog decoderFor(BatchEntry e) {
        Catalog c = e.disablePlugin() ? null : RecmdPlugins.decoder(e.recmdPlugin());
        return c != null && c.spec().hive() == e.hiveType().matches() ? c : null;
    }

    /** Whether patchlens has a decoder for the RECmd plugin of this name. */
    public static boolean hasDecoder(String recmdPlugin) {
        return RecmdPlugins.decoder(recmdPlugin) != null;
    }

    /** {@code n} more keys read for entry {@code e}. */
    private void read(BatchEntry e, long n) {
        keysRead += n;
        if (keysRead > keyBudget) {
            throw new TooCostly(e, hivePath, keyBudget);
        }
    }

    private Outcome entry(BatchEntry e) throws IOException {
        if (e.hiveType().matches() != type) {
            return new Outcome(e, Status.OTHER_TYPE, 0);
        }
        KeyPattern pattern = KeyPattern.of(e.keyPath());
        List<Key> keys = pattern.find(hive, n -> read(e, n));
        int before = count;
        Catalog decoder = decoderFor(e);
        if (decoder != null) {
            for (Key k : keys) {
                decoderRows(e, decoder, k);
            }
            int n = count - before;
            if (n > 0) {
                return new Outcome(e, Status.DECODER_ROWS, n);
            } // the decoder read nothing there (DAM under RECmd's Bam plugin, say): the raw values, as without it
        }
        Set<Long> seen = new HashSet<>();
        for (Key k : keys) {
            if (pattern.hasWildcard() && e.valueName() != null && k.valuesNamed(e.valueName()).isEmpty()) {
                continue; // RECmd skips a wildcard match without the value, subkeys and all
            }
            Iterable<Key> scope = e.recursive() ? hive.walk(k) : List.of(k);
            for (Key each : scope) {
                read(e, 1);
                if (seen.add(each.fileOffset())) { // a key reached twice (nested matches, a crafted hive): once
                    keyRows(e, each);
                }
            }
        }
        int n = count - before;
        return new Outcome(e, n > 0 ? Status.ROWS : Status.NOT_PRESENT, n);
    }

    private void keyRows(BatchEntry e, Key k) throws IOException {
        if (e.valueName() != null) {
            for (Value v : k.valuesNamed(e.valueName())) {
                add(valueRow(e, k, v));
            }
            return;
        }
        List<Value> values = k.values();
        if (values.isEmpty()) {
            add(new BatchRow(hivePath, e.hiveType().recmdName(), e.description(), e.category(), recmdPath(k),
                    "", "", "", "", "", text(e.comment()), e.recursive(), false, k.lastWrittenRaw(), "", k.path(),
                    e.line(), k.fileOffset(), -1, -1, ""));
        }
        for (Value v : values) {
            add(valueRow(e, k, v));
        }
    }

    private BatchRow valueRow(BatchEntry e, Key k, Value v) {
        byte[] raw = v.data();
        DecodedValue d = v.decoded(raw);
        String data = RecmdValues.data(d, raw);
        String why = "";
        BinaryConvert c = e.binaryConvert();
        boolean binary = RecmdValues.isBinaryType(v.typeCode());
        if (binary && !e.includeBinary()) {
            data = "(Binary data)";
        } else if (c != BinaryConvert.NONE && (binary || c.appliesToAnyType())) {
            BinaryConvert.Converted conv = c.convert(raw);
            if (conv.ok()) {
                data = conv.text();
            } else {
                why = "BinaryConvert " + c.name() + " not applied: " + conv.failure();
                conversionFailures++;
            }
        }
        String name = v.name().isEmpty() ? "(default)" : v.name();
        return new BatchRow(hivePath, e.hiveType().recmdName(), e.description(), e.category(), recmdPath(k), name,
                RecmdValues.typeName(v.typeCode()), data, "", why, text(e.comment()), e.recursive(), false,
                k.lastWrittenRaw(), "", k.path(), e.line(), k.fileOffset(), v.fileOffset(), v.typeCode(),
                java.util.HexFormat.of().formatHex(raw));
    }

    /** The decoder's entries about {@code k} or a key below it, one {@code (plugin)} row each. */
    private void decoderRows(BatchEntry e, Catalog c, Key k) throws IOException {
        List<Entry> all = decoded.computeIfAbsent(c, x -> Artifacts.run(hive, hivePath, "", type, List.of(x)).entries());
        String under = k.isRoot() ? "\\" : k.path() + "\\";
        read(e, all.size()); // each of the decoder's entries is looked at for this key
        for (Entry en : all) {
            if (!en.keyPath().equals(k.path()) && !en.keyPath().startsWith(under)) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (Field f : en.fields()) {
                sb.append(sb.length() == 0 ? "" : " | ").append(f.name()).append(": ").append(f.shown());
            }
            String notes = String.join("; ", en.notes());
            add(new BatchRow(hivePath, e.hiveType().recmdName(), e.description(), e.category(),
                    recmdPath(en.keyPath()), en.valueName() == null ? "" : en.valueName(), "(plugin)", sb.toString(),
                    "", notes, text(e.comment()), e.recursive(), false, en.lastWritten(),
                    "patchlens hive artifacts --plugin " + c.pluginName(), en.keyPath(), e.line(), en.keyOffset(), -1,
                    -1, ""));
        }
    }

    private String recmdPath(Key k) {
        return recmdPath(k.path());
    }

    /** RECmd's key path: the root key's name, then the path below it. */
    private String recmdPath(String dumpPath) {
        return dumpPath.equals("\\") ? rootName : rootName + dumpPath;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
