package org.patchlens.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/** The full walk on builder hives of 25, 50 and 100 MiB: the cost per MiB should not grow with size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseSerialGC"})
public class LinearityBenchmark {
    @Param({"25", "50", "100"})
    public int mib;

    private Path file;

    @Setup
    public void setUp() throws Exception {
        file = BenchHives.synthetic(mib);
    }

    @Benchmark
    public long fullWalk(Blackhole bh) {
        long n = 0;
        try (Hive h = Hive.open(file)) {
            for (Key k : h.walk()) {
                n++;
                bh.consume(k.className());
                for (Value v : k.values()) {
                    byte[] d = v.data();
                    bh.consume(v.decoded(d));
                    n++;
                }
            }
        }
        return n;
    }
}
