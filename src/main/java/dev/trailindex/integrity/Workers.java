package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs {@code count} tasks on a few threads, each taking the next index; nothing is queued up front. */
final class Workers {
    private Workers() {
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads; returns when all are done. */
    static void run(int threads, int count, AtomicInteger done, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        List<Thread> pool = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, count)); t++) {
            Thread worker = new Thread(() -> {
                int i;
                while (failures.isEmpty() && (i = next.getAndIncrement()) < count) {
                    task.accept(i);
                    done.incrementAndGet();
                }
            }, "trailindex-verify-" + t);
            worker.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            worker.start();
            pool.add(worker);
        }
        for (Thread worker : pool) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            }
        }
        if (!failures.isEmpty()) {
            Throwable f = failures.get(0);
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }
}
