package org.patchlens.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.patchlens.cli.Main;
import org.patchlens.ese.EseBuilder;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;

/** ESE header parsing (a database header with its shadow copy) and the whole {@code check --demo} in process. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class EseAndCheckBenchmark {
    private byte[] database;
    private byte[] log;

    @Setup
    public void setUp() {
        database = EseBuilder.Database.current(8192).bytes();
        log = EseBuilder.Log.current().bytes();
    }

    @Benchmark
    public EseHeader eseDatabaseHeader() {
        return EseFile.read("bench.edb", database);
    }

    @Benchmark
    public EseHeader eseLogHeader() {
        return EseFile.read("bench.log", log);
    }

    @Benchmark
    public int checkDemo() {
        PrintWriter nul = new PrintWriter(Writer.nullWriter());
        return Main.run(new String[] {"check", "--demo"}, nul, nul);
    }
}
