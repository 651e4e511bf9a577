package org.patchlens.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workers of a batch: one per core, but while the JVM warms up one core is left to its JIT compilers. At the
 * start every method runs interpreted or in C1's profiling code, and the compilers turn the hot ones into fast
 * code; with a worker on every core the workers and the compilers take turns, the fast code arrives later, and
 * every worker meanwhile runs slow code: on two cores, a tree of 1,000 hives cost about a tenth more CPU time
 * than when the second worker joins after the first {@link #WARM_UP_BYTES} (docs/performance.md). The other
 * workers join once the first have read that much, or after {@link #WARM_UP_MILLIS} whatever they have read (one
 * large hive must not hold them back). Only for a run that C2 compiles for and that is long enough to gain from
 * it ({@link #worthIt}): a small batch, run by C1 alone, only took longer with one worker (50 hives of 30 MB: 0.65 s
 * against 0.47 s wall, the same CPU time).
 */
final class WarmUpPool implements AutoCloseable {
    /** Hive bytes read before every worker runs. */
    static final long WARM_UP_BYTES = 64L << 20;
    /** The longest the warm-up lasts. */
    static final long WARM_UP_MILLIS = 2_000;

    private final int workers;
    private final long warmUpBytes;
    private final ThreadPoolExecutor pool;
    private final AtomicLong read = new AtomicLong();
    private final Thread timer;

    /**
     * Up to {@code workers} threads named {@code name} for a run over {@code bytes} of hives; all of them at once
     * when there are fewer than 2 or the warm-up is not {@link #worthIt}.
     */
    WarmUpPool(int workers, String name, long bytes) {
        this(worthIt(bytes, c2()) ? 1 : 0, workers, name, WARM_UP_BYTES, WARM_UP_MILLIS);
    }

    /** With the warm-up whatever the run (for tests: their own limits). */
    WarmUpPool(int workers, String name, long warmUpBytes, long warmUpMillis) {
        this(1, workers, name, warmUpBytes, warmUpMillis);
    }

    /**
     * Whether a run over {@code bytes} gains from the warm-up: C2 compiles in this JVM (the launcher runs short
     * runs with C1 alone, whose few compilations do not compete), and the warm-up is at most a quarter of the run.
     */
    static boolean worthIt(long bytes, boolean c2) {
        return c2 && bytes >= 4 * WARM_UP_BYTES;
    }

    /** Whether this JVM compiles with C2 (HotSpot: TieredStopAtLevel 4, or tiered compilation off). */
    static boolean c2() {
        try {
            var vm = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return !vm.getVMOption("TieredCompilation").getValue().equals("true")
                    || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException e) {
            return false; // not HotSpot: no warm-up, every worker at once as before
        }
    }

    /** {@code holdBack}: 1 to start with one worker fewer (at least one), 0 for all of them at once. */
    private WarmUpPool(int holdBack, int workers, String name, long warmUpBytes, long warmUpMillis) {
        this.workers = workers;
        this.warmUpBytes = warmUpBytes;
        this.pool = new ThreadPoolExecutor(Math.max(1, workers - holdBack), workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        this.timer = new Thread(() -> {
            try {
                Thread.sleep(warmUpMillis);
                joinAll();
            } catch (InterruptedException e) {
                // closed before the warm-up ended
            }
        }, name + "-warm-up");
        timer.setDaemon(true);
        if (running() < workers) {
            timer.start();
        }
    }

    /** Runs {@code task}, which reports the bytes it read through {@link #read}. */
    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** {@code bytes} more were read: past the warm-up, every worker runs (the queued tasks start at once). */
    void read(long bytes) {
        if (read.addAndGet(bytes) >= warmUpBytes) {
            joinAll();
        }
    }

    private synchronized void joinAll() {
        if (pool.getCorePoolSize() < workers) {
            pool.setCorePoolSize(workers);
        }
    }

    /** The number of threads that may run at once now. */
    int running() {
        return pool.getCorePoolSize();
    }

    @Override
    public void close() {
        timer.interrupt();
        pool.shutdownNow();
    }
}
