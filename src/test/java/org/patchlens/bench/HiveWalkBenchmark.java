package org.patchlens.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Full walk (every key, class name, value, data and decoded form) of one hive, next to
 * {@code hivexml} on the same file in the same run (it must read everything too).
 * {@code hive} is a path relative to the corpus hives folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HiveWalkBenchmark {
    @Param({"regipy/SYSTEM"})
    public String hive;

    private Path file;

    @Setup
    public void setUp() throws Exception {
        file = BenchHives.resolve(hive);
    }

    @Benchmark
    public long fullWalk(Blackhole bh) {
        long n = 0;
        try (Hive h = Hive.open(file)) {
            for (Key k : h.walk()) {
                n++;
                bh.consume(k.className());
                bh.consume(k.lastWrittenRaw());
                for (Value v : k.values()) {
                    bh.consume(v.data());
                    bh.consume(v.decoded());
                    n++;
                }
            }
        }
        return n;
    }

    @Benchmark
    public int hivexml() throws Exception {
        Process p = new ProcessBuilder("hivexml", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("hivexml failed on " + file + " (is libhivex-bin installed?)");
        }
        return code;
    }

    @Benchmark
    public Key openAndLookUp() {
        try (Hive h = Hive.open(file)) {
            return h.key("ControlSet001\\Services\\Tcpip\\Parameters");
        }
    }
}
