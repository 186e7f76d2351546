package dev.trailindex.opensearch;

import dev.trailindex.ingest.EventSink;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.ingest.SinkException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The events of one file, from the thread that reads it to the one that decides them in walk order: a bounded
 * queue, so a reader ahead of the decider waits instead of filling the heap; the file's outcome comes last.
 */
final class FileFeed implements EventSink {
    private static final int CAPACITY = 2000;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final BooleanSupplier stopped;

    FileFeed(BooleanSupplier stopped) {
        this.stopped = stopped;
    }

    @Override
    public void accept(RawEvent event) throws IOException {
        put(event);
    }

    /** The reader is done with the file (after its last event). */
    void done(FileOutcome outcome) {
        try {
            put(outcome);
        } catch (IOException stoppedRun) {
            // The run stops; nobody waits for the outcome.
        }
    }

    /** The reader failed (not the input's fault). */
    void failed(RuntimeException e) {
        try {
            put(e);
        } catch (IOException stoppedRun) {
            // The run stops already.
        }
    }

    private void put(Object o) throws IOException {
        try {
            while (!queue.offer(o, 200, TimeUnit.MILLISECONDS)) {
                if (stopped.getAsBoolean()) {
                    throw new SinkException(new IOException("the load stopped"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException(new IOException("interrupted", e));
        }
    }

    /**
     * The next events, up to {@code max}, into {@code out}; returns the outcome once the file is done (its events
     * all taken), else null.
     */
    FileOutcome take(int max, List<RawEvent> out) throws InterruptedException {
        Object first = queue.take();
        List<Object> got = new ArrayList<>();
        got.add(first);
        queue.drainTo(got, max - 1);
        FileOutcome outcome = null;
        for (Object o : got) {
            if (o instanceof RawEvent ev) {
                out.add(ev);
            } else if (o instanceof FileOutcome f) {
                outcome = f;
            } else if (o instanceof RuntimeException e) {
                throw e;
            }
        }
        return outcome;
    }
}
