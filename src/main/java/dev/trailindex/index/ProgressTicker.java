package dev.trailindex.index;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls the progress listener every two seconds while a run lasts. */
final class ProgressTicker implements AutoCloseable {
    private static final long PERIOD_SECONDS = 2;
    private final ScheduledExecutorService timer;

    ProgressTicker(ReportBuilder report, long files, Indexer.Progress progress) {
        if (progress == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trailindex-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> progress.update(report.filesDone.get(), files, report.eventsRead.get(),
                report.indexed.get()), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
