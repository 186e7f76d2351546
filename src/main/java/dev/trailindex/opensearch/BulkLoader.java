package dev.trailindex.opensearch;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.Indexer;
import dev.trailindex.index.IngestReport;
import dev.trailindex.index.ReportBuilder;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.IngestLimits;
import dev.trailindex.ingest.InputWalker;
import dev.trailindex.ingest.LogFileReader;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.ingest.SinkException;
import dev.trailindex.schema.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Loads CloudTrail files into a trailindex on OpenSearch, reading them exactly as the local indexer does (same
 * walker, reader, limits, bad-input accounting and report, the same document per event) and sending the events
 * with the bulk API. Files are read in parallel and decided in walk order ({@link OsEventWriter}); every
 * {@code checkpoint} the loader waits for the cluster to acknowledge what it sent, flags winners of conflicting
 * copies, and only then records the files finished in {@code NAME-files}: a run killed at any moment and run
 * again ends with the same documents.
 */
public final class BulkLoader {
    /**
     * How to load.
     *
     * @param threads    files read at once, and bulk senders
     * @param limits     bounds on hostile input, as locally
     * @param checkpoint how often finished files are recorded
     * @param full       read every file, even those loaded before unchanged
     */
    public record Options(int threads, IngestLimits limits, Duration checkpoint, boolean full) {
        public static Options defaults() {
            return new Options(Math.max(2, Runtime.getRuntime().availableProcessors()), IngestLimits.DEFAULT, Duration.ofSeconds(10), false);
        }
    }

    private static final int CHUNK = 500;
    private static final long READER_STACK_BYTES = 64L << 20;

    private final Schema schema;
    private final OsClient client;
    private final String name;
    private final Options options;
    private final BulkSender.Limits batch;
    private volatile boolean stopped;

    public BulkLoader(Schema schema, OsClient client, String name, Options options) {
        this(schema, client, name, options, BulkSender.Limits.DEFAULT);
    }

    BulkLoader(Schema schema, OsClient client, String name, Options options, BulkSender.Limits batch) {
        this.schema = schema;
        this.client = client;
        this.name = name;
        this.options = options;
        this.batch = batch;
    }

    /** Loads {@code inputs}; the report's {@code documents} is the number of events the alias then holds. */
    public IngestReport run(List<Path> inputs, Indexer.Progress progress) {
        long started = System.nanoTime();
        IndexTemplate.check(client, schema, name);
        OsIndices indices = new OsIndices(client, name);
        indices.ensureBookkeeping();
        InputWalker.Found found = InputWalker.walk(inputs);
        if (!found.streams().isEmpty()) {
            throw new IllegalArgumentException("standard input cannot be loaded into OpenSearch (a run must be able to read it again): "
                    + "save it to a file first");
        }
        ReportBuilder report = new ReportBuilder(found.files().size() + found.outcomes().size());
        found.outcomes().forEach(report::add);
        OsFileSelection selection = new OsFileSelection(OsManifest.load(client, indices.files()), options.full());
        List<OsFileSelection.Candidate> toRead = selection.select(found.files(), report);
        indices.pauseRefresh();
        client.refresh(name + "," + IndexTemplate.eventsPattern(name));
        boolean lookUp = client.count(name, null) > 0;
        WalkOrder order = new WalkOrder(toRead.stream().map(OsFileSelection.Candidate::path).toList());
        try (BulkSender sender = new BulkSender(client, Math.max(1, options.threads()), batch)) {
            Checkpoints checkpoints = new Checkpoints(schema, client, indices, sender, selection.touched());
            OsEventWriter writer = new OsEventWriter(new DocumentBuilder(schema), indices, sender,
                    new ClusterCopies(client, name, schema), report, lookUp, order);
            Runnable ticker = ticker(report, toRead.size(), progress);
            try {
                readAll(sorted(toRead), writer, report, checkpoints);
                checkpoints.run(writer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenSearchException(OpenSearchException.Kind.FAILED, "interrupted while loading", e);
            } finally {
                ticker.run();
                writer.close();
            }
            report.conflicts(writer.conflicts());
        }
        indices.resumeRefresh();
        return report.build(client.count(name, null), (System.nanoTime() - started) / 1_000_000);
    }

    /** Asks a run under way to stop at once (what is recorded stays; the next run reads the rest). */
    public void stop() {
        stopped = true;
    }

    private static List<OsFileSelection.Candidate> sorted(List<OsFileSelection.Candidate> c) {
        List<OsFileSelection.Candidate> out = new ArrayList<>(c);
        out.sort(java.util.Comparator.comparing(OsFileSelection.Candidate::path));
        return out;
    }

    private void readAll(List<OsFileSelection.Candidate> files, OsEventWriter writer, ReportBuilder report, Checkpoints checkpoints)
            throws InterruptedException {
        LogFileReader reader = new LogFileReader(schema, options.limits());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.threads(), files.size())), r -> {
            Thread t = new Thread(null, r, "trailindex-read", READER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<FileFeed> feeds = new ArrayList<>();
            for (OsFileSelection.Candidate c : files) {
                FileFeed feed = new FileFeed(() -> stopped);
                feeds.add(feed);
                pool.submit(() -> {
                    try {
                        feed.done(reader.read(c.path(), c.path().toString(), feed));
                    } catch (SinkException e) {
                        feed.failed(e);
                    } catch (RuntimeException e) {
                        feed.failed(e);
                    }
                });
            }
            for (int i = 0; i < files.size(); i++) {
                decide(files.get(i), feeds.get(i), writer, report, checkpoints);
                feeds.set(i, null);
            }
        } finally {
            stopped = true;
            pool.shutdownNow();
        }
    }

    private void decide(OsFileSelection.Candidate c, FileFeed feed, OsEventWriter writer, ReportBuilder report, Checkpoints checkpoints)
            throws InterruptedException {
        String file = c.path().toString();
        while (true) {
            if (stopped) {
                throw new OpenSearchException(OpenSearchException.Kind.FAILED, "the load was stopped");
            }
            List<RawEvent> chunk = new ArrayList<>(CHUNK);
            FileOutcome outcome = feed.take(CHUNK, chunk);
            if (!chunk.isEmpty()) {
                writer.write(file, chunk);
            }
            if (outcome != null) {
                report.add(outcome);
                if (outcome.sha256() != null) {
                    checkpoints.fileDone(new OsManifest.Entry(file, c.size(), c.mtime(), outcome.sha256(), outcome.events(), outcome.failed()));
                }
                checkpoints.maybeRun(writer, options.checkpoint());
                return;
            }
        }
    }

    /** Prints progress every two seconds until the returned stop is run. */
    private static Runnable ticker(ReportBuilder report, long files, Indexer.Progress progress) {
        if (progress == null) {
            return () -> { };
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trailindex-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            long[] p = report.progress();
            progress.update(p[0], files, p[1], p[2]);
        }, 2, 2, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    /** For tests: the manifest as the cluster holds it. */
    static Map<String, OsManifest.Entry> manifest(OsClient client, String name) {
        return OsManifest.load(client, new OsIndices(client, name).files());
    }
}
