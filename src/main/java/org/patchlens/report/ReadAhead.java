package org.patchlens.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * Reads a walk on the calling thread and formats it on a second one, in walk order: a dump's
 * reading (keys, values, data) and its writing (decoding, escaping, encoding) are each a large
 * part of its time (for regipy's SYSTEM, cold: 160 ms reading out of 195 ms in all), so on two
 * cores the dump takes about as long as the longer of the two.
 *
 * <p>Everything that touches the hive, and so everything that can find damage, stays on the
 * calling thread, in the order a plain loop would do it: the damage list is the same either way.
 * The writer gets {@link Item}s holding what was read and must not read the hive itself. At most
 * {@link #QUEUED} batches of about {@link #BATCH_BYTES} wait between the two, so memory stays flat.
 */
final class ReadAhead {
    /** One key, as read: its class name, its values and their data (in value order). */
    record Item(Key key, String className, List<Value> values, List<byte[]> data) {
    }

    interface ItemWriter {
        void write(Item item) throws IOException;
    }

    static final int BATCH_KEYS = 512;
    static final long BATCH_BYTES = 1 << 20;
    static final int QUEUED = 4;
    /** Below this size a hive is dumped on one thread: starting a second costs more than it saves. */
    static final long THREAD_FROM_BYTES = 1 << 20;
    /** The end of the walk: a list of its own, never equal by identity to a batch. */
    private static final List<Item> END = java.util.Collections.unmodifiableList(new ArrayList<>(0));

    private ReadAhead() {
    }

    /** Reads one key the way every dump format needs it. */
    static Item read(Key k) {
        String cls = k.className();
        List<Value> values = k.values();
        List<byte[]> data = new ArrayList<>(values.size());
        for (Value v : values) {
            data.add(v.data());
        }
        return new Item(k, cls, values, data);
    }

    static boolean worthAThread(org.patchlens.hive.Hive hive) {
        return hive.fileSize() >= THREAD_FROM_BYTES;
    }

    /**
     * Every key of {@code walk}, read here and written by {@code writer}: on a second thread when
     * {@code threads} and there is a second core, else on this one.
     */
    static void run(Iterable<Key> walk, boolean threads, ItemWriter writer) throws IOException {
        if (!threads || Runtime.getRuntime().availableProcessors() < 2) {
            for (Key k : walk) {
                writer.write(read(k));
            }
            return;
        }
        BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED);
        Throwable[] failure = new Throwable[1];
        Thread consumer = new Thread(() -> {
            try {
                for (List<Item> batch = queue.take(); batch != END; batch = queue.take()) {
                    for (Item it : batch) {
                        writer.write(it);
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                failure[0] = e;
                queue.clear(); // unblocks the reader, which then sees the failure and stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "patchlens-writer");
        consumer.setDaemon(true);
        consumer.start();
        try {
            List<Item> batch = new ArrayList<>(BATCH_KEYS);
            long bytes = 0;
            for (Key k : walk) {
                if (!consumer.isAlive()) {
                    break; // the writer failed; its exception is thrown below
                }
                Item it = read(k);
                batch.add(it);
                for (byte[] d : it.data()) {
                    bytes += d.length + 64;
                }
                if (batch.size() >= BATCH_KEYS || bytes >= BATCH_BYTES) {
                    put(queue, batch, consumer);
                    batch = new ArrayList<>(BATCH_KEYS);
                    bytes = 0;
                }
            }
            put(queue, batch, consumer);
            put(queue, END, consumer);
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumer.interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (consumer.isAlive()) {
                consumer.interrupt(); // the reader failed: stop the writer too
            }
        }
        Throwable f = failure[0];
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
    }

    /** Hands a batch over, waiting while the queue is full, unless the writer has stopped. */
    private static void put(BlockingQueue<List<Item>> queue, List<Item> batch, Thread consumer)
            throws InterruptedException {
        while (consumer.isAlive()) {
            if (queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }
}
