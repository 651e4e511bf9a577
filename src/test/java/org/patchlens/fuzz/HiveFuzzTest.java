package org.patchlens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.hive.DecodedValue;
import org.patchlens.hive.DeletedRecords;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.HiveRecovery;
import org.patchlens.hive.LogHistory;
import org.patchlens.hive.ReplayLedger;
import org.patchlens.report.HistoryWriter;
import org.patchlens.report.OutputFormat;

/**
 * Fuzz targets for the hive reader. In {@code mvn verify} each runs once per seed (made by the
 * builders) and per committed crash input under src/test/resources/org/patchlens/fuzz/HiveFuzzTestInputs;
 * with JAZZER_FUZZ=1 one target is fuzzed (docs/reliability.md).
 */
@Timeout(10)
class HiveFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.hives();

    static Stream<byte[]> seeds() {
        return SEEDS.stream();
    }

    /** Raw bytes: open, full walk with every value decoded, security descriptors, statistics, look-ups. */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5m")
    void hiveBytes(byte[] data) {
        Hive h = ParserContract.open(data);
        if (h != null) {
            ParserContract.readEverything(h);
            ParserContract.lookUps(h, "ControlSet001\\Services\\MSExchangeIS\\ParametersSystem");
        }
    }

    /** Every dump and export writer (jsonl, csv, text, listing, .reg, diff with itself). */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5m")
    void dumpWriters(byte[] data) throws IOException {
        Hive h = ParserContract.open(data);
        if (h != null) {
            ParserContract.writeAll(h);
        }
    }

    /** The deleted-record scan (free cells and slack) of any bytes, and every item it recovers. */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5m")
    void deletedRecords(byte[] data) {
        Hive h = ParserContract.open(data);
        if (h != null) {
            for (DeletedRecords.Item i : DeletedRecords.scan(h)) {
                i.toString();
                if (!i.isKey()) {
                    DecodedValue.decode(i.typeCode(), i.data()).render(i.data());
                }
            }
            ParserContract.checkDamage(h);
        }
    }

    private static final List<byte[][]> REPLAYS = FuzzSeeds.replays();

    /**
     * Log replay: a dirty primary and one transaction log (new or old format), one of them with a
     * few bytes overwritten, offered in any slot. The primary bytes are never modified; a recovered
     * image is then read like any hive.
     */
    @FuzzTest(maxDuration = "5m")
    void logReplay(FuzzedDataProvider in) throws IOException {
        byte[][] pair = REPLAYS.get(in.consumeInt(0, REPLAYS.size() - 1));
        byte[] primary = pair[0].clone();
        byte[] log = pair[1].clone();
        byte[] target = in.consumeBoolean() ? log : primary;
        int n = in.consumeInt(0, 8);
        ByteBuffer tb = ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n && in.remainingBytes() > 0; i++) {
            int pos = in.consumeInt(0, target.length - 4);
            if (in.consumeBoolean()) {
                target[pos] = in.consumeByte();
            } else {
                tb.putInt(pos, in.consumeInt());
            }
        }
        if (in.consumeBoolean() && target == log && log.length > 512) {
            log = java.util.Arrays.copyOf(log, in.consumeInt(0, log.length));
        }
        HiveRecovery.Slot slot = in.pickValue(HiveRecovery.Slot.values());
        byte[] copy = primary.clone();
        HiveRecovery.Recovery r;
        try {
            r = HiveRecovery.recover(ParserContract.NAME, ByteBuffer.wrap(primary),
                    List.of(new HiveRecovery.LogInput(ParserContract.NAME + "." + slot, slot, ByteBuffer.wrap(log))));
        } catch (HiveException e) {
            ParserContract.checkRefusal(e);
            return;
        }
        if (!java.util.Arrays.equals(copy, primary)) {
            throw new AssertionError("replay modified the primary bytes");
        }
        r.ledger().toString();
        if (r.image() != null) {
            Hive h = ParserContract.open(r.image());
            if (h != null) {
                ParserContract.readEverything(h);
            }
        }
    }

    private static final List<byte[][]> HISTORIES = FuzzSeeds.histories();

    /**
     * The history of a log replay ({@code hive history}): a dirty primary and a log of several entries
     * that change one value several times (or an old-format log), either file with a few bytes
     * overwritten or the log truncated, in any slot, the whole hive or a subtree. The primary bytes are
     * never modified; every state the replay applies is a state of the history; each change names one of
     * them and each key's or value's states come in sequence order; every writer renders it.
     */
    @FuzzTest(maxDuration = "5m")
    void logHistory(FuzzedDataProvider in) throws IOException {
        byte[][] pair = HISTORIES.get(in.consumeInt(0, HISTORIES.size() - 1));
        byte[] primary = pair[0].clone();
        byte[] log = pair[1].clone();
        byte[] target = in.consumeBoolean() ? log : primary;
        int n = in.consumeInt(0, 8);
        ByteBuffer tb = ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n && in.remainingBytes() > 0; i++) {
            int pos = in.consumeInt(0, target.length - 4);
            if (in.consumeBoolean()) {
                target[pos] = in.consumeByte();
            } else {
                tb.putInt(pos, in.consumeInt());
            }
        }
        if (in.consumeBoolean() && target == log && log.length > 512) {
            log = java.util.Arrays.copyOf(log, in.consumeInt(0, log.length));
        }
        HiveRecovery.Slot slot = in.pickValue(HiveRecovery.Slot.values());
        String path = in.pickValue(new String[] {"", "Select", "Added", "ControlSet001\\Services", "No\\Such"});
        byte[] copy = primary.clone();
        LogHistory.History h;
        try {
            h = LogHistory.of(ParserContract.NAME, ByteBuffer.wrap(primary), List.of(new HiveRecovery.LogInput(
                    ParserContract.NAME + "." + slot, slot, ByteBuffer.wrap(log))), path,
                    LogHistory.Budget.of(primary.length, log.length));
        } catch (HiveException e) {
            ParserContract.checkRefusal(e);
            return;
        }
        if (!java.util.Arrays.equals(copy, primary)) {
            throw new AssertionError("the history modified the primary bytes");
        }
        long applied = h.ledger().logs().stream().flatMap(l -> l.entries().stream())
                .filter(ReplayLedger.EntryRecord::applied).count();
        if (applied != h.states()) {
            throw new AssertionError(applied + " entries applied but " + h.states() + " states");
        }
        LogHistory.Item last = null;
        for (LogHistory.Item i : h.items()) {
            if (i.state() < 1 || i.state() > h.states()) {
                throw new AssertionError("a change at state " + i.state() + " of " + h.states());
            }
            if (last != null && last.isKey() == i.isKey() && last.path().equals(i.path())
                    && java.util.Objects.equals(last.valueName(), i.valueName()) && last.state() >= i.state()) {
                throw new AssertionError("states out of order: " + last + " then " + i);
            }
            last = i;
        }
        for (OutputFormat f : HistoryWriter.FORMATS) {
            HistoryWriter.write(h, f, new java.io.StringWriter());
        }
    }

    /**
     * Structure-aware: a seed hive with a few 1-, 2- or 4-byte fields overwritten inside its
     * cells, the checksum fixed or not. Mutations stay in the bins, so they hit records that
     * are otherwise well formed, which raw mutation of 16-64 KiB inputs rarely does.
     */
    @FuzzTest(maxDuration = "5m")
    void patchedHive(FuzzedDataProvider in) throws IOException {
        byte[] seed = SEEDS.get(in.consumeInt(0, SEEDS.size() - 1));
        byte[] b = seed.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int patches = in.consumeInt(1, 8);
        for (int i = 0; i < patches && in.remainingBytes() > 0; i++) {
            int pos = in.consumeInt(0, b.length - 4);
            switch (in.consumeInt(0, 3)) {
                case 0 -> b[pos] = in.consumeByte();
                case 1 -> bb.putShort(pos, in.consumeShort());
                case 2 -> bb.putInt(pos, in.consumeInt());
                default -> bb.putInt(pos, in.pickValue(new int[] {0, -1, 0x7FFFFFFF, 0x80000000, 8, -8, 4096,
                        -4096, 0xFFFF, 1 << 20}));
            }
        }
        if (in.consumeBoolean()) {
            bb.putInt(508, (int) HiveBuilder.checksumOf(b));
        }
        Hive h = ParserContract.open(b);
        if (h != null) {
            ParserContract.readEverything(h);
            ParserContract.writeAll(h);
        }
    }
}
