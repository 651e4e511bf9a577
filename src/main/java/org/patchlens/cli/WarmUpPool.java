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
 * large hive must not hold them back).
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

    /** Up to {@code workers} threads named {@code name}; all of them at once when there are fewer than 2. */
    WarmUpPool(int workers, String name) {
        this(workers, name, WARM_UP_BYTES, WARM_UP_MILLIS);
    }

    WarmUpPool(int workers, String name, long warmUpBytes, long warmUpMillis) {
        this.workers = workers;
        this.warmUpBytes = warmUpBytes;
        this.pool = new ThreadPoolExecutor(Math.max(1, workers - 1), workers, 0, TimeUnit.MILLISECONDS,
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
