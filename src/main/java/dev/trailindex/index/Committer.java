package dev.trailindex.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;

/**
 * Commits now and then during a run (or, with a zero interval, after every file), and at its end. Files whose
 * events were all added before a commit began are recorded in the manifest after that commit is durable, never
 * before: a crash leaves the manifest behind the index, so the next run re-reads a little and deduplicates, and
 * never skips a file whose events were lost.
 */
final class Committer implements AutoCloseable {
    private final IndexWriter writer;
    private final FileManifest manifest;
    private final CopyStore copies;
    private final ConcurrentLinkedQueue<FileManifest.Entry> done = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer;
    private final boolean perFile;
    private volatile IOException failure;

    Committer(IndexWriter writer, FileManifest manifest, Duration interval, CopyStore copies) {
        this.writer = writer;
        this.manifest = manifest;
        this.copies = copies;
        this.perFile = interval.isZero();
        if (perFile) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trailindex-commit");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::periodic, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A file whose events have all been handed to the writer (or that needs no reading). */
    void fileDone(FileManifest.Entry entry) {
        done.add(entry);
        if (perFile) {
            periodic();
        }
    }

    /** A stream has been read whole: with a zero interval, its events are committed now, as a file's would be. */
    void streamDone() {
        if (perFile) {
            periodic();
        }
    }

    /** The failure of a periodic commit, if any: the run must stop with it. */
    IOException failure() {
        return failure;
    }

    private void periodic() {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    synchronized void commit() throws IOException {
        List<FileManifest.Entry> batch = new ArrayList<>();
        for (FileManifest.Entry e = done.poll(); e != null; e = done.poll()) {
            batch.add(e);
        }
        // Copies kept so far reach the disk before the commit whose files they came from.
        copies.sync();
        writer.commit();
        manifest.append(batch);
    }

    /** Stops the timer and makes the final commit. */
    void finish() throws IOException {
        stopTimer();
        if (failure != null) {
            throw failure;
        }
        commit();
    }

    /**
     * Never interrupts: a thread interrupted inside a FileChannel call makes the JDK close that channel, and
     * Lucene's write lock with it. A commit under way is let finish.
     */
    private void stopTimer() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopTimer();
    }
}
