package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends bulk operations with a few threads, each owning the operations of some document ids, so that operations on
 * one id are applied in the order they were given. Batches are bounded by count and bytes; a full queue blocks the
 * producer (back-pressure); items the cluster answers 429 or 503 to, and batches that time out, are sent again
 * after a growing pause; anything else (mapping, credentials, read-only) stops the run with its one line.
 */
final class BulkSender implements AutoCloseable {
    /** One bulk operation, serialised by the sender thread (so building documents runs on every sender). */
    interface Op {
        String id();

        /** The action line and the source line, each ending in a newline. */
        byte[] lines() throws IOException;
    }

    /** Limits of one batch and of the retries. */
    record Limits(int maxCount, int maxBytes, int queue, int maxRetries) {
        static final Limits DEFAULT = new Limits(1000, 5 << 20, 2000, 12);
    }

    private static final Op FLUSH = null;
    private final OsClient client;
    private final Limits limits;
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicReference<OpenSearchException> failure = new AtomicReference<>();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong existed = new AtomicLong();

    BulkSender(OsClient client, int threads, Limits limits) {
        this.client = client;
        this.limits = limits;
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(new ArrayBlockingQueue<>(limits.queue()));
            Thread t = new Thread(w, "trailindex-bulk-" + i);
            t.setDaemon(true);
            workers.add(w);
            t.start();
        }
    }

    /** Queues {@code op}, waiting while its sender's queue is full. */
    void send(Op op) {
        check();
        Worker w = workers.get(Math.floorMod(op.id().hashCode(), workers.size()));
        try {
            while (!w.queue.offer(new Item(op, null), 200, TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchException(OpenSearchException.Kind.FAILED, "interrupted while loading");
        }
    }

    /** Waits until everything queued so far is acknowledged by the cluster. */
    void flush() {
        CountDownLatch done = new CountDownLatch(workers.size());
        try {
            for (Worker w : workers) {
                while (!w.queue.offer(new Item(FLUSH, done), 200, TimeUnit.MILLISECONDS)) {
                    check();
                }
            }
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchException(OpenSearchException.Kind.FAILED, "interrupted while loading");
        }
        check();
    }

    /** The first failure of a sender, thrown. */
    void check() {
        OpenSearchException f = failure.get();
        if (f != null) {
            throw f;
        }
    }

    @Override
    public void close() {
        workers.forEach(w -> w.stopped = true);
    }

    private record Item(Op op, CountDownLatch flushed) {
    }

    private final class Worker implements Runnable {
        final BlockingQueue<Item> queue;
        volatile boolean stopped;

        Worker(BlockingQueue<Item> queue) {
            this.queue = queue;
        }

        @Override
        public void run() {
            List<byte[]> batch = new ArrayList<>();
            int bytes = 0;
            while (!stopped) {
                Item item;
                try {
                    item = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (item != null && item.op() != FLUSH) {
                        byte[] lines = failure.get() == null ? item.op().lines() : new byte[0];
                        batch.add(lines);
                        bytes += lines.length;
                    }
                    boolean flush = item == null || item.op() == FLUSH || batch.size() >= limits.maxCount() || bytes >= limits.maxBytes();
                    if (flush && !batch.isEmpty() && failure.get() == null) {
                        sendAll(batch);
                    }
                    if (flush) {
                        batch.clear();
                        bytes = 0;
                    }
                } catch (OpenSearchException e) {
                    failure.compareAndSet(null, e);
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, new OpenSearchException(OpenSearchException.Kind.FAILED,
                            "cannot build a bulk request: " + e.getMessage(), e));
                }
                if (item != null && item.flushed() != null) {
                    item.flushed().countDown();
                }
            }
        }

        /** Sends the batch; the items refused as busy go again after a pause, until none is left. */
        private void sendAll(List<byte[]> batch) {
            List<byte[]> left = batch;
            for (int attempt = 0; !left.isEmpty(); attempt++) {
                if (attempt > 0) {
                    if (attempt > limits.maxRetries()) {
                        throw new OpenSearchException(OpenSearchException.Kind.BUSY, "OpenSearch at " + client.connection().base()
                                + " stayed busy: " + left.size() + " operations still refused after " + limits.maxRetries() + " tries");
                    }
                    retries.incrementAndGet();
                    pause(attempt);
                }
                left = once(left, attempt == limits.maxRetries());
            }
        }

        /** One bulk request; returns the items to send again. */
        private List<byte[]> once(List<byte[]> batch, boolean last) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            batch.forEach(body::writeBytes);
            JsonNode answer;
            try {
                answer = client.bulk(body.toByteArray());
            } catch (OpenSearchException e) {
                if (e.retryable() && !last) {
                    return batch;
                }
                throw e;
            }
            if (!answer.path("errors").asBoolean()) {
                return List.of();
            }
            List<byte[]> again = new ArrayList<>();
            JsonNode items = answer.path("items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode result = items.get(i).elements().next();
                int status = result.path("status").asInt();
                if (status < 300) {
                    continue;
                }
                if (status == 409) {
                    // create of an id that exists: the loader looked it up first, so only a concurrent writer does this.
                    existed.incrementAndGet();
                } else if (status == 429 || status == 503) {
                    again.add(batch.get(i));
                } else {
                    throw OsErrors.ofItem(client.connection(), status, result.path("error"));
                }
            }
            return again;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(30_000L, 100L << Math.min(attempt, 9)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The two lines of an operation whose source is already a JSON tree. */
    static byte[] lines(String action, String index, String id, ObjectNode source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ObjectNode head = OsClient.JSON.createObjectNode();
        head.putObject(action).put("_index", index).put("_id", id);
        OsClient.JSON.writeValue(out, head);
        out.write('\n');
        OsClient.JSON.writeValue(out, source);
        out.write('\n');
        return out.toByteArray();
    }
}
