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
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;

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
