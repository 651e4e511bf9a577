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
import org.patchlens.report.OutputFormat;
import org.patchlens.report.HiveDump;

/**
 * The hive reader on one file, next to {@code hivexml} on the same file in the same run (it reads
 * and prints everything too): open (base block), open and look up one key path, full walk with
 * every class name, value, data and decoded form, and the JSONL dump to a null writer.
 * {@code hive} is a corpus path or {@code synthetic:MB} (a builder hive made once into target/bench).
 * Command and figures: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseSerialGC"})
public class HiveWalkBenchmark {
    @Param({"regipy/SYSTEM", "synthetic:100"})
    public String hive;

    private Path file;
    private String lookup;

    @Setup
    public void setUp() throws Exception {
        file = BenchHives.resolve(hive);
        lookup = hive.startsWith("synthetic:") ? "ControlSet001\\Services\\Svc04000_" : "ControlSet001\\Services\\Tcpip\\Parameters";
        if (hive.startsWith("synthetic:")) {
            try (Hive h = Hive.open(file)) {
                for (Key k : h.key("ControlSet001\\Services").subkeys()) {
                    if (k.name().startsWith("Svc04000_")) {
                        lookup = k.path() + "\\Parameters";
                    }
                }
            }
        }
        try (Hive h = Hive.open(file)) {
            if (h.key(lookup) == null) {
                throw new IllegalStateException("no key " + lookup + " in " + file);
            }
        }
    }

    @Benchmark
    public long open() {
        try (Hive h = Hive.open(file)) {
            return h.header().hiveBinsDataSize();
        }
    }

    @Benchmark
    public Key openAndLookUp() {
        try (Hive h = Hive.open(file)) {
            return h.key(lookup);
        }
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
                    byte[] d = v.data();
                    bh.consume(d);
                    bh.consume(v.decoded(d));
                    n++;
                }
            }
        }
        return n;
    }

    @Benchmark
    public long jsonlDump() throws Exception {
        try (Hive h = Hive.open(file)) {
            // the bytes the CLI writes (UTF-8 straight from the JSONL writer), to a null stream
            return HiveDump.write(h, h.root(), OutputFormat.JSONL, java.io.OutputStream.nullOutputStream(), null,
                    k -> { })[0];
        }
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
}
