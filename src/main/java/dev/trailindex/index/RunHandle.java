package dev.trailindex.index;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;

/**
 * A run under way as a Ctrl-C handler sees it. Before the run's own final commit, a stop commits what is finished
 * (every file whose events are all in the writer) and reads how many events the index then holds; once the run
 * has begun to end (its input may have ended with the signal, as a pipe's does), a stop waits for that end instead
 * of racing it.
 */
final class RunHandle {
    private static final long WAIT_SECONDS = 120;

    private final Directory dir;
    private final Committer committer;
    private final CountDownLatch ended = new CountDownLatch(1);
    private boolean ending;
    private volatile long endDocs = -1;

    RunHandle(Directory dir, Committer committer) {
        this.dir = dir;
        this.committer = committer;
    }

    /** The run is about to make its final commit: stops from now on wait for it. */
    synchronized void ending() {
        ending = true;
    }

    /** The run is over, with {@code docs} events in the index (-1 if it failed). */
    void ended(long docs) {
        endDocs = docs;
        ended.countDown();
    }

    /** Commits what is finished; the events the index then holds, or -1 if nothing could be committed. */
    long stop() {
        synchronized (this) {
            if (!ending) {
                try {
                    committer.commit();
                    try (DirectoryReader reader = DirectoryReader.open(dir)) {
                        return reader.numDocs();
                    }
                } catch (IOException | RuntimeException e) {
                    return -1;
                }
            }
        }
        try {
            ended.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return endDocs;
    }
}
