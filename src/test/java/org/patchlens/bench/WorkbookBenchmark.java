package org.patchlens.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.model.Source;
import org.patchlens.report.CheckReport;
import org.patchlens.report.HiveWorkbooks;
import org.patchlens.report.Report;
import org.patchlens.report.Report.RegistryRow;
import org.patchlens.report.ReportWorkbook;
import org.patchlens.report.XlsxBook;
import org.patchlens.rules.CheckContext;
import org.patchlens.rules.CheckOptions;
import org.patchlens.rules.Finding;
import org.patchlens.rules.RuleEngine;

/**
 * The Excel writers, to a file in a temporary folder: the {@code hive dump -o x.xlsx} workbook of a
 * corpus hive, the {@code check} workbook of the demo evidence (as is, and with its findings and
 * registry rows repeated), and a check workbook of a million registry rows in a 256 MiB heap.
 * The primary score is workbooks per second; the {@code rows} counter is data rows per second (all
 * tables). Heap: run with {@code -prof gc} for bytes allocated per workbook; each iteration prints
 * the heap it needed ({@link HeapWatch}). Command and figures: docs/performance.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseSerialGC"})
public class WorkbookBenchmark {
    static final XlsxBook.Options OPTIONS = new XlsxBook.Options("bench", "patchlens benchmark", true, null);

    /** Data rows written in the iteration; JMH divides OPERATIONS counters by time, so this reads as rows/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        public long rows;

        @Setup(Level.Iteration)
        public void reset() {
            rows = 0;
        }
    }

    /** The folder workbooks are written to; emptied after every iteration, removed at the end. */
    @State(Scope.Thread)
    public static class Out {
        Path dir;

        @Setup(Level.Trial)
        public void create() throws IOException {
            dir = Files.createTempDirectory("patchlens-workbook-bench");
        }

        @TearDown(Level.Iteration)
        public void empty() throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
        }

        @TearDown(Level.Trial)
        public void remove() throws IOException {
            empty();
            Files.delete(dir);
        }
    }

    /**
     * The heap an iteration needed, printed after it (an EVENTS counter would do, but JMH sums those
     * over the iterations). Two figures: the most heap in use right after any collection (an upper
     * bound of what the writer keeps), and the sum of the heap pools' peaks (the most the JVM had to
     * give it, at most -Xmx). The benchmarks take it as an argument only so that JMH runs it around
     * their iterations.
     */
    @State(Scope.Thread)
    public static class HeapWatch implements NotificationListener {
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private volatile long maxAfterGc;

        @Setup(Level.Iteration)
        public void start() {
            System.gc(); // so what the previous iteration left does not count for this one
            maxAfterGc = 0;
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            maxAfterGc = Math.max(maxAfterGc, used);
        }

        @TearDown(Level.Iteration)
        public void report() throws Exception {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
            System.out.printf(" [heap: max in use after a GC %d MiB, pool peaks %d MiB, -Xmx %d MiB] ",
                    maxAfterGc >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** A corpus hive (or {@code synthetic:MB}) and the rows its dump workbook has. */
    @State(Scope.Benchmark)
    public static class HiveInput {
        @Param({"regipy/SYSTEM"})
        public String hive;

        Path file;
        long rowsPerBook;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            file = BenchHives.resolve(hive);
            // The dump writes one row per value, and one for a key without values.
            try (Hive h = Hive.open(file)) {
                for (Key k : h.walk()) {
                    rowsPerBook += Math.max(1, k.values().size());
                }
            }
            System.out.printf("rows per dump workbook: %,d%n", rowsPerBook);
        }
    }

    /** The {@code check --demo} report with its findings and registry rows repeated {@code scale} times. */
    @State(Scope.Benchmark)
    public static class ScaledDemo {
        @Param({"1", "1000"})
        public int scale;

        Report report;

        @Setup(Level.Trial)
        public void setUp() {
            Report d = Demo.REPORT;
            // Demo.REPORT's registry is a list (see Demo); the copies share their row objects.
            report = with(d, repeat(d.findings(), scale), repeat((List<RegistryRow>) d.registry(), scale));
            System.out.printf("findings %,d, registry rows %,d%n", report.findings().size(),
                    ((List<?>) report.registry()).size());
        }
    }

    @Benchmark
    public long[] hiveDump(HiveInput in, Out out, Rows rows, HeapWatch heap) throws IOException {
        try (Hive h = Hive.open(in.file)) {
            long[] kv = HiveWorkbooks.dump(h, h.root(), new HiveWorkbooks.Input(in.hive, "(not computed)",
                    Files.size(in.file)), out.dir.resolve("dump.xlsx"), OPTIONS,
                    new HiveWorkbooks.Run("bench", List.of("hive", "dump", in.hive, "-o", "dump.xlsx"), Instant.now()));
            rows.rows += in.rowsPerBook;
            return kv;
        }
    }

    @Benchmark
    public ReportWorkbook.Written checkReport(ScaledDemo in, Out out, Rows rows, HeapWatch heap) throws IOException {
        return write(in.report, out, rows);
    }

    /**
     * The demo report plus a million registry rows made as they are written (a big comparison streams
     * them the same way), in a 256 MiB heap: only streaming lets this finish.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
    public ReportWorkbook.Written millionRows256MiB(Out out, Rows rows, HeapWatch heap) throws IOException {
        Report d = Demo.REPORT;
        return write(with(d, d.findings(), generatedRows(1_000_000)), out, rows);
    }

    private static ReportWorkbook.Written write(Report r, Out out, Rows rows) throws IOException {
        ReportWorkbook.Written w = ReportWorkbook.write(r, out.dir.resolve("report.xlsx"), OPTIONS);
        rows.rows += w.rows().values().stream().mapToLong(Long::longValue).sum();
        return w;
    }

    /** {@code n} registry rows, each made when the writer asks for it (none kept). */
    static Iterable<RegistryRow> generatedRows(long n) {
        return () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public RegistryRow next() {
                long k = i++;
                return new RegistryRow("live SYSTEM", "ControlSet001\\Services\\MSExchangeIS\\K" + (k / 16),
                        "Value " + (k % 16), true, "REG_DWORD", Long.toString(k), String.format("%08x", k),
                        0x01C0F5A1B2C3D4E5L + k, new Source("SYSTEM", "", 0x1000 + k * 24), "CLU-08", "");
            }
        };
    }

    /**
     * What {@code check --demo} reports, made once per fork when first used: the bundled evidence
     * (testdata/demo, the files FILES lists) checked with the operator facts of testdata/demo/check.args.
     * The registry rows are copied into a list, because the report's own iterable reads the hives
     * lazily and only once; so the benchmarks time the writer, not the hive reads behind those rows.
     */
    static final class Demo {
        static final Report REPORT = load();

        private static Report load() {
            Path src = Path.of("testdata", "demo");
            try {
                Path dir = Files.createTempDirectory("patchlens-demo-bench");
                try {
                    for (String name : Files.readAllLines(src.resolve("FILES"), StandardCharsets.UTF_8)) {
                        if (!name.isBlank()) {
                            Path to = dir.resolve(name.trim());
                            Files.createDirectories(to.getParent());
                            Files.copy(src.resolve(name.trim()), to);
                        }
                    }
                    List<Evidence> evidence = EvidenceScanner.scan(dir);
                    // The facts of testdata/demo/check.args, by hand.
                    CheckOptions facts = new CheckOptions(CheckOptions.RestoreType.OFFLINE, false, "Contoso", "HQ",
                            "EXVS01", "SET _CLUSTER_NETWORK_NAME_=NODE1", "5.5.2650.21", null, null, 1);
                    CheckContext ctx = new CheckContext(evidence, facts);
                    Report r = CheckReport.withStoreFromEvidence(CheckReport.of(ctx, RuleEngine.run(ctx),
                            new Report.Run("bench", List.of("check", "--demo", "-o", "report.xlsx"), Instant.now())),
                            evidence);
                    List<RegistryRow> registry = new ArrayList<>();
                    r.registry().forEach(registry::add);
                    return with(r, r.findings(), List.copyOf(registry));
                } finally {
                    try (Stream<Path> s = Files.walk(dir)) {
                        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Report with(Report r, List<Finding> findings, Iterable<RegistryRow> registry) {
        return new Report(r.verdict(), findings, r.remedies(), r.restore(), r.cluster(), r.evidence(), registry,
                r.clusterRows(), r.store(), r.logChain(), r.run());
    }

    static <T> List<T> repeat(List<T> l, int times) {
        List<T> out = new ArrayList<>(l.size() * times);
        for (int i = 0; i < times; i++) {
            out.addAll(l);
        }
        return out;
    }
}
