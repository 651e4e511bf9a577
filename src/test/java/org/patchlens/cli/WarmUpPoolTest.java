package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WarmUpPoolTest {
    /** Two tasks that each wait for the other to start: they finish only when both run at once. */
    private static Future<?>[] twoThatNeedEachOther(WarmUpPool pool) {
        CountDownLatch both = new CountDownLatch(2);
        Future<?>[] f = new Future<?>[2];
        for (int i = 0; i < 2; i++) {
            f[i] = pool.submit(() -> {
                both.countDown();
                return both.await(10, TimeUnit.SECONDS);
            });
        }
        return f;
    }

    @Test
    void oneCoreIsLeftToTheCompilersUntilTheFirstWorkersHaveReadEnough() throws Exception {
        try (WarmUpPool pool = new WarmUpPool(2, "test", 1000, 60_000)) {
            assertEquals(1, pool.running());
            Future<?>[] f = twoThatNeedEachOther(pool);
            Thread.sleep(200);
            assertFalse(f[0].isDone(), "one worker during the warm-up");
            pool.read(999);
            assertEquals(1, pool.running());
            pool.read(1);
            assertEquals(2, pool.running());
            assertEquals(true, f[0].get(10, TimeUnit.SECONDS));
            assertEquals(true, f[1].get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void everyWorkerRunsAfterTheWarmUpTimeWhateverWasRead() throws Exception {
        try (WarmUpPool pool = new WarmUpPool(2, "test", Long.MAX_VALUE, 300)) {
            Future<?>[] f = twoThatNeedEachOther(pool); // the first never reports what it read: it waits for the second
            assertEquals(true, f[0].get(10, TimeUnit.SECONDS));
            assertEquals(true, f[1].get(10, TimeUnit.SECONDS));
            assertEquals(2, pool.running());
        }
    }

    @Test
    void aSingleWorkerNeedsNoWarmUp() throws Exception {
        try (WarmUpPool pool = new WarmUpPool(1, "test", 1000, 60_000)) {
            assertEquals(1, pool.running());
            assertTrue(pool.submit(() -> true).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void fourCoresRunThreeWorkersDuringTheWarmUp() {
        try (WarmUpPool pool = new WarmUpPool(4, "test", 1000, 60_000)) {
            assertEquals(3, pool.running());
            pool.read(1000);
            assertEquals(4, pool.running());
        }
    }

    @Test
    void onlyARunThatC2CompilesForAndLongEnoughWaitsForTheCompilers() throws Exception {
        assertTrue(WarmUpPool.worthIt(4 * WarmUpPool.WARM_UP_BYTES, true));
        assertFalse(WarmUpPool.worthIt(4 * WarmUpPool.WARM_UP_BYTES - 1, true), "a small batch: every worker at once");
        assertFalse(WarmUpPool.worthIt(Long.MAX_VALUE, false), "C1 alone: nothing to wait for");
        // this JVM (the tests run with C2): a small run starts every worker, a long one one fewer
        assertTrue(WarmUpPool.c2());
        try (WarmUpPool small = new WarmUpPool(2, "test", 1L << 20)) {
            assertEquals(2, small.running());
            Future<?>[] f = twoThatNeedEachOther(small);
            assertEquals(true, f[0].get(10, TimeUnit.SECONDS));
        }
        try (WarmUpPool big = new WarmUpPool(2, "test", 1L << 30)) {
            assertEquals(1, big.running());
        }
    }
}
