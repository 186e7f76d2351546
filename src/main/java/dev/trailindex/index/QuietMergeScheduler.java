package dev.trailindex.index;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.ConcurrentMergeScheduler;

/**
 * Lucene's merge scheduler, except that a failed background merge (a full disk, say) is kept for the run to report
 * in one line instead of escaping its thread as a stack trace on the terminal. The writer drops the failed merge
 * and its files; the next commit meets the same cause and stops the run with it.
 */
final class QuietMergeScheduler extends ConcurrentMergeScheduler {
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    protected void handleMergeException(Throwable exc) {
        failure.compareAndSet(null, exc);
    }

    /** The first merge failure, or null. */
    Throwable failure() {
        return failure.get();
    }
}
